"""Running-text wordings first met in held-out set J (short real quotes): a completion rate
naming the budget it is measured against without printing it (为预期的, 占任务数的), a year-end
carry-over listed among the parts of 支出合计, and a funds-execution score stated after the
execution rate in one sentence."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text
from tests.checks_harness import check_text, failures

# J 1103 (杭州市钱塘区 2021 决算草案的报告, 亿元)
J1103 = ("关于杭州市钱塘区2021年决算草案的报告\n(一)一般公共预算收支决算情况\n"
         "2021年一般公共预算收入117.31亿元,为预期的106.3%,比上年实际(下同)增长17.0%。\n"
         "一般公共预算支出136.25亿元,为预算的96.4%,增长35.6%,支出增长主要是民生及产业发展投入增加(详见附表二、三),"
         "加上新增一般债券支出20亿元、上解上级支出50.59亿元、一般债务还本支出22.6亿元、援助其他地区支出0.46亿元、"
         "年终结转0.37亿元,支出合计230.27亿元。\n")
# J 1109 (2022 校园维修改造与设备购置项目自评结果)
J1109 = ("2022年度校园维修改造与设备购置项目自评结果\n一、自评结论\n(一)自评得分99分\n(二)绩效目标完成情况\n1.执行率情况。\n"
         "年初预算300万元,实际预算300万元,全年执行300万元,执行率100%,自评分20分。\n")


def test_a_rate_naming_an_unprinted_budget_makes_its_level_what_was_collected() -> None:
    ex = extract(read_text(J1103.encode("utf-8")), "d")
    got = {(f["line_item"], f["executed_yuan"], f["reported_rate_pct"]) for f in ex.fact_executions}
    assert ("general_public_budget", Decimal("11731000000.00"), Decimal("106.3")) in got
    assert not [f for f in ex.fact_budgets if f["amount_yuan"] == Decimal("11731000000.00")]


def test_the_year_end_carry_over_is_a_part_of_the_total() -> None:
    ex = extract(read_text(J1103.encode("utf-8")), "d")
    assert any(f["line_item"] == "carryover_end" and f["executed_yuan"] == Decimal("37000000.00")
               for f in ex.fact_executions)
    df, _ = check_text(J1103)
    assert failures(df).empty


def test_a_score_after_the_execution_rate_is_the_funds_execution_score() -> None:
    ex = extract(read_text(J1109.encode("utf-8")), "d")
    assert {(f["component"], f["score"]) for f in ex.fact_scores} >= {
        ("total", Decimal("99")), ("budget_execution", Decimal("20"))}
    assert ex.reports[0]["score_total"] == Decimal("99")


# J 1116 (a traditional-script 三公 note, converted): 少 after the earlier year's figure is a change
J1116 = "2019年度“三公”经费决算说明\n1、决算车辆运行维护费用2.94万元,比去年3.01万元少0.07万元,基本持平;\n"
# J 1120 (a city's half-year budget execution, 亿元): a list announced by a half-year paragraph
J1120 = ("一、全市一般公共预算收支情况\n(一)一般公共预算收入情况\n上半年,全市一般公共预算收入1144.4亿元,同比增长6.3%。"
         "其中:地方税收收入865.4亿元,同比增长2.8%;非税收入279亿元,同比增长18.8%。\n"
         "(二)一般公共预算支出情况\n上半年,全市一般公共预算支出1532.7亿元,同比增长16.2%。主要支出科目情况如下:\n"
         "社会保障和就业支出314.5亿元,同比增长22.3%;\n卫生健康支出86.8亿元,同比增长6.1%;\n"
         "交通运输支出41.3亿元,同比增长17.4%。\n")


def test_less_than_last_year_is_a_change_not_a_level() -> None:
    ex = extract(read_text(J1116.encode("utf-8")), "d")
    assert not [f for f in ex.fact_executions if f["executed_yuan"] == Decimal("700.00")]
    assert any(f["direction"] == -1 and f["change_yuan"] == Decimal("700.00") for f in ex.fact_changes)


def test_the_items_of_a_half_year_list_are_what_was_spent() -> None:
    ex = extract(read_text(J1120.encode("utf-8")), "d")
    spent = {f["executed_yuan"] for f in ex.fact_executions}
    assert {Decimal("31450000000.00"), Decimal("8680000000.00"), Decimal("4130000000.00")} <= spent
    assert not ex.fact_budgets
