"""“三公”经费 tables with a row per unit (issue 13, coverage): 单位名称 | “三公”经费合计 | 因公出国(境)
费用 | … over a 合计 row and each unit's row, in some printed for two years and their change
(上年 | 当年 | 增减变化情况). The 合计 row is the report's own figures (its stage, the period its
year or 上年/当年 says), each unit's row a listed line named by its code, unit and headers; a
change is read with the two figures it compares; a bare 合计 of the 三公 items and of 会议费 /
培训费 is not the “三公” total. Figures read by hand from the PDFs named (never committed)."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.ingest.read import read_document
from pipeline.settings import Settings


def _extract(text: str):
    return extract(read_document(text.encode("utf-8"), Settings()), "d")


def _facts(ex) -> dict[tuple[str, str, str], str]:
    return {(f["line_item"], f["period"], f["label_text"]): f["reported_text"] for f in ex.fact_budgets
            if f["table_kind"] == "column_items" and f["stage"] == "initial"}


# 杭州市公安局2026年度部门预算.pdf p.29 表7 (first three unit rows), as printed.
HANGZHOU = """杭州市公安局2026年度部门预算
表7：2026年市级部门一般公共预算“三公”经费预算表
部门名称：杭州市公安局 单位：万元
<table>
<tr><td rowspan="2">单位名称</td><td rowspan="2">“三公”经费合计</td><td rowspan="2">因公出国(境)费用</td><td colspan="3">公务用车购置及运行费</td><td rowspan="2">公务接待费</td></tr>
<tr><td>小计</td><td>公务用车购置费</td><td>公务用车运行维护费</td></tr>
<tr><td>**</td><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td><td>6</td></tr>
<tr><td>合计</td><td>4,112.82</td><td></td><td>4,011.89</td><td>1,024.69</td><td>2,987.20</td><td>100.93</td></tr>
<tr><td>杭州市公安局</td><td>887.56</td><td></td><td>827.56</td><td>102.96</td><td>724.60</td><td>60.00</td></tr>
<tr><td>杭州市公安局交通管理支队</td><td>1,960.35</td><td></td><td>1,945.35</td><td>594.75</td><td>1,350.60</td><td>15.00</td></tr>
</table>
"""


def test_the_total_row_is_the_reports_own_and_unit_rows_are_listed():
    got = _facts(_extract(HANGZHOU))
    assert got[("sangong", "current", "“三公”经费合计")] == "4,112.82"
    assert got[("sangong_vehicle", "current", "小计")] == "4,011.89"
    assert got[("sangong_vehicle_purchase", "current", "公务用车购置费")] == "1,024.69"
    assert got[("sangong_vehicle_operation", "current", "公务用车运行维护费")] == "2,987.20"
    assert got[("sangong_reception", "current", "公务接待费")] == "100.93"
    assert got[("listed", "current", "杭州市公安局交通管理支队 公务用车购置及运行费 公务用车购置费")] == "594.75"
    assert got[("listed", "current", "杭州市公安局 “三公”经费合计")] == "887.56"
    assert not any(k[1] != "current" for k in got)
    assert "1" not in got.values()  # the line numbering the columns is no figure


# 长沙市公安局2025年部门预算公开.pdf p.21, as printed (部门名称 over 合计 and one unit).
CHANGSHA = """长沙市公安局2025年部门预算公开
2025年一般公共预算“三公”经费支出情况表
单位名称：长沙市公安局 单位：万元
<table>
<tr><td rowspan="2">部门名称</td><td colspan="6">三公经费预（决）算数（财政拨款）</td></tr>
<tr><td>小计</td><td>公务接待费</td><td>因公出国（境）费</td><td>公务用车购置及运行费</td><td>其中：公务用车购置</td><td>其中：公务用车运行费</td></tr>
<tr><td>合计</td><td>458.50</td><td>28.50</td><td>30.00</td><td>400.00</td><td>150.00</td><td>250.00</td></tr>
<tr><td>106_长沙市公安局</td><td>458.50</td><td>28.50</td><td>30.00</td><td>400.00</td><td>150.00</td><td>250.00</td></tr>
</table>
"""


def test_a_heading_over_the_items_and_parts_printed_with_qizhong():
    got = _facts(_extract(CHANGSHA))
    assert got[("sangong", "current", "小计")] == "458.50"
    assert got[("sangong_abroad", "current", "因公出国(境)费")] == "30.00"
    assert got[("sangong_vehicle_purchase", "current", "其中:公务用车购置")] == "150.00"
    assert got[("sangong_vehicle_operation", "current", "其中:公务用车运行费")] == "250.00"
    assert got[("listed", "current", "106_长沙市公安局 三公经费预(决)算数(财政拨款) 小计")] == "458.50"


# 西安市财政局（汇总）2026年部门预算.pdf p.43, 合计 and two unit rows, as printed (单位：元).
XIAN = """西安市财政局（汇总）2026年部门预算
部门综合预算一般公共预算拨款“三公”经费及会议费、培训费支出预算表
单位：元
<table>
<tr><td rowspan="4">单位编码</td><td rowspan="4">单位名称</td><td colspan="9">上年</td><td colspan="9">当年</td><td colspan="9">增减变化情况</td></tr>
<tr><td rowspan="3">合计</td><td colspan="6">一般公共预算拨款安排的“三公”经费预算</td><td rowspan="3">会议费</td><td rowspan="3">培训费</td><td rowspan="3">合计</td><td colspan="6">一般公共预算拨款安排的“三公”经费预算</td><td rowspan="3">会议费</td><td rowspan="3">培训费</td><td rowspan="3">合计</td><td colspan="6">一般公共预算拨款安排的“三公”经费预算</td><td rowspan="3">会议费</td><td rowspan="3">培训费</td></tr>
<tr><td rowspan="2">小计</td><td rowspan="2">因公出国（境）费用</td><td rowspan="2">公务接待费</td><td colspan="3">公务用车购置及运行维护费</td><td rowspan="2">小计</td><td rowspan="2">因公出国（境）费用</td><td rowspan="2">公务接待费</td><td colspan="3">公务用车购置及运行维护费</td><td rowspan="2">小计</td><td rowspan="2">因公出国（境）费用</td><td rowspan="2">公务接待费</td><td colspan="3">公务用车购置及运行维护费</td></tr>
<tr><td>小计</td><td>公务用车购置费</td><td>公务用车运行维护费</td><td>小计</td><td>公务用车购置费</td><td>公务用车运行维护费</td><td>小计</td><td>公务用车购置费</td><td>公务用车运行维护费</td></tr>
<tr><td colspan="2">合计</td><td>2,480,000.00</td><td>265,000.00</td><td></td><td>90,000.00</td><td>175,000.00</td><td></td><td>175,000.00</td><td>506,800.00</td><td>1,708,200.00</td><td>2,083,436.00</td><td>219,000.00</td><td></td><td>80,000.00</td><td>139,000.00</td><td></td><td>139,000.00</td><td>461,836.00</td><td>1,402,600.00</td><td>-396,564.00</td><td>-46,000.00</td><td></td><td>-10,000.00</td><td>-36,000.00</td><td></td><td>-36,000.00</td><td>-44,964.00</td><td>-305,600.00</td></tr>
<tr><td>116001</td><td>西安市财政局</td><td>640,800.00</td><td>230,000.00</td><td></td><td>80,000.00</td><td>150,000.00</td><td></td><td>150,000.00</td><td>360,800.00</td><td>50,000.00</td><td>582,836.00</td><td>203,000.00</td><td></td><td>80,000.00</td><td>123,000.00</td><td></td><td>123,000.00</td><td>339,836.00</td><td>40,000.00</td><td>-57,964.00</td><td>-27,000.00</td><td></td><td></td><td>-27,000.00</td><td></td><td>-27,000.00</td><td>-20,964.00</td><td>-10,000.00</td></tr>
<tr><td>116003</td><td>西安市财政投资评审中心</td><td>20,000.00</td><td>10,000.00</td><td></td><td>10,000.00</td><td></td><td></td><td></td><td>10,000.00</td><td></td><td></td><td></td><td></td><td></td><td></td><td></td><td></td><td></td><td></td><td>-20,000.00</td><td>-10,000.00</td><td></td><td>-10,000.00</td><td></td><td></td><td></td><td>-10,000.00</td><td></td></tr>
</table>
"""


def test_two_years_and_their_change():
    ex = _extract(XIAN)
    got = _facts(ex)
    assert got[("sangong", "prior", "小计")] == "265,000.00"
    assert got[("sangong", "current", "小计")] == "219,000.00"
    assert got[("sangong_vehicle", "current", "小计")] == "139,000.00"
    assert got[("meeting", "current", "会议费")] == "461,836.00"
    assert got[("training", "prior", "培训费")] == "1,708,200.00"
    # 合计 counts 会议费 and 培训费 too: never the “三公” total
    assert "2,083,436.00" not in {v for k, v in got.items() if k[0] != "listed"}
    assert got[("listed", "current", "116001 西安市财政局 合计")] == "582,836.00"
    assert got[("listed", "prior", "116001 西安市财政局 一般公共预算拨款安排的“三公”经费预算 公务接待费")] == "80,000.00"
    ch = {(c["line_item"], c["reported_text"]): (c["level_text"], c["prior_text"], c["direction"])
          for c in ex.fact_changes if c["origin"] == "table"}
    assert ch[("sangong", "-46,000.00")] == ("219,000.00", "265,000.00", -1)
    assert ch[("training", "-305,600.00")] == ("1,402,600.00", "1,708,200.00", -1)
    assert ch[("listed", "-57,964.00")] == ("582,836.00", "640,800.00", -1)
    # a unit with nothing this year: its blank current figures compare nothing, its changes unread
    assert ("listed", "-20,000.00") not in ch


def test_not_read_outside_a_budget_or_final_accounts():
    assert _facts(_extract(HANGZHOU.replace("部门预算", "项目绩效自评"))) == {}


# 西安市商务局2022年部门综合预算.pdf p.62 (序号 before the unit's columns; years over the items), 合计 row.
XIAN_SEQ = """西安市商务局2022年部门综合预算
2022年部门综合预算一般公共预算拨款“三公”经费、会议费、培训费表（不含上年结转）
金额单位：元
<table>
<tr><td rowspan="4">序号</td><td rowspan="4">单位编码</td><td rowspan="4">单位名称</td><td colspan="9">2021年</td><td colspan="9">2022年</td></tr>
<tr><td rowspan="3">合计</td><td colspan="6">一般公共预算拨款安排的“三公”经费预算</td><td rowspan="3">会议费</td><td rowspan="3">培训费</td><td rowspan="3">合计</td><td colspan="6">一般公共预算拨款安排的“三公”经费预算</td><td rowspan="3">会议费</td><td rowspan="3">培训费</td></tr>
<tr><td rowspan="2">小计</td><td rowspan="2">因公出国（境）费用</td><td rowspan="2">公务接待费</td><td colspan="3">公务用车购置及运行维护费</td><td rowspan="2">小计</td><td rowspan="2">因公出国（境）费用</td><td rowspan="2">公务接待费</td><td colspan="3">公务用车购置及运行维护费</td></tr>
<tr><td>小计</td><td>公务用车购置费</td><td>公务用车运行费</td><td>小计</td><td>公务用车购置费</td><td>公务用车运行费</td></tr>
<tr><td>1</td><td></td><td>合计</td><td>322425.00</td><td>68300.00</td><td>0.00</td><td>68300.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>59337.50</td><td>194787.50</td><td>582902.00</td><td>343000.00</td><td>0.00</td><td>68000.00</td><td>275000.00</td><td>0.00</td><td>275000.00</td><td>26052.00</td><td>213850.00</td></tr>
</table>
"""


def test_a_row_number_column_before_the_units():
    got = _facts(_extract(XIAN_SEQ))
    assert got[("sangong", "prior", "小计")] == "68300.00"
    assert got[("sangong", "current", "小计")] == "343000.00"
    assert got[("sangong_vehicle_operation", "current", "公务用车运行费")] == "275000.00"
    assert got[("training", "current", "培训费")] == "213850.00"


# 长春市信访局（本级）2026年度部门预算.pdf p.12 预算表7, as printed: the items under 当年预算 and again under
# 上年结转结余, 因公出国（境）费 over 小计 | 因公出国（境）费 | 科研因公出国（境）费用.
CHANGCHUN = """长春市信访局2026年度部门预算
本年一般公共预算“三公”经费支出表(预算表7)
预算单位：长春市信访局 单位：万元
<table>
<tr><td rowspan="3">“三公”经费合计</td><td colspan="8">当年预算</td><td colspan="8">上年结转结余</td></tr>
<tr><td rowspan="2">小计</td><td colspan="3">因公出国（境）费</td><td colspan="3">公务用车购置及运行费</td><td rowspan="2">公务接待费</td><td rowspan="2">小计</td><td colspan="3">因公出国（境）费</td><td colspan="3">公务用车购置及运行费</td><td rowspan="2">公务接待费</td></tr>
<tr><td>小计</td><td>因公出国（境）费</td><td>科研因公出国（境）费用</td><td>小计</td><td>公务用车购置费</td><td>公务用车运行费</td><td>小计</td><td>因公出国（境）费</td><td>科研因公出国（境）费用</td><td>小计</td><td>公务用车购置费</td><td>公务用车运行费</td></tr>
<tr><td>7.61</td><td>7.61</td><td>0.00</td><td>0.00</td><td>0.00</td><td>6.75</td><td>0.00</td><td>6.75</td><td>0.86</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>
</table>
"""


def test_carried_over_funds_and_a_part_named_as_its_item_are_unread():
    ex = _extract(CHANGCHUN)
    got = [(f["line_item"], f["reported_text"], f["source_ref"]) for f in ex.fact_budgets if f["table_kind"] == "column_items"]
    items = [g[0] for g in got]
    assert len(items) == len(set(items))  # each item once: nothing read again under 上年结转结余
    assert dict((g[0], g[1]) for g in got) == {
        "sangong": "7.61", "sangong_abroad": "0.00", "sangong_vehicle": "6.75", "sangong_vehicle_purchase": "0.00",
        "sangong_vehicle_operation": "6.75", "sangong_reception": "0.86"}
    # 因公出国（境）费 beside 科研因公出国（境）费用 is one part of 因公出国（境）费: its 小计 is the item
    assert next(g[2] for g in got if g[0] == "sangong_abroad").endswith("col=3")
