"""HTML tables inside text (Markdown exports of PDFs by MinerU and similar tools write
<table><tr><td rowspan=…>…</td></tr></table>): rows placed on the printed grid, with spans
and the merged copies the other readers emit."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from pipeline.model import Cell

TABLE = re.compile(r"<table\b.*?</table>", re.S | re.I)


class _Rows(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[tuple[str, int, int]]] = []
        self._cell: list[str] | None = None
        self._span = (1, 1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            if not self.rows:
                self.rows.append([])
            self._cell = []
            self._span = (_int(a.get("rowspan")), _int(a.get("colspan")))
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(("".join(self._cell).strip(), *self._span))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _int(v: str | None) -> int:
    try:
        return max(1, min(int(v or 1), 200))  # untrusted input: bounded spans
    except ValueError:
        return 1


def parse_html_table(html: str) -> list[list[Cell]]:
    p = _Rows()
    p.feed(html)
    p.close()
    return place_cells(p.rows)


def place_cells(rows: list[list[tuple[str, int, int]]]) -> list[list[Cell]]:
    """Rows of (text, rowspan, colspan) as printed → cells on the grid: a cell spanning rows
    pushes the cells below it to the right, and leaves merged copies there."""
    taken: dict[tuple[int, int], Cell] = {}
    out: list[list[Cell]] = []
    for r, row in enumerate(rows, start=1):
        cells: list[Cell] = []
        col = 1
        for text, rowspan, colspan in row:
            while (r, col) in taken:  # a copy spans the columns of its origin
                cells.append(copy := taken.pop((r, col)))
                col += copy.colspan
            cells.append(Cell(text=text, row=r, col=col, rowspan=rowspan, colspan=colspan))
            for dr in range(1, rowspan):
                taken[(r + dr, col)] = Cell(text=text, row=r + dr, col=col, colspan=colspan, merged_copy=True)
            col += colspan
        while (r, col) in taken:
            cells.append(copy := taken.pop((r, col)))
            col += copy.colspan
        out.append(cells)
    return [row for row in out if row]
