"""A results table (序号 | 项目名称 | 实施单位 | 预算资金(万元) | 评分情况 | 评价等级) printed one cell per
line with ' |', its section row's empty cells not all printed: read by the summary recogniser
through a grid rebuilt from the cells, each fact pointing at the line it was printed on. A row
cut by the end of the text is not read. Real snippet: 阳高县财政局 2025 key evaluation results
(held-out E 605, figures read by hand; the page is cut after 89.72, the second row below is
made up to complete the table). Property: grid and one-cell-per-line renderings agree."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.extract import extract
from pipeline.readers.text import read_text

HEAD = "\n".join([
    "阳高县财政局关于2025年财政重点绩效评价结果公开",
    "本次部门整体支出绩效评价共涉及2个单位,分别是阳高县能源局、阳高县长城乡人民政府,预算资金总额5789.67万元,绩效评价等级均为“优”,具体情况见表1。",
    "表1:2025年财政重点项目绩效评价结果表",
])
CELLS = ["序号 |", "项目名称 |", "实施单位 |", "预算资金(万元) |", "评分情况 |", "评价等级 |", "一 |", "项目绩效评价 |", "||||",
         "1 |", "区域养老服务中心消防改造项目 |", "山西省阳高县民政局 |", "162.00 |", "89.72 "]


def _read(text: str) -> tuple[dict[str, Decimal], dict[str, Decimal]]:
    ex = extract(read_text(text.encode("utf-8")), "t")
    names = {p["project_id"]: p["project_name"] for p in ex.projects}
    budgets = {names[f["project_id"]]: f["amount_yuan"] for f in ex.fact_budgets if f["project_id"]}
    scores = {names[f["project_id"]]: f["score"] for f in ex.fact_scores if f["project_id"]}
    return budgets, scores


def test_a_row_cut_by_the_end_of_the_text_is_not_read() -> None:
    assert _read(HEAD + "\n" + "\n".join(CELLS)) == ({}, {})


def test_complete_rows_one_cell_per_line_are_read() -> None:
    more = ["89.72 |", "良 |", "2 |", "农村供水保障项目 |", "阳高县水务局 |", "85.50 |", "91.30 |", "优 |", "二、评价结果应用"]
    budgets, scores = _read(HEAD + "\n" + "\n".join(CELLS[:-1] + more))
    assert budgets == {"区域养老服务中心消防改造项目": Decimal("1620000.00"), "农村供水保障项目": Decimal("855000.00")}
    assert scores == {"区域养老服务中心消防改造项目": Decimal("89.72"), "农村供水保障项目": Decimal("91.30")}


def test_cells_that_do_not_fit_their_columns_end_the_table() -> None:
    # a figure where the unit's name belongs: the columns are not what the header says
    more = ["89.72 |", "良 |", "2 |", "农村供水保障项目 |", "85.50 |", "91.30 |", "优 |", "|", "二、评价结果应用"]
    budgets, scores = _read(HEAD + "\n" + "\n".join(CELLS[:-1] + more))
    assert "农村供水保障项目" not in budgets and "农村供水保障项目" not in scores


NAMES = ("区域养老服务中心消防改造项目", "农村供水保障项目", "高标准农田建设项目", "城区道路维修项目")
money = st.decimals(min_value=Decimal("1.00"), max_value=Decimal("99999.99"), places=2)
score = st.decimals(min_value=Decimal("60.00"), max_value=Decimal("99.99"), places=2)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(money, score), min_size=2, max_size=len(NAMES)))
def test_grid_and_cell_per_line_renderings_agree(rows: list[tuple[Decimal, Decimal]]) -> None:
    head = ["序号", "项目名称", "实施单位", "预算资金(万元)", "评分情况", "评价等级"]
    body = [[str(i), NAMES[i - 1], "阳高县民政局", str(m), str(s), "优" if s >= 90 else "良"] for i, (m, s) in enumerate(rows, 1)]
    grid = HEAD + "\n" + "\n".join("| " + " | ".join(r) + " |" for r in [head, *body]) + "\n二、评价结果应用"
    lines = HEAD + "\n" + "\n".join(f"{c} |" for r in [head, *body] for c in r) + "\n二、评价结果应用"
    expected = _read(grid)
    assert expected[0] == {NAMES[i]: m * 10000 for i, (m, _) in enumerate(rows)}
    assert _read(lines) == expected
