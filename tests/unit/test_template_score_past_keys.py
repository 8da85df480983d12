"""A score label whose value the rendering printed after the form's other keys and their values
(held-out set 13, 1411: 安居区市场监管局 食品监管补助资金区域绩效目标自评表, one cell per line, read by hand:
自评得分 100 — the label's cell spans the rows 省级财政部门 | 四川省财政厅 and 省级主管部门 | 四川省市场监管局
print on, so its value comes after them)."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text

FORM = ("食品监管补助资金区域绩效目标自评表\n\n专项名称\n\n食品监管补助资金\n\n中央主管部门\n\n市场监管总局\n\n自评得分\n\n"
        "省级财政部门\n\n四川省财政厅\n\n省级主管部门\n\n四川省市场监管局\n\n100\n\n预算执行情况\n\n预算数:\n\n2.38\n\n"
        "执行数:\n\n2.38\n\n20\n\n")


def _totals(text: str) -> set:
    ex = extract(read_text(text.encode("utf-8")), "t")
    return {f["score"] for f in ex.fact_scores if f["component"] == "total"}


def test_score_after_the_forms_keys() -> None:
    assert _totals(FORM) == {Decimal("100")}


def test_not_past_a_figure_or_other_words() -> None:
    # a key whose value is a figure: the pairs are no key cells, nothing is read past them
    assert _totals(FORM.replace("四川省财政厅", "2.38")) == set()
    # words that are no key cell between the label and the figure
    assert _totals(FORM.replace("省级财政部门\n\n四川省财政厅\n\n", "资金使用情况\n\n良好\n\n")) == set()
    # two figures after the keys: which one is the score is not said
    assert _totals(FORM.replace("100\n\n预算执行情况", "100\n\n95\n\n预算执行情况")) == set()
