"""收入总表 by budget unit under one heading over every figure column (西安: 部门预算 over 合计 |
一般公共预算拨款 | 政府性基金拨款 | …): that heading names the table, so its 合计 is the table's
total, not a subtotal of a source; 用事业基金弥补收支差额 / 使用非财政拨款结余 is surplus_use. Columns no
source word names (其中：专项资金列入部门预算项目, 对附属单位上缴收入, 上年实户资金余额) stay unread.
Figures read by hand from 西安市人力资源和社会保障局2020年部门综合预算.pdf p.30 (never committed)."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.ingest.read import read_document
from pipeline.settings import Settings

XIAN = """西安市人力资源和社会保障局2020年部门综合预算
2020年部门综合预算收入总表
单位：万元
<table>
<tr><td rowspan="3">单位编码</td><td rowspan="3">单位名称</td><td colspan="12">部门预算</td></tr>
<tr><td rowspan="2">合计</td><td colspan="2">一般公共预算拨款</td><td rowspan="2">政府性基金拨款</td><td rowspan="2">上级补助收入</td><td rowspan="2">事业收入</td><td rowspan="2">事业单位经营收入</td><td rowspan="2">对附属单位上缴收入</td><td rowspan="2">用事业基金弥补收支差额</td><td rowspan="2">上年结转</td><td rowspan="2">上年实户资金余额</td><td rowspan="2">其他收入</td></tr>
<tr><td>小计</td><td>其中：专项资金列入部门预算项目</td></tr>
<tr><td>**</td><td>**</td><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td><td>6</td><td>7</td><td>8</td><td>9</td><td>10</td><td>11</td><td>12</td></tr>
<tr><td></td><td>合计</td><td>182157.13</td><td>181716.56</td><td>50830</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>90.57</td><td></td><td>350</td></tr>
<tr><td>242001</td><td>西安市人力资源和社会保障局</td><td>24417.66</td><td>24417.66</td><td>20830</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>60.37</td><td></td><td>0</td></tr>
</table>
"""


def test_a_heading_over_every_column_names_the_table():
    ex = extract(read_document(XIAN.encode("utf-8"), Settings()), "d")
    got = {(f["line_item"], f["stage"]): f["reported_text"] for f in ex.fact_budgets if f["table_kind"] == "fund_matrix"}
    assert got == {("total", "initial"): "182157.13"}
    splits = {(s["line_item"], s["part"]): s["reported_text"] for s in ex.fact_line_splits}
    assert splits[("total", "general_public_budget")] == "181716.56"
    assert splits[("total", "carryover")] == "90.57"
    assert splits[("total", "other")] == "350"
    assert splits[("total", "surplus_use")] == "0"
    assert splits[("listed", "general_public_budget")] == "24417.66"
    # 其中：专项资金列入部门预算项目 (50830, a part of 一般公共预算拨款): no source of its own
    assert "50830" not in {s["reported_text"] for s in ex.fact_line_splits}
    assert all("?" in s["table_parts"] for s in ex.fact_line_splits)
