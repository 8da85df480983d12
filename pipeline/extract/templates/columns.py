"""Disclosure tables (vocab/templates/disclosure/) on the same cell stream: a header of
columns, then rows anchored on their printed labels.

The “三公”经费 table, income/expense tables and spending lists are printed row by row: a label
and one value per column. Columns are told by their header words (columns.toml) and their
year (the report's fiscal year → current, an earlier one → prior); rows by the template's own
labels (codes of vocab/line_items.csv). A row whose label the template does not name is read
only when a printed total row counts it (a list closed by 支出合计, or the numbered rows under
收入总计); such a total is then checked against its parts (table_sums). Values are placed by
position only when their count fits the columns; otherwise the row stays in `unrecognised`
with the reason — a column's meaning is never guessed.

Two renderings reach this module: rows on lines of their own (`|` rows, tab rows, lines
flattened with spaces: a row ends where its line ends) and one cell per line (a row is a label
and the values after it).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cache, lru_cache

from pipeline.extract.templates.defs import TEMPLATES_DIR, header_key
from pipeline.extract.templates.stream import SCell
from pipeline.extract.vocabulary import functional_class_by_name, table_pattern
from pipeline.normalize.money import detect_money_unit, money_unit_alternation
from pipeline.normalize.numbers import Number, is_blank, parse_number
from pipeline.normalize.text import to_halfwidth

DISCLOSURE_DIR = TEMPLATES_DIR / "disclosure"
LISTED = "listed"  # line item of a row the vocabulary does not name, counted by a printed total
_JOIN = 3  # a header printed over at most this many cells (one cell per line: 2020年 | 决算数)


@dataclass(frozen=True)
class Column:
    measure: str  # label | level | change | change_pct | rate | text | other
    stage: str | None
    by_kind: dict[str, str]
    group: bool
    headers: tuple[re.Pattern[str], ...]
    units: bool = False  # a label column whose rows are units or areas (单位名称), not line items
    beside_adjusted: str | None = None  # the stage when the header also prints an adjusted budget


@dataclass(frozen=True)
class TableTemplate:
    name: str
    priority: int
    rows: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]
    totals: frozenset[str]
    any_label: bool
    min_rows: int
    # The code a printed total takes in a report of another kind: in a self-evaluation the
    # 合计 of a funds table is the whole year's funds (`total`), not 本年支出合计.
    total_by_kind: tuple[tuple[str, str], ...] = ()
    # Rows are units or areas (the label column's header says so): every row is read, each
    # figure a `listed` line named by its row, column group and column.
    unit_rows: bool = False
    # Rows a named row introduces with 其中 (其中:办公经费 | 水费、电费、差旅费 | … under 公用经费):
    # each a `listed` line with its printed label. They may name some of its parts only, so
    # they are never summed (no table_sums) and never counted by a total.
    of_which_listed: bool = False
    # Rows named by the functional classification (一、一般公共服务支出 → func:201): the spending
    # side of a 收入支出决算总表 lists its classes by name, each a line of its own.
    class_rows: bool = False


_ROW_NUMBER_HEAD = table_pattern("line_items.skip_head")


@dataclass(frozen=True)
class Ordinals:
    patterns: tuple[re.Pattern[str], ...]
    prefixes: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class Periods:
    year: re.Pattern[str]
    words: re.Pattern[str]
    period_of: dict[str, str]
    unit_annotation: re.Pattern[str]  # (万元): spellings from vocab/money_units.csv


@cache
def periods() -> Periods:
    with open(DISCLOSURE_DIR / "columns.toml", "rb") as f:
        p = tomllib.load(f)["periods"]
    words = sorted(p["words"], key=len, reverse=True)
    return Periods(re.compile(p["year"]), re.compile("^(?P<w>" + "|".join(map(re.escape, words)) + ")"),
                   dict(p["words"]), re.compile(r"[(（](" + money_unit_alternation() + r")[)）]"))


@cache
def side_words() -> frozenset[str]:
    """Header cells naming the two sides of a balance table printed side by side (收入 | 支出)."""
    with open(DISCLOSURE_DIR / "columns.toml", "rb") as f:
        return frozenset(tomllib.load(f)["sides"]["words"])


@cache
def _columns_file() -> tuple[tuple[Column, ...], Ordinals]:
    with open(DISCLOSURE_DIR / "columns.toml", "rb") as f:
        d = tomllib.load(f)
    cols = tuple(
        Column(c["measure"], c.get("stage"), dict(c.get("by_kind", {})), bool(c.get("group", False)),
               tuple(re.compile(h) for h in c["headers"]), bool(c.get("units", False)), c.get("beside_adjusted"))
        for c in d["columns"]
    )
    o = d["ordinals"]
    return cols, Ordinals(tuple(re.compile(p) for p in o["patterns"]), tuple(re.compile(p) for p in o["prefixes"]))


@cache
def table_templates() -> tuple[TableTemplate, ...]:
    out = []
    for path in sorted(DISCLOSURE_DIR.glob("*.toml")):
        if path.name == "columns.toml":
            continue
        with open(path, "rb") as f:
            d = tomllib.load(f)
        rows = tuple((code, tuple(re.compile(p) for p in pats)) for code, pats in d["rows"].items())
        out.append(TableTemplate(d["name"], int(d.get("priority", 9)), rows, frozenset(d["totals"]),
                                 bool(d.get("any_label", False)), int(d.get("min_rows", 1)),
                                 tuple(d.get("total_by_kind", {}).items()), bool(d.get("unit_rows", False)),
                                 bool(d.get("of_which_listed", False)), bool(d.get("class_rows", False))))
    return tuple(sorted(out, key=lambda t: t.priority))


@dataclass(frozen=True)
class Col:
    """One printed column: its meaning and, for levels, stage and period."""

    measure: str
    header: str
    stage: str | None = None
    year: int | None = None
    period_word: str | None = None
    group: bool = False
    by_kind: tuple[tuple[str, str], ...] = ()
    units: bool = False  # see Column.units
    group_name: str | None = None  # the header printed over this column and its neighbours
    beside_adjusted: str | None = None  # see Column.beside_adjusted

    @property
    def pct(self) -> bool:
        """The header prints the percent sign (增幅%): its cells are percents without one."""
        return "%" in to_halfwidth(self.header)

    def stage_in(self, report_kind: str | None, report_stage: str | None) -> str | None:
        """The stage of a level column in this report: by_kind overrides; 'report' is the
        report's own default stage (None when it has none)."""
        st = dict(self.by_kind).get(report_kind or "", self.stage)
        return report_stage if st == "report" else st

    @property
    def period(self) -> str | None:
        """'prior' for 上年, 'current' for 本年/当年, None when the header says neither."""
        return periods().period_of.get(self.period_word or "")


@lru_cache(maxsize=1 << 16)
def column_of(text: str) -> Col | None:
    """The column a header cell names, or None. A pure function of the text once the
    vocabulary is loaded (Col is frozen), so remembered: the readers ask it for the same
    header cells again and again (~9 700 calls, a few hundred texts, on a 171-page 决算)."""
    s = to_halfwidth(header_key(text))
    year: int | None = None
    word: str | None = None
    rest = s
    if m := periods().year.match(s):
        year, rest = int(m.group("year")), s[m.end():]
    elif m := periods().words.match(s):
        word, rest = m.group("w"), s[m.end():]
    if not s:
        return None
    for c in _columns_file()[0]:
        target = s if c.measure in ("change", "change_pct", "other", "text", "label") else rest
        if c.measure == "level" and c.stage == "report" and year is None and not rest:
            continue  # an empty header is a column only when it printed a year
        if any(p.search(target) for p in c.headers):
            return Col(c.measure, text, c.stage, year, word, c.group, tuple(c.by_kind.items()), c.units,
                       beside_adjusted=c.beside_adjusted)
    return None


def ordinal_level(label: str) -> tuple[int | None, str]:
    """(level, label without its numbering and 其中): 合计 → (None, '合计')."""
    _, o = _columns_file()
    s = to_halfwidth(label).strip()
    for _ in range(2):
        for p in o.prefixes:
            s = p.sub("", s).strip()
    for i, p in enumerate(o.patterns, start=1):
        if m := p.match(s):
            return i, s[m.end():].strip()
    return None, s


def prefix_only(text: str) -> bool:
    """'其中:' printed in a cell of its own."""
    return any(p.fullmatch(text) or (m := p.match(text)) is not None and m.end() == len(text)
               for p in _columns_file()[1].prefixes)


def is_ordinal_only(text: str) -> bool:
    lvl, rest = ordinal_level(text)
    return lvl is not None and rest == ""


# Answers of `row_code` per template (by identity; the template is kept so its id is never
# reused) and label: a pure function of both, asked ~8 000 times for a few hundred labels.
_ROW_CODES: dict[int, tuple[TableTemplate, dict[str, str | None]]] = {}


def row_code(t: TableTemplate, label: str) -> str | None:
    kept = _ROW_CODES.get(id(t))
    if kept is None or kept[0] is not t:
        kept = _ROW_CODES[id(t)] = (t, {})
    known = kept[1]
    if label in known:
        return known[label]
    code = known[label] = _row_code(t, label)
    return code


def _row_code(t: TableTemplate, label: str) -> str | None:
    s = re.sub(r"\s+", "", to_halfwidth(label))
    s = periods().unit_annotation.sub("", s)
    for code, pats in t.rows:
        if any(p.search(s) for p in pats):
            return code
    return None


# ---- reading -------------------------------------------------------------------------------


@dataclass
class TRow:
    label: str
    level: int | None
    cells: list[SCell]  # the value cells after the label, as printed (empties kept)
    label_cell: SCell
    code: str | None = None
    values: dict[int, tuple[Number, SCell]] = field(default_factory=dict)  # column index → value
    reason: str | None = None  # why the values were not placed
    index: int = 0  # 1-based row of the printed table (the header is row 1)
    cut: bool = False  # the stream ends inside this row (an excerpt or page cut off)


@dataclass
class TTable:
    template: TableTemplate
    cols: list[Col]
    unit: str | None
    rows: list[TRow]
    stray: list[SCell]  # figures inside the table outside any row


def _is_value(c: SCell) -> bool:
    return c.empty or is_blank(c.text) or parse_number(c.text) is not None


def _num(c: SCell) -> Number | None:
    return None if c.empty or is_blank(c.text) or is_ordinal_only(c.text) else parse_number(c.text)


def _header(cells: list[SCell], i: int) -> tuple[list[Col], int] | None:
    """The columns of a header starting at i and where it ends: at least two columns, one of
    them a level."""
    cols: list[Col] = []
    j = i
    line_mode = i + 1 < len(cells) and not cells[i + 1].line_start
    if not cells[i].line_start and not _inline_label_head(cells, i):
        return None  # a header begins its line: a line's tail is not a header of its own
    if line_mode and (grouped := _grouped_header(cells, i)) is not None:
        return grouped
    while j < len(cells):
        if cols and line_mode and cells[j].line_start:
            break
        c = cells[j]
        if cols and (c.empty or periods().unit_annotation.fullmatch(c.text)):
            j += 1
            continue
        # A cell is a column by itself; one cell per line may split a header over a few lines
        # (2020年 | 决算数): joined only when the first part alone is no column or a bare year.
        col = column_of(c.text) if not c.empty else None
        hit = (col, 1) if col is not None else None
        if col is None and len(words := c.text.split()) > 1:
            # a reader that cut a flattened line into cells may leave two headers in one
            subs = [column_of(w) for w in words]
            if all(x is not None for x in subs):
                cols.extend(x for x in subs if x is not None)
                j += 1
                continue
        if not line_mode and (col is None or (col.measure == "level" and col.stage == "report")):
            for k in range(2, min(_JOIN, len(cells) - j) + 1):
                part = cells[j : j + k]
                if any(x.empty for x in part):
                    break
                joined = column_of("".join(x.text for x in part))
                if joined is not None:
                    hit = (joined, k)
                    break
        if hit is None:
            break
        cols.append(hit[0])
        j += hit[1]
    # a group header right before its change columns on the same line stands over them (one cell
    # per line, or a page flattened onto one line: 2017比2016增减 增减值 增减%)
    cols = _own_amounts(_spanned_groups(cols))
    value_cols = [c for c in cols if c.measure != "label"]
    if len(value_cols) < 2 or not any(c.measure == "level" for c in value_cols):
        return None
    if line_mode and j < len(cells):
        j = _sub_header(cells, j, cols)
    return cols, j


def _inline_label_head(cells: list[SCell], i: int) -> bool:
    """A page flattened onto one line (document-site previews) prints its tables inside the
    line: a header there opens with the label column's own header (经费项目, 项目) after text."""
    col = column_of(cells[i].text) if not cells[i].empty else None
    return col is not None and col.measure == "label" and i > 0 and not _is_value(cells[i - 1])


def _spanned_groups(cols: list[Col]) -> list[Col]:
    """A group header (较上年增减情况) right before two change columns (增、减额 | 增、减幅度) in the
    same run of header cells stands over them, as its sub-header line would (_sub_header)."""
    out: list[Col] = []
    for n, c in enumerate(cols):
        after = cols[n + 1 : n + 3]
        if c.group and len(after) == 2 and all(x.measure in ("change", "change_pct") and not x.group for x in after):
            continue
        out.append(c)
    return out


def _own_amounts(cols: list[Col]) -> list[Col]:
    """2020年执行数 then 金额 | 占调整预算% | 比上年增长% in one run of header cells (one cell per
    line, a flattened line): 金额 is the amount of the level column before it, the percents are
    columns of their own after it, as a sub-header line would say (_sub_header)."""
    out: list[Col] = []
    for n, c in enumerate(cols):
        prev, after = cols[n - 1] if n else None, cols[n + 1 : n + 2]
        if (prev is not None and prev.measure == "level" and prev.stage != "report" and c.measure == "level"
                and c.stage == "report" and c.year is None and after
                and after[0].measure in ("rate", "change_pct", "other")):
            continue
        out.append(c)
    return out


def _line_at(cells: list[SCell], i: int) -> int:
    """The end of the printed line that starts at i."""
    e = i + 1
    while e < len(cells) and not cells[e].line_start:
        e += 1
    return e


def _grouped_header(cells: list[SCell], i: int) -> tuple[list[Col], int] | None:
    """A header over two lines whose first line names groups of columns (单位名称 |
    一般公共预算收入 | 税收比重% | 一般公共预算支出) and whose second line names the columns under
    each group (当月 | 累计 | 为预算的% | 增幅% | 当月 | …). The spans are not printed: a cell of
    the first line that is a column stands alone, the others share the second line's columns
    in equal runs, and the runs must repeat the same headers (else the spans are unknown and
    the header is not read)."""
    e1 = _line_at(cells, i)
    if e1 >= len(cells):
        return None
    first = column_of(cells[i].text)
    if first is None or first.measure != "label":
        return None
    tops = [c for c in cells[i + 1 : e1] if not c.empty]
    e2 = _line_at(cells, e1)
    subs = [c for c in cells[e1:e2] if not c.empty]
    top_cols = [column_of(c.text) for c in tops]
    groups = [c for c, col in zip(tops, top_cols, strict=True) if col is None]
    if not groups or any(_is_value(c) or len(c.text) > 20 for c in groups):
        return None
    sub_cols = [column_of(c.text) for c in subs]
    if not subs or any(col is None or col.measure == "label" for col in sub_cols) or len(subs) % len(groups):
        return None
    k = len(subs) // len(groups)
    runs = [[header_key(c.text) for c in subs[g * k : (g + 1) * k]] for g in range(len(groups))]
    if k < 2 or any(r != runs[0] for r in runs):
        return None
    cols = [first]
    g = 0
    for c, col in zip(tops, top_cols, strict=True):
        if col is not None:
            cols.append(col)
            continue
        cols.extend(replace(x, group_name=re.sub(r"\s+", "", c.text)) for x in sub_cols[g * k : (g + 1) * k] if x)
        g += 1
    if not any(c.measure == "level" for c in cols):
        return None
    return cols, e2


def _sub_header(cells: list[SCell], j: int, cols: list[Col]) -> int:
    """A line of change sub-columns under a group header (2017比2016增减 / 增减值 增减%)."""
    sub: list[Col] = []
    k = j
    while k < len(cells) and (k == j or not cells[k].line_start):
        col = column_of(cells[k].text) if not cells[k].empty else None
        if col is None and not cells[k].empty:
            return j
        if col is not None:
            sub.append(col)
        k += 1
    groups = [n for n, c in enumerate(cols) if c.group]
    if not groups and len(sub) >= 2 and cols[-1].measure == "level" and sub[0].measure == "level" \
            and sub[0].stage == "report" and sub[0].year is None \
            and all(c.measure in ("change_pct", "other", "rate") for c in sub[1:]):
        # 2020年执行数 over 金额 | 占调整预算% | 比上年增长%: the amount is the column's own figure,
        # the percents columns of their own after it
        cols[len(cols) - 1 : len(cols)] = [cols[-1], *sub[1:]]
        return k
    if len(groups) != 1 or not sub or any(c.measure not in ("change", "change_pct") for c in sub):
        return j
    g = groups[0]
    cols[g : g + 1] = sub
    return k


def _unit(cells: list[SCell], a: int, b: int) -> str | None:
    for c in cells[max(0, a) : b]:
        if u := detect_money_unit(c.text):
            return u
    return None


def read_tables(cells: list[SCell]) -> tuple[list[TTable], set[int]]:
    """Every disclosure table in the stream; the indices of the cells taken."""
    out: list[TTable] = []
    taken: set[int] = set()
    i = 0
    while i < len(cells):
        two = _two_sided(cells, i) if not cells[i].empty and i + 1 < len(cells) else None
        if two is not None:
            n_before = len(out)
            end = _read_sides(cells, i, two, out)
            if _numbered_inline(cells, i):
                for tbl in out[n_before:]:
                    for r in tbl.rows:
                        r.reason = r.reason or _NUMBERED_INLINE
            taken.update(range(i, end))
            i = end
            continue
        got = _header(cells, i) if not cells[i].empty else None
        if got is None:
            i += 1
            continue
        cols, j = got
        rows, stray, end = _rows(cells, j, cols)
        best = _choose(rows, cols)
        if best is None:
            i += 1
            continue
        unit = _unit(cells, i - 6, j)
        tbl = TTable(best, cols, unit, rows, stray)
        _place(tbl)
        if _numbered_inline(cells, i):
            for r in tbl.rows:
                r.reason = r.reason or _NUMBERED_INLINE
        if best.unit_rows:
            tbl.rows = _per_figure(tbl)
        out.append(tbl)
        taken.update(range(i, end))
        i = end
    return out, taken


def _numbered_inline(cells: list[SCell], i: int) -> bool:
    """A row-number column's header (序号) printed just before a balance table's side word: its
    numbers stay among the cells (a grid rebuilt by its row numbers has none left)."""
    return any(_ROW_NUMBER_HEAD.match(header_key(c.text)) for c in cells[max(0, i - 6) : i] if not c.empty)


_NUMBERED_INLINE = "the table prints its rows' numbers among its cells, where one cell per line cannot tell them from amounts"


def _two_sided(cells: list[SCell], i: int) -> tuple[list[list[Col]], int] | None:
    """A balance table with its two sides side by side: a side word (收入), a run of level
    columns, the other side word (支出) and a run of as many level columns of the same stages
    (预算数 | 调整预算数 | 执行数 | 决算数), printed one cell per line or on one line (a grid, `|`
    rows); or one side alone on its line (a grid cut into its panels). Returns each side's
    columns (its label column first) and where the header ends."""
    sides = side_words()
    head = cells[i : i + 40]
    if len(head) < 3 or not head[0].line_start or header_key(head[0].text) not in sides:
        return None
    if head[1].line_start != head[2].line_start:
        return None
    if not head[1].line_start:  # on one line: the header is that line
        head = cells[i : _line_at(cells, i)]
        while head and head[-1].empty:
            head.pop()
        if len(head) < 2:
            return None  # a side word alone on its line ('收入 | ||'): no header here
    j = 1
    run1: list[Col] = []
    while j < len(head) and not head[j].empty and header_key(head[j].text) not in sides:
        col = column_of(head[j].text)
        if col is None or col.measure != "level":
            return None
        run1.append(col)
        j += 1
    if len(run1) >= 2 and j == len(head) and not head[1].line_start:
        return [[Col("label", head[0].text), *_settle(run1)]], i + j  # one side on its line
    # one amount column a side (收入 | 金额 | 支出 | 金额) only with both sides on the header line
    if len(run1) < (1 if not head[1].line_start else 2) or j >= len(head) \
            or header_key(head[j].text) in ("", header_key(head[0].text)) or header_key(head[j].text) not in sides:
        return None
    k = j + 1
    run2 = [column_of(c.text) for c in head[k : k + len(run1)]]
    if len(run2) != len(run1) or any(c is None or c.measure != "level" for c in run2):
        return None
    if not head[1].line_start and len(head) != k + len(run1):
        return None  # more cells on the header line than the two sides
    sides_cols = [_settle(run1), _settle([c for c in run2 if c is not None])]
    if [(c.stage, c.year, c.period_word) for c in sides_cols[0]] != [(c.stage, c.year, c.period_word) for c in sides_cols[1]]:
        return None
    label = (Col("label", head[0].text), Col("label", head[j].text))
    return [[label[0], *sides_cols[0]], [label[1], *sides_cols[1]]], i + k + len(run1)


def _settle(run: list[Col]) -> list[Col]:
    """Stages that depend on the header's other columns: a bare 预算数 beside an adjusted budget
    is the initial one; two columns of one stage and period (执行数 and 决算数, both executed)
    cannot be told apart, so neither is read."""
    out = list(run)
    if any(c.stage == "adjusted" and c.beside_adjusted is None for c in out):
        out = [replace(c, stage=c.beside_adjusted, by_kind=()) if c.beside_adjusted else c for c in out]
    keys = [(c.stage, c.year, c.period_word) for c in out]
    return [replace(c, stage=None, by_kind=()) if c.stage and keys.count(k) > 1 else c for c, k in zip(out, keys, strict=True)]


def _read_sides(cells: list[SCell], i: int, two: tuple[list[list[Col]], int], out: list[TTable]) -> int:
    """Each side's rows, read as its own table (a total sums its own side only): printed one
    cell per line the rows alternate sides, on lines each line holds a row of both sides.
    Reading stops at the first row that breaks the pattern (its figures are stray)."""
    side_cols, j = two
    width = len(side_cols[0]) - 1
    if not cells[i + 1].line_start:
        sides, stray, end, whole = _side_lines(cells, j, width, len(side_cols))
    else:
        sides, stray, end, whole = _side_cells(cells, j, side_cols[0])
    unit = _unit(cells, i - 6, j)
    for cols, side_rows in zip(side_cols, sides, strict=True):
        best = _choose(side_rows, cols, prefix=re.sub(r"\s+", "", cols[0].header))
        if best is None:
            continue
        for r in side_rows if not whole else ():
            if r.code is None and r.cells:
                # rows not all read: which rows a total counts is not known, so none is summed
                r.reason = "the table is not read to its end: a row no template names is no known part"
        tbl = TTable(best, cols, unit, side_rows, stray)
        stray = []
        _place(tbl)
        out.append(tbl)
    return end


def _side_cells(cells: list[SCell], j: int, cols: list[Col]) -> tuple[list[list[TRow]], list[SCell], int, bool]:
    """One cell per line: rows alternate sides."""
    width = len(cols) - 1
    rows, stray, end = _rows(cells, j, cols)
    sides: list[list[TRow]] = [[], []]
    whole = not any(r.cut for r in rows)  # the table ends before the text does
    for n, r in enumerate(rows):
        fits = len(r.cells) == width or (r.cut and 0 < len(r.cells) < width)
        if not fits or n > 0 and r.level is None and rows[n - 1].cells == []:
            stray.extend(c for x in rows[n:] for c in x.cells if _num(c) is not None)
            whole = False
            break
        sides[n % 2].append(r)
    return sides, stray, end, whole


def _side_lines(cells: list[SCell], k: int, width: int, n_sides: int) -> tuple[list[list[TRow]], list[SCell], int, bool]:
    """A row per line: a label and its values, then the other side's label and values (a side
    with no row on this line leaves its cells empty)."""
    sides: list[list[TRow]] = [[] for _ in range(n_sides)]
    n = 1
    size = n_sides * (width + 1)
    while k < len(cells):
        e = _line_at(cells, k)
        line = list(cells[k:e])
        while len(line) > size and line[-1].empty:
            line.pop()
        halves = [line[s * (width + 1) : (s + 1) * (width + 1)] for s in range(n_sides)]
        if len(line) != size or any(_is_value(h[0]) and not h[0].empty or not all(map(_is_value, h[1:]))
                                             for h in halves):
            # the table has ended (text), or a line of figures does not fit: not read whole
            return sides, [c for c in line if _num(c) is not None], k, not any(_num(c) is not None for c in line)
        n += 1
        for side, h in zip(sides, halves, strict=True):
            if h[0].empty:
                if any(not c.empty for c in h[1:]):
                    return sides, [c for c in line if _num(c) is not None], k, False
                continue
            _, lab = _split_label([h[0]])
            if lab is not None:
                side.append(TRow(lab[1], lab[0], h[1:], lab[2], index=n))
        k = e
    return sides, [], k, False


def _rows(cells: list[SCell], k: int, cols: list[Col]) -> tuple[list[TRow], list[SCell], int]:
    """The rows after a header; where they end."""
    # rows on lines of their own; a table printed inside a line (its first row does not begin
    # one) is read a label and its values at a time
    line_mode = any(not c.line_start for c in cells[k : k + 8]) and (k >= len(cells) or cells[k].line_start)
    rows: list[TRow] = []
    stray: list[SCell] = []
    idle = 0
    n = 1
    width = sum(1 for c in cols if c.measure != "label")
    texts = sum(1 for c in cols if c.measure == "text")
    last: TRow | None = None  # the row the previous printed line began
    while k < len(cells) and idle < 2:
        if cells[k].empty:
            k += 1
            continue
        if _header(cells, k) is not None:
            break
        printed_cells = False  # the line printed cells, even empty ones ('契税 | |||||'): a row
        if line_mode:
            e = k + 1
            while e < len(cells) and not cells[e].line_start:
                e += 1
            line = cells[k:e]
            printed_cells = len(line) > 1
            if last is not None and rows and rows[-1] is last and _runs_on(last, line, width):
                # the row goes on on this line (rows split over lines: '濮阳市 | 73795 | 234267 |'
                # then '| -10.9 | 70.9 | …'); bars meeting across the break close an empty cell
                gap = [SCell("", line[0].ref, False, line[0].cell)] if line[0].bar_before else []
                last.cells.extend([*gap, *line])
                last.cut = e >= len(cells)
                k = e
                continue
            got = _line_row(line)
            k = e
            last = None
        else:
            got, nxt = _cell_row(cells, k)
            if got is None and texts and rows and rows[-1].cells and (skip := _row_texts(cells, k, texts)):
                k += skip  # the row's own text cells (会计凭证号, 备注) printed after its figures
                continue
            k = nxt
        if got is None:
            idle += 1
            continue
        heads, row, extra = got
        for h in heads:
            n += 1
            rows.append(TRow(h[1], h[0], [], h[2], index=n))
        if row is None:
            stray.extend(extra)
            # a row printing only empty cells is a row of the table, not a line of text after it
            idle += 1 if not extra and not printed_cells else 0
            continue
        idle = 0
        n += 1
        row.index = n
        row.cut = k >= len(cells)
        rows.append(row)
        last = row if line_mode else None
    return rows, stray, k


def _row_texts(cells: list[SCell], k: int, texts: int) -> int:
    """One cell per line, a row's text cells after its figures (a voucher number, a remark; one
    printed over two lines at most per text column): how many cells from k are text when a row
    with figures starts right after them, else 0."""
    for n in range(1, 2 * texts + 1):
        if k + n >= len(cells) or cells[k + n - 1].empty or _is_value(cells[k + n - 1]):
            return 0
        got, _ = _cell_row(cells, k + n)
        if got is not None and got[1] is not None:
            return n
    return 0


def _runs_on(row: TRow, line: list[SCell], width: int) -> bool:
    """A line of figures only, after a row short of the header's value columns."""
    return (bool(line) and len(row.cells) < width and any(not c.empty for c in line)
            and all(_is_value(c) and not is_ordinal_only(c.text) for c in line))


def _split_label(texts: list[SCell]) -> tuple[list[tuple[int | None, str, SCell]], tuple[int | None, str, SCell] | None]:
    """Leading text cells of a line → section headings (rows without values) and the row's
    label; a numbering printed in a cell of its own joins the next cell."""
    units: list[tuple[str, SCell]] = []
    pending = ""
    # A cell may hold a flattened heading and label ('一、收入支出情况对比 (一) 收入总计'): it is
    # cut where a numbering starts; other spaces stay inside the label.
    for c in texts:
        for tok in c.text.split():
            if is_ordinal_only(tok) or prefix_only(tok):
                pending += tok
                continue
            if pending or not units or units[-1][1] is not c or ordinal_level(tok)[0] is not None:
                units.append((pending + tok, c))
            else:
                units[-1] = (units[-1][0] + tok, c)
            pending = ""
    if not units:
        return [], None
    heads = [(*ordinal_level(t), c) for t, c in units[:-1]]
    lvl, lab = ordinal_level(units[-1][0])
    return heads, (lvl, lab, units[-1][1])


def _line_row(line: list[SCell]) -> tuple[list, TRow | None, list[SCell]] | None:
    lead: list[SCell] = []
    m = 0
    while m < len(line) and not (_is_value(line[m]) and not is_ordinal_only(line[m].text)):
        lead.append(line[m])
        m += 1
    rest = line[m:]
    figures = [c for c in rest if _num(c) is not None]
    if not lead:
        return ([], None, figures) if figures else None
    heads, lab = _split_label(lead)
    if lab is None:
        return None
    if not any(not c.empty for c in rest) and not figures:
        # a line of text only: a section heading, or the table is over
        if len(line) == 1 and len(lab[1]) > 30:
            return None
        return [*heads, lab], None, []
    return heads, TRow(lab[1], lab[0], rest, lab[2]), []


def _cell_row(cells: list[SCell], k: int) -> tuple[tuple[list, TRow | None, list[SCell]] | None, int]:
    c = cells[k]
    if _is_value(c) and not is_ordinal_only(c.text):
        e = k
        while e < len(cells) and _is_value(cells[e]) and not is_ordinal_only(cells[e].text):
            e += 1
        return ([], None, [x for x in cells[k:e] if _num(x) is not None]), e
    lead = [c]
    e = k + 1
    while e < len(cells) and is_ordinal_only(lead[-1].text) and not _is_value(cells[e]):
        lead.append(cells[e])
        e += 1
    s = e
    while e < len(cells) and _is_value(cells[e]) and not is_ordinal_only(cells[e].text):
        e += 1
    if e == s:
        return None, e  # text after text: not a row of this table
    heads, lab = _split_label(lead)
    if lab is None:
        return None, e
    return (heads, TRow(lab[1], lab[0], cells[s:e], lab[2]), []), e


def _choose(rows: list[TRow], cols: list[Col], prefix: str = "") -> TableTemplate | None:
    """The template naming most of the rows (ties: priority); lists need a total closing them.
    A table whose label column names units or areas takes the unit-rows template: its rows are
    no line items."""
    if cols and cols[0].units:
        t = next((t for t in table_templates() if t.unit_rows), None)
        if t is None or not any(r.cells for r in rows):
            return None
        for r in rows:
            r.code = LISTED if r.cells else None
        return t
    def code(t: TableTemplate, r: TRow) -> str | None:
        # a two-sided table's rows are named with their side (总计 under 收入: 收入总计)
        named = row_code(t, r.label) or (row_code(t, prefix + r.label) if prefix else None)
        if named is None and t.class_rows and r.level == 1:
            # only a class numbered as the 收支总表 numbers them (二十五、其他支出): a hospital's 其他支出,
            # unnumbered or under 5., is no class 229
            named = functional_class_by_name(r.label)
        return named

    best: tuple[int, int, TableTemplate] | None = None
    for t in table_templates():
        if t.unit_rows:
            continue
        own = [r for r in rows if r.cells and code(t, r) is not None]
        named = [r for r in own if code(t, r) not in t.totals]
        score = len(named)
        if t.any_label:
            # a list needs its total, unless two of its rows or more are named (an excerpt cut
            # before 本年收入合计): then only the named rows are read
            if not any(code(t, r) in t.totals for r in own) and len(named) < 2:
                continue
            score = max(score, 1)
        if score < max(t.min_rows, 1):
            continue
        if best is None or (score, -t.priority) > best[:2]:
            best = (score, -t.priority, t)
    if best is None:
        return None
    t = best[2]
    for r in rows:
        r.code = code(t, r)
    return t


def _place(tbl: TTable) -> None:
    """Values → columns by position, when their count fits."""
    data = [n for n, c in enumerate(tbl.cols) if c.measure != "label"]
    text_cols = [n for n in data if tbl.cols[n].measure == "text"]
    for r in tbl.rows:
        if not r.cells:
            continue
        cells = list(r.cells)
        while len(cells) > len(data) and cells[-1].empty:
            cells.pop()  # runs of empty cells padding a `|` row
        if len(cells) == len(data):
            slots = data
        elif text_cols and len(cells) == len(data) - len(text_cols) and text_cols == data[-len(text_cols):]:
            slots = data[: len(cells)]  # the reason column left out where it is empty
        elif r.cut and len(cells) < len(data) and r.code is None:
            r.reason = "the text ends inside this row"  # an unnamed part of a list cut short: no sum holds
            continue
        elif r.cut and len(cells) < len(data):
            slots = data[: len(cells)]  # the text ends inside the row: its first cells are printed
        else:
            r.reason = f"{len([c for c in cells if not c.empty])} values for {len(data)} columns"
            continue
        placed: dict[int, tuple[Number, SCell]] = {}
        for n, c in zip(slots, cells, strict=True):
            col = tbl.cols[n]
            num = _num(c)
            if col.measure == "text":
                if num is not None:
                    r.reason = f"figure '{c.text}' under the text column {col.header}"
                    break
                continue
            if num is None:
                if not (c.empty or is_blank(c.text)):
                    r.reason = f"'{c.text[:20]}' under a figure column"
                    break
                continue
            pct = num.unit == "%" or (col.pct and num.unit is None)
            if col.measure != "other" and pct != (col.measure in ("change_pct", "rate")):
                r.reason = f"'{c.text}' does not fit column {col.header}"
                break
            placed[n] = (num, c)
        else:
            r.values = placed


def _per_figure(tbl: TTable) -> list[TRow]:
    """A unit-rows table: each placed figure a row of its own, named by its row, its column
    group and its column ('华龙区 一般公共预算收入 累计'), so that figures of one unit in several
    columns stay apart. Rows whose values were not placed stay whole, with their reason."""
    out: list[TRow] = []
    for r in tbl.rows:
        if r.reason or not r.values:
            out.append(r)
            continue
        for n, v in r.values.items():
            col = tbl.cols[n]
            name = " ".join(x for x in (re.sub(r"\s+", "", r.label), col.group_name, header_key(col.header)) if x)
            out.append(TRow(name, None, [v[1]], r.label_cell, LISTED, {n: v}, index=r.index, cut=r.cut))
    return out


def parts_of(rows: list[TRow], total: int) -> list[TRow] | None:
    """The rows a total row counts: the next deeper numbered rows below it, else the rows of
    one level above it (back to the header or the previous total)."""
    t = rows[total]
    below: list[TRow] = []
    for r in rows[total + 1 :]:
        # numbered rows with figures, deeper than the total; a heading ends them, and so does an
        # unnumbered row unless a numbered row follows it (一、本级收入 | 税收 | 非税 | 二、转移性
        # 收入: the unnumbered rows between two numbered ones are the first one's own lines)
        if r.level is None and r.cells and below:
            continue
        if r.level is None or not r.cells or (t.level is not None and r.level <= t.level):
            break
        below.append(r)
    if below:
        top = min(r.level for r in below if r.level is not None)
        return [r for r in below if r.level == top]
    above = []
    for r in reversed(rows[:total]):
        if r.code is not None and r.code == t.code:
            break
        above.append(r)
    above.reverse()
    above = [r for r in above if r.cells or r.values]
    if not above:
        return None
    levels = {r.level for r in above}
    if len(levels) != 1:
        return None  # numbered and unnumbered rows mixed: which ones the total counts is not printed
    return above


def has_prefix(text: str) -> bool:
    """A label printed after 其中 (其中:办公经费)."""
    s = to_halfwidth(text).strip()
    return any(p.match(s) for p in _columns_file()[1].prefixes)


def of_which_rows(tbl: TTable) -> set[int]:
    """Rows of `tbl` in a 其中 group (see TableTemplate.of_which_listed): an unnamed row printed
    with 其中 right under a named row with figures, and the unnamed, unnumbered rows with figures
    after it; a named or numbered row, or a row without figures, ends the group."""
    out: set[int] = set()
    if not tbl.template.of_which_listed:
        return out
    open_ = False
    for i, r in enumerate(tbl.rows):
        unnamed = r.code is None and bool(r.cells) and not r.reason
        if unnamed and has_prefix(r.label_cell.text) and i > 0 and (
                tbl.rows[i - 1].code is not None and tbl.rows[i - 1].values):
            open_ = True
        elif not (open_ and unnamed and r.level is None and not has_prefix(r.label_cell.text)):
            open_ = False
        if open_:
            out.add(i)
    return out


def zero_row(r: TRow) -> bool:
    """A row whose printed figures are all zero adds nothing to any column."""
    nums = [_num(c) for c in r.cells]
    return all(n is None or n.value == 0 for n in nums)


def half(n: Number) -> Decimal:
    return Decimal(5) * Decimal(10) ** (-(n.decimals + 1))
