"""A results table printed as rows of cells split by '|' whose label and header cells were lost
in the rendering (a report's cover: '绩效等级 | |||' then '55.00 | 49.04 | 优 | |', '产出 | 20.00 | 20.00 |
优 |' … '100.00 | 94.04 | 优 |'): under a header naming the grade column and no figure, each row
prints its full mark (分值), its score (得分) and its grade, and the row whose full mark is 100 is the
total.

A row may have lost one of its two figures ('15.00 | 优'): which one is not printed, so it is read
only when the identities say it is both — the full marks of the parts add up to 100 and their
scores to the total only with that one figure as its mark and as its score. Nothing is stored
unless every row between the header and the total was read, there are two parts or more, each
score is within its mark, the marks add up to 100 and the scores to the total (each within its
printed rounding); then each row is a part (named by its label when one is printed, else by its
row number) with its grade, and the total the report's score. Otherwise the rows stay in
`unrecognised` with the reason. The header's shape is vocab/layout.toml [graded_rows].
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from pipeline.extract.cells import Val
from pipeline.extract.recognisers.context import Ctx, _score
from pipeline.lexicon import pattern
from pipeline.model import Block, Cell, Paragraph
from pipeline.normalize.grades import grade_rank
from pipeline.normalize.money import half_width
from pipeline.normalize.numbers import Number, parse_number

_SEP = "|"
_HUNDRED = Decimal(100)
_FIGURE = re.compile(r"\d{1,3}(?:\.\d{1,2})?")


@dataclass
class _Row:
    para: Paragraph
    label: str | None
    figures: list[tuple[Number, int, int]]  # each figure with where it is printed in the paragraph
    grade: str


def _cells(text: str) -> list[tuple[str, int, int]]:
    """The non-blank cells of a '|' row with where each is printed."""
    out, pos = [], 0
    for part in text.split(_SEP):
        lead = len(part) - len(part.lstrip())
        cell = part.strip()
        if cell:
            out.append((cell, pos + lead, pos + lead + len(cell)))
        pos += len(part) + len(_SEP)
    return out


def _row(p: Paragraph) -> _Row | None:
    """A row: an optional label, one or two figures, then a grade."""
    if _SEP not in p.text:
        return None
    cells = _cells(p.text)
    if len(cells) < 2 or grade_rank(cells[-1][0]) is None or _FIGURE.fullmatch(cells[-1][0]):
        return None
    body = cells[:-1]
    label = None
    if body and not _FIGURE.fullmatch(body[0][0]):
        label = body[0][0]
        body = body[1:]
    if not 1 <= len(body) <= 2 or not all(_FIGURE.fullmatch(c) for c, _, _ in body):
        return None
    figures = [(parse_number(c), a, z) for c, a, z in body]
    if any(n is None for n, _, _ in figures):
        return None
    return _Row(p, label, figures, cells[-1][0])  # type: ignore[arg-type]


def _close(value: Decimal, target: Number, parts: list[Number]) -> bool:
    tol = half_width(target.decimals) + sum((half_width(n.decimals) for n in parts), Decimal(0))
    return abs(value - target.value) <= tol


def _read(rows: list[_Row]) -> list[tuple[_Row, Number, Number]] | None:
    """(row, mark, score) of every row, the total last; None when the identities do not hold."""
    if len(rows) < 3:
        return None
    total = rows[-1]
    if len(total.figures) != 2 or total.figures[0][0].value != _HUNDRED:
        return None
    full, score = total.figures[0][0], total.figures[1][0]
    parts = rows[:-1]
    two = [r for r in parts if len(r.figures) == 2]
    one = [r for r in parts if len(r.figures) == 1]
    if len(one) > 1 or any(r.figures[1][0].value > r.figures[0][0].value for r in two):
        return None
    marks = sum((r.figures[0][0].value for r in two), Decimal(0))
    scores = sum((r.figures[1][0].value for r in two), Decimal(0))
    if one:
        x = one[0].figures[0][0]
        # the one figure is the part's mark and its score: both sums close only with it
        if marks + x.value != full.value or not _close(scores + x.value, score, [r.figures[1][0] for r in two] + [x]):
            return None
    elif marks != full.value or not _close(scores, score, [r.figures[1][0] for r in two]):
        return None
    out = [(r, r.figures[0][0], r.figures[-1][0]) for r in parts]
    return out + [(total, full, score)]


def graded_rows_facts(blocks: list[Block], ctx: Ctx) -> set[str]:
    """Reads results tables of '|' rows that lost their labels in `blocks`; the refs used."""
    header = pattern("layout", "graded_rows.header")
    used: set[str] = set()
    paras = [b for b in blocks if isinstance(b, Paragraph)]
    for i, p in enumerate(paras):
        cells = _cells(p.text) if _SEP in p.text else []
        if not cells or any(_FIGURE.search(c) for c, _, _ in cells) or not any(header.fullmatch(c) for c, _, _ in cells):
            continue
        rows: list[_Row] = []
        for q in paras[i + 1:]:
            r = _row(q)
            if r is None:
                break
            rows.append(r)
            if r.figures[0][0].value == _HUNDRED and len(r.figures) == 2:
                break  # the total closes the table
        if not rows:
            continue
        read = _read(rows)
        ref = lambda r, a, z: str(r.para.ref(a, z))  # noqa: E731
        if read is None:
            for r in rows:
                for n, a, z in r.figures:
                    ctx.ex.unrecognised.append({
                        "document_id": ctx.document_id, "report_id": ctx.report_id, "source_ref": ref(r, a, z),
                        "what": "figure", "text": n.text,
                        "reason": "graded rows without labels: the full marks and scores do not add up to the "
                                  "total row's (or a row's one figure could be either)"})
            continue
        for k, (r, mark, score) in enumerate(read, start=1):
            last = k == len(read)
            (_, a, _), (_, _, z) = r.figures[0], r.figures[-1]
            where = ref(r, a, z)
            wcol, scol = (1, 2) if len(r.figures) == 2 else (1, 1)
            wv = Val(mark, Cell(text=mark.text, row=r.para.index, col=wcol), ref(r, *r.figures[0][1:]))
            sv = Val(score, Cell(text=score.text, row=r.para.index, col=scol), ref(r, *r.figures[-1][1:]))
            name = "total" if last else (r.label or f"row{k}")
            _score(ctx, None, name, wv, sv, where, grade=r.grade)
            used.add(where)
    return used
