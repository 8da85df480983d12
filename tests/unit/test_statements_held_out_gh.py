"""Running-text statements on the held-out sets G and H: real snippets, figures read by hand.
Each test failed before its rule."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text
from tests.checks_harness import check_text, failures


def _ex(text: str):
    return extract(read_text(text.encode("utf-8")), "t")


# 周至县 2023 预算执行 (G 811): the fund's name 一般公共预算 made 31751 look like a budget, so the
# rate had no execution and 较上年28899万元 became the prior of the budget 31220 (a false alarm:
# 31220/28899 - 1 = 8.03 % vs the printed 9.9 %).
G811 = ("周至县2023年财政预算执行情况和2024年财政预算草案的报告\n\n"
        "1.一般公共预算执行情况。全年县级一般公共预算收入31751万元,完成预算数31220万元的101.7%,"
        "较上年28899万元增长9.9%,税收收入占县级一般公共预算收入的57.7%。")


def test_a_level_before_the_budget_its_rate_prints_is_what_was_collected() -> None:
    ex = _ex(G811)
    execs = {r["reported_text"]: r for r in ex.fact_executions}
    budgets = {r["reported_text"]: r for r in ex.fact_budgets}
    assert execs["31751"]["reported_rate_pct"] == Decimal("101.7") and execs["31751"]["period"] == "current"
    assert budgets["31220"]["period"] == "current" and "31751" not in budgets
    assert execs["28899"]["period"] == "prior"
    (ch,) = ex.fact_changes
    assert (ch["level_text"], ch["prior_text"]) == ("31751", "28899")
    df, _ = check_text(G811)
    assert failures(df).empty
