"""The project (or department-as-a-whole) self-evaluation table: funding block with
stages and fund sources, indicator block with levels, targets, actuals, weights, scores."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from pipeline.extract.cells import (
    LABEL_AMOUNT,
    Val,
    align,
    flat,
    num_of,
    real_cells,
    sq,
    strip_weight,
    weight_in_label,
)
from pipeline.extract.recognisers.context import (
    LEVEL1,
    LEVEL2,
    TOTAL_LABEL,
    Ctx,
    _find_row,
    _label_value,
    _new_project,
    _score,
    _table_unit,
    add_amount,
    add_budget,
    add_execution,
)
from pipeline.extract.templates.columns import side_words
from pipeline.extract.vocabulary import (
    LEVEL_SUFFIX,
    PART_WORDS,
    SCORE_TOTAL,
    line_item_code,
    stage_of,
    table_pattern,
)
from pipeline.lexicon import either, entry, word, words
from pipeline.model import Cell, Table
from pipeline.normalize.money import DEFAULT_MONEY_UNIT, SCORE_UNIT, half_width
from pipeline.normalize.names import project_identity, unit_key
from pipeline.normalize.numbers import parse_number
from pipeline.normalize.targets import judge_attained, parse_target
from pipeline.normalize.text import to_halfwidth


def read_self_eval(table: Table, ctx: Ctx) -> bool:
    """Project (or department-as-a-whole) self-evaluation table."""
    # Two different stages (预算数 printed twice over two panels is not a funding block), and
    # not the header of a balance table's side (收入 | 预算数 | … : templates/columns.py).
    fund_hdr = _find_row(
        table,
        lambda t: len({stage_of(x) for x in t} & {"initial", "adjusted", "executed"}) >= 2
        and not (t and t[0] in side_words()),
    )
    ind_hdr = _find_row(
        table,
        lambda t: (_L3_HEAD in t or _L2_HEAD in t)
        and _L1_HEAD in t
        and any(_ind_field(x) in ("target", "actual") for x in t)
        # A target table without levels: 指标名称 | 指标性质 | 指标值 (Chongqing)
        or {"name", "op", "target"} <= {_ind_field(x) for x in t},
    )
    if fund_hdr is None and ind_hdr is None:
        return _read_project_list(table, ctx)
    before = (len(ctx.ex.fact_budgets), len(ctx.ex.fact_executions), len(ctx.ex.fact_indicators))
    per_row = _row_columns(table, ind_hdr) if ind_hdr is not None else None
    # One project per row group: the 项目名称 cell heads a column, it is no key of the form.
    name = None if per_row else _label_value(table, table_pattern("self_eval.project_name").pattern)
    if name is None and ind_hdr is None and not _has_fund_rows(table, fund_hdr):
        return False
    project_id = None
    target = fund_hdr is None and _is_target_form(table, ind_hdr, ctx)
    title = _target_title(ctx, table) if target else None
    if target:
        ctx.planned_tables.add(table.index)
    if name:
        comp = _label_value(table, table_pattern("self_eval.competent_department").pattern)
        impl = _label_value(table, table_pattern("self_eval.implementing_unit").pattern)
        unit = flat(impl[0]) if impl else None
        project_id = _new_project(
            ctx,
            flat(name[0]) or "",
            None,
            str(table.ref(name[1])),
            "self_eval_table",
            competent_department=flat(comp[0]) if comp else None,
            implementing_unit=unit,
            identity=_target_identity(flat(name[0]) or "", unit) if target else None,
        )
    elif title:
        project_id = _new_project(ctx, title[0], None, str(table.ref(table.rows[0][0])), "self_eval_table",
                                  implementing_unit=title[1], identity=_target_identity(*title))
    if fund_hdr is not None and not _labels_trail(table, fund_hdr):
        _read_funding(table, fund_hdr, ctx, project_id)
    elif target:
        if project_id is not None:  # a body's whole form (部门整体支出绩效目标表) is left: its
            # 资金总额 need not be the budget tables' total (泉州市公安局 2026: 81562.56 against 81206.56)
            _read_planned_funding(table, ctx, project_id)
    if ind_hdr is not None:
        _read_indicators(table, ind_hdr, ctx, project_id, per_row)
    _form_total(table, ctx, project_id)
    if fund_hdr is not None and (len(ctx.ex.fact_budgets), len(ctx.ex.fact_executions)) == before[:2]:
        # No amount read from the grid: its columns are not the form's (labels moved to the end
        # of the row before, empty cells dropped). The template engine reads the table as a
        # cell stream, each row anchored on its label.
        from pipeline.extract.templates import stream_facts

        stream_facts([table], ctx)
    after = (len(ctx.ex.fact_budgets), len(ctx.ex.fact_executions), len(ctx.ex.fact_indicators))
    return after != before or project_id is not None


def _form_total(table: Table, ctx: Ctx, project_id: str | None) -> None:
    """自评总分(分) | 97.93 printed as a key of the form: its total score, unless the form's total
    row was read already (总分 | 100 | 97.93) or the value is no score (above 100)."""
    if any(f["report_id"] == ctx.report_id and f["project_id"] == project_id and f["component"] == "total"
           for f in ctx.ex.fact_scores):
        return
    label = table_pattern("self_eval.score_total").pattern
    got = _label_value(table, label)
    v = None
    if got is not None:
        cells = real_cells(next(r for r in table.rows if got[1] in r))
        v = num_of(table, cells[cells.index(got[1]) + 1])
    else:
        # a text rendering that kept the key and its value in one cell ('某某局 自评总分(分) 97.93')
        inside = re.compile(rf"(?:^|\s)(?:{label})\s*(?P<n>\d{{1,3}}(?:\.\d{{1,2}})?)$")
        for row in table.rows:
            for c in real_cells(row):
                if (m := inside.search(to_halfwidth(c.text).strip())) is not None and (n := parse_number(m.group("n"))) is not None:
                    v = Val(n, c, str(table.ref(c)))
                    break
            if v is not None:
                break
    if v is None or v.num.unit not in (None, SCORE_UNIT) or not (0 <= v.value <= 100):
        return
    _score(ctx, project_id, "total", None, v, v.ref)


def _has_fund_rows(table: Table, hdr_i: int | None) -> bool:
    """Rows under the stage header are labelled with fund sources (年度资金总额, 财政拨款…)
    other than a bare 合计."""
    if hdr_i is None:
        return False
    labels = {line_item_code(c.text) for r in table.rows[hdr_i + 1 :] for c in real_cells(r)[:2] if sq(c.text)}
    return bool(labels - {None, "total"}) or any(
        table_pattern("self_eval.fund_total").search(sq(c.text)) for r in table.rows[hdr_i + 1 :] for c in real_cells(r)[:2])


def _labels_trail(table: Table, hdr_i: int) -> bool:
    """A fund-source label printed last in its row after two or more figures: the rendering
    moved each row's label to the end of the row before it (`| 387664.62 | 387664.62 | 10 |
    100% | 10 | 其中:当年财政拨款 |`), so the grid's columns are not the form's. The figures
    before such a label are the previous label's; the template engine reads the block as a
    cell stream (pipeline/extract/templates)."""
    for row in table.rows[hdr_i + 1 :]:
        cells = [c for c in real_cells(row) if sq(c.text)]
        if len(cells) >= 3 and line_item_code(cells[-1].text) and num_of(table, cells[-1]) is None:
            if sum(num_of(table, c) is not None for c in cells[:-1]) >= 2:
                return True
    return False


_BLOCK_END = table_pattern("self_eval.block_end")
_PERIOD_TOTAL = table_pattern("self_eval.period_total")
PERIOD_ASIDE = ("set aside: a project's funds over its whole implementation period (tables.toml "
                "self_eval.period_total) and their parts, not the year's budget; no line item holds them")
PLANNED_REPORT = "budget"  # vocab/report_kinds.csv: a 部门预算, whose figures are planned
_SUB_HEADING = table_pattern("self_eval.sub_heading")
_PART_OF = re.compile(rf"^\s*{PART_WORDS}")
_L1_HEAD, _L2_HEAD, _L3_HEAD = (word("tables", f"indicator_headers.level{i}") for i in (1, 2, 3))


def _read_funding(table: Table, hdr_i: int, ctx: Ctx, project_id: str | None) -> None:
    header = table.rows[hdr_i]
    hcells = real_cells(header)
    fields = {i: stage_of(c.text) for i, c in enumerate(hcells)}
    # The unit printed in the header, else in a fund-source label (年度资金总额(元)), else the
    # table's caption or the page's unit line.
    labels = [c.text for r in table.rows[hdr_i + 1 :] for c in real_cells(r)[:2] if line_item_code(c.text)]
    unit = _table_unit(table, ctx, [c.text for c in hcells] + labels) or DEFAULT_MONEY_UNIT
    exec_weight = exec_score = None
    sub_total = _sub_total_columns(table, hdr_i, hcells)
    seen: list[str] = []
    totals: dict[str, Val] = {}
    inline: dict[int, list[tuple[str, Val, str]]] = {}  # column → "label：amount" cells
    for row in table.rows[hdr_i + 1 :]:
        cells = real_cells(row)
        texts = [sq(c.text) for c in cells]
        label_cell = next(
            (c for c in cells if sq(c.text) and not num_of(table, c) and line_item_code(c.text)),
            None,
        )
        if label_cell is None:
            if any(stage_of(t) for t in texts) or not any(texts):
                continue
            found_inline = _inline_amounts(table, cells)
            if found_inline:
                for col, entry in found_inline:
                    inline.setdefault(col, []).append(entry)
                continue
            if _BLOCK_END.search("".join(texts)) or not any(num_of(table, c) for c in cells):
                if all(_SUB_HEADING.match(t) for t in texts if t):
                    continue  # 按收入性质分 / 按支出性质分: sub-headings inside the block
                break  # the funding block has ended (年度总体目标, 绩效指标 …)
            continue  # amounts under a label we do not know: left for the coverage log
        item = line_item_code(label_cell.text)
        # 上年结转 printed right after 当年财政拨款 under a printed 财政拨款 row splits 财政拨款,
        # not the total: it gets the code whose parent is fiscal.
        # …or printed as "其中：上年结转" right under 财政拨款 (of which, so inside it).
        if item == "carryover" and "fiscal" in seen and (
            seen[-1:] == ["fiscal_current"]
            or (seen[-1:] == ["fiscal"] and _PART_OF.match(label_cell.text))
        ):
            item = "fiscal_carryover"
        seen.append(item)
        amap = _by_first_subcolumn(hcells, cells, sub_total) or align(header, row)
        values: dict[str, Val] = {}
        for i, f in fields.items():
            if f and i in amap:
                v = num_of(table, amap[i])
                if v is not None:
                    values[f] = v
        if not _fits_points(values):
            continue  # the row's cells do not sit under the header's columns: left for the stream
        label = flat(label_cell.text)
        for stage in ("initial", "adjustment", "adjusted"):
            if stage in values:
                add_budget(ctx, project_id, item, stage, values[stage], unit, "self_eval", label)
        add_execution(ctx, project_id, item, values.get("executed"), values.get("rate"), unit, "self_eval", label)
        if item == "total" and ("weight" in values or "score" in values):
            exec_weight, exec_score = values.get("weight"), values.get("score")
        if item == "total":
            totals = {k: v for k, v in values.items() if k in ("initial", "adjusted", "executed")}
    for entries in inline.values():
        _inline_facts(ctx, project_id, entries, totals, unit)
    if exec_weight or exec_score:
        ref = (exec_score or exec_weight).ref  # type: ignore[union-attr]
        _score(ctx, project_id, "budget_execution", exec_weight, exec_score, ref, origin="table")


def _sub_total_columns(table: Table, hdr_i: int, hcells: list[Cell]) -> bool:
    """A two-level header whose spanning stage cells (全年预算数 over 总额 | 财政拨款 | 其他资金,
    部门整体支出绩效自评表's task block) print the total first: the row under the header names it
    (总额/合计) at each spanning cell's first column."""
    if hdr_i + 1 >= len(table.rows):
        return False
    sub = {c.col: c for c in real_cells(table.rows[hdr_i + 1]) if sq(c.text)}
    # a spanning cell the next row splits (执行率 merged over two columns splits nothing)
    split = [c for c in hcells if c.colspan > 1 and stage_of(c.text)
             and any(c.col <= k < c.col + c.colspan for k in sub)]
    return bool(split) and all(c.col in sub and line_item_code(sub[c.col].text) == "total" for c in split)


def _by_first_subcolumn(hcells: list[Cell], cells: list[Cell], sub_total: bool) -> dict[int, Cell] | None:
    """Header positions mapped to the row's cell starting in the same column, when the header's
    spanning stage cells are known to print their total first (never a part's column, as
    aligning the row's cells from the right would give under a two-level header)."""
    if not sub_total:
        return None
    at = {c.col: c for c in cells}
    return {i: at[h.col] for i, h in enumerate(hcells) if h.col in at}


def _is_target_form(table: Table, ind_hdr: int | None, ctx: Ctx) -> bool:
    """A 绩效目标表 printed in a budget (部门预算): indicators with their targets and no column of
    what was achieved or scored (实际完成值, 得分). It plans: its amounts are the year's budget."""
    if ind_hdr is None or ctx.report_kind != PLANNED_REPORT:
        return False
    kinds = {_ind_field(c.text) for c in real_cells(table.rows[ind_hdr])}
    return "target" in kinds and not kinds & {"actual", "score"}


_TARGET_TITLE = table_pattern("self_eval.target_title")
_NO_WORDS = re.compile(r"^[^\u4e00-\u9fff]*$")  # a page number (2 2, — 2 6 —) between title lines


def _target_identity(name: str, unit: str | None) -> str | None:
    """A budget prints one target form per project of each of its units: the same name under
    two units (综合工作经费 of 福州市医疗保障局 and of its 基金中心) is two projects."""
    return f"{project_identity(name)}|{unit_key(unit)}" if unit else None


def _target_title(ctx: Ctx, table: Table) -> tuple[str, str | None] | None:
    """The project a target form's title names, and the unit before it when printed, the
    title's lines joined back (a PDF wraps a long title: 301007_…_机场公安综 | 合修缮改造项目绩效目标表).
    Only a title printed right above this table (its caption is the last line read)."""
    lines = ctx.titles[:-1]
    if not table.caption or not lines or lines[-1] != table.caption:
        return None
    tail: list[str] = []
    for t in reversed(lines):
        if _NO_WORDS.match(t):
            break
        tail.insert(0, sq(t))
    m = _TARGET_TITLE.search("".join(tail))
    return (m.group("name"), m.group("unit")) if m else None


def _read_planned_funding(table: Table, ctx: Ctx, project_id: str | None) -> None:
    """A target form's funding cells, printed as 'label | amount' pairs under no stage header
    (专项资金情况(万元) | 资金总额： | 47.50, then 财政拨款： | 47.50, 其他资金： | 0.00): the initial
    budget of the project. Read from the year's total on,
    up to the first row that prints no such pair; a block opening on another total (实施期资金总额,
    the project's whole period) is not the year's: its figures, the total's and its parts' up to the
    first row that prints no label and figure pair, are set aside with that reason."""
    unit = _table_unit(table, ctx, [c.text for r in table.rows for c in real_cells(r)[:2]]) or DEFAULT_MONEY_UNIT
    started = False
    period = False  # inside a block opened by the whole period's total
    for row in table.rows:
        cells = [c for c in real_cells(row) if sq(c.text)]
        pairs = []
        for a, b in zip(cells, cells[1:], strict=False):
            item = line_item_code(a.text) if num_of(table, a) is None else None
            v = num_of(table, b)
            if item is not None and v is not None:
                pairs.append((item, v, flat(a.text)))
        if not started and not any(item == "total" for item, _, _ in pairs):
            opens = [b for a, b in zip(cells, cells[1:], strict=False)
                     if _PERIOD_TOTAL.search(sq(a.text)) and num_of(table, b) is not None]
            figures = opens or ([v.cell for _, v, _ in pairs] if period else [])
            period = bool(figures) and not _BLOCK_END.search("".join(sq(c.text) for c in cells))
            for c in figures if period else ():
                ctx.set_aside(c, PERIOD_ASIDE)
            continue
        if not pairs or _BLOCK_END.search("".join(sq(c.text) for c in cells)):
            if started:
                break
            continue
        started = True
        for item, v, label in pairs:
            add_budget(ctx, project_id, item, "initial", v, unit, "self_eval", label)


def _fits_points(values: dict[str, Val]) -> bool:
    """A row aligned from the right after the page dropped a trailing text cell ('项目支出 | 187.36 |
    353.75 | 10 | 10' under … | 分值 | 得分 | 得分计算方法) puts an amount under 分值: a weight above
    100 or a score above its weight is no reading of the row (the template engine weighs it)."""
    w, sc = values.get("weight"), values.get("score")
    if w is not None and w.num.value > 100 or sc is not None and sc.num.value > 100:
        return False
    return not (w is not None and sc is not None and sc.num.value > w.num.value + half_width(w.num.decimals))


def _inline_amounts(table: Table, cells: list[Cell]) -> list[tuple[int, tuple[str, Val, str]]]:
    out = []
    for c in cells:
        m = LABEL_AMOUNT.match(sq(c.text))
        item = line_item_code(m.group("label")) if m else None
        n = parse_number(m.group("n")) if m else None
        if item and n is not None:
            out.append((c.col, (item, Val(n, c, str(table.ref(c))), m.group("label"))))
    return out


def _inline_facts(ctx: Ctx, project_id: str | None, entries, totals: dict[str, Val], unit: str) -> None:
    """Such a column splits 年度资金总额 by one dimension, but its stage is not printed: it is
    the one stage whose total the column adds up to. No such stage (or several): not guessed."""
    total = sum((v.value for _, v, _ in entries), Decimal(0))
    half = sum(half_width(v.num.decimals) for _, v, _ in entries)
    stages = [st for st, tv in totals.items()
              if abs(tv.value - total) <= half + half_width(tv.num.decimals)]
    if len(stages) != 1 or len(entries) < 2:
        return
    for item, v, label in entries:
        add_amount(ctx, item, stages[0], v, unit, "self_eval", label, project_id=project_id)


# Header of each column of the indicator block (vocab/tables.toml), tried in this order.
_IND_FIELDS = [(f, table_pattern(f"indicator_columns.{f}")) for f in entry("tables", "indicator_columns")]
_COMPARATOR = re.compile("^(" + either(words("targets", "comparator_cells")) + ")$")


def _ind_field(text: str) -> str | None:
    s = sq(text)
    for f, pat in _IND_FIELDS:
        if pat.search(s):
            return f
    return None


_ROW_PROJECT = table_pattern("self_eval.row_project")
_ROW_CODE = table_pattern("self_eval.row_code")
_ROW_UNIT = table_pattern("self_eval.row_unit")
_ROW_GOAL = table_pattern("self_eval.row_goal")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_ROW_AMOUNTS = [(item, table_pattern(f"self_eval.row_amounts.{item}")) for item in entry("tables", "self_eval.row_amounts")]


@dataclass(frozen=True)
class RowColumns:
    """The columns of a target table printing one project per row group: its name, its
    amounts (column → line item) and codes."""

    name: int
    amounts: dict[int, tuple[str, str]]  # column → (line item, its header)
    codes: frozenset[int]
    unit: int | None = None  # 单位名称: the unit the row's project is of
    goal: int | None = None  # 绩效目标: the project's goal


def _row_columns(table: Table, ind_hdr: int) -> RowColumns | None:
    """单位（项目）名称 | 资金总额 on the indicator header or the header row above it."""
    name: int | None = None
    unit = goal = None
    amounts: dict[int, tuple[str, str]] = {}
    codes: set[int] = set()
    for row in table.rows[max(0, ind_hdr - 1) : ind_hdr + 1]:
        for c in real_cells(row):
            t = sq(c.text)
            if _ROW_PROJECT.match(t):
                name = c.col
            elif _ROW_CODE.match(t):
                codes.add(c.col)
            elif _ROW_UNIT.match(t):
                unit = c.col
            elif _ROW_GOAL.search(t):
                goal = c.col
            else:
                item = next((i for i, p in _ROW_AMOUNTS if p.match(t)), None)
                if item:
                    amounts[c.col] = (item, flat(c.text) or t)
    return RowColumns(name, amounts, frozenset(codes), unit, goal) if name is not None else None


def _read_project_list(table: Table, ctx: Ctx) -> bool:
    """A budget's list of projects with their amount and goal, one per row (表11 2026年市级部门项目
    支出绩效表: 单位名称 | 项目名称 | 金额 | 绩效目标): each row's amount is its project's initial
    budget; the same project name under two units is two projects; 合计 and the ** row under
    the header open none."""
    if ctx.report_kind != PLANNED_REPORT:
        return False
    for hdr_i in range(min(3, len(table.rows))):
        cols = _row_columns(table, hdr_i)
        if cols is not None and cols.amounts and cols.goal is not None and hdr_i + 1 < len(table.rows):
            break
    else:
        return False
    before = len(ctx.ex.fact_budgets)
    for row in table.rows[hdr_i + 1 :]:
        _row_project(table, row, cols, ctx, None)
    if len(ctx.ex.fact_budgets) == before:
        return False
    ctx.planned_tables.add(table.index)
    return True


def _row_project(table: Table, row: list[Cell], cols: RowColumns, ctx: Ctx, project_id: str | None) -> str | None:
    """The project a row opens (its name printed in the name column), else the one before;
    its amounts are that project's initial budget in a budget report (planned, never executed),
    read once when the table repeats them on each page."""
    by_col = {c.col: c for c in real_cells(row) if sq(c.text)}
    cell = by_col.get(cols.name)
    if cell is None or num_of(table, cell) is not None or not _HAN.search(cell.text):
        return project_id  # no name, or ** printed under the header
    name = flat(cell.text) or ""
    unit_c = by_col.get(cols.unit) if cols.unit is not None else None
    owner = flat(unit_c.text) if unit_c is not None else None
    project_id = _new_project(ctx, name, None, str(table.ref(cell)), "self_eval_table",
                              implementing_unit=owner, identity=_target_identity(name, owner))
    for col in cols.codes:
        if col in by_col:
            ctx.ignore(by_col[col])
    if ctx.report_kind != PLANNED_REPORT:
        return project_id
    unit = _table_unit(table, ctx, []) or DEFAULT_MONEY_UNIT
    for col, (item, label) in cols.amounts.items():
        v = num_of(table, by_col.get(col))
        if v is None:
            continue
        if any(f["project_id"] == project_id and f["line_item"] == item and f["stage"] == "initial"
               and f["reported_text"] == v.num.text and f["report_id"] == ctx.report_id for f in ctx.ex.fact_budgets):
            ctx.ignore(v.cell)  # the same project's amount printed again on the next page
            continue
        add_budget(ctx, project_id, item, "initial", v, unit, "self_eval", label)
    return project_id


def _header_for(header: list[Cell], fields: dict[int, str | None], cells: list[Cell], table: Table) -> list[Cell]:
    """The header a row is aligned under: without its last column, the deviation reason, when the
    row is short of the header and ends in a figure — a text rendering drops a row's empty
    trailing cells ('时效指标 | 任务完成时限(月) | 10 | 10 | 10.3 | 10.3' under a header ending in
    偏差原因分析及改进措施): aligned from the right with it, every value would move one column on."""
    h = real_cells(header)
    # (a grid's row reaching the reason's own column prints its reason there: 备注 | 6)
    if len(cells) < len(h) and fields.get(len(h) - 1) == "reason" and cells and cells[-1].col < h[-1].col \
            and num_of(table, cells[-1]) is not None:
        return h[:-1]
    return header


def _read_indicators(table: Table, hdr_i: int, ctx: Ctx, project_id: str | None,
                     per_row: RowColumns | None = None) -> None:
    header = table.rows[hdr_i]
    hcells = real_cells(header)
    fields = {i: _ind_field(c.text) for i, c in enumerate(hcells)}
    level1 = level2 = None
    level1_weights: dict[str, float] = {}
    level1_refs: dict[str, str] = {}  # where each weighted label is printed
    indicator_total: Decimal = Decimal(0)
    for row in table.rows[hdr_i + 1 :]:
        cells = real_cells(row)
        texts = [sq(c.text) for c in cells]
        nonempty = [t for t in texts if t]
        if not nonempty:
            continue
        if per_row is not None:
            own = {per_row.name, *per_row.amounts, *per_row.codes}
            if not any(sq(c.text) for c in cells if c.col not in own):
                # 合计 | | 40,233.95, or a unit's row (106001 | 长沙市公安局 | 40,233.95) over its
                # projects: amounts summed, no project and no indicator
                continue
            opened = _row_project(table, row, per_row, ctx, project_id)
            if opened != project_id:
                project_id, level1, level2 = opened, None, None
            cells = [c for c in cells if c.col != per_row.name and c.col not in per_row.amounts]
        # A total row closes the block: 总分 | 100 | 97.13
        if TOTAL_LABEL.match(nonempty[0]) or (nonempty[0].startswith(SCORE_TOTAL)):
            # By column only when the row spans the header's grid (DOCX/PDF/HTML give spans;
            # text exports drop merged cells and shift the rest).
            full = sum(c.colspan for c in row) == sum(c.colspan for c in header)
            by_col = {}
            for i, f in fields.items():
                if f in ("weight", "score") and full:
                    col = hcells[i].col
                    cover = next((c for c in row if c.col <= col < c.col + c.colspan), None)
                    if cover is not None and cover.colspan == 1:  # one cell under one header
                        by_col[f] = num_of(table, cover)
            nums = [v for v in (num_of(table, c) for c in cells) if v is not None]
            if by_col.get("score") is not None:
                # Under their own headers (a 0.00 in the 偏差原因 column is not the total).
                _score(ctx, project_id, "total", by_col.get("weight"), by_col["score"], by_col["score"].ref)
            elif nums:
                weight = nums[0] if len(nums) >= 2 else None
                score = nums[-1]
                _score(ctx, project_id, "total", weight, score, score.ref)
            break
        amap = align(_header_for(header, fields, cells, table), row)
        got: dict[str, Cell] = {}
        for i, f in fields.items():
            if f and i in amap and f not in got:
                got[f] = amap[i]
        # Level labels update the context: by their column first (成本指标 is a level-1
        # heading in some provinces and a level-2 one in others), else by vocabulary.
        l1_cell, l2_cell = got.get("level1"), got.get("level2")
        for c in cells:
            t = strip_weight(c.text)
            if not t:
                continue
            as_l1 = c is l1_cell or (c is not l2_cell and LEVEL1.match(t) and not (level1 and LEVEL2.match(t)))
            if as_l1 and (LEVEL1.match(t) or c is l1_cell) and c is not got.get("name"):
                level1 = t if t.endswith(LEVEL_SUFFIX) else t + LEVEL_SUFFIX
                level2 = None
                w = weight_in_label(c.text)
                if w is not None:
                    level1_weights[level1] = w
                    level1_refs[level1] = str(table.ref(c))
            elif LEVEL2.match(t) or c is l2_cell:
                level2 = t if t.endswith(LEVEL_SUFFIX) else t + LEVEL_SUFFIX
        name = sq(got["name"].text) if "name" in got else ""
        if LEVEL1.match(strip_weight(name)) or LEVEL2.match(strip_weight(name)):
            name = ""
        target = got.get("target")
        actual = got.get("actual")
        wv = num_of(table, got.get("weight"))
        sv = num_of(table, got.get("score"))
        if not name and not (target and sq(target.text)) and not (actual and sq(actual.text)):
            continue
        if not (target and sq(target.text)) and not (actual and sq(actual.text)) and not wv and not sv:
            continue  # a placeholder row such as "指标1：" with nothing in it
        op_c, unit_c = got.get("op"), got.get("unit")
        op = sq(op_c.text) if op_c is not None and _COMPARATOR.match(sq(op_c.text)) else ""
        unit = sq(unit_c.text) if unit_c is not None and len(sq(unit_c.text)) <= 8 else ""
        target_text = flat(target.text) if target else None
        actual_text = flat(actual.text) if actual else None
        if target_text and (op or unit) and num_of(table, target) is not None:
            target_text = f"{op}{target_text}{unit}"
        if actual_text and unit and num_of(table, actual) is not None:
            actual_text = f"{actual_text}{unit}"
        tgt = parse_target(target_text) if target_text else None
        attained = judge_attained(tgt, actual_text) if (tgt and actual_text) else None
        act_num = None
        if actual_text:
            from pipeline.normalize.numbers import parse_number

            act_num = parse_number(actual_text)
        anchor = got.get("name") or target or actual or cells[0]
        ctx.ex.fact_indicators.append(
            {
                "report_id": ctx.report_id,
                "project_id": project_id,
                "level1": level1,
                "level2": level2,
                "name": flat(got["name"].text) if "name" in got else None,
                "target_text": target_text,
                "target_op": tgt.op if tgt else None,
                "target_value": float(tgt.value) if tgt and tgt.value is not None else None,
                "target_unit": tgt.unit if tgt else None,
                "actual_text": actual_text,
                "actual_value": float(act_num.value) if act_num else None,
                "actual_unit": act_num.unit if act_num else None,
                "weight": wv.value if wv else None,
                "score": sv.value if sv else None,
                "attained": attained,
                "deviation_reason": flat(got["reason"].text) if "reason" in got else None,
                "source_ref": str(table.ref(anchor)),
                "weight_text": wv.num.text if wv else None,
                "score_text": sv.num.text if sv else None,
                "weight_decimals": wv.num.decimals if wv else None,
                "score_decimals": sv.num.decimals if sv else None,
                "is_twin": ctx.twin,
            }
        )
        for c in (target, actual):
            ctx.use(num_of(table, c))  # in fact_indicators as text and value
        ctx.use(wv)
        ctx.use(sv)
        if sv is not None:
            indicator_total += sv.value
    for l1, w in level1_weights.items():
        ctx.ex.fact_scores.append(
            {
                "report_id": ctx.report_id,
                "project_id": project_id,
                "component": l1,
                "weight": w,
                "score": None,
                "grade_text": None,
                "grade_rank": None,
                "source_ref": level1_refs[l1],
                "parent": "indicators",
                "score_text": None,
                "score_decimals": None,
                "weight_decimals": 0,
                "origin": "label",
                "is_twin": ctx.twin,
            }
        )
