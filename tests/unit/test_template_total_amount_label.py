"""年度总金额 labels the funding block's total in 重庆's 部门整体绩效自评表 (real-dev 115: '年初预算数
全年(调整)预算数全年执行数执行率执行率权重执行率得分年度总金额…'), as 年度资金总额 does elsewhere: its
row is read (figures here synthetic and consistent: 79.32 / 100.06 = 79.27 %, 10 × 79.27 % = 7.93)."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text

FORM = ("1、某局2023年度部门整体绩效自评表部门名称某局自评总分(分)97.93年初预算数全年(调整)预算数全年执行数"
        "执行率执行率权重执行率得分年度总金额{row}年初绩效目标全年目标\n")


def test_the_total_amount_row_is_read() -> None:
    ex = extract(read_text(FORM.format(row="120.32 100.06 79.32 79.27% 10 7.93").encode("utf-8")), "t")
    assert ("total", Decimal("793200.00"), Decimal("79.27")) in {
        (f["line_item"], f["executed_yuan"], f["reported_rate_pct"]) for f in ex.fact_executions}
    assert ("budget_execution", Decimal("10"), Decimal("7.93")) in {
        (f["component"], f["weight"], f["score"]) for f in ex.fact_scores}
    assert ("total", "adjusted", Decimal("1000600.00")) in {
        (f["line_item"], f["stage"], f["amount_yuan"]) for f in ex.fact_budgets}
