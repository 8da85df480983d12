"""One vocabulary for a column's meaning: the header words the template engine knew beyond
vocab/stages.csv (得分 (20分*执行率), 分值(10分), 全年实际支出 …) were unknown to the table
recognisers, so a form read as a grid lost what the same form read as a cell stream kept.
Found by re-rendering held-out H 904 (黄石市图书馆 2022 共享工程 自评表) with tab cells: its
`| … |` rows gave the execution score 20, its tab rows none."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.extract import extract
from pipeline.extract.templates.defs import field_of
from pipeline.extract.vocabulary import stage_of
from pipeline.readers.text import read_text

# H 904, verbatim rows (the page's rendering), and the same rows as tab cells
ROWS = [["项目名称", "共享工程"],
        ["主管部门", "黄石市文化和旅游局", "项目实施单位", "黄石市图书馆"],
        ["预算执行情况(万元) (20分)", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分 (20分*执行率)"],
        ["年度财政资金总额", "5", "5", "100%", "20"],
        ["年度绩效目标1 (80分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"]]
TITLE = "2022年度共享工程项目自评表"


def _read(text: str) -> tuple[set, set]:
    ex = extract(read_text(text.encode("utf-8")), "t")
    money = {(f["line_item"], f["amount_yuan"]) for f in ex.fact_budgets}
    money |= {(f["line_item"], f["executed_yuan"], f["reported_rate_pct"]) for f in ex.fact_executions}
    return money, {(f["component"], f["score"]) for f in ex.fact_scores}


def test_tab_and_pipe_renderings_read_the_execution_score() -> None:
    pipes = _read("\n".join([TITLE, *(" | ".join(r) + " | |||||" for r in ROWS)]))
    tabs = _read("\n".join([TITLE, *("\t".join(r) for r in ROWS)]))
    assert ("budget_execution", Decimal("20")) in pipes[1]
    assert tabs == pipes
    assert ("total", Decimal("50000.00"), Decimal("100")) in tabs[0]


@pytest.mark.parametrize(("header", "field"), [
    ("得分 (20分*执行率)", "score"), ("得分（20分）", "score"), ("执行率得分", "score"),
    ("分值(10分)", "weight"), ("权重(分)", "weight"),
    ("全年实际支出", "executed"), ("全年执行资金", "executed"),
    ("全年(调整)预算数", "adjusted"), ("预算数（年初）", "initial"),
])
def test_table_recognisers_and_templates_agree_on_a_header(header: str, field: str) -> None:
    assert stage_of(header) == field
    assert field_of(header, (field,)) == field


def test_a_form_only_word_stays_with_the_forms() -> None:
    # 预算执行 heads a rate column in the self-evaluation forms only; a budget table may head
    # its executed amounts so
    assert field_of("预算执行", ("rate",)) == "rate"
    assert stage_of("预算执行") is None
