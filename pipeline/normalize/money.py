"""Money units: everything is stored in yuan (DECIMAL(18,2))."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from pipeline.normalize.text import squash

FACTORS: dict[str, Decimal] = {
    "亿元": Decimal(100_000_000), "万元": Decimal(10_000), "千元": Decimal(1000), "元": Decimal(1),
    # Running text also writes "安排资金19204.096万" without 元.
    "亿": Decimal(100_000_000), "万": Decimal(10_000),
}
# Alternation longest-first: "万元" contains "元", so "元" must be tried last.
_UNIT = r"(亿元|万元|千元|元)"
_LABELLED = re.compile(r"(?:金额单位|计量单位|单位)[:：]?(?:人民币)?" + _UNIT + r"(?![/每])")
_BRACKETED = re.compile(r"[(（\[【](?:人民币)?" + _UNIT + r"[)）\]】]")
_CENT = Decimal("0.01")


def to_yuan(value: Decimal | float | int, unit: str | None, default_unit: str = "万元") -> Decimal:
    """Amount in yuan, rounded half-up to the fen.

    An unknown or missing unit means the table's default (万元 unless a header says
    otherwise), because cells rarely repeat the unit the header states.
    """
    factor = FACTORS.get(unit or default_unit) or FACTORS[default_unit]
    # str() first: Decimal(0.1) would carry the binary float error into the warehouse.
    return (Decimal(str(value)) * factor).quantize(_CENT, rounding=ROUND_HALF_UP)


def detect_money_unit(text: str | None) -> str | None:
    """'（万元）', '单位：万元', '金额单位：元', '预算数(元)' → the unit; longest match wins."""
    if not text:
        return None
    s = squash(text)
    m = _LABELLED.search(s) or _BRACKETED.search(s)
    return m.group(1) if m else None
