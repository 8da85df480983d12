"""Plain-text reports → Document.

Shapes seen in real text exports:
- DOCX exports: each cell is a line starting with a tab, rows are separated by one blank
  line, the table ends at two blank lines; a cell's text may continue on following lines
  (even after a single blank line); `[bookmark: …]` and `[image: …]` markers appear.
- tab-separated rows: one row per line, cells separated by tabs;
- '|' tables (Markdown-like), separator rows of dashes dropped;
- tables flattened into lines of a label followed by numbers separated by spaces;
- whole self-evaluation tables flattened into one line of words (see flat_table);
- HTML <table>s inside text (Markdown exports of PDFs).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from itertools import takewhile

from pipeline.extract.row_numbers import stream_rows
from pipeline.extract.templates.columns import side_words
from pipeline.extract.vocabulary import stage_of
from pipeline.lexicon import pattern, words
from pipeline.model import Cell, Document, Paragraph, Table
from pipeline.normalize.numbers import parse_number
from pipeline.normalize.text import fold_figures
from pipeline.readers.flat_table import gather_rows, is_cell_figure, unflatten
from pipeline.readers.html_table import TABLE, parse_html_table

_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
_IMAGE = re.compile(r"^\s*\[image:[^\]]*\]\s*$")
_PIPE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_NUM_TOKEN = re.compile(r"^[-−－]?[\d,，.．]+%?$|^[—\-/]$")


def decode(data: bytes) -> str:
    """Decode text bytes: BOMs first, then UTF-8, then GB18030 (a superset of GBK)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # UTF-16 without BOM: many NUL bytes in alternating positions.
    if data[:200].count(b"\x00") > 40:
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                continue
    return data.decode("gb18030", errors="replace")


# Line breaks a document site printed as text ("预算资金/r/n20117.74475/r/n万元", "\\r\\n"): a page
# holding several is cut where they stand, as its source file was.
_LITERAL_BREAK = re.compile(r"/r/n|\\r\\n|\\n(?![a-z])")
_LITERAL_BREAKS_MIN = 3


def _literal_breaks(text: str) -> str:
    return _LITERAL_BREAK.sub("\n", text) if len(_LITERAL_BREAK.findall(text)) >= _LITERAL_BREAKS_MIN else text


def _clean(line: str) -> str:
    return _BOOKMARK.sub("", line).replace("\r", "")


def _texts(row: list[Cell]) -> list[str]:
    return [c.text.strip() for c in row]


class _Builder:
    def __init__(self) -> None:
        self.doc = Document(file_format="txt")
        self.n_para = 0
        self.n_table = 0
        self.last_para = ""

    def para(self, text: str) -> None:
        text = text.strip()
        if not text:
            return
        self.n_para += 1
        self.doc.blocks.append(Paragraph(index=self.n_para, text=text))
        self.last_para = text

    def table_cells(self, rows: list[list[Cell]]) -> None:
        if not rows:
            return
        last = self.doc.blocks[-1] if self.doc.blocks else None
        if isinstance(last, Table) and len(rows) > 1 and last.rows and _texts(last.rows[0]) == _texts(rows[0]):
            # The next page's part of the same table, its header repeated: one table.
            off = len(last.rows) - 1
            for r in rows[1:]:
                last.rows.append([replace(c, row=c.row + off) for c in r])
            return
        self.n_table += 1
        self.doc.blocks.append(Table(index=self.n_table, rows=rows, caption=self.last_para))

    def table(self, rows: list[list[str]]) -> None:
        rows = [r for r in rows if r]
        if not rows:
            return
        self.n_table += 1
        t = Table(index=self.n_table, caption=self.last_para)
        for i, r in enumerate(rows, start=1):
            t.rows.append([Cell(text=c.strip(), row=i, col=j) for j, c in enumerate(r, start=1)])
        self.doc.blocks.append(t)


def _tab_block(lines: list[str], i: int) -> tuple[list[list[str]], int]:
    """Parse a DOCX-export table starting at line i (a line starting with a tab)."""
    rows: list[list[str]] = []
    row: list[str] = []
    n = len(lines)
    while i < n:
        line = lines[i]
        if line.startswith("\t"):
            row.append(line[1:])
            i += 1
            continue
        if line == "":
            # Count blank lines; two or more end the table. A line holding only an
            # ideographic space is an (empty-looking) cell continuation, not a blank.
            j = i
            while j < n and lines[j] == "":
                j += 1
            blanks = j - i
            if row:
                rows.append(row)
                row = []
            if j >= n or blanks >= 2:
                return rows, j
            if lines[j].startswith("\t"):
                i = j
                continue
            # A single blank then text: a cell continuing after an empty line, when the
            # table resumes right after it; otherwise the table has ended.
            k = j
            while k < n and lines[k] != "" and not lines[k].startswith("\t"):
                k += 1
            m = k
            while m < n and lines[m] == "":
                m += 1
            if k - j <= 2 and m - k <= 1 and m < n and lines[m].startswith("\t") and rows:
                rows[-1][-1] += "\n" + "\n".join(lines[j:k])
                # No blank before the next cell, or the row is still short of the
                # table's width: the row's cells go on.
                if m == k or len(rows[-1]) < max(len(r) for r in rows):
                    row = rows.pop()
                i = m
                continue
            return rows, j
        # Text right after a cell line: the cell continues.
        if row:
            row[-1] += "\n" + line
        elif rows:
            rows[-1][-1] += "\n" + line
        i += 1
    if row:
        rows.append(row)
    return rows, i


def _is_pipe_row(line: str) -> bool:
    s = line.strip()
    return s.startswith("|") and s.count("|") >= 3


def _trailing_bar_rows(lines: list[str], i: int) -> int:
    """Lines 'a | b | c |' from i (a bar after each cell, none before the first, web pages'
    table exports), each perhaps padded with a run of empty cells ('a | b | c | ||||'): how many
    form a grid. Only a run of at least three such lines with the same number of cells before
    the padding and no empty cell among them is one; a run of uneven lines (rows cut over lines,
    merged cells) stays lines, for the template engine's cell stream."""
    def width(line: str) -> int:
        s = line.strip()
        if s.startswith("|") or not s.endswith("|"):
            return 0
        cells = _unpadded(s)
        return len(cells) if len(cells) >= 3 and all(cells) else 0

    k = width(lines[i])
    j = i
    while k and j < len(lines) and width(lines[j]) == k:
        j += 1
    return j - i if j - i >= 3 else 0


_ROW_NUMBER_HEAD = pattern("layout", "row_numbers.header")


def _row_number_rows(lines: list[str], i: int) -> int:
    """A balance table printing row numbers (收入 | 支出 then 项目 | 行次 | 金额 | 项目 | 行次 | 金额) as
    `|` rows whose empty cells the page dropped, so its rows differ in width: one grid from its
    side line to its last `|` line (pipeline/extract/row_numbers.py reads it by its numbers)."""
    if i + 1 >= len(lines) or "|" not in lines[i] or len([c for c in _unpadded(lines[i]) if c]) != 2:
        return 0
    if sum(1 for c in _split_pipe(lines[i + 1]) if _ROW_NUMBER_HEAD.match(c.replace(" ", ""))) != 2:
        return 0
    j = i + 2
    while j < len(lines) and "|" in lines[j]:
        j += 1
    return j - i if j - i >= 4 else 0


_FIRST_NUMBER_HEAD = pattern("layout", "row_numbers.first_column")
_COLUMN_NUMBERS = pattern("layout", "row_numbers.column_numbers")


def _barred_cell(line: str) -> str | None:
    """A line printing one cell and the bar after it ('675.82 |', '支出 | ||' padded with empty
    cells), or a lone bar (an empty cell): the cell's text; None for any other line."""
    s = line.strip()
    if s == "|":
        return ""
    if not s.endswith("|") or s.startswith("|"):
        return None
    cells = _unpadded(s)
    return cells[0] if len(cells) == 1 else None


def _barred_numbered_cells(lines: list[str], i: int) -> tuple[list[list[str]], int] | None:
    """A table printed one cell per line, a bar after every cell and a lone bar for an empty one,
    whose first column numbers its rows (序号 | 收入 项目 | 预算数 | 支出 项目 | 预算数, then 栏次 | 1 | 2 |
    3 | 4): every cell is printed, so each row is the row number and as many cells as the 栏次
    line numbers columns. The rows are cut by their numbers (1, 2, 3 … each where expected; the
    table ends where one is not) and rebuilt as a grid without the number column: the header
    cells before 栏次, the last of them one per column, those before spread evenly over the
    columns (the sides 收入 | 支出 over 项目 | 预算数 each). Returns the rows and the next line."""
    if _barred_cell(lines[i]) is None or not _FIRST_NUMBER_HEAD.match(_barred_cell(lines[i]).replace(" ", "")):
        return None
    cells: list[str] = []
    j = i + 1
    while j < len(lines) and (c := _barred_cell(lines[j])) is not None:
        cells.append(c)
        j += 1
    head_end = next((k for k, c in enumerate(cells[:30]) if _COLUMN_NUMBERS.match(c.replace(" ", ""))), None)
    if head_end is None:
        return None
    k = 0
    while head_end + 1 + k < len(cells) and cells[head_end + 1 + k] == str(k + 1):
        k += 1
    head = [c for c in cells[:head_end] if c]
    if k < 2 or len(head) < k:
        return None
    width = k + 1
    last = lines[j].strip() if j < len(lines) else ""
    pos, n, body, tail = head_end + 1 + k, 1, [], 0
    while pos < len(cells):
        row = cells[pos : pos + width]
        if len(row) == width - 1 and "|" not in last and parse_number(last) is not None:
            row, tail = [*row, last], 1  # the last cell, printed without its bar where the text ends
        if len(row) != width or row[0] != str(n):
            break
        body.append(row[1:])
        pos += width
        n += 1
    if len(body) < 3:
        return None
    rows = []
    groups = head[:-k]
    if groups and k % len(groups) == 0:
        rows.append([x for g in groups for x in [g] + [""] * (k // len(groups) - 1)])
    rows.append(head[-k:])
    return rows + body, i + 1 + min(pos, len(cells)) + tail


_PERIOD_MIN_ROWS = 3  # rows of a barred one-cell-per-line table cut by its width alone
_PERIOD_MAX_WIDTH = 40


def _row_label(cell: str) -> bool:
    """A cell that can open a row: words (a Han character), neither a figure (150万 included) nor a
    dash standing for none."""
    return bool(_HAN.search(cell)) and not is_cell_figure(cell) and not _CELL_NUM.match(cell)


def _padded(row: list[str]) -> bool:
    """A row padded to the table's width: it ends in two empty cells at least (the merged cells of
    a wider row; one empty cell may be a value left blank) and has none before its last printed one."""
    return row[-2:] == ["", ""] and "" not in row[: max(k for k, c in enumerate(row) if c) + 1]


def _periodic_barred_cells(lines: list[str], i: int) -> tuple[list[list[str]], int] | None:
    """A table printed one cell per line, a bar after every cell and a lone bar for each empty
    one, whose merged cells print as empty cells ('项目负责人 |', '李淼荣 |', '联系电话 |', '64810996 |',
    then seven lone bars): every row prints as many cells, so the rows are the run cut at the
    smallest width for which every row opens with a label (a cell neither empty nor a figure;
    '150万' cut at two cells a row would open rows with figures) and is padded (it ends in two
    empty cells or more and has none before its last printed one), at least three rows and one of
    them printing two cells or more; the last row may stop short where the text does. The padding
    is what tells the width: a two-sided table (项目 | 行次 | 决算数 | 项目 | 行次 | 决算数) cut at half
    a row gives rows as regular, but full ones, and rows alternately full and ending in one empty
    reason cell, cut two at a time, end in one empty cell only. Runs without an empty cell are left
    to the layouts that read them by their header; no such width: None."""
    if not _row_label(_barred_cell(lines[i]) or "") or i > 0 and _barred_cell(lines[i - 1]) is not None:
        return None  # cut from the run's first cell only: a later start may cut two rows as one
    cells: list[str] = []
    j = i
    while j < len(lines) and (c := _barred_cell(lines[j])) is not None:
        cells.append(c)
        j += 1
    if "" not in cells:
        return None
    for w in range(2, min(len(cells) // _PERIOD_MIN_ROWS, _PERIOD_MAX_WIDTH) + 1):
        rows = [cells[k : k + w] for k in range(0, len(cells), w)]
        if all(_row_label(r[0]) and _padded(r) for r in rows[:-1]) and _row_label(rows[-1][0]) \
                and any(sum(1 for c in r if c) >= 2 for r in rows):
            return [r + [""] * (w - len(r)) for r in rows], j
    return None


def _row_number_cells(lines: list[str], i: int) -> tuple[list[list[str]], int] | None:
    """The same balance table printed one cell per line, with its empty cells as runs of blank
    lines, or each row flattened onto a line of its own (cells apart by spaces): its cells cut
    into the printed rows by their row numbers (row_numbers.stream_rows)."""
    if not lines[i].strip() or "|" in lines[i].strip().rstrip("|"):
        return None
    for split in (False, True):
        cells = _stream_cells(lines, i, split)
        got = stream_rows([t for t, _ in cells])
        if got is not None:
            rows, used = got
            return rows, cells[used - 1][1]
    return None


def _row_numbers_in_line(line: str) -> tuple[str, list[list[str]], str] | None:
    """The same balance table flattened inside a line of other text (an attachment read by OCR
    onto one line: '…金额单位:万元 收入 收入 收入 支出 支出 支出 项目 行次 金额 项目 行次 金额 栏次 1 栏次 2
    一一般公共预算财政拨款收入 1 4,627.57 …'): from its side words (each printed once per column
    its merged cell spans) its words are its cells, cut into rows by their row numbers. Returns
    (text before, rows, text after)."""
    sides = side_words()
    if not any(w in line for w in sides):
        return None
    words = [(m.group(0), m.start(), m.end()) for m in re.finditer(r"\S+", line)]
    for k in range(len(words) - 1):
        if words[k][0] not in sides or (k and words[k - 1][0] == words[k][0]):
            continue
        # one cell per side word, however many columns the merged side cell spanned
        cells: list[str] = []
        j = k
        while j < len(words) and words[j][0] in sides:
            if not cells or cells[-1] != words[j][0]:
                cells.append(words[j][0])
            j += 1
        if len(cells) != 2:
            continue
        got = stream_rows(cells + [w for w, _a, _z in words[j:]])
        if got is None:
            continue
        rows, used = got
        end = words[j + used - 3][2]
        return line[: words[k][1]].rstrip(), rows, line[end:].strip()
    return None


_BLANK_RUN = 12  # blank lines a page prints for a row's empty cells, at most


def _stream_cells(lines: list[str], i: int, split: bool, limit: int = 800) -> list[tuple[str, int]]:
    """The cells from line i, each with the line after it: one per line (a trailing bar dropped)
    or, with `split`, each line's cells apart by spaces. Blank lines are empty cells the row
    numbers place; the run ends at a longer blank run, a `|` or a tab."""
    out: list[tuple[str, int]] = []
    blank = 0
    p = i
    while p < len(lines) and len(out) < limit:
        t = lines[p].strip()
        if t.endswith("|") and t.count("|") == 1:
            t = t[:-1].strip()
        elif t.replace(" ", "") == "||":
            t = ""  # '| |': an empty cell printed with a bar before it too
        if "|" in t or "\t" in t:
            break
        p += 1
        if not t:
            blank += 1
            if blank > _BLANK_RUN:
                break
            continue
        blank = 0
        out.extend((c, p) for c in (t.split() if split else [t]))
    return out


_SIDE_MIN_ROWS = 3  # rows of a side-by-side balance table printed one cell per line
_SIDE_LABEL_MAX = 24  # a row label's length at most (a longer line is the prose after the table)


def _side_by_side_cells(lines: list[str], i: int) -> tuple[list[list[str]], int] | None:
    """A balance table printed side by side (收入 | 执行数 | 支出 | 执行数) one cell per line, or
    apart by blank lines: after its four header cells, cells come in pairs (a label, then its
    figure), the income side's pair first in each row. A side left empty prints no cells, only a
    longer run of blank lines than the one between cells: one empty pair, counted so that the
    pairs fill the rows four cells at a time. Ends at the first cells that are no such pair."""
    cells: list[tuple[str, int, int]] = []  # (text, blank lines before it, its line)
    p, blank, n = i, 0, len(lines)
    while p < n and len(cells) < 800:
        t = lines[p].strip()
        if t.endswith("|") and t.count("|") == 1:
            t = t[:-1].strip()
        if "|" in t or "\t" in t:
            break
        if t:
            cells.append((t, blank, p))
            blank = 0
        elif (blank := blank + 1) > _BLANK_RUN:
            break
        p += 1
    if len(cells) < 4 + 2 * _SIDE_MIN_ROWS:
        return None
    head = [re.sub(r"\s+", "", c) for c, _b, _p in cells[:4]]
    sides = side_words()
    if not (head[0] in sides and head[2] in sides and head[0] != head[2]
            and all(_HEADER_WORD.search(h) and not _CELL_NUM.match(h) for h in (head[1], head[3]))):
        return None
    gap = max(b for _c, b, _p in cells[1:4])  # blank lines between two cells
    rows: list[list[str]] = [[c for c, _b, _p in cells[:4]]]
    row: list[str] = []
    k, last = 4, cells[3][2]
    while k + 1 < len(cells):
        (label, before, _lp), (fig, between, fp) = cells[k], cells[k + 1]
        if _CELL_NUM.match(label) or len(label) > _SIDE_LABEL_MAX or not _CELL_NUM.match(fig) or between > gap:
            break
        if before > gap and k > 4:
            row += ["", ""]  # the longer run: the pair before this one's place was left empty
        if len(row) == 4:
            rows.append(row)
            row = []
        row += [label, fig]
        if len(row) == 4:
            rows.append(row)
            row = []
        k, last = k + 2, fp
    if k == len(cells) - 1 and p >= n and not _CELL_NUM.match(cells[k][0]) and len(cells[k][0]) <= _SIDE_LABEL_MAX:
        # the text ends on a row's label ("上年结转收"): the row is kept without its figure, so that
        # the lines above it are not taken for a whole list
        if cells[k][1] > gap:
            row += ["", ""]
        if len(row) == 4:
            rows.append(row)
            row = []
        row += [cells[k][0], ""]
        last = cells[k][2]
    if row:
        rows.append(row + [""] * (4 - len(row)))
    return (rows, last + 1) if len(rows) - 1 >= _SIDE_MIN_ROWS else None


def _unpadded(line: str) -> list[str]:
    """A row's cells without the run of empty cells a page pads it with."""
    cells = _split_pipe(line)
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _split_pipe(line: str) -> list[str]:
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|"):
        s = s[:-1]
    return [c.strip() for c in s.split("|")]


def _space_row(line: str) -> list[str] | None:
    """'一、基本支出 1438.40 1636.67 1636.67' → label + numbers, when ≥2 numbers end the line."""
    parts = line.split()
    if len(parts) < 3:
        return None
    k = len(parts)
    while k > 0 and _NUM_TOKEN.match(parts[k - 1]):
        k -= 1
    if len(parts) - k < 2 or k == 0:
        return None
    return [" ".join(parts[:k]), *parts[k:]]


def _space_header(text: str, width: int) -> list[str] | None:
    """A header line for a space-flattened table: as many words as the rows have cells, one
    fewer (the label column has no header), or more when the label header has spaces."""
    words = text.split()
    if len(words) < 2 or len(text) > 120 or any(_NUM_TOKEN.match(w) for w in words[1:]):
        return None
    if len(words) == width:
        return words
    if len(words) == width - 1:
        return ["", *words]
    if len(words) > width and width >= 2:
        k = len(words) - (width - 1)
        return [" ".join(words[:k]), *words[k:]]
    return None


_HEADER_WORD = pattern("layout", "text_tables.header_word")
_TEXT_COLUMN = pattern("layout", "text_tables.text_column")
_LABEL_HEADER = pattern("layout", "text_tables.label_header")
_DROPPABLE = pattern("layout", "text_tables.droppable_column")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_CELL_NUM = re.compile(r"^[-−]?[\d,，]+(\.\d+)?%?$|^[—\-/]$")


def _cell_per_line(lines: list[str], i: int) -> tuple[list[list[str]], int] | None:
    """A table printed one cell per line: a header of h short lines (most of them naming
    amounts), then rows of a label line followed by h-1 number lines."""
    n = len(lines)
    head: list[str] = []
    j = i
    while j < n and 0 < len(lines[j].strip()) <= 14 and not _CELL_NUM.match(lines[j].strip()):
        head.append(lines[j].strip())
        j += 1
        if len(head) > 8:
            return None
    # The run ends with the first row's label; as many numbers follow as the header has
    # value columns. The header must start right here (earlier lines stay paragraphs).
    c = 0
    while j + c < n and _CELL_NUM.match(lines[j + c].strip()):
        c += 1
    # The label column's own header may be missing (printed before, as a paragraph): the
    # header then starts with a value column (年初预算数), and a row must print a figure under
    # every header word. A row one figure short is a row whose empty cell was dropped: where
    # it was is unknown, so no grid (the template engine's cell stream weighs the readings).
    label_head = not head or stage_of(head[0]) is None
    if c < 2 or len(head) != c + (2 if label_head else 1):
        return None
    if not label_head and i > 0 and stage_of(lines[i - 1].strip()) is not None:
        return None  # the header began a line earlier (年初预算数): a row one figure short, not a header
    head, j = head[:-1], j - 1
    if not label_head:
        head = ["", *head]
    h = len(head)
    if sum(1 for w in head[1:] if _HEADER_WORD.search(w)) < h - 2 or any(_TEXT_COLUMN.search(w) for w in head):
        return None
    rows = [head]
    while j + h <= n:
        label, cells = lines[j].strip(), [x.strip() for x in lines[j + 1 : j + h]]
        if not label or len(label) > 24 or _CELL_NUM.match(label) or not all(_CELL_NUM.match(c) for c in cells):
            break
        rows.append([label, *cells])
        j += h
    return (rows, j) if len(rows) >= 3 else None


_TYPED_MIN_ROWS = 3  # rows of a one-cell-per-line table told by its column types alone
_SHORT_LINE = 16  # a header cell or a row label printed on a line of its own


def _lone_cells(lines: list[str], i: int, limit: int = 600) -> list[tuple[str, int]]:
    """The cells printed one per line from i, each with the line after it: a trailing bar
    ('850 |') is no part of a cell, and cells apart by one blank line each (the blank-line
    rendering) are read the same. Ends at the first line that is no lone cell."""
    gap = i + 2 < len(lines) and lines[i].strip() != "" and lines[i + 1].strip() == "" and lines[i + 2].strip() != ""
    out: list[tuple[str, int]] = []
    p = i
    while p < len(lines) and len(out) < limit:
        t = lines[p].strip()
        if t.endswith("|") and t.count("|") == 1:
            t = t[:-1].strip()
        if not t or "|" in t or "\t" in t:
            # an empty cell (a bare bar; three blank lines between cells apart by one): the table
            # goes on with cells left empty
            if not t and (lines[p].strip() or gap and p + 3 < len(lines) and not "".join(lines[p : p + 3]).strip()
                          and lines[p + 3].strip()):
                out.append(("", p))
            break
        p += 1
        if gap and p + 1 < len(lines) and lines[p].strip() == "" and lines[p + 1].strip() != "":
            p += 1  # one blank line between cells (rows may end without one)
        out.append((t, p))
    return out


def _typed_cell_per_line(lines: list[str], i: int) -> tuple[list[list[str]], int] | None:
    """A table printed one cell per line whose rows print text cells too (项目名称 | 预算金额(万元) |
    实际支出(万元) | 资金使用率 | 成效评价 | 存在问题: 教育专项 / 850 / 830 / 97.6% / 优秀 / 资金拨付周期较长):
    a header of h short lines opening with the label column's, then rows of exactly h non-empty
    cells, every row printing figures in the same columns (at least two) and text in the others,
    its first cell text. The header length is the one that makes at least three such rows; when
    two lengths do, no grid. Cells may end in a bar or stand apart by blank lines."""
    if not _LABEL_HEADER.match(lines[i].strip().rstrip("|").strip()):
        return None
    cells = _lone_cells(lines, i)
    texts = [t for t, _ in cells]
    empty_at = len(texts) - 1 if texts and texts[-1] == "" else None
    run = 0
    while run < len(texts) and texts[run] and len(texts[run]) <= _SHORT_LINE and not _CELL_NUM.match(texts[run]):
        run += 1
        if run > 13:
            return None
    found: list[tuple[list[list[str]], int]] = []
    # the first row's label may be long: the header is at most the whole run of short lines
    widths = [(n, w) for n in range(3, run + 1) for w in (n, n - 1) if w == n or _DROPPABLE.search(texts[n - 1])]
    for h, w in widths:
        rows = _typed_rows(texts[:h], (texts[j : j + w] for j in range(h, len(texts) - w + 1, w)))
        j = h + (len(rows) - 1) * w
        if empty_at is not None and empty_at < j + w:
            continue  # rows go on with empty cells, which this grid cannot place
        if rows:
            # a last column left out of every row: empty
            found.append(([rows[0], *(r + [""] * (h - w) for r in rows[1:])], cells[j - 1][1]))
    return found[0] if len(found) == 1 else None


def _typed_rows(head: list[str], candidates: Iterator[list[str]]) -> list[list[str]]:
    """The header and the rows after it that print figures in the same columns (at least two)
    and text in the others, the first cell text, every cell printed; [] unless at least
    _TYPED_MIN_ROWS rows do and the header names at least two of the figure columns."""
    rows, sig = [head], None
    for row in candidates:
        kind = tuple(bool(_CELL_NUM.match(c)) for c in row)
        if not all(row) or kind[0] or (sig is not None and kind != sig) or sum(kind) < 2:
            break
        sig = kind
        rows.append(row)
    if len(rows) - 1 < _TYPED_MIN_ROWS or sig is None \
            or sum(1 for x, k in zip(head, sig, strict=False) if k and _HEADER_WORD.search(x)) < 2:
        return []
    return rows


def _typed_space_rows(lines: list[str], i: int) -> tuple[list[list[str]], int] | None:
    """The same table with each row flattened onto a line of spaces (项目名称 预算金额(万元) … 存在问题 /
    教育专项 850 830 97.6% 100% 优秀 资金拨付周期较长): a header line opening with the label column's
    header, then at least three lines of as many words, figures in the same columns."""
    head = lines[i].split()
    h = len(head)
    if not 3 <= h <= 13 or not _LABEL_HEADER.match(head[0]) or any(_CELL_NUM.match(w) for w in head):
        return None
    same_width = takewhile(lambda r: len(r) == h, (ln.split() for ln in lines[i + 1 :]))
    rows = _typed_rows(head, same_width)
    return (rows, i + len(rows)) if rows else None


_GAPS = re.compile(r"( +)")


def _gap_cells(line: str) -> list[str] | None:
    """A line whose cells are joined by one space and whose empty cells print as one space
    ('一、支出合计   250000': label, empty, figure; '二、相关统计数    ': label and two empty
    cells): its cells, or None when a gap cannot be read so (an even gap between words, an
    odd one at the end)."""
    s = line.lstrip()
    parts = _GAPS.split(s)
    if not parts or not parts[0]:
        return None
    cells = [parts[0]]
    for k in range(1, len(parts), 2):
        gap, word = len(parts[k]), parts[k + 1]
        if word and gap % 2 == 0 or not word and gap % 2 == 1:
            return None
        cells += [""] * (gap // 2) + ([word] if word else [])
    return cells


def _gap_table(lines: list[str], i: int) -> tuple[list[list[str]], int] | None:
    """A table flattened with its empty cells kept as spaces: a header line of at least three
    words apart by one space, then lines of exactly as many cells read by `_gap_cells`, some of
    them with an empty cell between words (else the spaces say nothing about empty cells)."""
    head = lines[i].strip().split(" ")
    if len(head) < 3 or len(lines[i].strip()) > 60 or any(not w or _NUM_TOKEN.match(w) for w in head):
        return None
    rows = [head]
    j = i + 1
    while j < len(lines) and (cells := _gap_cells(lines[j])) is not None and len(cells) == len(head):
        rows.append(cells)
        j += 1
    inner = [r for r in rows[1:] if any(not c for c in r[1:-1]) and r[-1]]
    if len(rows) < 3 or not inner or sum(1 for r in rows[1:] if any(_NUM_TOKEN.match(c) for c in r[1:])) < 2:
        return None
    return rows, j


def read_text(data: bytes) -> Document:
    # figures typed full-width (２０２１年) are folded before the layouts are told apart: a table
    # flattened onto a line is found by its figures
    text = fold_figures(_literal_breaks(decode(data)))
    lines = [_clean(x) for x in text.split("\n")]
    b = _Builder()
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if _IMAGE.match(line):
            i += 1
            continue
        if "<table" in line.lower():
            j = i
            while j < n - 1 and "</table>" not in lines[j].lower() and j - i < 5000:
                j += 1
            _html_tables(b, "\n".join(lines[i : j + 1]))
            i = j + 1
            continue
        if line.startswith("\t") and line.strip() != "" or (
            line.startswith("\t") and i + 1 < n and lines[i + 1].startswith("\t")
        ):
            rows, i = _tab_block(lines, i)
            b.table(rows)
            continue
        if "\t" in line.strip():
            rows = []
            while i < n and "\t" in lines[i].strip() and not lines[i].startswith("\t"):
                rows.append(lines[i].strip().split("\t"))
                i += 1
            b.table(rows)
            continue
        if (got := _barred_numbered_cells(lines, i)) is not None:
            rows, i = got
            b.table(rows)
            continue
        if (k := _row_number_rows(lines, i)):
            b.table([_unpadded(x) for x in lines[i : i + k]])
            i += k
            continue
        if (k := _trailing_bar_rows(lines, i)):
            b.table([_unpadded(x) for x in lines[i : i + k]])
            i += k
            continue
        if _is_pipe_row(line):
            rows = []
            while i < n:
                if _is_pipe_row(lines[i]):
                    if not _PIPE_SEP.match(lines[i]):
                        rows.append(_split_pipe(lines[i]))
                    i += 1
                elif lines[i].strip() == "" and i + 1 < n and _is_pipe_row(lines[i + 1]):
                    i += 1  # rows separated by a single blank line
                else:
                    break
            b.table(rows)
            continue
        gap = _gap_table(lines, i) if line.strip() and not line.startswith("\t") else None
        if gap is not None:
            rows, i = gap
            b.table(rows)
            continue
        cpl = (_row_number_cells(lines, i) or _side_by_side_cells(lines, i) or _cell_per_line(lines, i) or _typed_cell_per_line(lines, i)
               or _typed_space_rows(lines, i) or _periodic_barred_cells(lines, i)) \
            if line.strip() and not line.startswith("\t") else None
        if cpl is not None:
            rows, i = cpl
            b.table(rows)
            continue
        flat = gather_rows(lines, i) if line.strip() and not line.startswith("\t") else None
        if flat is None and len(line) > 200 and "|" not in line and "\t" not in line \
                and (inline := _row_numbers_in_line(line)) is not None:
            flat = (*inline, i + 1)
        if flat is not None:
            prefix, rows, suffix, i = flat
            b.para(prefix)
            b.table(rows)
            b.para(suffix)
            continue
        if _space_row(line) is not None and i + 1 < n and _space_row(lines[i + 1]) is not None:
            rows = []
            while i < n and (r := _space_row(lines[i])) is not None:
                rows.append(r)
                i += 1
            # A header line just before, with as many words as the rows have cells.
            if b.doc.blocks and isinstance(b.doc.blocks[-1], Paragraph):
                head = _space_header(b.doc.blocks[-1].text, len(rows[0]))
                if head:
                    b.doc.blocks.pop()
                    b.n_para -= 1
                    rows.insert(0, head)
            b.table(rows)
            continue
        _para_or_flat_tables(b, line)
        i += 1
    return b.doc


def _html_tables(b: _Builder, chunk: str) -> None:
    """Text around and between <table>…</table> stays paragraphs."""
    pos = 0
    matches = TABLE.finditer(chunk) if "</table>" in chunk.lower() else ()
    for m in matches:
        for line in chunk[pos : m.start()].split("\n"):
            b.para(line)
        b.table_cells(parse_html_table(m.group(0)))
        pos = m.end()
    for line in chunk[pos:].split("\n"):
        b.para(re.sub(r"<[^>]+>", "", line))


def _para_or_flat_tables(b: _Builder, line: str) -> None:
    """A paragraph, or the self-evaluation tables flattened into it (see flat_table)."""
    while len(line) >= 80 and any(w in line for w in words("layout", "text_tables.flattened_form")):
        found = unflatten(line)
        if found is None:
            break
        prefix, rows, line = found
        if prefix.strip():
            b.para(prefix)
        b.table(rows)
    b.para(line)
