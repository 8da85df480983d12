"""功能分类/经济分类 tables: rows by classification code (201 06 01 / 2010601)."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from pipeline.extract.cells import (
    Val,
    flat,
    num_of,
    real_cells,
    sq,
)
from pipeline.extract.recognisers.context import (
    TOTAL_LABEL,
    Ctx,
    _money,
    _table_unit,
    add_amount,
)
from pipeline.extract.recognisers.fund_matrix import _own_unit, read_list
from pipeline.extract.statements import partitions
from pipeline.extract.vocabulary import (
    FINAL_WORD,
    ClassPath,
    clean_label,
    dimension_of,
    is_part_of,
    line_item_code,
    stage_of,
    table_pattern,
)
from pipeline.lexicon import entry, pattern, word, words
from pipeline.model import Cell, Table
from pipeline.normalize.money import DEFAULT_MONEY_UNIT, detect_money_unit, half_width

_CODE = re.compile(r"^(\d{3})(\d{2})?(\d{2})?$")
_BRACKETED = re.compile(r"^[\[【](\d{3}(?:\d{2}){0,2})[\]】](?=\D)")
_TOTAL_COLUMN = table_pattern("line_items.total_column")
_ECONOMIC = words("tables", "line_items.economic")
# A column of codes or ranks (政府经济分类科目编码 501 beside 部门经济分类 301…): never an amount.
_NOT_AMOUNT = table_pattern("line_items.not_summable")
_SUBTOTAL = table_pattern("line_items.subtotal_words")


@cache
def _part_codes() -> frozenset[str]:
    """Line items a column may split a row's total into: the parts of vocab/statement_partitions.csv
    (基本支出 / 项目支出, 人员经费 / 公用经费, 财政拨款收入 / 事业收入 …)."""
    return frozenset().union(*(parts for _whole, parts in partitions()))


def _total_row(table: Table, cells: list[Cell]) -> bool:
    """A 合计 row printed above the first coded row (合计 | 17,466.65 | …, 类 | 款 | 项 | 合计 | 2,946.25 …):
    figures, not a header. The label may end in a colon (总计： | 1682.76, 长春)."""
    return any(TOTAL_LABEL.match(sq(c.text).rstrip(":：")) for c in cells) and any(num_of(table, c) is not None for c in cells)


def _split_columns(header: list[Cell], above: list[Cell]) -> dict[int, str]:
    """Header cell column → the part its words name, for parts named by one column only (a
    part two columns name, e.g. 事业收入 and 事业单位经营收入 both read as unit funds, is read by none).
    Under a two-level header a 小计 column is the subtotal of the part printed over it
    (基本支出 over 小计 | 人员经费 | 公用经费)."""
    named: dict[int, str] = {}
    covered = {c for h in header for c in range(h.col, h.col + h.colspan)}
    # a header cell printed over both header lines (项目支出 beside 基本支出's 小计 | 人员经费 | 公用经费)
    for h in [*header, *(a for a in above if a.col not in covered)]:
        if stage_of(h.text) is not None:
            continue
        code = line_item_code(h.text)
        if code not in _part_codes() and _SUBTOTAL.fullmatch(sq(h.text)):
            code = next((line_item_code(a.text) for a in above if a.col <= h.col < a.col + a.colspan
                         and a.colspan > 1), None)
        if code in _part_codes():
            named[h.col] = code
    twice = {c for c, k in Counter(named.values()).items() if k > 1}
    return {col: code for col, code in named.items() if code not in twice}


def _undoubled(text: str) -> str:
    """A caption printed with each character repeated (fake bold: 金金金金金额额额额额单单单单单位位位位位：：：：：元元元元元)
    as printed once (金额单位：元); any other text as it is."""
    s = sq(text)
    runs = re.findall(r"((.)\2*)", s)
    if len(runs) >= 3 and all(len(r) >= 2 for r, _c in runs):
        return "".join(c for _r, c in runs)
    return s


def _row_code(cells: list[Cell]) -> tuple[str, int] | None:
    """The classification code of a row ('2010601', or 类/款/项 printed in three cells) and
    the index of the first cell after it; after a row number (西安 2022: 序号 | 功能科目编码 | …,
    2 | 201 | 一般公共服务支出) too."""
    if rc := _code_cells(cells):
        return rc
    if len(cells) > 2 and re.fullmatch(r"\d{1,3}", sq(cells[0].text)) and re.fullmatch(
            r"\d{3}(\d{2}){0,2}", sq(cells[1].text)) and (rc := _code_cells(cells[1:])):
        return rc[0], rc[1] + 1
    return None


def _code_cells(cells: list[Cell]) -> tuple[str, int] | None:
    parts: list[str] = []
    k = 0
    while k < len(cells) and k < 3:
        t = sq(cells[k].text)
        if not t:
            if parts:
                break
            k += 1
            continue
        if not parts and (m := _BRACKETED.match(t)):
            return m.group(1), k  # '[2010501]行政运行': the code and the name in one cell
        if (not parts and re.fullmatch(r"\d{3}(\d{2}){0,2}", t)) or (parts and re.fullmatch(r"\d{2}", t)):
            parts.append(t)
            k += 1
            continue
        # '301 | 2 | 津贴补贴': a 款 printed without its leading zero, followed by the name.
        nxt = sq(cells[k + 1].text) if k + 1 < len(cells) else ""
        if parts and re.fullmatch(r"\d", t) and nxt and not re.fullmatch(r"[\d,.，]+", nxt):
            parts.append(t.zfill(2))
            k += 1
            continue
        break
    code = "".join(parts)
    return (code, k) if _CODE.match(code) else None


def class_names(tables: list[Table]) -> dict[tuple[str, str], str]:
    """(parent code, name) → functional code, from the coded rows of a report's classification
    tables ('20108 | 审计事务' → ('201', '审计事务') → '20108'); a name two codes share under one
    parent is left out. Lets a table that prints the names without codes be read with the codes
    the same report gives them."""
    seen: dict[tuple[str, str], set[str]] = {}
    for table in tables:
        for row in table.rows:
            cells = real_cells(row)
            if not (rc := _row_code(cells)) or not rc[0].startswith("2"):
                continue
            code, k = rc
            name = next((c.text for c in cells[k:] if sq(c.text) and num_of(table, c) is None), None)
            if name:
                name = _BRACKETED.sub("", sq(name))
                seen.setdefault((code[:-2] if len(code) > 3 else "", clean_label(name)), set()).add(code)
    return {key: next(iter(codes)) for key, codes in seen.items() if len(codes) == 1}


_CODE_HEAD = pattern("classification", "code_heading")
_CAPTION_LINE = pattern("classification", "caption_line")
_CLASS_HEAD = pattern("classification", "class_heading")
_COUNT_HEAD = pattern("classification", "count_heading")
_BUDGET_HEAD = table_pattern("line_items.budget_head")
_HEAD_NOISE = re.compile(r"\s")
_YEAR = pattern("classification", "year")
_NEUTRAL = pattern("classification", "neutral")
_SUBTOTAL_ONLY = pattern("classification", "subtotal")
_STAGES = ("initial", "adjustment", "adjusted", "executed")
# the column model of the last classification table read with a header, per report: a table
# continued on the next page without its header keeps the columns of the page before
_LAST: dict[tuple[str, str], tuple[int, dict[int, tuple[str, str | None] | None], dict[int, list[str]]]] = {}


@cache
def _column_words() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(p), code) for p, code in entry("classification", "columns"))


def _above_part(upper: str | None, part: str) -> bool:
    """`upper`, a header over a column naming `part`, names the whole or a line item `part` lies under
    (财政拨款收入 over 一般公共预算收入, 基本支出 over 人员经费)."""
    return upper == "total" or (upper is not None and is_part_of(part, upper))


def _header_rows(table: Table, first: int) -> list[list[Cell]]:
    """The header lines right above the first coded row, top first, up to a caption line
    (预算单位：… | 单位：万元); rows of figures among them (合计, 栏次) skipped."""
    rows: list[list[Cell]] = []
    for i in range(first - 1, -1, -1):
        cells = real_cells(table.rows[i])
        if any(num_of(table, c) is not None for c in cells):
            continue  # a total (合计, a unit's own row) or 栏次 row printed between header and rows
        # a header line's words counted with the merged cells it repeats (科目编码 over 类 | 款 | 项
        # beside 科目名称 | 合计 | 基本支出 | 项目支出 spanning three lines: one word of its own)
        texts = [sq(c.text) for c in table.rows[i] if sq(c.text)]
        if len(texts) < 2 or any(_CAPTION_LINE.search(t) for t in texts):
            break
        rows.insert(0, cells)
    return rows


def _name(text: str) -> str | None:
    """What a header cell names: 'subtotal' (小计), 'total' (合计, 总计), a part line item or None."""
    if _SUBTOTAL_ONLY.fullmatch(text):
        return "subtotal"
    for pat, code in _column_words():
        if pat.search(text):
            return code
    code = line_item_code(text)
    if code == "total":
        return code
    return code if code in _part_codes() else None


def _meaning(path: list[str], latest: int | None, wide: set[str]) -> tuple[str, str | None] | None:
    """A column's meaning from its header cells top to bottom: ('code', None) for a column of codes
    (never amounts), ('total', stage) for the row's total, (part, stage) for a part of it; None for a
    column its header does not name (a group no part names, 当年预算 over 基本支出); ('prior', stage) for
    the total of the year before (2025年预算数 beside 2026年预算数).
    A head naming nothing over every amount column (支出预算, 一般公共预算支出) is the table's title
    (`wide`) and qualifies all its columns alike."""
    if any(_CODE_HEAD.search(t) or _NOT_AMOUNT.search(t) for t in path):
        return "code", None
    if any(_COUNT_HEAD.search(t) for t in path):
        return "count", None  # a number of things (数量 of a 政府采购 row), never money
    if latest is not None and any(int(y) < latest for t in path for y in _YEAR.findall(t)):
        # the year before's column (2025年预算数 beside 2026年预算数): its total only, as the prior period's
        m = _meaning(path, None, wide)
        return ("prior", m[1]) if m and m[0] == "total" else None
    stages = {s for t in path if (s := stage_of(t))}
    if len(stages) > 1 or not stages <= set(_STAGES):
        return None
    stage = next(iter(stages), None)
    names = [_name(t) for t in path]
    for i in range(len(path) - 1, -1, -1):
        name = names[i]
        if name is None:
            if path[i] in wide or _NEUTRAL.search(path[i]) or stage_of(path[i]):
                continue
            return None  # a head naming nothing of its own under a part (其中:经费拨款 under 本级财政拨款)
        above = [(t, n) for t, n in zip(path[:i], names[:i], strict=True)]
        if name in ("subtotal", "total"):
            # 小计 (总计) under a part is that part (基本支出 over 小计 | 人员经费 | 公用经费)
            named = [(k, n) for k, (_t, n) in enumerate(above) if n not in (None, "subtotal")]
            if named:
                k, name = named[-1]
                above = above[:k]
            else:
                name = "total"
        # every head above names the whole, a line item above this one, or only the figures' kind
        if all(_above_part(n, name) or (n is None and (t in wide or _NEUTRAL.search(t) or stage_of(t)))
               for t, n in above):
            return name, stage
        return None
    if path and all(t in wide or _NEUTRAL.search(t) or stage_of(t) for t in path):
        return "total", stage  # a column headed by its stage or kind only (预算数 | 决算数, 金额)
    return None


def _paths(rows: list[list[Cell]]) -> dict[int, list[str]]:
    """Column → its header cells' texts, top to bottom."""
    paths: dict[int, list[str]] = {}
    for cells in rows:
        for h in cells:
            if not (t := sq(h.text)):
                continue
            for c in range(h.col, h.col + h.colspan):
                p = paths.setdefault(c, [])
                if not p or p[-1] != t:
                    p.append(t)
    return paths


def _columns(table: Table, rows: list[list[Cell]], coded: list) -> dict[int, tuple[str, str | None] | None]:
    paths = _paths(rows)
    years = [int(y) for p in paths.values() for t in p for y in _YEAR.findall(t)]
    latest = max(years) if len(set(years)) > 1 else None
    codes = {c for c, p in paths.items() if any(_CODE_HEAD.search(t) for t in p)}
    amounts = {c.col for i, _rc in coded for c in real_cells(table.rows[i])
               if num_of(table, c) is not None and c.col not in codes}
    wide = {t for cells in rows for h in cells if (t := sq(h.text)) and h.colspan > 1
            and amounts <= set(range(h.col, h.col + h.colspan))}
    return {c: _meaning(p, latest, wide) for c, p in paths.items()}


def _groups(columns: dict[int, tuple[str, str | None] | None],
            paths: dict[int, list[str]]) -> dict[int, tuple[int, str | None]]:
    """Part column → (its group's subtotal column, the part), for expense classes printed under a
    fund-source or period group (合计 | 当年预算 (小计 | 基本支出 | 项目支出) | 上年结转结余 (小计 | 基本支出 …),
    长春): such a column is that part of its group's money, split from the group's 小计 on the same row,
    never of the row's total, and never added to the same part of another group. A group without a
    subtotal column of its own gives its parts no meaning (they stay unread). The group's columns no part
    names map to (subtotal column, None)."""
    out: dict[int, tuple[int, str]] = {}
    spans: dict[int, set[int]] = {}
    for col, path in paths.items():
        if columns.get(col) is not None or any(_YEAR.search(t) for t in path):
            continue
        for j in range(len(path) - 2, -1, -1):
            head = _name(path[j])
            if head is None or dimension_of(head) != "fund_source":
                continue
            inner = _meaning(path[j + 1:], None, set())
            if inner is None or dimension_of(inner[0]) != "expense_class":
                break
            prefix = path[: j + 1]
            span = sorted(c for c, p in paths.items() if p[: j + 1] == prefix)
            total = [c for c in span if columns.get(c) is not None and columns[c][0] == head]
            if len(total) == 1 and span == list(range(span[0], span[-1] + 1)):
                out[col] = (total[0], inner[0])
                spans[total[0]] = set(span) - {total[0]}
            break
    # a part named twice in one group is read by neither column
    seen = Counter((g, part) for g, part in out.values())
    out = {c: gp for c, gp in out.items() if seen[gp] == 1}
    # the group's other columns: a figure there means the parts read are not all of them
    return out | {c: (g, None) for g, cols in spans.items() for c in cols if c not in out}


def _coded(table: Table, code_cols: set[int]) -> list[tuple[int, tuple[str, int]]]:
    """(row index, (code, first cell after it)) of the coded rows. A row printing only its 款 or 项
    (201 | | | 一般公共服务支出, then | 08 | | 审计事务, then | | 01 | 行政运行; or 201, then 10 | 人力资源事务
    in one code column) takes the class and section of the rows above it, when the header names
    the code columns."""
    out: list[tuple[int, tuple[str, int]]] = []
    cls = sec = ""
    for i, row in enumerate(table.rows):
        cells = real_cells(row)
        if rc := _row_code(cells):
            code = rc[0]
            cls, sec = code[:3], code[:5] if len(code) >= 5 else ""
            out.append((i, rc))
            continue
        if not code_cols or not cls:
            continue
        lead = [c for c in cells if c.col in code_cols]
        filled = [(k, c) for k, c in enumerate(lead) if sq(c.text)]
        if len(filled) != 1 or not re.fullmatch(r"\d{2}", sq(filled[0][1].text)):
            continue
        k, c = filled[0]
        two = sq(c.text)
        n_after = cells.index(c) + 1
        if len(lead) >= 3 and k == 2:
            if sec:
                out.append((i, (sec + two, max(n_after, len(lead)))))
        elif len(lead) >= 2 and k == 1 or len(lead) == 1:
            sec = cls + two
            out.append((i, (sec, max(n_after, len(lead)))))
    return out


_FUNCTIONAL = word("tables", "labels.functional")
_NAME_HEAD = pattern("classification", "name_heading")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_UNPLACED = "class printed by name only, not placed by the checked national names (vocab/class_names.csv)"


def _named_rows(table: Table) -> tuple[list[tuple[int, tuple[str, int]]], list[int]] | None:
    """Class rows printed by name only under a 科目名称 head (杭州: 功能分类科目名称 | 总计 | …, then
    科学技术支出 | 28.00, 技术研究与开发 | 28.00 …): (row index, (code, 0)) of the rows the national
    class names (vocab/class_names.csv) place under the 类 and 款 above them, and the rows of figures
    they do not place (a 合计 is then not checked against the classes read). None when the table
    has no such head or fewer than three rows are placed."""
    head = next((i for i, row in enumerate(table.rows[:6]) if (cells := real_cells(row))
                 and _NAME_HEAD.search(sq(cells[0].text))), None)
    if head is None:
        return None
    words_above = " ".join([table.caption, *(c.text for r in table.rows[: head + 1] for c in real_cells(r))])
    scheme = "econ" if any(w in words_above for w in _ECONOMIC) else "func" if _FUNCTIONAL in words_above else None
    if scheme is None:
        return None
    path = ClassPath(scheme)
    out: list[tuple[int, tuple[str, int]]] = []
    unplaced: list[int] = []
    for i in range(head + 1, len(table.rows)):
        cells = real_cells(table.rows[i])
        label = sq(cells[0].text).rstrip(":：") if cells else ""
        if not _HAN.search(label) or num_of(table, cells[0]) is not None or TOTAL_LABEL.match(label):
            continue  # a 栏次 line (** | 1 | 2), the 合计 row
        if (code := path.code(cells[0].text)) is not None:
            out.append((i, (code, 0)))
        elif any(num_of(table, c) is not None for c in cells[1:]):
            unplaced.append(i)
    return (out, unplaced) if len(out) >= 3 else None


def read_classification(table: Table, ctx: Ctx) -> bool:
    plain = [(i, rc) for i, row in enumerate(table.rows) if (rc := _row_code(real_cells(row)))]
    by_name = _named_rows(table) if not plain else None
    if by_name is not None:
        plain = by_name[0]
    if not plain:
        return False
    header_rows = _header_rows(table, plain[0][0])
    ncols = max((c.col + c.colspan for r in table.rows for c in real_cells(r)), default=0)
    key = (ctx.document_id, ctx.report_id)
    columns = _columns(table, header_rows, plain) if header_rows else None
    paths = _paths(header_rows)
    own = columns is not None and any(m is not None for m in columns.values())
    if not own:
        last = _LAST.get(key)
        columns, paths = (last[1], last[2]) if last and last[0] == ncols else (None, {})  # continued, no header
    code_cols = {c for c, m in (columns or {}).items() if m == ("code", None)}
    # a short table (长沙 | 205 | | | 教育支出, then | | 03 | | 职业教育 …) counts the rows printing 款 or 项 alone
    coded = _coded(table, code_cols) if by_name is None else plain
    # fewer rows do when the table's own header names its code and total columns (a table's last
    # two rows continued on the next page under its header: 22102 | 住房改革支出, 2210201 | 住房公积金)
    named = own and any(m and m[0] == "total" for m in (columns or {}).values()) and any(
        _CLASS_HEAD.search(sq(h.text)) and h.col in code_cols for r in header_rows for h in r)
    # a unit's code (部门代码 024 | 024001) is no classification code
    if len([rc for _i, rc in coded if rc[0][0] in "235"]) < (1 if named else 3):
        return False
    if own and columns is not None:
        _LAST[key] = (ncols, columns, paths)
    first = coded[0][0]
    hdr_i = next((i for i in range(first - 1, -1, -1) if not _total_row(table, real_cells(table.rows[i])) and any(
        _TOTAL_COLUMN.match(sq(c.text)) or stage_of(c.text) for c in real_cells(table.rows[i]))), None)
    header = real_cells(table.rows[hdr_i]) if hdr_i is not None else []
    unit = (detect_money_unit(_undoubled(table.caption)) if detect_money_unit(table.caption) is None else None) or (
        _table_unit(table, ctx, [c.text for c in header]) or DEFAULT_MONEY_UNIT)
    caption = table.caption + " " + " ".join(c.text for r in table.rows[: max(first, 1)] for c in real_cells(r))
    default_stage = "executed" if ctx.report_kind == "final_accounts" or FINAL_WORD in caption else "initial"
    econ = any(w in caption for w in _ECONOMIC)
    if columns is not None:
        splits = {c: m[0] for c, m in columns.items() if m and m[0] not in ("code", "count", "total", "prior")}
        twice = {p for p, k in Counter(splits.values()).items() if k > 1}
        splits = {c: p for c, p in splits.items() if p not in twice}
        if ctx.report_kind == "budget":
            # a budget disclosure's bare 预算数 is the budget as approved (as two_sided reads it)
            columns = {c: (m[0], "initial") if m and m[1] == "adjusted" and any(
                _BUDGET_HEAD.match(_HEAD_NOISE.sub("", t)) for t in paths.get(c, [])) else m for c, m in columns.items()}
        totals: dict[int, str] = {}
        for c, m in sorted(columns.items()):
            if m and m[0] == "total" and (m[1] or default_stage) not in totals.values():
                totals[c] = m[1] or default_stage  # the leftmost column of a stage is the row's total
        if not totals:
            # no total column: a table of one part (基本支出预算 over 小计 | 人员支出 | 日常公用支出)
            # totals its rows in that part's subtotal, the leftmost named column
            tops = sorted(splits)
            if len(tops) > 1 and all(is_part_of(splits[d], splits[tops[0]]) for d in tops[1:]):
                totals = {tops[0]: columns[tops[0]][1] or default_stage}
                del splits[tops[0]]
        if totals and (head := paths.get(min(totals), [])[:-1]):
            # a total under a group (本年支出 over 小计 | 基本支出 | 项目支出) is split only by the columns of
            # that group, never by those beside it (年初结转和结余, 本年收入, 年末结转和结余)
            splits = {c: p for c, p in splits.items() if paths.get(c, [])[:len(head)] == head}
        amounts = {c.col for i, _rc in coded for c in real_cells(table.rows[i])
                   if num_of(table, c) is not None and columns.get(c.col) not in (("code", None), ("count", None))}
        once = len({rc[0] for _i, rc in coded}) == len(coded)  # each code one row (not 政府采购's items)
        if not totals and once and len(amounts) == 1 and columns.get(col := next(iter(amounts))) is None:
            # one figure a row (科目编码 | 科目名称 | 机关运行经费支出): the row's amount, the caption saying of what
            totals = {col: default_stage}
        found = _read_by_columns(table, ctx, coded, columns, splits, totals, unit, econ, header, default_stage,
                                 _groups(columns, paths), sums=by_name is None or not by_name[1])
        if found and by_name is not None:
            for i in by_name[1]:
                for c in real_cells(table.rows[i]):
                    ctx.leave(c, _UNPLACED)
        if found and econ:
            _part_totals(table, ctx, coded, unit, default_stage)
        # a table of coded rows under a header naming its code columns is this reader's even when no
        # column is a row's amount: its figures stay unread here rather than be taken by position by
        # another reader — but for a list whose class codes repeat row after row (政府采购预算表: an item a
        # row under its 类 | 款 | 项, 数量 | 预算金额), read as the list its title names (fund_matrix.read_list:
        # 合计 = procurement, every other row a listed line, none summed)
        if not found and code_cols and not once and read_list(table, ctx):
            return True
        return found or bool(code_cols)
    splits = _split_columns(header, real_cells(table.rows[hdr_i - 1]) if hdr_i else [])
    found = False
    for i, (code, k) in coded:
        cells = real_cells(table.rows[i])
        prefix = "econ" if econ or code[0] in "35" else "func" if code[0] == "2" else None
        if prefix is None:
            continue
        label = next((flat(c.text) for c in cells[k:] if sq(c.text) and num_of(table, c) is None), None)
        nums = [(j, num_of(table, c)) for j, c in enumerate(cells) if j >= k]
        nums = [(j, v) for j, v in nums if v is not None]
        for c in cells[:k]:
            ctx.ignore(c)  # the code cells themselves (of a row with no amount too)
        if not nums:
            continue
        for j, _v in [(j, v) for j, v in nums if header and _NOT_AMOUNT.search(sq(_header_above(header, cells[j])))]:
            ctx.ignore(cells[j])  # a code or rank column (501 beside 301): never an amount
        nums = [(j, v) for j, v in nums if not (header and _NOT_AMOUNT.search(sq(_header_above(header, cells[j]))))]
        # The first amount is the row total unless a header names the column's stage.
        levels: list[tuple[str, Val]] = []
        for n_i, (j, v) in enumerate(nums):
            head = _header_above(header, cells[j]) if header else ""
            stage = stage_of(head) if head else None
            if stage is None and n_i == 0:
                stage = default_stage
            if stage not in _STAGES:
                continue
            if add_amount(ctx, f"{prefix}:{code}", stage, v, unit, "classification", label):
                found = True
                levels.append((stage, v))
        if len(levels) == 1 and splits:
            # a figure (not 0) of the row in a column no part names: the parts read are not all of them
            unnamed = any(cells[j].col not in splits and v is not levels[0][1] and v.value != 0 for j, v in nums)
            _add_splits(ctx, f"{prefix}:{code}", levels[0], [(splits[c.col], num_of(table, c)) for c in cells
                                                            if c.col in splits], unit, label, splits, unnamed)
    if found:
        _classification_totals(table, ctx, header, coded)
        if econ:
            _part_totals(table, ctx, coded, unit, default_stage)
    return found


def _part_totals(table: Table, ctx: Ctx, coded: list, unit: str, stage: str) -> None:
    """The closing row of an economic classification of 基本支出 (人员经费合计 | 2,152.26 | 公用经费合计 |
    184.65): each label a part of 基本支出 by the vocabulary, its figure the next amount of the row."""
    rows = {i for i, _rc in coded}
    for i, row in enumerate(table.rows):
        if i in rows:
            continue
        cells = real_cells(row)
        for k, c in enumerate(cells):
            code = line_item_code(c.text) if num_of(table, c) is None and sq(c.text) else None
            if code is None or not is_part_of(code, "basic"):
                continue
            v = next((v for d in cells[k + 1 :] if (v := num_of(table, d)) is not None), None)
            nxt = next((d for d in cells[k + 1 :] if sq(d.text)), None)
            if v is not None and nxt is not None and v.cell is nxt:
                add_amount(ctx, code, stage, v, unit, "classification", flat(c.text))


def _read_by_columns(table: Table, ctx: Ctx, coded: list, columns: dict[int, tuple[str, str | None] | None],
                     splits: dict[int, str], totals: dict[int, str], unit: str, econ: bool,
                     header: list[Cell], default_stage: str,
                     groups: dict[int, tuple[int, str | None]] | None = None, sums: bool = True) -> bool:
    """Rows read by the meaning each column's header gives it (never by position): the total
    column(s) are the row's amount, a part column its part (fact_line_splits), a code column
    set aside; a figure in a column the header does not name stays unread."""
    found = False
    groups = groups or {}
    for i, (code, k) in coded:
        cells = real_cells(table.rows[i])
        prefix = "econ" if econ or code[0] in "35" else "func" if code[0] == "2" else None
        for c in cells:
            if c.col < cells[k].col if k < len(cells) else True:
                ctx.ignore(c)  # the code cells themselves
            elif columns.get(c.col) in (("code", None), ("count", None)) and sq(c.text):
                ctx.ignore(c)  # a second code (政府经济 501 | 01 beside 部门经济 301 | 01), a count (数量)
        if prefix is None:
            continue
        label = next((flat(c.text) for c in cells[k:] if sq(c.text) and num_of(table, c) is None
                      and columns.get(c.col) != ("code", None)), None)
        levels = [(stage, v) for c in cells if (stage := totals.get(c.col)) and (v := num_of(table, c)) is not None]
        for stage, v in levels:
            if add_amount(ctx, f"{prefix}:{code}", stage, v, unit, "classification", label):
                found = True
        for c in cells:
            if (m := columns.get(c.col)) and m[0] == "prior" and (v := num_of(table, c)) is not None:
                if add_amount(ctx, f"{prefix}:{code}", m[1] or default_stage, v, unit, "classification", label):
                    (ctx.ex.fact_executions if (m[1] or default_stage) == "executed" else ctx.ex.fact_budgets)[-1][
                        "period"] = "prior"
        if len(levels) == 1 and splits:
            nums = [(c, v) for c in cells if (v := num_of(table, c)) is not None
                    and columns.get(c.col) not in (("code", None), ("count", None))]
            unnamed = any(c.col not in splits and c.col not in totals and c.col not in groups and v.value != 0
                          and (columns.get(c.col) or ("",))[0] != "prior" for c, v in nums)
            _add_splits(ctx, f"{prefix}:{code}", levels[0], [(splits[c.col], num_of(table, c)) for c in cells
                                                            if c.col in splits], unit, label, splits, unnamed)
        for g in sorted({g for g, _p in groups.values()}):
            # a group's parts split the group's own subtotal on this row (当年预算's 小计), apart from other groups
            sub = next((v for c in cells if c.col == g and (v := num_of(table, c)) is not None), None)
            if sub is None:
                continue
            mine = {c: p for c, (gg, p) in groups.items() if gg == g and p is not None}
            unnamed = any(groups.get(c.col) == (g, None) and (v := num_of(table, c)) is not None and v.value != 0
                          for c in cells)
            gstage = (columns.get(g) or ("", None))[1] or default_stage
            _add_splits(ctx, f"{prefix}:{code}", (gstage, sub), [(mine[c.col], num_of(table, c)) for c in cells
                                                                if c.col in mine], unit, label, mine, unnamed)
    if found and sums:
        _classification_totals(table, ctx, header, coded,
                               frozenset(c for c, m in columns.items() if m in (("code", None), ("count", None))))
    return found


def _add_splits(ctx: Ctx, line: str, total: tuple[str, Val], parts: list[tuple[str, Val | None]], unit: str,
                label: str | None, splits: dict[int, str], unnamed: bool) -> None:
    """The parts of a row's one total printed in the columns `splits` names (fact_line_splits);
    a blank part prints nothing (the table's columns, `table_parts`, tell a blank from no column)."""
    stage, tv = total
    t_yuan, _ = _money(tv, unit)
    named = " ".join(sorted(set(splits.values())) + (["?"] if unnamed else []))
    for part, v in parts:
        if v is None or v.cell is tv.cell:
            continue
        yuan, u = _money(v, unit)
        ctx.ex.fact_line_splits.append({
            "report_id": ctx.report_id, "line_item": line, "part": part, "stage": stage,
            "amount_yuan": yuan, "reported_text": v.num.text, "reported_unit": u, "decimals": v.num.decimals,
            "source_ref": v.ref, "total_source_ref": tv.ref, "total_yuan": t_yuan, "total_text": tv.num.text,
            "total_decimals": tv.num.decimals, "table_parts": named,
            "label_text": label, "origin": "table", "table_kind": "classification", "is_twin": ctx.twin,
        })
        ctx.use(v)


def _classification_totals(table: Table, ctx: Ctx, header: list[Cell], coded: list,
                           codes: frozenset[int] = frozenset()) -> None:
    """A 合计 row of a classification table sums its top-level (类) rows, per column:
    classes, sections and items are nested, so only the 3-digit rows add up to it; never in a
    column of codes or row numbers (`codes`: 序号 1 on the 合计 row)."""
    # the rows no other row of the table is an ancestor of: the 类 rows, or every row of a table
    # printing its 项 only (泉州: 2040101, 2040201 … under 合计)
    printed = {code for _i, (code, _k) in coded}
    top = [i for i, (code, _k) in coded if not any(code != c and code.startswith(c) for c in printed)]
    own = _own_unit_row(table, ctx, coded)
    for row in table.rows:
        cells = real_cells(row)
        # the 合计 label may follow the header's 类 | 款 | 项 printed on the same line
        if not (_total_row(table, cells) or row is own) or _row_code(cells):
            continue
        for c in cells:
            tv = num_of(table, c)
            if tv is None or c.col in codes:
                if tv is not None:
                    ctx.ignore(c)
                continue
            parts = [v for i in top if (v := _same_column(table, table.rows[i], c)) is not None]
            if not parts:
                continue
            half = sum(half_width(p.num.decimals) for p in parts)
            ctx.ex.table_sums.append(
                {
                    "document_id": ctx.document_id, "report_id": ctx.report_id, "table_index": table.index,
                    "total_row": c.row, "col_index": c.col,
                    "column_label": (sq(_header_above(header, c)) or None) if header and header[0].row != c.row else None,
                    "total_text": tv.num.text, "total_value": float(tv.value), "total_decimals": tv.num.decimals,
                    "parts_sum": float(sum(p.value for p in parts)), "parts_halfwidth": float(half),
                    "parts_count": len(parts), "parts_decimals": max((p.num.decimals or 0) for p in parts),
                    "first_row": parts[0].cell.row, "last_row": parts[-1].cell.row,
                    "page": table.page,
                }
            )
            ctx.use(tv)


def _own_unit_row(table: Table, ctx: Ctx, coded: list) -> list[Cell] | None:
    """The reporting unit's own row printed right above the first coded row of a table that prints no
    合计 row (预算单位 | 科目编码 | 科目名称 | 支出总计 | 基本支出 | 项目支出, then 深圳市审计局 | | | 10,737.69 |
    9,206.23 | 1,531.45, then 201 | 一般公共服务支出 …): the unit's figures are the table's total, its
    classes' sum, as a 合计 row's are (fund_matrix reads such a row alike). A row of another unit (a
    summary of several units) is none."""
    if not coded or coded[0][0] == 0 or any(_total_row(table, real_cells(r)) for r in table.rows):
        return None
    row = table.rows[coded[0][0] - 1]
    cells = real_cells(row)
    label = next((sq(c.text) for c in cells if sq(c.text) and num_of(table, c) is None), "")
    own = any(num_of(table, c) is not None for c in cells) and _own_unit(ctx, label) and not _row_code(cells)
    return row if own else None


def _same_column(table: Table, row: list[Cell], like: Cell):
    for c in real_cells(row):
        if c.col <= like.col < c.col + c.colspan or like.col <= c.col < like.col + like.colspan:
            return num_of(table, c)
    return None


def _header_above(header: list[Cell], cell: Cell) -> str:
    for h in header:
        if h.col <= cell.col < h.col + h.colspan:
            return h.text
    return ""
