"""Numeric table cells set aside knowingly (issue 13, coverage): a per-unit price or standard
(342元/㎡) is never an amount; an empty table (one row of zeros, 本表本年无发生额) is noted as empty
and its zeros are not facts. Figures read by hand from ../shared/real-pdfs."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.extract.set_aside import EMPTY_STATED, EMPTY_TABLE
from pipeline.ingest.read import read_document
from pipeline.settings import Settings


def _extract(text: str):
    return extract(read_document(text.encode("utf-8"), Settings()), "d")


# 北京市交通委员会 2026 部门预算 p.9 北京市城市道路挖掘修复费标准 (an excerpt as printed).
BEIJING_FEES = """北京市交通委员会2026年度部门预算
北京市城市道路挖掘修复费标准
| 序号 | 项目名称 | 结构内容 | 收费标准 |
| 1 | 快速路、主干路沥青路面 | 沥青砼15cm+水稳18cm+无机料36cm（69cm） | 342元/㎡ |
| 2 | 次干路沥青路面 | 沥青砼12cm+水稳18cm+无机料36cm(66cm) | 312元/㎡ |
| 9 | 混凝土缘石 | 49.5×20×10缘石 | 46元/m |
| 11 | 混凝土树池 | 1.5×1.5树池 | 222元/座 |
"""


def test_per_unit_prices_are_set_aside():
    ex = _extract(BEIJING_FEES)
    assert ex.numeric_cells == 8 and ex.numeric_cells_ignored == 8 and ex.coverage == 1.0
    assert not [f for f in ex.fact_budgets + ex.fact_executions if f["origin"] == "table"]


# 广州市统计局 2026 部门预算 p.18 政府性基金预算支出情况表, as printed, and its note.
GZ_EMPTY = """广州市统计局2026年部门预算
表9
政府性基金预算支出情况表
单位名称：广州市统计局 单位：万元
| 科目编码 | 科目名称 | 小计 | 其中：基本支出 | 项目支出 |
|  | 合计 | 0.00 | 0.00 | 0.00 |
注：本表本年无发生额。
"""


def test_an_empty_table_is_noted_and_its_zeros_set_aside():
    ex = _extract(GZ_EMPTY)
    assert ex.numeric_cells == 3 and ex.numeric_cells_ignored == 3
    notes = [u for u in ex.unrecognised if u["what"] == "table"]
    # one note for the table: its own statement under it (注：本表本年无发生额。) replaces the zero-row note
    assert [(n["reason"], n["text"]) for n in notes] == [(EMPTY_STATED, "注：本表本年无发生额。")]
    # without its note the zero row still says so
    ex = _extract(GZ_EMPTY.replace("注：本表本年无发生额。\n", ""))
    notes = [u for u in ex.unrecognised if u["what"] == "table"]
    assert [n["reason"] for n in notes] == [EMPTY_TABLE]
    assert "政府性基金预算支出情况表" in notes[0]["text"]
    # a table with a figure is not empty
    ex = _extract(GZ_EMPTY.replace("| 0.00 | 0.00 | 0.00 |", "| 5.00 | 0.00 | 5.00 |"))
    assert not [u for u in ex.unrecognised if u["reason"] in (EMPTY_TABLE, EMPTY_STATED)]


# 无锡市商务局 2026 部门预算 p.23 公开11表, as printed: the header, its 栏次 row, nothing else.
WUXI_NUMBERED = """无锡市商务局2026年度部门预算公开
国有资本经营预算支出预算表
部门：无锡市商务局 单位：万元
| 功能分类科目编码 | 科目名称 | 本年支出合计 | 基本支出 | 项目支出 |
| 栏次 |  | 1 | 2 | 3 |
"""


def test_column_numbers_are_set_aside():
    ex = _extract(WUXI_NUMBERED)
    assert ex.numeric_cells == 3 and ex.numeric_cells_ignored == 3
    assert not [f for f in ex.fact_budgets if f["origin"] == "table"]
    # figures that happen to be small whole numbers out of order are not a numbering
    ex = _extract(WUXI_NUMBERED.replace("| 1 | 2 | 3 |", "| 3 | 2 | 1 |"))
    assert ex.numeric_cells_ignored < 3
