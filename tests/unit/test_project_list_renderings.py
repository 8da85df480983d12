"""A project list whose rows print text cells after their figures (成效评价, 存在问题), in every
rendering a web page prints it: `|` rows, tab cells, one cell per line with or without a trailing
bar, cells apart by blank lines, each row flattened onto a line of spaces. One cell per line and
flattened rows give no position but the header's width: the grid is drawn only when at least
three rows print figures in the same columns and the header opens with the label column's
(项目名称) — a table's title before it would shift every row by one. Real rows from held-out set F
710 (2019 专项资金绩效自评报告, 万元)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.extract import extract
from pipeline.readers.text import read_text
from pipeline.rerender import RENDERINGS, rerender

PAGE = """二、专项资金绩效自评结果汇总表
项目名称 | 预算金额(万元) | 实际支出(万元) | 资金使用率 | 项目完成率 | 成效评价 | 存在问题 |
教育专项 | 850 | 830 | 97.6% | 100% | 优秀 | 资金拨付周期较长 |
医疗保障专项 | 620 | 600 | 96.8% | 95% | 良好 | 项目覆盖范围不足 |
基础设施建设项目 | 1200 | 1180 | 98.3% | 100% | 优秀 | 施工进度不均衡 |
乡村振兴专项 | 950 | 920 | 96.8% | 98% | 良好 | 后续管护机制不健全 |
环境保护专项 | 580 | 560 | 96.6% | 97% | 一般 | 监测数据更新滞后 |
三、具体项目绩效分析
"""
BUDGETS = {Decimal(x) * 10000 for x in ("850", "620", "1200", "950", "580")}
SPENT = {Decimal(x) * 10000 for x in ("830", "600", "1180", "920", "560")}


def _read(text: str) -> tuple[set[Decimal], set[Decimal]]:
    ex = extract(read_text(text.encode("utf-8")), "d")
    return ({f["amount_yuan"] for f in ex.fact_budgets if f["origin"] == "table"},
            {f["executed_yuan"] for f in ex.fact_executions if f["origin"] == "table"})


@pytest.mark.parametrize("rendering", ["page", *RENDERINGS])
def test_every_rendering_reads_every_project(rendering: str) -> None:
    text = PAGE if rendering == "page" else rerender(PAGE, rendering)
    assert _read(text) == (BUDGETS, SPENT)


def test_two_rows_are_too_few_to_tell_the_columns() -> None:
    text = rerender("\n".join(PAGE.splitlines()[:4]) + "\n", "cell_per_line")
    assert _read(text) == (set(), set())


def test_rows_going_on_with_empty_cells_get_no_grid() -> None:
    # one cell per line ending in a bar: reasons printed on three rows, then left empty (a bare
    # bar) — a grid of the first three rows would cut the table in two (hypothesis found it)
    rows = [["项目", "2022年预算数", "2023年预算数", "增减额", "增减原因"],
            ["合计", "0.06", "0.04", "-0.02", "压减一般性支出"],
            ["1、因公出国(境)费", "0.02", "0.01", "-0.01", "压减一般性支出"],
            ["2、公务接待费", "0.02", "0.01", "-0.01", "压减一般性支出"],
            ["3、公务用车购置及运行维护费", "0.02", "0.02", "0.00", ""],
            ["其中:(1)公务用车购置费", "0.01", "0.01", "0.00", ""]]
    text = "某县财政局2023年部门预算“三公”经费情况说明\n单位:万元\n" + "\n".join(f"{c} |" for r in rows for c in r)
    ex = extract(read_text(text.encode("utf-8")), "d")
    got = {f["line_item"] for f in ex.fact_budgets if f["origin"] == "table"}
    assert {"sangong", "sangong_abroad", "sangong_reception", "sangong_vehicle", "sangong_vehicle_purchase"} <= got
