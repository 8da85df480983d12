"""PDF reports (text layer) → Document, with pdfplumber.

- Tables: `page.find_tables()` (ruling-line strategy), only on pages that carry lines or
  rectangles. Cells keep their printed grid: colspan/rowspan from the cell boxes, a
  vertically merged cell is stored once at its top row and repeated below as
  `merged_copy=True` cells (as the DOCX reader does). A table continuing at the top of the
  next page (same left/right edges, compatible column lines, nothing printed in between) is
  glued onto the previous one; a repeated header (the table's first 1–3 rows printed again)
  is dropped; a row cut by the page break is merged back into the last row. `Table.page` is
  the first page.
- Text outside tables becomes paragraphs: lines are grouped into a paragraph until a line
  ends short of the right margin, a larger vertical gap, an indented line, or a heading
  pattern (一、 （一） 1. 第一部分 …) starts a new one; a paragraph running over a page break
  is kept whole. Page-number lines ("- 3 -", "— 3 —", "3", "第3页", "第3页 共9页") at the top or
  bottom of a page are dropped.
- Words are built with `x_tolerance_ratio` so CJK text gets no spurious spaces.
- Encrypted PDFs raise `EncryptedPdf`.
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass, field

import pdfplumber

from pipeline.lexicon import pattern
from pipeline.model import Cell, Document, Paragraph, Table
from pipeline.readers import pdfium_objects

TEXT_KW = {"x_tolerance_ratio": 0.5}
_PAGE_NO = pattern("layout", "pages.page_number")  # vocab/layout.toml
_HEADING = pattern("layout", "headings.pdf")
_WS = re.compile(r"\s+")
# An amount or a rate as printed: with decimals, thousands commas or a percent sign (a bare run
# of digits may be a code cut by the page break).
_FIGURE = re.compile(r"[-−]?(\d{1,3}([,，]\d{3})+(\.\d+)?|\d+\.\d+|\d+%)%?")
_POS_TOL = 2.0  # points: two column lines closer than this are the same line
# A text line of figures alone (amounts, years, rates; the quotes of “三公” set in the same font),
# as split from its sentence by a font change.
_FIGURES_ONLY = re.compile(r"^[\d.,，%％\s\-−“”‘’]+$")


class EncryptedPdf(Exception):
    """The PDF is password-protected (or its encryption cannot be handled)."""


@dataclass(slots=True)
class _RawCell:
    x0: float
    x1: float
    top: float  # in "document y": page_no * 10_000 + y on the page
    bottom: float
    text: str
    text_bottom: float | None = None  # lowest printed text (document y), last rows only
    cut: bool = False  # text runs to the bottom and its last line is full: continues below


@dataclass(slots=True)
class _Part:
    """A table as found on one page."""

    page: int
    x0: float
    x1: float
    top: float  # page y
    bottom: float  # page y
    rows: list[list[_RawCell]]

    def xs(self) -> list[float]:
        return _cluster([v for r in self.rows for c in r for v in (c.x0, c.x1)])


@dataclass(slots=True)
class _Line:
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    text: str


@dataclass(slots=True)
class _LogicalTable:
    page: int
    rows: list[list[_RawCell]] = field(default_factory=list)
    x0: float = 0.0
    x1: float = 0.0
    caption: str = ""
    # the lines printed on its first page between the previous block and the table (its title,
    # 公开表2 收入总体情况表 部门（单位）：… 单位：万元), normalised; running headers left out
    title: tuple[str, ...] = ()


def _cluster(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > _POS_TOL:
            out.append(v)
    return out


def _norm(s: str) -> str:
    return _WS.sub("", s)


def _is_encryption_error(e: BaseException) -> bool:
    seen = 0
    while e is not None and seen < 5:
        name = type(e).__name__
        if name in ("PDFPasswordIncorrect", "PDFEncryptionError", "PDFEncryptionWarning"):
            return True
        if any(type(a).__name__ == "PDFPasswordIncorrect" for a in getattr(e, "args", ())):
            return True
        if "PDFPasswordIncorrect" in repr(e):
            return True
        e = e.__cause__ or e.__context__
        seen += 1
    return False


def _without_overprint(page):
    """A page printing its headings in fake bold, each glyph drawn several times over itself
    (序序序序号号号号 for 序号, 22222000 for 20), read with one of each (pdfplumber's
    dedupe_chars: the same glyph and size within a point); other pages as they are."""
    chars = page.chars
    keys = [(ch["text"], ch.get("size"), round(ch["x0"]), round(ch["top"])) for ch in chars]
    if len(set(keys)) == len(keys):
        return page  # no glyph drawn twice (most pages): the keys all at once
    seen: set[tuple] = set()
    for ch, key in zip(chars, keys, strict=True):
        if key in seen:
            # pdfium's characters carry no font name (pipeline/readers/pdfium_objects.py)
            return page.dedupe_chars(extra_attrs=tuple(a for a in ("fontname", "size") if a in ch))
        seen.add(key)
    return page


def _page_parts(page, page_no: int) -> tuple[list[_Part], list[_Line], bool]:
    """The page's tables and text lines, and whether a table's cut-by-the-page-break answer
    rests on a run of trailing blanks (see `_set_text_bottoms`)."""
    page = _without_overprint(page)
    parts: list[_Part] = []
    blank_dependent = False
    ruled = _without_unseen_boxes(page)
    if ruled.lines or ruled.rects or ruled.curves:
        for t in _find_tables(ruled):
            if len(t.cells) < 2:
                continue  # a lone box (frame around text) is not a table
            texts = _table_texts(t, page.chars)
            frames = _containers(t.cells)
            rows: list[list[_RawCell]] = []
            for r, row in enumerate(t.rows):
                cells: list[_RawCell] = []
                for c, bbox in enumerate(row.cells):
                    if bbox is None or tuple(bbox) in frames:
                        continue
                    x0, top, x1, bottom = bbox
                    text = (texts[r][c] or "").strip()
                    cells.append(
                        _RawCell(x0, x1, page_no * 10_000 + top, page_no * 10_000 + bottom, text)
                    )
                if cells:
                    rows.append(cells)
            kept = [c for c in t.cells if tuple(c) not in frames]
            if rows and len(kept) >= 2:
                blank_dependent |= _set_text_bottoms(page, page_no, rows)
                x0 = min(c[0] for c in kept)
                top = min(c[1] for c in kept)
                x1 = max(c[2] for c in kept)
                bottom = max(c[3] for c in kept)
                parts.append(_Part(page_no, x0, x1, top, bottom, rows))
    boxes = [(p.x0 - 1, p.top - 1, p.x1 + 1, p.bottom + 1) for p in parts]

    def outside(obj) -> bool:
        if obj.get("object_type") != "char" or not boxes:
            return True
        cx = (obj["x0"] + obj["x1"]) / 2
        cy = (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in boxes)

    src = page.filter(outside) if boxes else page
    found = [ln for ln in src.extract_text_lines(return_chars=True, **TEXT_KW) if ln["text"].strip()]
    lines = [
        _Line(page_no, ln["x0"], ln["x1"], ln["top"], ln["bottom"], ln["text"])
        for ln in _rejoin_figures(found)
    ]
    # Page numbers: first or last text line on the page, in the top/bottom band.
    h = float(page.height)
    drop = set()
    for i in {0, len(lines) - 1} if lines else ():
        ln = lines[i]
        if (ln.top < h * 0.12 or ln.bottom > h * 0.88) and _PAGE_NO.match(ln.text):
            drop.add(i)
    lines = [ln for i, ln in enumerate(lines) if i not in drop]
    return parts, lines, blank_dependent


def _white(colour) -> bool:
    """A fill colour that is the page's white: gray 1, RGB (1, 1, 1) or CMYK (0, 0, 0, 0) as
    pdfminer gives them, (1, 1, 1) as pdfium does; an unknown colour (a pattern) is not."""
    if isinstance(colour, int | float):
        colour = (colour,)
    if not isinstance(colour, tuple | list) or not colour \
            or not all(isinstance(v, int | float) for v in colour):
        return False
    if len(colour) == 4:
        return all(v == 0 for v in colour)
    return len(colour) in (1, 3) and all(v >= 0.999 for v in colour)


def _without_unseen_boxes(page):
    """The page without the rectangles nobody sees: filled with the page's white and not
    stroked (长沙's 说明 pages set each text run on one), which would otherwise be taken for a
    table's rulings and cut its sentences into cells. A white box inside a painted one (cells
    cut out of a dark frame, its gaps the rulings) is kept."""
    rects = page.rects
    unseen = [r for r in rects if r.get("fill") and not r.get("stroke")
              and _white(r.get("non_stroking_color"))]
    if not unseen:
        return page
    painted = [r for r in rects + page.curves if r.get("fill") and not _white(r.get("non_stroking_color"))]

    def inside(r, box) -> bool:
        return box["x0"] <= r["x0"] + 0.5 and r["x1"] <= box["x1"] + 0.5 \
            and box["top"] <= r["top"] + 0.5 and r["bottom"] <= box["bottom"] + 0.5

    drop = {id(r) for r in unseen if not any(inside(r, box) for box in painted)}
    if not drop:
        return page
    return page.filter(lambda obj: obj.get("object_type") != "rect" or id(obj) not in drop)


def _find_tables(page) -> list:
    """`page.find_tables()` (pdfplumber's TableFinder with its default settings) with the
    cells found by `_cells` instead of pdfplumber's `intersections_to_cells`: the same cells
    in the same order, without scanning every later point for each point (60 % of the table
    finder on the 171-page 决算's ruled pages)."""
    from pdfplumber.table import (
        Table,
        TableFinder,
        TableSettings,
        cells_to_tables,
        edges_to_intersections,
    )

    finder = TableFinder.__new__(TableFinder)  # TableFinder.__init__, with `_cells`
    finder.page = page
    finder.settings = settings = TableSettings.resolve(None)
    finder.edges = finder.get_edges()
    finder.intersections = edges_to_intersections(
        finder.edges, settings.intersection_x_tolerance, settings.intersection_y_tolerance)
    finder.cells = _cells(finder.intersections)
    finder.tables = [Table(page, group) for group in cells_to_tables(finder.cells)]
    return finder.tables


def _cells(intersections: dict) -> list[tuple]:
    """pdfplumber's `intersections_to_cells`: for each intersection in sorted order, the
    smallest cell it opens (the first point below it and the first to its right, in that
    order of trial, whose corners are joined by common edges). The points below and to the
    right are looked up by column and row instead of filtered from all later points, and each
    point's edges are made a set once."""
    from pdfplumber.utils import obj_to_bbox

    points = sorted(intersections)
    column: dict[float, list] = {}
    row: dict[float, list] = {}
    for pt in points:  # in sorted order: a column by y, a row by x
        column.setdefault(pt[0], []).append(pt)
        row.setdefault(pt[1], []).append(pt)
    at_column = {pt: i for col in column.values() for i, pt in enumerate(col)}
    at_row = {pt: i for r in row.values() for i, pt in enumerate(r)}
    v_edges = {pt: set(map(obj_to_bbox, d["v"])) for pt, d in intersections.items()}
    h_edges = {pt: set(map(obj_to_bbox, d["h"])) for pt, d in intersections.items()}

    def connects(p1: tuple, p2: tuple) -> bool:
        return (p1[0] == p2[0] and not v_edges[p1].isdisjoint(v_edges[p2])) or (
            p1[1] == p2[1] and not h_edges[p1].isdisjoint(h_edges[p2]))

    out: list[tuple] = []
    for pt in points:
        below = column[pt[0]][at_column[pt] + 1:]
        right = row[pt[1]][at_row[pt] + 1:]
        found = None
        for below_pt in below:
            if not connects(pt, below_pt):
                continue
            for right_pt in right:
                if not connects(pt, right_pt):
                    continue
                bottom_right = (right_pt[0], below_pt[1])
                if bottom_right in intersections and connects(bottom_right, right_pt) \
                        and connects(bottom_right, below_pt):
                    found = (pt[0], pt[1], bottom_right[0], bottom_right[1])
                    break
            if found:
                break
        if found:
            out.append(found)
    return out


def _rejoin_figures(lines: list[dict]) -> list[dict]:
    """Figures set in another font whose baseline sits lower than the sentence's (Times digits
    in a 仿宋 line) are found as a line of their own: "上海市普陀区财政局 年度收入支出总计 万元。与
    年度相比" above "2024 2995.39 2023". A line of figures only that overlaps a neighbouring text
    line by at least half the smaller height, each of its runs in one of that line's gaps or right
    against its first or last character ("449.52" before "万元。决算数…"), is put back into it in
    x order. A column of figures beside a label (a table read as text) stands apart: left alone."""
    from pdfplumber.utils import extract_text

    def runs(chars: list[dict]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for c in sorted((c for c in chars if c["text"].strip()), key=lambda c: c["x0"]):
            if out and c["x0"] - out[-1][1] <= 1.0:
                out[-1] = (out[-1][0], max(out[-1][1], c["x1"]))
            else:
                out.append((c["x0"], c["x1"]))
        return out

    def fits(fig: dict, txt: dict) -> bool:
        h = min(fig["bottom"] - fig["top"], txt["bottom"] - txt["top"])
        if h <= 0 or min(fig["bottom"], txt["bottom"]) - max(fig["top"], txt["top"]) < 0.5 * h:
            return False
        spans = [(c["x0"], c["x1"]) for c in txt["chars"] if c["text"].strip()]
        if not spans:
            return False
        lo, hi = min(a for a, _ in spans), max(b for _, b in spans)
        for a, b in runs(fig["chars"]):
            if b <= lo + 0.5:  # before the line: only right against its first character
                ok = b >= lo - 1.0
            elif a >= hi - 0.5:  # after it: only right against its last character
                ok = a <= hi + 1.0
            else:  # inside it: in a gap, over none of its characters
                ok = all(b <= x0 + 0.5 or a >= x1 - 0.5 for x0, x1 in spans)
            if not ok:
                return False
        return True

    out = list(lines)
    i = 0
    while i < len(out):
        ln = out[i]
        if _FIGURES_ONLY.match(ln["text"]):
            for j in (i - 1, i + 1):
                if 0 <= j < len(out) and not _FIGURES_ONLY.match(out[j]["text"]) and fits(ln, out[j]):
                    txt = out[j]
                    chars = txt["chars"] + ln["chars"]
                    height = max(txt["bottom"], ln["bottom"]) - min(txt["top"], ln["top"])
                    out[j] = {"chars": chars, "text": extract_text(chars, **TEXT_KW, y_tolerance=height),
                              "x0": min(txt["x0"], ln["x0"]), "x1": max(txt["x1"], ln["x1"]),
                              "top": min(txt["top"], ln["top"]), "bottom": max(txt["bottom"], ln["bottom"])}
                    del out[i]
                    i -= 1
                    break
        i += 1
    return out


def _table_texts(t, chars: list) -> list[list[str | None]]:
    """`t.extract(**TEXT_KW)` without testing every character of the page against every row:
    the characters are sorted once by their vertical middle and each row takes its band by
    bisection. Same tests (a character belongs to a box when its middle is inside, left/top
    edges included), same character order (page order) inside a cell, so the same texts."""
    from bisect import bisect_left

    mids = sorted(
        ((c["top"] + c["bottom"]) / 2, i, (c["x0"] + c["x1"]) / 2) for i, c in enumerate(chars))
    vs = [m[0] for m in mids]
    out: list[list[str | None]] = []
    for row in t.rows:
        x0, top, x1, bottom = row.bbox
        band = mids[bisect_left(vs, top):bisect_left(vs, bottom)]
        # the row's characters by their horizontal middle; a cell takes its span by bisection,
        # then its characters back in page order
        row_chars = sorted((h, i, v) for v, i, h in band if x0 <= h < x1)
        hs = [r[0] for r in row_chars]
        arr: list[str | None] = []
        for cell in row.cells:
            if cell is None:
                arr.append(None)
                continue
            cx0, ctop, cx1, cbottom = cell
            span = row_chars[bisect_left(hs, cx0):bisect_left(hs, cx1)]
            inside = [chars[i] for i in sorted(i for _h, i, v in span if ctop <= v < cbottom)]
            arr.append(_cell_text(inside) if inside else "")
        out.append(arr)
    return out


def _cell_text(chars: list) -> str:
    """pdfplumber's `extract_text(chars, **TEXT_KW)` for the common case — every character
    upright, each with some text — written out: ~9 000 cells on the 171-page 决算, where
    pdfplumber's per-call machinery (a WordExtractor, two clusterings through dicts, a
    TextMap) cost more than the cells' few characters. The same steps in the same order:
    characters clustered into lines by `top` (3 pt, each value against the previous one),
    each line in x order; a new word at a blank, at a step back, past half the previous
    character's size to the right, or more than 3 pt off its top; words clustered into lines
    by their top the same way; words joined by spaces, lines by newlines. Anything else goes
    to pdfplumber (tests/unit/test_pdfium_fast_paths.py compares both on every cell)."""
    from pdfplumber.utils import extract_text
    from pdfplumber.utils.text import LIGATURES

    for c in chars:
        if not c["upright"] or not c["text"]:
            return extract_text(chars, **TEXT_KW)
    lines = _clustered(chars, 3)
    words: list[tuple[float, str]] = []  # (top, text)
    for line in lines:
        word: list = []
        for ch in sorted(line, key=lambda c: c["x0"]):
            if ch["text"].isspace():
                if word:
                    words.append(_word(word, LIGATURES))
                    word = []
                continue
            if word:
                prev = word[-1]
                if ch["x0"] < prev["x0"] or ch["x0"] > prev["x1"] + 0.5 * prev["size"] \
                        or abs(ch["top"] - prev["top"]) > 3:
                    words.append(_word(word, LIGATURES))
                    word = [ch]
                    continue
            word.append(ch)
        if word:
            words.append(_word(word, LIGATURES))
    return "\n".join(" ".join(w[1] for w in line) for line in _clustered(words, 3, key=0))


def _clustered(items: list, tolerance: float, key="top") -> list[list]:
    """pdfplumber's `cluster_objects(items, key, tolerance)`: the distinct values sorted and
    cut where one is more than `tolerance` past the previous; items grouped by their value's
    cluster, in their own order within each."""
    values = sorted({it[key] for it in items})
    cluster: dict = {}
    n, last = 0, None
    for v in values:
        if last is not None and not v <= last + tolerance:
            n += 1
        cluster[v] = n
        last = v
    groups: list[list] = [[] for _ in range(n + 1)]
    for it in items:
        groups[cluster[it[key]]].append(it)
    return groups


def _word(chars: list, ligatures: dict) -> tuple[float, str]:
    return min(c["top"] for c in chars), "".join(ligatures.get(c["text"], c["text"]) for c in chars)


def _containers(cells: list) -> set[tuple]:
    """Cells that enclose other cells: a frame drawn around a title and the table.

    Their text would repeat the whole table; dropping them leaves the title outside the
    table, where it becomes a paragraph (and the table's caption).
    """
    import numpy as np

    tol = 1.0
    boxes = [tuple(c) for c in cells]
    if len(boxes) < 2:
        return set()
    # Every pair at once (the same comparisons, in float64 as in Python): a holds b, b ≠ a.
    x0, top, x1, bottom = (col[:, None] for col in np.array(boxes, dtype=float).T)
    holds = (x0 <= x0.T + tol) & (top <= top.T + tol) & (x1 >= x1.T - tol) & (bottom >= bottom.T - tol)
    holds &= ~((x0 == x0.T) & (top == top.T) & (x1 == x1.T) & (bottom == bottom.T))
    return {boxes[i] for i in np.flatnonzero(holds.any(axis=1))}


def _set_text_bottoms(page, page_no: int, rows: list[list[_RawCell]]) -> bool:
    """Mark the cells at the table's bottom whose text looks cut by the page break.

    Such a cell's text reaches the cell's bottom and its last line is full (the text wrapped
    and goes on). A short label or number ends mid-line or high up, and is not cut.

    Returns True when the answer for some cell rests on how many blanks end its last line
    (a run of trailing spaces): pdfium's text page keeps one of a run, so such a page is
    read by pdfminer.
    """
    bottom = max(c.bottom for c in rows[-1])
    last = [c for r in rows for c in r if c.bottom >= bottom - _POS_TOL and c.text]
    if not last:
        return False
    off = page_no * 10_000
    chars: dict[int, list] = {}
    lo, hi = min(c.top for c in last), max(c.bottom for c in last)
    for ch in page.chars:
        cy = off + (ch["top"] + ch["bottom"]) / 2
        if not lo <= cy <= hi:
            continue  # above or below every cell of the last row
        cx = (ch["x0"] + ch["x1"]) / 2
        for i, c in enumerate(last):
            if c.x0 <= cx <= c.x1 and c.top <= cy <= c.bottom:
                chars.setdefault(i, []).append(ch)
                break
    blank_dependent = False
    for i, c in enumerate(last):
        cs = chars.get(i)
        if not cs:
            continue
        tb = max(ch["bottom"] for ch in cs)
        size = max(ch["bottom"] - ch["top"] for ch in cs)
        last_line = [ch for ch in cs if ch["bottom"] >= tb - size / 2]
        rightmost = max(last_line, key=lambda ch: ch["x1"])
        right = rightmost["x1"]
        width = max(ch["x1"] - ch["x0"] for ch in last_line)
        c.text_bottom = off + tb
        full = right >= c.x1 - max(2.5 * width + 6, 0.3 * (c.x1 - c.x0))
        # A long cell may end its last line early (a number that cannot wrap): trust length.
        low = c.bottom - c.text_bottom <= max(1.6 * size, 10.0)
        # A figure (9,433.72, 0.00, -5.21, 12%) is printed whole: right-aligned, it fills its
        # line without going on below.
        c.cut = low and (full or c.text.count("\n") >= 2) and not _FIGURE.fullmatch(c.text.strip())
        if low and not c.cut and rightmost["text"].isspace():
            blank_dependent = True  # more blanks after this one would make the line full
    return blank_dependent


def _page_shift(prev: _LogicalTable, part: _Part) -> float:
    """How far the next page printed the same grid aside (西安市人社局 2020 表6 pp.35–36: both
    edges 4 pt to the right); 0 when its edges did not move together."""
    dx = part.x0 - prev.x0
    return dx if 3 < abs(dx) <= 12 and abs(part.x1 - prev.x1 - dx) <= 1.5 else 0.0


def _same_columns(prev: _LogicalTable, part: _Part) -> bool:
    """Same outer edges, and one table's inner column lines are (nearly) a subset of the other's.

    A table's first page may print only spanning rows (fewer column lines) and its
    continuation the full grid, or the other way round.
    """
    a = _cluster([v for r in prev.rows for c in r for v in (c.x0, c.x1)])[1:-1]
    shift = _page_shift(prev, part)
    if abs(prev.x1 - part.x1 + shift) > 3:
        return False
    if abs(prev.x0 - part.x0 + shift) > 3:
        # the continuation leaves out leading columns that are empty on its page (no rule
        # drawn for them): its left edge is one of the table's column lines and all its
        # column lines are the table's
        inner = part.xs()[:-1]
        return part.x0 > prev.x0 and all(any(abs(x - y) <= _POS_TOL for y in a) for x in inner) and len(inner) >= 2
    b = [x - shift for x in part.xs()[1:-1]]
    if not a or not b:
        return True

    def share(xs: list[float], ys: list[float]) -> float:
        return sum(1 for x in xs if any(abs(x - y) <= _POS_TOL for y in ys)) / len(xs)

    return max(share(a, b), share(b, a)) >= 0.8


def _row_key(row: list[_RawCell]) -> list[str]:
    return [_norm(c.text) for c in row]


def _drop_repeated_header(table: _LogicalTable, rows: list[list[_RawCell]]) -> list[list[_RawCell]]:
    for k in (3, 2, 1):
        if len(rows) > k and len(table.rows) > k:
            if all(_row_key(rows[i]) == _row_key(table.rows[i]) for i in range(k)) and any(
                any(_row_key(rows[i])) for i in range(k)
            ):
                return rows[k:]
    return rows


def _repeats_header(table: _LogicalTable, rows: list[list[_RawCell]]) -> bool:
    """The part opens by reprinting the table's header: rows that _drop_repeated_header drops,
    with no figure in them and at least three headings in one (a column header, never a
    form's 项目名称 | … line, which opens every project's own table)."""
    k = len(rows) - len(_drop_repeated_header(table, rows))
    if not k:
        return False
    head = rows[:k]
    return not any(_FIGURE.fullmatch(c.text.strip()) for r in head for c in r if c.text.strip()) and any(
        sum(1 for c in r if c.text.strip()) >= 3 for r in head
    )


def _merge_split_row(table: _LogicalTable, rows: list[list[_RawCell]]) -> list[list[_RawCell]]:
    """The first continuation row is the rest of the table's last row, cut by the page break.

    Evidence, all required: its first cell is empty, it has text, and every cell with text
    sits under a cell of the last row whose text was cut (runs down to the cell's bottom and
    ends with a full line, or is long). A fresh row under a vertically merged label (empty
    first cell too) fails the last test: its neighbours' texts ended before the break.
    """
    if not rows or not table.rows:
        return rows
    first = rows[0]
    if first[0].text or not any(c.text for c in first):
        return rows
    last_top = max(c.top for c in table.rows[-1])
    covering = [
        c for r in table.rows for c in r if c.top <= last_top + 0.5 and c.bottom >= last_top + 0.5
    ]
    targets: list[tuple[_RawCell, _RawCell]] = []
    for c in first:
        match = [p for p in covering if abs(p.x0 - c.x0) <= _POS_TOL and abs(p.x1 - c.x1) <= _POS_TOL]
        if not match:
            if c.text:
                return rows
            continue
        p = match[0]
        if c.text:
            if not p.cut:
                return rows  # the cell above ended before the break: a fresh row
            targets.append((p, c))
    if not targets:
        return rows
    for p, c in targets:
        p.text = f"{p.text}\n{c.text}"
    return rows[1:]


def _nearest(xs: list[float], v: float) -> int:
    """Index of the line of `xs` (sorted, as `_cluster` gives them) nearest to v, the first on
    a tie — what min() over every line gives: the lines rise by more than _POS_TOL, so it is
    one of the two around v (bisection), and a window of four around them holds any tie."""
    from bisect import bisect_left

    k = bisect_left(xs, v)
    return min(range(max(k - 2, 0), min(k + 2, len(xs))), key=lambda i: abs(xs[i] - v))


def _to_table(lt: _LogicalTable, index: int) -> Table:
    xs = _cluster([v for r in lt.rows for c in r for v in (c.x0, c.x1)])

    seen: dict[float, int] = {}  # the cells of a table share a few edges: each looked up once

    def xi(v: float) -> int:
        i = seen.get(v)
        if i is None:
            i = seen[v] = _nearest(xs, v)
        return i

    row_tops = [min(c.top for c in r) for r in lt.rows]
    t = Table(index=index, page=lt.page, caption=lt.caption)
    out_rows: list[list[Cell]] = [[] for _ in lt.rows]
    for ri, r in enumerate(lt.rows):
        for c in r:
            col = xi(c.x0) + 1
            colspan = max(xi(c.x1) - xi(c.x0), 1)
            rowspan = 1
            j = ri + 1
            while j < len(row_tops) and row_tops[j] < c.bottom - _POS_TOL:
                rowspan += 1
                j += 1
            cell = Cell(text=c.text, row=ri + 1, col=col, rowspan=rowspan, colspan=colspan)
            out_rows[ri].append(cell)
            for k in range(ri + 1, ri + rowspan):
                out_rows[k].append(
                    Cell(text=c.text, row=k + 1, col=col, colspan=colspan, merged_copy=True)
                )
    for r in out_rows:
        r.sort(key=lambda c: c.col)
    t.rows = out_rows
    return t


def _is_heading(text: str) -> bool:
    return bool(_HEADING.match(text))


# Below this many pages a document is read in one process: forking and re-opening the PDF
# in each helper costs more than the pages it would take over.
PARALLEL_MIN_PAGES = 16


def _pdfium_source(data: bytes | None):
    """(pdfium document, font cache) for `_use_pdfium`, or None when pdfium cannot open it."""
    if data is None:
        return None
    try:
        return pdfium_objects.open_document(data), pdfium_objects.FontCache()
    except Exception:
        return None  # e.g. encrypted: pdfminer reads every page (and says why it cannot)


def _use_pdfium(page, source) -> bool:
    """Give the page its characters and rulings from pdfium (pdfplumber then never asks
    pdfminer to interpret it); a page pdfium's objects would not match is left to pdfminer.
    True when the page took pdfium's objects."""
    if source is None:
        return False
    try:
        page._objects = pdfium_objects.page_objects(source[0], page, source[1])
        pdfium_objects.STATS["pdfium"] += 1
        return True
    except pdfium_objects.Unsupported as e:
        pdfium_objects.STATS[f"pdfminer: {str(e).split(':')[0]}"] += 1
    except Exception as e:  # anything unexpected in the conversion: the page goes to pdfminer
        pdfium_objects.STATS[f"pdfminer: {type(e).__name__}"] += 1
    return False


def _read_pages(pages: list, pno_filter: set[int] | None = None,
                data: bytes | None = None) -> list[tuple[int, float, list, list]]:
    """(page number, height, table parts, text lines) for each page (or those in the filter).

    With `data` (the PDF's bytes) pages take their objects from pdfium where that gives
    exactly what pdfminer would (`pdfium_objects`); without it, pdfminer reads every page."""
    import gc

    out = []
    source = _pdfium_source(data)
    # The collector's automatic full passes cost ~15 % of the reader on a long document (each
    # re-walks every char dict and result kept so far: 5-6 passes over the 171-page 决算, 0.5-0.7 s
    # of CPU); a page's own garbage cycles are young. So automatic collection is off while the
    # pages are read, and the young generations are collected every few pages (peak memory as
    # before: 129 MB on that file, against 180 MB with collection simply off).
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        for k, page in enumerate(pages):
            pno = page.page_number
            if pno_filter is not None and pno not in pno_filter:
                continue
            if paused and k % _GC_EVERY == _GC_EVERY - 1:
                gc.collect(1)
            from_pdfium = _use_pdfium(page, source)
            try:
                try:
                    parts, lines, blank_dependent = _page_parts(page, pno)
                except Exception:
                    if not from_pdfium:
                        raise
                    # pdfplumber choked on pdfium's objects: pdfminer reads the page.
                    blank_dependent, reason = True, "pdfminer: error on pdfium's objects"
                else:
                    reason = "pdfminer: trailing blanks in a cell at a page break"
                if from_pdfium and blank_dependent:
                    page.flush_cache()  # drops pdfium's objects: pdfminer reads the page
                    pdfium_objects.STATS["pdfium"] -= 1
                    pdfium_objects.STATS[reason] += 1
                    parts, lines, _ = _page_parts(page, pno)
            except Exception as e:
                if _is_encryption_error(e):
                    raise EncryptedPdf("the PDF is encrypted (password-protected)") from e
                raise
            out.append((pno, float(page.height), parts, lines))
            page.flush_cache()
    finally:
        if paused:
            gc.enable()
        if source is not None:
            source[0].close()
    return out


_GC_EVERY = 8  # pages between two collections of the young generations in `_read_pages`


def _die_with_parent(parent: int) -> None:
    # A helper must not outlive the parser process that forked it (a time limit kills only
    # that process): ask the kernel to kill it with its parent.
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:
        os._exit(1)


def _read_pages_parallel(pages: list, workers: int,
                         data: bytes | None = None) -> list[tuple[int, float, list, list]]:
    """The same per-page work split over forked helper processes (this one included).

    Pages go round-robin so that table-heavy stretches are shared; each helper has its own
    copy of the opened PDF (fork), reads its pages and sends the results back pickled.
    Results are put back in page order, so assembly sees exactly what one process would.
    """
    import pickle

    numbers = [p.page_number for p in pages]
    shares = [set(numbers[k::workers]) for k in range(workers)]
    parent = os.getpid()
    children: list[tuple[int, int]] = []  # (pid, read fd)
    try:
        for share in shares[1:]:
            r, w = os.pipe()
            pid = os.fork()
            if pid == 0:  # helper
                os.close(r)
                for _, fd in children:
                    os.close(fd)
                status = 0
                try:
                    _die_with_parent(parent)
                    try:
                        payload = ("ok", _read_pages(pages, share, data))
                    except BaseException as e:  # back to the parent as data
                        payload = ("error", e)
                    try:
                        blob = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
                    except Exception as e:
                        blob = pickle.dumps(("error", RuntimeError(f"{type(e).__name__}: {e}")))
                    with os.fdopen(w, "wb") as f:
                        f.write(blob)
                except BaseException:
                    status = 1
                finally:
                    os._exit(status)
            os.close(w)
            children.append((pid, r))
        results = _read_pages(pages, shares[0], data)
        for (pid, fd), share in zip(children, shares[1:], strict=True):
            with os.fdopen(fd, "rb") as f:
                blob = f.read()
            os.waitpid(pid, 0)
            if not blob:
                # A helper that died without a word (killed, or crashed in the C library a fork
                # inherited mid-call from another thread of a multithreaded host): its pages are
                # read here, so the document is read whole all the same.
                results.extend(_read_pages(pages, share, data))
                continue
            status, value = pickle.loads(blob)
            if status == "error":
                raise value
            results.extend(value)
        children = []
    finally:
        for pid, _ in children:  # an error above: do not leave helpers behind
            try:
                os.kill(pid, 9)
                os.waitpid(pid, 0)
            except OSError:
                pass
    results.sort(key=lambda r: r[0])
    return results


def read_pdf(data: bytes, max_pages: int | None = None, page_workers: int = 1,
             parallel_min_pages: int = PARALLEL_MIN_PAGES, pdfium: bool | None = None) -> Document:
    """`page_workers` > 1 reads the pages of a large document (≥ parallel_min_pages) in that
    many processes; the result is the same Document as with one.

    `pdfium` (default: on, unless BPW_PDFIUM=0) takes each page's characters and rulings
    from pdfium where they are exactly pdfminer's; False reads every page with pdfminer.
    Both give the same Document (tests/unit/test_pdfium_objects.py)."""
    if pdfium is None:
        pdfium = os.environ.get("BPW_PDFIUM", "1") != "0"
    src = data if pdfium else None
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as e:
        if _is_encryption_error(e):
            raise EncryptedPdf("the PDF is encrypted (password-protected)") from e
        raise
    doc = Document(file_format="pdf")
    with pdf:
        try:
            pages = pdf.pages
        except Exception as e:
            if _is_encryption_error(e):
                raise EncryptedPdf("the PDF is encrypted (password-protected)") from e
            raise
        doc.page_count = len(pages)
        if max_pages is not None and len(pages) > max_pages:
            doc.warnings.append(f"only the first {max_pages} of {len(pages)} pages were read")
            pages = pages[:max_pages]
        # Pass 1: per page, the table parts and the text lines, in reading order.
        if page_workers > 1 and len(pages) >= max(parallel_min_pages, 2):
            per_page = _read_pages_parallel(list(pages), min(page_workers, len(pages)), src)
        else:
            per_page = _read_pages(pages, data=src)
        items: list[tuple[int, float, object]] = []  # (page, top, _Line | _Part)
        heights: dict[int, float] = {}
        for pno, height, parts, lines in per_page:
            heights[pno] = height
            page_items: list[tuple[int, float, object]] = [(pno, p.top, p) for p in parts]
            page_items += [(pno, ln.top, ln) for ln in lines]
            page_items.sort(key=lambda it: it[1])
            items.extend(page_items)
        _assemble(doc, items, heights)
    return doc


def _assemble(doc: Document, items: list[tuple[int, float, object]], heights: dict) -> None:
    lines = [it[2] for it in items if isinstance(it[2], _Line)]
    # Body geometry from the text lines: the right margin, the usual line gap.
    right_by_page: dict[int, float] = {}
    left_by_page: dict[int, float] = {}
    for ln in lines:
        right_by_page[ln.page] = max(right_by_page.get(ln.page, 0.0), ln.x1)
        left_by_page[ln.page] = min(left_by_page.get(ln.page, 1e9), ln.x0)
    all_right = sorted(right_by_page.values())
    doc_right = all_right[len(all_right) // 2] if all_right else 0.0
    all_left = sorted(left_by_page.values())
    doc_left = all_left[len(all_left) // 2] if all_left else 0.0
    gaps = []
    prev: _Line | None = None
    for ln in lines:
        if prev is not None and prev.page == ln.page and ln.top > prev.bottom:
            gaps.append(ln.top - prev.bottom)
        prev = ln
    gaps.sort()
    line_gap = gaps[len(gaps) // 4] if gaps else 5.0
    content_bottom = {
        p: max((it[2].bottom for it in items if it[0] == p), default=0.0) for p in heights
    }
    body_bottom = max(content_bottom.values(), default=0.0)

    n_para = 0
    tables: list[_LogicalTable] = []
    cur: list[_Line] = []  # lines of the paragraph being built
    last_caption = ""
    last_kind = None  # "line" | "table" | None – what was printed last
    last_table: _LogicalTable | None = None
    last_part: _Part | None = None
    blocks: list[object] = []  # Paragraph texts (as _Line lists) and _LogicalTable, in order

    def flush() -> None:
        nonlocal cur, last_caption
        if cur:
            blocks.append(list(cur))
            last_caption = " ".join(x.text for x in cur).strip()
            cur = []

    def char_w(ln: _Line) -> float:
        return max(ln.bottom - ln.top, 4.0)

    running = _running_headers(items, heights)
    printed_on_page: dict[int, bool] = {}
    retitled: list[_Line] = []  # lines held back: they reprint the last table's title
    title_lines: list[_Line] = []  # lines printed since the last table part

    def _add_line(ln: _Line) -> None:
        nonlocal last_kind
        printed_on_page[ln.page] = True
        title_lines.append(ln)
        if cur:
            p = cur[-1]
            w = char_w(p)
            right = max(right_by_page.get(p.page, doc_right), doc_right)
            full = p.x1 >= right - 2.2 * w
            if p.page == ln.page:
                gap_break = ln.top - p.bottom > max(line_gap * 1.6, line_gap + 3)
            else:
                gap_break = False
            left = left_by_page.get(ln.page, doc_left)
            indent = ln.x0 > left + 1.5 * w
            if (
                not full
                or gap_break
                or indent
                or last_kind == "table"
                or _is_heading(ln.text)
            ):
                flush()
        cur.append(ln)
        last_kind = "line"

    for _pno, _top, obj in items:
        if isinstance(obj, _Part):
            part = obj
            glue = (
                last_kind == "table"
                and last_table is not None
                and last_part is not None
                and last_part.page == part.page - 1
                and not printed_on_page.get(part.page)
                and not retitled
                and last_part.bottom >= min(body_bottom, content_bottom.get(last_part.page, 0))
                - 0.2 * heights.get(last_part.page, 842)
                and _same_columns(last_table, part)
            )
            if not glue and retitled and last_table is not None and last_part is not None:
                # the page reprints the table's title and header above its continuation
                glue = (
                    last_part.page == part.page - 1
                    and tuple(_norm(x.text) for x in retitled) == last_table.title
                    and last_part.bottom >= min(body_bottom, content_bottom.get(last_part.page, 0))
                    - 0.2 * heights.get(last_part.page, 842)
                    and _same_columns(last_table, part)
                    and _repeats_header(last_table, part.rows)
                )
            if glue:
                for held in retitled:  # the reprinted title: its own paragraph, as a running header
                    blocks.append([held])
                shift = _page_shift(last_table, part)
                for r in part.rows:  # the continuation's cells on the table's grid
                    for c in r:
                        c.x0 -= shift
                        c.x1 -= shift
                rows = _drop_repeated_header(last_table, part.rows)
                rows = _merge_split_row(last_table, rows)
                last_table.rows.extend(rows)
            else:
                for held in retitled:
                    _add_line(held)
                flush()
                last_table = _LogicalTable(
                    page=part.page, rows=list(part.rows), x0=part.x0, x1=part.x1, caption=last_caption,
                    title=tuple(_norm(x.text) for x in title_lines if x.page == part.page and id(x) not in running),
                )
                blocks.append(last_table)
            last_part = part
            retitled = []
            title_lines = []
            last_kind = "table"
            printed_on_page[part.page] = True
            continue
        ln = obj
        if last_kind == "table" and id(ln) in running:
            # The page's running header (the same title atop most pages) is not text printed
            # between a table and its continuation: kept as its own paragraph, it does not
            # end the table.
            blocks.append([ln])
            last_caption = ln.text.strip()
            continue
        if last_kind == "table" and last_table is not None and last_table.title \
                and not printed_on_page.get(ln.page) and len(retitled) < len(last_table.title) \
                and _norm(ln.text) == last_table.title[len(retitled)]:
            # a line atop the page after a table that reprints that table's title: held back
            # until it is known whether the table continues below it
            retitled.append(ln)
            continue
        for held in retitled:
            _add_line(held)
        retitled = []
        _add_line(ln)
    for held in retitled:
        _add_line(held)
    flush()

    for b in blocks:
        if isinstance(b, _LogicalTable):
            idx = len(tables) + 1
            tables.append(b)
            doc.blocks.append(_to_table(b, idx))
        else:
            text = _join_lines([x.text for x in b])
            if not text:
                continue
            n_para += 1
            doc.blocks.append(Paragraph(index=n_para, text=text, page=b[0].page))


def _running_headers(items: list[tuple[int, float, object]], heights: dict) -> set[int]:
    """ids of the lines that open their page (in its top band) with a text that opens at
    least three pages: a running header, printed on every page by the layout."""
    first: dict[int, _Line | None] = {}  # None: the page opens with a table
    for pno, _top, obj in items:
        if pno not in first:
            first[pno] = obj if isinstance(obj, _Line) else None
    tops = {p: ln for p, ln in first.items() if ln is not None and ln.top < 0.12 * heights.get(p, 842)}
    count: dict[str, int] = {}
    for ln in tops.values():
        count[_norm(ln.text)] = count.get(_norm(ln.text), 0) + 1
    return {id(ln) for ln in tops.values() if count[_norm(ln.text)] >= 3 and _norm(ln.text)}


_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def _join_lines(parts: list[str]) -> str:
    """Join wrapped lines: no space between CJK text, one space between Latin words."""
    out = ""
    for s in parts:
        s = s.strip()
        if not s:
            continue
        if out and not _CJK.match(out[-1]) and not _CJK.match(s[0]) and out[-1] != "-":
            out += " "
        out += s
    return out
