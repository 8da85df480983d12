"""Percentages: '54.74%', '99.85 %', '百分之九十五'; bare '0.9' only in a rate column."""

from __future__ import annotations

from dataclasses import replace

from pipeline.normalize.numbers import Number, parse_number


def parse_percent(text: str | None, assume_percent: bool = False) -> Number | None:
    """The percentage as printed (value not rescaled: '0.9' in a rate column stays 0.9).

    Without a % sign a number is only a percentage when the caller knows the column is a
    rate (`assume_percent`); a number with another unit ('10分') never is.
    """
    n = parse_number(text)
    if n is None:
        return None
    if n.unit == "%":
        return n
    if assume_percent and n.unit is None:
        return replace(n, unit="%")
    return None
