"""Any rendering of a table → its cells in reading order (the engine's second input).

A grid (a Table from any reader) gives its cells row by row, empty cells included. Text
gives what its rendering marks as cells: `|`-separated (with or without outer bars; runs of
`||||` are empty cells), tab-separated, or one cell per line (blank-line separated renderings
arrive here as one paragraph per line). A line holding several words of a template's
vocabulary is split at spaces (tables flattened onto one line) and, inside a word, at the
template's own printed words and at the border between text and a run of figures (cells run
together by document-site previews). Nothing here knows what a cell means.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.lexicon import word
from pipeline.model import Block, Cell, Paragraph, Table
from pipeline.normalize.money import money_unit_alternation
from pipeline.normalize.numbers import parse_number
from pipeline.normalize.text import to_halfwidth

# A run of figures as printed: digits, points, thousands commas and percent signs, with the
# money unit a cell may carry (4753.66万元).
_FIGURES = rf"[-−]?\d[\d.,]*%?(?:{money_unit_alternation()})?"
_SPACES = re.compile(r"[\s\u00a0\u3000]+")
_YEAR_OF = re.compile(rf"(?:19|20)\d\d(?={re.escape(word('tables', 'year_word'))})")
_YEAR_APART = re.compile(rf"(?<![\d.])((?:19|20)\d\d)[\s\u00a0\u3000]+(?={re.escape(word('tables', 'year_word'))})")
# '2017 比 2016 增减' (a PDF export's spaces around figures): the comparison is one header cell
_YEARS_COMPARED = re.compile(rf"(?<![\d.])((?:19|20)\d\d)[\s\u00a0\u3000]+({word('tables', 'compare_word')})"
                             rf"[\s\u00a0\u3000]+((?:19|20)\d\d)[\s\u00a0\u3000]*")


@dataclass
class SCell:
    text: str  # as printed, trimmed
    ref: str  # source_ref of the cell or of the paragraph span
    line_start: bool  # the first cell of a printed row or line
    cell: Cell  # the grid cell (a synthetic one for text)
    table: Table | None = None
    # The printed line began with a bar right after a line that ended with one ('234267 |' then
    # '| -10.9 |'): a row run on over lines, with one empty cell between the two bars.
    bar_before: bool = False

    @property
    def empty(self) -> bool:
        return self.text == ""


_ANNOTATION = r"[(][^()]{0,12}[)]"
_HAN = re.compile(r"[\u4e00-\u9fff]")
_HAN_OR_MARK = re.compile(r"[\u4e00-\u9fff:)(]")


def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alts = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True) if w)
    # Words first (longest first), then parenthesised annotations such as (10分) kept whole,
    # then runs of figures.
    return re.compile((f"(?P<w>{alts})|" if alts else "") + f"(?P<a>{_ANNOTATION})|(?P<f>{_FIGURES})")


def split_run(text: str, words: tuple[str, ...]) -> list[str]:
    """'年度资金总额10001000100%20执行' → ['年度资金总额', '10001000100%20', '执行']: pieces at the
    template's words and at runs of figures that touch text (a code such as '219-' stays in
    its cell); the text between them stays as printed."""
    s = to_halfwidth(text)
    out: list[str] = []
    pos = 0
    for m in _words_pattern(words).finditer(s):
        if m.lastgroup == "f":
            before, after = s[m.start() - 1 : m.start()], s[m.end() : m.end() + 1]
            if not (_HAN_OR_MARK.match(before or "") or _HAN_OR_MARK.match(after or "")):
                continue
            if _YEAR_OF.match(s, m.start()):
                continue  # '2023年马鹿坑…建设项目': a year inside a name, not a cell of its own
        if m.start() > pos:
            out.append(s[pos : m.start()])
        out.append(m.group(0))
        pos = m.end()
    if pos < len(s):
        out.append(s[pos:])
    return [p.strip() for p in out if p.strip(" :：")]


def _line_cells(text: str, words: tuple[str, ...]) -> list[str]:
    """The cells a printed line marks."""
    if "|" in text:
        parts = text.split("|")
        if text.lstrip().startswith("|"):
            parts = parts[1:]
        if text.rstrip().endswith("|"):
            parts = parts[:-1]
        return [_SPACES.sub(" ", p).strip() for p in parts]
    if "\t" in text.strip():
        return [p.strip() for p in text.strip().split("\t")]
    # One cell per line, or a table flattened onto the line with spaces: either way the
    # words are cells (a label printed with a space is rejoined by the engine). A year set
    # apart from its 年 ('2022 年决算数', PDF spacing) stays in its cell. A line of single
    # characters set apart ('合 计', '项 目') is one letter-spaced word.
    words = [w for w in _SPACES.split(_YEARS_COMPARED.sub(r"\1\2\3", _YEAR_APART.sub(r"\1", text.strip()))) if w]
    if 1 < len(words) <= 4 and all(_HAN.fullmatch(w) for w in words):
        return ["".join(words)]
    return words


_PROSE = re.compile(r"[。；;]")


def _pieces(cell_text: str, words: tuple[str, ...], delimited: bool = False) -> list[str]:
    """A cell that is not one figure and holds the template's words or figures next to text is
    split (cells run together); an ordinary label or figure stays whole. A delimited cell (a
    grid's, or between `|`/tabs) written as sentences is a remark column's prose ('1.预算执行率
    =…未达到90%的需说明原因；2.…'): its figures are no cells."""
    t = cell_text.strip()
    if not t or parse_number(t) is not None or len(t) <= 3:
        return [t]
    if delimited and len(t) > 20 and _PROSE.search(t):
        return [t]
    return split_run(t, words) or [t]


def _spans(text: str, cells: list[str]) -> list[tuple[int, int] | None]:
    """Where each cell of a printed line sits in it (None when its text was respaced)."""
    out: list[tuple[int, int] | None] = []
    pos = 0
    for c in cells:
        k = text.find(c, pos) if c else -1
        if k < 0:
            out.append(None)
            continue
        out.append((k, k + len(c)))
        pos = k + len(c)
    return out


def cells_of(blocks: list[Block], words: tuple[str, ...], split: bool = True, after_bar: bool = False,
             after_lone: bool = False) -> list[SCell]:
    """The stream. `split=False` keeps every printed cell whole (the disclosure tables label
    their rows with whole cells) and refers to each cell of a line by its characters.
    `after_bar`: the line before `blocks` ended its cell with a bar; `after_lone`: it was a lone
    bar (for a caller streaming one block at a time)."""
    out: list[SCell] = []
    bar_cells = after_bar  # the last printed line ended its cell with a bar
    lone = after_lone  # the last printed line was a lone bar
    for b in blocks:
        was_lone, lone = lone, isinstance(b, Paragraph) and b.text.strip() == "|"
        if isinstance(b, Table):
            run_on = bar_cells and _bar_line(b)
            for row in b.rows:
                first = True
                for c in row:
                    if c.merged_copy:
                        continue
                    for piece in (_pieces(c.text, words, True) if split else [c.text.strip()]) if c.text.strip() else [""]:
                        out.append(SCell(piece, str(b.ref(c)), first, c, b, bar_before=first and run_on))
                        first = False
        elif isinstance(b, Paragraph):
            ref = str(b.ref())
            first = True
            if b.text.strip() == "|":
                # One cell per line ending in ' |': a lone bar is an empty cell ('20 |' then '|');
                # between cells printed without bars it only separates them.
                # Cells printed one per line with a lone bar between them ('106.13' | '|' | '|' |
                # '|' | '86.1'): each bar after the first is an empty cell.
                if bar_cells or was_lone:
                    out.append(SCell("", ref, True, Cell(text="", row=b.index, col=1)))
                continue
            opens = bar_cells and b.text.lstrip().startswith("|")
            if b.text.strip():
                bar_cells = b.text.rstrip().endswith("|")
            line = _line_cells(b.text, words)
            if not split:
                for k, (text, span) in enumerate(zip(line, _spans(b.text, line), strict=True)):
                    r = str(b.ref(*span)) if span and len(line) > 1 else ref
                    out.append(SCell(text, r, k == 0, Cell(text=text, row=b.index, col=k + 1),
                                     bar_before=k == 0 and opens))
                continue
            delimited = "|" in b.text or (len(line) > 1 and "\t" in b.text.strip())
            for k, text in enumerate(line):
                for piece in _pieces(text, words, delimited) if text else [""]:
                    out.append(SCell(piece, ref, first, Cell(text=piece, row=b.index, col=k + 1),
                                     bar_before=first and opens))
                    first = False
    return out


def _bar_line(t: Table) -> bool:
    """A grid of one row of figures: the text reader's reading of a line '| -10.9 | 70.9 |'
    (a line of figures becomes a grid only between bars or tabs), printed between bars."""
    return len(t.rows) == 1 and bool(t.rows[0]) and all(parse_number(c.text) is not None or not c.text.strip()
                                                        for c in t.rows[0])


def ends_with_bar(b: Block, after_bar: bool) -> bool:
    """Whether a cell line ends its cell with a bar after block b (see cells_of's `after_bar`)."""
    if isinstance(b, Table):
        return after_bar and _bar_line(b)
    if not isinstance(b, Paragraph) or not b.text.strip():
        return after_bar if isinstance(b, Paragraph) else False
    return after_bar if b.text.strip() == "|" else b.text.rstrip().endswith("|")


def owned_cells(blocks: list[Block]) -> tuple[list[SCell], list[int]]:
    """The cells of `blocks` in reading order, block by block (a `|` ending one block carries
    over to the next), and for each cell the position of the block it was printed in."""
    cells: list[SCell] = []
    owner: list[int] = []
    after_bar = after_lone = False
    for bi, b in enumerate(blocks):
        got = cells_of([b], (), split=False, after_bar=after_bar, after_lone=after_lone)
        after_bar = ends_with_bar(b, after_bar)
        after_lone = isinstance(b, Paragraph) and b.text.strip() == "|"
        cells.extend(got)
        owner.extend([bi] * len(got))
    return cells, owner
