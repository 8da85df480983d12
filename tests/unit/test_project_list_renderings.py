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


# held-out J 1118 (区卫生健康局 2023 专项债券项目绩效评价, 亿元): one cell per line apart by blank lines,
# the first row's label longer than a header cell, and the 自评等级 column left out of every row
J1118 = """2023年度新增地方政府专项债券项目绩效评价情况
我单位2023年新增地方政府专项债券项目3个,争取债券资金1.69亿元。为加强专项债券项目绩效管理,提高专项债券资金使用效益,根据《浙江省地方政府专项债券项目资金绩效管理办法》(浙财债〔2022〕24号),我单位从决策、管理、产出和效益等方面对2023年新增地方政府专项债券项目进行绩效自评,评价结果如下:



2023年新增地方政府专项债券项目绩效评价表

                                                           单位:亿元

项目名称

债券性质

截至2023年底已发债券规模

自评分数

自评等级

绍兴二院兰亭院区(康复医院)工程

其他项目收益专项债券

0.2

96.5

绍兴市柯桥区马鞍医院建设工程

其他项目收益专项债券

1.0

92

绍兴市柯桥区齐贤医院重建项目

其他项目收益专项债券

0.49

91
"""


def test_a_last_column_left_out_of_every_row_is_empty() -> None:
    ex = extract(read_text(J1118.encode("utf-8")), "d")
    assert sorted(f["score"] for f in ex.fact_scores if f["project_id"]) == [Decimal("91"), Decimal("92"), Decimal("96.5")]


def test_a_bond_s_issued_size_is_what_each_project_received() -> None:
    # 截至2023年底已发债券规模 (亿元): 0.2 + 1.0 + 0.49 = the 1.69亿元 the text says was obtained
    ex = extract(read_text(J1118.encode("utf-8")), "d")
    got = sorted((f["stage"], f["amount_yuan"]) for f in ex.fact_budgets if f["project_id"])
    assert got == [("allocated", Decimal("20000000.00")), ("allocated", Decimal("49000000.00")),
                   ("allocated", Decimal("100000000.00"))]
