"""Numeric table cells set aside knowingly, whatever recogniser read (or did not read) the table.

- A per-unit figure (342元/㎡, 46元/m): a price or standard per unit, never an amount of the
  budget; its unit says so (parse_number keeps the '/…').
- Column numbers: a row whose figures are 1, 2, 3 … in order (栏次 | 1 | 2 | 3), the numbering
  of the columns above, never amounts.
- An empty table: its only figures are the zeros of one row (政府性基金预算支出表 printing
  合计 0.00 | 0.00 | 0.00 under the note 本表本年无发生额). It states that there is nothing, which
  is recorded as a note (`unrecognised`, what = 'table'), not as facts.
"""

from __future__ import annotations

from pipeline.extract.cells import holds_amount, real_cells
from pipeline.model import Table
from pipeline.normalize.numbers import parse_number

EMPTY_TABLE = "empty table: its only figures are one row of zeros"


def per_unit(text: str) -> bool:
    n = parse_number(text)
    return n is not None and bool(n.unit) and "/" in (n.unit or "")


def empty_table(table: Table) -> bool:
    rows = [[c for c in real_cells(r) if holds_amount(c.text)] for r in table.rows]
    rows = [r for r in rows if r]
    if len(rows) != 1:
        return False
    values = [parse_number(c.text) for c in rows[0]]
    return all(v is not None and v.value == 0 for v in values)


def column_numbers(table: Table) -> set[int]:
    """ids of the cells of rows that number the columns (1, 2, 3 … from the left, whole numbers)."""
    out: set[int] = set()
    for r in table.rows:
        cells = [c for c in real_cells(r) if holds_amount(c.text)]
        nums = [parse_number(c.text) for c in cells]
        if len(cells) >= 3 and all(n is not None and n.decimals == 0 and n.unit is None for n in nums) and [
                int(n.value) for n in nums] == list(range(1, len(cells) + 1)):
            out.update(id(c) for c in cells)
    return out
