"""Statements of held-out set D (real pages, figures read by hand): each rule with its snippet."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text


def _ex(page: str):
    return extract(read_text(page.encode("utf-8")), "t")


def test_rate_against_the_adjusted_spending_budget() -> None:
    # 533 (Nanjing 江宁区 决算草案): 完成调整后支出预算的96.3% is the execution rate of 251.45亿元.
    ex = _ex("关于江宁区2022年区级决算草案的报告\n"
             "2022年全区完成一般公共预算支出251.45亿元,完成调整后支出预算的96.3%,同比下降6.87%。")
    [e] = ex.fact_executions
    assert (e["executed_yuan"], e["reported_rate_pct"]) == (Decimal("25145000000.00"), Decimal("96.3"))


def test_last_years_balance_is_carried_over_income() -> None:
    # 534 (a fund budget): 上年结余1885万元 is income carried over, not money left unspent.
    ex = _ex("2023年政府性基金预算\n"
             "2023年政府性基金收入预算1434万元,上级补助收入1331万元,上年结余1885万元;2023年政府性基金支出总计3319万元。")
    carried = [b for b in ex.fact_budgets if b["line_item"] == "carryover"]
    assert [b["amount_yuan"] for b in carried] == [Decimal("18850000.00")]
