"""Running-text statements on the held-out sets A–F, second pass: real snippets, figures read by
hand. Each test failed before its rule."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.extract.statements import read_statements
from pipeline.readers.text import read_text
from tests.checks_harness import check_text, failures


def _ex(text: str):
    return extract(read_text(text.encode("utf-8")), "t")


def test_a_bare_wan_after_the_grand_totals_of_income_and_spending_is_money() -> None:
    # 渠县农业综合技术服务中心 2024 决算 (A 212): the page is cut after 万
    out, _rates, _changes = read_statements("2024年度收、支总计均为1523.26万", "executed")
    assert [(s.printed, s.unit, s.line_item) for s in out] == [("1523.26", "万", "grand_total")]


def test_a_bare_wan_of_a_count_is_still_no_money() -> None:
    out, _rates, _changes = read_statements("全年接待游客总计1.2万", "executed")
    assert out == []


# 巫溪县 2022 预算执行 (A 237): 一般公共预算收入 printed in 元 where 万元 is meant; its parts after
# 其中 run on past a semicolon (非税收入…, a kind of money, states no stage of its own), so the
# parts (39029元 + 49406万元) exceed the total printed.
A237 = ("县十八届人大第一次会议批准的年初预算为:一般公共预算收入76138万元(税收收入47008万元、非税收入29130万元)。\n\n"
        "——一般公共预算收入88435元,完成调整预算的99.2 %,较上年增长19.7%,其中:税收收入39029元,下降12%;"
        "非税收入49406万元,增长67.1%上级补助405490万元,其中:返还性收入2275万元、一般性转移支付收入336747万元、"
        "专项转移支付收入66468万元。")


def test_a_part_after_a_semicolon_naming_only_a_kind_of_money_stays_in_the_list() -> None:
    ex = _ex(A237)
    parts = {r["reported_text"]: r.get("part_of") for r in ex.fact_executions + ex.fact_budgets}
    whole = "para=2;chars=10-15"  # 88435
    assert parts["39029"] == whole and parts["49406"] == whole
    assert parts["2275"] == "para=2;chars=85-91" and parts["405490"] is None
    df, _ = check_text(A237)
    bad = failures(df)
    assert set(bad["check_name"]) == {"stated_parts_sum"}
    assert bad["expected"].tolist() == [88435.0]


def test_a_clause_after_a_semicolon_with_its_own_stage_starts_a_new_statement() -> None:
    text = "一般公共预算收入100万元,其中:税收收入60万元;完成政府性基金支出80万元。"
    out, _rates, _changes = read_statements(text, "executed")
    assert {s.printed: s.part_of for s in out}["80"] is None


def test_an_earlier_figure_printed_without_its_unit_before_the_change_takes_the_changes_unit() -> None:
    # 2018 “三公”经费 (B 334): 2.08 is the year before's, in 万元 like the change after it
    text = "2018年度本部门一般公共预算财政拨款安排的“三公”经费支出2.05万元,较上年2.08减少0.03万元,减少了1.44%。"
    out, _rates, changes = read_statements(text, "executed")
    assert [(s.printed, s.unit, s.period) for s in out] == [("2.05", "万元", "current"), ("2.08", "万元", "prior")]
    assert [(c.level.printed, c.printed, c.level.prior.printed) for c in changes] == [("2.05", "0.03", "2.08")]
    df, _ = check_text(text)
    assert failures(df).empty


def test_a_unitless_number_before_a_change_without_a_comparison_is_not_read() -> None:
    out, _rates, _changes = read_statements("共2次减少0.03万元。", "executed")
    assert [s.printed for s in out] == []


def test_a_bracketed_aside_after_the_budget_word_keeps_the_percentage_a_rate() -> None:
    # 2013 上半年 预算执行 (B 338, printed in traditional script with pinyin glosses): what the budget
    # covers, in brackets between 为预算的 and the rate
    text = "上半年,完成公共财政预算支出83885万元,为预算的(包括本级预算和上级专项)69.5%,同比增长17%。"
    out, rates, _changes = read_statements(text, None)
    assert [(s.printed, s.measure, s.rate[1] if s.rate else None) for s in out] == [("83885", "executed", "69.5")]
    assert [r.printed for r in rates] == ["69.5"]


def test_rates_listed_by_name_after_a_colon_naming_the_rate_are_rates() -> None:
    # 福州市 2021 1-8月 直达资金 (C 437): the payment rates of the districts behind the province's
    text = "支付率低于全省(67.3%)平均进度的有:高新区41.8%,,市本级51.4%,连江62.6%,,鼓楼66.7%,。"
    _out, rates, _changes = read_statements(text, None)
    assert [r.printed for r in rates] == ["67.3", "41.8", "51.4", "62.6", "66.7"]


def test_growth_rates_listed_by_name_are_no_rates() -> None:
    text = "增幅较大的有:高新区41.8%,市本级51.4%;收入占比:税收65%。"
    _out, rates, _changes = read_statements(text, None)
    assert rates == []


# 英德市经信局 2016 “三公经费”预算对比 (D 513): each line states this year's budget, then the year
# before's, then the change; 35.22% is 4.35/12.35, not the 4.35/12.5 the printed figures give.
D513 = ("英德市经信局2016年“三公经费”预算对比增减说明\n"
        "2016年三公经费预算拨入33万元,2015年三公经费预算拨入57.55万元,与上年对比减少24.55万元。主要原因是八项规定"
        "厉行节约及公务用车改革。其中:1、公务接待费2016年预算8万元,2015年预算12.5万元;对比减少4.35万元;减少率35.22%,"
        "原因执行八项规定厉行节约。2、公务车辆运行2016年预算25万元,2015年预算45.2万元;对比减少20.20万元,减少率44.69%。")


def test_the_year_befores_figure_stated_after_this_years_is_its_prior() -> None:
    got = {r["reported_text"]: r["period"] for r in _ex(D513).fact_budgets}
    assert got == {"33": "current", "57.55": "prior", "8": "current", "12.5": "prior", "25": "current", "45.2": "prior"}
    ch = {(c["level_text"], c.get("prior_text"), c["reported_text"], c.get("pct_text")) for c in _ex(D513).fact_changes}
    assert ch == {("33", "57.55", "24.55", None), ("8", "12.5", "4.35", "35.22"), ("25", "45.2", "20.20", "44.69")}
    df, _ = check_text(D513)
    bad = failures(df)
    assert bad[["check_name", "expected"]].values.tolist() == [["change_matches_figures", 35.22]]


def test_a_figure_of_two_years_before_is_not_taken_for_the_prior() -> None:
    out, _rates, _changes = read_statements("2016年预算8万元,2014年预算12.5万元。", "initial")
    assert [s.period for s in out] == ["current", "current"]


# 2017 单位决算 (E 637, traditional script): 完成年初预算100% while the execution is 55.93万元 above
# the budget — 1741.75 / (1741.75 − 55.93) = 103.3 %. The gap is a change against the budget, never
# a budget level of 55.93万元.
E637 = ("2017年度单位决算情况说明\n"
        "2017年度,本单位一般公共预算财政拨款支出总计1741.75万元,与上年相比减少53.7万元,降低2.99%;完成年初预算{rate}%,"
        "决算数大于预算数55.93万元,主要原因:2017年度62名职工工资调标个人部分增加。")


def test_the_gap_between_execution_and_budget_is_a_change_against_the_budget() -> None:
    ex = _ex(E637.format(rate="100"))
    assert [r["reported_text"] for r in ex.fact_budgets] == []
    ch = {(c["level_text"], c["reported_text"], c["direction"], c["base"]) for c in ex.fact_changes}
    assert ("1741.75", "55.93", 1, "budget") in ch


def test_a_rate_disagreeing_with_the_stated_gap_to_the_budget_is_found() -> None:
    df, _ = check_text(E637.format(rate="100"))
    bad = failures(df)
    assert bad[["check_name", "expected"]].values.tolist() == [["rate_matches_budget_gap", 100.0]]
    assert round(float(bad["observed"].iloc[0]), 2) == 103.32
    # the rate the figures give (1741.75 / 1685.82 = 103.32 %) passes
    df, _ = check_text(E637.format(rate="103.3"))
    assert failures(df).empty
    assert df[df["check_name"] == "rate_matches_budget_gap"]["passed"].tolist() == [True]


# 2019 部门决算 (C 415): 1205.11 / (1205.11 + 537.35) = 69.16 %, printed 70 %.
C415 = ("本部门2019年度财政拨款本年收入1205.11万元,完成年初预算的{rate}%,比年初预算减少537.35万元,"
        "决算数小于预算数主要原因是部分项目建设未开工。")


def test_a_rate_against_a_budget_the_shortfall_gives_is_checked() -> None:
    df, _ = check_text(C415.format(rate="70"))
    assert failures(df)["check_name"].tolist() == ["rate_matches_budget_gap"]
    df, _ = check_text(C415.format(rate="69.2"))
    assert failures(df).empty


def test_a_projects_total_investment_is_its_budget_unless_said_completed() -> None:
    # 寺下镇 2019 高其坑通组道路工程 (F 737): the sentence says no stage but 总投资
    out, _r, _c = read_statements("2019年通过统筹整合财政涉农资金项目立项,实施高其坑通组道路工程,项目总投资19万元,"
                                  "通过统筹整合财政涉农资金据实拨付。", None)
    assert [(s.printed, s.measure) for s in out] == [("19", "initial")]
    # 天津东疆 (D 525): 总投资额 after a sentence opening with 完成 is still the plan
    out, _r, _c = read_statements("总体绩效目标一是完成东疆东部沿海岸线基础设施环境提升生态修复及配套设施建设,"
                                  "该项目总投资额为3.8亿元,建成后为海滨公园一座。", None)
    assert [(s.printed, s.measure) for s in out] == [("3.8", "initial")]
    # 2021 交通运输局 (B 309): 完成总投资 is what was done
    out, _r, _c = read_statements("其中实施农村公路提质改造工程200.031公里,完成总投资24187万元,(包含县乡道升级改造)。", None)
    assert [(s.printed, s.measure) for s in out] == [("24187", "executed")]
