"""A header line with a head over several columns and a header line under it (issue 14, 'in a two-level
header, 基本支出 is taken as 人员支出 alone'): each column keeps the meaning of its lowest head.

杭州市气象局2026年度部门预算 p.17 表3 支出预算总表 prints 总计 | 基本支出 (人员支出 | 日常公用支出) | 项目支出 | …
with only a 合计 row known to the reader (the rows by function print no code): its 2,906.80 is 人员支出, never
基本支出 (3,745.07). p.19 表5 一般公共预算支出预算表 prints the same heads over the general public budget's
money only: its 合计 row is no department total. Rows as printed (the PDF is never committed)."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.ingest.read import read_document
from pipeline.settings import Settings


def _td(*cells: str) -> str:
    return "<tr>" + "".join(c if c.startswith("<td") else f"<td>{c}</td>" for c in cells) + "</tr>"


def _doc(title: str, head: list[str], rows: list[list[str]]) -> str:
    return "\n".join([
        "杭州市气象局2026年度部门预算", title, "部门名称：杭州市气象局 单位：万元", "<table>",
        *head, *(_td(*r) for r in rows), "</table>"])


TABLE3 = _doc("表3：2026年市级部门支出预算总表", [
    _td('<td rowspan="2">功能分类科目名称</td>', '<td rowspan="2">总计</td>', '<td colspan="2">基本支出</td>',
        '<td rowspan="2">项目支出</td>', '<td rowspan="2">事业单位经营支出</td>', '<td rowspan="2">上缴上级支出</td>',
        '<td rowspan="2">对附属单位补助支出</td>'),
    _td("人员支出", "日常公用支出")], [
    ["**", "1", "2", "3", "4", "5", "6", "7"],
    ["合计", "5,876.67", "2,906.80", "838.27", "2,131.61", "", "", ""],
    ["科学技术支出", "28.00", "", "", "28.00", "", "", ""],
    ["技术研究与开发", "28.00", "", "", "28.00", "", "", ""]])

TABLE5 = _doc("表5：2026年市级部门一般公共预算支出预算表", [
    _td('<td rowspan="2">功能分类科目名称</td>', '<td rowspan="2">合 计</td>', '<td colspan="3">基本支出</td>',
        '<td rowspan="2">项目支出</td>'),
    _td("小计", "人员经费", "日常公用支出")], [
    ["**", "1", "2", "3", "4", "5"],
    ["合计", "5,753.07", "3,745.07", "2,906.80", "838.27", "2,008.00"],
    ["科学技术支出", "28.00", "", "", "", "28.00"]])


def _table_amounts(text: str) -> dict[str, str]:
    ex = extract(read_document(text.encode("utf-8"), Settings()), "d")
    return {f["line_item"]: f["reported_text"] for f in ex.fact_budgets if f["origin"] == "table"}


def test_a_column_under_a_group_head_is_never_the_group():
    got = _table_amounts(TABLE3)
    assert got.get("basic") != "2,906.80"  # the wrong fact of issue 14
    # 人员支出 | 日常公用支出 are parts of 基本支出: not read as the department's here (the text's 人员支出 of
    # 一般公共预算基本支出…其中： would be compared with them), left unread rather than read as 基本支出
    assert got == {"total": "5,876.67", "project": "2,131.61"}
    ex = extract(read_document(TABLE3.encode("utf-8"), Settings()), "d")
    left = {u["text"] for u in ex.unrecognised if u["reason"].startswith("numeric cell")}
    assert {"2,906.80", "838.27"} <= left


def test_a_subtotal_under_a_group_head_is_the_group_but_a_funds_table_is_no_department_total():
    # 表5's 合计 row is the general public budget's: none of it is the department's total or 基本支出
    assert _table_amounts(TABLE5) == {}
    # the same heads in a department's table: 小计 under 基本支出 is 基本支出
    dept = TABLE5.replace("表5：2026年市级部门一般公共预算支出预算表", "表3：2026年市级部门支出预算总表")
    assert _table_amounts(dept) == {"total": "5,753.07", "basic": "3,745.07", "project": "2,008.00"}
