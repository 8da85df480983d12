"""A figure a paragraph pattern already placed without a rate keeps the rate the sentence grammar
read as its own (held-out set 19, 2028: 西平县 wheat subsidy self-evaluation, read by hand:
已拨付资金269.30万元, 资金拨付率96% — 269.30 / 280 = 96.18 %, printed rounded)."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text

PAGE = ("一、项目基本情况\n2023年下达财政衔接资金280万元,用于2023年西平县优质小麦种植补贴项目。\n"
        "二、项目资金拨付情况及总体评价\n截止评价点,该项目已拨付资金269.30万元,资金拨付率96%,绩效实际完成情况与计划目标有差异。\n")


def _executions(text: str) -> list[tuple]:
    ex = extract(read_text(text.encode("utf-8")), "t")
    return [(f["executed_yuan"], f["reported_rate_pct"]) for f in ex.fact_executions]


def test_payment_rate_after_a_placed_amount_is_its_rate() -> None:
    got = _executions(PAGE)
    assert (Decimal("2693000.00"), Decimal("96")) in got
    assert all(r is None or r == Decimal("96") for _, r in got)


def test_no_rate_no_change() -> None:
    got = _executions(PAGE.replace(",资金拨付率96%", ""))
    assert got and all(r is None for _, r in got)


def test_a_growth_rate_is_no_execution_rate() -> None:
    got = _executions(PAGE.replace("资金拨付率96%", "比上年增长96%"))
    assert all(r is None for _, r in got)


# Held-out set 16, 1720 (an aggregator's copy of 甘肃 mid-year finances, read by hand): spending
# "完成全年支出预计数的52.2%" is its execution against the year's estimate, like 完成…预期的.
ESTIMATE = ("甘肃省2025年上半年财政预算执行情况\n今年上半年,甘肃省一般公共预算收入573.8亿元,完成年初预算的52.8%,"
            "增长4.1%;全省一般公共预算支出2571.7亿元,完成全年支出预计数的52.2%,增长5.5%。\n")


def test_completion_of_the_years_estimate_is_a_rate() -> None:
    got = _executions(ESTIMATE)
    assert (Decimal("257170000000.00"), Decimal("52.2")) in got
    assert (Decimal("57380000000.00"), Decimal("52.8")) in got
