"""Excerpts that start in the middle of a table (issue 12, session 18 helper mt): the title, the
header rows and maybe the first rows are cut. A fund-source row of a known form is read without
its header only where its own printed rate proves the columns; nothing else is guessed."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.readers.text import read_text


def _ex(text: str):
    return extract(read_text(text.encode("utf-8")), "d")


def _money(ex) -> list[tuple[str, str, float]]:
    b = [(f["line_item"], f["stage"], float(f["amount_yuan"])) for f in ex.fact_budgets]
    e = [(f["line_item"], "executed", float(f["executed_yuan"])) for f in ex.fact_executions if f["executed_yuan"]]
    return sorted(b + e)


# real-dev 146 (金寨县 部门整体支出绩效自评表, read by hand) cut just below its header row
# (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分): 338.31 / 329.77 = 102.59 %, so
# the three figures are 年初预算数, 全年预算数 and 全年执行数 and 10 is the row's 分值.
HEADLESS_146 = (
    "年度资金总额 | 329.77 | 329.77 | 338.31 | 10 | 102.59% | ||||||||\n"
    "其中:当年财政拨款 | 329.77 | 329.77 | 338.31 | — | 102.59% | — | |||||||\n"
    "上年结转资金 | — | — | |||||||||||\n"
    "其他资金 | — | — | |||||||||||\n"
    "年度总体目标 | 预期目标 | 实际完成情况 | |||||||||||\n"
    "1.建设徽风皖韵美丽乡村;2.整治美丽宜居自然村庄。 | 1.启动燕子河镇龙马村等4个精品示范村建设。 | ||||||||||||\n"
)


TAIL = HEADLESS_146.split("\n")[5] + "\n"  # a goals row after the funding block


def test_fund_rows_without_their_header_are_read_when_the_rate_proves_the_columns() -> None:
    ex = _ex(HEADLESS_146)
    assert _money(ex) == [
        ("fiscal_current", "adjusted", 3297700.0), ("fiscal_current", "executed", 3383100.0),
        ("fiscal_current", "initial", 3297700.0),
        ("total", "adjusted", 3297700.0), ("total", "executed", 3383100.0), ("total", "initial", 3297700.0),
    ]
    assert sorted(float(f["reported_rate_pct"]) for f in ex.fact_executions) == [102.59, 102.59]
    assert [float(f["weight"]) for f in ex.fact_scores if f["component"] == "budget_execution"] == [10.0]


# real-dev 140 (a project self-evaluation form, rows with outer bars, traditional script) cut
# below its header: 7.29 / 7.29 = 100 %, weight 10.00 and score 10.00 after it.
HEADLESS_140 = (
    "| 年度资金总额 | 7.29 | 7.29 | 7.29 | 10.00 | 100% | 10.00 | ||||\n"
    "| 其中:当年财政拨款 | 7.29 | 7.29 | 7.29 | 100% | ||||||\n"
    "| 上年结转资金 | ||||||||||\n"
    "| 其他资金 | ||||||||||\n"
    "| 年度总体目标 | 预期目标 | 实际完成情况 | ||||||||\n"
)


def test_a_headless_total_row_gives_its_weight_and_score() -> None:
    ex = _ex(HEADLESS_140)
    assert ("total", "executed", 72900.0) in _money(ex)
    assert [(float(f["weight"]), float(f["score"])) for f in ex.fact_scores
            if f["component"] == "budget_execution"] == [(10.0, 10.0)]


# The same rows when the printed rate is not the executed amount over the second figure: the
# columns are not proven (年初预算数 may be missing, 预算数 | 执行数 | …), so nothing is read and
# the figures stay unrecognised with the reason.
def test_headless_rows_whose_rate_does_not_prove_the_columns_are_not_read() -> None:
    page = HEADLESS_146.replace("329.77 | 329.77", "329.77 | 300.00")
    ex = _ex(page)
    assert not ex.fact_budgets and not ex.fact_executions
    assert any(u["text"] == "338.31" for u in ex.unrecognised)


# A later row of a headless block must prove itself too: a row printing no rate is not read by
# the first row's columns (it stays unrecognised).
def test_a_headless_row_without_its_own_rate_is_left_unrecognised() -> None:
    page = HEADLESS_146.replace("上年结转资金 | — | —", "上年结转资金 | 12.00 | 15.00")
    ex = _ex(page)
    assert ("carryover", "initial", 120000.0) not in _money(ex)
    assert not any(f["line_item"] == "carryover" for f in ex.fact_budgets)
    assert any(u["text"] == "15.00" and "header is not printed" in u["reason"] for u in ex.unrecognised)


# 合计 closes many tables (a 三公 or 决算 table: 上年决算 | 本年预算 | 本年决算 | 完成率): it is no
# row of the self-evaluation form on its own, so no column meaning is taken from the form.
def test_a_total_row_named_only_by_he_ji_is_not_read_as_the_form() -> None:
    page = HEADLESS_146.replace("年度资金总额 | 329.77", "合计 | 329.77").replace("其中:当年财政拨款 |", "公务接待费 |")
    ex = _ex(page)
    assert not any(f.get("table_kind", "").startswith("template:") for f in ex.fact_budgets)


# Set S 2024 (a central transfer's self-evaluation form, read by hand) cut below its header
# (全年预算数(A) | 全年执行数(B) | 预算执行率(B/A)): two amounts and a rate. The rate is the
# executed amount over the full-year budget (1157.97 / 2000 = 57.90 %, printed 57.89 %), so
# 2000 is the full-year budget; the central row is no label of the form's own and stays unread.
HEADLESS_S2024 = (
    "年度资金总额: | 2000 | 1157.97 | 57.89% | ||||\n"
    "其中:中央财政资金 | 2000 | 1157.9 | 57.89% | ||||\n"
    "地方财政资金 | |||||||\n"
    "其他资金 | |||||||\n"
    "资金管理情况 | 情况说明 | 存在问题和改进措施 | |||||\n"
    "分配科学性 | 资金分配科学合理 | ||||||\n"
    "下达及时性 | 资金下达及时 | ||||||\n"
    "拨付合规性 | 严格项目建设资金管理,实行专款专用 | ||||||\n"
    "使用规范性 | 未出现截留、挤占、挪用或擅自调整等问题 | ||||||\n"
    "执行准确性 | 不存在执行数偏离预算数较多的问题 | ||||||\n"
    "预算绩效管理情况 | 开展绩效监控和绩效评价 | ||||||\n"
)


def test_a_headless_row_of_two_amounts_and_a_rate_gives_the_full_year_budget() -> None:
    ex = _ex(HEADLESS_S2024)
    assert _money(ex) == [("total", "adjusted", 20000000.0), ("total", "executed", 11579700.0)]
    assert [float(f["reported_rate_pct"]) for f in ex.fact_executions] == [57.89]
