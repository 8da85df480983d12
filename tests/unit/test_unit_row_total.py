"""A classification table that prints no 合计 row but the reporting unit's own row above its classes
(深圳's 部门预算: 预算单位 | 科目编码 | 科目名称 | 支出总计 | 基本支出 | 项目支出, then 深圳市审计局 | | |
10,737.69 | 9,206.23 | 1,531.45, then 201 | 一般公共服务支出 …): the unit's row is the table's total, the
sum of its 类 rows, as a 合计 row is. A row naming another unit is not.

Rows from 2026年深圳市审计局部门预算 p.29 (一般公共预算支出预算表; the PDF in
../shared/real-pdfs/budgets-2026), read by hand; the 类 rows of the page add up to the unit's row
(6,960.90 + 46.05 + 1,743.43 + 203.66 + 1,783.65 = 10,737.69)."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.ingest.read import read_document
from pipeline.settings import Settings


def _td(*cells: str) -> str:
    return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def _cells(*cells: str) -> str:
    return "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def _doc(unit_row: str) -> str:
    return "\n".join([
        "2026年深圳市审计局部门预算", "一般公共预算支出预算表", "单位：万元", "<table>",
        _td("预算单位", "科目编码", "科目名称", "支出总计", "基本支出", "项目支出"),
        _td(unit_row, "", "", "10,737.69", "9,206.23", "1,531.45"),
        _td("", "201", "一般公共服务支出", "6,960.90", "5,466.52", "1,494.38"),
        _td("", "20108", "审计事务", "6,960.90", "5,466.52", "1,494.38"),
        _td("", "205", "教育支出", "46.05", "8.98", "37.07"),
        _td("", "20508", "进修及培训", "46.05", "8.98", "37.07"),
        _td("", "208", "社会保障和就业支出", "1,743.43", "1,743.43", "0.00"),
        _td("", "210", "卫生健康支出", "203.66", "203.66", "0.00"),
        _td("", "221", "住房保障支出", "1,783.65", "1,783.65", "0.00"),
        "</table>",
    ])


def _sums(text: str):
    ex = extract(read_document(text.encode("utf-8"), Settings()), "d")
    return ex, {s["total_text"]: (s["parts_count"], round(s["parts_sum"], 2)) for s in ex.table_sums}


def test_the_units_own_row_totals_its_classes():
    ex, sums = _sums(_doc("深圳市审计局"))
    assert sums == {"10,737.69": (5, 10737.69), "9,206.23": (5, 9206.24), "1,531.45": (5, 1531.45)}
    assert not [u for u in ex.unrecognised if u["text"] in ("10,737.69", "9,206.23", "1,531.45")]


def test_another_units_row_is_no_total():
    ex, sums = _sums(_doc("深圳市财政局"))
    assert sums == {}
    assert {u["text"] for u in ex.unrecognised} >= {"10,737.69", "9,206.23", "1,531.45"}


def test_a_misprinted_unit_row_is_found():
    # planted: the unit's 支出总计 one hundred off the sum of its classes
    _ex, sums = _sums(_doc("深圳市审计局").replace("10,737.69", "10,837.69"))
    assert sums["10,837.69"] == (5, 10737.69)


# 2026年深圳市审计局部门预算 p.34 “三公”经费预算表 (the whole table, read by hand): the unit's row over its
# years (2025年 | 2026年 | 增减变化金额), each 三公 item split by fund source.
_FUNDS = ["一般公共预算", "政府性基金预算", "国有资本经营预算"]
SANGONG = "\n".join([
    "2026年深圳市审计局部门预算", "“三公”经费预算表", "单位：万元", "<table>",
    "<tr><td rowspan=\"3\">预算单位</td><td rowspan=\"3\">年度</td><td colspan=\"3\" rowspan=\"2\">总计</td>"
    "<td colspan=\"3\" rowspan=\"2\">因公出国(境)费</td><td colspan=\"3\" rowspan=\"2\">公务接待费</td>"
    "<td colspan=\"9\">公务用车购置及运行维护费</td></tr>",
    "<tr><td colspan=\"3\">小计</td><td colspan=\"3\">公务用车购置费</td><td colspan=\"3\">公务用车运行维护费</td></tr>",
    _td(*(_FUNDS * 6)),
    "<tr><td rowspan=\"3\">深圳市审计局</td>" + _cells("2025年", "40.31", "0.00", "0.00", "0.80", "0.00", "0.00", "3.51", "0.00",
                                                   "0.00", "36.00", "0.00", "0.00", "30.00", "0.00", "0.00", "6.00", "0.00",
                                                   "0.00"),
    _td("2026年", "35.10", "0.00", "0.00", "28.00", "0.00", "0.00", "3.50", "0.00", "0.00", "3.60", "0.00", "0.00",
        "0.00", "0.00", "0.00", "3.60", "0.00", "0.00"),
    _td("增减变化金额", "-5.21", "0.00", "0.00", "27.20", "0.00", "0.00", "-0.01", "0.00", "0.00", "-32.40", "0.00",
        "0.00", "-30.00", "0.00", "0.00", "-2.40", "0.00", "0.00"),
    "</table>",
])


def test_a_sangong_table_with_year_rows_and_fund_columns():
    ex = extract(read_document(SANGONG.encode("utf-8"), Settings()), "d")
    got = {(f["period"], f["label_text"]): f["reported_text"] for f in ex.fact_budgets if f["source_ref"].find("table=") >= 0}
    # each figure a listed line of its item and fund source, in the year its row names; never the item's own figure
    assert got[("prior", "深圳市审计局 因公出国(境)费 一般公共预算")] == "0.80"
    assert got[("current", "深圳市审计局 因公出国(境)费 一般公共预算")] == "28.00"
    assert got[("current", "深圳市审计局 公务用车购置及运行维护费 公务用车运行维护费 一般公共预算")] == "3.60"
    assert len(got) == 36 and {f["line_item"] for f in ex.fact_budgets if "table=" in f["source_ref"]} == {"listed"}
    # the change row is each column's 2026 less its 2025 (0.00 changes set aside)
    assert sorted(c["reported_text"] for c in ex.fact_changes) == ["-0.01", "-2.40", "-30.00", "-32.40", "-5.21", "27.20"]
    assert not [u for u in ex.unrecognised if u["what"] in ("cell", "table") and "table=" in u["source_ref"]]


def test_a_change_that_is_not_the_difference_stays_unread():
    # planted: 因公出国(境)费's change printed 72.20 where 28.00 - 0.80 = 27.20
    ex = extract(read_document(SANGONG.replace("27.20", "72.20").encode("utf-8"), Settings()), "d")
    assert "72.20" not in {c["reported_text"] for c in ex.fact_changes}
    assert "72.20" in {u["text"] for u in ex.unrecognised}
