"""A town's budget-execution table (沂源县中庄镇 2020, held-out set G 804) as `|` rows padded with
runs of empty cells: its header over two lines (项 目 | 2019年决算数 | 2020年预算调整数 | 2020年执行数
then 金额 | 占调整预算% | 比上年增长% under the last), and rows that print only empty cells
(契税 | |||||) inside it. 金额 is 2020年执行数's own figure, the percents columns after it; the
empty rows do not end the table."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text

G804 = """中庄镇2020年预算执行和2021年预算草案
2020年中庄镇一般公共预算收入执行情况表 | |||||
单位:万元 | |||||
项 目 | 2019年决算数 | 2020年预算调整数 | 2020年执行数 | ||
金额 | 占调整预算% | 比上年增长% | |||
一、税收收入 | 401 | 431 | 431 | 100 | 7.48 |
增值税 | 266 | 292 | 292 | 100 | 9.77 |
企业所得税 | 9 | 5 | 5 | 100 | -44.44 |
个人所得税 | 19 | 36 | 36 | 100 | 89.47 |
资源税 | |||||
城市维护建设税 | 16 | 25 | 25 | 100 | 56.25 |
房产税 | 1 | 1 | 1 | 100 | |
印花税 | 4 | 5 | 5 | 100 | 25.00 |
城镇土地使用税 | 10 | 3 | 3 | 100 | -70.00 |
土地增值税 | |||||
车船税 | 76 | 64 | 64 | 100 | -15.79 |
耕地占用税 | |||||
契税 | |||||
烟叶税 | |||||
环境保护税 | |||||
其他税收收入 | |||||
二、非税收入 | |||||
专项收入 | |||||
行政事业性收费收入 | |||||
罚没收入 | |||||
国有资本经营收入 | |||||
国有资源(资产)有偿使用收入 | |||||
其他收入 | |||||
本年收入合计 | 401 | 431 | 431 | 100 | 7.48 |
转移性收入 | 2442 | 2351 | 2351 | 100 | -3.73 |
地方政府一般债券转贷收入 | |||||
返还性收入 | |||||
上级一般性转移支付收入 | 1444 | 2191 | 2191 | 100 | 51.73 |
上级专项转移支付收入 | 998 | 160 | 160 | 100 | -83.97 |
动用预算稳定调节基金 | |||||
调入资金 | |||||
上年结转及结余收入 | |||||
收入总计 | 2843 | 2782 | 2782 | 100 | -2.15 |
"""


def test_the_totals_under_a_two_line_header_past_empty_rows() -> None:
    ex = extract(read_text(G804.encode("utf-8")), "d")
    spent = {(f["line_item"], f.get("period")): f["executed_yuan"] for f in ex.fact_executions}
    assert spent[("total_income", "current")] == Decimal("4310000.00")
    assert spent[("total_income", "prior")] == Decimal("4010000.00")
    assert spent[("grand_total_income", "current")] == Decimal("27820000.00")
    budgets = {f["line_item"]: f["amount_yuan"] for f in ex.fact_budgets if f["stage"] == "adjusted"}
    assert budgets["grand_total_income"] == Decimal("27820000.00")
