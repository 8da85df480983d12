"""A paragraph about one classification line (上海市普陀区财政局2024年度部门决算 p.22, the 决算
template's 一般公共预算财政拨款支出决算具体情况): its budget and execution are that line's figures,
never the report's 本年支出合计 ("支出决算" alone names a total's stage, not which total)."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text

TITLE = "上海市普陀区财政局2024年度部门决算\n"
ITEM = ("1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部人员经费及公用经费等的基本支出。"
        "年初预算为1560.05万元，支出决算为1511.89万元。决算数小于预算数的主要原因：人员进出及退休变化，减少人员经费开支。\n")
TOTAL = "本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%；项目支出603.14万元，占20.51%。\n"


def _facts(text: str) -> list[tuple]:
    ex = extract(read_text((TITLE + text).encode("utf-8")), "t")
    rows = [(f["line_item"], f["executed_yuan"]) for f in ex.fact_executions if f["origin"] == "statement"]
    return rows + [(f["line_item"], f["amount_yuan"]) for f in ex.fact_budgets if f["origin"] == "statement"]


def test_a_classification_lines_execution_is_not_the_reports_total() -> None:
    got = _facts(TOTAL + ITEM)
    assert ("total_spending", Decimal("29400500.00")) in got
    assert ("total_spending", Decimal("15118900.00")) not in got
    assert ("stated", Decimal("15118900.00")) in got and ("stated", Decimal("15600500.00")) in got
