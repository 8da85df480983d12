"""Cells that print their figure with a bare 万 (150万, 125.25万), as held-out H 903 (鄂州市行政审批局
2021 市民中心运行维护费 自评表) does. Its own rendering (one cell per line with bars) was read; the
same form with its cells apart by blank lines (pipeline/rerender.py) was laid out by the
flattened-table reader with '150万' as row labels, and only the zero rows were stored."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.flat_table import is_cell_figure
from pipeline.readers.text import read_text

ROWS = [["项目名称", "市民中心运行维护费"], ["项目资金 (万元)", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "150万", "150万", "125.25万", "100", "83.5%", "98"],
        ["其中:当年财政拨款", "150万", "150万", "125.25万", "—", "", "—"],
        ["上年结转资金", "0", "0", "0", "—"], ["其他资金", "0", "0", "0", "—"],
        ["年度总体目标", "预期目标", "实际完成情况"]]


def _facts(text: str) -> tuple[dict, dict]:
    ex = extract(read_text(text.encode("utf-8")), "t")
    budgets = {(f["line_item"], f["stage"]): f["amount_yuan"] for f in ex.fact_budgets if f["origin"] == "table"}
    execs = {f["line_item"]: (f["executed_yuan"], f["reported_rate_pct"]) for f in ex.fact_executions
             if f["origin"] == "table"}
    return budgets, execs


def test_a_figure_with_wan_is_a_cell_figure() -> None:
    assert is_cell_figure("150万") and is_cell_figure("125.25万") and is_cell_figure("83.5%")
    assert not is_cell_figure("5万人") and not is_cell_figure("2021年")


def test_blank_line_cells_read_as_the_pages_own_rendering() -> None:
    blank = _facts("项目支出绩效自评表\n( 2021 年度)\n" + "\n\n".join(c for r in ROWS for c in r))
    bars = _facts("项目支出绩效自评表\n( 2021 年度)\n" + "\n".join(f"{c} |" for r in ROWS for c in r))
    assert blank[0][("total", "adjusted")] == Decimal("1500000.00")
    assert blank[1]["total"] == (Decimal("1252500.00"), Decimal("83.5"))
    assert blank[0][("total", "adjusted")] == bars[0][("total", "adjusted")]
    assert blank[1]["total"] == bars[1]["total"]
