"""Tables whose line items are columns: the “三公”经费 table printed across the page (合计 |
因公出国（境）费 | 公务用车购置及运行费 over 小计 | 购置费 | 运行费 | 公务接待费, each over 预算数 |
决算数) with its figures on a line below. A figure is read only when its column names both a
line item (the 三公 template's rows, vocab/templates/disclosure/sangong.toml) and a stage
(vocab/stages.csv); anything else is left for `unrecognised`."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from pipeline.extract.cells import Val, is_numeric, num_of, real_cells, sq
from pipeline.extract.recognisers.context import Ctx, _table_unit, add_amount
from pipeline.extract.recognisers.fund_matrix import column_code
from pipeline.extract.set_aside import column_numbers
from pipeline.extract.templates.columns import (
    LISTED,
    TableTemplate,
    column_of,
    periods,
    row_code,
    table_templates,
)
from pipeline.extract.templates.transposed import year_label_header
from pipeline.extract.vocabulary import stage_of, table_pattern
from pipeline.lexicon import entry
from pipeline.model import Cell, Table
from pipeline.normalize.money import DEFAULT_MONEY_UNIT, to_yuan
from pipeline.normalize.numbers import Number
from pipeline.normalize.text import to_halfwidth

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


def _width(row: list[Cell]) -> int:
    return max((c.col + c.colspan - 1 for c in row), default=0)


def _ragged(header: list[list[Cell]], below: list[Cell]) -> bool:
    """A header whose rows are shorter or longer than the row under them, with no merged cell
    anywhere (a text rendering of a spanning header: '| 合计 | 因公出国(境)费 | … |' over '| 小计 |
    公务用车购置费 | … |' over twelve stage cells): which column each header cell stands over is not
    printed, so the columns are never guessed."""
    if any(c.colspan > 1 for r in [*header, below] for c in r):
        return False
    return any(r and _width(r) != _width(below) for r in header)


def read_column_items(table: Table, ctx: Ctx) -> bool:
    t = _template()
    if t is None:
        return False
    rows = [real_cells(r) for r in table.rows]
    s = next((i for i, r in enumerate(rows) if len([c for c in r if sq(c.text)]) >= 2
              and all(stage_of(c.text) for c in r if sq(c.text))), None)
    if not s:
        return _read_one_row(table, ctx, t, rows) or _read_unit_rows(table, ctx, t, rows)
    header = rows[:s]
    if _ragged(header, rows[s]):
        return False
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
    if _ragged(header, rows[s]):
        return False
    fy = next((r.get("fiscal_year") for r in ctx.ex.reports if r["report_id"] == ctx.report_id), None)
    cols: dict[int, tuple[str, str, bool]] = {}  # col → (item, header words, from the template)
    period: dict[int, str | None] = {}  # col → its period, from a year over it (2025年预算数 | 2026年预算数)
    for c in rows[s]:
        cell = _deepest(header, c.col)
        period[c.col] = _period_of(header, c.col, fy, staged=True)[0]
        if num_of(table, c) is None or cell is None or _carried_over(header, c.col) \
                or period[c.col] not in ("current", "prior"):
            continue  # a year the report cannot place (or a change column): unread
        if row_code(t, cell.text) is not None:
            # the lowest header names it (a 小计 under a spanning item is that item's)
            if _part_named_as_whole(t, header, c.col):
                continue
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
        if add_amount(ctx, code, stage, v, unit, "column_items", words):
            found = True
            if period[c.col] != "current":
                (ctx.ex.fact_executions if stage == "executed" else ctx.ex.fact_budgets)[-1]["period"] = period[c.col]
    return found


_BARE_TOTAL = table_pattern("line_items.subtotal_words")
_UNIT_HEAD = table_pattern("column_items.unit_head")
_SEQ_HEAD = table_pattern("line_items.skip_head")


def _read_unit_rows(table: Table, ctx: Ctx, t: TableTemplate, rows: list[list[Cell]]) -> bool:
    """The table with a row per unit (单位名称 | “三公”经费合计 | 因公出国（境）费用 | … over 合计,
    then each unit's row), in some printed for two years and their change (上年 | 当年 |
    增减变化情况 over the items). The figures are the report's own stage; a year or 上年/当年
    over a column gives its period. The 合计 row is the report's own figures; a unit's row is
    a listed line named by the unit and the column's headers. A change is read with the two
    figures of its row under the same headers (fact_changes); a later year's column is unread."""
    stage = {"budget": "initial", "final_accounts": "executed"}.get(ctx.report_kind)
    numbering = column_numbers(table)
    figures = [i for i, r in enumerate(rows) if any(id(c) not in numbering and num_of(table, c) is not None for c in r)]
    if stage is None or not figures or figures[0] == 0:
        return False
    s = figures[0]
    header = [r for r in rows[:s] if not any(id(c) in numbering for c in r)]  # not the line 1 | 2 | 3 …
    seq = {c.col for c in header[0] if _SEQ_HEAD.fullmatch(sq(c.text))}  # 序号 before the unit's columns
    first = min((c.col for c in header[0] if c.col not in seq), default=0)
    labels = {k for c in header[0] if _UNIT_HEAD.fullmatch(sq(c.text)) for k in range(c.col, c.col + c.colspan)}
    if first not in labels:
        return False
    labels |= seq
    # a 年度 column beside the unit's (预算单位 | 年度 | 总计 | 因公出国(境)费 | …, then 2025年 | 2026年 |
    # 增减变化金额 under the unit): each row's year or change is its period
    years = {k for c in header[0] if year_label_header(c.text) for k in range(c.col, c.col + c.colspan)}
    labels |= years
    fy = next((r.get("fiscal_year") for r in ctx.ex.reports if r["report_id"] == ctx.report_id), None)
    cols: dict[int, tuple[str, str, str, bool]] = {}  # col → (item, its words, period or change, from the template)
    offset: dict[int, int] = {}  # col → its place under its period's header (the same under 上年, 当年, 增减)
    funded: set[int] = set()  # columns of one fund source under an item (一般公共预算 under 因公出国(境)费)
    for col in sorted({c.col for r in rows[s:] for c in r} - labels):
        cell = _deepest(header, col)
        period, start = _period_of(header, col, fy)
        if cell is None or period is None or _carried_over(header, col):
            continue
        if years and row_code(t, cell.text) is None and column_code(cell.text) in _FUNDS:
            # the item's money from one source: a listed line named by the item and the source, never
            # the item's own figure (the sources together are)
            item = _item(t, header, col)
            if item is not None:
                cols[col] = (item[0], item[1], period, True)
                offset[col] = col - start
                funded.add(col)
            continue
        if row_code(t, cell.text) is not None:
            if _part_named_as_whole(t, header, col):
                continue
            item = _item(t, header, col)
            if item is not None:
                cols[col] = (item[0], item[1], period, True)
                offset[col] = col - start
        elif code := _extra_item(cell.text):
            cols[col] = (code, sq(cell.text), period, False)
            offset[col] = col - start
    if len({v[0] for v in cols.values()}) < 2:
        return False
    extra = any(not v[3] for v in cols.values())
    totals = [r for r in rows[s:] if _BARE_TOTAL.fullmatch(_row_label(r, labels))]
    unit = _table_unit(table, ctx, [c.text for r in header for c in r]) or DEFAULT_MONEY_UNIT
    facts = ctx.ex.fact_executions if stage == "executed" else ctx.ex.fact_budgets
    found = False
    unit_name = ""  # the unit printed once over its year rows (a merged cell)
    across: dict[int, dict[str, tuple[str, Val]]] = {}  # col → period → (item, figure), over year rows
    for r in rows[s:]:
        label = _row_label(r, labels - years)
        row_period = None
        if years:
            row_period = _row_period(r, years, fy)
            if row_period is None:
                continue  # a row naming no year of this report's, nor a change: unread
            label = unit_name = label or unit_name
        total = _BARE_TOTAL.fullmatch(label) is not None
        if not label or total and len(totals) > 1:
            continue  # a row without its unit, or one of several totals: unread
        by_place: dict[tuple[str, int], dict[str, tuple[str, Val]]] = {}  # (item, place) → period → (item, figure)
        for c in r:
            if c.col in labels and is_numeric(c.text):
                ctx.ignore(c)  # the unit's code
            v = num_of(table, c)
            if v is None or c.col not in cols:
                continue
            code, words, period, _known = cols[c.col]
            period = row_period or period
            if total and extra and _BARE_TOTAL.fullmatch(words) and _covering_span(t, header, c.col) is None:
                continue  # 合计 of the 三公 items and of others: not the “三公” total
            item = code if total and c.col not in funded else LISTED
            (across.setdefault(c.col, {}) if years else by_place.setdefault((code, offset[c.col]), {}))[period] = (item, v)
            if period == "change":
                continue
            path = _words_of(header, c.col, labels)
            name = " ".join(sq(x.text) for x in r if x.col in labels - years and sq(x.text)) or label  # with its code
            if add_amount(ctx, item, stage, v, unit, "column_items", words if total and item != LISTED else f"{name} {path}"):
                facts[-1]["period"] = period
                found = True
        for per in by_place.values():
            _change(ctx, per, unit)
    for per in across.values():
        _change(ctx, per, unit)
    return found


_FUNDS = frozenset({"general_public_budget", "government_fund", "state_capital"})


def _row_period(row: list[Cell], years: set[int], fy: int | None) -> str | None:
    """A row's period from its 年度 cell: the report's year → current, an earlier one → prior, a change
    (增减变化金额) → change; None for a later year or anything else."""
    text = to_halfwidth("".join(sq(c.text) for c in row if c.col in years))
    head = column_of(text) if text else None
    if head is not None and head.measure == "change":
        return "change"
    m = periods().year.match(text)
    if m is None or m.end() != len(text) or fy is None or int(m.group("year")) > fy:
        return None
    return "current" if int(m.group("year")) == fy else "prior"


def _change(ctx: Ctx, per: dict[str, tuple[str, Val]], unit: str) -> None:
    """A change printed with the two figures it compares (上年 and 当年 under the same headers)."""
    if not {"prior", "current", "change"} <= per.keys():
        return
    (item, x), (_, y), (_, c) = per["current"], per["prior"], per["change"]
    if x.value - y.value != c.value:
        return  # not this row's current less its prior: left unread
    if c.value == 0:
        ctx.ignore(c.cell)  # no change between two figures read: nothing to store
        return
    row = {
        "report_id": ctx.report_id, "project_id": None, "line_item": item, "level_source_ref": x.ref,
        "level_yuan": _yuan(x.num, unit), "level_text": x.num.text, "level_unit": unit, "level_decimals": x.num.decimals,
        "prior_yuan": _yuan(y.num, unit), "prior_text": y.num.text, "prior_unit": unit, "prior_decimals": y.num.decimals,
        "prior_source_ref": y.ref, "direction": 1 if c.value > 0 else -1, "word": None,
        "change_yuan": _yuan(Number(abs(c.value), c.num.text, c.num.decimals, c.num.unit), unit),
        "reported_text": c.num.text, "reported_unit": unit, "decimals": c.num.decimals,
        "change_pct": None, "pct_text": None, "pct_decimals": None, "pct_source_ref": None,
        "source_ref": c.ref, "origin": "table",
    }
    ctx.ex.fact_changes.append(row)
    ctx.use(c)


def _yuan(n: Number, unit: str) -> Decimal:
    return to_yuan(n.value, n.unit if n.unit and n.unit != "%" else unit).quantize(Decimal("0.01"))


def _row_label(row: list[Cell], labels: set[int]) -> str:
    """The unit a row is of: its label columns' words, its code left out."""
    return "".join(sq(c.text) for c in row if c.col in labels and sq(c.text) and not is_numeric(c.text))


def _period_of(header: list[list[Cell]], col: int, fy: int | None, staged: bool = False) -> tuple[str | None, int]:
    """current / prior from a year or 上年/当年 over the column (current when none is printed),
    change under a change header (增减变化情况); None for a year this report cannot place. With
    the first column of the header saying it. `staged`: a year may carry its stage (2025年预算数)."""
    for r in header:
        c = _covering(r, col)
        if c is None:
            continue
        text = to_halfwidth(sq(c.text))
        head = column_of(text)
        if head is not None and head.measure == "change":
            return "change", c.col
        if head is not None and head.measure == "change_pct":
            return None, c.col
        if (m := periods().year.match(text)) and (m.end() == len(text) or staged and stage_of(text[m.end():])):
            y = int(m.group("year"))
            return None if fy is None or y > fy else "current" if y == fy else "prior", c.col
        if (m := periods().words.match(text)) and m.end() == len(text):
            return periods().period_of.get(m.group("w")), c.col
    return "current", 0


def _words_of(header: list[list[Cell]], col: int, labels: set[int]) -> str:
    """The headers over a column, outermost first, its period or change header left out."""
    out = []
    for r in header:
        c = _covering(r, col)
        if c is None or c.col in labels:
            continue
        text = to_halfwidth(sq(c.text))
        head = column_of(text)
        if periods().year.fullmatch(text) or periods().words.fullmatch(text) or head and head.measure == "change":
            continue
        out.append(sq(c.text))
    return " ".join(out)


def _part_named_as_whole(t: TableTemplate, header: list[list[Cell]], col: int) -> bool:
    """因公出国（境）费 over 小计 | 因公出国（境）费 | 科研因公出国（境）费用 (长春): the column of the same
    name beside its group's 小计 is one part of that item, not the item; left unread."""
    cells = [c for r in header if (c := _covering(r, col)) is not None]
    if len(cells) < 2 or _SUBTOTAL.fullmatch(sq(cells[-1].text)):
        return False
    code = row_code(t, cells[-1].text)
    return code is not None and any(c.colspan > 1 and row_code(t, c.text) == code for c in cells[:-1])


def _carried_over(header: list[list[Cell]], col: int) -> bool:
    """A column under a carry-over heading (当年预算 | 上年结转结余 over the items, 长春): what last
    year's unspent funds pay for this year, not the item's budget; left unread."""
    return any(column_code(c.text) == "carryover" for r in header if (c := _covering(r, col)) is not None)


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
