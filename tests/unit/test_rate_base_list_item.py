"""A line named only by its label finds the budget its rate is of within its own item of a list
(held-out set 15, 1606: 儋州市人民法院 2018, read by hand: 法院执行 budget 6万元 spent 6万元 100%;
两庭及装备更新维护 195万元 spent 195万元 100% — 195 is not measured against 法院执行's 6万元, which
made a false execution_rate finding of 3250 %)."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text

PAGE = ("儋州市人民法院\n2018年度部门整体支出绩效评价报告\n1.3部门项目实施情况\n"
        "我院2018年共有8个支出项目,所有项目皆按照年初预算执行。其中,法院执行年初预算数6万元,年末结算支出6万元,"
        "项目资金支出进度比率为100%;案件审判411.95万元,年末结算支出411.95万元,项目资金支出进度比率为100%;"
        "两庭及装备更新维护195.00万元,年末结算支出195万元,项目资金支出进度比率为100%。\n")


def _bases(text: str) -> dict:
    ex = extract(read_text(text.encode("utf-8")), "t")
    budgets = {f["source_ref"]: f["amount_yuan"] for f in ex.fact_budgets}
    return {f["executed_yuan"]: budgets.get(f["rate_base_ref"]) for f in ex.fact_executions
            if f["reported_rate_pct"] is not None}


def test_a_rate_is_not_of_another_items_budget() -> None:
    got = _bases(PAGE)
    assert got[Decimal("60000.00")] == Decimal("60000.00")
    assert got[Decimal("1950000.00")] is None


def test_within_one_item_the_budget_is_found() -> None:
    got = _bases(PAGE.replace("两庭及装备更新维护195.00万元", "两庭及装备更新维护年初预算数195万元"))
    assert got[Decimal("1950000.00")] == Decimal("1950000.00")
