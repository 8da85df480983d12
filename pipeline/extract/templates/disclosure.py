"""Disclosure tables read by columns.py → fact rows, changes, table_sums or `unrecognised`.

Each level cell becomes a fact_budgets row (initial/adjusted) or a fact_executions row
(executed) with its period; a change column becomes fact_changes rows when the table prints
exactly one prior and one current level of one stage (the two figures it compares); a total
row that counts rows the vocabulary does not name is checked against them (table_sums). All
facts carry origin 'table', so table_total and line_item_sum check them.
"""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract.cells import Val
from pipeline.extract.recognisers.context import Ctx, add_budget, add_execution
from pipeline.extract.statement_facts import default_measure
from pipeline.extract.templates.columns import (
    LISTED,
    Col,
    TRow,
    TTable,
    half,
    of_which_rows,
    parts_of,
    read_tables,
    zero_row,
)
from pipeline.extract.templates.stream import SCell, owned_cells
from pipeline.model import Block, Table
from pipeline.normalize.money import DEFAULT_MONEY_UNIT, to_yuan
from pipeline.normalize.numbers import Number

# GLOSSARY: amounts are in 万元 unless a header or the cell says otherwise (money_units.csv)
_DEFAULT_UNIT = DEFAULT_MONEY_UNIT


def _report(ctx: Ctx) -> dict:
    return next((r for r in ctx.ex.reports if r["report_id"] == ctx.report_id), {})


def _period(col: Col, fiscal_year: int | None) -> str | None:
    """current / prior, or None when the column cannot be placed in time (a later year, or a
    year in a report whose own year is unknown)."""
    if col.year is None:
        return col.period or "current"
    if fiscal_year is None:
        return None
    if col.year == fiscal_year:
        return "current"
    return "prior" if col.year < fiscal_year else None


def _unrec(ctx: Ctx, c: SCell, label: str, reason: str) -> None:
    if any(u["source_ref"] == c.ref and u["report_id"] == ctx.report_id for u in ctx.ex.unrecognised):
        return  # already logged (a grid cell no table recogniser read)
    ctx.ex.unrecognised.append({
        "document_id": ctx.document_id, "report_id": ctx.report_id, "source_ref": c.ref,
        "what": "cell", "reason": f"{label}: {reason}", "text": c.text[:100],
    })


def disclosure_facts(blocks: list[Block], ctx: Ctx) -> tuple[set[str], set[int]]:
    """Reads the disclosure tables in `blocks` into ctx.ex; the source_refs of the cells used
    and the positions (in `blocks`) of the blocks the tables were printed in."""
    cells, owner = owned_cells(blocks)
    tables, taken = read_tables(cells)
    rep = _report(ctx)
    fy, kind = rep.get("fiscal_year"), rep.get("report_kind") or ctx.report_kind
    report_stage = default_measure(kind, rep.get("title"))
    used: set[str] = set()
    for tbl in tables:
        _facts(ctx, tbl, fy, kind, report_stage, used)
    return used, {owner[i] for i in taken}


def _facts(ctx: Ctx, tbl: TTable, fy: int | None, kind: str | None, report_stage: str | None,
           used: set[str]) -> None:
    unit = tbl.unit or ctx.money_unit_hint or _DEFAULT_UNIT
    name = f"template:{tbl.template.name}"
    levels: dict[int, tuple[str, str]] = {}  # column → (stage, period)
    for n, col in enumerate(tbl.cols):
        if col.measure != "level":
            continue
        st, per = col.stage_in(kind, report_stage), _period(col, fy)
        if st is not None and per is not None:
            levels[n] = (st, per)
    _drop_row_numbers(tbl)
    counted = _counted(tbl)
    of_which = of_which_rows(tbl)
    # a rate column (占调整预算%) is the rate of the one current executed column, when there is one
    rate_cols = [n for n, col in enumerate(tbl.cols) if col.measure == "rate"]
    spent_now = [n for n, (st, per) in levels.items() if st == "executed" and per == "current"]
    rate_of = {spent_now[0]: rate_cols[0]} if len(rate_cols) == 1 and len(spent_now) == 1 else {}
    for ri, r in enumerate(tbl.rows):
        if not r.cells:
            continue
        label = r.label_cell.text
        if r.reason:
            if not zero_row(r):
                for c in r.cells:
                    if not c.empty:
                        _unrec(ctx, c, label, r.reason)
            continue
        if r.code is None and ri not in counted and ri not in of_which:
            for _n, (num, c) in r.values.items():
                if num.value != 0:
                    _unrec(ctx, c, label, "row label not among the table's rows and counted by no printed total")
            continue
        code = r.code or LISTED
        if code in tbl.template.totals:
            code = dict(tbl.template.total_by_kind).get(kind or "", code)
        for n, (num, c) in r.values.items():
            if n in levels:
                st, per = levels[n]
                v = Val(num, c.cell, c.ref)
                if st == "executed":
                    rv = r.values.get(rate_of[n]) if n in rate_of else None
                    rate = Val(rv[0], rv[1].cell, rv[1].ref) if rv is not None else None
                    add_execution(ctx, None, code, v, rate, unit, name, r.label)
                    ctx.ex.fact_executions[-1]["period"] = per
                    if rv is not None:
                        used.add(rv[1].ref)
                else:
                    add_budget(ctx, None, code, st, v, unit, name, r.label)
                    ctx.ex.fact_budgets[-1]["period"] = per
                used.add(c.ref)
            elif tbl.cols[n].measure == "level" and num.value != 0:
                _unrec(ctx, c, label, f"column {tbl.cols[n].header} names a year or stage this report does not place")
            elif tbl.cols[n].measure == "rate" and n not in rate_of.values():
                _unrec(ctx, c, label, f"rate column {tbl.cols[n].header} beside no single current executed column")
        used.update(_changes(ctx, tbl, r, code, levels, unit))
    for c in tbl.stray:
        _unrec(ctx, c, "", "figure on a line without a row label")
    _sums(ctx, tbl, counted, levels)


_ROW_NUMBER_RUN = 3  # consecutive rows whose figures count 1, 2, 3 … in one column


def _drop_row_numbers(tbl: TTable) -> None:
    """A column whose figures count up by one from row to row (26, 27, 28 … under 二十五、其他支出,
    二十六、…) holds the next rows' numbers (a 序号 column printed one cell per line, read into the
    amount column before it), not amounts: such a row's values are set aside with the reason."""
    for n in {k for r in tbl.rows for k in r.values if tbl.cols[k].measure == "level"}:
        run: list[TRow] = []
        for r in [*tbl.rows, None]:
            num = r.values.get(n, (None,))[0] if r is not None else None
            prev = run[-1].values[n][0] if run else None
            if num is not None and num.decimals == 0 and prev is not None and num.value == prev.value + 1:
                run.append(r)
                continue
            if len(run) >= _ROW_NUMBER_RUN:
                for x in run:
                    x.reason = "its figures count up by one with the rows around it: row numbers, not amounts"
            run = [r] if r is not None and num is not None and num.decimals == 0 else []


def _counted(tbl: TTable) -> dict[int, int]:
    """Rows the vocabulary does not name that a printed total counts: row → its total row."""
    out: dict[int, int] = {}
    for ti, t in enumerate(tbl.rows):
        if t.code not in tbl.template.totals or not tbl.template.any_label or not t.values:
            continue
        parts = parts_of(tbl.rows, ti)
        if not parts or not any(p.code is None for p in parts):
            continue
        if any(p.reason and not zero_row(p) for p in parts):
            continue  # a part not read: the total cannot be checked, its parts stay unread
        for p in parts:
            if p.code is None:
                out[tbl.rows.index(p)] = ti
        out.update(_nested(tbl.rows, ti, parts))
    return out


def _nested(rows: list[TRow], ti: int, parts: list[TRow]) -> dict[int, int]:
    """The unnumbered rows printed under the numbered parts of a total (总计 | 一、本级收入 | 税收 |
    非税 | 二、转移性收入 | 上级补助收入 …): each such run is the numbered row's own lines — known
    only when the numbered rows alone add up to the total in every column it prints, so the
    unnumbered ones cannot be more parts of it. Row → the numbered row it belongs to."""
    total = rows[ti]
    if not parts or any(p.level is None for p in parts) or not total.values:
        return {}
    for n, (num, _c) in total.values.items():
        if any(n not in p.values for p in parts) or sum(p.values[n][0].value for p in parts) != num.value:
            return {}
    out: dict[int, int] = {}
    for p in parts:
        k = rows.index(p)
        sub = []
        for r in rows[k + 1 :]:
            if r.level is not None or not r.cells or r.code in (total.code, None) and r.reason:
                break
            sub.append(r)
        if sub and all(r.values and not r.reason for r in sub):
            out.update({rows.index(r): k for r in sub})
    return out


def _sums(ctx: Ctx, tbl: TTable, counted: dict[int, int], levels: dict[int, tuple[str, str]]) -> None:
    """table_sums for each total that counts unnamed rows, per figure column (levels and
    changes): the printed total and the sum of its parts."""
    # A grid table's own position, when the whole table was printed as one grid; a table
    # spread over lines of text (or over several grids a reader cut it into) has none.
    owners = {id(c.table): c.table for r in tbl.rows for c in [r.label_cell, *r.cells]}
    table = next(iter(owners.values())) if len(owners) == 1 else None
    # the printed columns of this panel (one side of a balance table printed side by side)
    here = {c.cell.col for r in tbl.rows for _num, c in r.values.values()}
    if table is not None and any(s["table_index"] == table.index and s["report_id"] == ctx.report_id
                                 and s["col_index"] in here for s in ctx.ex.table_sums):
        return  # a grid whose totals a table recogniser already checked
    for ti in sorted(set(counted.values())):
        total = tbl.rows[ti]
        parts = [p for p in tbl.rows if counted.get(tbl.rows.index(p)) == ti or
                 (p.code is not None and tbl.rows[ti].code is not None and p in (parts_of(tbl.rows, ti) or []))]
        for n, (num, c) in total.values.items():
            col = tbl.cols[n]
            if not (n in levels or col.measure == "change"):
                continue
            vals = [p.values[n][0] for p in parts if n in p.values]
            if not vals:
                continue
            _table_sum(ctx, table, tbl, total, n, num, c, vals, parts)


def _table_sum(ctx: Ctx, table: Table | None, tbl: TTable, total: TRow, n: int, num: Number, c: SCell,
               vals: list[Number], parts: list[TRow]) -> None:
    ctx.ex.table_sums.append({
        "document_id": ctx.document_id, "report_id": ctx.report_id,
        "table_index": table.index if table is not None else 0,
        "total_row": c.cell.row if table is not None else total.index,
        "col_index": c.cell.col if table is not None else n + 1,
        "column_label": tbl.cols[n].header, "total_text": num.text, "total_value": float(num.value),
        "total_decimals": num.decimals, "parts_sum": float(sum((v.value for v in vals), Decimal(0))),
        "parts_halfwidth": float(sum((half(v) for v in vals), Decimal(0))), "parts_count": len(vals),
        "parts_decimals": max((v.decimals or 0) for v in vals),
        "first_row": parts[0].index, "last_row": parts[-1].index,
        "page": table.page if table is not None else None,
        "source_ref": c.ref,
    })


def _changes(ctx: Ctx, tbl: TTable, r: TRow, code: str, levels: dict[int, tuple[str, str]], unit: str) -> set[str]:
    """A change column's figure with the two levels it compares: only when the table prints
    one prior and one current level of one stage (else the pair compared is not printed)."""
    prior = [n for n, (_, p) in levels.items() if p == "prior"]
    cur = [n for n, (_, p) in levels.items() if p == "current"]
    ch = [n for n, col in enumerate(tbl.cols) if col.measure == "change"]
    pc = [n for n, col in enumerate(tbl.cols) if col.measure == "change_pct"]
    used: set[str] = set()
    if len(prior) != 1 or len(cur) != 1 or levels[prior[0]][0] != levels[cur[0]][0] or len(ch) != 1 or len(pc) > 1:
        for n in ch + pc:
            if n in r.values and r.values[n][0].value != 0:
                _unrec(ctx, r.values[n][1], r.label_cell.text, "a change whose compared columns are not one prior and one current level")
        return used
    x, y = r.values.get(cur[0]), r.values.get(prior[0])
    c = r.values.get(ch[0])
    p = r.values.get(pc[0]) if pc else None
    if x is None or y is None or c is None or c[0].value == 0:
        return used
    cnum, ccell = c
    row = {
        "report_id": ctx.report_id, "project_id": None, "line_item": code, "level_source_ref": x[1].ref,
        "level_yuan": _yuan(x[0], unit), "level_text": x[0].text, "level_unit": unit, "level_decimals": x[0].decimals,
        "prior_yuan": _yuan(y[0], unit), "prior_text": y[0].text, "prior_unit": unit, "prior_decimals": y[0].decimals,
        "prior_source_ref": y[1].ref, "direction": 1 if cnum.value > 0 else -1, "word": tbl.cols[ch[0]].header,
        "change_yuan": _yuan(Number(abs(cnum.value), cnum.text, cnum.decimals, cnum.unit), unit),
        "reported_text": cnum.text, "reported_unit": unit, "decimals": cnum.decimals,
        "change_pct": None, "pct_text": None, "pct_decimals": None, "pct_source_ref": None,
        "source_ref": ccell.ref, "origin": "table",
    }
    used.add(ccell.ref)
    if p is not None and (p[0].value > 0) == (cnum.value > 0):
        row |= {"change_pct": abs(p[0].value), "pct_text": p[0].text, "pct_decimals": p[0].decimals,
                "pct_source_ref": p[1].ref}
        used.add(p[1].ref)
    ctx.ex.fact_changes.append(row)
    return used


def _yuan(n: Number, unit: str) -> Decimal:
    return to_yuan(n.value, n.unit if n.unit and n.unit != "%" else unit).quantize(Decimal("0.01"))
