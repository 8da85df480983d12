"""Report kinds first met in held-out set J (real titles): a final-accounts table published on its
own (2017年医疗卫生计生机构收支决算总表, a title line ending in a bar) and a 财政支出项目绩效考评报告
(考评 for 评价) in a document-site preview. Both came out not_a_report, losing year and unit."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.readers.text import read_text

J1110 = ("汨罗市中医院医改信息公开\n来源:卫计局\n日期:2018-01-16 08:23\n"
         "2017年医疗卫生计生机构收支决算总表(按功能分类) |\n|\n|\n国卫财01-1表 |\n|\n编制单位:汨罗市中医院[单户表] |\n|\n"
         "金额单位:元 |\n|\n项目 |\n上年结转和结余 |\n本年收入 |\n本年支出 |\n")
J1126 = ("安庆市财政支出项目绩效考评报告.DOC\n"
         "安庆市财政支出项目绩效考评报告 项目名称 2016年度数字化城管系统维护项目 项目单位 安庆市城市管理行政执法局 "
         "主管部门 安庆市城市管理行政执法局 考评类型:项目实施过程考评□ 项目完成结果考评□ 考评方式:部门自评□\n")


def _report(text: str) -> dict:
    ex = extract(read_text(text.encode("utf-8")), "d")
    assert ex.reports, "not taken for a report"
    return ex.reports[0]


def test_a_final_accounts_table_published_on_its_own() -> None:
    r = _report(J1110)
    assert (r["report_kind"], r["fiscal_year"], r["unit_name"]) == ("final_accounts", 2017, "汨罗市中医院")


def test_a_performance_appraisal_report() -> None:
    r = _report(J1126)
    assert (r["report_kind"], r["fiscal_year"], r["unit_name"]) == ("project", 2016, "安庆市城市管理行政执法局")
