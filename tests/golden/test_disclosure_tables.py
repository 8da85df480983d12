"""Budget and final-accounts disclosures (部门预算/部门决算) print summary tables as two
panels side by side; each side must be read on its own (synthetic tables in the layout of
published disclosures, values chosen so that every identity holds)."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text
from tests.checks_harness import check_text, failures

FINAL = """示例区财政局2024年度部门决算
（合成测试数据 SYNTHETIC）
收入支出决算总表
单位：万元
| 收入 |  | 支出 |  |  |  |  |
| 项目 | 决算数 | 项目 | 合计 | 一般公共预算财政拨款 | 政府性基金预算财政拨款 | 国有资本经营预算财政拨款 |
| 一、一般公共预算财政拨款 | 2,940.05 | 一、一般公共服务支出 | 2,106.66 | 2,106.66 |  |  |
| 二、政府性基金预算财政拨款 |  | 二、社会保障和就业支出 | 833.39 | 833.39 |  |  |
| 三、国有资本经营预算财政拨款 |  |  |  |  |  |  |
| 本年收入合计 | 2,940.05 | 本年支出合计 | 2,940.05 | 2,940.05 |  |  |
| 年初财政拨款结转和结余 | 21.63 | 年末财政拨款结转和结余 | 21.63 | 21.63 |  |  |
| 一、一般公共预算财政拨款 | 21.63 |  |  |  |  |  |
| 总计 | 2,961.68 | 总计 | 2,961.68 | 2,961.68 |  |  |
一般公共预算财政拨款支出年初预算为3000.00万元，支出决算为2940.05万元，完成年初预算的98.00%。
一般公共预算财政拨款基本支出决算表
| 类 | 款 | 科目名称 | 决算数 | 类 | 款 | 科目名称 | 决算数 |
| 301 |  | 工资福利支出 | 1,500.00 | 302 |  | 商品和服务支出 | 171.07 |
| 301 | 01 | 基本工资 | 262.33 | 302 | 01 | 办公费 | 21.21 |
| 301 | 2 | 津贴补贴 | 1,237.67 | 302 | 02 | 印刷费 | 149.86 |
"""


def test_final_accounts_panels_and_carryover():
    ex = extract(read_text(FINAL.encode()), "final")
    assert ex.reports[0]["report_kind"] == "final_accounts"
    e = {(f["line_item"], f["reported_text"]) for f in ex.fact_executions if f["origin"] == "table"}
    assert {("general_public_budget", "2,940.05"), ("current_income", "2,940.05"), ("carryover", "21.63"),
            ("total", "2,961.68"), ("func:201", "2,106.66"), ("func:208", "833.39")} <= e
    # 一般公共预算财政拨款 under 年初结转和结余 is part of the carry-over, not this year's income.
    assert ("general_public_budget", "21.63") not in e
    # The right panel of the 经济分类 table is its own table: 302 is a code, not an amount of 301.
    econ = {f["line_item"]: f["executed_yuan"] for f in ex.fact_executions if f["line_item"].startswith("econ:")}
    assert econ["econ:30102"] == Decimal("12376700.00")  # '301 | 2 | 津贴补贴': 款 without its zero
    assert econ["econ:302"] == Decimal("1710700.00") and econ["econ:30202"] == Decimal("1498600.00")
    # A sentence about one fund source is not the report's total.
    assert not [f for f in ex.fact_executions if f["origin"] == "narrative"]
    df, _ = check_text(FINAL)
    assert failures(df).empty, failures(df)[["check_name", "detail"]].to_string()
    assert (df["check_name"] == "line_item_sum").sum() >= 2


def test_appropriation_summary_totals_are_not_the_departments():
    # 财政拨款收入支出决算总表 totals only the appropriation: its 总计 is not the unit's total.
    ex = extract(read_text(FINAL.replace("\n收入支出决算总表", "\n财政拨款收入支出决算总表").encode()), "fiscal")
    items = {f["line_item"] for f in ex.fact_executions if f["table_kind"] == "two_sided"}
    assert "general_public_budget" in items and "func:201" in items
    assert not items & {"total", "current_income", "carryover"}


BUDGET = """示例区办公室2025年部门预算
（合成测试数据 SYNTHETIC）
部门收支预算总表
单位：元
| 本年收入 |  | 本年支出 |  |  |  |  |
| 项目 | 预算数 | 项目 | 合计 | 人员经费 | 公用经费 | 项目支出 |
| 一、财政拨款收入 | 91,016,775.35 | 一、一般公共服务支出 | 82,096,797.42 | 13,819,399.88 | 1,867,397.54 | 66,410,000.00 |
| 1、一般公共预算资金 | 91,016,775.35 | 二、社会保障和就业支出 | 8,919,977.93 | 8,654,597.93 | 265,380.00 |  |
| 2、政府性基金 |  |  |  |  |  |  |
| 二、事业收入 |  |  |  |  |  |  |
| 收入总计 | 91,016,775.35 | 支出总计 | 91,016,775.35 | 22,473,997.81 | 2,132,777.54 | 66,410,000.00 |
"""


def test_budget_summary_with_class_columns():
    ex = extract(read_text(BUDGET.encode()), "budget")
    assert ex.reports[0]["report_kind"] == "budget"
    b = {(f["line_item"], f["stage"]): f["amount_yuan"] for f in ex.fact_budgets}
    assert b[("fiscal", "initial")] == Decimal("91016775.35")  # 预算数 of a budget = as approved
    assert b[("total", "initial")] == Decimal("91016775.35")
    assert b[("personnel", "initial")] == Decimal("22473997.81")
    assert b[("project", "initial")] == Decimal("66410000.00")
    # Right-hand amounts never land on left-hand labels.
    assert ("government_fund", "initial") not in b
    df, _ = check_text(BUDGET)
    assert failures(df).empty, failures(df)[["check_name", "detail"]].to_string()
