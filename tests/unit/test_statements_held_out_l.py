"""Running text of held-out set L (texts not committed; sentences as printed).

- 1321 (a 2022 half-year 政府预算执行报告): 国有资本经营收入 is the state-capital budget's
  revenue, not a unit's 经营收入, and 国有资本经营支出 its spending (it was stored as a budget).
- 1302 (a self-evaluation form whose cells run together): a figure in the clause of the form's
  goal (年初设定目标…体目标业务收入达到55万元) is a goal set, not a level."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.readers.text import read_text

HALF_YEAR = ("6月,全区一般公共预算收入累计完成316580万元,增长17.2%,其中:税收收入累计完成238998万元,增长9.7%;"
             "非税收入累计完成77582万元,增长48.1%;政府性基金预算收入1616万元;国有资本经营收入1868万元。"
             "全区一般公共预算支出累计完成397641万元,增长0.7 %,其中:民生支出累计完成257215万元,占一般公共预算支出的64.7%。"
             "政府性基金累计支出完成197944万元,国有资本经营支出180万元。\n")

FORM = ("1、蚕茶卫生院整体支出绩效自评表(2021年度)评价部门名称南昌县黄马乡蚕茶卫生院下属单位个数0整体支出规模"
        "全年预算数全年执行数执行率资金来源:(1)财政拨款103.21%资金结构:(1)基本支出103.21%(2)项目支出年度总"
        "年初设定目标全年完成情况体目标业务收入达到55万元,三公经费控制率达标\n")


def _facts(text: str) -> dict[str, tuple[str, str]]:
    ex = extract(read_text(text.encode("utf-8")), "d")
    out = {f["reported_text"]: ("budget", f["line_item"]) for f in ex.fact_budgets}
    out |= {f["reported_text"]: ("executed", f["line_item"]) for f in ex.fact_executions}
    return out


def test_state_capital_revenue_and_spending() -> None:
    got = _facts(HALF_YEAR)
    assert got["1868"] == ("executed", "state_capital")
    assert got["180"] == ("executed", "state_capital")
    assert got["1616"] == ("executed", "government_fund")


def test_a_goal_in_a_forms_goal_cell_is_no_level() -> None:
    got = _facts(FORM)
    assert "55" not in got


def test_national_totals_in_wanyi() -> None:
    # 1313 (a national news repost): 万亿 was read as 万 (27.46万亿元 stored as 274 600 元)
    ex = extract(read_text("某县财政局2023年预算执行情况的报告\n2023年全县一般公共预算收入完成1.2万亿元,增长6.4%。"
                           "全县一般公共预算支出27.46万亿。\n".encode()), "d")
    got = {f["reported_text"]: (f["executed_yuan"], f["reported_unit"]) for f in ex.fact_executions}
    assert got["1.2"] == (1_200_000_000_000, "万亿元")
    assert got["27.46"] == (27_460_000_000_000, "万亿")


# 2026 部门预算 of 中共重庆市委宣传部 p.5 (github calinchow-del/renwu; audit: two false
# narrative_matches_table findings per 重庆 file): 一般公共预算财政拨款运行经费 is 机关运行经费, and the
# money 项目支出…绩效目标管理 covers (涉及一般公共预算财政拨款X) is no total of that fund.
CHONGQING = ("中共重庆市委宣传部2026年部门预算\n"
             "(一)机关运行经费。2026年一般公共预算财政拨款运行经费910.53万元,比2025年增加0.09万元;主要用于办公费。\n"
             "(三)绩效目标设置情况。2026年项目支出均实行了绩效目标管理,涉及一般公共预算财政拨款24,991.96万元。\n")


def test_operating_costs_and_money_a_measure_covers() -> None:
    ex = extract(read_text(CHONGQING.encode()), "d")
    got = {f["reported_text"]: f["line_item"] for f in ex.fact_budgets}
    assert got == {"910.53": "operating_costs", "24,991.96": "stated"}
