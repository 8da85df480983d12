"""An .xls preview that wrapped a form's last header cells under its label column (held-out set 13,
1405: 上饶市司法局 司法业务经费 2021 项目支出绩效自评表, read by hand: 年度资金总额 620.82万元 budgeted and
executed, 分值 100, 执行率 100%, 得分 10). The 执行率 header's bracketed formula runs over three lines
('执行率(全年' / '执行数/全年' / '预算数)'), and 得分 stands alone two lines below the rows: both are the
header's, so the rows' six figures have six columns."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text

FORM = ("2021年司法业务经费绩效自评表 -.xls\n"
        "附件1 项目支出绩效自评表 ( 2021 年度) 项目名称 司法业务经费 主管部门 上饶市司法局 项目资金(万元) 实施单位 "
        "上饶市司法局 年初预算数 全年预算数 全年执行数 分值 执行率(全年 执行数/全年 预算数) 年度资金总额: 620.82万元 "
        "620.82万元 620.82万元 100 100% 10 其中:当年财政 拨款 620.82万元 620.82万元 620.82万元 100 100% 10 得分 "
        "上年结转资金 其他资金 预期目标 实际完成情况 1.坚持提高站位把握正向,深入宣传贯彻习近平法治思想。\n")


def _read(text: str):
    return extract(read_text(text.encode("utf-8")), "t")


def test_wrapped_and_stray_header_cells_are_the_headers() -> None:
    ex = _read(FORM)
    assert {(f["line_item"], f["stage"], f["amount_yuan"]) for f in ex.fact_budgets} >= {
        ("total", "initial", Decimal("6208200.00")), ("total", "adjusted", Decimal("6208200.00"))}
    assert ("total", Decimal("6208200.00"), Decimal("100")) in {
        (f["line_item"], f["executed_yuan"], f["reported_rate_pct"]) for f in ex.fact_executions}
    assert ("budget_execution", Decimal("100"), Decimal("10")) in {
        (f["component"], f["weight"], f["score"]) for f in ex.fact_scores}


def test_without_the_stray_word_the_last_figure_has_no_column() -> None:
    ex = _read(FORM.replace(" 得分 上年结转资金", " 上年结转资金"))
    assert not any(f["score"] == Decimal("10") for f in ex.fact_scores)
