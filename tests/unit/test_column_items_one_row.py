"""“三公”经费 tables printed with their items as columns over one line of figures and no stage
line (issue 13, coverage): the figures are the report's own stage (预算 → initial), 会议费 / 培训费 /
机关运行经费 columns are their own line items, a bare 合计 over a table that also counts such
items is not the “三公” total, and a part the 三公 template does not name (运行费 under
公务用车购置及运行费) is left unread. Figures read by hand from ../shared/real-pdfs."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.ingest.read import read_document
from pipeline.settings import Settings


def _items(text: str) -> dict[str, tuple[str, str]]:
    ex = extract(read_document(text.encode("utf-8"), Settings()), "d")
    return {f["line_item"]: (f["reported_text"], f["stage"]) for f in ex.fact_budgets
            if f["table_kind"] == "column_items"}


# 无锡市商务局 2026 部门预算 p.21 公开09表, as printed.
WUXI = """无锡市商务局2026年度部门预算公开
一般公共预算“三公”经费、会议费、培训费支出表
部门：无锡市商务局 单位：万元
<table>
<tr><td rowspan="2">“三公”经费合计</td><td rowspan="2">因公出国（境）费</td><td colspan="3">公务用车购置及运行维护费</td><td rowspan="2">公务接待费</td><td rowspan="2">会议费</td><td rowspan="2">培训费</td></tr>
<tr><td>小计</td><td>公务用车购置费</td><td>公务用车运行维护费</td></tr>
<tr><td>6.40</td><td>0.00</td><td>2.80</td><td>0.00</td><td>2.80</td><td>3.60</td><td>2.80</td><td>10.00</td></tr>
</table>
"""


def test_items_over_one_line_of_figures():
    got = _items(WUXI)
    assert got["sangong"] == ("6.40", "initial")
    assert got["sangong_vehicle"] == ("2.80", "initial")  # 小计 under 公务用车购置及运行维护费
    assert got["sangong_vehicle_operation"] == ("2.80", "initial")
    assert got["sangong_reception"] == ("3.60", "initial")
    assert got["meeting"] == ("2.80", "initial") and got["training"] == ("10.00", "initial")


def test_no_stage_outside_budget_or_final_accounts():
    assert _items(WUXI.replace("部门预算公开", "项目绩效自评")) == {}


# 中共江苏省委办公厅 2017 部门预算 p.11, as printed: 合计 1,467.70 = 三公 509.20 + 会议费 933.50 + 培训费 25.00.
JIANGSU = """中共江苏省委办公厅2017年部门预算
<table>
<tr><td colspan="9">“三公”经费、会议费、培训费支出预算表</td></tr>
<tr><td rowspan="3">合计</td><td colspan="6">“三公”经费</td><td rowspan="3">会议费</td><td rowspan="3">培训费</td></tr>
<tr><td rowspan="2">小计</td><td rowspan="2">因公出国（境）费</td><td colspan="3">公务用车购置及运行维护费</td><td rowspan="2">公务接待费</td></tr>
<tr><td>小计</td><td>公务用车购置费</td><td>公务用车运行维护费</td></tr>
<tr><td>1,467.70</td><td>509.20</td><td>70.00</td><td>411.20</td><td></td><td>411.20</td><td>28.00</td><td>933.50</td><td>25.00</td></tr>
</table>
"""


def test_a_bare_total_over_other_items_is_not_the_sangong_total():
    got = _items(JIANGSU)
    assert got["sangong"] == ("509.20", "initial")  # the 小计 under “三公”经费, not 合计 1,467.70
    assert got["sangong_abroad"] == ("70.00", "initial")
    assert got["meeting"] == ("933.50", "initial")


# 上海交通职业技术学院 (上海市交通运输局 2026 部门预算 p.20), as printed.
SHANGHAI = """上海市交通运输局2026年部门预算
2026年单位“三公”经费和机关运行经费预算表
编制单位：上海交通职业技术学院 单位:万元
<table>
<tr><td colspan="6">“三公”经费预算数</td><td rowspan="3">机关运行经费预算数</td></tr>
<tr><td rowspan="2">合计</td><td rowspan="2">因公出国(境)费</td><td rowspan="2">公务接待费</td><td colspan="3">公务用车购置及运行费</td></tr>
<tr><td>小计</td><td>购置费</td><td>运行费</td></tr>
<tr><td>67.59</td><td>35.00</td><td>12.49</td><td>20.10</td><td></td><td>20.10</td><td></td></tr>
</table>
"""


def test_a_part_the_template_does_not_name_is_unread():
    got = _items(SHANGHAI)
    assert got["sangong_vehicle"] == ("20.10", "initial")
    assert got["sangong_abroad"] == ("35.00", "initial") and got["sangong_reception"] == ("12.49", "initial")
    # 运行费 20.10 is not read as 公务用车购置及运行费; with it unread, 合计 is not taken either
    assert "sangong_vehicle_operation" not in got and "sangong" not in got
