"""Execution rates printed as fractions (held-out set E 602/603, figures read by hand)."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text

# E 603 (安徽 裕安区): 执行率 printed 0.958 for 27.8 / 29 = 95.86 %.
FORM = ("市级文物保护专项经费绩效自评表(2022年度)\n项目名称 市级文物保护专项经费\n"
        "主管部门 裕安区文化和旅游局   实施单位 裕安区文化和旅游局  \n"
        "项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"
        "(万元) 年度资金总额 29 29 27.8 9 0.958 8\n其中:当年财政拨款 29 29 27.8 9 0.958 8\n"
        "      上年结转资金\n  其他资金\n年度总体目标 预期目标 实际完成情况\n")


def _rates(text: str) -> list[tuple]:
    ex = extract(read_text(text.encode("utf-8")), "t")
    return [(e["line_item"], e["reported_rate_pct"], e["rate_text"], e["rate_decimals"]) for e in ex.fact_executions]


def test_fraction_rate_is_stored_in_percent_with_its_printed_text() -> None:
    got = _rates(FORM)
    assert ("total", Decimal("95.8"), "0.958", 1) in got


def test_a_percent_that_fits_stays_a_percent() -> None:
    got = _rates(FORM.replace("0.958", "95.86%"))
    assert ("total", Decimal("95.86"), "95.86%", 2) in got or ("total", Decimal("95.86"), "95.86", 2) in got


def test_a_bare_small_rate_that_fits_as_percent_is_left_alone() -> None:
    # 0.5 万元 spent of 100: 0.5 % — as a fraction it would be 50 %, which does not fit.
    text = FORM.replace("29 29 27.8 9 0.958 8", "100 100 0.5 10 0.5 0")
    assert ("total", Decimal("0.5"), "0.5", 1) in _rates(text)
