"""Tables that split each row's amount by fund source, one column per source (收入总表 by budget
unit, 基本支出总表 by economic class, 项目支出表 by project, with 总计 | 财政拨款 (小计 | 一般公共预算 |
政府性基金 | 国有资本经营) | 财政专户 | 单位资金 … | 上年结转 as columns).

Columns are told by their header words only (vocab/tables.toml `fund_matrix.columns`, read on the
lowest header cell over the column; a 小计 takes the source printed over it); a column no word
names is never read (its figures stay in `unrecognised`), and its rows' parts are marked
incomplete ('?' in table_parts). Each row's figures in
the source columns become fact_line_splits of the row's amount (the total column): the row's
line item is the table's own total (基本支出, 项目支出, 收入: `fund_matrix.subjects`, from the
title) on its total row — 合计, or the reporting unit's own row when no 合计 row is printed —
and `listed` (label kept) on any other row (an economic class, a project, a subordinate unit).
The total row's amount is also a fact of that line item. Nothing is read in a report whose
stage is unknown (neither a budget nor a final-accounts disclosure)."""

from __future__ import annotations

import re
from functools import cache

from pipeline.extract.cells import Val, flat, num_of, real_cells, sq
from pipeline.extract.recognisers.context import TOTAL_LABEL, Ctx, _money, _table_unit, add_amount
from pipeline.extract.templates.columns import LISTED, periods
from pipeline.extract.vocabulary import table_pattern
from pipeline.lexicon import entry, pattern
from pipeline.model import Cell, Table
from pipeline.normalize.money import DEFAULT_MONEY_UNIT
from pipeline.normalize.names import unit_key
from pipeline.normalize.text import to_halfwidth

_NOT_AMOUNT = table_pattern("line_items.not_summable")
_CODE_HEAD = pattern("classification", "code_heading")  # 科目编码 over 类 | 款 | 项: codes, never amounts
_BRACKETS = re.compile(r"[(（][^()（）]*[)）]")


@cache
def _columns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((code, re.compile(p)) for code, p in entry("tables", "fund_matrix.columns").items())


@cache
def _subjects() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((code, re.compile(p)) for code, p in entry("tables", "fund_matrix.subjects").items())


@cache
def _subtotal() -> re.Pattern[str]:
    return re.compile(entry("tables", "fund_matrix.subtotal"))


@cache
def _grand() -> re.Pattern[str]:
    return re.compile(entry("tables", "fund_matrix.grand"))


def column_code(text: str) -> str | None:
    """The fund source a header cell names ('一般公共预算拨款' → general_public_budget), or None."""
    s = sq(to_halfwidth(text))
    return next((code for code, p in _columns() if p.search(s)), None)


def _paths(table: Table, header_rows: list[int]) -> dict[int, list[str]]:
    """Grid column → the header texts printed over it, top to bottom (a merged cell once)."""
    out: dict[int, list[str]] = {}
    for i in header_rows:
        for c in real_cells(table.rows[i]):
            t = sq(c.text)
            for k in range(c.col, c.col + c.colspan):
                if t:
                    out.setdefault(k, []).append(t)
    return out


def _column_meaning(path: list[str], fiscal_year: int | None) -> tuple[str | None, str]:
    """(code or None, the header words) of one column."""
    words = [periods().year.sub("", p) if (m := periods().year.match(p)) and fiscal_year == int(m.group("year")) else p
             for p in path]
    if any((m := periods().year.match(w)) for w in words):
        return None, "/".join(path)  # a year other than the report's
    words = [w for w in words if w]
    if not words:
        return None, ""
    leaf = words[-1]
    if _subtotal().match(leaf) and len(words) > 1:
        return column_code(words[-2]), "/".join(path)
    if any(column_code(w) == "carryover" for w in words[:-1]):
        return None, "/".join(path)  # the carry-over by source: not this year's source of that name
    return column_code(leaf), "/".join(path)


def _without_title(paths: dict[int, list[str]], numeric_cols: list[int]) -> dict[int, list[str]]:
    """A header printed over every figure column and naming no source (部门预算 over 合计 |
    一般公共预算拨款 | …, 西安) names the table, not a column: its 合计 is the table's total, not
    a subtotal of a source."""
    numeric_cols = [k for k in numeric_cols if not any(_NOT_AMOUNT.search(w) for w in paths.get(k, []))]  # codes
    tops = {paths[k][0] if paths.get(k) else None for k in numeric_cols}
    top = next(iter(tops)) if len(tops) == 1 else None
    if top is None or column_code(top) is not None or any(len(paths[k]) < 2 for k in numeric_cols):
        return paths
    return {k: p[1:] if k in numeric_cols else p for k, p in paths.items()}


def _first_data_row(table: Table) -> int | None:
    for i, row in enumerate(table.rows[:6]):
        if sum(1 for c in real_cells(row) if num_of(table, c) is not None) >= 2:
            return i
    return None


def _subject(titles: list[str]) -> str | None:
    """The line item the first title naming one (nearest the table first) names."""
    for t in titles:
        if code := next((code for code, p in _subjects() if p.search(sq(t))), None):
            return code
    return None


def _own_unit(ctx: Ctx, label: str) -> bool:
    unit = next((r["unit_name"] for r in ctx.ex.reports if r["report_id"] == ctx.report_id), None)
    if not unit or not label:
        return False

    def key(s: str) -> str:
        return unit_key(_BRACKETS.sub("", sq(s))) or ""

    return key(label) == key(unit)


def read_fund_matrix(table: Table, ctx: Ctx) -> bool:
    first = _first_data_row(table)
    if not first:
        return read_list(table, ctx)
    fy = next((r["fiscal_year"] for r in ctx.ex.reports if r["report_id"] == ctx.report_id), None)
    titles = _title_rows(table, first)
    paths = _paths(table, [i for i in range(first) if i not in titles])
    data = [real_cells(r) for r in table.rows[first:]]
    numeric_cols = sorted({c.col for r in data for c in r if num_of(table, c) is not None})
    paths = _without_title(paths, numeric_cols)
    meaning = {k: _column_meaning(p, fy) for k, p in paths.items()}
    total_col = next((k for k in numeric_cols if meaning.get(k, (None,))[0] == "total"), None)
    if total_col is None:
        return read_list(table, ctx)  # a list (its first row of figures may be a unit's code beside its amount)
    codes = {k for k, p in paths.items() if any(_NOT_AMOUNT.search(w) for w in p)}  # 部门代码 …
    sources = {k: m[0] for k, m in meaning.items() if k not in codes and m[0] not in (None, "total")}
    if len(set(sources.values())) < 3 or len(set(sources.values())) < len(sources):
        return False  # not a split by fund source, or two columns naming one source
    if ctx.report_kind == "budget":
        stage = "initial"
    elif ctx.report_kind == "final_accounts":
        stage = "executed"
    else:
        return False
    inside = [" ".join(c.text for c in real_cells(table.rows[i])) for i in titles]
    subject = _subject([*reversed(inside), *reversed(ctx.titles)])
    if subject == "total" and "carryover" not in sources.values() and not _grand().search(meaning[total_col][1]):
        subject = "current_income"  # income sources without the carry-over add up to this year's
    unit = _table_unit(table, ctx, [t for p in paths.values() for t in p]) or DEFAULT_MONEY_UNIT
    named = " ".join(sorted(set(sources.values())))
    left = min([total_col, *sources])  # labels are printed left of the figures
    has_total_row = any(_is_total(r) for r in data)
    read = False
    for cells in data:
        tv = next((num_of(table, c) for c in cells if c.col == total_col), None)
        labels = [flat(c.text) or "" for c in cells if c.col < left and sq(c.text) and num_of(table, c) is None]
        if tv is None or not labels:
            continue
        label = " / ".join(labels)
        for c in cells:
            if c.col in codes:
                ctx.ignore(c)  # a code column (部门代码): never an amount
        is_total = _is_total(cells) or (not has_total_row and _own_unit(ctx, labels[0]))
        line = subject if is_total and subject else LISTED
        parts = [(sources[c.col], v) for c in cells if c.col in sources and (v := num_of(table, c)) is not None]
        # a figure in a column no source word names stays unread (logged with the table's coverage)
        unnamed = [c for c in cells if c.col != total_col and c.col not in sources and c.col not in codes
                   and c.col >= left and num_of(table, c) is not None]
        if is_total and subject:
            add_amount(ctx, subject, stage, tv, unit, "fund_matrix", label)
        _splits(ctx, line, stage, tv, parts, unit, label, named + (" ?" if unnamed else ""))
        read = True
    return read


@cache
def _list_amount() -> re.Pattern[str]:
    return re.compile(entry("tables", "fund_matrix.list_amount"))


@cache
def _list_count() -> re.Pattern[str]:
    return re.compile(entry("tables", "fund_matrix.list_count"))


def read_list(table: Table, ctx: Ctx) -> bool:
    """A 政府采购 list with one amount column (总计) and no sources (江苏 政府采购预算表): its 合计 row
    is the procurement budget, any other row a `listed` line with its printed texts as label
    (categories, projects and items alike: none of them is summed). A list of projects with one
    项目金额 column (西安 专项业务经费支出表: units › 通用/专用项目 › categories › projects, nested
    without marks) is read alike, its 合计 being 项目支出; its 单位编码 column holds codes. So are lists of
    meetings and trainings (会议费明细表, 培训费明细表: one 金额 column, 人数 a count)."""
    stage = {"budget": "initial", "final_accounts": "executed"}.get(ctx.report_kind)
    first = next((i for i, r in enumerate(table.rows[:8]) if any(num_of(table, c) is not None for c in r)), None)
    if stage is None or not first:
        return False
    fy = next((r["fiscal_year"] for r in ctx.ex.reports if r["report_id"] == ctx.report_id), None)
    titles = _title_rows(table, first)
    paths = _paths(table, [i for i in range(first) if i not in titles])
    data = [real_cells(r) for r in table.rows[first:]]
    codes = {k for k, p in paths.items() if any(_NOT_AMOUNT.search(w) or _CODE_HEAD.search(w) for w in p)}  # 单位编码, 序号, 类 | 款 | 项
    # a head printed on two header lines (数量 over 数量: a text rendering repeats a merged cell) is one head
    paths = {k: [w for j, w in enumerate(p) if j == 0 or w != p[j - 1]] for k, p in paths.items()}
    codes |= {k for k, p in paths.items() if len(p) == 1 and _list_count().match(p[0])}  # 人数: a count
    numeric_cols = {c.col for r in data for c in r if num_of(table, c) is not None and c.col not in codes}
    if len(numeric_cols) != 1:
        return False
    head = paths.get(min(numeric_cols), [])
    inside = [" ".join(c.text for c in real_cells(table.rows[i])) for i in titles]
    subject = _subject([*reversed(inside), *reversed(ctx.titles)])
    amount_head = len(head) == 1 and bool(_list_amount().match(head[0]))  # 金额, 项目金额, 预算金额
    if not (subject == "procurement" and (_column_meaning(head, fy)[0] == "total" or amount_head)
            or subject in ("project", "meeting", "training") and amount_head):
        return False
    col = min(numeric_cols)
    unit = _table_unit(table, ctx, [t for p in paths.values() for t in p]) or DEFAULT_MONEY_UNIT
    read = False
    for cells in data:
        tv = next((num_of(table, c) for c in cells if c.col == col), None)
        # a code column's own text (规格型号 次) is no label; 合计 printed in or across the code columns is
        labels = [flat(c.text) or "" for c in cells if c.col < col and sq(c.text) and num_of(table, c) is None
                  and (c.col not in codes or c.colspan > 1 or TOTAL_LABEL.match(sq(c.text)))]
        if tv is None or not labels:
            continue
        for c in cells:
            if c.col in codes and sq(c.text):
                ctx.ignore(c)  # a unit's code (116001), a row number, a count of people: never an amount
        if _is_total(cells) or TOTAL_LABEL.match(sq(labels[0])):  # 合计 under 采购项目, right of the codes
            read = add_amount(ctx, subject, stage, tv, unit, "fund_matrix", labels[0]) or read
        else:
            read = add_amount(ctx, LISTED, stage, tv, unit, "fund_matrix", " / ".join(labels)) or read
    return read


def _title_rows(table: Table, first: int) -> list[int]:
    """The leading rows printed across the table above its header (公开13表, the table's name,
    部门：… 单位：万元): at most two texts each, in a table of four columns or more."""
    out: list[int] = []
    for i in range(first):
        if table.n_cols < 4 or sum(1 for c in real_cells(table.rows[i]) if sq(c.text)) > 2:
            break
        out.append(i)
    return out


def _is_total(cells: list[Cell]) -> bool:
    return any(TOTAL_LABEL.match(sq(c.text)) for c in cells[:3])


def _splits(ctx: Ctx, line: str, stage: str, tv: Val, parts: list[tuple[str, Val]], unit: str,
            label: str, named: str) -> None:
    t_yuan, _ = _money(tv, unit)
    for part, v in parts:
        yuan, u = _money(v, unit)
        ctx.ex.fact_line_splits.append({
            "report_id": ctx.report_id, "line_item": line, "part": part, "stage": stage,
            "amount_yuan": yuan, "reported_text": v.num.text, "reported_unit": u, "decimals": v.num.decimals,
            "source_ref": v.ref, "total_source_ref": tv.ref, "total_yuan": t_yuan, "total_text": tv.num.text,
            "total_decimals": tv.num.decimals, "table_parts": named, "label_text": label, "origin": "table",
            "table_kind": "fund_matrix", "is_twin": ctx.twin,
        })
        ctx.use(v)
    ctx.use(tv)  # the row's amount: the total of its splits (and a fact of its own on the total row)
