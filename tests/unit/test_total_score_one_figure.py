"""A 总分 row printing one figure ('总分 | 71.7 | |||||', its label spanning the columns before
得分) under an indicator table whose header prints 得分 and no 分值: the figure is the total
score. With a 分值 column printed, one figure stays unplaced as before (it may be the weight).
Real snippet: 施甸县农业农村局 2019 新型农业经营主体扶持项目 self-evaluation (held-out E 602,
figures read by hand: indicator scores 8.0 + 7.3 + 31.9 + 10.5 + 11.1 and funds 2.9 = 71.7)."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text

FORM = """项目支出绩效自评表 |
||||||
单位名称:施甸县农业农村局 | 填报日期:2022年7月5日 | |||||
项目名称 | 2019年新型农业经营主体扶持项目 | |||||
主管部门 | 施甸县人民政府 | 项目实施单位 | 施甸县农业农村局 | |||
预算执行情况(万元)(20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 (20分*执行率) |
||
年度财政资金总额 | 650 | 94 | 0.1 | 2.9 | ||
年度绩效目标1 (80分) |
一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 |
产出指标 | 数量指标 | 扶持发展新型农业经营主体 (个) |
15 | 6 | 8.0 | |
数量指标 | 带动贫困户(人) | 11442 | 4164 | 7.3 | ||
效益指标 | 经济效益指标 | 新型经营主体实现产值(%) | 8000 | 12767.36 | 31.9 | |
经济效益指标 | 新型经营主体助农增收 (元) |
1980 | 2074 | 10.5 | ||
满意度指标 | 服务对象满意度指标 | 满意度(%) | 90 | 100 | 11.1 | |
总分 | 71.7 | |||||
"""


def _scores(text: str) -> dict[str, Decimal]:
    ex = extract(read_text(text.encode("utf-8")), "t")
    return {f["component"]: f["score"] for f in ex.fact_scores}


def test_one_figure_under_a_score_only_header_is_the_total_score() -> None:
    got = _scores(FORM)
    assert got["total"] == Decimal("71.7") and got["budget_execution"] == Decimal("2.9")


def test_with_a_weight_column_one_figure_is_not_taken_for_the_score() -> None:
    text = FORM.replace("实际完成值(B) | 得分 |", "实际完成值(B) | 分值 | 得分 |")
    assert "total" not in _scores(text)
