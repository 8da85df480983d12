"""Numbers as printed: value, exact text, decimals and unit suffix.

Blanks and placeholders (—, /, 无) are None, never 0. Full-width digits, thousands
separators, accounting negatives and Chinese numerals are understood.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from pipeline.normalize.text import to_halfwidth

BLANKS = {"", "-", "—", "——", "–", "/", "／", "无", "空", "n/a", "N/A", "NA", "——/", "-/-", "…", "*"}
UNITS = ("万元", "亿元", "千元", "元", "%", "％", "‰", "分", "个", "人次", "人", "次", "天", "日", "项", "期", "名",
         "场", "户", "家", "件", "元/人", "台", "场次", "平方米", "公里", "km", "m2", "小时", "批")

_NUM = re.compile(
    r"(?P<sign>[-−－+]?)\s*(?P<int>\d{1,3}(?:[,，]\d{3})+|\d+)(?P<frac>\.\d+)?"
)
_WHOLE = re.compile(
    r"^\s*(?P<paren>[(（])?\s*(?P<num>[-−－+]?\s*(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?)\s*[)）]?\s*(?P<unit>[^\d\s].{0,5})?\s*$"
)
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
_CN_NUM = re.compile(r"^(百分之)?([零〇一二两三四五六七八九十百千万]+)$")


@dataclass(frozen=True)
class Number:
    value: Decimal
    text: str  # the number token exactly as printed (sign, separators, decimals)
    decimals: int
    unit: str | None = None


def _clean_unit(u: str | None) -> str | None:
    if not u:
        return None
    u = u.strip()
    if u in ("％",):
        return "%"
    return u or None


def chinese_numeral(s: str) -> int | None:
    """'九十' → 90, '一百二十' → 120, '十五' → 15, '三' → 3."""
    if not s:
        return None
    total, section, digit = 0, 0, None
    for ch in s:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            mult = _CN_UNITS[ch]
            if mult == 10000:
                total += (section + (digit or 0)) * mult
                section, digit = 0, None
            else:
                section += (1 if digit is None else digit) * mult
                digit = None
        else:
            return None
    return total + section + (digit or 0)


def parse_number(text: str | None) -> Number | None:
    """A cell or fragment that is essentially one number, with an optional unit suffix."""
    if text is None:
        return None
    # A number wrapped inside a narrow PDF cell ("374923.3\n7") is one number.
    raw = re.sub(r"(?<=[\d.,])\s*\n\s*(?=[\d.,%])", "", to_halfwidth(text)).replace("\u3000", " ").strip()
    if raw in BLANKS or not raw:
        return None
    m = _WHOLE.match(raw)
    if m:
        unit = _clean_unit(m.group("unit"))
        if unit is not None and not _unit_ok(unit):
            return None
        num = m.group("num").replace(" ", "")
        neg = num.startswith(("-", "−", "－")) or (m.group("paren") is not None and raw.rstrip().endswith((")", "）")))
        digits = num.lstrip("-−－+").replace(",", "").replace("，", "")
        if "," in num or "，" in num:
            # Thousands groups must be exactly three digits, or it's not one number.
            head = num.lstrip("-−－+").split(".")[0]
            if not re.fullmatch(r"\d{1,3}([,，]\d{3})+", head):
                return None
        try:
            value = Decimal(digits)
        except InvalidOperation:
            return None
        if neg:
            value = -value
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        token = raw[: m.end("num")].strip() if not m.group("paren") else raw
        token = token.lstrip("(（") if m.group("paren") and not neg else token
        return Number(value, _token(text), decimals, unit)
    cm = _CN_NUM.match(raw.rstrip("分%个人次"))
    if cm:
        v = chinese_numeral(cm.group(2))
        if v is None:
            return None
        unit = "%" if cm.group(1) else (raw[len(cm.group(0)) :] or None)
        return Number(Decimal(v), raw, 0, _clean_unit(unit))
    return None


def _unit_ok(unit: str) -> bool:
    u = unit.strip()
    return any(u == x or u.startswith(x) for x in UNITS) and len(u) <= 6


def _token(text: str) -> str:
    """The printed characters of the number (sign, digits, separators, decimal point)."""
    s = re.sub(r"(?<=[\d.,])\s*\n\s*(?=[\d.,%])", "", text.strip()).replace("\u3000", "")
    m = re.search(r"[(（]?[-−－+]?\s*[\d０-９][\d０-９,，.．]*[)）]?", s)
    return m.group(0) if m else s


def find_numbers(text: str) -> list[tuple[int, int, Number]]:
    """Every number token in running text, with its unit suffix when one follows."""
    out = []
    half = to_halfwidth(text)
    for m in re.finditer(r"[-−]?\d[\d,，]*(?:\.\d+)?", half):
        tail = half[m.end() : m.end() + 3]
        unit = next((u for u in sorted(UNITS, key=len, reverse=True) if tail.startswith(u)), None)
        n = parse_number(m.group(0))
        if n is None:
            continue
        out.append((m.start(), m.end(), Number(n.value, text[m.start() : m.end()], n.decimals, unit)))
    return out
