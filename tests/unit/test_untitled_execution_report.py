"""An untitled revenue execution report (a county's monthly 大口径财政收入执行情况, held-out G 822)
was taken for a budget, so every collected figure was stored as a budget (税收收入15348万元 as the
year's initial budget). Execution wording (收入执行情况, 完成预算…的) makes it an account: what was
collected is executed, the 预算 it is measured against stays the budget."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text

G822 = ("一、大口径财政收入情况\n2月份,全县实现大口径财政收入5682万元,完成预算105425万元的5.39%,较均衡进度慢2.94%,"
        "较上年同期减收1816万元,下降24.22%。1-2月,全县实现大口径财政收入17056万元,完成预算的16.18%。从收入结构看:"
        "税收收入15348万元,占收入的89.99%,同比增收1316万元,增长9.38%;非税收入1708万元,占收入的10.01%。"
        "具体收入项目情况如下: 二〇二四年二月大口径财政收入执行情况表")


def test_collected_revenue_is_executed_and_its_budget_a_budget() -> None:
    ex = extract(read_text(G822.encode("utf-8")), "t")
    assert [r["report_kind"] for r in ex.reports] == ["final_accounts"]
    executed = {f["executed_yuan"] for f in ex.fact_executions}
    budgets = {f["amount_yuan"] for f in ex.fact_budgets}
    assert {Decimal("56820000.00"), Decimal("170560000.00"), Decimal("153480000.00")} <= executed
    assert Decimal("153480000.00") not in budgets
    assert budgets == {Decimal("1054250000.00")}
