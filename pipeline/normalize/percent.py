from __future__ import annotations

from pipeline.normalize.numbers import Number, parse_number


def parse_percent(text: str | None, assume_percent: bool = False) -> Number | None:
    n = parse_number(text)
    if n is None:
        return None
    if n.unit == "%" or assume_percent:
        return n
    return None
