"""Numbers as printed: value, text, decimals, unit; blanks never 0."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.normalize.numbers import Number, chinese_numeral, find_numbers, parse_number
from pipeline.normalize.percent import parse_percent

FULLWIDTH = str.maketrans("0123456789.,-%", "０１２３４５６７８９．，－％")
SEPARATORS = [",", "，", "\u2009", "\u202f"]


def fmt(value: Decimal, decimals: int, sep: str | None, fullwidth: bool) -> str:
    q = value.quantize(Decimal(1).scaleb(-decimals))
    s = f"{q:,.{decimals}f}" if sep else f"{q:.{decimals}f}"
    if fullwidth:
        s = s.translate(FULLWIDTH)
    if sep:
        s = s.replace(",", sep).replace("，", sep) if sep != "，" or not fullwidth else s
    return s


values = st.decimals(min_value=-10**10, max_value=10**10, allow_nan=False, allow_infinity=False, places=4)


@given(values, st.integers(0, 4), st.sampled_from([None, *SEPARATORS]), st.booleans(),
       st.sampled_from(["", " ", "\u3000", "\u00a0", "\n"]))
def test_formatted_numbers_round_trip(value, decimals, sep, fullwidth, pad):
    text = fmt(value, decimals, sep, fullwidth)
    n = parse_number(pad + text + pad)
    assert n is not None
    assert n.value == value.quantize(Decimal(1).scaleb(-decimals))
    assert n.decimals == decimals
    assert n.text == text  # the exact printed characters, separators and all
    assert n.unit is None


@given(st.decimals(min_value=0, max_value=10**8, places=2, allow_nan=False), st.integers(0, 2))
def test_accounting_brackets_are_negative(value, decimals):
    q = value.quantize(Decimal(1).scaleb(-decimals))
    for o, c in (("(", ")"), ("（", "）")):
        n = parse_number(f"{o}{q}{c}")
        assert n is not None and n.value == -q and n.decimals == decimals


@given(values, st.integers(0, 3), st.sampled_from(["万元", "元", "亿元", "%", "％", "分", "个", "人", "次", "天", "元/人"]),
       st.sampled_from(["", " "]))
def test_unit_suffix_kept(value, decimals, unit, gap):
    n = parse_number(fmt(value, decimals, None, False) + gap + unit)
    assert n is not None and n.unit == unit.replace("％", "%") and n.decimals == decimals


@pytest.mark.parametrize("blank", [None, "", " ", "\u3000", "—", "——", "-", "/", "／", "无", "空", "N/A", "n/a",
                                   "－", "一", "\n"])
def test_blanks_are_null_never_zero(blank):
    assert parse_number(blank) is None
    assert parse_percent(blank) is None
    assert parse_percent(blank, assume_percent=True) is None


@given(st.sampled_from(["—", "-", "/", "无", "空", "N/A", "——", "／", "－"]), st.sampled_from(["", " ", "\u3000"]))
def test_padded_blanks_are_null(blank, pad):
    assert parse_number(pad + blank + pad) is None


@pytest.mark.parametrize("text,value,decimals,unit,token", [
    (" 155.68", "155.68", 2, None, "155.68"),
    ("1,073.30", "1073.30", 2, None, "1,073.30"),
    ("1，073.30", "1073.30", 2, None, "1，073.30"),
    ("1\u2009073.30", "1073.30", 2, None, "1\u2009073.30"),
    ("１２３.４", "123.4", 1, None, "１２３.４"),
    ("１２３．４", "123.4", 1, None, "１２３．４"),
    ("-5.2", "-5.2", 1, None, "-5.2"),
    ("－5.2", "-5.2", 1, None, "－5.2"),
    ("(5.2)", "-5.2", 1, None, "(5.2)"),
    ("（5.20）", "-5.20", 2, None, "（5.20）"),
    ("261.46", "261.46", 2, None, "261.46"),
    ("10", "10", 0, None, "10"),
    ("10分", "10", 0, "分", "10"),
    ("100%", "100", 0, "%", "100"),
    ("47.37 %", "47.37", 2, "%", "47.37"),
    ("1756元/人", "1756", 0, "元/人", "1756"),
    ("582人", "582", 0, "人", "582"),
    ("0.5万元", "0.5", 1, "万元", "0.5"),
    ("374923.3\n7", "374923.37", 2, None, "374923.37"),
])
def test_examples(text, value, decimals, unit, token):
    assert parse_number(text) == Number(Decimal(value), token, decimals, unit)


@pytest.mark.parametrize("text,value,unit", [
    ("九十", 90, None), ("百分之九十五", 95, "%"), ("三", 3, None), ("一百二十", 120, None),
    ("十五", 15, None), ("两", 2, None), ("九十分", 90, "分"), ("三个", 3, "个"),
])
def test_chinese_numerals(text, value, unit):
    n = parse_number(text)
    assert n is not None and n.value == value and n.unit == unit and n.decimals == 0


def test_chinese_numeral_function():
    assert [chinese_numeral(s) for s in ("九十", "一百二十", "十五", "三", "两", "一千零五", "x")] == [
        90, 120, 15, 3, 2, 1005, None]


@pytest.mark.parametrize("text", ["≥6次", "2022年底", "12月底前", "1,07", "12,34", "(5.2", "万", "按期完成",
                                  "5.2.3", "10分以上", "A630", "1 073"])
def test_not_a_plain_number(text):
    assert parse_number(text) is None


@given(st.text(max_size=40))
def test_never_raises(text):
    parse_number(text)
    find_numbers(text)
    parse_percent(text)


def test_find_numbers_spans_and_units():
    text = "年初预算583.44万元，执行率54.74%，共1,234个项目，覆盖582 人，满意度达百分之九十五"
    found = find_numbers(text)
    assert [(text[a:b], n.value, n.unit) for a, b, n in found] == [
        ("583.44", Decimal("583.44"), "万元"), ("54.74", Decimal("54.74"), "%"), ("1,234", 1234, "个"),
        ("582", 582, "人"), ("百分之九十五", 95, "%")]
    assert all(n.text == text[a:b] for a, b, n in found)


def test_find_numbers_dashes_commas_and_fullwidth():
    text = "2021-2022年，目标80-90%，项目12，345万元，减少－3次，全年１２３．４万元"
    got = [(text[a:b], n.value, n.decimals) for a, b, n in find_numbers(text)]
    assert got == [("2021", 2021, 0), ("2022", 2022, 0), ("80", 80, 0), ("90", 90, 0), ("12", 12, 0),
                   ("345", 345, 0), ("－3", -3, 0), ("１２３．４", Decimal("123.4"), 1)]


@given(st.lists(st.tuples(st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False),
                          st.sampled_from(["万元", "元", "%", "分", "个", "人", "次", "天"])), min_size=1, max_size=5))
def test_find_numbers_recovers_generated_sentence(items):
    text = "，其中".join(f"{v}{u}" for v, u in items)
    found = find_numbers(text)
    assert [(n.value, n.unit) for _, _, n in found] == [(v, u) for v, u in items]
    assert all(text[a:b] == n.text for a, b, n in found)


@pytest.mark.parametrize("text,value", [("100%", 100), ("54.74%", Decimal("54.74")), ("99.85 %", Decimal("99.85")),
                                        ("百分之九十五", 95), ("95％", 95)])
def test_percent(text, value):
    n = parse_percent(text)
    assert n is not None and n.value == value and n.unit == "%"


def test_bare_rate_only_when_caller_says_so():
    assert parse_percent("0.9") is None
    n = parse_percent("0.9", assume_percent=True)
    assert n is not None and n.value == Decimal("0.9") and n.unit == "%" and n.decimals == 1
    assert parse_percent("10分", assume_percent=True) is None
