"""The project summary table (项目自评汇总表): one project per row."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract.cells import (
    align,
    flat,
    num_of,
    real_cells,
    sq,
)
from pipeline.extract.recognisers.context import (
    TOTAL_LABEL,
    Ctx,
    _find_row,
    _new_project,
    _score,
    _table_unit,
    add_budget,
    add_execution,
)
from pipeline.extract.recognisers.totals import _table_total
from pipeline.extract.vocabulary import line_item_code, stage_of, table_pattern
from pipeline.lexicon import word, words
from pipeline.model import Table
from pipeline.normalize.money import BASE_MONEY_UNIT, DEFAULT_MONEY_UNIT, to_yuan

# Column headers of 项目自评汇总表, by field (vocab/tables.toml), tried in this order.
_SUMMARY_FIELDS = [
    (f, table_pattern(f"summary.{f}"))
    for f in ("seq", "code", "name", "unit", "grade", "score", "adj_rate", "reason", "allocated", "funds")
]
_ADJ_RATE = _SUMMARY_FIELDS[6][1]
_BUDGET = table_pattern("summary.budget")
_NAME_WORDS = words("tables", "summary.name_words")
_LIST_NAME = table_pattern("summary.list_name")
_NOT_SUMMARY = tuple(word("tables", f"indicator_headers.level{i}") for i in (1, 3))


def _summary_field(text: str) -> str | None:
    s = sq(text)
    st = stage_of(s)
    if st and not _ADJ_RATE.search(s):
        return st
    if _BUDGET.search(s):
        return "adjusted"
    for f, pat in _SUMMARY_FIELDS:
        if pat.search(s):
            return f
    return None


def _list_header(t: list[str]) -> bool:
    """项目名称 | 预算金额(万元) | 实际支出(万元) | 资金使用率 | …: a project list with no score
    column, when it names the project, a budget and what was spent."""
    fields = {_summary_field(x) for x in t}
    return (any(_LIST_NAME.search(x) for x in t) and "executed" in fields
            and bool(fields & {"initial", "adjusted"}) and not any(x in _NOT_SUMMARY for x in t))


def _graded_list_header(t: list[str]) -> bool:
    """序号 | 主管部门(单位) | 项目名称 | 资金量(万元) | 评价等级: a list of evaluated projects with
    their money (named without a stage) and grades, no score column."""
    fields = {_summary_field(x) for x in t}
    return (any(_LIST_NAME.search(x) for x in t) and {"funds", "grade"} <= fields
            and not any(x in _NOT_SUMMARY for x in t))


def _rows_are_projects(table: Table, hdr_i: int) -> bool:
    """No row below the header is a known line item (基本支出, 201…): a list of projects, not
    an expense table whose label column happens to say 项目名称."""
    labels = [sq(r[0].text) for r in (real_cells(x) for x in table.rows[hdr_i + 1 :]) if r and sq(r[0].text)]
    return bool(labels) and all(line_item_code(x) in (None, "total") for x in labels)


def read_summary(table: Table, ctx: Ctx, narrative_budget_yuan: Decimal | None) -> bool:
    hdr_i = _find_row(
        table,
        lambda t: any(x in _NAME_WORDS for x in t)
        and any(_SUMMARY_FIELDS[5][1].search(x) for x in t)
        and not any(x in _NOT_SUMMARY for x in t),
    )
    if hdr_i is None:
        hdr_i = _find_row(table, lambda t: _list_header(t) or _graded_list_header(t))
        if hdr_i is None or not _rows_are_projects(table, hdr_i):
            return False
    header = table.rows[hdr_i]
    hcells = real_cells(header)
    fields = {i: _summary_field(c.text) for i, c in enumerate(hcells)}
    unit = _table_unit(table, ctx, [c.text for c in hcells])
    body = table.rows[hdr_i + 1 :]
    if unit is None:
        unit = _infer_unit(table, body, header, fields, narrative_budget_yuan)
    data_rows: list[int] = []
    for ri, row in enumerate(body, start=hdr_i + 1):
        cells = real_cells(row)
        texts = [sq(c.text) for c in cells]
        if not any(texts):
            continue
        if TOTAL_LABEL.match(texts[0] or (texts[1] if len(texts) > 1 else "")):
            _table_total(table, ctx, header, fields, ri, data_rows)
            continue
        amap = align(header, row)
        got = {f: amap[i] for i, f in fields.items() if f and i in amap}
        name = got.get("name")
        if name is None or not sq(name.text):
            continue
        code = sq(got["code"].text) if "code" in got else None
        pid = _new_project(ctx, flat(name.text) or "", code or None, str(table.ref(name)), "summary_table")
        data_rows.append(ri)
        for f in ("seq", "code"):
            if f in got:
                ctx.ignore(got[f])
        for stage in ("initial", "adjustment", "adjusted", "allocated"):
            v = num_of(table, got.get(stage))
            if v is not None:
                add_budget(ctx, pid, "total", stage, v, unit, "summary")
        add_execution(ctx, pid, "total", num_of(table, got.get("executed")), num_of(table, got.get("rate")),
                      unit, "summary")
        fv = num_of(table, got.get("funds"))
        if fv is not None and not any(f in got for f in ("initial", "adjusted", "executed")):
            # money named without a stage, beside no budget or spending column: the report's default
            # stage (a budget in a 预算 disclosure, else what was spent)
            if ctx.report_kind == "budget":
                add_budget(ctx, pid, "total", "initial", fv, unit, "summary")
            else:
                add_execution(ctx, pid, "total", fv, None, unit, "summary")
        sv = num_of(table, got.get("score"))
        grade = sq(got["grade"].text) if "grade" in got else ""
        if sv or grade:
            _score(ctx, pid, "total", None, sv, (sv.ref if sv else str(table.ref(got["grade"]))), grade=grade or None)
        av = num_of(table, got.get("adj_rate"))
        if av is not None:
            ctx.ignore(av.cell)
    _set_aside_mislabelled(table, ctx, header, fields, data_rows)
    return True


_DATE_HEAD = table_pattern("summary.date_head")


def _set_aside_mislabelled(table: Table, ctx: Ctx, header, fields, data_rows: list[int]) -> None:
    """A column headed as a year (预算年度) whose cells are amounts contradicts itself: which
    amount it holds cannot be known, so its cells are set aside, not guessed, and the
    contradiction is logged where auditors look (`unrecognised`, reason below)."""
    hcells = real_cells(header)
    for i, f in fields.items():
        if f is not None or not _DATE_HEAD.search(sq(hcells[i].text)):
            continue
        vals = [v for ri in data_rows if (v := num_of(table, align(header, table.rows[ri]).get(i))) is not None]
        years = [v for v in vals if v.num.decimals == 0 and 1990 <= v.value <= 2100]
        if len(vals) < 2 or len(years) * 5 > len(vals):
            continue
        for v in vals:
            ctx.ignore(v.cell)
        ctx.ex.unrecognised.append(
            {
                "document_id": ctx.document_id, "report_id": ctx.report_id,
                "source_ref": str(table.ref(hcells[i])), "what": "column",
                "reason": f"header says 「{flat(hcells[i].text)}」 (a year) but {len(vals) - len(years)} of its "
                          f"{len(vals)} cells are amounts: the column is mislabelled; its cells are set aside, "
                          "not guessed",
                "text": flat(hcells[i].text),
            }
        )


def _infer_unit(table, body, header, fields, narrative_budget_yuan) -> str:
    """No unit printed: 万元 by convention, unless the amounts only make sense in 元.

    The check compares the column total with the report's own stated budget: a project
    list whose sum in 万元 would exceed the whole unit's budget tenfold is printed in 元.
    """
    if narrative_budget_yuan:
        total = Decimal(0)
        for row in body:
            amap = align(header, row)
            for i, f in fields.items():
                if f == "adjusted" and i in amap:
                    v = num_of(table, amap[i])
                    if v is not None and not TOTAL_LABEL.match(sq(row[0].text)):
                        total += v.value
        if to_yuan(total, DEFAULT_MONEY_UNIT) > 10 * narrative_budget_yuan:
            return BASE_MONEY_UNIT
    return DEFAULT_MONEY_UNIT
