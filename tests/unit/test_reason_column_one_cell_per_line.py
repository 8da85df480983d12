"""A “三公”经费 table with a reason column (增减原因), printed one cell per line: the reason is a
sentence where there is one and no line where it is empty, so rows differ in length. The text
reader draws no grid for it (a grid would shift the header over the label column); the cell
stream reads each row as its label and the figures after it. Real rows from real-dev 124
(2023 预算, 万元), re-rendered one cell per line as pipeline.rerender does."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text
from pipeline.rerender import rerender

ROWS = """2023年部门预算“三公”经费说明
单位:万元 | ||||
项目 | 2022年预算数 | 2023年预算数 | 2023年预算数增减 | 增减原因 |
合计 | 2378.77 | 2415.44 | 36.67 | |
1、因公出国(境)费用 | 0 | 0 | 0 | 落实县委县政府制定的措施,从严从紧控制出国经费。 |
2、公务接待费 | 1114.54 | 989.86 | -124.68 | 严格执行中央八项规定及压减一般性支出要求,减少公务接待。 |
3、公务用车费 | 1264.23 | 1425.58 | 161.35 | |
其中:(1)公务用车运转维护费 | 1007.23 | 898.22 | -109.01 | 公务用车改革后,取消部分单位公务用车,厉行勤俭节约,减少相关支出。 |
(2)公务用车购置费 | 257.00 | 527.36 | 270.36 | 新增负压救护车、执法执勤车辆和校车等车辆。 |
"""


def _budgets(text: str) -> dict[str, Decimal]:
    ex = extract(read_text(text.encode("utf-8")), "d")
    return {f["line_item"]: f["amount_yuan"] for f in ex.fact_budgets
            if f["origin"] == "table" and f.get("period", "current") != "prior"}


def test_every_rendering_reads_the_same_rows() -> None:
    want = _budgets(ROWS)
    assert want["sangong"] == Decimal("24154400.00")
    assert want["sangong_vehicle_purchase"] == Decimal("5273600.00")
    for name in ("cell_per_line", "cell_per_line_bar", "blank_lines", "tabs", "flattened_rows"):
        assert _budgets(rerender(ROWS, name)) == want, name


# real-dev 146 (金寨县茶谷和美丽乡村建设服务中心 2023 部门整体支出绩效自评表) one cell per line, its
# empty 得分 cell dropped: a grid may not start at 全年预算数 when 年初预算数 is the line before
FORM_146 = """部门整体支出绩效自评表 | |||||||||||||
(2023年度) | |||||||||||||
部门 | 金寨县茶谷和美丽乡村建设服务中心 | ||||||||||||
预算资金 (万元) |
年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | |||||||
年度资金总额 | 329.77 | 329.77 | 338.31 | 10 | 102.59% | ||||||||
其中:当年财政拨款 | 329.77 | 329.77 | 338.31 | — | 102.59% | — | |||||||
上年结转资金 | — | — | |||||||||||
其他资金 | — | — | |||||||||||
年度总体目标 | 预期目标 | 实际完成情况 | |||||||||||
"""


def test_a_header_is_not_cut_after_its_first_word() -> None:
    ex = extract(read_text(rerender(FORM_146, "cell_per_line").encode("utf-8")), "d")
    execs = {(f["line_item"], f["executed_yuan"], f["reported_rate_pct"]) for f in ex.fact_executions}
    assert ("total", Decimal("3383100.00"), Decimal("102.59")) in execs
