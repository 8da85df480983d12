"""Printed arithmetic (表内勾稽关系): a total must equal its printed parts as printed, and a stated
execution rate must come out of the printed figures beside it. The identity checks hold within
the rounding intervals (the contract's rule); where they hold only so, `printed_balance` judges
the same figures as printed — the page is left unbalanced (尾差未调平), and a reader who adds up its
figures finds it — with a detail that says it is within rounding.

The snippets are real pages of ../shared/real-dev whose listed inconsistencies are such tails
(117, 129, 134); each is also planted balanced to show the check passes then."""

from __future__ import annotations

import duckdb
import pytest

from pipeline.normalize.money import list_half, printed_ratio_agrees, printed_sum_agrees
from pipeline.warehouse.schema import init_schema
from tests.audit.test_audit_rules import run_text

ROUNDING_NOTE = "尾差未调平"


@pytest.fixture(scope="module")
def con():
    c = duckdb.connect(":memory:")
    init_schema(c)
    return c


@pytest.mark.parametrize(("total", "parts", "half"), [
    (434.72, 434.71, 0.005), (434.72, 434.72, 0.005), (434.72, 434.715, 0.005), (1020.02, 1020.03, 0.005),
    (117154424.7, 117154424.68, 0.005), (117154424.7, 117154424.68, 0.05), (10.0, 10.4, 0.5), (0.0, 0.0, 0.0),
])
def test_sum_macro_and_python_twin_agree(con, total, parts, half):
    sql = con.execute("SELECT printed_sum_agrees(?, ?, ?)", [total, parts, half]).fetchone()[0]
    assert sql == printed_sum_agrees(total, parts, half)


@pytest.mark.parametrize(("printed", "computed", "half", "agrees"), [
    (97.80, 31.69 / 32.4 * 100, 0.005, False),   # real-dev 147: 97.809 % printed 97.80 %
    (44.5, 969 / 2180 * 100, 0.05, True),        # 44.4495 %: rounds to 44.45, then 44.5
    (99.32, 24.84 / 25 * 100, 0.005, False),     # seed 003: 99.36 % printed 99.32 %
    (86.0, 692.98 / 808.1 * 100, 0.5, True),
    (100.0, 100.0, 0.5, True),
])
def test_ratio_macro_and_python_twin_agree(con, printed, computed, half, agrees):
    sql = con.execute("SELECT printed_ratio_agrees(?, ?, ?)", [printed, computed, half]).fetchone()[0]
    assert sql == printed_ratio_agrees(printed, computed, half) == agrees


def _failed(text: str, check: str) -> list[tuple[float, float, str]]:
    df = run_text(text)
    d = df[(df["check_name"] == check) & (df["status"] == "failed")]
    return [(round(e, 2), round(o, 2), det) for e, o, det in zip(d["expected"], d["observed"], d["detail"], strict=True)]


def _passed(text: str, check: str) -> list[tuple[float, float]]:
    df = run_text(text)
    d = df[(df["check_name"] == check) & (df["status"] == "passed")]
    return [(round(e, 2), round(o, 2)) for e, o in zip(d["expected"], d["observed"], strict=True)]


# real-dev 117.txt (乌鲁木齐市政务服务中心 2023 部门决算说明, in simplified script here)
SPEND_117 = ("乌鲁木齐市政务服务中心2023年度部门决算公开说明\n第二部分 部门决算情况说明\n"
             "一、收入支出决算总体情况说明\n"
             "2023年度支出总计{total}万元,其中:本年支出合计434.16万元,结余分配0.00万元,年末结转和结余0.55万元。\n")


def test_a_whole_partition_one_cent_short_is_a_finding_said_to_be_within_rounding():
    got = _failed(SPEND_117.format(total="434.72"), "printed_balance")
    assert [(e, o) for e, o, _ in got] == [(4347200.0, 4347100.0)]
    assert ROUNDING_NOTE in got[0][2]


def test_the_identity_itself_holds_within_rounding():
    """The contract's identity (rounding intervals) holds; only printed_balance fails."""
    assert _failed(SPEND_117.format(total="434.72"), "stated_parts_sum") == []
    assert _failed(FORM_003.format(rate="99.32%"), "execution_rate") == []


def test_the_same_partition_balanced_passes():
    assert _failed(SPEND_117.format(total="434.71"), "printed_balance") == []
    assert (4347100.0, 4347100.0) in _passed(SPEND_117.format(total="434.71"), "stated_parts_sum")


# real-dev 129.txt (凉山州 2022 州本级“三公”经费): a part printed "0万元" is exact, not ± 0.5 万元
SANGONG_129 = ("2022年凉山州州本级部门使用财政拨款安排“三公”经费支出总额为{total}万元,比年初预算增加1317.14万元。"
               "其中:因公出国(境)经费0万元,和年初预算持平;公务用车购置及运行维护费7,634.75万元,比年初预算增加1833.7万元;"
               "公务接待费602.47万元,比年初预算减少516.57万元。\n")


def test_a_zero_part_does_not_widen_the_tolerance():
    got = _failed(SANGONG_129.format(total="8,237.23"), "printed_balance")
    assert [(e, o) for e, o, _ in got] == [(82372300.0, 82372200.0)]
    assert _failed(SANGONG_129.format(total="8,237.22"), "printed_balance") == []


# seed 003's project table (text export, one cell per line): 24.84 of 25 is 99.36 %, printed 99.32 %
FORM_003 = ("项目支出绩效自评表\n（2022年度）\n项目名称\n党员教育培训经费\n主管部门\n中共广元市昭化区委组织部\n"
            "实施单位\n中共广元市昭化区委组织部\n项目资金（万元）\n年初预算数\n全年预算数\n全年执行数\n执行率\n"
            "年度资金总额\n25\n25\n24.84\n{rate}\n")


def test_a_rate_the_printed_figures_do_not_give_is_a_finding():
    got = _failed(FORM_003.format(rate="99.32%"), "printed_balance")
    assert got and all((e, o) == (99.32, 99.36) for e, o, _ in got)
    assert _failed(FORM_003.format(rate="99.36%"), "printed_balance") == []


# real-dev 109.txt (a 2022 部门预算说明, page break in the middle): 84.06 % + 19.62 % of the same
# whole, named but not stated; 469500 / (2476260.58 + 469500) is 15.94 %
SHARES_109 = ("二、支出预算情况\n(二)按支出结构分类划分,分为基本支出预算和项目支出预算。\n"
              "1. 基本支出预算 2476260.58 元,占一般公共预算支出的84.06%,同比减少 4966.66 元,下降 0.2%。\n"
              "2. 项目支出 469500 元,占一般公共预算支出的 {share}%,同比增加 70100 元 ,增长 17.55%。\n")


def test_shares_of_one_whole_adding_up_to_more_than_100_is_a_finding():
    got = _failed(SHARES_109.format(share="19.62"), "share_sum")
    assert [(e, o) for e, o, _ in got] == [(100.0, 103.68)]
    assert _failed(SHARES_109.format(share="15.94"), "share_sum") == []


# real-more 211 (a 部门预算说明): an expense-class share and functional-class shares of the same
# 支出总预算 are two lists, not one (4.43 % + 78.33 % + … is not a sum)
SHARES_TWO_LISTS = ("一、支出预算情况\n基本支出预算 1037100 元,占支出总预算的 95.57%;项目支出预算 48100 元,占支出总预算的 4.43%。\n"
                    "(一)一般公共服务支出类科目 850088.3 元,占支出总预算 78.33%。\n"
                    "(二)社会保障和就业支出类科目 116433.12 元,占支出总预算 10.73%。\n"
                    "(三)卫生健康支出类科目 43897.73 元,占支出总预算 4.04%。\n"
                    "(四)住房保障支出类科目 74784.48 元,占支出总预算 6.90%。\n")


def test_shares_of_two_dimensions_are_not_added_together():
    assert _failed(SHARES_TWO_LISTS, "share_sum") == []
    assert sorted(_passed(SHARES_TWO_LISTS, "share_sum")) == [(100.0, 100.0), (100.0, 100.0)]


# held-out F 728 (a county's 2017 budget execution report, traditional re-post): 上级补助收入 is
# 返还性收入 (税收返还 + 非税返还) + 一般性转移支付收入 + 专项转移支付收入, a complete partition;
# 3124 + 4910 + 12000 + 6117 = 26151万元, not 2.67亿元
GRANTS_728 = ("2017年全县一般公共预算收支执行情况。上级补助收入{whole}亿元,同比增长15%。其中:税收返还3124万元,"
              "非税返还4910万元,一般性转移支付收入1.2亿元,专项转移支付收入6117万元。\n")


def test_grants_from_above_are_a_whole_partition_of_their_four_kinds():
    df = run_text(GRANTS_728.format(whole="2.67"))
    failed = df[(df["status"] == "failed") & df["check_name"].isin(["stated_parts_sum", "printed_balance"])]
    assert [(round(e), round(o)) for e, o in zip(failed["expected"], failed["observed"], strict=True)] == [(267000000, 261510000)]
    df = run_text(GRANTS_728.format(whole="2.6151"))
    assert df[(df["status"] == "failed")].empty


def test_two_of_the_kinds_are_a_partial_list():
    # held-out A 237: 上级补助 405490 = 一般性 336747 + 专项 66468 + 返还性 (not listed): not a finding
    text = "上级补助405490万元,其中:一般性转移支付收入336747万元、专项转移支付收入66468万元。\n"
    assert run_text(text).query("status == 'failed'").empty


def test_the_short_form_of_vehicle_costs_is_the_same_item():
    # held-out F 709 (衢江区 2016 “三公”经费决算): 公车购置及运行费 995 = 38 + 958 = 996 as printed
    text = ("衢江区2016年一般公共预算安排“三公”经费决算数2364万元。公车购置及运行费995万元(其中公务用车购置费38万元,"
            "公务用车运行费958万元),比上年决算数下降26.24%。\n")
    got = _failed(text, "printed_balance")
    assert [(e, o) for e, o, _ in got] == [(9950000.0, 9960000.0)]


@pytest.mark.parametrize(("whole", "same", "other", "want"), [
    (50.0, 5000.0, None, 50.0),       # 460.06 with 380.17 and 80 (80.00): the finest, 0.005万
    (50.0, 50.0, None, 50.0),
    (500000.0, 5000000.0, 5000.0, 500000.0),  # 2.67亿 with 1.2亿 and parts in 万元
    (50.0, None, 5000000.0, 5000000.0),       # a part printed in 亿元 among 万元: its rounding counts
    (5000.0, None, None, 5000.0),
])
def test_list_half_macro_and_python_twin_agree(con, whole, same, other, want):
    sql = con.execute("SELECT list_half(?, ?, ?)", [whole, same, other]).fetchone()[0]
    assert sql == list_half(whole, same, other) == want


# held-out F 714 (a 2020 部门决算说明): 80万元 beside 380.17 and 460.06 is 80.00 — 380.17 + 80 = 460.17
SPEND_714 = "2020年本年支出合计{total}万元,其中:基本支出380.17万元,占83%;项目支出80万元,占17%。\n"


def test_a_part_printed_without_decimals_lost_its_trailing_zeros():
    got = _failed(SPEND_714.format(total="460.06"), "printed_balance")
    assert [(e, o) for e, o, _ in got] == [(4600600.0, 4601700.0)]
    assert _failed(SPEND_714.format(total="460.17"), "printed_balance") == []


# After a held-out county report (G 824, text not committed): a fund's revenue in 亿元 to two
# places and its rate to one. 13.27 / 16.05 is 82.68 %, printed 82.6 %: within the figures'
# rounding (13.265 / 16.055 = 82.62 %), and figures rounded to 百万元 sum accounts kept in 万元 —
# the rate was computed from those, so it is not judged as printed.
FUND_YI = "{year}年,全县政府性基金收入预算{budget},实际完成{done},为年预算的{rate}%,同比增长9.5%。\n"


def test_a_rate_beside_figures_in_yi_yuan_is_not_judged_as_printed():
    text = FUND_YI.format(year=2021, budget="16.05亿元", done="13.27亿元", rate="82.6")
    assert _failed(text, "printed_balance") == []
    assert _failed(text, "execution_rate") == []
    assert (82.6, 82.68) in _passed(text, "execution_rate")


def test_a_rate_beyond_the_rounding_of_yi_yuan_figures_is_a_finding():
    got = _failed(FUND_YI.format(year=2021, budget="16.05亿元", done="13.27亿元", rate="81.6"), "execution_rate")
    assert [(e, o) for e, o, _ in got] == [(81.6, 82.68)]


def test_the_same_rate_beside_figures_in_wan_yuan_is_a_finding():
    """Printed to the 万元, the figures fix the rate to 82.68 %: 82.6 % is beyond rounding."""
    got = _failed(FUND_YI.format(year=2021, budget="160500万元", done="132700万元", rate="82.6"), "execution_rate")
    assert [(e, o) for e, o, _ in got] == [(82.6, 82.68)]


def test_the_same_digits_in_wan_yuan_are_judged_as_printed():
    """13.27 / 16.05 万元 are accounts to the 百元: the rate should come out of them, and 82.6 %
    is a tail left unbalanced (within rounding, as the 亿元 sentence is)."""
    got = _failed(FUND_YI.format(year=2021, budget="16.05万元", done="13.27万元", rate="82.6"), "printed_balance")
    assert [(e, o) for e, o, _ in got] == [(82.6, 82.68)]


@pytest.mark.parametrize(("budget", "done", "rate", "computed"), [
    ("119万元", "37万元", "31.00", 31.09),     # after A 232: whole 万元, a rate to two places
    ("31万元", "29.7万元", "95.7", 95.81),     # after E 603: 万元 to one place
])
def test_a_rate_beside_figures_coarser_than_hundreds_of_yuan_is_not_judged_as_printed(budget, done, rate, computed):
    text = FUND_YI.format(year=2021, budget=budget, done=done, rate=rate)
    assert _failed(text, "printed_balance") == []
    assert (float(rate), computed) in _passed(text, "execution_rate")


def test_a_planted_rate_beyond_rounding_of_whole_wan_yuan_figures_is_a_finding():
    got = _failed(FUND_YI.format(year=2021, budget="119万元", done="37万元", rate="29.00"), "execution_rate")
    assert [(e, o) for e, o, _ in got] == [(29.0, 31.09)]


# held-out N 1502 (a Wuzhou 2023 部门预算说明): the printed 政府采购预算 17000元 is split twice, by
# procurement mode (集中 100 % / 分散 0 %) and by kind (货物 58.8 % / 工程 0 % / 服务 41.2 %); each
# share is checked against the printed whole (share_of_total), the two lists are never one sum
PROCUREMENT_TWO_SPLITS = "\n".join([
    '(二)政府采购预算安排情况说明。',
    '2023 年政府采购预算 17000 元,同比增加 17000 元,上',
    '年无该预算,增长率无可比性。其中:政府集中采购预算',
    '17000 元,占政府采购预算的 100%,同比增加 17000 元,上',
    '年无该预算,增长率无可比性;主要原因:一是科普工作、',
    '活动增加,办公用品、印刷资料相应增加;二是科普大篷车',
    '维修维护费增加。分散采购 0 元,占政府采购预算的 0%。',
    '按政府采购资金类型划分,一般公共预算拨款 17000 元,',
    '财政专户管理的资金安排 0 元,上年结转结余资金安 0 元。',
    '按政府采购项目类型,分为货物类采购、工程类采购和',
    '服务类采购三种类型。其中:货物类采购 10000 元,占政府',
    '采购预算 58.8%;工程类采购 0 元,占政府采购预算 0%;服',
    '务类采购 7000 元,占政府采购预算 41.2%。',
    ""])


def test_two_splits_of_a_printed_whole_are_not_added_together():
    assert _failed(PROCUREMENT_TWO_SPLITS, "share_sum") == []
