"""Disclosure tables printed across: line items as columns, years as rows (the “三公”经费
comparison 年度 | 合计 | 因公出国(境)经费 | 公务接待费 | 公车购置及运行维护费 over 合计 | 车辆购置 |
车辆运行, then 2015年 | 2840 | 90 | …, 2016年 | 2364 | 12 | …), on the same cell stream.

The header is a period column (columns.toml [transposed] headers: 年度) and the line items of a
disclosure template (its row names, so the 三公 template decides what a column is). A printed
rendering does not show spans: an item followed by a subtotal (合计/小计) and items the
vocabulary places under it (line_items.csv parent_code) heads those columns, and the subtotal is
that item's own figure. Each row is a year (its 年 printed: 2015年, 2016年度) with exactly one
figure per column; its figures are levels of the report's own stage (决算 → executed, 预算 →
initial; none read when the report has no default) and of the period the year says (the
report's fiscal year → current, an earlier one → prior). A row with a count of figures that does
not fit, a year after the report's, or a label that is no year (2016年比2015年增减%) stays in
`unrecognised` with the reason — a column is never guessed.

Two more layouts print line items across:
- units as rows (columns.toml [transposed] unit_headers: 机构名称 | 收入合计 | 其中: | 上年结转 | …, then
  one row per unit): a summary row (…汇总) or a table's only row is the report's own line items, every
  other row a `listed` line named by its row and column; executed when the title says so (…收入情况),
  else the report's own stage, else not read;
- items over repeated stage columns with one row of figures (Shanghai's 三公 table: 合计 | 因公出国(境)费
  | 公务用车购置及运行维护费 | 公务接待费, then 小计 | 公务用车购置费 | 公务用车运行维护费 under the vehicle
  item, then 预算数 | 决算数 under each item, then twelve figures): the second header row takes its
  parent's place; the stage columns must repeat alike under every item and the figures must be
  exactly one per column, or nothing is read.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from pipeline.extract.cells import Val
from pipeline.extract.recognisers.context import Ctx, add_budget, add_execution
from pipeline.extract.statement_facts import default_measure
from pipeline.extract.templates.columns import (
    DISCLOSURE_DIR,
    LISTED,
    TableTemplate,
    column_of,
    periods,
    prefix_only,
    row_code,
    table_templates,
)
from pipeline.extract.templates.stream import SCell, owned_cells
from pipeline.extract.vocabulary import line_items, table_pattern
from pipeline.model import Block
from pipeline.normalize.money import DEFAULT_MONEY_UNIT, detect_money_unit
from pipeline.normalize.numbers import Number, is_blank, parse_number
from pipeline.normalize.text import to_halfwidth

_SUBTOTAL = table_pattern("line_items.subtotal_words")
_DEFAULT_UNIT = DEFAULT_MONEY_UNIT  # GLOSSARY: amounts are in 万元 unless a header or the cell says otherwise


@cache
def _label_headers() -> tuple[re.Pattern[str], ...]:
    with open(DISCLOSURE_DIR / "columns.toml", "rb") as f:
        return tuple(re.compile(h) for h in tomllib.load(f).get("transposed", {}).get("headers", []))


def year_label_header(text: str) -> bool:
    """A label column whose rows are years (columns.toml [transposed] headers: 年度)."""
    return any(p.fullmatch(_sq(text)) for p in _label_headers())


@dataclass(frozen=True)
class _UnitRows:
    headers: tuple[re.Pattern[str], ...]
    summary: re.Pattern[str]
    executed_titles: re.Pattern[str]


@cache
def _unit_rows() -> _UnitRows:
    with open(DISCLOSURE_DIR / "columns.toml", "rb") as f:
        t = tomllib.load(f).get("transposed", {})
    return _UnitRows(tuple(re.compile(h) for h in t.get("unit_headers", [])), re.compile(t["summary"]),
                     re.compile(t["executed_titles"]))


@cache
def _parents() -> dict[str, str]:
    return {r["code"]: r["parent_code"] for r in line_items() if r["parent_code"]}


def _sq(text: str) -> str:
    return re.sub(r"\s+", "", to_halfwidth(text))


@dataclass
class _Table:
    template: TableTemplate
    codes: list[str]  # one line item per figure column
    labels: list[str]
    start: int  # first cell of the header
    end: int  # after the last cell read


def _figure(c: SCell) -> Number | None:
    if c.empty or is_blank(c.text):
        return None
    return parse_number(c.text)


def _year_of(text: str) -> int | None:
    """The year a row label names (2015年, 2016年度), or None."""
    m = periods().year.match(_sq(text))
    return int(m.group("year")) if m and m.end() == len(_sq(text)) else None


def _columns(t: TableTemplate, heads: list[SCell]) -> tuple[list[str], list[str]] | None:
    """Header cells → the line item of each figure column, spans resolved (see the module)."""
    codes = [row_code(t, h.text) for h in heads]
    if any(c is None for c in codes):
        return None
    out: list[tuple[str, str]] = []
    k = 0
    while k < len(heads):
        code = codes[k]
        assert code is not None
        nxt = codes[k + 1 :]
        subtotal = k + 1 < len(heads) and _SUBTOTAL.fullmatch(_sq(heads[k + 1].text))
        kids = 0
        while subtotal and k + 2 + kids < len(heads) and _parents().get(nxt[1 + kids] or "") == code:
            kids += 1
        if subtotal and kids:
            out.append((code, _sq(heads[k].text)))  # the item over its columns: its subtotal is its figure
            out.extend((c, _sq(h.text)) for c, h in zip(codes[k + 2 : k + 2 + kids], heads[k + 2 : k + 2 + kids],
                                                          strict=True) if c)
            k += 2 + kids
            continue
        out.append((code, _sq(heads[k].text)))
        k += 1
    cs = [c for c, _ in out]
    if len(set(cs)) != len(cs) or len(cs) < 2:
        return None
    return cs, [lab for _, lab in out]


def _header(cells: list[SCell], i: int) -> _Table | None:
    c = cells[i]
    if not c.line_start or not any(p.fullmatch(_sq(c.text)) for p in _label_headers()):
        return None
    j = i + 1
    heads: list[SCell] = []
    # empty cells: a grid's second header row printed under the spanning item only
    while j < len(cells) and (cells[j].empty or _figure(cells[j]) is None and _year_of(cells[j].text) is None):
        if not cells[j].empty:
            heads.append(cells[j])
        j += 1
    if len(heads) < 2 or j >= len(cells) or _year_of(cells[j].text) is None:
        return None
    for t in table_templates():
        if t.unit_rows or not t.totals:
            continue
        got = _columns(t, heads)
        if got is not None:
            return _Table(t, got[0], got[1], i, j)
    return None


def _unrec(ctx: Ctx, c: SCell, label: str, reason: str) -> None:
    ctx.ex.unrecognised.append({
        "document_id": ctx.document_id, "report_id": ctx.report_id, "source_ref": c.ref,
        "what": "cell", "reason": f"{label}: {reason}", "text": c.text[:100],
    })


def _read(cells: list[SCell], tbl: _Table, ctx: Ctx, used: set[str]) -> None:
    rep = next((r for r in ctx.ex.reports if r["report_id"] == ctx.report_id), {})
    fy = rep.get("fiscal_year")
    stage = default_measure(rep.get("report_kind") or ctx.report_kind, rep.get("title"))
    unit = next((u for c in cells[max(0, tbl.start - 6) : tbl.start] if (u := detect_money_unit(c.text))), None)
    unit = unit or ctx.money_unit_hint or _DEFAULT_UNIT
    width = len(tbl.codes)
    rows, tbl.end = _labelled_rows(cells, tbl.end)
    for label, figs in rows:
        year = _year_of(label.text)
        reason = None
        if year is None:
            reason = "row label names no year: not a level of this table"
        elif len(figs) != width:
            reason = f"{len(figs)} values for {width} columns"
        elif fy is None or year > fy:
            reason = "a year this report does not place"
        elif stage is None:
            reason = "the report names no stage for figures printed without one"
        elif any((n := _figure(c)) is not None and n.unit == "%" for c in figs):
            reason = "a percent under an amount column"
        if reason is not None:
            for c in figs:
                _unrec(ctx, c, label.text, reason)
            continue
        period = "current" if year == fy else "prior"
        name = f"template:{tbl.template.name}"
        for code, lab, c in zip(tbl.codes, tbl.labels, figs, strict=True):
            num = _figure(c)
            if num is None:
                continue  # an empty cell: nothing printed under this column
            v = Val(num, c.cell, c.ref)
            if stage == "executed":
                add_execution(ctx, None, code, v, None, unit, name, lab)
                ctx.ex.fact_executions[-1]["period"] = period
            else:
                add_budget(ctx, None, code, stage, v, unit, name, lab)
                ctx.ex.fact_budgets[-1]["period"] = period
            used.add(c.ref)


def _labelled_rows(cells: list[SCell], k: int) -> tuple[list[tuple[SCell, list[SCell]]], int]:
    """From k, each row's label and the figures (empty cells kept) printed after it, up to the
    first figure without a label or the first text after text; and where the table ends."""
    rows: list[tuple[SCell, list[SCell]]] = []
    while k < len(cells):
        if cells[k].empty:
            k += 1
            continue
        if _figure(cells[k]) is not None:
            break  # figures without a row label: the table is over
        e = k + 1
        while e < len(cells) and (cells[e].empty or _figure(cells[e]) is not None):
            e += 1
        figs = list(cells[k + 1 : e])
        while figs and figs[-1].empty:
            figs.pop()  # runs of empty cells padding a `|` row
        if not figs:
            break  # text after text: the table is over
        rows.append((cells[k], figs))
        k = e
    return rows, k


@dataclass
class _UnitTable:
    """Line items across, units as rows (see columns.toml [transposed] unit_headers)."""

    template: TableTemplate
    codes: list[str]
    labels: list[str]
    start: int
    end: int  # the first row's label


def _unit_header(cells: list[SCell], i: int) -> _UnitTable | None:
    c = cells[i]
    if not c.line_start or not any(p.fullmatch(_sq(c.text)) for p in _unit_rows().headers):
        return None
    for t in table_templates():
        if t.unit_rows or not t.totals:
            continue
        heads: list[SCell] = []
        j = i + 1
        while j < len(cells) and (cells[j].empty or prefix_only(cells[j].text) or
                                  _figure(cells[j]) is None and row_code(t, cells[j].text) is not None):
            if not cells[j].empty and not prefix_only(cells[j].text):
                heads.append(cells[j])
            j += 1
        if len(heads) < 2 or j + 1 >= len(cells) or _figure(cells[j]) is not None or _figure(cells[j + 1]) is None:
            continue  # the header ends at the first row's label, a figure right after it
        got = _columns(t, heads)
        if got is not None:
            return _UnitTable(t, got[0], got[1], i, j)
    return None


def _read_units(cells: list[SCell], tbl: _UnitTable, ctx: Ctx, used: set[str]) -> int:
    """Reads the unit rows; returns where the table ends."""
    rep = next((r for r in ctx.ex.reports if r["report_id"] == ctx.report_id), {})
    before = " ".join([c.text for c in cells[max(0, tbl.start - 40) : tbl.start] if not c.empty][-3:])
    stage = "executed" if _unit_rows().executed_titles.search(_sq(before)) else default_measure(
        rep.get("report_kind") or ctx.report_kind, rep.get("title"))
    unit = detect_money_unit(before) or ctx.money_unit_hint or _DEFAULT_UNIT
    width = len(tbl.codes)
    rows, k = _labelled_rows(cells, tbl.end)
    name = f"template:{tbl.template.name}"
    for label, figs in rows:
        own = _unit_rows().summary.search(_sq(label.text)) is not None or len(rows) == 1
        reason = None
        if len(figs) != width:
            reason = f"{len(figs)} values for {width} columns"
        elif stage is None:
            reason = "the report names no stage for figures printed without one"
        elif any((n := _figure(c)) is not None and n.unit == "%" for c in figs):
            reason = "a percent under an amount column"
        if reason is not None:
            for c in figs:
                if not c.empty:
                    _unrec(ctx, c, label.text, reason)
            continue
        for code, lab, c in zip(tbl.codes, tbl.labels, figs, strict=True):
            num = _figure(c)
            if num is None:
                continue
            v = Val(num, c.cell, c.ref)
            item, text = (code, lab) if own else (LISTED, f"{_sq(label.text)} {lab}")
            if stage == "executed":
                add_execution(ctx, None, item, v, None, unit, name, text)
            else:
                add_budget(ctx, None, item, stage, v, unit, name, text)
            used.add(c.ref)
    return k


_JOIN = 3  # a header word printed over at most this many cells (因公出国 | (境)费)


@dataclass
class _Paired:
    """Items across, each over the same stage columns (合计 | 因公出国(境)费 | … then 预算数 | 决算数
    under each), and one row of figures: Shanghai's “三公”经费 table printed one cell per line."""

    template: TableTemplate
    codes: list[str]
    labels: list[str]
    stages: list[str]  # the stage of each sub-column under an item, in order
    values: list[SCell]
    start: int
    end: int


def _item_at(t: TableTemplate, cells: list[SCell], i: int, first: bool) -> tuple[str | None, str, int] | None:
    """(code or None for a subtotal word, printed label, cells taken) of the header item at i; the
    first item's 合计 is the table's total."""
    for k in range(1, min(_JOIN, len(cells) - i) + 1):
        if any(c.empty or _figure(c) is not None for c in cells[i : i + k]):
            return None
        text = "".join(_sq(c.text) for c in cells[i : i + k])
        if _SUBTOTAL.fullmatch(text) and not first:
            return None, text, k
        if (code := row_code(t, text)) is not None:
            return code, text, k
    return None


def _stage_at(c: SCell, kind: str | None = None) -> str | None:
    """The stage a header cell names (预算数, 决算数), in a report of this kind."""
    col = None if c.empty or _figure(c) is not None else column_of(c.text)
    if col is None or col.measure != "level" or col.year is not None or col.period_word is not None:
        return None
    st = col.stage_in(kind, None)
    return st if st in ("initial", "adjusted", "executed") else None


def _leaves(items: list[tuple[str | None, str]]) -> list[tuple[str, str]] | None:
    """Items of a two-row header in printed order → its figure columns: a subtotal word and the
    items under one parent (小计 | 公务用车购置费 | 公务用车运行维护费, printed after the first row)
    take that parent's place, the subtotal being the parent's own figure."""
    first: list[tuple[str, str]] = []
    k = 0
    while k < len(items) and items[k][0] is not None:
        first.append((items[k][0], items[k][1]))  # type: ignore[arg-type]
        k += 1
    if k == len(items):
        return first
    kids = [x for x in items[k + 1 :]]
    if any(c is None for c, _ in kids) or not kids:
        return None
    parents = {_parents().get(c or "") for c, _ in kids}
    if len(parents) != 1:
        return None
    parent = parents.pop()
    at = next((n for n, (c, _) in enumerate(first) if c == parent), None)
    if at is None:
        return None
    return [*first[: at + 1], *((c, lab) for c, lab in kids), *first[at + 1 :]]  # type: ignore[misc]


def _paired(cells: list[SCell], i: int, kind: str | None) -> _Paired | None:
    for t in table_templates():
        if t.unit_rows or not t.totals:
            continue
        items: list[tuple[str | None, str]] = []
        j = i
        while j < len(cells) and _stage_at(cells[j]) is None:
            if cells[j].empty:
                j += 1
                continue
            got = _item_at(t, cells, j, not items)
            if got is None:
                break
            items.append(got[:2])
            j += got[2]
        if len(items) < 2 or items[0][0] is None:
            continue
        leaves = _leaves(items)
        if leaves is None or len({c for c, _ in leaves}) != len(leaves):
            continue
        stages: list[str] = []
        while j < len(cells) and (cells[j].empty or (st := _stage_at(cells[j], kind)) is not None):
            if not cells[j].empty:
                stages.append(st)
            j += 1
        n = len(leaves)
        if not stages or len(stages) % n or len(stages) == n:
            return None
        per = stages[: len(stages) // n]
        if stages != per * n or len(set(per)) != len(per):
            return None
        values = cells[j : j + len(stages)]
        if len(values) != len(stages) or any(_figure(c) is None for c in values):
            return None  # not one row of figures, one per column: the columns are not sure
        return _Paired(t, [c for c, _ in leaves], [lab for _, lab in leaves], per, list(values), i,
                       j + len(stages))
    return None


def _read_paired(cells: list[SCell], tbl: _Paired, ctx: Ctx, used: set[str]) -> None:
    unit = next((u for c in cells[max(0, tbl.start - 6) : tbl.start] if (u := detect_money_unit(c.text))), None)
    unit = unit or ctx.money_unit_hint or _DEFAULT_UNIT
    name = f"template:{tbl.template.name}"
    m = len(tbl.stages)
    for k, c in enumerate(tbl.values):
        code, lab, stage = tbl.codes[k // m], tbl.labels[k // m], tbl.stages[k % m]
        num = _figure(c)
        assert num is not None
        if num.unit == "%":
            _unrec(ctx, c, lab, "a percent under an amount column")
            continue
        v = Val(num, c.cell, c.ref)
        if stage == "executed":
            add_execution(ctx, None, code, v, None, unit, name, lab)
        else:
            add_budget(ctx, None, code, stage, v, unit, name, lab)
        used.add(c.ref)


def transposed_facts(blocks: list[Block], ctx: Ctx) -> tuple[set[str], set[int]]:
    """Reads the tables printed across in `blocks` into ctx.ex; the refs of the cells used and
    the positions (in `blocks`) of the blocks they were printed in."""
    cells, owner = owned_cells(blocks)
    used: set[str] = set()
    taken: set[int] = set()
    rep = next((r for r in ctx.ex.reports if r["report_id"] == ctx.report_id), {})
    kind = rep.get("report_kind") or ctx.report_kind
    i = 0
    while i < len(cells):
        tbl = _header(cells, i) if not cells[i].empty else None
        if tbl is None:
            ut = _unit_header(cells, i) if not cells[i].empty else None
            if ut is not None:
                end = _read_units(cells, ut, ctx, used)
                taken.update(owner[x] for x in range(ut.start, end))
                i = max(end, i + 1)
                continue
            pt = _paired(cells, i, kind) if not cells[i].empty and cells[i].line_start else None
            if pt is not None:
                _read_paired(cells, pt, ctx, used)
                taken.update(owner[x] for x in range(pt.start, pt.end))
                i = pt.end
                continue
            i += 1
            continue
        _read(cells, tbl, ctx, used)
        taken.update(owner[x] for x in range(tbl.start, tbl.end))
        i = max(tbl.end, i + 1)
    return used, taken
