"""Two-sided summary tables of budget and final-accounts disclosures (收支预算总表,
收入支出决算总表, 财政拨款收支总表): income items and amounts on the left, expenditure by
function and by use on the right, each side a (label, amount…) pair of columns."""

from __future__ import annotations

import re
from collections import Counter

from pipeline.extract.cells import num_of, real_cells, sq
from pipeline.extract.recognisers.context import (
    TOTAL_LABEL,
    Ctx,
    _table_unit,
    add_amount,
)
from pipeline.extract.templates.columns import LISTED, ordinal_level, periods
from pipeline.extract.vocabulary import (
    FINAL_WORD,
    FundRows,
    clean_label,
    functional_class_by_name,
    is_part_of,
    line_item_code,
    national_class_code,
    stage_of,
    table_pattern,
)
from pipeline.lexicon import words
from pipeline.model import Cell, Table
from pipeline.normalize.money import DEFAULT_MONEY_UNIT

_LABEL_HEAD = table_pattern("line_items.label_head")
_AMOUNT_HEAD = table_pattern("line_items.amount_head")
_SKIP_HEAD = table_pattern("line_items.skip_head")
# Rows a side prints for its own arithmetic, not line items: knowingly left out.
_SUBTOTAL = table_pattern("line_items.subtotal")


def _pairs(header: list[Cell]) -> list[tuple[int, list[int]]] | None:
    """[(label column, amount columns)] from a header such as 项目名称|金额|功能科目名称|金额."""
    out: list[tuple[int, list[int]]] = []
    for i, c in enumerate(header):
        t = periods().year.sub("", sq(c.text))
        if _LABEL_HEAD.match(t):
            out.append((i, []))
        elif out and (_AMOUNT_HEAD.match(t) or stage_of(t)):
            out[-1][1].append(i)
        elif out and out[-1][1] and not _SKIP_HEAD.match(t):
            out[-1][1].append(i)  # a breakdown of the pair's amount (基本支出, 一般公共预算…)
        elif out and not _SKIP_HEAD.match(t):
            return None
    out = [p for p in out if p[1]]
    return out if len(out) >= 2 else None


def _covering(cells: list[Cell], col: int) -> Cell | None:
    return next((c for c in cells if c.col <= col < c.col + c.colspan), None)


def read_two_sided(table: Table, ctx: Ctx) -> bool:
    found = None
    for hdr_i, row in enumerate(table.rows[:8]):
        # Header cells merged down from the row above are part of this header row; the
        # last of several header rows names the columns the data rows have.
        cells = sorted(row, key=lambda c: c.col)
        if (pairs := _pairs(cells)) is not None:
            found = (hdr_i, cells, pairs)
        elif found is not None:
            break
    if found is None:
        return False
    hdr_i, header, pairs = found
    caption = table.caption + " " + " ".join(c.text for r in table.rows[:hdr_i] for c in real_cells(r))
    final = ctx.report_kind == "final_accounts" or (FINAL_WORD in caption and ctx.report_kind != "budget")
    unit = _table_unit(table, ctx, [c.text for c in header]) or DEFAULT_MONEY_UNIT
    cols = [c.col for c in header]
    rows = [real_cells(r) for r in table.rows[hdr_i + 1 :]]
    # Each row seen through the header's columns (a merged cell covers several of them).
    wide = [[_covering(r, k) for k in cols] for r in rows]
    if sum(1 for r in wide if all(c is not None for c in r)) < 2:
        return False  # the rows do not carry the header's columns: not this layout
    facts: list[tuple[str, str, Cell, str]] = []
    ignored: list[Cell] = []
    for side, (label_i, amount_is) in enumerate(pairs):
        _read_side(table, ctx, header, wide, side, label_i, amount_is, final, facts, ignored)
    if any(_FISCAL_ONLY.search(re.sub(r"\s", "", t)) for t in [*ctx.titles[-3:], caption]):
        # 财政拨款收支总表 (its title may sit above a 单位名称… 单位：万元 line, 重庆 表四): its
        # totals are the appropriation's, not the department's; only its
        # items (一般公共预算…, spending by function) are comparable with other tables, and its
        # 总计 is the appropriation's own grand total (财政拨款收入支出总计, as its 说明 names it).
        facts = [("fiscal_grand_total", *f[1:]) if f[0] == "total" and _FISCAL_GRAND.match(clean_label(f[3])) else f
                 for f in facts]
        ignored += [cell for item, _, cell, _ in facts if item in _DEPARTMENT_TOTALS]
        facts = [f for f in facts if f[0] not in _DEPARTMENT_TOTALS]
    known = {f[0] for f in facts}
    if len(known - {"total"}) < 2:
        return False
    for c in ignored:
        ctx.ignore(c)
    for item, stage, cell, label in facts:
        v = num_of(table, cell)
        if v is None:
            continue
        add_amount(ctx, item, stage, v, unit, "two_sided", label.strip())
    return True


def _read_side(table, ctx, header, wide, side, label_i, amount_is, final, facts, ignored) -> None:
    """One side's rows: the first amount column gives the row's line item; further columns
    split it (by class or by fund) and are read only on the side's total row."""
    funds = FundRows()
    mine: list[tuple[str, str, Cell, str]] = []
    path: list[str] = []  # codes of the class and section the spending rows are under
    parent: tuple[int, str | None] | None = None  # (ordinal level, line item) of the row items nest under
    classes_read = False
    main, *breakdown = amount_is
    # 执行数 | 决算数 (a government's 决算平衡表): two executed columns, the second the final
    # accounts of the figure the first reported during the year. The final one is the row's
    # figure; the earlier one is no split of it and is set aside.
    finals = [k for k in breakdown if FINAL_WORD in sq(header[k].text) and stage_of(sq(header[k].text)) == "executed"]
    # A government's balance table lists its own items (税收收入, 上解支出, 调入资金, 结转下年…), most of
    # which the vocabulary gives no line item: each is read as printed (`listed`, its label kept).
    balance = bool(finals) and FINAL_WORD not in sq(header[main].text) and stage_of(sq(header[main].text)) == "executed"
    interim = main if balance else None
    if balance:
        # the 执行数 figures stay the rows' own (a listed line each, named by its row and its column),
        # never the line item the final figure is read as
        main, breakdown = finals[0], [k for k in breakdown if k != finals[0]]
    economic = side > 0 and any(w in sq(header[label_i].text) for w in _ECONOMIC)
    stage = _stage(ctx, sq(header[main].text), final)
    for r in wide:
        cell, lab = r[main], r[label_i]
        if lab is None or cell is None or cell is lab or not sq(lab.text):
            continue
        label = clean_label(lab.text)
        side_total = side > 0 and (line_item_code(lab.text) == "total" or bool(TOTAL_LABEL.match(label)))
        if side == 0:
            item = funds.code(lab.text)
            lvl = ordinal_level(lab.text)[0] or 0
            if parent is not None and lvl > parent[0]:
                if item is not None and parent[1] is not None and not is_part_of(item, parent[1]):
                    # numbered under a row its line item is not a part of (事业收入 under 单位资金,
                    # 上级补助收入 under it): the vocabulary's flat code would count it twice
                    item = None
            else:
                parent = (lvl, item)
        elif economic:
            # a side by economic class (西安: 部门预算支出经济分类科目 1、人员经费和公用经费支出 | (1)工资福利支出 …):
            # its top rows name 基本支出 / 项目支出 / 上缴上级支出 …; the classes under them and a side by
            # 政府预算支出经济分类 (机关工资福利支出, 其他支出 599 — no functional class) stay unread
            item = line_item_code(lab.text)
            if item not in _EXPENSE_SIDE:
                item = None
        else:
            item = functional_class_by_name(lab.text) or line_item_code(lab.text)
            if item not in _EXPENSE_SIDE and not (item or "").startswith("func:"):
                item = None  # fund-source words on the expenditure side name something else
            item, path = _named_class(ctx, item, label, path)
        numeric = [c for c in (cell, *(r[j] for j in breakdown)) if c is not None and num_of(table, c) is not None]
        # a balance table's carry-forward (结转下年) is one of its own lines, not a side's arithmetic
        own_line = balance and not side_total and item is None
        if interim is not None and (early := r[interim]) is not None and early is not lab:
            if num_of(table, early) is not None and (own_line or not _SUBTOTAL.match(label)):
                mine.append((LISTED, "executed", early, f"{lab.text.strip()} {sq(header[interim].text)}"))
            else:
                ignored.append(early)
        if (_SUBTOTAL.match(label) and not own_line) or side_total:
            ignored += numeric  # the side's own arithmetic; the income side states the total
            if side_total and not classes_read:
                # The first total row: this year's spending (总计 adds the carry-forward).
                _breakdown_totals(table, header, r, breakdown, stage, facts)
                classes_read = True
            continue
        if item is not None:
            mine.append((item, stage, cell, lab.text))
        elif balance and cell in numeric:
            mine.append((LISTED, stage, cell, lab.text))
        ignored += [c for c in numeric if c is not cell]  # a row's split: not a line item of its own
    # Income rows the vocabulary gives one code (事业收入 and 事业单位经营收入 → unit_funds; 其他收入,
    # 上级补助收入, 附属单位上缴收入 → other) would be summed as one: none of them is read.
    codes = Counter(f[0] for f in mine if num_of(table, f[2]) is not None)
    facts += [f for f in mine if side > 0 or codes[f[0]] < 2 or f[0] == LISTED]


def _named_class(ctx: Ctx, item: str | None, label: str, path: list[str]) -> tuple[str | None, list[str]]:
    """A spending row printed by name only (审计事务 under 一、一般公共服务支出): the code the
    report's own coded tables give that name under the section or class above it; none when
    they do not (never guessed). Returns the row's item and the path for the rows below."""
    if item is not None:
        code = item[5:] if item.startswith("func:") else ""
        return item, [code] if len(code) == 3 else []
    for depth in range(len(path), 0, -1):
        code = ctx.class_names.get((path[depth - 1], label))
        if code is not None:
            return f"func:{code}", [*path[:depth], code][:2]
    # else the national names (vocab/class_names.csv) under the 款, else the 类 above: exactly one code
    hits = {c for parent in path[::-1] if (c := national_class_code("func", parent, label)) is not None}
    if len(hits) == 1:
        code = hits.pop()
        return f"func:{code}", [code[:3], code[:5]]
    if path:
        # a name no checked list places: the rows below it may be its 项, never the 款's above
        return None, path[:1]
    if not path:
        # a table continued from the page before starts under a class it does not print: the
        # name's code when the report gives it exactly one
        codes = {c for (_parent, name), c in ctx.class_names.items() if name == label}
        if len(codes) == 1:
            code = codes.pop()
            return f"func:{code}", ([code[:3], code] if len(code) == 5 else [code[:3], code[:5]])
    return None, path


_DEPARTMENT_TOTALS = ("total", "current_income", "carryover", "fiscal", "surplus_use")
_FISCAL_ONLY = table_pattern("line_items.fiscal_only")
_FISCAL_GRAND = table_pattern("line_items.fiscal_grand_total")
_BUDGET_HEAD = table_pattern("line_items.budget_head")
_ECONOMIC = words("tables", "line_items.economic")
_EXPENSE_SIDE = {"basic", "personnel", "public_operating", "project", "reserve", "business_spending",
                 "remit_upper", "affiliate_grants"}


def _stage(ctx: Ctx, head: str, final: bool) -> str | None:
    """A column's stage; a disclosure's bare 预算数 is the budget as approved (initial). A
    column headed with a year (2026年预算数) is read only when that is the report's own year."""
    if m := periods().year.match(head):
        fy = next((r["fiscal_year"] for r in ctx.ex.reports if r["report_id"] == ctx.report_id), None)
        if fy is None or int(m.group("year")) != fy:
            return None
        head = head[m.end():]
    st = stage_of(head)
    if st == "adjusted" and ctx.report_kind == "budget" and _BUDGET_HEAD.match(head):
        return "initial"
    if st is None and _BUDGET_HEAD.match(head):
        # a bare 预算 names the approved budget in a budget disclosure; elsewhere its stage is unknown
        return "initial" if ctx.report_kind == "budget" else None
    return st or ("executed" if final else "initial")


def _breakdown_totals(table, header, row, breakdown, stage, facts) -> None:
    """On the expenditure side's total row, columns headed by an expense class (基本支出,
    人员经费, 项目支出…) give that class's total."""
    for j in breakdown:
        code = line_item_code(header[j].text)
        if code in _EXPENSE_SIDE and row[j] is not None and num_of(table, row[j]) is not None:
            facts.append((code, stage, row[j], header[j].text))
