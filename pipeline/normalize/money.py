"""Money units: everything is stored in yuan (DECIMAL(18,2)).

Every unit spelling and its factor live in `vocab/money_units.csv`, the one source for
Python (this module) and SQL (the same rows are loaded into the `money_units` table and
read by the `unit_factor` / `printed_interval` macros of `sql/schema/17_money_units.sql`).
No factor is written in code: a new spelling (百万元, 千万元…) is a new CSV row.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from pipeline.lexicon import either, word, words
from pipeline.normalize.text import squash
from pipeline.settings import VOCAB_DIR

MONEY_UNITS_CSV = VOCAB_DIR / "money_units.csv"
_CENT = Decimal("0.01")
_ONE = Decimal(1)


@dataclass(frozen=True)
class Unit:
    unit: str  # the spelling as printed (万, ％…)
    canonical: str  # the spelling it stands for (万 → 万元)
    kind: str  # money | percent | score
    factor: Decimal  # to the base unit: yuan for money, itself for % and 分
    in_headers: bool  # accepted after 单位： or in '（万元）'; bare 万/亿 are running text only
    table_default: bool  # the unit of a budget table that prints none


@cache
def units() -> dict[str, Unit]:
    """Every row of vocab/money_units.csv by spelling (the one loader)."""
    with open(MONEY_UNITS_CSV, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return {
        r["unit"]: Unit(
            unit=r["unit"], canonical=r["canonical"], kind=r["kind"], factor=Decimal(r["factor"]),
            in_headers=r["in_headers"] == "1", table_default=r["table_default"] == "1",
        )
        for r in rows
    }


@cache
def money_unit_names(headers_only: bool = False) -> tuple[str, ...]:
    """Money spellings, longest first: in a regex alternation "万元" must be tried before "元".
    A pure function of vocab/money_units.csv (loaded once by `units`), so remembered: the
    template engine asks for the alternation ~9 000 times on a 171-page 决算."""
    names = [u.unit for u in units().values() if u.kind == "money" and (u.in_headers or not headers_only)]
    return tuple(sorted(names, key=len, reverse=True))


@cache
def money_unit_alternation(headers_only: bool = True) -> str:
    """'千万元|百万元|亿元|万元|千元|元' for regexes that read a unit from text."""
    return "|".join(re.escape(n) for n in money_unit_names(headers_only))


@cache
def unit_alternation(kind: str) -> str:
    """Every spelling of one kind of unit ('%|％' for percent, '分' for score), longest first."""
    names = sorted((u.unit for u in units().values() if u.kind == kind), key=len, reverse=True)
    return "|".join(re.escape(n) for n in names)


def _default_unit() -> str:
    return next(u.unit for u in units().values() if u.table_default)


DEFAULT_MONEY_UNIT: str = _default_unit()
# The unit money is stored in (元): the money row whose factor is 1.
BASE_MONEY_UNIT: str = next(u.unit for u in units().values() if u.kind == "money" and u.factor == 1 and u.in_headers)
# The unit scores and weights are printed in (分).
SCORE_UNIT: str = next(u.unit for u in units().values() if u.kind == "score")
# Money factors only (a '%' is not a money unit: to_yuan falls back to the default for it).
FACTORS: dict[str, Decimal] = {u.unit: u.factor for u in units().values() if u.kind == "money"}


def unit_factor(unit: str | None) -> Decimal:
    """Factor to the base unit; 1 for no unit or one the vocabulary does not know (the
    figure is then compared as printed), exactly like the SQL macro `unit_factor`."""
    u = units().get(unit or "")
    return u.factor if u else _ONE


def half_width(decimals: int | None, unit: str | None = None) -> Decimal:
    """Half-width of a printed figure's rounding interval, in base units: ½·10⁻ᵈ × factor."""
    return Decimal(5) * Decimal(10) ** (-((decimals or 0) + 1)) * unit_factor(unit)


def printed_interval(amount: Decimal | float | int, decimals: int | None, unit: str | None) -> tuple[Decimal, Decimal]:
    """[lo, hi] in base units of a figure printed with `decimals` decimals in `unit` whose
    value in base units is `amount` (583.44 万元 → 5 834 400 ± 50 yuan). The Python twin of
    the SQL macro `printed_interval(amount, decimals, unit)`; tests hold them equal."""
    a = Decimal(str(amount))
    h = half_width(decimals, unit)
    return a - h, a + h


def printed_sum_agrees(total: float, parts_sum: float, coarsest_half: float) -> bool:
    """Printed arithmetic (表内勾稽关系): the printed parts, added up, give the printed total at
    the precision of the list (`coarsest_half`, from list_half). A difference rounding could
    explain still fails: the page is left unbalanced (尾差未调平). The Python twin of the SQL
    macro `printed_sum_agrees`."""
    return abs(float(total) - float(parts_sum)) <= float(coarsest_half) * (1 + 1e-9) + 1e-6


def list_half(whole_half: float, same_unit_min: float | None, other_unit_max: float | None) -> float:
    """The precision of a printed list: the finest half printed among its figures in the total's
    unit (trailing zeros dropped: 80 beside 380.17 is 80.00), unless a non-zero part printed in
    another, coarser unit (1.2亿元 among 万元) needs more. The Python twin of the SQL macro."""
    finest = min(float(whole_half), float(same_unit_min) if same_unit_min is not None else float(whole_half))
    return max(finest, float(other_unit_max) if other_unit_max is not None else 0.0)


def printed_ratio_agrees(printed: float, computed: float, half: float) -> bool:
    """A printed ratio agrees with the figures beside it when recomputing it from them, rounding
    to one place more and then to the printed places, gives it. The Python twin of the SQL macro
    `printed_ratio_agrees`."""
    return abs(float(printed) - float(computed)) <= 1.1 * float(half) + 1e-9


def printed_value(amount: Decimal | float | int, unit: str | None) -> float:
    """A base-unit amount back in the unit it was printed in (5 834 400 yuan, 万元 → 583.44)."""
    return float(Decimal(str(amount)) / unit_factor(unit))


def to_yuan(value: Decimal | float | int, unit: str | None, default_unit: str = DEFAULT_MONEY_UNIT) -> Decimal:
    """Amount in yuan, rounded half-up to the fen.

    An unknown or missing unit means the table's default (万元 unless a header says
    otherwise), because cells rarely repeat the unit the header states.
    """
    factor = FACTORS.get(unit or default_unit) or FACTORS[default_unit]
    # str() first: Decimal(0.1) would carry the binary float error into the warehouse.
    return (Decimal(str(value)) * factor).quantize(_CENT, rounding=ROUND_HALF_UP)


@cache
def _unit_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    unit = f"({money_unit_alternation(headers_only=True)})"
    label, currency = f"(?:{either(words('unit_labels', 'labels'))})", re.escape(word("unit_labels", "currency"))
    per = "".join(re.escape(w) for w in words("unit_labels", "per"))
    labelled = re.compile(rf"{label}[:：]?(?:{currency})?{unit}(?![{per}])")
    bracketed = re.compile(rf"[(（\[【](?:{currency})?{unit}[)）\]】]")
    return labelled, bracketed


def unit_label_pattern() -> str:
    """The words that state a unit ('金额单位|计量单位|单位'), for other readers of unit lines."""
    return either(words("unit_labels", "labels"))


def detect_money_unit(text: str | None) -> str | None:
    """'（万元）', '单位：万元', '金额单位：元', '预算数(元)' → the unit; longest match wins."""
    if not text:
        return None
    s = squash(text)
    labelled, bracketed = _unit_patterns()
    m = labelled.search(s) or bracketed.search(s)
    return m.group(1) if m else None
