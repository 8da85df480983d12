"""Sums on tables classifying by two schemes or printing two years in one row (issue 14), rebuilt
from real 2026 部门预算 pages (山东 烟台, github calinchow-del/renwu 预算数据/), figures read by hand.

- 烟台市审计局 公开表6 一般公共预算基本支出情况表 (p.17): each 部门经济分类 class is printed once
  per 政府经济分类 class (301 工资福利支出 under 501 机关工资福利支出 1,812.81 and again under 505
  对事业单位经常性补助 509.37). Its items belong to the copy printed above them; summed under one
  copy (552.87 against 509.37) they raised a false line_item_sum.
- 烟台市财政局 公开表7 “三公”经费预算情况表 (p.21): one row holds 2025年 and 2026年 side by side,
  each with 合计, 因公出国(境)经费, 公务用车 小计/购置/运行, 公务接待费. A row's parts cannot be
  told apart by the row when its items are printed twice in it: incomplete, never an error."""

from __future__ import annotations

import pandas as pd

from pipeline.checks.identities import residuals
from pipeline.model import Cell, Document, Paragraph, Table
from pipeline.warehouse.write import extend_classification
from tests.unit.test_precision_disclosure import check_document as _check


def check_document(doc: Document) -> tuple[pd.DataFrame, object]:
    """As `bpw run`: the classification codes found join the line-item tree before the checks."""
    _, con = _check(doc)
    extend_classification(con)
    return residuals(con), con

HEAD = [
    ["科目编码", "", "部门预算支出经济分类科目名称", "科目编码", "", "政府预算支出经济分类科目名称", "基本支出预算", "", ""],
    ["类", "款", "", "类", "款", "", "小计", "人员支出", "日常公用支出"],
]
ROWS_501 = [("01", "基本工资", "442.38"), ("02", "津贴补贴", "474.33"), ("03", "奖金", "385.12"),
            ("08", "机关事业单位基本养老保险缴费", "170.61"), ("09", "职业年金缴费", "43.50"),
            ("10", "职工基本医疗保险缴费", "78.51"), ("11", "公务员医疗补助缴费", "42.86"),
            ("12", "其他社会保障缴费", "16.39"), ("13", "住房公积金", "159.11")]
ROWS_505 = [("01", "基本工资", "128.46"), ("02", "津贴补贴", "43.71"), ("03", "奖金", "100.66"),
            ("07", "绩效工资", "102.86"), ("08", "机关事业单位基本养老保险缴费", "50.40"),
            ("10", "职工基本医疗保险缴费", "22.75"), ("11", "公务员医疗补助缴费", "7.67"),
            ("12", "其他社会保障缴费", "7.11"), ("13", "住房公积金", "45.75")]


def _doc(rows: list[list[str]], caption: str) -> Document:
    table = Table(index=1, page=17, caption=caption,
                  rows=[[Cell(text=t, row=r, col=c) for c, t in enumerate(row, 1)] for r, row in enumerate(rows, 1)])
    return Document(file_format="pdf", blocks=[
        Paragraph(index=1, text="烟台市审计局2026年部门预算", page=1),
        Paragraph(index=2, text=caption, page=17),
        Paragraph(index=3, text="部门（单位）：烟台市审计局 单位：万元", page=17),
        table,
    ])


def _basic(first: str = "1,812.81", second: str = "509.37") -> Document:
    rows = [*HEAD, ["", "", "合计", "", "", "", "2,322.18", "2,322.18", ""],
            ["301", "", "工资福利支出", "501", "", "机关工资福利支出", first, first, ""]]
    rows += [["301", k, n, "501", "01", "工资奖金津补贴", v, v, ""] for k, n, v in ROWS_501]
    rows += [["301", "", "工资福利支出", "505", "", "对事业单位经常性补助", second, second, ""]]
    rows += [["301", k, n, "505", "01", "工资福利支出", v, v, ""] for k, n, v in ROWS_505]
    return _doc(rows, "公开表6 一般公共预算基本支出情况表")


def _sums(df: pd.DataFrame) -> pd.DataFrame:
    return df[(df["check_name"] == "line_item_sum") & df["subject_key"].str.startswith("econ:301:")]


def test_items_sum_to_the_copy_printed_above_them():
    df, _ = check_document(_basic())
    s = _sums(df)
    assert len(s) >= 2 and (s["status"] == "passed").all(), s[["detail", "status"]]
    assert sorted(round(x, 2) for x in s["expected"] / 10_000) == [509.37, 1812.81]


def test_a_wrong_copy_is_still_found():
    df, _ = check_document(_basic(second="519.37"))
    s = _sums(df)
    bad = s[s["status"] == "failed"]
    assert len(bad) == 1 and round(bad["expected"].iloc[0] / 10_000, 2) == 519.37, s[["detail", "status"]]


# 烟台市财政局 公开表7 (p.21), 万元: 2025年 合计 10.40 = 出国 0 + 车 5.40 + 接待 5.00;
# 2026年 合计 23.40 = 出国 13.00 + 车 5.40 + 接待 5.00.
SANGONG = [
    ["2025年预算数", "", "", "", "", "", "2026年预算数", "", "", "", "", ""],
    ["因公出国(境)经费", "公务用车购置及运行维护费", "", "", "公务接待费", "合计",
     "因公出国(境)经费", "公务用车购置及运行维护费", "", "", "公务接待费", "合计"],
    ["", "小计", "公务用车购置费", "公务用车运行维护费", "", "", "", "小计", "公务用车购置费", "公务用车运行维护费", "", ""],
    ["", "5.40", "", "5.40", "5.00", "10.40", "13.00", "5.40", "", "5.40", "5.00", "23.40"],
]


def test_two_years_in_one_row_are_never_summed_across():
    df, _ = check_document(_doc(SANGONG, "公开表7 “三公”经费预算情况表"))
    s = df[df["check_name"] == "line_item_sum"]
    assert not (s["status"] == "failed").any(), s[["detail", "status"]]
