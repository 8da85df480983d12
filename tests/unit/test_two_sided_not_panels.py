"""A two-sided summary whose sides each print several amount columns (项目 | 本年预算 | 编制预算 | 上年结转,
twice: 长春) is one table of two sides (issue 13), read by read_two_sided with both sides; only a unit
opening with codes or another head (类 | 款 | 科目名称 | 决算数, twice) is a panel of its own.

收支总表（预算表1） of 长春市信访局（本级）2026年度部门预算 p.6 (PDF in /tmp/audit-docs/renwu, never
committed), as printed, read by hand."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.extract.panels import split_panels
from pipeline.ingest.read import read_document
from pipeline.model import Cell, Table
from pipeline.settings import Settings


def _td(*cells: str) -> str:
    return "<tr>" + "".join(c if c.startswith("<td") else f"<td>{c}</td>" for c in cells) + "</tr>"


ZEROS = ("0.00", "0.00", "0.00")
CHANGCHUN = "\n".join([
    "长春市信访局（本级）2026年度部门预算", "收支总表（预算表1）", "预算单位：长春市信访局 单位：万元", "<table>",
    _td('<td colspan="4">收 入</td>', '<td colspan="4">支 出</td>'),
    _td("项 目", "本年预算", "编制预算", "上年结转", "项 目", "本年预算", "编制预算", "上年结转"),
    _td("一、财政拨款收入", "1682.76", "1682.76", "0.00", "一、一般公共服务支出", "1378.41", "1378.41", "0.00"),
    _td("一般公共预算拨款收入", "1682.76", "1682.76", "0.00", "二、社会保障和就业支出", "178.42", "178.42", "0.00"),
    _td("政府性基金预算拨款收入", *ZEROS, "三、卫生健康支出", "32.65", "32.65", "0.00"),
    _td("国有资本经营预算拨款收入", *ZEROS, "四、住房保障支出", "93.27", "93.27", "0.00"),
    _td("二、财政专户管理资金收入", *ZEROS, "", "", "", ""),
    _td("三、单位资金收入", *ZEROS, "", "", "", ""),
    _td("事业收入", *ZEROS, "", "", "", ""),
    _td("本年收入合计", "1682.76", "1682.76", "0.00", "本年支出合计", "1682.76", "1682.76", "0.00"),
    _td("", "", "", "", "结转下年支出", "0.00", "0.00", ""),
    _td("收入总计", "1682.76", "1682.76", "0.00", "支出总计", "1682.76", "1682.76", "0.00"),
    "</table>",
])


def test_a_summary_with_three_amount_columns_a_side_is_read_as_two_sides():
    ex = extract(read_document(CHANGCHUN.encode("utf-8"), Settings()), "d")
    got = {f["line_item"]: f["reported_text"] for f in ex.fact_budgets if f["table_kind"] == "two_sided"}
    assert got["fiscal"] == "1682.76" and got["general_public_budget"] == "1682.76"
    assert got["func:201"] == "1378.41" and got["func:208"] == "178.42" and got["func:210"] == "32.65"
    assert got["func:221"] == "93.27" and got["current_income"] == "1682.76"
    # each row's first amount is its line item's; 编制预算 / 上年结转 beside it are never line items of their own
    assert all(f["source_ref"].endswith(("col=2", "col=6")) for f in ex.fact_budgets if f["table_kind"] == "two_sided")


def _row(r: int, *texts: str) -> list[Cell]:
    return [Cell(row=r, col=i + 1, text=t) for i, t in enumerate(texts)]


def test_panels_of_a_classification_are_still_split():
    t = Table(index=1, page=1, caption="", rows=[
        _row(0, "类", "款", "科目名称", "决算数", "类", "款", "科目名称", "决算数"),
        _row(1, "201", "", "一般公共服务支出", "5.00", "208", "", "社会保障和就业支出", "3.00"),
    ])
    assert len(split_panels(t)) == 2
    sides = Table(index=2, page=1, caption="", rows=[
        _row(0, "项目", "本年预算", "编制预算", "上年结转", "项目", "本年预算", "编制预算", "上年结转"),
    ])
    assert split_panels(sides) == [sides]
