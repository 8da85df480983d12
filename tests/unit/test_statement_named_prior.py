"""A change whose comparison names an earlier year's figure stated before the level, in one
sentence: "2025年当年预算执行数为X万元，2026年预算安排Y万元，比2025年预算执行数减少P%" (上海市普陀区
司法局 2026 部门/单位预算, 预算编制说明; the finance bureau's own 检查表 lists the wrong rates).
The earlier figure is the level's prior, and a change without a printed amount is judged with
the rounding of both printed figures."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text
from tests.checks_harness import check_text, failures

TITLE = "上海市普陀区司法局2026年部门预算\n"
# unit budget p.6: 1434.89 against 1690.69 is a fall of 15.13 %, printed 1.10 % (检查表 item 2)
WRONG = "2025年当年预算执行数为1690.69万元，2026年预算安排1434.89万元，比2025年预算执行数减少1.10%。"
# dept budget p.8: (1672.67 − 1690.69) / 1690.69 = −1.066 %, printed 1.07 %
RIGHT = "2025年当年预算执行数为1690.69万元，2026年预算安排1672.67万元，比2025年预算执行数减少1.07%。"
# dept budget p.9: 57.8 has one decimal (57.75–57.85), so 2.21 % is within the printed figures
ONE_DECIMAL = "2025年当年预算执行数为59.11万元，2026年预算安排57.8万元，比2025年预算执行数减少2.21%。"


def _changes(text: str) -> list[dict]:
    return extract(read_text((TITLE + text).encode("utf-8")), "t").fact_changes


def test_the_named_earlier_figure_is_the_prior_of_the_later_level() -> None:
    (c,) = _changes(RIGHT)
    assert (c["level_yuan"], c["prior_yuan"], c["change_pct"], c["direction"]) == (
        Decimal("16726700.00"), Decimal("16906900.00"), Decimal("1.07"), -1)


def test_a_wrong_rate_against_the_named_figure_is_found() -> None:
    df, _ = check_text(TITLE + WRONG)
    bad = failures(df)
    assert list(bad["check_name"]) == ["change_matches_figures"]
    assert list(bad["expected"]) == [1.10] and round(float(bad["observed"].iloc[0]), 2) == 15.13


def test_a_right_rate_passes() -> None:
    df, _ = check_text(TITLE + RIGHT)
    assert failures(df).empty and (df["check_name"] == "change_matches_figures").sum() == 1


def test_without_a_printed_change_amount_the_figures_own_rounding_is_the_tolerance() -> None:
    # 100 × 1.31 / 59.11 = 2.216 %: printed 2.21 %, inside what 57.8 (±0.05) and 59.11 allow
    df, _ = check_text(TITLE + ONE_DECIMAL)
    assert failures(df).empty and (df["check_name"] == "change_matches_figures").sum() == 1


def test_two_figures_of_the_named_year_leave_the_change_unjudged() -> None:
    text = "2025年预算100万元，2025年执行数90万元，2026年预算安排120万元，比2025年预算增长20%。"
    assert _changes(text) == []


def test_a_comparison_with_no_figure_of_its_year_in_the_sentence_is_not_a_prior() -> None:
    assert _changes("2026年预算安排120万元，比2025年预算执行数增长20%。") == []
