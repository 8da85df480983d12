"""A transfer-payment form whose cells print amounts with a bare 万 ('3359.62万') and whose fund
rows are levels of government (其中:中央财政资金 / 地方资金). Real snippet: a 2024 医疗救助补助资金
form (figures read by hand)."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.normalize.numbers import parse_number
from pipeline.readers.text import read_text
from tests.checks_harness import check_text, failures

FORM = """医疗救助补助资金转移支付项目绩效目标自评表 | |||||||
(2024年度) | |||||||
转移支付(项目)名称 | 医疗救助补助资金 | ||||||
地方主管部门 | 医疗保障局 | 资金使用单位 | 医疗保障局 | ||||
资金投入情况(万元) | 全年预算数(A) | 全年执行数(B) | 预算执行率(B/A×100%) | ||||
年度资金总额: | 3359.62万 | 3359.62万 | 100% | ||||
其中:中央财政资金 | 829.3万 | 829.3万 | 100% | ||||
彩票公益金用于医疗救助 | 0 | 0 | 100% | ||||
地方资金 | 2530.32万 | 2530.32万 | 100% | ||||
其他资金 | |||||||
资金管理情况 | 情况说明 | 存在问题和改进措施 | |||||
"""


def test_a_cell_with_a_bare_wan_is_money_but_wan_ren_is_not() -> None:
    assert parse_number("3359.62万").unit == "万元"
    assert parse_number("5万人").unit == "万人"


def test_levels_of_government_rows_of_a_transfer_form() -> None:
    ex = extract(read_text(FORM.encode("utf-8")), "t")
    got = {f["line_item"]: f["executed_yuan"] for f in ex.fact_executions if f["origin"] == "table"}
    assert got == {"total": Decimal("33596200.00"), "level_central": Decimal("8293000.00"),
                   "level_local": Decimal("25303200.00")}
    df, _ = check_text(FORM)
    assert failures(df).empty and "line_item_sum" in set(df["check_name"])
    # A misprinted part is found.
    df, _ = check_text(FORM.replace("| 829.3万 | 829.3万 |", "| 829.3万 | 892.3万 |"))
    assert "line_item_sum" in set(failures(df)["check_name"])
