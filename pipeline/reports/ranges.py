"""Plausible ranges of a score and a rate: a figure outside them is charted, but flagged.

A score above 100 (or above its weight), or an execution rate that is negative or 1000 % and
more, is almost always a misread or misprinted figure; the reports mark it rather than chart
it silently.
"""

from __future__ import annotations

from decimal import Decimal

from pipeline.reports.html import esc

SCORE_MAX = 100.0
RATE_MIN, RATE_MAX = 0.0, 1000.0  # percent; RATE_MAX itself is out of range
FLAG_CLASS = "flag"
FLAG_TEXT = "⚠ 超出合理范围 out of range"


def rate_out_of_range(rate: float | Decimal | None) -> bool:
    return rate is not None and not (RATE_MIN <= float(rate) < RATE_MAX)


def score_out_of_range(score: float | Decimal | None, weight: float | Decimal | None = None) -> bool:
    if score is None:
        return False
    top = SCORE_MAX if weight is None else min(SCORE_MAX, float(weight))
    return not (0.0 <= float(score) <= top)


def flagged(text: str, out_of_range: bool) -> str:
    """The cell's HTML: the figure, with the flag after it when it is out of range."""
    if not out_of_range:
        return esc(text)
    return f'{esc(text)} <span class="{FLAG_CLASS}" title="{esc(FLAG_TEXT)}">⚠</span>'
