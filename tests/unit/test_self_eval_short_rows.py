"""A department form whose rows print fewer cells than its header (the merged label column and the
empty 得分计算方法 cell dropped), in tab cells: a row aligned from the right would put 187.36 (年初
预算数) under 全年执行数 and 353.75 under 分值. A weight above 100 is no reading of a row; the row is
left unread rather than stored wrong. Real rows from held-out set J 1114 (绥阳县太白镇 2021)."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text
from pipeline.rerender import rerender

J1114 = """部门整体支出绩效自评表 | |||||||||
单位(盖章):绥阳县太白镇人民政府 | 填报日期:2022年2月3日 | ||||||||
部门(单位)名称 | 绥阳县太白镇人民政府 | ||||||||
部门(单位)总体 资金(万元) | 资 金 来 源 | 年初预算数(A) | 全年执行数(B) | 分值(10分) | 得分 | 得分计算方法 | |||
年度资金总额: | 1172.55 | 1268.72 | 10 | 10 | 执行率*该指标分值,最高不得超过分值上限。 | ||||
基本支出 | 985.19 | 914.97 |
10 | 10 | |||||
项目支出 | 187.36 | 353.75 | 10 | 10 | |||||
其他 | |||||||||
年度总体目标 | 年初设定目标 | 年度总体目标完成情况 | |||||||
"""


def test_no_amount_is_stored_under_the_wrong_column() -> None:
    ex = extract(read_text(rerender(J1114, "tabs").encode("utf-8")), "d")
    spent = {f["line_item"]: f["executed_yuan"] for f in ex.fact_executions}
    assert spent.get("total") == Decimal("12687200.00")
    assert spent.get("project") in (None, Decimal("3537500.00"))
    assert spent.get("basic") in (None, Decimal("9149700.00"))
