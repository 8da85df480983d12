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


def read_xlsx(data: bytes, max_cells: int = 2_000_000) -> Document:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data), data_only=True)  # cached values, never formulas
    doc = Document(file_format="xlsx")
    n_para = n_table = seen = 0
    for ws in wb.worksheets:
        spans: dict[tuple[int, int], tuple[int, int]] = {}
        covered: dict[tuple[int, int], tuple[int, int]] = {}
        for rng in ws.merged_cells.ranges:
            spans[(rng.min_row, rng.min_col)] = (rng.max_row - rng.min_row + 1, rng.max_col - rng.min_col + 1)
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    if (r, c) != (rng.min_row, rng.min_col):
                        covered[(r, c)] = (rng.min_row, rng.min_col)
        grid: list[list[tuple[int, str]]] = []
        for row in ws.iter_rows():
            vals = []
            for cell in row:
                seen += 1
                if seen > max_cells:
                    break
                vals.append((cell.column, _text(cell.value, cell.number_format or "")))
            grid.append(vals)
        n_para += 1
        doc.blocks.append(Paragraph(index=n_para, text=ws.title))
        rows: list[list[Cell]] = []
        first_row = 0

        def flush() -> None:
            nonlocal n_table, rows
            if rows:
                n_table += 1
                caption = next((b.text for b in reversed(doc.blocks) if isinstance(b, Paragraph)), "")
                doc.blocks.append(Table(index=n_table, rows=rows, caption=caption))
            rows = []

        for r_i, vals in enumerate(grid, start=1):
            filled = [(c, t) for c, t in vals if t]
            if not filled:
                flush()
                continue
            wide_title = len(filled) == 1 and spans.get((r_i, filled[0][0]), (1, 1))[1] > 2
            if len(filled) == 1 and (not rows or wide_title) and not covered.get((r_i, filled[0][0])):
                flush()  # a title or a "单位：万元" line above a table
                n_para += 1
                doc.blocks.append(Paragraph(index=n_para, text=filled[0][1]))
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
    wb.close()
    return doc


def _cell_text(grid: list[list[tuple[int, str]]], pos: tuple[int, int]) -> str:
    r, c = pos
    return next((t for col, t in grid[r - 1] if col == c), "") if r - 1 < len(grid) else ""
