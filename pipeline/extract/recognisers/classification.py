"""功能分类/经济分类 tables: rows by classification code (201 06 01 / 2010601)."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from pipeline.extract.cells import (
    Val,
    flat,
    num_of,
    real_cells,
    sq,
)
from pipeline.extract.recognisers.context import (
    TOTAL_LABEL,
    Ctx,
    _money,
    _table_unit,
    add_amount,
)
from pipeline.extract.statements import partitions
from pipeline.extract.vocabulary import (
    FINAL_WORD,
    clean_label,
    line_item_code,
    stage_of,
    table_pattern,
)
from pipeline.lexicon import words
from pipeline.model import Cell, Table
from pipeline.normalize.money import DEFAULT_MONEY_UNIT, half_width

_CODE = re.compile(r"^(\d{3})(\d{2})?(\d{2})?$")
_BRACKETED = re.compile(r"^[\[【](\d{3}(?:\d{2}){0,2})[\]】](?=\D)")
_TOTAL_COLUMN = table_pattern("line_items.total_column")
_ECONOMIC = words("tables", "line_items.economic")
# A column of codes or ranks (政府经济分类科目编码 501 beside 部门经济分类 301…): never an amount.
_NOT_AMOUNT = table_pattern("line_items.not_summable")
_SUBTOTAL = table_pattern("line_items.subtotal_words")


@cache
def _part_codes() -> frozenset[str]:
    """Line items a column may split a row's total into: the parts of vocab/statement_partitions.csv
    (基本支出 / 项目支出, 人员经费 / 公用经费, 财政拨款收入 / 事业收入 …)."""
    return frozenset().union(*(parts for _whole, parts in partitions()))


def _total_row(table: Table, cells: list[Cell]) -> bool:
    """A 合计 row printed above the first coded row (合计 | 17,466.65 | …, 类 | 款 | 项 | 合计 | 2,946.25 …):
    figures, not a header."""
    return any(TOTAL_LABEL.match(sq(c.text)) for c in cells) and any(num_of(table, c) is not None for c in cells)


def _split_columns(header: list[Cell], above: list[Cell]) -> dict[int, str]:
    """Header cell column → the part its words name, for parts named by one column only (a
    part two columns name, e.g. 事业收入 and 事业单位经营收入 both read as unit funds, is read by none).
    Under a two-level header a 小计 column is the subtotal of the part printed over it
    (基本支出 over 小计 | 人员经费 | 公用经费)."""
    named: dict[int, str] = {}
    covered = {c for h in header for c in range(h.col, h.col + h.colspan)}
    # a header cell printed over both header lines (项目支出 beside 基本支出's 小计 | 人员经费 | 公用经费)
    for h in [*header, *(a for a in above if a.col not in covered)]:
        if stage_of(h.text) is not None:
            continue
        code = line_item_code(h.text)
        if code not in _part_codes() and _SUBTOTAL.fullmatch(sq(h.text)):
            code = next((line_item_code(a.text) for a in above if a.col <= h.col < a.col + a.colspan
                         and a.colspan > 1), None)
        if code in _part_codes():
            named[h.col] = code
    twice = {c for c, k in Counter(named.values()).items() if k > 1}
    return {col: code for col, code in named.items() if code not in twice}


def _row_code(cells: list[Cell]) -> tuple[str, int] | None:
    """The classification code of a row ('2010601', or 类/款/项 printed in three cells) and
    the index of the first cell after it."""
    parts: list[str] = []
    k = 0
    while k < len(cells) and k < 3:
        t = sq(cells[k].text)
        if not t:
            if parts:
                break
            k += 1
            continue
        if not parts and (m := _BRACKETED.match(t)):
            return m.group(1), k  # '[2010501]行政运行': the code and the name in one cell
        if (not parts and re.fullmatch(r"\d{3}(\d{2}){0,2}", t)) or (parts and re.fullmatch(r"\d{2}", t)):
            parts.append(t)
            k += 1
            continue
        # '301 | 2 | 津贴补贴': a 款 printed without its leading zero, followed by the name.
        nxt = sq(cells[k + 1].text) if k + 1 < len(cells) else ""
        if parts and re.fullmatch(r"\d", t) and nxt and not re.fullmatch(r"[\d,.，]+", nxt):
            parts.append(t.zfill(2))
            k += 1
            continue
        break
    code = "".join(parts)
    return (code, k) if _CODE.match(code) else None


def class_names(tables: list[Table]) -> dict[tuple[str, str], str]:
    """(parent code, name) → functional code, from the coded rows of a report's classification
    tables ('20108 | 审计事务' → ('201', '审计事务') → '20108'); a name two codes share under one
    parent is left out. Lets a table that prints the names without codes be read with the codes
    the same report gives them."""
    seen: dict[tuple[str, str], set[str]] = {}
    for table in tables:
        for row in table.rows:
            cells = real_cells(row)
            if not (rc := _row_code(cells)) or not rc[0].startswith("2"):
                continue
            code, k = rc
            name = next((c.text for c in cells[k:] if sq(c.text) and num_of(table, c) is None), None)
            if name:
                name = _BRACKETED.sub("", sq(name))
                seen.setdefault((code[:-2] if len(code) > 3 else "", clean_label(name)), set()).add(code)
    return {key: next(iter(codes)) for key, codes in seen.items() if len(codes) == 1}


def read_classification(table: Table, ctx: Ctx) -> bool:
    coded = [(i, rc) for i, row in enumerate(table.rows) if (rc := _row_code(real_cells(row)))]
    if len(coded) < 3:
        return False
    first = coded[0][0]
    hdr_i = next((i for i in range(first - 1, -1, -1) if not _total_row(table, real_cells(table.rows[i])) and any(
        _TOTAL_COLUMN.match(sq(c.text)) or stage_of(c.text) for c in real_cells(table.rows[i]))), None)
    header = real_cells(table.rows[hdr_i]) if hdr_i is not None else []
    above = real_cells(table.rows[hdr_i - 1]) if hdr_i else []
    unit = _table_unit(table, ctx, [c.text for c in header]) or DEFAULT_MONEY_UNIT
    caption = table.caption + " " + " ".join(c.text for r in table.rows[: max(first, 1)] for c in real_cells(r))
    default_stage = "executed" if ctx.report_kind == "final_accounts" or FINAL_WORD in caption else "initial"
    econ = any(w in caption for w in _ECONOMIC)
    splits = _split_columns(header, above)
    found = False
    for i, (code, k) in coded:
        cells = real_cells(table.rows[i])
        prefix = "econ" if econ or code[0] in "35" else "func" if code[0] == "2" else None
        if prefix is None:
            continue
        label = next((flat(c.text) for c in cells[k:] if sq(c.text) and num_of(table, c) is None), None)
        nums = [(j, num_of(table, c)) for j, c in enumerate(cells) if j >= k]
        nums = [(j, v) for j, v in nums if v is not None]
        for c in cells[:k]:
            ctx.ignore(c)  # the code cells themselves (of a row with no amount too)
        if not nums:
            continue
        for j, _v in [(j, v) for j, v in nums if header and _NOT_AMOUNT.search(sq(_header_above(header, cells[j])))]:
            ctx.ignore(cells[j])  # a code or rank column (501 beside 301): never an amount
        nums = [(j, v) for j, v in nums if not (header and _NOT_AMOUNT.search(sq(_header_above(header, cells[j]))))]
        # The first amount is the row total unless a header names the column's stage.
        levels: list[tuple[str, Val]] = []
        for n_i, (j, v) in enumerate(nums):
            head = _header_above(header, cells[j]) if header else ""
            stage = stage_of(head) if head else None
            if stage is None and n_i == 0:
                stage = default_stage
            if stage not in ("initial", "adjustment", "adjusted", "executed"):
                continue
            if add_amount(ctx, f"{prefix}:{code}", stage, v, unit, "classification", label):
                found = True
                levels.append((stage, v))
        if len(levels) == 1 and splits:
            # a figure (not 0) of the row in a column no part names: the parts read are not all of them
            unnamed = any(cells[j].col not in splits and v is not levels[0][1] and v.value != 0 for j, v in nums)
            _add_splits(ctx, f"{prefix}:{code}", levels[0], [(splits[c.col], num_of(table, c)) for c in cells
                                                            if c.col in splits], unit, label, splits, unnamed)
    if found:
        _classification_totals(table, ctx, header, coded)
    return found


def _add_splits(ctx: Ctx, line: str, total: tuple[str, Val], parts: list[tuple[str, Val | None]], unit: str,
                label: str | None, splits: dict[int, str], unnamed: bool) -> None:
    """The parts of a row's one total printed in the columns `splits` names (fact_line_splits);
    a blank part prints nothing (the table's columns, `table_parts`, tell a blank from no column)."""
    stage, tv = total
    t_yuan, _ = _money(tv, unit)
    named = " ".join(sorted(set(splits.values())) + (["?"] if unnamed else []))
    for part, v in parts:
        if v is None or v.cell is tv.cell:
            continue
        yuan, u = _money(v, unit)
        ctx.ex.fact_line_splits.append({
            "report_id": ctx.report_id, "line_item": line, "part": part, "stage": stage,
            "amount_yuan": yuan, "reported_text": v.num.text, "reported_unit": u, "decimals": v.num.decimals,
            "source_ref": v.ref, "total_source_ref": tv.ref, "total_yuan": t_yuan, "total_text": tv.num.text,
            "total_decimals": tv.num.decimals, "table_parts": named,
            "label_text": label, "origin": "table", "table_kind": "classification", "is_twin": ctx.twin,
        })
        ctx.use(v)


def _classification_totals(table: Table, ctx: Ctx, header: list[Cell], coded: list) -> None:
    """A 合计 row of a classification table sums its top-level (类) rows, per column:
    classes, sections and items are nested, so only the 3-digit rows add up to it."""
    top = [i for i, (code, _k) in coded if len(code) == 3]
    for row in table.rows:
        cells = real_cells(row)
        # the 合计 label may follow the header's 类 | 款 | 项 printed on the same line
        if not _total_row(table, cells) or _row_code(cells):
            continue
        for c in cells:
            tv = num_of(table, c)
            if tv is None:
                continue
            parts = [v for i in top if (v := _same_column(table, table.rows[i], c)) is not None]
            if not parts:
                continue
            half = sum(half_width(p.num.decimals) for p in parts)
            ctx.ex.table_sums.append(
                {
                    "document_id": ctx.document_id, "report_id": ctx.report_id, "table_index": table.index,
                    "total_row": c.row, "col_index": c.col,
                    "column_label": (sq(_header_above(header, c)) or None) if header and header[0].row != c.row else None,
                    "total_text": tv.num.text, "total_value": float(tv.value), "total_decimals": tv.num.decimals,
                    "parts_sum": float(sum(p.value for p in parts)), "parts_halfwidth": float(half),
                    "parts_count": len(parts), "parts_decimals": max((p.num.decimals or 0) for p in parts),
                    "first_row": parts[0].cell.row, "last_row": parts[-1].cell.row,
                    "page": table.page,
                }
            )
            ctx.use(tv)


def _same_column(table: Table, row: list[Cell], like: Cell):
    for c in real_cells(row):
        if c.col <= like.col < c.col + c.colspan or like.col <= c.col < like.col + like.colspan:
            return num_of(table, c)
    return None


def _header_above(header: list[Cell], cell: Cell) -> str:
    for h in header:
        if h.col <= cell.col < h.col + h.colspan:
            return h.text
    return ""
