"""HTML tables inside text (Markdown exports of PDFs): spans on the grid, pages glued,
percent columns never summed, same-template tables with other figures are not twins."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.html_table import parse_html_table
from pipeline.readers.text import read_text
from tests.checks_harness import check_text, failures


def test_rowspan_and_colspan_land_on_the_grid():
    rows = parse_html_table(
        '<table><tr><td rowspan="2">A</td><td colspan="2">B</td></tr><tr><td>1</td><td>2</td></tr></table>'
    )
    assert [(c.text, c.row, c.col, c.merged_copy) for c in rows[1]] == [
        ("A", 2, 1, True), ("1", 2, 2, False), ("2", 2, 3, False)]
    assert rows[0][1].colspan == 2


def test_hostile_spans_are_bounded():
    rows = parse_html_table('<table><tr><td rowspan="999999999">x</td></tr></table>')
    assert len(rows) == 1


SCORING = """2024年度示例项目绩效评价报告
（合成测试数据 SYNTHETIC）
项目总体评价得65.00分，评价等级为“中”。
<table><tr><td>指标名称</td><td>权重</td><td>指标得分</td><td>得分率</td></tr>
<tr><td>B1组织实施</td><td>13.00</td><td>4.13</td><td>31.77%</td></tr>
<tr><td>B101管理制度健全性</td><td>5.00</td><td>3.33</td><td>66.60%</td></tr>
<tr><td>B102制度执行有效性</td><td>8.00</td><td>0.80</td><td>10.00%</td></tr></table>
<table><tr><td>指标名称</td><td>权重</td><td>指标得分</td><td>得分率</td></tr>
<tr><td>B2资金管理</td><td>12.00</td><td>7.34</td><td>61.17%</td></tr>
<tr><td>B201预算执行率</td><td>5.00</td><td>3.34</td><td>66.80%</td></tr>
<tr><td>B202资金使用合规性</td><td>7.00</td><td>4.00</td><td>57.14%</td></tr>
<tr><td>合计</td><td>25.00</td><td>11.47</td><td>45.88%</td></tr></table>
<table><tr><td>年度</td><td>预算安排(万元)</td><td>支出金额(万元)</td><td>预算执行(%)</td></tr>
<tr><td>2023</td><td>100.00</td><td>90.00</td><td>90.00</td></tr>
<tr><td>2024</td><td>200.00</td><td>200.00</td><td>100.00</td></tr>
<tr><td>小计</td><td>300.00</td><td>290.00</td><td>96.67</td></tr></table>
"""


def test_scoring_dimension_table_from_markdown_export():
    doc = read_text(SCORING.encode())
    tables = list(doc.tables)
    assert len(tables) == 2 and tables[0].n_rows == 8  # the second page's part is glued on
    ex = extract(doc, "md")
    r = ex.reports[0]
    # The report's score is the sentence's, not the 25-point dimension table's total.
    assert (r["score_total"], r["grade_text"]) == (Decimal("65.00"), "中")
    b101 = next(f for f in ex.fact_scores if f["component"] == "B101管理制度健全性")
    assert b101["parent"] == "B1组织实施" and b101["score"] == Decimal("3.33")
    df, _ = check_text(SCORING)
    # Nested rows are not counted twice; 得分率 is not a score; % columns are not summed.
    assert failures(df).empty, failures(df)[["check_name", "detail"]].to_string()
    assert set(df["check_name"]) >= {"score_sum", "weights_sum", "table_total"}


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_TAGS = ["<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", '<td rowspan="3">', '<td colspan="2">',
         "<th>", "</th>", "<br>", "1", "合计", "<td rowspan=x>", "&amp;", "<", ">"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TAGS), max_size=80))
def test_broken_html_never_raises(parts):
    html = "".join(parts)
    rows = parse_html_table(html)
    for row in rows:
        cols = [c.col for c in row]
        assert cols == sorted(cols) and len(set(cols)) == len(cols)
    read_text(("前言\n" + html + "\n后记").encode())
