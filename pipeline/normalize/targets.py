"""Indicator targets: comparator, value and unit, or qualitative text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from pipeline.normalize.numbers import parse_number
from pipeline.normalize.text import to_halfwidth

_PREFIX = [
    (">=", re.compile(r"^(≥|>=|≧|不低于|不少于|不小于|至少|大于等于|达到|达)")),
    ("<=", re.compile(r"^(≤|<=|≦|不高于|不超过|不大于|小于等于|控制在)")),
    (">", re.compile(r"^(>|＞|大于|高于|超过)")),
    ("<", re.compile(r"^(<|＜|小于|低于)")),
    ("=", re.compile(r"^(=|＝|等于)")),
]
_SUFFIX = [(">=", re.compile(r"(以上|及以上|或以上)$")), ("<=", re.compile(r"(以内|以下|及以下)$"))]
_RANGE = re.compile(r"^(\d+(?:\.\d+)?)\s*(%|分|万元|元)?\s*(?:-|~|～|至|—|－)\s*(\d+(?:\.\d+)?)\s*(%|分|万元|元|个|人)?$")
_DONE = {"已完成", "完成", "达成", "达到", "是", "已达到", "全部完成", "按期完成", "已完成年度目标"}


@dataclass(frozen=True)
class Target:
    op: str  # >=, <=, =, >, <, range, text
    value: Decimal | None
    unit: str | None
    text: str
    high: Decimal | None = None
    implicit: bool = False  # no comparator printed: "30个" reads as "at least 30"


def parse_target(text: str | None) -> Target:
    raw = (text or "").strip()
    s = to_halfwidth(raw).replace(" ", "").replace("\u3000", "")
    m = _RANGE.match(s)
    if m:
        unit = m.group(4) or m.group(2)
        return Target("range", Decimal(m.group(1)), unit, raw, Decimal(m.group(3)))
    op = None
    for o, pat in _PREFIX:
        mm = pat.match(s)
        if mm:
            op, s = o, s[mm.end():]
            break
    for o, pat in _SUFFIX:
        mm = pat.search(s)
        if mm:
            op, s = op or o, s[: mm.start()]
            break
    n = parse_number(s)
    if n is None:
        return Target("text", None, None, raw)
    return Target(op or "=", n.value, n.unit, raw, implicit=op is None)


def judge_attained(target: Target, actual_text: str | None) -> bool | None:
    """True/False when target and actual can be compared, None otherwise."""
    actual = (actual_text or "").strip()
    if not actual:
        return None
    if target.op == "text":
        a = re.sub(r"\s", "", actual)
        if a == re.sub(r"\s", "", target.text) or a in _DONE:
            return True
        return None
    n = parse_number(actual)
    if n is None or target.value is None:
        return None
    if target.unit and n.unit and target.unit != n.unit and not {target.unit, n.unit} <= {"%", "％"}:
        return None
    v, t = n.value, target.value
    if target.implicit and not (target.unit in ("%", "％") and t == 100):
        # A bare quantity target is met by reaching it; exceeding it is not a miss.
        return v >= t
    return {
        ">=": v >= t, "<=": v <= t, ">": v > t, "<": v < t, "=": v == t,
        "range": target.high is not None and t <= v <= target.high,
    }.get(target.op)
