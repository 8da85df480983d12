"""Legacy Excel workbooks (.xls, and WPS spreadsheets .et saved in the same binary format),
read with python-calamine and laid out exactly as .xlsx sheets are (xlsx.add_sheet): title
lines become paragraphs, grids become tables, merged cells become spans.

calamine gives cell values, not number formats: numbers are printed as stored (1200.5,
not 1,200.50), dates as ISO dates. A percentage cell stored as a fraction (0.9167 shown as
91.67%) therefore reads as 0.9167; a workbook whose rates matter should be re-saved as .xlsx
if its figures disagree.
"""

from __future__ import annotations

import io
from datetime import date, datetime, time, timedelta

from pipeline.model import Document
from pipeline.readers.xlsx import Grid, Merge, add_sheet


def _text(value: object) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        # The shortest text that reads back as the stored number, never 1e-05 style.
        text = repr(value)
        return f"{value:.10f}".rstrip("0").rstrip(".") if "e" in text else text
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    if isinstance(value, time | timedelta):
        return str(value)
    return str(value).strip()


def read_xls(data: bytes, max_cells: int = 2_000_000) -> Document:
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
    doc = Document(file_format="xls")
    counters = [0, 0]
    seen = 0
    try:
        for name in wb.sheet_names:
            sheet = wb.get_sheet_by_name(name)
            # From A1, not from the first used cell: merges are in sheet coordinates.
            grid: Grid = []
            for values in sheet.to_python(skip_empty_area=False):
                if seen > max_cells:
                    break
                seen += len(values)
                grid.append([(j, _text(v)) for j, v in enumerate(values, start=1)])
            # Columns left of the used area are no cells of the table (as openpyxl reads .xlsx).
            first = min((j for row in grid for j, t in row if t), default=1)
            grid = [[(j, t) for j, t in row if j >= first] for row in grid]
            merges: list[Merge] = [
                (a[0] + 1, a[1] + 1, b[0] + 1, b[1] + 1) for a, b in (sheet.merged_cell_ranges or [])
            ]
            add_sheet(doc, name, grid, merges, counters)
    finally:
        wb.close()
    return doc
