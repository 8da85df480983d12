"""Tables whose line items are columns: the “三公”经费 table printed across the page (合计 |
因公出国（境）费 | 公务用车购置及运行费 over 小计 | 购置费 | 运行费 | 公务接待费, each over 预算数 |
决算数) with its figures on a line below. A figure is read only when its column names both a
line item (the 三公 template's rows, vocab/templates/disclosure/sangong.toml) and a stage
(vocab/stages.csv); anything else is left for `unrecognised`."""

from __future__ import annotations

import re
from functools import cache

from pipeline.extract.cells import num_of, real_cells, sq
from pipeline.extract.recognisers.context import Ctx, _table_unit, add_amount
from pipeline.extract.templates.columns import TableTemplate, row_code, table_templates
from pipeline.extract.vocabulary import stage_of, table_pattern
from pipeline.lexicon import entry
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
        return _read_one_row(table, ctx, t, rows)
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


def _read_one_row(table: Table, ctx: Ctx, t: TableTemplate, rows: list[list[Cell]]) -> bool:
    """The same table printed without a stage line (“三公”经费合计 | 因公出国（境）费 | … | 会议费 |
    培训费 over one line of figures): the figures are the report's own stage (a budget
    disclosure's 预算, a final account's 决算), never read in another report. Columns the 三公
    template does not name may name another expense item (column_items.extra); a bare 合计 over
    such a table adds them all, so it is read as the “三公” total only when every column is one
    of the template's."""
    stage = {"budget": "initial", "final_accounts": "executed"}.get(ctx.report_kind)
    figures = [i for i, r in enumerate(rows) if any(num_of(table, c) is not None for c in r)]
    if stage is None or len(figures) != 1 or figures[0] == 0:
        return False
    s = figures[0]
    if any(sq(c.text) and num_of(table, c) is None for c in rows[s]):
        return False  # a labelled row: not a line of figures under column items
    header = rows[:s]
    cols: dict[int, tuple[str, str, bool]] = {}  # col → (item, header words, from the template)
    for c in rows[s]:
        cell = _deepest(header, c.col)
        if num_of(table, c) is None or cell is None:
            continue
        if row_code(t, cell.text) is not None:
            # the lowest header names it (a 小计 under a spanning item is that item's)
            item = _item(t, header, c.col)
            if item is not None:
                cols[c.col] = (item[0], item[1], True)
        elif code := _extra_item(cell.text):
            cols[c.col] = (code, sq(cell.text), False)
        # else: a part the template does not name (运行费 under 公务用车购置及运行费): unread
    if len({v[0] for v in cols.values()}) < 2:
        return False
    extra = any(not v[2] for v in cols.values()) or len(cols) < sum(1 for c in rows[s] if num_of(table, c) is not None)
    unit = _table_unit(table, ctx, [c.text for r in header for c in r]) or DEFAULT_MONEY_UNIT
    found = False
    for c in rows[s]:
        v = num_of(table, c)
        if v is None or c.col not in cols:
            continue
        code, words, _known = cols[c.col]
        if extra and _BARE_TOTAL.fullmatch(words) and _covering_span(t, header, c.col) is None:
            continue  # 合计 of the 三公 items and of others: not the “三公” total
        found = add_amount(ctx, code, stage, v, unit, "column_items", words) or found
    return found


_BARE_TOTAL = table_pattern("line_items.subtotal_words")


def _deepest(header: list[list[Cell]], col: int) -> Cell | None:
    return next((c for r in reversed(header) if (c := _covering(r, col)) is not None), None)


def _covering_span(t: TableTemplate, header: list[list[Cell]], col: int) -> Cell | None:
    """A template item spanning several columns over this one (“三公”经费 over its 小计); a
    title or the unit line printed across the table is none."""
    cells = [c for r in header if (c := _covering(r, col)) is not None]
    return next((c for c in cells[:-1] if c.colspan > 1 and row_code(t, c.text) is not None), None)


def _extra_item(text: str) -> str | None:
    s = sq(text)
    return next((code for code, p in _extras() if p.search(s)), None)


@cache
def _extras() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((code, re.compile(p)) for code, p in entry("tables", "column_items.extra").items())
