"""Expense and fund-source tables by row label (基本支出/人员经费/公用经费/项目支出…)."""

from __future__ import annotations

from dataclasses import replace

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
from pipeline.lexicon import pattern
from pipeline.model import Cell, Table
from pipeline.normalize.money import DEFAULT_MONEY_UNIT

_AMOUNT = table_pattern("line_items.amount")
_SUBTOTAL_WORDS = table_pattern("line_items.subtotal_words")
_LABEL_WORDS = table_pattern("line_items.label_words")
_FUND_TITLE = table_pattern("line_items.fund_title")
_UNIT_LINE = pattern("classification", "caption_line")  # 部门名称：… 单位：万元
_GROUP_SUBTOTAL = pattern("classification", "subtotal")  # 小计 under a group head: the group


def _title(ctx: Ctx, table: Table) -> str:
    """The table's title: its caption, and the line printed above it (above the unit line, 表5：…一般公共预算
    支出预算表 over 部门名称：… 单位：万元, when that line is the caption or the last paragraph)."""
    titles = [t for t in ctx.titles if t]
    if titles and titles[-1] == table.caption:
        titles = titles[:-1]
    lines = [table.caption]
    if titles:
        lines.append(titles[-1])
        if len(titles) > 1 and _UNIT_LINE.search(titles[-1]) and len(titles[-1]) < 60:
            lines.append(titles[-2])
    return " ".join(lines)


def _lowest_heads(table: Table, hdr_i: int) -> tuple[list[Cell], int, set[int]] | None:
    """A header line with a head over several columns (基本支出 over 人员支出 | 日常公用支出, 杭州 表3) and the
    header line printed under it: each column is named by its lowest head (a 小计 under the group is the group),
    never by the group's head alone. Returns those heads, the index of the lower line and the positions of
    the heads that name a part of a group (人员支出 under 基本支出): those are not read here, as the text's
    人员支出 of one fund (一般公共预算基本支出…其中：人员支出) is not told from the department's by the sentence
    reader yet. None when the line has no head over several columns or no header line under it."""
    upper = real_cells(table.rows[hdr_i])
    if hdr_i + 1 >= len(table.rows) or not any(c.colspan > 1 for c in upper) or len(upper) < 2:
        return None  # no group head, or a title printed over the whole table
    lower = real_cells(table.rows[hdr_i + 1])
    if not lower or any(num_of(table, c) is not None for c in lower):
        return None
    heads: list[Cell] = []
    parts: set[int] = set()
    for u in upper:
        if u.colspan == 1:
            heads.append(u)
            continue
        under = [c for c in lower if u.col <= c.col < u.col + u.colspan]
        if not under:
            return None
        for c in under:
            if _GROUP_SUBTOTAL.fullmatch(sq(c.text)):
                heads.append(replace(c, text=u.text))
            else:
                parts.add(len(heads))
                heads.append(c)
    return heads, hdr_i + 1, parts


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
        last, parts = hdr_i, set()
        if two := _lowest_heads(table, hdr_i):
            hcells, last, parts = two
        codes = {i: None if i in parts else line_item_code(c.text) for i, c in enumerate(hcells)}
        if len({c for c in codes.values() if c} - {"total"}) < 2:
            continue
        unit = _table_unit(table, ctx, [c.text for c in hcells]) or DEFAULT_MONEY_UNIT
        body = [real_cells(r) for r in table.rows[last + 1 :]]
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
        if ctx.report_kind not in ("budget", "final_accounts") or _FUND_TITLE.search(_title(ctx, table)):
            return False  # a fund's table: its overall row is not the department's
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
