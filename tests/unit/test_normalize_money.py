"""Money units and yuan conversion; text helpers."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.normalize.money import detect_money_unit, to_yuan
from pipeline.normalize.text import normalize_text, squash, to_halfwidth

amounts = st.decimals(min_value=-10**9, max_value=10**9, places=4, allow_nan=False, allow_infinity=False)
CENT = Decimal("0.01")


@given(amounts)
def test_wan_yuan_yi_qian(value):
    assert to_yuan(value, "万元") == value * 10000  # 4 places × 10 000: exact, no rounding
    assert to_yuan(value, "亿元") == value * 100_000_000
    assert to_yuan(value, "千元") == (value * 1000).quantize(CENT, rounding=ROUND_HALF_UP)
    assert to_yuan(value, "元") == value.quantize(CENT, rounding=ROUND_HALF_UP)
    assert to_yuan(value, None) == to_yuan(value, "万元")  # 万元 unless the document says otherwise
    assert to_yuan(value, None, default_unit="元") == to_yuan(value, "元")


def test_to_yuan_examples():
    assert to_yuan(Decimal("583.44"), "万元") == Decimal("5834400.00")
    assert to_yuan(Decimal("1.005"), "元") == Decimal("1.01")  # half-up, not banker's
    assert to_yuan(0.1, "元") == Decimal("0.10")  # floats go through str, no binary noise
    assert to_yuan(Decimal("1.5"), "亿元") == Decimal("150000000.00")


@pytest.mark.parametrize("text,unit", [
    ("（万元）", "万元"), ("单位：万元", "万元"), ("金额单位：元", "元"), ("项目资金（万元）", "万元"),
    ("预算数(元)", "元"), ("单位: 亿元", "亿元"), ("单位：千元", "千元"), ("（单位：万元）", "万元"),
    ("单位：人民币万元", "万元"), ("年初预算数（ 万 元 ）", "万元"), ("合计", None), ("执行率(%)", None),
    ("", None), (None, None), ("人均标准（元/人）", None),
])
def test_detect_money_unit(text, unit):
    assert detect_money_unit(text) == unit


@given(st.sampled_from(["万元", "元", "亿元", "千元"]), st.sampled_from(["（{}）", "({})", "单位：{}", "金额单位:{}", "项目资金（{}）"]))
def test_longest_unit_wins(unit, pattern):
    assert detect_money_unit(pattern.format(unit)) == unit


def test_text_helpers():
    assert normalize_text(" ＡＢＣ１２３，\u3000中文\u00a0 x ") == "ABC123, 中文 x"
    assert squash(" a b\u3000c\n\u200b") == "abc"
    assert to_halfwidth("１２３．４％") == "123.4%"
    assert len(to_halfwidth("（１２）\u3000中")) == len("（１２）\u3000中")  # offsets survive


@given(st.text(max_size=30))
def test_squash_is_idempotent_and_has_no_spaces(s):
    once = squash(s)
    assert squash(once) == once
    assert not any(ch.isspace() for ch in once)
    assert normalize_text(normalize_text(s)) == normalize_text(s)
