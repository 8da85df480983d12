"""Self-evaluation templates as data (vocab/templates/), read from any rendering.

`read_templates` is the one hook the extractor calls per report: the blocks no table
recogniser took become a cell stream (stream.py); the disclosure tables (三公经费, 收入支出,
spending lists: columns.py, disclosure.py) are read first, then the engine (engine.py) finds
the self-evaluation templates' funding blocks and score rows in the rest, and this module turns what was read into
fact rows — or into `unrecognised` rows saying why not.
"""

from __future__ import annotations

from pipeline.extract.cells import Val
from pipeline.extract.recognisers.context import (
    Ctx,
    _new_project,
    _score,
    add_budget,
    add_execution,
)
from pipeline.extract.templates.align import Tok
from pipeline.extract.templates.defs import fields, templates
from pipeline.extract.templates.disclosure import disclosure_facts
from pipeline.extract.templates.engine import Block, breakdown_stage, dimension, read_blocks
from pipeline.extract.templates.graded_rows import graded_rows_facts
from pipeline.extract.templates.grids import summary_grids
from pipeline.extract.templates.run_rows import run_rows_facts
from pipeline.extract.templates.stream import SCell, cells_of
from pipeline.extract.templates.transposed import transposed_facts
from pipeline.extract.templates.weighted import weighted_facts
from pipeline.extract.vocabulary import line_items
from pipeline.model import Block as DocBlock
from pipeline.normalize.money import DEFAULT_MONEY_UNIT

__all__ = ["read_templates", "stream_facts"]

_DEFAULT_UNIT = DEFAULT_MONEY_UNIT  # GLOSSARY: amounts are in 万元 unless a header or the cell says otherwise


def _total_label() -> str:
    """The funding block's total as the vocabulary names it (total: 年度资金总额)."""
    return next(r["label_zh"] for r in line_items() if r["code"] == "total")


def _val(tok: Tok) -> Val:
    return Val(tok.num, tok.cell.cell, tok.cell.ref)


def _words() -> tuple[str, ...]:
    return tuple(sorted({w for t in templates() for w in t.split_words}, key=len, reverse=True))


def stream_facts(blocks: list[DocBlock], ctx: Ctx) -> set[str]:
    """Read the templates in `blocks` into ctx.ex; the source_refs of the cells used."""
    cells = cells_of(blocks, _words())
    found, scores, _taken = read_blocks(cells, ctx.report_kind)
    # Grid cells a recogniser already read as scores (a paragraph's ref names no one cell).
    had = {f["source_ref"] for f in ctx.ex.fact_scores if f["report_id"] == ctx.report_id and "table=" in f["source_ref"]}
    used: set[str] = set()
    pid_of: dict[int, str | None] = {}
    for bi, blk in enumerate(found):
        if _already_read(ctx, blk):
            continue
        _supersede(ctx, blk)
        pid = _project(ctx, blk)
        pid_of[bi] = pid
        unit = blk.unit or ctx.money_unit_hint or (_DEFAULT_UNIT if blk.template.default_unit else None)
        if unit is None:
            for row in blk.rows:
                for c in row.cells:
                    if c.text:
                        _unrecognised(ctx, c, row.label, "no money unit printed for this form (none assumed)")
            continue
        kind = f"template:{blk.template.name}"
        for row in blk.rows:
            v = row.reading.values
            for f, tok in v.items():
                st = fields()[f].stage
                if st:
                    add_budget(ctx, pid, row.item, st, _val(tok), unit, kind, row.labels.get(f, row.label))
                    used.add(tok.cell.ref)
            ex, rate = v.get("executed"), v.get("rate")
            if ex or rate:
                add_execution(ctx, pid, row.item, _val(ex) if ex else None, _val(rate) if rate else None,
                              unit, kind, row.labels.get("executed", row.label))
                used.update(x.cell.ref for x in (ex, rate) if x)
            w, s = v.get("weight"), v.get("score")
            if row.item == "total" and (w or s):
                _score(ctx, pid, blk.template.score_component, _val(w) if w else None, _val(s) if s else None,
                       (s or w).cell.ref)  # type: ignore[union-attr]
                used.update(x.cell.ref for x in (w, s) if x)
            for tok in row.reading.leftover:
                _unrecognised(ctx, tok.cell, row.label, row.reading.reason or "value not placed under a field")
        _breakdown(ctx, blk, pid, unit, used)
        for label, cs, reason in blk.unplaced:
            for c in cs:
                if c.text:
                    _unrecognised(ctx, c, label, reason)
    for sc in scores:
        w, s = sc.reading.values.get("weight"), sc.reading.values.get("score")
        if s is None or s.cell.ref in had:
            continue  # nothing to store, or a recogniser already read this cell
        if any(f["report_id"] == ctx.report_id and f["component"] == sc.component and f["score"] == s.num.value
               and f["source_ref"].split(";chars")[0] == s.cell.ref.split(";chars")[0] for f in ctx.ex.fact_scores):
            continue  # the sentence reader took the same figure of the same line (自评得分 95)
        pid = pid_of.get(0) if len(pid_of) == 1 else None
        _score(ctx, pid, sc.component, _val(w) if w else None, _val(s), s.cell.ref)
        used.add(s.cell.ref)
    return used


def _already_read(ctx: Ctx, blk: Block) -> bool:
    """The same figures already read from this report's tables by a table recogniser."""
    have = {(f["line_item"], f["stage"], f["reported_text"]) for f in ctx.ex.fact_budgets
            if f["report_id"] == ctx.report_id and f.get("origin") == "table"}
    for row in blk.rows:
        for f, tok in row.reading.values.items():
            st = fields()[f].stage
            if st and (row.item, st, tok.num.text) in have:
                return True
    return False


def _supersede(ctx: Ctx, blk: Block) -> None:
    """The block's own lines read as sentences (a row printed as label–amount pairs under a
    unit line): the block's reading replaces those facts, the same printed figures."""
    refs = {c.ref for r in blk.rows for c in r.cells}
    keys = {(r.item, fields()[f].stage or f, tok.num.text) for r in blk.rows for f, tok in r.reading.values.items()}

    def mine(f: dict, stage: str | None, text: str | None) -> bool:
        return (f["report_id"] == ctx.report_id and f.get("origin") == "narrative"
                and f["source_ref"].split(";chars")[0] in refs and (f["line_item"], stage, text) in keys)

    ctx.ex.fact_budgets[:] = [f for f in ctx.ex.fact_budgets if not mine(f, f["stage"], f["reported_text"])]
    ctx.ex.fact_executions[:] = [f for f in ctx.ex.fact_executions if not mine(f, "executed", f["reported_text"])]


def _project(ctx: Ctx, blk: Block) -> str | None:
    name = blk.keys.get("project_name")
    if name is None:
        return None
    comp, impl = blk.keys.get("competent_department"), blk.keys.get("implementing_unit")
    return _new_project(ctx, name.text, None, name.ref, "template",
                        competent_department=comp.text if comp else None,
                        implementing_unit=impl.text if impl else None)


def _breakdown(ctx: Ctx, blk: Block, pid: str | None, unit: str, used: set[str]) -> None:
    """按收入性质分 / 按支出性质分 parts: per dimension, at the stage their sum matches."""
    by_dim: dict[str | None, list[tuple[str, Tok, str]]] = {}
    for e in blk.breakdown:
        by_dim.setdefault(dimension(e[0]), []).append(e)
    for entries in by_dim.values():
        st = breakdown_stage(blk, entries)
        for item, tok, label in entries:
            if st is None:
                _unrecognised(ctx, tok.cell, label, f"a part of {_total_label()} whose stage no total matches")
                continue
            if st == "executed":
                add_execution(ctx, pid, item, _val(tok), None, unit, f"template:{blk.template.name}", label)
            else:
                add_budget(ctx, pid, item, st, _val(tok), unit, f"template:{blk.template.name}", label)
            used.add(tok.cell.ref)


def _unrecognised(ctx: Ctx, c: SCell, label: str, reason: str) -> None:
    ctx.ex.unrecognised.append({
        "document_id": ctx.document_id, "report_id": ctx.report_id, "source_ref": c.ref,
        "what": "cell", "reason": f"{label}: {reason}", "text": c.text[:100],
    })


def read_templates(blocks: list[DocBlock], ctx: Ctx, taken_tables: set[int]) -> None:
    """The hook: blocks no table recogniser took, read as a stream; cells now used leave the
    coverage log of tables no recogniser matched."""
    from pipeline.model import Table

    rest = [b for b in blocks if not (isinstance(b, Table) and b.index in taken_tables)]
    # Disclosure tables first: their 预算数/决算数 headers would also pass for a funding block.
    used, printed_in = disclosure_facts(rest, ctx)
    rest = [b for i, b in enumerate(rest) if i not in printed_in]
    across, printed_in = transposed_facts(rest, ctx)  # line items as columns, years as rows
    used |= across
    rest = [b for i, b in enumerate(rest) if i not in printed_in]
    used |= summary_grids(rest, ctx)  # result tables printed one cell per line
    used |= run_rows_facts(rest, ctx)  # a listing's rows run together in a paragraph
    used |= weighted_facts(rest, ctx)  # weighted criteria run together in a paragraph
    used |= graded_rows_facts(rest, ctx)  # a results table's '|' rows that lost their labels
    used |= stream_facts(rest, ctx)
    if not used:
        return
    keep = []
    for u in ctx.ex.unrecognised:
        if u["report_id"] == ctx.report_id and u["source_ref"] in used and u["what"] == "table":
            ctx.ex.numeric_cells_used += 1
            continue
        keep.append(u)
    ctx.ex.unrecognised[:] = keep
