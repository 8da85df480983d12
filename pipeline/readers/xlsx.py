"""Excel workbooks (budget disclosures are often published as .xlsx): each sheet's title
lines become paragraphs and its grid becomes tables, with merged cells as spans and the
merged copies the other readers emit. Numbers are printed as the sheet shows them."""

from __future__ import annotations

import io
from datetime import date, datetime

from pipeline.model import Cell, Document, Paragraph, Table


def _text(value: object, number_format: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        if "%" in number_format:
            value = value * 100
            decimals = len(number_format.split(".")[1].split("%")[0]) if "." in number_format else 0
            return f"{value:.{decimals}f}%"
        if "0.00" in number_format and isinstance(value, float | int):
            decimals = len(number_format.split(".")[1].rstrip(")_-;@ ").split(";")[0].rstrip("_)"))
            decimals = min(decimals, 6)
            return f"{value:,.{decimals}f}" if "," in number_format else f"{value:.{decimals}f}"
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()[:10]
    return str(value).strip()


Grid = list[list[tuple[int, str]]]  # per sheet row: (1-based column, displayed text)
Merge = tuple[int, int, int, int]  # 1-based min_row, min_col, max_row, max_col


def read_xlsx(data: bytes, max_cells: int = 2_000_000) -> Document:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data), data_only=True)  # cached values, never formulas
    doc = Document(file_format="xlsx")
    counters = [0, 0]
    seen = 0
    for ws in wb.worksheets:
        merges = [(r.min_row, r.min_col, r.max_row, r.max_col) for r in ws.merged_cells.ranges]
        grid: Grid = []
        for row in ws.iter_rows():
            vals = []
            for cell in row:
                seen += 1
                if seen > max_cells:
                    break
                vals.append((cell.column, _text(cell.value, cell.number_format or "")))
            grid.append(vals)
        add_sheet(doc, ws.title, grid, merges, counters)
    wb.close()
    return doc


def add_sheet(doc: Document, title: str, grid: Grid, merges: list[Merge], counters: list[int]) -> None:
    """One sheet's grid → a title paragraph, title lines as paragraphs and runs of filled rows
    as tables, merged cells as spans (with the merged copies the other readers emit).
    `counters` = [paragraphs, tables] so far, shared by the sheets of a workbook."""
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    covered: dict[tuple[int, int], tuple[int, int]] = {}
    for min_row, min_col, max_row, max_col in merges:
        spans[(min_row, min_col)] = (max_row - min_row + 1, max_col - min_col + 1)
        for r in range(min_row, max_row + 1):
            for c in range(min_col, max_col + 1):
                if (r, c) != (min_row, min_col):
                    covered[(r, c)] = (min_row, min_col)
    counters[0] += 1
    doc.blocks.append(Paragraph(index=counters[0], text=title))
    rows: list[list[Cell]] = []
    first_row = 0

    def flush() -> None:
        nonlocal rows
        if rows:
            counters[1] += 1
            caption = next((b.text for b in reversed(doc.blocks) if isinstance(b, Paragraph)), "")
            doc.blocks.append(Table(index=counters[1], rows=rows, caption=caption))
        rows = []

    for r_i, vals in enumerate(grid, start=1):
        filled = [(c, t) for c, t in vals if t]
        if not filled:
            flush()
            continue
        wide_title = len(filled) == 1 and spans.get((r_i, filled[0][0]), (1, 1))[1] > 2
        if len(filled) == 1 and (not rows or wide_title) and not covered.get((r_i, filled[0][0])):
            flush()  # a title or a "单位：万元" line above a table
            counters[0] += 1
            doc.blocks.append(Paragraph(index=counters[0], text=filled[0][1]))
            continue
        if not rows:
            first_row = r_i - 1
        cells = []
        for c, t in vals:
            if (r_i, c) in covered:
                top = covered[(r_i, c)]
                if top[1] == c and top[0] != r_i:  # vertically merged: a copy, as in DOCX
                    cells.append(Cell(text=_cell_text(grid, top), row=r_i - first_row, col=c,
                                      merged_copy=True))
                continue
            rs, cs = spans.get((r_i, c), (1, 1))
            cells.append(Cell(text=t, row=r_i - first_row, col=c, rowspan=rs, colspan=cs))
        rows.append(cells)
    flush()


def _cell_text(grid: list[list[tuple[int, str]]], pos: tuple[int, int]) -> str:
    r, c = pos
    return next((t for col, t in grid[r - 1] if col == c), "") if r - 1 < len(grid) else ""
