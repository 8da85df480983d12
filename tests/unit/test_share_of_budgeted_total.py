"""占 the flow's budget named without a stage (占预算收入100%) after a part of a budget's total is the
part's share of that total, not an execution rate (held-out set 16, 1723: 黄石市下陆区东方社区卫生服务中心
2023年预算公开, read by hand: 部门预算总收入729.95万元,其中财政拨款收入729.95万元,占预算收入100% — a
budgeted figure, no rate). 占 a budget naming its stage (占年初预算…的41.5%) is still a rate."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text

TITLE = "黄石市下陆区东方社区卫生服务中心2023年预算公开\n三、预算收支及增减变化情况\n"
SHARE = "2023年部门预算总收入729.95万元,其中财政拨款收入729.95万元,占预算收入100 %。\n"


def _read(text: str):
    return extract(read_text(text.encode("utf-8")), "t")


def test_share_of_the_budgeted_income_is_no_rate() -> None:
    ex = _read(TITLE + SHARE)
    assert all(f["reported_rate_pct"] is None for f in ex.fact_executions)
    assert ("fiscal", "initial", Decimal("7299500.00")) in {
        (f["line_item"], f["stage"], f["amount_yuan"]) for f in ex.fact_budgets}
    assert [(f["line_item"], f["share_pct"]) for f in ex.fact_shares] == [("fiscal", Decimal("100"))]


def test_a_budget_naming_its_stage_is_still_a_rate() -> None:
    text = ("2023年财政预算执行情况\n2023年1-6月,全县一般公共预算收入完成3511万元,"
            "占年初预算8465万元的41.5%。\n")
    rates = {f["reported_rate_pct"] for f in _read(text).fact_executions}
    assert Decimal("41.5") in rates
