"""Indicator targets (年度指标值): comparator, value and unit, or qualitative text.

`op` is one of >=, <=, =, >, <, range, text (the contract's target_op enum).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from pipeline.normalize.money import FACTORS, money_unit_alternation, to_yuan
from pipeline.normalize.numbers import parse_number
from pipeline.normalize.text import squash

# Longest spellings first inside each alternation: "≥" before ">", "不低于" before "低于".
_PREFIX: list[tuple[str, re.Pattern[str]]] = [
    (">=", re.compile(r"^(≥|>=|≧|=>|不低于|不少于|不小于|至少|大于等于|大于或等于|达到|达|高于或等于)")),
    ("<=", re.compile(r"^(≤|<=|≦|=<|不高于|不超过|不超出|不大于|不多于|小于等于|小于或等于|控制在|最多)")),
    (">", re.compile(r"^(>|大于|高于|超过|多于)")),
    ("<", re.compile(r"^(<|小于|低于|少于)")),
    ("=", re.compile(r"^(==|=|等于)")),
]
# Suffix comparators: "90%以上" → >=, "10天以内" → <=. Only applied when nothing follows.
_SUFFIX: list[tuple[str, re.Pattern[str]]] = [
    (">=", re.compile(r"(及以上|或以上|以上\(含\)|以上)$")),
    ("<=", re.compile(r"(及以下|或以下|以下\(含\)|以内|以下|之内|内)$")),
]
_NUM = r"\d+(?:\.\d+)?"
_RUNIT = rf"(%|分|{money_unit_alternation()}|个|人|次|天|项|户|家)?"
_RANGE = re.compile(rf"^({_NUM}){_RUNIT}(?:-|~|至|—|–|到)+({_NUM}){_RUNIT}(?:之间)?$")

_DONE = frozenset({"已完成", "完成", "达成", "已达成", "达到", "已达到", "达标", "已达标", "是", "全部完成",
                   "按期完成", "按时完成", "已按期完成", "已完成年度目标", "完成年度目标", "符合", "符合要求"})
_NOT_DONE = frozenset({"未完成", "否", "未达到", "未达成", "未达标", "没有完成", "不符合", "未按期完成"})
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
