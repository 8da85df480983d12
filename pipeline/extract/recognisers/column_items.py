"""Tables whose line items are columns: the “三公”经费 table printed across the page (合计 |
因公出国（境）费 | 公务用车购置及运行费 over 小计 | 购置费 | 运行费 | 公务接待费, each over 预算数 |
决算数) with its figures on a line below. A figure is read only when its column names both a
line item (the 三公 template's rows, vocab/templates/disclosure/sangong.toml) and a stage
(vocab/stages.csv); anything else is left for `unrecognised`."""

from __future__ import annotations

from pipeline.extract.cells import num_of, real_cells, sq
from pipeline.extract.recognisers.context import Ctx, _table_unit, add_amount
from pipeline.extract.templates.columns import TableTemplate, row_code, table_templates
from pipeline.extract.vocabulary import stage_of, table_pattern
from pipeline.model import Cell, Table
from pipeline.normalize.money import DEFAULT_MONEY_UNIT

_SUBTOTAL = table_pattern("line_items.subtotal_words")
_TEMPLATE = "sangong_table"


def _template() -> TableTemplate | None:
    return next((t for t in table_templates() if t.name == _TEMPLATE), None)


def _covering(row: list[Cell], col: int) -> Cell | None:
    return next((c for c in row if c.col <= col < c.col + c.colspan and sq(c.text)), None)


def _item(t: TableTemplate, header: list[list[Cell]], col: int) -> tuple[str, str] | None:
    """The line item a column names: its deepest header cell the template knows; a 小计 under a
    spanning item is that item's subtotal."""
    for i in range(len(header) - 1, -1, -1):
        c = _covering(header[i], col)
        if c is None:
            continue
        code = row_code(t, c.text)
        if code is not None and _SUBTOTAL.fullmatch(sq(c.text)) and i > 0:
            above = _covering(header[i - 1], col)
            if above is not None and above.colspan > 1 and not _SUBTOTAL.fullmatch(sq(above.text)):
                code = row_code(t, above.text) or code  # a title over the whole table: its 合计
        if code is not None:
            return code, sq(c.text)
    return None


def read_column_items(table: Table, ctx: Ctx) -> bool:
    t = _template()
    if t is None:
        return False
    rows = [real_cells(r) for r in table.rows]
    s = next((i for i, r in enumerate(rows) if len([c for c in r if sq(c.text)]) >= 2
              and all(stage_of(c.text) for c in r if sq(c.text))), None)
    if not s:
        return False
    header = rows[:s]
    named = {code for r in header for c in r if sq(c.text) and (code := row_code(t, c.text))}
    if len(named) < 2:
        return False
    unit = _table_unit(table, ctx, [c.text for r in header for c in r]) or DEFAULT_MONEY_UNIT
    found = False
    for r in rows[s + 1:]:
        for c in r:
            v = num_of(table, c)
            if v is None:
                continue
            stage_cell = _covering(rows[s], c.col)
            item = _item(t, header, c.col)
            if stage_cell is None or item is None:
                continue  # logged as a numeric cell no recogniser mapped
            found = add_amount(ctx, item[0], stage_of(stage_cell.text) or "", v, unit, "column_items", item[1]) or found
    return found
