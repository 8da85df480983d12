"""Reports from other provinces state their figures in other words and often have no table:
the title, unit, year and figures must still be found (synthetic texts in real shapes)."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text


def _ex(text: str):
    return extract(read_text(text.encode()), "narr")


def _facts(ex):
    b = {(f["line_item"], f["stage"]): f["amount_yuan"] for f in ex.fact_budgets if f["project_id"] is None}
    e = next((f for f in ex.fact_executions if f["project_id"] is None and f["line_item"] == "total"), None)
    return b, e


PORTAL_PAGE = """预算绩效管理
- 索引号: 000000/2025-00002
- 发布机构: 示例州数据中心
- 发布日期: 2025-04-29
• 浏览量• 主题词示例州数据中心2024年度项目支出绩效单位自评报告
一、基本情况
项目财政资金总额16.20万元,全部为州级资金,拨付使用16.20万元,预算执行率100%。
二、自评结论
经评价,该项目综合评分为97分,自评结果为“优秀”。
"""


def test_portal_page_with_a_title_of_its_own_wording():
    ex = _ex(PORTAL_PAGE)
    (r,) = ex.reports
    assert r["title"] == "示例州数据中心2024年度项目支出绩效单位自评报告"
    assert (r["report_kind"], r["unit_name"], r["fiscal_year"]) == ("project", "示例州数据中心", 2024)
    assert (r["score_total"], r["grade_text"]) == (Decimal("97"), "优秀")
    b, e = _facts(ex)
    assert b == {("total", "adjusted"): Decimal("162000.00")}
    assert (e["executed_yuan"], e["reported_rate_pct"]) == (Decimal("162000.00"), Decimal("100"))


NO_TITLE = """为做好2022年衔接推进乡村振兴资金项目绩效管理工作,根据有关文件,现将2022年示例县交通运输局财政衔接推进乡村振兴资金项目绩效自评总结报告如下:
一、绩效目标分解下达情况
项目资金共2179万元,截止2022年12月8日,已完成拨付2113.63万元,执行率97%。
三、自评结论
项目自评得分为92.5分,等级为优。
"""


def test_report_named_only_in_its_opening_sentence():
    ex = _ex(NO_TITLE)
    (r,) = ex.reports
    assert r["report_kind"] == "special_fund"
    assert (r["unit_name"], r["fiscal_year"]) == ("示例县交通运输局", 2022)
    assert (r["score_total"], r["grade_text"]) == (Decimal("92.5"), "优")
    b, e = _facts(ex)
    assert b[("total", "adjusted")] == Decimal("21790000.00")
    assert (e["executed_yuan"], e["reported_rate_pct"]) == (Decimal("21136300.00"), Decimal("97"))


UNTITLED = """根据县财政局要求,我办对2021年专项工作经费开展了绩效自评。
资金已使用3.5万,支付率95%。
绩效自评分为98.14分。
"""


def test_untitled_text_with_figures_is_still_a_report():
    ex = _ex(UNTITLED)
    (r,) = ex.reports
    assert (r["fiscal_year"], r["score_total"]) == (2021, Decimal("98.14"))
    _, e = _facts(ex)
    assert (e["executed_yuan"], e["reported_unit"], e["reported_rate_pct"]) == (Decimal("35000.00"), "万", Decimal("95"))


DEPARTMENT = """2023年度示例县民政局部门整体支出绩效自评报告
一、部门预算情况
2023年年初预算100万元,调整后预算120万元,全年执行数110万元,预算执行率91.67%。
二、项目情况
1.养老服务项目:资金总额20万元,已支付18万元,项目自评得分90分。
共对3个项目开展自评,自评为优的项目有2个。
三、自评结论
总分100分,部门整体自评得分95分,评价等次为良。
"""


def test_department_report_keeps_project_figures_out_of_its_own():
    ex = _ex(DEPARTMENT)
    (r,) = ex.reports
    assert (r["score_total"], r["grade_text"]) == (Decimal("95"), "良")
    b, e = _facts(ex)
    assert b == {("total", "initial"): Decimal("1000000.00"), ("total", "adjusted"): Decimal("1200000.00")}
    assert e["executed_yuan"] == Decimal("1100000.00")
    # The project's figures are kept as mentions about something else.
    other = {m["subject"].removeprefix("part:") for m in ex.fact_mentions if m["scope"] == "other"}
    assert {"budget:adjusted:total", "executed:total", "score:project"} <= other


PROJECT_OF_A_CLASS = """2023年度项目支出绩效自评报告（特殊教育公用经费补助资金）
一、项目资金情况
特殊教育公用经费补助资金年初预算6.46万元,实际支出项目资金6.46万元,资金执行率100%。
"""


def test_a_projects_own_class_words_do_not_make_its_figures_parts():
    ex = _ex(PROJECT_OF_A_CLASS)
    b, e = _facts(ex)
    assert b == {("total", "initial"): Decimal("64600.00")}
    assert (e["executed_yuan"], e["reported_rate_pct"]) == (Decimal("64600.00"), Decimal("100"))


def test_final_accounts_performance_paragraph_counts():
    # The 预算绩效管理情况 paragraph of a 部门决算 (Shanghai's wording).
    text = ("某某区规划局2024年度部门决算\n十、预算绩效管理情况\n绩效自评的2024年度项目39个，涉及预算金额4415.48万元，"
            "平均得分99.33分（其中，绩效评级为“优”的项目39个；绩效评级为“良”的项目0个）。\n")
    m = {x["subject"]: x["value"] for x in _ex(text).fact_mentions}
    assert (m["projects:count"], m["projects:avg_score"], m["projects:grade:优"], m["projects:grade:良"]) == (
        39.0, 99.33, 39.0, 0.0)


def test_unit_named_by_the_text_itself():
    # No unit in the title: the text names it before calling itself 我局, or signs at the end.
    self_ref = ("2019年度畜禽粪污资源化利用项目绩效自评报告\n根据《某某市财政局关于开展绩效评价的通知》要求,"
                "某某市农业农村局及时整理出由我局管理的项目,自评得分95分。\n")
    assert _ex(self_ref).reports[0]["unit_name"] == "某某市农业农村局"
    given = "项目绩效自评报告\n2020年7月20日市财政局下达我局项目经费200.00万元,项目自评得分90分。\n"
    assert _ex(given).reports[0]["unit_name"] is None  # the giver is not the reporting unit
    signed = "项目绩效自评报告\n项目自评得分92分。\n某某县第一中学\n2024年3月15日\n"
    assert _ex(signed).reports[0]["unit_name"] == "某某县第一中学"


def test_label_amount_pairs_on_one_line():
    # Hebei's 2020 template printed as text: the row is label–amount pairs, the unit stated above.
    text = ("某某县民政局2020年度预算项目绩效自评表\n一、基本情况 项目名称: 高龄津贴 金额单位: 万元\n"
            "二、预算执行情况 预算安排情况(调整后) 资金到位情况 资金执行情况 预算执行进度(%)\n"
            "预算数 6.84 到位数 6.84 执行数 6.50 95.03\n")
    b, e = _facts(_ex(text))
    assert b == {("total", "adjusted"): Decimal("68400.00")}
    assert (e["executed_yuan"], e["label_text"], e["reported_unit"]) == (Decimal("65000.00"), "执行数", "万元")
    # Without a stated unit nothing is guessed.
    b2, e2 = _facts(_ex(text.replace(" 金额单位: 万元", "")))
    assert not b2 and e2 is None


FULL_WIDTH_THEN_PROJECTS = """某某县自然资源局2022年度部门整体支出绩效自评报告
一、部门预算情况
2022年我局年初预算１３０６．９９万元，全年执行数１２７５．１０万元，预算执行率９７．５６％。
二、项目情况
国土空间规划编制项目年初预算351.61万元，全年执行数364.49万元，预算执行率98.09%，自评得分94.91分。
三、自评结论
我局整体支出自评得分８０．６３分，评价等级为“良”。
"""


def test_full_width_figures_and_project_sentences():
    ex = _ex(FULL_WIDTH_THEN_PROJECTS)
    r = ex.reports[0]
    assert (r["score_total"], r["grade_text"]) == (Decimal("80.63"), "良")
    b, e = _facts(ex)
    assert b == {("total", "initial"): Decimal("13069900.00")}
    assert (e["executed_yuan"], e["reported_rate_pct"], e["reported_text"]) == (
        Decimal("12751000.00"), Decimal("97.56"), "1275.10")
    # its digits read as ASCII (the year and table patterns are written so), one character for
    # one: the reference still points at the printed figure
    start, end = (int(x) for x in e["source_ref"].split("chars=")[1].split(";")[0].split("-"))
    printed = FULL_WIDTH_THEN_PROJECTS.splitlines()[2]
    assert printed[start:end] == "１２７５．１０"
