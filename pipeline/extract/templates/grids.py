"""Project result tables (项目名称 | 实施单位 | 预算资金 | 评分情况 | 评价等级) printed one cell per line,
read by the table recogniser that reads their grid (recognisers/summary.py).

The header gives the column count and each column's meaning: a run of cells, one per printed
line, each a column the summary recogniser knows (vocab/tables.toml [summary], vocab/stages.csv),
with a project name and a score among them. Rows begin at a row number (序号: 1, 一, 一、) and
hold one cell per column; each cell must fit its column (a figure under a figure column, text
under a text column). A run that does not fit is a section heading when it holds no figure
(一 | 项目绩效评价, its empty cells not all printed) and ends the table otherwise. A row cut by the
end of the text is not read: an excerpt's table is not the list its text counts (共24个项目), and
a lone cut row would pass for a single-project report's score. Each grid cell keeps the
source_ref of the line it was printed on, so facts point at the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.extract.recognisers.context import Ctx
from pipeline.extract.recognisers.summary import _summary_field, read_summary
from pipeline.extract.templates.stream import SCell, cells_of, ends_with_bar
from pipeline.extract.vocabulary import table_pattern
from pipeline.model import Block, Cell, Table
from pipeline.normalize.numbers import is_blank, parse_number

_ROW_NUMBER = table_pattern("summary.row_number")
_TEXT_FIELDS = {"seq", "code", "name", "unit", "grade", "reason"}


@dataclass(slots=True)
class StreamGrid(Table):
    """A grid rebuilt from a cell stream: each cell refers to where it was printed."""

    refs: dict[int, str] = field(default_factory=dict)

    def ref(self, cell: Cell):  # type: ignore[override]
        return self.refs.get(id(cell)) or Table.ref(self, cell)


def _stream(blocks: list[Block]) -> list[SCell]:
    out: list[SCell] = []
    after_bar = False
    for b in blocks:
        out.extend(cells_of([b], (), split=False, after_bar=after_bar))
        after_bar = ends_with_bar(b, after_bar)
    return out


def _header(cells: list[SCell], i: int) -> list[str] | None:
    fields: list[str] = []
    j = i
    while j < len(cells) and cells[j].line_start and not cells[j].empty:
        f = _summary_field(cells[j].text)
        if f is None or f in fields:
            break
        fields.append(f)
        j += 1
    return fields if len(fields) >= 4 and {"name", "score"} <= set(fields) and fields[0] == "seq" else None


def _fits(field_name: str, c: SCell) -> bool:
    if c.empty or is_blank(c.text):
        return True
    is_figure = parse_number(c.text) is not None
    if field_name == "seq":
        return bool(_ROW_NUMBER.match(c.text))
    return not is_figure if field_name in _TEXT_FIELDS else is_figure


def _rows(cells: list[SCell], k: int, fields: list[str]) -> tuple[list[list[SCell]], int]:
    w = len(fields)
    rows: list[list[SCell]] = []
    while k < len(cells) and _ROW_NUMBER.match(cells[k].text):
        chunk = cells[k : k + w]
        if len(chunk) == w and all(_fits(f, c) for f, c in zip(fields, chunk, strict=True)):
            rows.append(chunk)
            k += len(chunk)
            continue
        e = k + 1
        while e < len(cells) and not _ROW_NUMBER.match(cells[e].text) and e - k < w:
            e += 1
        if any(parse_number(c.text) is not None for c in cells[k + 1 : e]) or e >= len(cells):
            break  # figures that do not fit the columns: the table is not what its header says
        k = e  # a section heading row (no figures), some of its empty cells not printed
    return rows, k


def summary_grids(blocks: list[Block], ctx: Ctx) -> set[str]:
    """Reads the result tables printed one cell per line in `blocks`; the refs of cells read."""
    cells = _stream(blocks)
    used: set[str] = set()
    i = 0
    while i < len(cells):
        fields = _header(cells, i)
        if fields is None:
            i += 1
            continue
        head = cells[i : i + len(fields)]
        rows, end = _rows(cells, i + len(fields), fields)
        if not rows:
            i += len(fields)
            continue
        grid = StreamGrid(index=0)
        for r, line in enumerate([head, *rows], start=1):
            row = [Cell(text=c.text, row=r, col=n) for n, c in enumerate(line, start=1)]
            grid.refs.update({id(x): c.ref for x, c in zip(row, line, strict=True)})
            grid.rows.append(row)
        before = {t: len(getattr(ctx.ex, t)) for t in ("fact_scores", "fact_budgets", "fact_executions")}
        if read_summary(grid, ctx, None):
            used.update(f["source_ref"] for t, n in before.items() for f in getattr(ctx.ex, t)[n:])
        i = end
    return used
