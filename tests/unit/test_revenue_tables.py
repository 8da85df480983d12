"""A government's 一般公共预算收入执行情况表: the national revenue classes (税收收入 → 增值税 …,
非税收入 → 专项收入 …) read as `revenue_class` line items, the 占调整预算% column as the rate of
the row's executed figure (checked against the row's own budget). Real snippets: held-out G 804
(沂源县中庄镇 2020, 万元, pipe rows with a sub-header under 2020年执行数) and G 822 (临洮县
2024年2月 大口径财政收入, 本年收入计划 | 累计完成数 | 占计划%, the excerpt cut inside the taxes)."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text
from tests.checks_harness import check_text, failures
from tests.unit.test_execution_table_subheader import G804 as G804_PAGE

# the page as tests/unit/test_execution_table_subheader.py holds it, without its title line
G804 = G804_PAGE.split("\n", 1)[1]

G822 = """二〇二四年二月大口径财政收入执行情况表
单位:万元
| 预算科目 | 本年收入计划 | 累计完成数 | 占计划% | 上年同期数 | 同比增减% |
| 税收收入 | 89275 | 15348 | 17.19 | 14032 | 9.38 |
| 增值税 | 45119 | 7833 | 17.36 | 6281 | 24.71 |
| 消费税 | 50 | 17 | 34.00 | 16 | 6.25 |
| 企业所得税 | 14950 | 3156 | 21.11 | 3431 | -8.02 |
"""


def _facts(text: str) -> tuple[dict, dict]:
    ex = extract(read_text(("中庄镇2020年预算执行和2021年预算草案\n" + text).encode("utf-8")), "d")
    budgets = {(f["line_item"], f["period"]): f["amount_yuan"] for f in ex.fact_budgets if f["origin"] == "table"}
    spent = {(f["line_item"], f["period"]): (f["executed_yuan"], f["reported_rate_pct"])
             for f in ex.fact_executions if f["origin"] == "table"}
    return budgets, spent


def test_the_revenue_classes_and_their_rates_are_read() -> None:
    budgets, spent = _facts(G804)
    assert budgets[("tax_vat", "current")] == Decimal("2920000.00")
    assert budgets[("tax_vehicle", "current")] == Decimal("640000.00")
    assert spent[("tax_vat", "current")] == (Decimal("2920000.00"), Decimal("100"))
    assert spent[("tax_vat", "prior")] == (Decimal("2660000.00"), None)  # 2019年决算数
    assert spent[("total_income", "current")] == (Decimal("4310000.00"), Decimal("100"))
    # the transfers after 本年收入合计 are printed in several nestings: left unread, never guessed
    assert not any(k[0].startswith("transfer") or k[0] == "higher_grants" for k in spent)


def test_a_revenue_table_adds_up_and_its_rates_are_checked() -> None:
    df, _ = check_text("2020年预算执行情况\n" + G804)
    assert failures(df).empty
    assert (df["check_name"] == "execution_rate").sum() >= 9
    # a planted misprint: 增值税 executed 292 printed as 100 % of a budget of 392
    df, _ = check_text("2020年预算执行情况\n" + G804.replace("增值税 | 266 | 292 |", "增值税 | 266 | 392 |"))
    assert "execution_rate" in set(failures(df)["check_name"])


def test_an_excerpt_cut_inside_the_taxes_raises_no_sum() -> None:
    budgets, spent = _facts(G822)
    assert budgets[("tax_revenue", "current")] == Decimal("892750000.00")
    assert spent[("tax_consumption", "current")] == (Decimal("170000.00"), Decimal("34.00"))
    df, _ = check_text("2024年预算执行情况\n" + G822)
    assert failures(df).empty  # 45119 + 50 + 14950 is not 89275: the rest of the taxes are cut off


def test_one_cell_per_line_the_amount_under_its_year_is_that_column() -> None:
    # 2020年执行数 then 金额 | 占调整预算% | 比上年增长% in one run of cells: 金额 is the executed
    # column's own figure (the sub-header line of the pipe rendering says so)
    from pipeline.rerender import rerender

    want = _facts(G804)
    for n in ("cell_per_line_bar", "blank_lines"):
        budgets, spent = _facts(rerender(G804, n))
        assert budgets[("tax_vat", "current")] == want[0][("tax_vat", "current")], n
        assert spent[("tax_vat", "current")] == want[1][("tax_vat", "current")], n
