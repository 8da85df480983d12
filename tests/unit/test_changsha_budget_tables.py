"""长沙's 部门预算 tables (issue 13, coverage of numeric cells): the words its template prints.

- 收支总体情况表: 一、本级财政拨款收入 is the appropriation (`fiscal`; 上级补助收入 and 七、上年结转 are
  rows of their own).
- 财政拨款收支总体情况表: 一、本年收入 and 一、本年支出 over their numbered parts are this year's totals
  (set aside there as the department's totals, as every 财政拨款 table's are).
- 收入总体情况表: 本级财政拨款 (金额 | 其中:经费拨款): 经费拨款 is the part of 一般公共预算拨款 that is
  not 纳入预算管理的非税收入拨款 (湖南; 常德外国语学校 2022: 一般公共预算拨款3300.69万元(经费拨款
  3266.69万元,纳入预算管理的非税收入拨款34万元)), read as that part, never summed with its whole.
- A duty list cut into one-row tables ((1) | 贯彻执行…): the ordinal mark numbers its row, set aside.

Figures read by hand from 长沙职业教育基地综合协调办公室2026年部门预算公开 pp.4, 12, 13 and 长沙市公安局
2025年部门预算公开 p.16 (PDFs in /tmp/audit-docs/renwu, never committed)."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.ingest.read import read_document
from pipeline.settings import Settings

SUMMARY = """长沙职业教育基地综合协调办公室2026年部门预算公开
2026年部门收支总体情况表
单位名称：长沙职业教育基地综合协调办公室 单位：万元
| 收入 | | 支出 | |
| 项目 | 本年预算 | 项目 | 本年预算 |
| 一、本级财政拨款收入 | 656.73 | 一、基本支出 | 386.73 |
| 二、财政专户管理事业收入 | | 二、项目支出 | 270.00 |
| 三、事业单位经营服务收入 | | 三、事业单位经营支出 | |
| 四、上级补助收入 | | 四、对附属单位补助支出 | |
| 五、其它收入 | | 五、上缴上级支出 | |
| 六、事业收入 | | | |
| 本年收入合计 | 656.73 | 本年支出合计 | 656.73 |
| 七、上年结转 | | 六、结余分配 | |
| | | 七、结转下年 | |
| 收入总计 | 656.73 | 支出总计 | 656.73 |
"""

FISCAL = """长沙市公安局2025年部门预算公开
2025年财政拨款收支总体情况表
单位名称：长沙市公安局 单位：万元
| 收入 | | 支出 | | | | |
| 项目 | 金额 | 项目 | 合计 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算 |
| 一、本年收入 | 68,632.12 | 一、本年支出 | 68,632.12 | 68,632.12 | | |
| 1、一般公共预算拨款收入 | 68,632.12 | 1、一般公共服务支出 | 3.00 | 3.00 | | |
| 2、政府性基金预算拨款收入 | | 2、外交支出 | | | | |
| 3、国有资本经营预算拨款收入 | | 3、公共安全支出 | 68,629.12 | 68,629.12 | | |
"""

INCOME = """长沙市公安局2025年部门预算公开
2025年部门收入总体情况表
单位名称：长沙市公安局 单位：万元
| 类 | 款 | 项 | 功能科目 | 合计 | 本级财政拨款 | | 财政专户管理事业收入 | 事业单位经营服务收入 | 上级补助收入 | 其它收入 | 事业收入 | 上年结转 |
| | | | | | 金额 | 其中:经费拨款 | | | | | | |
| ** | ** | ** | ** | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 |
| | | | 合计 | 68,632.12 | 68,632.12 | 50,370.61 | | | | | | |
| 201 | | | 一般公共服务支出 | 3.00 | 3.00 | 3.00 | | | | | | |
| | 11 | | 纪检监察事务 | 3.00 | 3.00 | 3.00 | | | | | | |
| 201 | 11 | 99 | 其他纪检监察事务支出 | 3.00 | 3.00 | 3.00 | | | | | | |
| 204 | | | 公共安全支出 | 68,629.12 | 68,629.12 | 50,367.61 | | | | | | |
| | 02 | | 公安 | 68,629.12 | 68,629.12 | 50,367.61 | | | | | | |
| 204 | 02 | 01 | 行政运行 | 28,398.17 | 28,398.17 | 28,398.17 | | | | | | |
| 204 | 02 | 02 | 一般行政管理事务 | 36,490.02 | 36,490.02 | 18,228.51 | | | | | | |
"""

DUTIES = """长沙职业教育基地综合协调办公室2026年部门预算公开
第一部分 部门预算公开说明
一、部门基本概况
（一）职能职责
| (1) | 贯彻执行国家、省、市有关发展职业教育的方针政策 | ， |
研究制订并组织实施职业教育基地各项管理制度和改革措施。
| (2) | 参与编制职业教育基地中长期发展规划并组织实施。 |
"""


def _extract(text: str):
    return extract(read_document(text.encode("utf-8"), Settings()), "d")


def _left(ex) -> set[str]:
    return {u["text"] for u in ex.unrecognised if u["reason"].startswith("numeric cell")}


def test_the_appropriation_of_the_summary_table():
    ex = _extract(SUMMARY)
    got = {(f["line_item"], f["reported_text"]) for f in ex.fact_budgets if f["origin"] == "table"}
    assert ("fiscal", "656.73") in got
    assert {("basic", "386.73"), ("project", "270.00")} <= got
    assert "656.73" not in _left(ex)


def test_this_years_totals_of_the_appropriation_table_are_set_aside():
    ex = _extract(FISCAL)
    got = {(f["line_item"], f["reported_text"]) for f in ex.fact_budgets if f["origin"] == "table"}
    assert ("general_public_budget", "68,632.12") in got
    assert ("func:204", "68,629.12") in got
    # the department's totals (本年收入, 本年支出) are neither facts of this table nor left unread
    assert not {f for f in got if f[0] in ("current_income", "total")}
    assert "68,632.12" not in _left(ex)


def test_general_funding_is_a_part_of_the_appropriation():
    ex = _extract(INCOME)
    parts = {(f["line_item"], f["part"]): f["reported_text"] for f in ex.fact_line_splits}
    assert parts[("func:2040202", "general_funding")] == "18,228.51"
    assert parts[("func:2040202", "fiscal")] == "36,490.02"
    assert parts[("func:204", "general_funding")] == "50,367.61"
    assert not _left(ex)


def test_a_row_number_of_a_duty_list_is_set_aside():
    ex = _extract(DUTIES)
    assert not [u for u in ex.unrecognised if u["text"] in ("(1)", "(2)")]
    assert ex.numeric_cells_ignored >= 2 and ex.numeric_cells == ex.numeric_cells_used + ex.numeric_cells_ignored
