"""Indicator targets and attainment."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.normalize.targets import judge_attained, parse_target

AT_LEAST = ["≥", ">=", "≧", "不低于", "不少于", "不小于", "至少", "达到", "大于等于"]
AT_MOST = ["≤", "<=", "≦", "不高于", "不超过", "不大于", "小于等于"]
UNITS = ["%", "％", "个", "次", "人", "天", "分", "万元", ""]


def fw(s: str) -> str:
    return s.translate(str.maketrans("0123456789.%", "０１２３４５６７８９．％"))


@given(st.integers(0, 10_000), st.sampled_from(AT_LEAST), st.sampled_from(UNITS), st.booleans(), st.sampled_from(["", " "]))
def test_at_least_prefix(v, op, unit, fullwidth, gap):
    text = f"{op}{gap}{v}{unit}"
    t = parse_target(fw(text) if fullwidth else text)
    assert (t.op, t.value, t.unit) == (">=", v, (unit.replace("％", "%") or None))
    assert judge_attained(t, f"{v}{unit}") is True
    assert judge_attained(t, f"{v + 1}{unit}") is True
    if v > 0:
        assert judge_attained(t, f"{v - 1}{unit}") is False


@given(st.integers(1, 10_000), st.sampled_from(AT_MOST), st.sampled_from(UNITS))
def test_at_most_prefix(v, op, unit):
    t = parse_target(f"{op}{v}{unit}")
    assert t.op == "<=" and t.value == v
    assert judge_attained(t, f"{v}{unit}") is True
    assert judge_attained(t, f"{v - 1}{unit}") is True
    assert judge_attained(t, f"{v + 1}{unit}") is False


@given(st.integers(0, 1000), st.sampled_from(["以上", "及以上", "或以上"]), st.sampled_from(["%", "个", "次", ""]))
def test_at_least_suffix(v, suffix, unit):
    t = parse_target(f"{v}{unit}{suffix}")
    assert (t.op, t.value) == (">=", v)


@given(st.integers(0, 1000), st.sampled_from(["以内", "以下", "及以下"]), st.sampled_from(["%", "天", "元", ""]))
def test_at_most_suffix(v, suffix, unit):
    t = parse_target(f"{v}{unit}{suffix}")
    assert (t.op, t.value) == ("<=", v)


@given(st.integers(0, 500), st.integers(0, 500), st.sampled_from(["-", "~", "～", "至", "—"]), st.booleans())
def test_ranges(a, b, sep, unit_on_both):
    lo, hi = sorted((a, b))
    text = f"{lo}%{sep}{hi}%" if unit_on_both else f"{lo}{sep}{hi}%"
    t = parse_target(text)
    assert (t.op, t.value, t.high, t.unit) == ("range", lo, hi, "%")
    assert judge_attained(t, f"{lo}%") is True and judge_attained(t, f"{hi}%") is True
    assert judge_attained(t, f"{hi + 1}%") is False


@pytest.mark.parametrize("text,op,value,unit", [
    ("≥6次", ">=", 6, "次"), ("≤2000元", "<=", 2000, "元"), ("＞5", ">", 5, None), ("＜5", "<", 5, None),
    (">=90%", ">=", 90, "%"), ("<=3", "<=", 3, None), ("≧1", ">=", 1, None), ("≦2", "<=", 2, None),
    ("不低于90%", ">=", 90, "%"), ("不少于5个", ">=", 5, "个"), ("不小于3", ">=", 3, None), ("至少2次", ">=", 2, "次"),
    ("90%以上", ">=", 90, "%"), ("不高于5", "<=", 5, None), ("不超过100万元", "<=", 100, "万元"),
    ("不大于3", "<=", 3, None), ("10天以内", "<=", 10, "天"), ("5%以下", "<=", 5, "%"), ("达到95%", ">=", 95, "%"),
    ("等于0", "=", 0, None), ("=0", "=", 0, None), ("100%", "=", 100, "%"), ("≥九十", ">=", 90, None),
    ("不低于百分之九十五", ">=", 95, "%"), ("≥６次", ">=", 6, "次"), ("≥ 6 次", ">=", 6, "次"),
    ("80-90%", "range", 80, "%"), ("80%~90%", "range", 80, "%"), ("80至90", "range", 80, None),
])
def test_examples(text, op, value, unit):
    t = parse_target(text)
    assert (t.op, t.value, t.unit, t.text) == (op, Decimal(value), unit, text)


@pytest.mark.parametrize("text", ["按期完成", "有效提升", "2022年底", "12月底前", "持续保证", "", "逐步改善"])
def test_qualitative_targets(text):
    t = parse_target(text)
    assert t.op == "text" and t.value is None and t.unit is None


@pytest.mark.parametrize("actual,want", [("按期完成", True), ("已完成", True), ("完成", True), ("达成", True),
                                        ("达到", True), ("是", True), ("未完成", False), ("部分推进", None),
                                        ("", None), (None, None)])
def test_text_targets_judged_by_words(actual, want):
    assert judge_attained(parse_target("按期完成"), actual) is want


def test_attainment_examples():
    assert judge_attained(parse_target("≥90%"), "95.5%") is True
    assert judge_attained(parse_target("≥90%"), "89.9%") is False
    assert judge_attained(parse_target("≥90%"), "≥95%") is True  # actuals written like targets
    assert judge_attained(parse_target("≥90%"), "5个") is None  # units differ: cannot judge
    assert judge_attained(parse_target("≤100万元"), "990000元") is True  # money compared in yuan
    assert judge_attained(parse_target("≤100万元"), "1000001元") is False
    assert judge_attained(parse_target("100%"), "100%") is True
    assert judge_attained(parse_target("100%"), "98%") is False
    assert judge_attained(parse_target("=0"), "0") is True and judge_attained(parse_target("=0"), "1") is False
    assert judge_attained(parse_target("30个"), "32个") is True  # bare quantity: reaching it is enough
    assert judge_attained(parse_target("≥6次"), "—") is None


@given(st.text(max_size=30), st.text(max_size=30))
def test_never_raises(a, b):
    judge_attained(parse_target(a), b)
