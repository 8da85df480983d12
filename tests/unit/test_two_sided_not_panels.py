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


# 西安市财政局（汇总）2026年部门预算 p.25 表1 部门综合预算收支总表 (its first eleven lines, the 一、部门预算
# line as printed; PDF in /tmp/audit-docs/renwu): one income side and three spending sides — by function,
# by 部门预算支出经济分类 and by 政府预算支出经济分类 — each opening with the same 一、部门预算 line.
XIAN = "\n".join([
    "西安市财政局（汇总）2026年部门预算", "部门综合预算收支总表", "单位：元", "<table>",
    _td('<td colspan="2">收入</td>', '<td colspan="6">支出</td>'),
    _td("项目", "预算数", "支出功能分类科目（按大类）", "预算数", "部门预算支出经济分类科目（按大类）", "预算数",
        "政府预算支出经济分类科目（按大类）", "预算数"),
    _td("一、部门预算", "303,312,586.17", "一、部门预算", "303,312,586.17", "一、部门预算", "303,312,586.17",
        "一、部门预算", "303,312,586.17"),
    _td("1、财政拨款", "303,312,586.17", "1、一般公共服务支出", "103,518,755.35", "1、人员经费和公用经费支出",
        "79,108,250.17", "1、机关工资福利支出", "59,775,528.93"),
    _td("(1)一般公共预算拨款", "303,312,586.17", "2、外交支出", "", "(1)工资福利支出", "70,538,345.59",
        "2、机关商品和服务支出", "28,611,570.48"),
    _td("(2)政府性基金拨款", "", "3、国防支出", "", "(2)商品和服务支出", "7,072,230.94", "3、机关资本性支出", "593,000.00"),
    _td("(3)国有资本经营预算收入", "", "4、公共安全支出", "", "(3)对个人和家庭的补助", "1,497,673.64",
        "4、机关资本性支出（基本建设）", ""),
    _td("2、上级补助收入", "", "5、教育支出", "5,465,892.73", "(4)资本性支出", "", "5、对事业单位经常性补助", "42,674,813.12"),
    _td("3、事业收入", "", "6、科学技术支出", "", "2、专项业务经费支出", "224,204,336.00", "6、对事业单位资本性补助", ""),
    _td("", "", "24、其他支出", "", "(10)其他支出", "", "11、其他支出", ""),
    _td("本年收入合计", "303,312,586.17", "本年支出合计", "303,312,586.17", "本年支出合计", "303,312,586.17",
        "本年支出合计", "303,312,586.17"),
    "</table>",
])


def test_four_sides_by_function_and_by_two_economic_classifications():
    ex = extract(read_document(XIAN.encode("utf-8"), Settings()), "d")
    got = {(f["line_item"], f["source_ref"].rsplit(";", 1)[1]): f["reported_text"]
           for f in ex.fact_budgets if f["table_kind"] == "two_sided"}
    assert got[("fiscal", "col=2")] == "303,312,586.17"
    assert got[("func:201", "col=4")] == "103,518,755.35" and got[("func:205", "col=4")] == "5,465,892.73"
    # 人员经费和公用经费 make 基本支出; 专项业务经费 is 西安's 项目支出
    assert got[("basic", "col=6")] == "79,108,250.17" and got[("project", "col=6")] == "224,204,336.00"
    # the economic classes under them, and the 政府预算 side (11、其他支出 is 599, no functional 229), stay unread
    assert not any(col == "col=8" for _item, col in got)
    assert ("func:229", "col=8") not in got and ("func:229", "col=6") not in got
    assert not any(item.startswith("econ:") for item, _col in got)


def test_a_repeated_line_of_figures_is_no_header_of_panels():
    t = Table(index=3, page=1, caption="", rows=[
        _row(0, "一、财政拨款", "303,312,586.17", "一、财政拨款", "303,312,586.17",
             "一、财政拨款", "303,312,586.17", "一、财政拨款", "303,312,586.17"),
    ])
    assert split_panels(t) == [t]
