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


SANGONG_ACCOUNTS = (
    "一、“三公”经费财政拨款支出总体情况说明。\n"
    "2018年度本部门一般公共预算财政拨款安排的“三公”经费支出2.05万元,较上年2.08减少0.03万元,减少了1.44%,"
    "原因为严格落实中央八项规定精神,厉行节约;其中:因公出国(境)支出0万元;公务用车购置支出0万元;"
    "公务用车运行维护费用支出0万元;公务接待费支出2.05万元,占“三公”经费的100%。\n"
    "二、“三公”经费财政拨款支出与年初预算对比情况。\n"
    "2018年度本部门一般公共预算财政拨款安排的“三公\"经费支出2.05万元,年初预算为2.95万元,差值为0.9万元。\n"
)


def test_untitled_sangong_spending_against_its_budget_is_an_account() -> None:
    # Held-out B 334: no title; spending set against 年初预算 is a final account, and 安排的
    # only says where the money came from: 2.05万元 is spent, 2.95万元 budgeted.
    ex = _ex(SANGONG_ACCOUNTS)
    assert ex.reports[0]["report_kind"] == "final_accounts"
    spent = {(e["line_item"], e["executed_yuan"]) for e in ex.fact_executions}
    assert ("sangong", Decimal("20500.00")) in spent
    budgeted = {(b["line_item"], b["amount_yuan"]) for b in ex.fact_budgets}
    assert ("sangong", Decimal("29500.00")) in budgeted and ("sangong", Decimal("20500.00")) not in budgeted


def test_a_budget_arranged_for_spending_stays_a_budget() -> None:
    ex = _ex("2023年部门预算说明\n2023年一般公共预算财政拨款安排的“三公”经费预算为5.00万元。")
    assert [(b["line_item"], b["amount_yuan"]) for b in ex.fact_budgets] == [("sangong", Decimal("50000.00"))]
