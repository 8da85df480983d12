"""Numbers as printed: value, exact text, decimals and unit suffix.

Blanks and placeholders (—, /, 无) are None, never 0: a missing figure must stay missing
in the warehouse. Full-width digits, thousands separators (, ， and thin spaces, only
with valid three-digit grouping), accounting negatives "(5.2)" and Chinese numerals
(九十, 百分之九十五) are understood. `decimals` is what the document printed, because
identity checks treat a figure with d decimals as the interval v ± ½·10⁻ᵈ.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from pipeline.lexicon import entry, word, words
from pipeline.normalize.money import units
from pipeline.normalize.text import squash, to_halfwidth

# Compared after squash() and lower(): what tables print for "no figure" (vocab/numbers.toml).
BLANKS = frozenset(words("numbers", "blanks"))
# Unit suffixes accepted after a number: every unit of vocab/money_units.csv a table may print
# (money, %, 分 and measures such as 个, 人次, 平方米), not the bare 万/亿 of running text (5万人).
# "年"/"月" are deliberately absent: "2022年底" and "12月底前" are dates, not quantities.
UNITS = tuple(u.unit for u in units().values() if u.in_headers)
_UNITS_LONGEST = sorted(UNITS, key=len, reverse=True)
_BARE_MONEY = {u.unit: u.canonical for u in units().values() if u.kind == "money" and not u.in_headers}
# Separators allowed between groups of three digits (after half-width folding).
_GROUP = ",\u2009\u202f\u00a0"
_INT = rf"(?:\d{{1,3}}(?:[{_GROUP}]\d{{3}})+(?!\d)|\d+)"
_WHOLE = re.compile(
    rf"^(?P<open>\()?\s*(?P<sign>[-−+])?\s*(?P<int>{_INT})(?P<frac>\.\d+)?\s*(?P<close>\))?\s*(?P<unit>.*)$"
)
# A number wrapped inside a narrow PDF cell ("374923.3\n7") is one number.
_WRAPPED = re.compile(r"(?<=[\d.,０-９．，])[ \t]*\n\s*(?=[\d.,%０-９．，％])")

_CN_DIGITS: dict[str, int] = entry("numbers", "numerals.digits")
_CN_UNITS: dict[str, int] = entry("numbers", "numerals.multipliers")
_CN_SECTION = word("numbers", "numerals.section")
_CN = "".join(_CN_DIGITS) + "".join(_CN_UNITS)
_CN_PERCENT = word("numbers", "numerals.percent")
_CN_POINT = word("numbers", "numerals.point")
_CN_FIRST = "".join(_CN_DIGITS) + word("numbers", "numerals.ten")
_CN_DECIMAL = word("numbers", "numerals.after_point")
# Must start with a digit or the ten (十五 = 15): a bare 万/千 is not a number.
_CN_NUM = re.compile(
    rf"^(?P<pct>{_CN_PERCENT})?(?P<int>[{_CN_FIRST}][{_CN}]*)(?:{_CN_POINT}(?P<frac>[{_CN_DECIMAL}]+))?(?P<unit>.*)$"
)


@dataclass(frozen=True)
class Number:
    value: Decimal
    text: str  # the number token exactly as printed (sign or brackets, separators, decimals)
    decimals: int  # digits after the point as printed: "261.46" → 2, "10" → 0
    unit: str | None = None  # suffix as printed, "％" folded to "%": 万元, 元, %, 分, 个, 元/人, …


def chinese_numeral(s: str) -> int | None:
    """'九十' → 90, '一百二十' → 120, '十五' → 15, '三' → 3, '一千零五' → 1005."""
    if not s:
        return None
    total, section, digit = 0, 0, None
    for ch in s:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            mult = _CN_UNITS[ch]
            if ch == _CN_SECTION:  # closes a section: 一万二千 = 1·万 + 2·千
                total += (section + (digit or 0)) * mult
                section, digit = 0, None
            else:
                section += (1 if digit is None else digit) * mult
                digit = None
        else:
            return None
    return total + section + (digit or 0)


def clean_unit(u: str | None) -> str | None:
    """Unit text without spaces, ％ as %; None when empty."""
    u = squash(u or "").replace("％", "%")
    return u or None


def unit_ok(unit: str) -> bool:
    """A known unit, or a rate of one ("元/人", "次/年")."""
    if unit in UNITS:
        return True
    head, slash, tail = unit.partition("/")
    return bool(slash) and head in UNITS and 1 <= len(tail) <= 3 and not re.search(r"\d", tail)


def is_blank(text: str | None) -> bool:
    return text is None or squash(text).lower() in BLANKS


@lru_cache(maxsize=1 << 15)  # Number is frozen; cells repeat the same figures across tables
def parse_number(text: str | None) -> Number | None:
    """A cell or fragment that is essentially one number, with an optional unit suffix.

    Returns None for blanks/placeholders and for anything that is not just a number
    (comparators such as "≥6次" are parse_target's job).
    """
    if text is None:
        return None
    orig = _WRAPPED.sub("", text)
    if is_blank(orig):
        return None
    norm = to_halfwidth(orig)  # same length as orig, so spans map back
    m = _WHOLE.match(norm.strip())
    if m:
        return _from_match(m, orig.strip())
    return _chinese(norm.strip())


def _from_match(m: re.Match[str], orig: str) -> Number | None:
    if (m.group("open") is None) != (m.group("close") is None):
        return None  # "(5.2" or "5.2)": not an accounting negative, not a clean number
    unit = clean_unit(m.group("unit"))
    # A cell holding a number and a bare 万/亿 ('3359.62万') is money in 万元/亿元; in running
    # text the bare spelling is left to the sentence grammar (5万人 is no money).
    unit = _BARE_MONEY.get(unit, unit) if unit is not None else None
    if unit is not None and not unit_ok(unit):
        return None
    digits = re.sub(f"[{_GROUP}]", "", m.group("int")) + (m.group("frac") or "")
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    negative = m.group("sign") in ("-", "−") or m.group("open") is not None
    if m.group("open") is not None and m.group("sign") in ("-", "−"):
        negative = True  # "(-5)" is still negative, not a double negative
    start = m.start("open") if m.group("open") else (m.start("sign") if m.group("sign") else m.start("int"))
    end = m.end("close") if m.group("close") else (m.end("frac") if m.group("frac") else m.end("int"))
    decimals = len(m.group("frac")) - 1 if m.group("frac") else 0
    return Number(-value if negative else value, orig[start:end], decimals, unit)


def _chinese(s: str) -> Number | None:
    m = _CN_NUM.match(s)
    if not m:
        return None
    v = chinese_numeral(m.group("int"))
    if v is None:
        return None
    unit = clean_unit(m.group("unit"))
    if m.group("pct"):
        if unit is not None:
            return None
        unit = "%"
    elif unit is not None and not unit_ok(unit):
        return None
    frac = m.group("frac") or ""
    value = Decimal(v) + (Decimal("0." + "".join(str(_CN_DIGITS[c]) for c in frac)) if frac else 0)
    token = s[: m.end("frac") if frac else m.end("int")]
    return Number(value, token, len(frac), unit)


# Running text: the Chinese comma "，" is clause punctuation there, so only "," groups digits.
_FOLD = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)} | {"．": ".", "－": "-", "％": "%", "＋": "+"})
_RUN = re.compile(
    r"(?<![0-9A-Za-z.])(?:[-−+](?=\d))?(?:\d{1,3}(?:, \d{3})+(?=\.\d)|\d{1,3}(?:,\d{3})+(?!,?\d)|\d+)(?:\.\d+)?"
    rf"|{_CN_PERCENT}[{_CN}]+(?:{_CN_POINT}[{_CN_DECIMAL}]+)?"
)


def find_numbers(text: str) -> list[tuple[int, int, Number]]:
    """Every number token in running text as (start, end, Number).

    The span covers the number token only (Number.text == text[start:end]); a unit
    printed right after it (万元, 元, %, 分, 个, 人, 次, 天, …) is in Number.unit.
    A hyphen between digits ("80-90", "2021-2022") is a dash, not a minus sign.
    """
    norm = text.translate(_FOLD)  # one char for one char: offsets stay valid
    out: list[tuple[int, int, Number]] = []
    for m in _RUN.finditer(norm):
        tok = m.group(0)
        if tok.startswith(_CN_PERCENT):
            n = _chinese(tok)
            if n is not None:
                out.append((m.start(), m.end(), Number(n.value, text[m.start():m.end()], n.decimals, "%")))
            continue
        digits = tok.replace(",", "").replace(" ", "").replace("−", "-").lstrip("+")
        value = Decimal(digits)
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        out.append((m.start(), m.end(), Number(value, text[m.start():m.end()], decimals, _unit_after(norm, m.end()))))
    return out


def _unit_after(s: str, pos: int) -> str | None:
    rest = s[pos:pos + 8].lstrip(" \u3000\u00a0\u2009")
    for u in _UNITS_LONGEST:
        if rest.startswith(u):
            return u
    return None
