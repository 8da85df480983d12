"""Page metadata printed one field per line: a label alone ('- 公开目录') and its value on the next
line ('- 绩效自评报告'). The value named a report kind, so it was taken for a second report's
title — 'X局- 公开目录- 绩效自评报告', unit the publisher (held-out H 901, 隆阳区; held-out E 627,
昌宁县第一示范小学, re-rendered one cell per line, lost its report and score). A value line is no
title unless it names a year or a unit of its own."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.readers.text import read_text

H901 = """隆阳区2021年中央化肥减量增效示范县项目补助资金绩效自评
- 索引号
- 01525707-9/20230529-00013
- 发文机构
- 隆阳区农业农村局
- 公开目录
- 绩效自评报告
- 文 号
- 浏览量
- 日期
- 2023-05-29
2022年度项目支出绩效自评表
单位名称:隆阳区土壤肥料工作站
项目资金 (万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
年度资金总额 | 278.4449 | 278.4449 | 30.00 | 20 | 10.77% | 2.16 |
"""

E627 = """索引号
01526405-X/20240326-00056
发布机构
昌宁县教育体育局
公开目录
绩效自评报告
发布日期
2024-03-26
文号
浏览量
昌宁县第一示范小学2023年度项目支出绩效自评报告
(教育专项工作经费)
一、自评结论
(一)自评得分
通过项目绩效自评小组的全方位评价,我校教育专项工作经费项目自评得分100分,自评结果为“优秀”。
"""


def _reports(text: str) -> list[tuple]:
    ex = extract(read_text(text.encode("utf-8")), "t")
    return [(r["unit_name"], r["fiscal_year"], r.get("score_total")) for r in ex.reports]


def test_a_metadata_value_is_no_report_title() -> None:
    got = _reports(H901)
    assert len(got) == 1 and got[0][0] == "隆阳区土壤肥料工作站"


def test_the_real_title_after_the_metadata_keeps_its_report() -> None:
    assert _reports(E627) == [("昌宁县第一示范小学", 2023, 100)]
