"""Small helpers shared by the table recognisers: cell text, numbers, header matching."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from pipeline.lexicon import pattern
from pipeline.model import Cell, Table
from pipeline.normalize.money import unit_alternation
from pipeline.normalize.numbers import Number, parse_number
from pipeline.normalize.text import squash


def sq(text: str) -> str:
    return squash(text or "")


# CJK punctuation, ideographs and full-width forms, as ranges the regex engine reads (\uXXXX).
_CJK = r"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_WRAP = re.compile(rf"(?<=[{_CJK}\d%])\s*\n\s*(?=[{_CJK}\d%])")


def flat(text: str | None) -> str | None:
    """Cell text as one line: a line wrapped inside a cell joins without a space between
    Chinese characters (PDF cells wrap mid-word), with one space elsewhere."""
    if text is None:
        return None
    s = _WRAP.sub("", text.strip())
    return re.sub(r"\s*\n\s*", " ", s).strip() or None


@dataclass
class Val:
    """A number read from a cell, with where it came from."""

    num: Number
    cell: Cell
    ref: str

    @property
    def value(self) -> Decimal:
        return self.num.value


def num_of(table: Table, cell: Cell | None) -> Val | None:
    if cell is None or cell.merged_copy:
        return None
    n = parse_number(cell.text)
    if n is None:
        return None
    return Val(n, cell, str(table.ref(cell)))


_WEIGHT_IN_LABEL = pattern("layout", "cells.weight_in_label", point=f"(?:{unit_alternation('score')})")


def weight_in_label(text: str) -> float | None:
    """'产出指标(50分)' → 50."""
    m = _WEIGHT_IN_LABEL.search(text or "")
    return float(m.group(1)) if m else None


def strip_weight(text: str) -> str:
    return _WEIGHT_IN_LABEL.sub("", sq(text))


def is_numeric(text: str) -> bool:
    return parse_number(text) is not None


# "其中：一般公共预算：3075.04" — a label and its amount in one cell (the department template's
# 按收入/支出性质分 cells); counted among the numeric cells for coverage.
LABEL_AMOUNT = pattern("layout", "cells.label_amount")


def holds_amount(text: str) -> bool:
    return is_numeric(text) or bool(LABEL_AMOUNT.match(sq(text)))


def real_cells(row: list[Cell]) -> list[Cell]:
    return [c for c in row if not c.merged_copy]


def align(header: list[Cell], row: list[Cell]) -> dict[int, Cell]:
    """Map header positions to the row's cells.

    Same grid columns when both carry them consistently; otherwise, when the row has a
    different cell count (merged leading labels in text exports), align from the right,
    because the value columns sit at the right end of these tables.
    """
    h = real_cells(header)
    r = real_cells(row)
    hcols = [c.col for c in h]
    rcols = {c.col: c for c in r}
    if len(h) == len(r):
        return dict(enumerate(r))
    if all(c in rcols for c in hcols) and any(c.colspan > 1 for c in h + r):
        return {i: rcols[c] for i, c in enumerate(hcols)}
    out: dict[int, Cell] = {}
    for k in range(1, min(len(h), len(r)) + 1):
        out[len(h) - k] = r[len(r) - k]
    return out
