"""Money units: everything is stored in yuan."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

_FACTORS = {"亿元": Decimal(100_000_000), "万元": Decimal(10_000), "千元": Decimal(1000), "元": Decimal(1)}
_UNIT = re.compile(r"(亿元|万元|千元|元)")


def to_yuan(value: Decimal | float | int, unit: str | None, default_unit: str = "万元") -> Decimal:
    factor = _FACTORS.get(unit or default_unit, _FACTORS[default_unit])
    return (Decimal(str(value)) * factor).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def detect_money_unit(text: str | None) -> str | None:
    """'（万元）', '单位：万元', '金额单位：元', '预算数(元)' → the unit; longest match wins."""
    if not text:
        return None
    s = re.sub(r"\s", "", text)
    m = re.search(r"(?:单位|金额单位)[:：]?(亿元|万元|千元|元)", s)
    if m:
        return m.group(1)
    m = re.search(r"[(（](亿元|万元|千元|元)[)）]", s)
    if m:
        return m.group(1)
    return None
