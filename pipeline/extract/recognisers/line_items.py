"""Expense and fund-source tables by row label (基本支出/人员经费/公用经费/项目支出…)."""

from __future__ import annotations

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
    _table_unit,
    add_amount,
    add_execution,
)
from pipeline.extract.templates.columns import side_words
from pipeline.extract.vocabulary import (
    FINAL_WORD,
    FundRows,
    clean_label,
    line_item_code,
    stage_of,
    table_pattern,
)
from pipeline.model import Table
from pipeline.normalize.money import DEFAULT_MONEY_UNIT

_AMOUNT = table_pattern("line_items.amount")
_SUBTOTAL_WORDS = table_pattern("line_items.subtotal_words")
_LABEL_WORDS = table_pattern("line_items.label_words")


def _stage(ctx: Ctx, text: str, caption: str) -> str | None:
    """A column's stage: named by its header, or a bare 金额 in a budget (initial) or
    final-accounts (executed) disclosure."""
    st = stage_of(text)
    if st or not _AMOUNT.match(sq(text)) or ctx.report_kind not in ("budget", "final_accounts"):
        return st
    return "executed" if ctx.report_kind == "final_accounts" or FINAL_WORD in caption else "initial"


def _row_label(cells: list) -> tuple[str, object] | None:
    """The row's label and its cell; '一般公共预算资金 | 小计 | …' is the group's own total."""
    if len(cells) >= 2 and _SUBTOTAL_WORDS.fullmatch(sq(cells[1].text)) and sq(cells[0].text):
        return cells[0].text, cells[0]
    return (cells[0].text, cells[0]) if cells else None


def read_line_items(table: Table, ctx: Ctx) -> bool:
    caption = table.caption + " " + " ".join(c.text for r in table.rows[:2] for c in real_cells(r))
    hdr_i = _find_row(
        table, lambda t: sum(1 for x in t if _stage(ctx, x, caption) in ("initial", "adjusted", "executed")) >= 1
    )
    if hdr_i is None:
        return _read_transposed(table, ctx, caption)
    header = table.rows[hdr_i]
    hcells = real_cells(header)
    if sum(1 for c in hcells if _LABEL_WORDS.fullmatch(sq(c.text))) >= 2:
        return False  # two panels side by side: read_two_sided's layout, never by position
    if hcells and sq(hcells[0].text) in side_words():
        return False  # a side of a balance table (收入 | 预算数 | 调整预算数 | …): templates/columns.py
    fields = {i: _stage(ctx, c.text, caption) for i, c in enumerate(hcells)}
    unit = _table_unit(table, ctx, [c.text for c in hcells]) or DEFAULT_MONEY_UNIT
    items = {line_item_code(lab[0]) for r in table.rows[hdr_i + 1 :] if (lab := _row_label(real_cells(r)))}
    if not items - {None, "total"}:
        return _read_transposed(table, ctx, caption)  # only a 合计 row is known: other things with a total
    found = False
    funds = FundRows()
    for row in table.rows[hdr_i + 1 :]:
        cells = real_cells(row)
        if not cells:
            continue
        text, _cell = _row_label(cells)  # type: ignore[misc]
        item = funds.code(text)
        if item is None and line_item_code(text):
            continue  # a part of the carry-over: not a line of this year's budget
        if item is None:
            if clean_label(text):
                ctx.ex.unrecognised.append(
                    {
                        "document_id": ctx.document_id,
                        "report_id": ctx.report_id,
                        "source_ref": str(table.ref(cells[0])),
                        "what": "row",
                        "reason": "row label is not in the line-item vocabulary",
                        "text": text[:200],
                    }
                )
            continue
        amap = align(header, row)
        label = flat(text)
        for i, f in fields.items():
            v = num_of(table, amap.get(i)) if i in amap else None
            if v is None or f not in ("initial", "adjustment", "adjusted", "executed"):
                continue
            found = add_amount(ctx, item, f, v, unit, "line_items", label) or found
    return found


def _read_transposed(table: Table, ctx: Ctx, caption: str) -> bool:
    """Line items as columns (合计 | 财政资金 | 其他资金, or 合计 | 基本支出 | 项目支出):
    rows labelled by a stage (年初预算 / 调整后预算 / 执行数 / 执行率), in any report; or, in a
    budget or final-accounts disclosure, the one overall row (合计, or amounts only)."""
    for hdr_i, row in enumerate(table.rows[:4]):
        hcells = real_cells(row)
        codes = {i: line_item_code(c.text) for i, c in enumerate(hcells)}
        if len({c for c in codes.values() if c} - {"total"}) < 2:
            continue
        unit = _table_unit(table, ctx, [c.text for c in hcells]) or DEFAULT_MONEY_UNIT
        body = [real_cells(r) for r in table.rows[hdr_i + 1 :]]
        staged = [(r, stage_of(r[0].text)) for r in body if r and stage_of(r[0].text)]
        if len(staged) >= 2:
            found = False
            for data, stage in staged:
                amap = align(hcells, data)
                for i, code in codes.items():
                    v = num_of(table, amap.get(i)) if code and i in amap else None
                    if v is None:
                        continue
                    label = f"{flat(data[0].text)} · {flat(hcells[i].text)}"
                    if stage == "rate":
                        _add_rate(ctx, table, code, v, unit, label)
                        found = True
                    else:
                        found = add_amount(ctx, code, stage, v, unit, "line_items", label) or found
            return found
        if ctx.report_kind not in ("budget", "final_accounts"):
            return False
        stage = "executed" if ctx.report_kind == "final_accounts" or FINAL_WORD in caption else "initial"
        for dcells in body:
            first = sq(dcells[0].text) if dcells else ""
            if not dcells or (num_of(table, dcells[0]) is None and not TOTAL_LABEL.match(first)):
                continue  # a row by function or by project: only the overall row is read here
            amap = align(hcells, dcells)
            found = False
            for i, code in codes.items():
                v = num_of(table, amap.get(i)) if code and i in amap else None
                if v is None:
                    continue
                found = add_amount(ctx, code, stage, v, unit, "line_items", flat(hcells[i].text)) or found
            return found
    return False


def _add_rate(ctx: Ctx, table: Table, code: str, v, unit: str, label: str) -> None:
    """A rate row joins the executed amount of the same column (one fact, as the checks expect)."""
    prefix = f"table={table.index};"
    row = next((f for f in reversed(ctx.ex.fact_executions)
                if f["report_id"] == ctx.report_id and f["line_item"] == code and f["project_id"] is None
                and f["reported_rate_pct"] is None and prefix in (f["source_ref"] or "")), None)
    if row is None:
        add_execution(ctx, None, code, None, v, unit, "line_items", label)
        return
    row.update(reported_rate_pct=v.value, rate_text=v.num.text, rate_decimals=v.num.decimals, rate_source_ref=v.ref)
    ctx.use(v)
