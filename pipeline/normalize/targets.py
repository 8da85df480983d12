"""Indicator targets (年度指标值): comparator, value and unit, or qualitative text.

`op` is one of >=, <=, =, >, <, range, text (the contract's target_op enum).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from pipeline.lexicon import either, entry, word, words
from pipeline.normalize.money import FACTORS, money_unit_alternation, to_yuan
from pipeline.normalize.numbers import parse_number
from pipeline.normalize.text import squash

# Comparators before and after the value (vocab/targets.toml), longest spelling first inside
# each alternation: "≥" before ">", "不低于" before "低于".
_PREFIX: list[tuple[str, re.Pattern[str]]] = [
    (op, re.compile("^(" + either(ws) + ")")) for op, ws in entry("targets", "prefix").items()
]
# Suffix comparators: "90%以上" → >=, "10天以内" → <=. Only applied when nothing follows.
_SUFFIX: list[tuple[str, re.Pattern[str]]] = [
    (op, re.compile("(" + either(ws) + ")$")) for op, ws in entry("targets", "suffix").items()
]
_NUM = r"\d+(?:\.\d+)?"
_RUNIT = rf"({either(words('targets', 'range.units'))}|{money_unit_alternation()})?"
_DASH = either(words("targets", "range.dashes"))
_BETWEEN = re.escape(word("targets", "range.after"))
_RANGE = re.compile(rf"^({_NUM}){_RUNIT}(?:{_DASH})+({_NUM}){_RUNIT}(?:{_BETWEEN})?$")

_DONE = frozenset(words("targets", "attained.done"))
_NOT_DONE = frozenset(words("targets", "attained.not_done"))
_PERCENT = {"%", "％"}


@dataclass(frozen=True)
class Target:
    op: str  # >=, <=, =, >, <, range, text
    value: Decimal | None  # the bound; for range, the low end
    unit: str | None
    text: str  # as printed
    high: Decimal | None = None  # range only
    implicit: bool = False  # no comparator printed: "30个" reads as "at least 30"


def parse_target(text: str | None) -> Target:
    raw = (text or "").strip()
    s = squash(raw)
    m = _RANGE.match(s)
    if m:
        lo, hi = sorted((Decimal(m.group(1)), Decimal(m.group(3))))
        return Target("range", lo, m.group(4) or m.group(2), raw, hi)
    op = None
    for o, pat in _PREFIX:
        if mm := pat.match(s):
            op, s = o, s[mm.end():]
            break
    for o, pat in _SUFFIX:
        if (mm := pat.search(s)) and parse_number(s[: mm.start()]) is not None:
            op, s = op or o, s[: mm.start()]
            break
    n = parse_number(s)
    if n is None:
        return Target("text", None, None, raw)
    return Target(op or "=", n.value, n.unit, raw, implicit=op is None)


def _comparable(a: Decimal, a_unit: str | None, b: Decimal, b_unit: str | None) -> tuple[Decimal, Decimal] | None:
    """Both values in one unit, or None when the units cannot be compared (个 vs %)."""
    if a_unit in _PERCENT:
        a_unit = "%"
    if b_unit in _PERCENT:
        b_unit = "%"
    if a_unit is None or b_unit is None or a_unit == b_unit:
        return a, b
    if a_unit in FACTORS and b_unit in FACTORS:  # 万元 vs 元: compare in yuan
        return to_yuan(a, a_unit), to_yuan(b, b_unit)
    return None


def judge_attained(target: Target, actual_text: str | None) -> bool | None:
    """True/False when target and actual can be compared, None otherwise."""
    actual = squash(actual_text)
    if not actual:
        return None
    if target.op == "text":
        if actual == squash(target.text) or actual in _DONE:
            return True
        return False if actual in _NOT_DONE else None
    got = parse_target(actual)  # actuals are written like targets too: "≥95%", "100%以上"
    if got.value is None or target.value is None or got.op == "range":
        return None
    pair = _comparable(got.value, got.unit, target.value, target.unit)
    if pair is None:
        return None
    v, t = pair
    if target.implicit and not (target.unit in _PERCENT and t == 100):
        # A bare quantity target is met by reaching it; exceeding it is not a miss.
        return v >= t
    if target.op == "range":
        top = _comparable(got.value, got.unit, target.high if target.high is not None else target.value, target.unit)
        return top is not None and t <= v <= top[1]
    return {">=": v >= t, "<=": v <= t, ">": v > t, "<": v < t, "=": v == t}.get(target.op)
