"""A PDF self-evaluation form flattened into one paragraph that printed its figures right after
the header and the row labels after them (年初预算数 … 得分 250000.00 250000.00 215,457.6 10 8.62
250000.00 250000.00 215457.6 — 上年结转资金 0 0 — 其他资金 0 0 — 年度资金总额 项目资金 (元) … 其中:当年
财政拨款): the run is those labels' rows only when it can be cut into them one way that the
template's identities allow. Real snippets (short quotes) from held-out set G 801 (上海市普陀区
体育事业管理中心, 2022)."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text

HEAD = "上海市普陀区体育事业管理中心2022年度项目自评价.pdf\n"
G801 = ("财政项目支出绩效自评表 (2022 年度) 普陀体育中心与委托运营方结 算费用 项目名称 主管部门 上海市普陀区体育局 年初预算数 "
        "全年预算数 全年执行数 分值 执行率 得分 250000.00 250000.00 215,457.6 10 8.62 250000.00 250000.00 215457.6 — "
        "上年结转资金 0 0 — 其他资金 0 0 — 年度资金总额 项目资金 (元) 上海市普陀区体育 事业管理中心 实施单位 其中:当年财政拨款 "
        "预期目标 年度 总体 目标 86.19% 实际完成情况 已完成普陀体育中心与委托运营方费用结算。 一级指标 二级指标 数量指标")
# the next form of the same file: three figures for a total row of five, its 执行数 and 分值
# printed elsewhere — which fields they are is not printed
G801_2 = ("财政项目支出绩效自评表 (2022 年度) 项目名称 援滇对口支援及结对帮扶经费 主管部门 上海市普陀区体育局 年初预算数 全年预算数 "
          "全年执行数 分值 执行率 得分 20000.00 20000.00 4.52 其中:当年财政拨款 0 0 — 上年结转资金 0 0 — 其他资金 0 0 — "
          "年度资金总额 项目资金 (元) 上海市普陀区体育 事业管理中心 实施单位 9,034 预期目标 年度 总体 目标 10 45.17%")


def _ex(text: str):
    return extract(read_text((HEAD + text).encode("utf-8")), "d")


def test_figures_before_their_labels_are_read_as_those_rows() -> None:
    ex = _ex(G801)
    budgets = {(f["line_item"], f["stage"]): f["amount_yuan"] for f in ex.fact_budgets if f["origin"] == "table"}
    assert budgets[("total", "adjusted")] == Decimal("250000.00")
    assert budgets[("fiscal_current", "adjusted")] == Decimal("250000.00")
    execs = {f["line_item"]: f["executed_yuan"] for f in ex.fact_executions if f["origin"] == "table"}
    assert execs == {"total": Decimal("215457.60"), "fiscal_current": Decimal("215457.60")}
    assert {(f["component"], f["weight"], f["score"]) for f in ex.fact_scores if f["component"] == "budget_execution"} \
        == {("budget_execution", Decimal("10"), Decimal("8.62"))}
    assert all(f["reported_unit"] == "元" for f in ex.fact_budgets if f["origin"] == "table")


def test_figures_that_fit_the_labels_more_than_one_way_stay_unplaced() -> None:
    ex = _ex(G801_2)
    assert not [f for f in ex.fact_budgets + ex.fact_executions if f["origin"] == "table" and f["line_item"] == "total"]
    assert not [f for f in ex.fact_scores if f["score"] == Decimal("4.52")]
    assert any(u["text"] == "20000.00" for u in ex.unrecognised)
