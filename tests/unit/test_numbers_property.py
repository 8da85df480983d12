"""Property tests for number, money, percentage, target and name normalisation."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from pipeline.normalize.grades import default_bands, grade_for, grade_rank, parse_bands
from pipeline.normalize.money import detect_money_unit, to_yuan
from pipeline.normalize.names import project_key, unit_key
from pipeline.normalize.numbers import chinese_numeral, find_numbers, parse_number
from pipeline.normalize.percent import parse_percent
from pipeline.normalize.targets import judge_attained, parse_target

FULLWIDTH = str.maketrans("0123456789.,-", "０１２３４５６７８９．，－")


def _fmt(value: Decimal, decimals: int, thousands: bool, fullwidth: bool) -> str:
    q = value.quantize(Decimal(1).scaleb(-decimals))
    s = f"{q:,.{decimals}f}" if thousands else f"{q:.{decimals}f}"
    return s.translate(FULLWIDTH) if fullwidth else s


amounts = st.decimals(min_value=-10**9, max_value=10**9, allow_nan=False, allow_infinity=False, places=4)


@given(amounts, st.integers(0, 4), st.booleans(), st.booleans(), st.sampled_from(["", " ", "\u3000"]))
def test_formatted_numbers_parse_back(value, decimals, thousands, fullwidth, pad):
    text = pad + _fmt(value, decimals, thousands, fullwidth) + pad
    n = parse_number(text)
    assert n is not None
    assert n.value == value.quantize(Decimal(1).scaleb(-decimals))
    assert n.decimals == decimals


@given(amounts, st.integers(0, 3), st.sampled_from(["万元", "元", "%", "分", "个", "人"]))
def test_unit_suffix_kept(value, decimals, unit):
    n = parse_number(_fmt(value, decimals, False, False) + unit)
    assert n is not None and n.unit == unit


@pytest.mark.parametrize("blank", ["", " ", "—", "-", "/", "／", "无", "——", "\u3000", None])
def test_blanks_are_null_never_zero(blank):
    assert parse_number(blank) is None


@given(st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False))
def test_wan_to_yuan(value):
    assert to_yuan(value, "万元") == (value * 10000).quantize(Decimal("0.01"))
    assert to_yuan(value, "元") == value.quantize(Decimal("0.01"))
    assert to_yuan(value, None) == to_yuan(value, "万元")  # 万元 unless the document says otherwise


@pytest.mark.parametrize("text,unit", [("（万元）", "万元"), ("单位：万元", "万元"), ("金额单位：元", "元"),
                                       ("预算数(元)", "元"), ("项目资金（万元）", "万元"), ("单位: 亿元", "亿元"), ("合计", None)])
def test_detect_money_unit(text, unit):
    assert detect_money_unit(text) == unit


@pytest.mark.parametrize("text,value", [("九十", 90), ("一百二十", 120), ("十五", 15), ("三", 3), ("两", 2), ("一千零五", 1005)])
def test_chinese_numerals(text, value):
    assert chinese_numeral(text) == value


def test_chinese_percent():
    n = parse_percent("百分之九十五")
    assert n is not None and n.value == 95 and n.unit == "%"


def test_accounting_negative_and_wrapped_number():
    assert parse_number("(5.20)").value == Decimal("-5.20")
    assert parse_number("374923.3\n7").value == Decimal("374923.37")


@given(st.integers(0, 10_000), st.sampled_from(["≥", ">=", "不低于", "不少于", "达到"]), st.sampled_from(["%", "个", "次", ""]))
def test_target_at_least(v, op, unit):
    t = parse_target(f"{op}{v}{unit}")
    assert t.op == ">=" and t.value == v
    assert judge_attained(t, f"{v}{unit}") is True
    assert judge_attained(t, f"{v + 1}{unit}") is True
    if v > 0:
        assert judge_attained(t, f"{v - 1}{unit}") is False


@given(st.integers(1, 10_000), st.sampled_from(["≤", "<=", "不高于", "不超过"]))
def test_target_at_most(v, op):
    t = parse_target(f"{op}{v}元")
    assert t.op == "<=" and judge_attained(t, f"{v + 1}元") is False and judge_attained(t, f"{v}元") is True


@pytest.mark.parametrize("text", ["按期完成", "有效提升", "2022年底", "持续保证"])
def test_qualitative_targets_stay_text(text):
    t = parse_target(text)
    assert t.op == "text" and t.value is None and t.text == text
    assert judge_attained(t, text) is True
    assert judge_attained(t, "未知") is None


def test_range_target():
    t = parse_target("80%-90%")
    assert t.op == "range" and judge_attained(t, "85%") is True and judge_attained(t, "95%") is False


names = st.text(alphabet="东西南北中山河湖海江城", min_size=2, max_size=4)
bodies = st.sampled_from(["组织部", "宣传部", "办公室", "统战部", "政法委员会"])


@given(names, st.sampled_from(["市", "县", "区"]), bodies)
def test_unit_aliases_share_a_key(place, level, body):
    long = f"中国共产党{place}{level}委员会{body}"
    short = f"中共{place}{level}委{body}"
    mid = f"中共{place}{level}委员会{body}"
    assert unit_key(long) == unit_key(short) == unit_key(mid)
    assert unit_key(f"106001-{mid}") == unit_key(short)


@given(st.integers(2015, 2030), st.sampled_from(["干部教育培训经费", "党建工作专项经费"]))
def test_project_key_ignores_year(year, name):
    assert project_key(f"{year}年{name}") == project_key(name) == project_key(f"{year}年度“{name}”")


@given(st.floats(0, 120, allow_nan=False))
def test_default_bands_are_monotone(score):
    _, rank = grade_for(score, default_bands())
    _, rank_higher = grade_for(min(score + 10, 120), default_bands())
    assert rank is not None and rank_higher <= rank


def test_document_bands():
    bands = parse_bands("90—100分为一等等级；80—90分（不含90分）为二等等级；60—80分（不含80分）为三等等级；60分以下（不含60分）为四等等级")
    assert [grade_for(s, bands)[1] for s in (95, 90, 89.99, 80, 79, 59)] == [1, 1, 2, 2, 3, 4]


@pytest.mark.parametrize("text,rank", [("优", 1), ("“优秀”", 1), ("一等", 1), ("良好", 2), ("二等等级", 2),
                                       ("合格", 3), ("中", 3), ("不合格", 4), ("差", 4), ("", None)])
def test_grade_rank(text, rank):
    assert grade_rank(text) == rank


def test_find_numbers_spans():
    text = "年初预算583.44万元，执行率54.74%"
    found = find_numbers(text)
    assert [(text[a:b], n.unit) for a, b, n in found] == [("583.44", "万元"), ("54.74", "%")]


@given(st.text(max_size=40))
def test_parse_number_never_raises(text):
    assume("\x00" not in text)
    parse_number(text)
    parse_target(text)
    find_numbers(text)


def test_bands_in_a_numbered_footnote():
    # The shape of real table notes: list numbers and other percentages around the bands.
    note = ("注：1.通过系统报送的项目可导出。2.自评（结论）等级：90—100分为一等等级；80—90分（不含90分）为二等等级；"
            "60—80分（不含80分）为三等等级；60分以下（不含60分）为四等等级。3.主要原因分析填写被评为“三等”“四等”等级的项目、"
            "财政拨款预算调整率（%）大于等于30%的项目存在问题及原因。")
    bands = parse_bands(note)
    assert [(b.low, b.high, b.rank) for b in bands] == [(90, 100, 1), (80, 90, 2), (60, 80, 3), (None, 60, 4)]
    assert [grade_for(s, bands)[1] for s in (99.99, 90, 86.57, 59)] == [1, 1, 2, 4]
