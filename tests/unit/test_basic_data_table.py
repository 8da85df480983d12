"""Hunan's 部门整体支出绩效评价基础数据表 (经费控制情况), printed one cell per paragraph with blank
lines and years set apart from 年 ('2022 年决算数'): read by vocab/templates/disclosure/basic_data.toml.
Real snippet: 衡山县贯塘乡人民政府 2023 (figures read by hand)."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text
from tests.checks_harness import check_text, failures

CELLS = ["2023年度部门整体支出绩效自评报告", "经费控制情况(万元", "2022 年决算数", "2023 年预算数", "2023 年决算数",
         "三公经费:", "0", "0", "0", "1、公务用车购置和维护经费", "0", "0", "0", "其中:公车购置", "0", "0", "0",
         "公车运行维护", "0", "0", "0", "2、出国经费", "0", "0", "0", "3、公务接待", "0", "0", "0",
         "项目支出:", "874.20", "308.17", "1025.20", "公用经费", "118.31", "85.76", "193.42",
         "其中:办公经费", "29.35", "27.00", "49.09", "水费、电费、差旅费", "8.80", "13.00", "12.64",
         "会议费、培训费", "4.92", "3.00", "5.42", "政府采购金额", "\u00a0"]
# The same report's whole-department form, one cell per paragraph too: its 年度资金总额 is no sum
# of the data table's rows.
FORM = ["2023年度部门整体支出绩效自评表", "预算部门、单位名称", "衡山县贯塘乡人民政府", "年度预算申请", "(万元",
        "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "自评得分", "年度资金总额", "861.10", "2030.12",
        "2030.12", "10", "100%", "10", "按收入性质分:2030.12", "按支出性质分:1925.67", "年度总体目标"]


def _text() -> str:
    return "\n\n".join(CELLS + FORM)


def test_prior_and_current_columns_of_the_basic_data_table() -> None:
    ex = extract(read_text(_text().encode("utf-8")), "t")
    execs = {(f["line_item"], f.get("period")): f["executed_yuan"] for f in ex.fact_executions
             if f["table_kind"] == "template:basic_data_table"}
    assert execs[("project", "prior")] == Decimal("8742000.00")
    assert execs[("project", "current")] == Decimal("10252000.00")
    assert execs[("public_operating", "current")] == Decimal("1934200.00")



def test_of_which_rows_are_listed_lines_never_summed() -> None:
    """其中:办公经费 and the rows after it list some parts of 公用经费 only: each a `listed` line
    with its printed label, and no sum is checked over them."""
    ex = extract(read_text(_text().encode("utf-8")), "t")
    listed = {(f["label_text"], f.get("period")): f["executed_yuan"] for f in ex.fact_executions
              if f["line_item"] == "listed"}
    assert listed == {
        ("办公经费", "prior"): Decimal("293500.00"), ("办公经费", "current"): Decimal("490900.00"),
        ("水费、电费、差旅费", "prior"): Decimal("88000.00"), ("水费、电费、差旅费", "current"): Decimal("126400.00"),
        ("会议费、培训费", "prior"): Decimal("49200.00"), ("会议费、培训费", "current"): Decimal("54200.00"),
    }
    budgets = {f["label_text"]: f["amount_yuan"] for f in ex.fact_budgets if f["line_item"] == "listed"}
    assert budgets == {"办公经费": Decimal("270000.00"), "水费、电费、差旅费": Decimal("130000.00"),
                       "会议费、培训费": Decimal("30000.00")}
    assert not ex.table_sums
    assert not any(u["text"] in ("29.35", "8.80", "5.42") for u in ex.unrecognised)


def test_unnamed_rows_without_of_which_stay_unread() -> None:
    """An unnamed row not introduced by 其中 under a named row is no part of anything read."""
    cells = CELLS[: CELLS.index("其中:办公经费")] + ["办公经费", "29.35", "27.00", "49.09"]
    ex = extract(read_text("\n\n".join(cells + FORM).encode("utf-8")), "t")
    assert not [f for f in ex.fact_executions if f["line_item"] == "listed"]
    assert any(u["text"] == "29.35" for u in ex.unrecognised)


def test_two_tables_rendered_as_text_are_never_summed_together() -> None:
    df, _ = check_text(_text())
    assert failures(df).empty
