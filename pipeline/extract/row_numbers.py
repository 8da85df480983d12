"""Balance tables that print each row's number in a column of its own (the 收入支出决算总表 of the
national 部门决算 templates: 项目 | 行次 | 金额 | 项目 | 行次 | 金额, the income side left, the
spending side right).

Web pages drop the empty cells of such a table, so a row's cells shift ('二、上级补助收入 | 2 | 二、外交
支出 | 29 |': no amount on either side; '9 | 九、卫生健康支出 | 36 | 36341.62 |': no income row). The
row numbers say where each side's cells are: the left side numbers its rows 1, 2, 3 … and the
right side from its own first number on, one more each line. Each printed line is read as
[label] number [amount] [label] number [amount], the numbers checked against those sequences,
and the table rebuilt as the two-sided grid the disclosure engine reads (收入 | 金额 | 支出 | 金额),
every cell kept with its printed position. A line that does not read so ends the rebuilt table;
what follows stays as printed.

Printed one cell per line (or apart by blank lines), the same table has no lines at all:
`stream_rows` cuts its cells into the printed rows by the same two sequences, for the text
reader to build the grid `regrid` then reads.
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.extract.templates.columns import side_words
from pipeline.extract.templates.defs import header_key
from pipeline.lexicon import pattern
from pipeline.model import Cell, Table
from pipeline.normalize.money import money_unit_names
from pipeline.normalize.numbers import chinese_numeral, is_blank, parse_number
from pipeline.normalize.script import to_simplified

_HEADER = pattern("layout", "row_numbers.header")
_COLUMN_NUMBERS = pattern("layout", "row_numbers.column_numbers")
_AMOUNT = pattern("layout", "row_numbers.amount")
_MONEY = frozenset(money_unit_names())
_MAX_ROW = 300  # the largest row number read when no sequence says which one to expect


def _printed(row: list[Cell]) -> list[Cell]:
    """The cells a row prints (a dash is an empty cell)."""
    return [c for c in row if c.text.strip() and not is_blank(c.text.strip()) and not c.merged_copy]


def _is_int(c: Cell, n: int | None = None) -> bool:
    t = c.text.strip()
    return t.isdigit() and (int(t) == n if n is not None else 0 < int(t) <= _MAX_ROW)


def _is_amount(c: Cell) -> bool:
    num = parse_number(c.text.strip())
    return num is not None and (num.unit is None or num.unit in _MONEY)


def _is_label(c: Cell) -> bool:
    return parse_number(c.text.strip()) is None


def _side(cells: list[Cell], k: int, n: int | None, nxt: int | None) -> tuple[Cell | None, int, Cell | None, int] | None:
    """One side from k: [label] number [amount]. `n` is the row number expected (None: any);
    `nxt` the other side's expected number (an amount printed as that number is not read).
    Returns (label, number, amount, end)."""
    label = None
    if k < len(cells) and _is_label(cells[k]):
        label, k = cells[k], k + 1
    if k >= len(cells) or not _is_int(cells[k], n):
        return None
    num, k = int(cells[k].text.strip()), k + 1
    amount = None
    if k < len(cells) and _is_amount(cells[k]):
        after = cells[k + 1] if k + 1 < len(cells) else None
        if nxt is not None and _is_int(cells[k], nxt) and (after is None or _is_amount(after)):
            return label, num, None, k  # the other side's number, its amount after it
        amount, k = cells[k], k + 1
    return label, num, amount, k


_ORDINAL_MARK = "\u3001"  # 、
_ORDINAL_MIN = 3  # rows of a side that must print their numeral before the rule applies


def _glued_ordinal(text: str, position: int) -> int:
    """Length of the numeral opening `text` when it is `position` with no mark after it, else 0."""
    for n in (1, 2, 3):  # the shortest: 一一般… is 一 and 一般…, 十一节能… is 十一
        head, rest = text[:n], text[n:]
        if rest and rest[0] not in (_ORDINAL_MARK, ".", "\uff0e") and not rest[0].isdigit() \
                and chinese_numeral(head) == position:
            return n
    return 0


def _restore_ordinals(rows: list[list[Cell]], numbers: list[int], col: int) -> None:
    """A side whose labels print their ordinal with its mark lost (OCR: '一一般公共预算财政拨款收入 1',
    '五教育支出 36'): the row whose label opens with the numeral of its place on the side (row
    number less the side's first, plus one) gets its mark back, so the label reads as numbered.
    Only when several rows of the side do so: one label opening with 一 (一般…) is a word."""
    first = numbers[0] if numbers else 0
    glued = [(i, n) for i, r in enumerate(rows)
             if (n := _glued_ordinal(r[col].text.strip(), numbers[i] - first + 1))]
    if len(glued) < _ORDINAL_MIN:
        return
    for i, n in glued:
        c = rows[i][col]
        text = c.text.strip()
        rows[i][col] = replace(c, text=text[:n] + _ORDINAL_MARK + text[n:])


def regrid(t: Table) -> list[Table] | None:
    """The table rebuilt without its row-number columns (and the rows after where the rebuilt
    table ends, as printed), or None when it is no such table."""
    rows = [_printed(r) for r in t.rows]
    h = next((i for i, r in enumerate(rows) if sum(1 for c in r if _HEADER.match(header_key(c.text))) == 2), None)
    if h is None or h == 0:
        return None
    if t.page is not None and len({len(r) for r in t.rows[h:]}) == 1 and len(t.rows[h]) >= 6:
        # a whole grid on a page (a PDF's, every empty cell kept): its columns are as printed, the
        # two-sided reader's (rebuilt, its 总计 was summed over both 合计 and classes: 西安卫健委 p.146)
        return None
    sides = [c for c in rows[h - 1]]
    amounts = [c for c in rows[h] if _AMOUNT.match(header_key(c.text))]
    if len(sides) != 2 or any(header_key(c.text) not in side_words() for c in sides) or len(amounts) != 2:
        return None
    out: list[list[Cell]] = [[sides[0], amounts[0], sides[1], amounts[1]]]
    numbers: list[tuple[int, int]] = []  # each rebuilt row's two row numbers
    left: int | None = None
    right: int | None = None
    k = h + 1
    while k < len(rows) and rows[k] and _COLUMN_NUMBERS.match(header_key(rows[k][0].text)):
        k += 1
    end = k
    for r in rows[k:]:
        if not r:
            end += 1
            continue
        a = _side(r, 0, left, right)
        b = _side(r, a[3], right, None) if a is not None else None
        if a is None or b is None or b[3] != len(r):
            break
        line = t.rows[end][0].row if t.rows[end] else 0
        out.append([a[0] or Cell("", line, 0), a[2] or Cell("", line, 0), b[0] or Cell("", line, 0),
                    b[2] or Cell("", line, 0)])
        numbers.append((a[1], b[1]))
        left, right = a[1] + 1, b[1] + 1
        end += 1
    if len(out) < 3:
        return None
    for side in (0, 1):
        _restore_ordinals(out[1:], [n[side] for n in numbers], 2 * side)
    rebuilt = Table(index=t.index, rows=out, page=t.page, nested_in=t.nested_in, caption=t.caption)
    # rows printed before the side line (the table's title, 金额单位:元) and after the rebuilt rows
    # stay as printed, in their own grids around it
    before, rest = t.rows[: h - 1], t.rows[end:]
    return [Table(index=t.index, rows=x, page=t.page, caption=t.caption) for x in (before,) if x] + [rebuilt] \
        + ([Table(index=t.index, rows=rest, page=t.page, caption=t.caption)] if rest else [])


def _key(text: str) -> str:
    return header_key(to_simplified(text))


def _numbered(amount: Cell | None, n: int | None) -> bool:
    """An amount read after a side's number that is the number the other side prints next
    (…六、科学技术支出 | 33 | 7 | 七、…; 22 | 49 | 本年收入合计): with no line to end the row, the
    number in sequence wins and the side has no amount."""
    return amount is not None and n is not None and _is_int(amount, n) and "." not in amount.text


def stream_rows(texts: list[str]) -> tuple[list[list[str]], int] | None:
    """The cells of such a table printed one per line, from its side line (收入 / 支出), cut into
    its rows: the side line, the header (项目 / 行次 / 金额 twice), the column numbers when printed
    (栏次 / 1 / 栏次 / 2), then one row per line read as [label] number [amount] [label] number
    [amount] with each side's numbers in sequence ("" where the page printed nothing). Returns
    the rows and how many cells they took, or None when the cells are no such table."""
    if len(texts) < 12 or {_key(t) for t in texts[:2]} != set(side_words()) or len(set(texts[:2])) != 2:
        return None
    head = texts[2:8]
    if sum(1 for t in head if _HEADER.match(_key(t))) != 2 or sum(1 for t in head if _AMOUNT.match(_key(t))) != 2:
        return None
    rows: list[list[str]] = [texts[:2], head]
    k = 8
    numbers: list[str] = []
    while k < len(texts) and _COLUMN_NUMBERS.match(_key(texts[k])):
        numbers.append(texts[k])
        k += 1
        while k < len(texts) and texts[k].isdigit() and int(texts[k]) <= 8:
            numbers.append(texts[k])
            k += 1
    if numbers:
        rows.append(numbers)
    cells = [Cell(t, 0, i) for i, t in enumerate(texts)]
    left: int | None = None
    right: int | None = None
    while k < len(cells):
        a = _side(cells, k, left, right)
        if a is not None and _numbered(a[2], right):
            a = (a[0], a[1], None, a[3] - 1)
        b = _side(cells, a[3], right, None) if a is not None else None
        if a is None or b is None:
            break
        lab_b, num_b, amt_b, end = b
        if _numbered(amt_b, a[1] + 1):
            amt_b, end = None, end - 1
        rows.append([(a[0].text if a[0] else ""), str(a[1]), (a[2].text if a[2] else ""),
                     (lab_b.text if lab_b else ""), str(num_b), (amt_b.text if amt_b else "")])
        left, right, k = a[1] + 1, num_b + 1, end
    return (rows, k) if len(rows) - 2 - bool(numbers) >= 3 else None
