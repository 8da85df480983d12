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
    # names without codes (审计事务, 行政运行) are not guessed
    assert not any(label in ("审计事务", "行政运行") for _code, label in got)


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

