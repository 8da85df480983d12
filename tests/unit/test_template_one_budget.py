"""A self-evaluation form row printing one budget beside a positive 执行率 prints 全年预算数: the
template defines 执行率 = 全年执行数 / 全年预算数, so the budget a rate is printed over is printed
too; the one left blank is 年初预算数 (real-dev 147: the 执行率 97.80 % is over 32.4, not blank)."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text

# real-dev 147.txt (临沧市临翔区 2023 项目支出绩效自评表), `|` rows, the 年初预算数 cell dropped
FORM_147 = """项目支出绩效自评表 |
| ( 2023年度) |
项目名称 | 2023年马鹿坑国有林场新建野生动物收容所建设项目 |
主管部门 | 临沧市临翔区林业和草原局 | 实施单位 | 临沧市临翔区林业和草原局 |
项目资金 (万元) |
| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
年度资金总额 |
| 32.4 | 31.69 | 10 | {rate} | 9 |
"""


def _facts(text: str):
    ex = extract(read_text(text.encode("utf-8")), "t")
    return ex.fact_budgets, ex.fact_executions


def test_the_one_budget_beside_a_rate_is_the_full_year_budget():
    budgets, executions = _facts(FORM_147.format(rate="97.80%"))
    assert [(b["stage"], b["amount_yuan"]) for b in budgets] == [("adjusted", Decimal("324000.00"))]
    assert [(e["executed_yuan"], e["reported_rate_pct"]) for e in executions] == [(Decimal("316900.00"), Decimal("97.80"))]


def test_a_row_printing_both_budgets_keeps_both():
    text = FORM_147.replace("| 32.4 | 31.69 |", "| 30 | 32.4 | 31.69 |").format(rate="97.80%")
    budgets, _ = _facts(text)
    assert sorted((b["stage"], b["amount_yuan"]) for b in budgets) == [
        ("adjusted", Decimal("324000.00")), ("initial", Decimal("300000.00"))]
