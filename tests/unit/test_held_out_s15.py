"""Rules from session 15's work on the held-out sets (pages read by hand, sources in
docs/real_corpus_sources.md). Each test failed before its rule."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.readers.text import read_text
from tests.checks_harness import check_text, failures


def _units(text: str) -> list[str | None]:
    return [r["unit_name"] for r in extract(read_text(text.encode("utf-8")), "d").reports]


# Q 1802 (海林市 2024, read by hand): the finance bureau publishes the area's transfer-payment
# self-evaluation; the text says the area evaluated (海林市对…进行综合性考核与评价).
AREA_PUBLISHED_BY_FINANCE = (
    "海林市2024年度财政衔接推进乡村振兴补助资金绩效评价工作自评报告\n"
    "日期:2025-03-03 来源:海林市财政局\n"
    "海林市2024年度财政衔接推进乡村振兴补助资金绩效评价工作自评报告\n"
    "农业农村厅、省财政厅、省民宗委:\n"
    "依据预算资金绩效管理有关要求,海林市对衔接推进乡村振兴补助资金使用管理过程及其效果进行综合性考核与评价。\n"
    "2024年度安排财政衔接资金2110万元,其中中央资金1413万元、省级资金621万元、县级资金76万元。\n")

# O 1623 (宁国市财政局 2023, read by hand): the same page shape, but the finance bureau says it
# evaluated (我市财政局对…进行了绩效自评): it is the unit.
FINANCE_EVALUATES_ITSELF = (
    "发布机构: 宁国市财政局\n"
    "宁国市中央对地方转移支付2023年度绩效自评报告(农业保险保费)\n"
    "发布时间:2024-04-07 11:45 来源:宁国市财政局 浏览次数:\n"
    "根据有关通知,我市财政局对政策性农业保险保费补贴转移支付进行了绩效自评,现将具体情况报告如下:\n"
    "2023年度,我市安排政策性农业保险保费补贴预算271万元。\n")


def test_the_finance_body_publishing_an_areas_report_is_not_its_unit() -> None:
    assert _units(AREA_PUBLISHED_BY_FINANCE) == ["海林市"]


def test_the_finance_body_saying_it_evaluated_is_the_unit() -> None:
    assert _units(FINANCE_EVALUATES_ITSELF) == ["宁国市财政局"]


def _years(text: str) -> list[int | None]:
    return [r["fiscal_year"] for r in extract(read_text(text.encode("utf-8")), "d").reports]


def test_a_year_broken_by_a_space_before_its_year_word() -> None:
    # Q 1819 (岳阳县荣湾湖建设开发服务中心 2016, read by hand): the page's font split the year and lost
    # 年 (printed as a dash, restored by layout.toml [dash_year]).
    text = ("附件6\n岳阳县20 16 -度部门(单位)整体支出\n绩效评价自评报告\n"
            "部门(单位)名称 岳阳县荣湾湖建设开发服务中心\n报告期:2017 -7 - 25\n一、部门(单位)基本概况\n")
    assert _years(text) == [2016]
    # a space inside other figures is no year: 20 16年 without 度 stays unread
    assert _years("岳阳县部门整体支出绩效评价自评报告\n共建成20 16年来最多的设施。\n") != [2016]


# R 1922 (a city finance bureau's 2022 evaluation results, read by hand; the city's name replaced
# by spam on the mirror): the year of a listed project's name is not the report's, and a line
# counted (项目支出评价4个) is not the subject of the funds that follow.
RESULTS_NOTICE = (
    "根据年度工作计划,我局组织开展了2022年重点项目绩效评价工作,现将评价情况通报如下:\n"
    "2022年共对9个重点项目进行了评价,其中项目支出评价4个、政策评价3个、部门整体评价2个,涉及部门单位7个,资金17815.56万元。\n"
    "序号 | 主管部门(单位) | 项目名称 | 资金量 (万元) | 评价等级 |\n"
    "1 | 市体育局 | 世界围棋圣地专项 | 1424.74 | 良 |\n"
    "2 | 市信安湖管理中心 | 信安湖堤防、码头、安全等设施维护项目(2021年度) | 318 | 良 |\n")


def test_a_listed_projects_bracketed_year_is_not_the_reports() -> None:
    assert _years(RESULTS_NOTICE) == [2022]


def test_a_counted_line_is_no_subject_of_money() -> None:
    ex = extract(read_text(RESULTS_NOTICE.encode("utf-8")), "d")
    funds = [f for f in ex.fact_executions if f["executed_yuan"] == 178155600]
    assert [f["line_item"] for f in funds] == ["stated"]


def _statements(text: str):
    from pipeline.extract.statements import read_statements
    return {s.printed: s for s in read_statements(text, None)[0]}


def test_progress_on_a_whole_is_not_another_of_its_parts() -> None:
    # S 2027 (元阳县大坪乡 2021, read by hand): paid so far, of the 107.13; no parts-sum alarm
    text = "统筹整合使用财政涉农资金107.13万元,其中项目管理费1.07万元,目前项目资金已拨付106.36万元。"
    got = _statements(text)
    assert got["1.07"].part_of is got["107.13"]
    assert got["106.36"].part_of is None
    df, _ = check_text("大坪乡2021年项目支出绩效自评报告\n" + text + "\n")
    assert failures(df).empty


# S 2023 (民乐县人社局 2024, read by hand): the rate after the paid parts is the paid total's,
# 355.16 / 546.23 = 65.02 %; the parts' own budgets (县级66.96 … 2024年配套50) are no base of it.
LEVELS = ("2024年,该项目中央、省级、县级预算共安排546.23万元,其中:中央248.73万元(2023年结转95.43万元,2024年下达153.3万元),"
          "省级230.54万元(2023年结转9.54万元,2024年下达221万元),县级66.96万元(2023年结转16.96万元,2024年配套50万元);"
          "2024年应支付贴息资金444.86万元,实际支付355.16万元,其中:中央248.74万元、省级74.71万元、县级31.71万元,执行率65%。")


def test_a_rate_after_a_list_of_parts_is_the_wholes() -> None:
    got = _statements(LEVELS)
    assert got["355.16"].rate is not None and got["31.71"].rate is None
    assert got["546.23"].line_item == "total"  # 中央、省级、县级…共安排: not 县级's
    df, _ = check_text("民乐县人社局2024年创业担保贷款贴息资金绩效自评报告\n" + LEVELS + "\n")
    assert failures(df).empty
