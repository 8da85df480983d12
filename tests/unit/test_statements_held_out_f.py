"""Running-text statements on held-out set F (issue 12): real snippets, figures read by hand.
Each test failed before its rule."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.extract.statements import Flow, read_statements
from pipeline.readers.text import read_text
from tests.checks_harness import check_text, failures


def _ex(text: str):
    return extract(read_text(text.encode("utf-8")), "t")


def _amounts(text: str) -> dict[str, tuple[str, str]]:
    """printed figure → (fact table, period) of every stored amount."""
    ex = _ex(text)
    out = {}
    for name in ("fact_budgets", "fact_executions"):
        for r in getattr(ex, name):
            if r.get("reported_text"):
                out[r["reported_text"]] = (name, r.get("period"))
    return out


# 上海市崇明区长兴镇 2022 预算执行报告 (F 705): the 比上年 figure names its line and is the earlier
# year's; the current level is the sentence before (238960.28 − 35418.74 = 203541.54, 14.82 %).
F705 = ("2022年预算执行情况\n"
        "2022年,我镇实现财政总收入203541.54万元,其中,一般转移支付收入(镇本级)180500.00万元,"
        "专项转移支付收入23041.54万元。比上年财政总收入238960.28万元减少35418.74万元,下降14.82%。\n"
        "2022年一般转移支付收入180500.00万元,比上年一般转移支付收入225000.00万元减少44500.00万元,下降19.78%。")


def test_a_prior_figure_naming_its_line_is_the_earlier_years_of_that_level() -> None:
    df, _ = check_text(F705)
    assert failures(df).empty
    got = _amounts(F705)
    assert got["238960.28"][1] == "prior" and got["225000.00"][1] == "prior"
    changes = {(c["level_text"], c["prior_text"]) for c in _ex(F705).fact_changes}
    assert changes == {("203541.54", "238960.28"), ("180500.00", "225000.00")}


# 甘谷县 2021 决算 (F 702): the 较上年同期 figure is the executed level's prior, not the budget's
# a rate was measured against; 超收 is the excess over the budget, never a level; 同比增收 is a
# change on the year before even after a budget was named in the sentence.
F702 = ("2021年,全县大口径财政收入累计完成95808万元,占预算80641万元的118.8%,较上年同期80641万元增长18.8%,"
        "增收15167万元。其中:公共财政预算收入43101万元,完成预算40023万元的107.7%,超收3078万元,同比增长14.2%,"
        "增收5345万元;政府性基金收入26785万元,完成预算16634万元的161.0%,超收10151万元,同比增收6411万元,增长31.5%。")


def test_an_excess_over_the_budget_and_a_prior_beside_a_rate_base_are_not_levels() -> None:
    df, _ = check_text(F702)
    assert failures(df).empty
    got = _amounts(F702)
    assert "10151" not in got and "3078" not in got
    ex = _ex(F702)
    ch = {(c["level_text"], c["reported_text"], c["base"]) for c in ex.fact_changes}
    assert ("26785", "6411", "prior") in ch and ("26785", "10151", "budget") in ch
    pct = {(c["level_text"], c["prior_text"], c["change_pct"]) for c in ex.fact_changes if c["change_pct"] is not None}
    assert ("95808", "80641", Decimal("18.8")) in pct


# 大英县回马镇郪口小学校 2020 决算说明 (F 719): "与2019498.83万元相比" is 2019年 498.83万元
# (424.71 + 74.12 = 498.83; 74.12 / 498.83 = 14.86 %), never 201.9 亿元.
F719 = "2020年度大英县回马镇郪口小学校决算说明\n一、收入支出决算总体情况说明\n2020年度收、支总计424.71万元。与2019498.83万元相比,收、支总计各减少74.12万元,减少14.86%。"


def test_a_year_glued_to_the_compared_figure_is_the_year() -> None:
    df, _ = check_text(F719)
    assert failures(df).empty
    got = _amounts(F719)
    assert "2019498.83" not in got and got["498.83"][1] == "prior"


def test_a_figure_after_a_comparison_word_is_not_cut_without_a_year_of_the_past() -> None:
    # 比200000万元: a figure (no year of the paragraph's past glued to it)
    out, _rates, _changes = read_statements("2020年度收入合计300000万元,比201800万元增加98200万元。", "executed")
    assert [s.printed for s in out] == ["300000", "201800"]


def test_a_negative_figure_keeps_its_sign() -> None:
    # 瑞安市 2022 义务教育经费下达 (F 735): 126.44 = 139.71 + (−13.27)
    text = ("现将义务教育经费保障机制补助经费126.44万元(其中中央直达资金139.71万元,省直达-13.27万元)下达给你们。")
    out, _rates, _changes = read_statements(text, "allocated")
    assert [(s.printed, s.value) for s in out][-1] == ("-13.27", Decimal("-13.27"))
    # a range's dash is no sign
    out, _rates, _changes = read_statements("每所学校补助5-10万元,共安排经费200万元。", "initial")
    assert all(s.value > 0 for s in out)


# 福建省 2016 省级三公经费决算 (F 704): changes listed respectively pair with the levels listed
# before them, in order (0.14 − 0.18, 1.27 − 0.56), and so do their percentages; the 0.56 is
# never an amount nor a part of 1.41.
F704 = ("其中,因公出国(境)费0.61亿元。比2015年减少48.45万元,下降0.8%;公务用车购置及运行费1.41亿元,"
        "包括公务用车购置费0.14亿元和公务用车运行费1.27亿元,与2015年相比,分别减少0.18亿元和0.56亿元,"
        "下降133.1%和43.7%;公务接待费0.27亿元,比2015年减少0.14亿元,下降51.7%。")


def test_changes_listed_respectively_pair_with_the_levels_in_order() -> None:
    out, _rates, changes = read_statements(F704, "executed")
    assert "0.56" not in [s.printed for s in out] and "0.18" not in [s.printed for s in out]
    got = [(c.level.printed, c.printed, c.pct[1] if c.pct else None) for c in changes]
    assert ("0.14", "0.18", "133.1") in got and ("1.27", "0.56", "43.7") in got


def test_more_changes_listed_than_levels_are_set_aside() -> None:
    flow = Flow()
    _out, _rates, changes = read_statements("公务接待费0.27亿元,与2015年相比,分别减少0.18亿元和0.56亿元。", "executed", flow)
    assert changes == [] and len(flow.skipped) == 2


def test_a_change_against_the_budget_is_not_compared_with_the_earlier_years_figure() -> None:
    text = ("2021年度财政决算报告\n2021年,公共财政预算收入43101万元,较上年同期37756万元增长14.2%,"
            "完成预算40023万元的107.7%,超收3078万元。")
    rows = _ex(text).fact_changes
    assert [(r["reported_text"], r["base"], r["prior_text"]) for r in rows if r["reported_text"]] == [("3078", "budget", None)]
    df, _ = check_text(text)
    assert failures(df).empty


def test_a_figure_reached_after_a_per_unit_standard_is_a_standard_too() -> None:
    # 考核办法 (F 716): 人均不低于10元…,加1分,达到20元,加2分 — 20元 is per head, never an amount
    text = ("县级财政按照乡村人口人均不低于5元标准安排奖补资金,得4分;县级财政按照农业人口人均不低于10元标准"
            "安排奖补资金的,加1分,达到20元,加2分;市财政对县安排补助资金,加1分")
    flow = Flow()
    out, _rates, _changes = read_statements(text, "initial", flow)
    assert out == [] and len(flow.skipped) == 3


def test_a_tax_relief_is_not_an_execution() -> None:
    # 黑龙江 2021 news (F 715): 新增减税降费18.3亿元 is revenue given up
    text = ("今年上半年,黑龙江一般公共预算收入完成664.2亿元,比上年同期增长25.6%;1月~5月,黑龙江新增减税降费18.3亿元,"
            "有力支持了市场主体发展。")
    out, _rates, _changes = read_statements(text, "executed")
    assert [s.printed for s in out] == ["664.2"]


def test_an_average_of_others_is_no_score_and_the_unit_naming_itself_scores_itself() -> None:
    # 日照市 2016 (F 726, a shuffled page): 我市获得96.47分 is the city's; 17地市平均得分93.61分 is not
    from pipeline.extract.statements import read_scores

    got = [(s.printed, s.component) for s in read_scores("评价小组设置了13类评价指标体系,省最我市获得96.47分,日照市发改委"
                                                          "争取省区域战略推进专项资金1亿元。项目执行有效性较好,17地市平均得分93.61分,扶持了…")]
    assert got == [("96.47", None)]


def test_a_rate_against_a_budget_named_with_the_body_that_approved_it() -> None:
    # 2023 区级预算执行 (F 708): the rate joins the execution, the adjusted budget is its base
    text = ("2023年区级一般公共预算收入预计完成39.1亿元,完成区第十八届人大常委会第十九次会议批准收入调整预算37.5亿元的"
            "104.3%。")
    out, _rates, _changes = read_statements(text, "executed")
    ex = next(s for s in out if s.printed == "39.1")
    assert ex.rate is not None and ex.rate[1] == "104.3" and ex.rate_base is not None and ex.rate_base.printed == "37.5"


def test_completion_right_after_a_figure_is_a_rate_but_growth_and_shares_are_not() -> None:
    # 中山市大涌 2022 上半年 (F 728): 上级补助收入2.67亿元,,完成44.8%,同比增长15%
    _out, rates, _changes = read_statements("上半年,,上级补助收入2.67亿元,,完成44.8%,同比增长15%,。", "executed")
    assert [r.printed for r in rates] == ["44.8"]
    _out, rates, _changes = read_statements("上半年,工程完成80%,进展顺利。", "executed")
    assert rates == []


def test_the_one_budget_of_the_sentence_is_what_completing_the_budget_measures_against() -> None:
    # 2020 部门决算 (F 723): 2112.86 / 1255.37 = 168.3 %, printed 100 % — found
    text = ("2020年度部门决算说明\n2020年度财政拨款支出年初预算数为1255.37万元,支出决算数为2112.86万元,"
            "完成年初预算的100%,其中:")
    df, _ = check_text(text)
    assert "execution_rate" in set(failures(df)["check_name"])


def test_a_change_printed_with_both_directions_is_set_aside() -> None:
    # 普洱市民族中学 2017 三公预算 (F 701): the template's 减少(增加) / 增加(减少) left in
    text = ("2017年“三公”经费预算4.97万元。2017年“三公”经费预算数较2016年“三公”经费预算数减少(增加)0.11万元,同比下降(增加)6%。"
            "公务接待费预算1.97万元,较2017年的1.86万元增加(减少)0.11万元,主要是由于学校工作导致增加(减少)。")
    out, _rates, changes = read_statements(text, "initial")
    assert [(s.printed, s.period) for s in out] == [("4.97", "current"), ("1.97", "current"), ("1.86", "prior")]
    assert changes == []


def test_what_a_year_carries_to_the_next_is_an_executed_carryover() -> None:
    # 重庆市璧山区 2023 预算执行 (F 724): the page cut after 亿 (结转下年6.39亿)
    text = ("全区一般公共预算本级支出完成75.80亿元。加上转移性支出中上解支出3.37亿元、债务还本支出3.2亿元、"
            "安排预算稳定调节基金13.3亿元、结转下年6.39亿")
    out, _rates, _changes = read_statements(text, "executed")
    st = next(s for s in out if s.printed == "6.39")
    assert (st.line_item, st.measure, st.yuan) == ("carryover_end", "executed", Decimal("639000000.00"))


def test_a_total_after_a_per_unit_standard_is_still_an_amount() -> None:
    out, _rates, _changes = read_statements("按每人补助500元标准发放,共计50万元。", "executed")
    assert [s.printed for s in out] == ["50"]


def test_by_comparison_is_no_comparison_with_an_earlier_year() -> None:
    # 焦石镇 2020 (F 725): 经比较2020年度镇本级“三公”经费41万元 is the current level
    out, _rates, changes = read_statements("经比较2020年度镇本级“三公”经费41万元,较上年减少19万元,下降43.78%。", "executed")
    assert [(s.printed, s.period) for s in out] == [("41", "current")]
    assert [(c.level.printed, c.printed) for c in changes] == [("41", "19")]


def test_a_sum_of_uses_naming_the_carryover_among_others_is_no_carryover() -> None:
    # 2022 镇决算 (F 731): the 0万元 of several uses, and the 支出总计 after it, are not 结转下年
    text = ("全镇本级一般公共预算支出1,867.48万元,为年初预算的120.9%,比上年降低30.2%。加上结转下年、安排预算稳定调节基金、"
            "上解上级支出等0万元,支出总计1,867.48万元,当年实现收支平衡。")
    out, _rates, _changes = read_statements(text, "executed")
    assert all(s.line_item != "carryover_end" for s in out)
