"""西安's 专项业务经费支出表 (issue 13): a list of projects with one amount column (单位编码 | 单位（项目）名称 |
项目金额 | 项目简介), nested without marks (units › 通用/专用项目 › categories › projects). Like a 政府采购
list, its 合计 is the subject's total — 专项业务经费 is 西安's 项目支出 — and every other row a `listed` line
with its printed label, none of them summed (only sums would tell a category from a project); the 单位编码
column holds codes, never amounts.

The first rows of 西安市财政局（汇总）2026年部门预算 p.38 表10 (PDF in /tmp/audit-docs/renwu, never
committed), as printed, read by hand."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.ingest.read import read_document
from pipeline.settings import Settings

TEXT = """西安市财政局（汇总）2026年部门预算
部门综合预算专项业务经费支出表
单位：元
<table>
<tr><td>单位编码</td><td>单位（项目）名称</td><td>项目金额</td><td>项目简介</td></tr>
<tr><td colspan="2">合计</td><td>224,204,336.00</td><td></td></tr>
<tr><td>116</td><td>西安市财政局</td><td>224,204,336.00</td><td></td></tr>
<tr><td>116001</td><td>西安市财政局</td><td>190,709,936.00</td><td></td></tr>
<tr><td></td><td>通用项目</td><td>18,640,800.00</td><td></td></tr>
<tr><td></td><td>购买服务（审计、绩效、ppp项目评价）</td><td>5,007,700.00</td><td></td></tr>
<tr><td></td><td>财政检查</td><td>1,887,000.00</td><td></td></tr>
<tr><td></td><td>绩效管理</td><td>3,120,700.00</td><td></td></tr>
</table>
"""


def test_a_list_of_projects_gives_the_project_total_and_listed_lines():
    ex = extract(read_document(TEXT.encode("utf-8"), Settings()), "d")
    got = [(f["line_item"], f["label_text"], f["reported_text"]) for f in ex.fact_budgets if f["table_kind"] == "fund_matrix"]
    assert ("project", "合计", "224,204,336.00") in got
    assert ("listed", "财政检查", "1,887,000.00") in got and ("listed", "通用项目", "18,640,800.00") in got
    assert all(f["stage"] == "initial" for f in ex.fact_budgets if f["table_kind"] == "fund_matrix")
    # the unit codes are set aside, never amounts or labels of their own
    assert not any(text in ("116", "116001") for _i, _l, text in got)
    assert ex.coverage == 1.0


def test_a_list_under_another_head_is_not_read_so():
    # an amount column not headed 项目金额 (here 金额) under a project title: not this reader's list
    ex = extract(read_document(TEXT.replace("<td>项目金额</td>", "<td>金额说明</td>").encode("utf-8"), Settings()), "d")
    assert not [f for f in ex.fact_budgets if f["table_kind"] == "fund_matrix"]


# 西安市财政局（汇总）2026年部门预算 p.19 会议费明细表 (its first three rows, as printed).
MEETINGS = """西安市财政局（汇总）2026年部门预算
会议费明细表
单位：万元
<table>
<tr><td>序号</td><td>会议名称</td><td>时间</td><td>人数</td><td>金额</td><td>备注</td></tr>
<tr><td>1</td><td>决算汇审会</td><td>不晚于2026年5月30日</td><td>125</td><td>23.00</td><td>两期会议</td></tr>
<tr><td>2</td><td>西安市区县、开发区2025年行政事业单位国有资产年报会审会</td><td>2026年3月3日至2026年3月4日</td><td>25</td><td>0.17</td><td></td></tr>
<tr><td>7</td><td>全市财政会等会议</td><td>不晚于2026年11月30日</td><td>212</td><td>9.54</td><td></td></tr>
</table>
"""


def test_a_list_of_meetings_gives_listed_lines_and_sets_the_head_count_aside():
    ex = extract(read_document(MEETINGS.encode("utf-8"), Settings()), "d")
    got = {f["label_text"]: f["reported_text"] for f in ex.fact_budgets if f["table_kind"] == "fund_matrix"}
    assert got["决算汇审会 / 不晚于2026年5月30日"] == "23.00"
    assert got["全市财政会等会议 / 不晚于2026年11月30日"] == "9.54"
    assert all(f["line_item"] == "listed" for f in ex.fact_budgets if f["table_kind"] == "fund_matrix")
    # 人数 (125, 25, 212) and 序号 are counts, never amounts
    assert not {"125", "25", "212", "1", "2", "7"} & set(got.values())
    assert ex.coverage == 1.0


# 长春市信访局（本级）2026年度部门预算 p.14 项目支出表(预算表9), its first three rows as printed: 本年财政拨款 and
# 财政拨款结转 each print 一般公共预算 | 政府性基金预算 | 国有资本经营预算; the second group is the carry-over
# (财政拨款结转), never a second copy of this year's sources.
CHANGCHUN9 = """长春市信访局（本级）2026年度部门预算
项目支出表(预算表9)
预算单位：长春市信访局 单位：万元
<table>
<tr><td rowspan="2">类型</td><td colspan="2">项目名称</td><td rowspan="2">项目单位</td><td rowspan="2">合计</td><td colspan="3">本年财政拨款</td><td colspan="3">财政拨款结转</td><td rowspan="2">财政专户管理资金</td><td rowspan="2">单位资金</td></tr>
<tr><td>一级项目</td><td>二级项目</td><td>一般公共预算</td><td>政府性基金预算</td><td>国有资本经营预算</td><td>一般公共预算</td><td>政府性基金预算</td><td>国有资本经营预算</td></tr>
<tr><td>部门特定目标类项目</td><td></td><td></td><td></td><td>474.56</td><td>474.56</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>
<tr><td></td><td>综合管理</td><td></td><td></td><td>474.56</td><td>474.56</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>
<tr><td></td><td></td><td>2026信访专项经费</td><td>长春市信访局</td><td>30.00</td><td>30.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>
</table>
"""


def test_a_project_table_with_this_years_sources_and_the_carry_over_by_source():
    ex = extract(read_document(CHANGCHUN9.encode("utf-8"), Settings()), "d")
    got = {(r["label_text"], r["part"]): r["reported_text"] for r in ex.fact_line_splits if r["table_kind"] == "fund_matrix"}
    assert got[("2026信访专项经费 / 长春市信访局", "general_public_budget")] == "30.00"
    assert got[("综合管理", "general_public_budget")] == "474.56"
    # the carry-over's 一般公共预算 (col 9) is no part of this year's sources; it stays unread, marked '?'
    refs = [r["source_ref"] for r in ex.fact_line_splits]
    assert not any(ref.endswith(("col=9", "col=10", "col=11")) for ref in refs)
    assert all(r["table_parts"].endswith("?") for r in ex.fact_line_splits if r["table_kind"] == "fund_matrix")
