"""Tables printed as side-by-side panels: the same columns twice across the page
(类|款|科目名称|决算数|类|款|科目名称|决算数). Each panel is read as a table of its own, so
a row's right half is never taken for more cells of its left half. Cells keep their grid
positions, so provenance still names the printed table, row and column."""

from __future__ import annotations

from pipeline.extract.cells import holds_amount, sq
from pipeline.extract.vocabulary import table_pattern
from pipeline.model import Table

# A unit opening with a label head (项目 | 本年预算 | 编制预算 | 上年结转, twice: 长春 收支总表) is one side of
# a two-sided summary (收入 | 支出), read by read_two_sided with the other side, never a panel of its own.
_SIDE_HEAD = table_pattern("line_items.label_head")


def _period(seq: list[str]) -> int | None:
    n = len(seq)
    # Two-column units (项目 | 金额 | 项目 | 金额) are the two sides of a summary table, read
    # together by read_two_sided; panels of a classification have three columns or more.
    for p in range(3, n // 2 + 1):
        if n % p == 0 and all(seq[i] == seq[i + p] for i in range(n - p)) and any(seq[:p]):
            return p
    return None


def split_panels(table: Table) -> list[Table]:
    """The panels of `table` (the table itself when it has one)."""
    for row in table.rows[:5]:
        cells = sorted(row, key=lambda c: c.col)
        if len(cells) < 4 or any(c.colspan > 1 for c in cells):
            continue
        p = _period([sq(c.text) for c in cells])
        if p is None or _SIDE_HEAD.match(sq(cells[0].text)) or any(holds_amount(c.text) for c in cells):
            # a row of figures repeating (一、财政拨款 | 303,312,586.17, four times: 西安's 财政拨款收支总表
            # opens every side with the same line) is no header of panels
            continue
        starts = [cells[i].col for i in range(0, len(cells), p)]
        bounds = list(zip(starts, [*starts[1:], 10**6], strict=True))
        return [
            Table(
                index=table.index,
                rows=[[c for c in r if lo <= c.col < hi] for r in table.rows],
                page=table.page,
                nested_in=table.nested_in,
                caption=table.caption,
            )
            for lo, hi in bounds
        ]
    return [table]
