"""The document model every reader produces and every extractor consumes.

A document is an ordered list of blocks; a block is a paragraph or a table. Locations are
kept on every block and cell so that any number found later can be traced back
(`SourceRef`). Readers know only this module.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where something is printed. Rendered as the contract's `source_ref` string."""

    page: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    para: int | None = None
    chars: tuple[int, int] | None = None
    # A sentence the reader rejoined over printed lines: the first line's paragraph index, so
    # checks that pair figures of one paragraph still pair them (`para=16;chars=3-7;in=15`).
    within: int | None = None

    def __str__(self) -> str:
        parts: list[str] = []
        if self.page is not None:
            parts.append(f"page={self.page}")
        if self.table is not None:
            parts.append(f"table={self.table}")
            if self.row is not None:
                parts.append(f"row={self.row}")
            if self.col is not None:
                parts.append(f"col={self.col}")
        if self.para is not None:
            parts.append(f"para={self.para}")
            if self.chars is not None:
                parts.append(f"chars={self.chars[0]}-{self.chars[1]}")
                if self.within is not None:
                    parts.append(f"in={self.within}")
        return ";".join(parts)


@dataclass(slots=True)
class Cell:
    """One printed cell. `row`/`col` are 1-based grid positions in the printed table.

    A merged cell (gridSpan / vMerge / a PDF cell covering several grid cells) is stored
    once at its top-left position with its spans; `merged_copy` marks the expanded copies
    that readers emit for vertically merged continuation cells, so consumers can skip them.
    """

    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    merged_copy: bool = False


@dataclass(slots=True)
class Table:
    index: int  # 1-based position among the document's tables
    rows: list[list[Cell]] = field(default_factory=list)
    page: int | None = None  # first page the table is printed on (PDF)
    nested_in: int | None = None  # index of the enclosing table for nested tables
    caption: str = ""  # nearest preceding paragraph, handy for recognisers and logs

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_cols(self) -> int:
        return max((c.col + c.colspan - 1 for r in self.rows for c in r), default=0)

    def texts(self) -> list[list[str]]:
        """Row-wise cell texts without merged copies."""
        return [[c.text for c in r if not c.merged_copy] for r in self.rows]

    def ref(self, cell: Cell) -> SourceRef:
        return SourceRef(page=self.page, table=self.index, row=cell.row, col=cell.col)


@dataclass(slots=True)
class Paragraph:
    index: int  # 1-based position among the document's paragraphs
    text: str
    page: int | None = None
    style: str = ""  # e.g. "Heading 1" when the format says so
    # Printed lines joined into this paragraph after reading (a sentence a PDF or a hard-
    # wrapped page cut over lines): (index, page, offset in text) of each line, so a span
    # still points at the printed line it starts on.
    lines: tuple[tuple[int, int | None, int], ...] = ()
    # Spaces the reader closed between a figure and its words ("预算 27 万元" read as "预算27万元"):
    # each a position in `text` right after a dropped character, so spans map back to the print.
    gaps: tuple[int, ...] = ()

    def ref(self, start: int | None = None, end: int | None = None) -> SourceRef:
        if start is None or end is None:
            return SourceRef(page=self.page, para=self.index)
        index, page, offset, within = self.index, self.page, 0, None
        if self.lines:
            index, page, offset = next(ln for ln in reversed(self.lines) if ln[2] <= start)
            within = self.index
        first = max(offset, 0)  # where the printed line starts in `text`
        s = start - offset + sum(1 for g in self.gaps if first < g <= start)
        e = end - offset + sum(1 for g in self.gaps if first < g < end)
        return SourceRef(page=page, para=index, chars=(s, e), within=within)


Block = Paragraph | Table


@dataclass(slots=True)
class Document:
    blocks: list[Block] = field(default_factory=list)
    file_format: str = "txt"
    page_count: int | None = None
    warnings: list[str] = field(default_factory=list)
    # prepare() rewrites the blocks in place (lines rejoined, spaces closed): done once, so that
    # extracting the same read document again gives the same facts and references
    prepared: bool = False

    @property
    def paragraphs(self) -> Iterator[Paragraph]:
        return (b for b in self.blocks if isinstance(b, Paragraph))

    @property
    def tables(self) -> Iterator[Table]:
        return (b for b in self.blocks if isinstance(b, Table))

    def text(self) -> str:
        out: list[str] = []
        for b in self.blocks:
            if isinstance(b, Paragraph):
                out.append(b.text)
            else:
                out.extend(" ".join(r) for r in b.texts())
        return "\n".join(out)
