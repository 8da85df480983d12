"""National budget tables in layouts of Guangdong and Shenzhen (issue 13, coverage of numeric cells).

- PDF tables ruled with thin filled shapes (curves, not lines or rectangles) are tables: 广州/珠海
  print every table so, and before they were read as running text.
- A figure at the bottom of a page is never "cut" by the page break: 0.00 right-aligned fills its
  line, and the next page's first row (二十三、其他支出) was glued onto it.
- Two-sided 收支总表: a bare 预算 column header (a budget disclosure's approved budget), a column
  headed with the report's year (2026年预算数; another year is not read), Guangdong's 预算拨款 and
  财政专户拨款, functional class 223 (国有资本经营预算支出) and 对附属单位补助支出 / 上缴上级支出 on
  the spending side; an income row numbered under a row whose line item it is not a part of
  (1.事业收入 under 三、单位资金) is not read with its flat code (it would count twice), nor are
  income rows the vocabulary gives one code (其他收入, 上级补助收入, 附属单位上缴收入 → other).
- Classification rows whose code is printed in brackets before the name ([2010501]行政运行).

Figures read by hand from the pages named; the real-PDF tests are skipped when ../shared/real-pdfs
is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract import extract
from pipeline.ingest.read import read_document
from pipeline.readers.pdf import read_pdf
from pipeline.settings import Settings

REAL = Path(__file__).resolve().parents[3] / "shared" / "real-pdfs" / "budgets-2026"
GZ_STATS = REAL / "广州_统计局_2026年部门预算.pdf"


def _extract(text: str):
    return extract(read_document(text.encode("utf-8"), Settings()), "d")


def _budgets(ex) -> dict[tuple[str, str], str]:
    return {(f["line_item"], f["label_text"]): f["reported_text"] for f in ex.fact_budgets if f["origin"] == "table"}


@pytest.fixture(scope="module")
def gz_doc():
    if not GZ_STATS.exists():
        pytest.skip("real PDF not present")
    return read_pdf(GZ_STATS.read_bytes())


def test_a_table_ruled_with_curves_is_a_table(gz_doc):
    # 广州市统计局 p.9 本年支出总体情况表: no line or rect on the page, 372 thin filled shapes.
    t = next(t for t in gz_doc.tables if t.page == 9)
    rows = {r[1].text: [c.text for c in r[2:]] for r in t.rows if len(r) > 2}
    assert rows["行政运行"] == ["6,453.03", "6,453.03", "0.00", "0.00", "0.00", "0.00"]
    assert rows["专项统计业务"] == ["388.56", "0.00", "388.56", "0.00", "0.00", "0.00"]


def test_a_figure_at_the_page_break_is_not_cut(gz_doc):
    # p.6 ends with 二十二、灾害防治及应急管理支出 0.00; p.7 goes on with 二十三、其他支出 50.00.
    t = next(t for t in gz_doc.tables if t.page == 6)
    rows = [[c.text for c in r if not c.merged_copy] for r in t.rows]
    assert ["", "", "二十二、灾害防治及应急管理支出", "0.00"] in rows
    assert ["", "", "二十三、其他支出", "50.00"] in rows


def test_guangdong_two_sided_and_bracketed_codes(gz_doc):
    ex = extract(gz_doc, "gz")
    got = {(f["line_item"], f["label_text"]): f["reported_text"] for f in ex.fact_budgets
           if f["origin"] == "table" and f["source_ref"].split(";")[0] in ("page=6", "page=7", "page=13", "page=14")}
    # p.6 收支总体情况表
    assert got[("fiscal", "一、预算拨款")] == "9,433.72"
    assert got[("fiscal_special_account", "二、财政专户拨款")] == "0.00"
    # 五、其他收入 50.00, 六、上级补助收入 and 七、附属单位上缴收入 all take the code `other`: summed as
    # one they would break 本年收入合计 = Σ sources, so none is read (left unrecognised)
    assert not any(label == "五、其他收入" for _code, label in got)
    left = {u["source_ref"] for u in ex.unrecognised}
    assert "page=6;table=1;row=7;col=2" in left
    assert got[("func:223", "二十、国有资本经营预算支出")] == "0.00"
    assert got[("func:229", "二十三、其他支出")] == "50.00"
    assert got[("affiliate_grants", "二十四、对附属单位补助支出")] == "0.00"
    # p.13 一般公共预算支出情况表 ([2010505]专项统计业务 388.56 = 基本 0.00 + 项目 388.56)
    assert got[("func:2010505", "[2010505]专项统计业务")] == "388.56"
    splits = {(f["line_item"], f["part"]): f["reported_text"] for f in ex.fact_line_splits}
    assert splits[("func:2010505", "project")] == "388.56" and splits[("func:2010505", "basic")] == "0.00"
    # p.14 基本支出 by economic class: [30201]办公费 31.78
    assert got[("econ:30201", "[30201]办公费")] == "31.78"


# 深圳市审计局 2026 部门预算 p.17 收支总表 (../shared/real-pdfs), an excerpt; the page prints 0.00 in the
# 单位资金 rows, here planted figures (7.00 = 5.00 + 2.00, and the totals with them) so that a row read
# twice would show.
SHENZHEN_TWO_SIDED = """深圳市审计局2026年部门预算
收支总表
部门名称：深圳市审计局 单位：万元
| 收 入 | | 支 出 | |
| 项 目 | 2026年预算数 | 项 目 | 2026年预算数 |
| 一、财政拨款 | 10,737.69 | 一、一般公共服务支出 | 6,960.90 |
| 1.一般公共预算拨款 | 10,737.69 | 审计事务 | 6,960.90 |
| 2.政府性基金预算拨款 | 0.00 | 行政运行 | 5,466.52 |
| 二、财政专户管理资金 | 0.00 | 审计业务 | 490.15 |
| 三、单位资金 | 7.00 | 二、教育支出 | 46.05 |
| 1.事业收入 | 5.00 | 进修及培训 | 46.05 |
| 2.上级补助收入 | 2.00 | 三、社会保障和就业支出 | 1,743.43 |
| 本年收入合计 | 10,744.69 | 本年支出合计 | 10,744.69 |
"""


def test_two_sided_headed_with_the_report_year():
    got = _budgets(_extract(SHENZHEN_TWO_SIDED))
    assert got[("fiscal", "一、财政拨款")] == "10,737.69"
    assert got[("general_public_budget", "1.一般公共预算拨款")] == "10,737.69"
    assert got[("func:205", "二、教育支出")] == "46.05"
    # 1.事业收入 and 2.上级补助收入 are parts of 三、单位资金 (unit_funds), which the vocabulary does
    # not split: only the 单位资金 row is read
    assert got[("unit_funds", "三、单位资金")] == "7.00"
    assert not any(label in ("1.事业收入", "2.上级补助收入") for _code, label in got)
    # names without codes take the code the checked national names give them under the class and
    # section above (vocab/class_names.csv: 20108 审计事务, 2010801 行政运行), never a guess
    assert got[("func:20108", "审计事务")] == "6,960.90"
    assert got[("func:2010801", "行政运行")] == "5,466.52"
    assert got[("func:20508", "进修及培训")] == "46.05"


def test_two_sided_headed_with_another_year_is_not_read():
    ex = _extract(SHENZHEN_TWO_SIDED.replace("2026年预算数", "2025年预算数"))
    assert not [f for f in ex.fact_budgets if f["origin"] == "table"]


def test_a_bare_budget_column_in_final_accounts_is_not_read():
    text = SHENZHEN_TWO_SIDED.replace("2026年预算数", "预算").replace("部门预算", "部门决算")
    ex = _extract(text)
    assert not [f for f in ex.fact_budgets + ex.fact_executions if f["origin"] == "table"
                and f.get("table_kind") == "two_sided"]
    budget = _budgets(_extract(SHENZHEN_TWO_SIDED.replace("2026年预算数", "预算")))
    assert budget[("fiscal", "一、财政拨款")] == "10,737.69"


# 珠海市商务局 2026 部门预算 p.15–16 (../shared/real-pdfs), 一般公共预算基本支出情况表: codes in brackets;
# an excerpt (all four 类 rows, two of the 款 rows).
ZHUHAI_ECON = """珠海市商务局2026年部门预算
一般公共预算基本支出情况表（按经济分类科目）
单位：万元
| 部门预算支出经济科目 | 预算 |
| 合计 | 7,517.32 |
| [301]工资福利支出 | 5,132.74 |
| [30101]基本工资 | 636.67 |
| [30102]津贴补贴 | 2,532.78 |
| [302]商品和服务支出 | 524.04 |
| [303]对个人和家庭的补助 | 1,802.38 |
| [310]资本性支出 | 58.16 |
"""


def test_bracketed_codes_are_classification_rows():
    ex = _extract(ZHUHAI_ECON)
    got = _budgets(ex)
    assert got[("econ:301", "[301]工资福利支出")] == "5,132.74"
    assert got[("econ:30102", "[30102]津贴补贴")] == "2,532.78"
    assert ex.coverage == 1.0
    sums = [(s["total_text"], s["parts_count"]) for s in ex.table_sums]
    assert ("7,517.32", 4) in sums  # 合计 = the four 类 rows


# 深圳市审计局 2026 部门预算 p.24 基本支出总表 (../shared/real-pdfs): fund sources in columns under a
# three-line header, the unit's own row first (no 合计 row), economic classes by name; the first
# rows as printed.
SZ_BASIC = """深圳市审计局2026年部门预算
表4
基本支出总表
部门名称：深圳市审计局 单位：万元
<table>
<tr><td rowspan="2">支出项目类别</td><td rowspan="2">总计</td><td colspan="4">财政拨款</td><td rowspan="2">财政专户管理资金</td><td colspan="5">单位资金</td><td rowspan="2">上年结余、结转</td></tr>
<tr><td>小计</td><td>一般公共预算拨款</td><td>政府性基金预算拨款</td><td>国有资本经营预算拨款</td><td>事业收入</td><td>事业单位经营收入</td><td>上级补助收入</td><td>附属单位上缴收入</td><td>其他收入</td></tr>
<tr><td>深圳市审计局</td><td>9,206.23</td><td>9,206.23</td><td>9,206.23</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>
<tr><td>工资福利支出</td><td>7,168.15</td><td>7,168.15</td><td>7,168.15</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>
<tr><td>基本工资</td><td>1,403.12</td><td>1,403.12</td><td>1,403.12</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>
</table>
"""


def _splits(ex) -> dict[tuple[str, str, str], tuple[str, str]]:
    return {(f["label_text"], f["line_item"], f["part"]): (f["reported_text"], f["total_text"])
            for f in ex.fact_line_splits if f["table_kind"] == "fund_matrix"}


def test_fund_sources_in_columns_split_each_row():
    ex = _extract(SZ_BASIC)
    got = _splits(ex)
    # the unit's own row is the table's total: 基本支出 (the title) 9,206.23, split by source
    assert _budgets(ex)[("basic", "深圳市审计局")] == "9,206.23"
    assert got[("深圳市审计局", "basic", "fiscal")] == ("9,206.23", "9,206.23")  # 财政拨款 / 小计
    assert got[("深圳市审计局", "basic", "general_public_budget")] == ("9,206.23", "9,206.23")
    assert got[("深圳市审计局", "basic", "carryover")] == ("0.00", "9,206.23")
    # an economic class by name: a listed row (its label kept), never a guessed code
    assert got[("工资福利支出", "listed", "unit_funds")] == ("0.00", "7,168.15")
    assert got[("基本工资", "listed", "general_public_budget")] == ("1,403.12", "1,403.12")
    assert not any(f["line_item"].startswith("econ:") for f in ex.fact_budgets)
    assert ex.coverage == 1.0


def test_fund_matrix_needs_a_known_stage_and_the_report_year():
    ex = _extract(SZ_BASIC.replace("部门预算", "绩效自评"))
    assert not _splits(ex)
    # a header printed over the columns with another year: those columns are not read
    other_year = SZ_BASIC.replace('<td colspan="4">财政拨款</td>', '<td colspan="4">2025年财政拨款</td>')
    got = _splits(_extract(other_year))
    assert ("深圳市审计局", "basic", "general_public_budget") not in got
    assert got[("深圳市审计局", "basic", "carryover")] == ("0.00", "9,206.23")


# 广州市统计局 2026 部门预算 p.8 收入总体情况表 (../shared/real-pdfs), as printed: 教育收费 and 其他专户收入拨款
# (under 财政专户拨款收入) name no source of the vocabulary.
GZ_INCOME = """广州市统计局2026年部门预算
表2
收入总体情况表
单位名称：广州市统计局 单位：万元
<table>
<tr><td rowspan="2">单位名称</td><td rowspan="2">合计</td><td colspan="3">财政拨款收入</td><td colspan="2">财政专户拨款收入</td><td colspan="3">其他资金收入</td><td rowspan="2">上级补助收入</td><td rowspan="2">附属单位上缴收入</td><td rowspan="2">上年结转结余</td></tr>
<tr><td>一般公共预算</td><td>政府性基金预算</td><td>国有资本经营预算</td><td>教育收费</td><td>其他专户收入拨款</td><td>事业收入</td><td>事业单位经营收入</td><td>其他收入</td></tr>
<tr><td>合计</td><td>9,483.72</td><td>9,433.72</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>50.00</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>
<tr><td>广州市统计局</td><td>6,748.28</td><td>6,698.28</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>50.00</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>
<tr><td>广州市统计普查中心</td><td>1,373.74</td><td>1,373.74</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>
</table>
"""


def test_income_by_unit_and_an_unknown_column():
    ex = _extract(GZ_INCOME)
    got = _splits(ex)
    # 合计 counts the carry-over column: the income grand total
    assert _budgets(ex)[("total", "合计")] == "9,483.72"
    assert got[("合计", "total", "other")] == ("50.00", "9,483.72")
    assert got[("合计", "total", "business_income")] == ("0.00", "9,483.72")
    assert got[("广州市统计普查中心", "listed", "general_public_budget")] == ("1,373.74", "1,373.74")
    # 教育收费 / 其他专户收入拨款: unread, and the rows' parts say a column was not named
    assert not any(part == "?" for _label, _line, part in got)
    assert all(f["table_parts"].endswith(" ?") for f in ex.fact_line_splits if f["table_kind"] == "fund_matrix")
    unread = {u["source_ref"] for u in ex.unrecognised}
    assert {"table=1;row=3;col=6", "table=1;row=3;col=7"} <= unread


# 无锡市交通运输局 2026 单位预算 p.30 政府采购支出表 (../shared/real-pdfs), as printed: the total column
# last, the sources under 资金来源, labels in five text columns, the title inside the table's frame.
WX_PROCUREMENT = """无锡市交通运输局（本级）2026年度单位预算公开
<table>
<tr><td colspan="10">公开13表</td></tr>
<tr><td colspan="10">政府采购支出表</td></tr>
<tr><td colspan="6">单位：无锡市交通运输局（本级）</td><td colspan="4">单位：万元</td></tr>
<tr><td rowspan="2">采购品目大类</td><td rowspan="2">专项名称</td><td rowspan="2">经济科目</td><td rowspan="2">采购品目名称</td><td rowspan="2">采购组织形式</td><td colspan="4">资金来源</td><td rowspan="2">总计</td></tr>
<tr><td>一般公共预算资金</td><td>政府性基金</td><td>其他资金</td><td>上年结转和结余资金</td></tr>
<tr><td>合计</td><td></td><td></td><td></td><td></td><td>112.90</td><td></td><td></td><td></td><td>112.90</td></tr>
<tr><td>货物</td><td></td><td></td><td></td><td></td><td>2.00</td><td></td><td></td><td></td><td>2.00</td></tr>
<tr><td></td><td>商品和服务支出(公用经费定额)</td><td>办公费</td><td>复印纸</td><td>集中采购</td><td>2.00</td><td></td><td></td><td></td><td>2.00</td></tr>
<tr><td>服务</td><td></td><td></td><td></td><td></td><td>110.90</td><td></td><td></td><td></td><td>110.90</td></tr>
<tr><td></td><td>行业服务质量提升经费</td><td>委托业务费</td><td>其他咨询服务</td><td>分散采购</td><td>105.90</td><td></td><td></td><td></td><td>105.90</td></tr>
</table>
"""


def test_procurement_by_source_with_the_total_column_last():
    text = WX_PROCUREMENT.replace("2026年度单位预算公开\n", "2026年度单位预算公开\n单位预算\n", 1)
    ex = _extract(text)
    assert _budgets(ex)[("procurement", "合计")] == "112.90"
    got = _splits(ex)
    assert got[("合计", "procurement", "general_public_budget")] == ("112.90", "112.90")
    key = ("行业服务质量提升经费 / 委托业务费 / 其他咨询服务 / 分散采购", "listed", "general_public_budget")
    assert got[key] == ("105.90", "105.90")
    assert ex.coverage == 1.0


# 苏州市交通运输局 2026 部门预算 p.9 收入总表 (../shared/real-pdfs), an excerpt as printed: a 部门代码 column
# (never an amount, nor a functional class), and the carry-over split by source under 上年结转结余.
SZ_INCOME = """苏州市交通运输局2026年度部门预算公开
<table>
<tr><td colspan="9">收入总表</td></tr>
<tr><td rowspan="2">部门代码</td><td rowspan="2">部门名称</td><td rowspan="2">合计</td><td colspan="3">本年收入</td><td colspan="3">上年结转结余</td></tr>
<tr><td>小计</td><td>一般公共预算</td><td>其他收入</td><td>小计</td><td>一般公共预算</td><td>单位资金</td></tr>
<tr><td colspan="2">合计</td><td>249,977.11</td><td>249,977.11</td><td>242,360.10</td><td>7,617.01</td><td></td><td></td><td></td></tr>
<tr><td>123</td><td>苏州市交通运输局</td><td>249,977.11</td><td>249,977.11</td><td>242,360.10</td><td>7,617.01</td><td></td><td></td><td></td></tr>
<tr><td>123002</td><td>苏州市交通运输综合行政执法支队</td><td>24,274.54</td><td>24,274.54</td><td>21,054.54</td><td>3,220.00</td><td></td><td></td><td></td></tr>
</table>
"""


def test_income_by_unit_with_a_code_column():
    ex = _extract(SZ_INCOME.replace("部门预算公开\n", "部门预算公开\n部门预算\n", 1))
    assert _budgets(ex) == {("total", "合计"): "249,977.11"}  # no func:123 from the 部门代码
    got = _splits(ex)
    assert got[("合计", "total", "current_income")] == ("249,977.11", "249,977.11")
    assert got[("合计", "total", "other")] == ("7,617.01", "249,977.11")
    assert got[("苏州市交通运输综合行政执法支队", "listed", "general_public_budget")] == ("21,054.54", "24,274.54")
    # 上年结转结余's own 小计 is the carry-over; its 一般公共预算 is not this year's
    assert {part for _l, _i, part in got} == {"current_income", "general_public_budget", "other"}
    assert ex.coverage == 1.0


# 深圳市审计局 2026 部门预算 p.21 支出总表 (../shared/real-pdfs), the first coded rows as printed (the
# spending columns only): the codes the report gives the names its 收支总表 prints without codes.
SZ_CODED = """支出总表
部门名称：深圳市审计局 单位：万元
| 科目编码 | 科目名称 | 支出总计 | 基本支出 | 项目支出 |
| 201 | 一般公共服务支出 | 6,960.90 | 5,466.52 | 1,494.38 |
| 20108 | 审计事务 | 6,960.90 | 5,466.52 | 1,494.38 |
| 2010801 | 行政运行 | 5,466.52 | 5,466.52 | 0.00 |
| 2010804 | 审计业务 | 490.15 | 0.00 | 490.15 |
"""


def test_names_without_codes_take_the_reports_own_codes():
    ex = _extract(SHENZHEN_TWO_SIDED + SZ_CODED)
    got = {(f["line_item"], f["label_text"]): f["reported_text"] for f in ex.fact_budgets
           if f["table_kind"] == "two_sided"}
    assert got[("func:20108", "审计事务")] == "6,960.90"
    assert got[("func:2010801", "行政运行")] == "5,466.52"
    assert got[("func:2010804", "审计业务")] == "490.15"
    # 进修及培训 (under 二、教育支出) is in no coded table of the report: the checked national names
    # place it (20508 under 205)
    assert got[("func:20508", "进修及培训")] == "46.05"


# 中共江苏省委办公厅 2019 部门预算 p.12 政府采购预算表 (../shared/real-pdfs), the first rows as printed:
# one amount column, categories, projects and items in one list.
JS_PROCUREMENT = """中共江苏省委办公厅2019年度部门预算
<table>
<tr><td colspan="6">2019年政府采购预算表 部门：中共江苏省委办公厅 单位：万元</td></tr>
<tr><td>采购品目大类</td><td>专项名称</td><td>经济科目</td><td>采购物品名称</td><td>采购组织形式</td><td>总计</td></tr>
<tr><td>合计</td><td></td><td></td><td></td><td></td><td>1,422.50</td></tr>
<tr><td>一、货物A</td><td></td><td></td><td></td><td></td><td>84.00</td></tr>
<tr><td></td><td>机要及电子政务业务费</td><td>办公设备购置</td><td></td><td></td><td>30.00</td></tr>
<tr><td></td><td></td><td></td><td>PC服务器</td><td>分散自行组织</td><td>3.00</td></tr>
</table>
"""


def test_a_procurement_list_with_one_amount_column():
    ex = _extract(JS_PROCUREMENT)
    got = _budgets(ex)
    assert got[("procurement", "合计")] == "1,422.50"
    assert got[("listed", "一、货物A")] == "84.00"
    assert got[("listed", "PC服务器 / 分散自行组织")] == "3.00"
    assert ex.coverage == 1.0
    # the same list in a final account is spending, not budget
    final = _extract(JS_PROCUREMENT.replace("部门预算", "部门决算").replace("预算表", "决算表"))
    assert {f["line_item"]: f["reported_text"] for f in final.fact_executions
            if f["table_kind"] == "fund_matrix"}.get("procurement") == "1,422.50"
    assert not [f for f in final.fact_budgets if f["table_kind"] == "fund_matrix"]


JS_2017 = REAL.parent / "jiangsu-provincial-party-office" / "江苏省委办公厅2017年预算公开表格.pdf"


def test_a_continuation_without_its_empty_leading_column_is_joined():
    # 政府采购预算表 p.12 goes on over p.13–14, where the empty 采购品目大类 column has no rule.
    if not JS_2017.exists():
        pytest.skip("real PDF not present")
    doc = read_pdf(JS_2017.read_bytes())
    t = next(t for t in doc.tables if t.page == 12)
    rows = [[c.text for c in r if not c.merged_copy and c.text] for r in t.rows]
    assert ["路由器", "政府集中采购", "3.00"] in rows  # printed on p.13
    assert not any(t.page == 13 for t in doc.tables)
    ex = extract(doc, "js")
    got = {f["label_text"]: f["reported_text"] for f in ex.fact_budgets if f["table_kind"] == "fund_matrix"}
    assert got["合计"] == "1,774.70" and got["路由器 / 政府集中采购"] == "3.00"


# 上海市审计局 2026 部门预算 p.12 财政拨款收支预算总表 (../shared/real-pdfs): the header is the table's
# 7th printed row (blank rows, the title and the unit line above it); rows as printed.
SH_FISCAL = """上海市审计局2026年部门预算
| | | | | | | |
| 2026年预算单位财政拨款收支预算总表 | | | | | | |
| | | | | | | |
| 编制单位：上海市审计局 | | | | 单位：元 | | |
| | | | | | | |
| 财政拨款收入 | | 财政拨款支出 | | | | |
| 项目 | 预算数 | 项目 | 合计 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算 |
| 一、一般公共预算 | 195,774,300 | 一、一般公共服务支出 | 134,339,860 | 134,339,860 | | |
| 二、政府性基金预算 | | 二、社会保障和就业支出 | 23,992,440 | 23,992,440 | | |
| 三、国有资本经营预算 | | 三、卫生健康支出 | 6,142,000 | 6,142,000 | | |
| | | 四、住房保障支出 | 31,300,000 | 31,300,000 | | |
"""


def test_two_sided_header_below_blank_and_title_rows():
    got = _budgets(_extract(SH_FISCAL))
    assert got[("general_public_budget", "一、一般公共预算")] == "195,774,300"
    assert got[("func:221", "四、住房保障支出")] == "31,300,000"
