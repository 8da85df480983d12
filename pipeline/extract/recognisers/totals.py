"""Printed 合计/小计 rows against the rows above them (table_total), for any table."""

from __future__ import annotations

from pipeline.extract.cells import (
    Val,
    align,
    num_of,
    real_cells,
    sq,
)
from pipeline.extract.recognisers.context import (
    TOTAL_LABEL,
    Ctx,
)
from pipeline.extract.vocabulary import table_pattern
from pipeline.model import Cell, Table
from pipeline.normalize.money import half_width
from pipeline.normalize.numbers import is_blank

_NOT_SUMMABLE = table_pattern("line_items.not_summable")
_NOT_SUMMED = ("seq", "code", "rate", "adj_rate", "score", "grade", "name", "unit", "reason")


def _column_values(table: Table, header: list[Cell], data_rows: list[int], col_i: int) -> list[Val]:
    out = []
    for ri in data_rows:
        v = num_of(table, align(header, table.rows[ri]).get(col_i))
        if v is not None:
            out.append(v)
    return out


def _align_total(table, header, fields, data_rows, totals: list[Val]) -> list[tuple[int, Val]]:
    """Which columns do the printed totals belong to?

    合计 rows are often printed with merged leading cells, so position alone misleads.
    Among the summable numeric columns, take the run of consecutive columns where the most
    printed totals match their column's sum; on a tie, the leftmost run.
    """
    cands = []
    for i in range(len(real_cells(header))):
        if fields.get(i) in _NOT_SUMMED:
            continue
        vals = _column_values(table, header, data_rows, i)
        if sum(1 for v in vals if v.num.unit == "%") * 2 > len(vals):
            continue  # percentages, whatever the header says
        if len(vals) >= max(1, len(data_rows) // 2):
            cands.append(i)
    if not cands:
        return []

    def matches(pairs: list[tuple[int, Val]]) -> int:
        n = 0
        for col_i, tv in pairs:
            vals = _column_values(table, header, data_rows, col_i)
            half = sum(half_width(v.num.decimals) for v in vals)
            half += half_width(tv.num.decimals)
            n += abs(sum(v.value for v in vals) - tv.value) <= half
        return n

    # A total row as wide as the header (spans counted, as DOCX, PDF and HTML give them)
    # puts each total under its own column; it wins unless the run below explains more.
    hcells = real_cells(header)
    hcols = {c.col: i for i, c in enumerate(hcells)}
    trow = table.rows[totals[0].cell.row - 1] if totals[0].cell.row - 1 < len(table.rows) else []
    grid: list[tuple[int, Val]] = []
    if trow and sum(c.colspan for c in trow) == sum(c.colspan for c in hcells) \
            and all(v.cell.col in hcols for v in totals):
        grid = [(hcols[v.cell.col], v) for v in totals if hcols[v.cell.col] in cands]
    k = len(totals)
    if k > len(cands):
        totals = totals[-len(cands):]
        k = len(totals)
    best, best_score = 0, -1
    for start in range(len(cands) - k + 1):
        score = matches([(cands[start + j], totals[j]) for j in range(k)])
        if score > best_score:
            best, best_score = start, score
    run = [(cands[best + j], totals[j]) for j in range(k)]
    return grid if grid and matches(grid) >= best_score else run


def _table_total(table: Table, ctx: Ctx, header: list[Cell], fields, total_ri: int, data_rows: list[int]) -> None:
    """A 合计 row: record, per numeric column, the printed total and the parts above it.

    The total row is often printed with merged leading cells, so its numbers are aligned
    to the numeric columns of the data rows from the left of the first amount column.
    """
    total_row = real_cells(table.rows[total_ri])
    tnums = [(c, num_of(table, c)) for c in total_row]
    tnums = [(c, v) for c, v in tnums if v is not None]
    if not tnums or not data_rows:
        return
    hcells = real_cells(header)
    pairs = _align_total(table, header, fields, data_rows, [v for _, v in tnums])
    for col_i, tv in pairs:
        parts: list[Val] = []
        unread: list[str] = []  # cells of the span that are neither an amount nor blank
        for ri in data_rows:
            amap = align(header, table.rows[ri])
            cell = amap.get(col_i)
            v = num_of(table, cell)
            if v is not None:
                parts.append(v)
            elif cell is not None and not cell.merged_copy and not is_blank(sq(cell.text)):
                label = next((sq(c.text) for c in real_cells(table.rows[ri]) if sq(c.text)), "")
                unread.append(f"{label[:20]}={sq(cell.text)[:20]}")
        if not parts:
            continue
        half = sum(half_width(p.num.decimals) for p in parts)
        ctx.ex.table_sums.append(
            {
                "document_id": ctx.document_id,
                "report_id": ctx.report_id,
                "table_index": table.index,
                "total_row": tv.cell.row,
                "col_index": tv.cell.col,
                "column_label": sq(hcells[col_i].text) if col_i < len(hcells) else None,
                "total_text": tv.num.text,
                "total_value": float(tv.value),
                "total_decimals": tv.num.decimals,
                "parts_sum": float(sum(p.value for p in parts)),
                "parts_halfwidth": float(half),
                "parts_count": len(parts),
                "parts_decimals": max((p.num.decimals or 0) for p in parts),
                "first_row": parts[0].cell.row,
                "last_row": parts[-1].cell.row,
                "page": table.page,
                "unread_cells": "; ".join(unread) or None,
            }
        )
        ctx.use(tv)




def read_generic_totals(table: Table, ctx: Ctx) -> bool:
    """A table no recogniser understood may still print 合计/小计 rows: check them against
    the rows above (back to the header or the previous total). Nothing becomes a fact."""
    found = False
    hdr_i = next((i for i, r in enumerate(table.rows) if not any(num_of(table, c) for c in real_cells(r))), None)
    if hdr_i is None:
        return False
    header = table.rows[hdr_i]
    # Rates, shares, ranks, years and codes are never summed, whatever the table.
    fields = {i: "rate" for i, c in enumerate(real_cells(header)) if _NOT_SUMMABLE.search(sq(c.text))}
    start = hdr_i + 1
    for ri in range(start, len(table.rows)):
        cells = real_cells(table.rows[ri])
        label = next((sq(c.text) for c in cells if sq(c.text)), "")
        if not TOTAL_LABEL.match(label):
            continue
        data_rows = [i for i in range(start, ri) if any(num_of(table, c) for c in real_cells(table.rows[i]))]
        if len(data_rows) >= 2:
            before = len(ctx.ex.table_sums)
            _table_total(table, ctx, header, fields, ri, data_rows)
            found = found or len(ctx.ex.table_sums) > before
        start = ri + 1
    return found
