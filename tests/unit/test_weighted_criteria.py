"""A results table with weighted criteria run together in a paragraph (held-out S 2012, 四川省财政厅:
results of the evaluation of an ADB-loan project, read by hand: 相关性 20 % 100.00 → 20.00, 效率 50 %
77.39 → 38.70, 效果 20 % 73.90 → 14.78, 可持续性 10 % 92.00 → 9.20, 项目绩效 100 % / 82.68). Each row
is split where weight × score / 100 = weighted score; the total is stored only when the weights
add up to 100 % and the weighted scores to the total. Never a wrong split: a generated table in
any rendering is read right or not at all."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract import extract
from pipeline.readers.text import read_text

S2012 = ("根据财政部《国际金融组织和外国政府贷款赠款项目绩效评价管理办法》(财国合〔2019〕18号)有关要求,财政厅于"
         "2024年3月至5月安排四川省财政投资评审中心对亚洲开发银行贷款四川资阳绿色转型和发展项目开展绩效评价,现将评价"
         "结果予以公开,评价准则权重(%)评价分值(百分制)加权平均得分绩效等级相关性20%100.0020.00高度相关效率50%"
         "77.3938.70效率一般效果20%73.9014.78比较满意可持续性10%92.009.20高度可持续项目绩效100%/82.68实施比较顺利。")
# the same page as the mirror printed it: traditional script, each converted character glossed
S2012_TRAD = S2012.replace("根据财政部", "根據(jù)財(cái)政部").replace("绩效评价,现", "績(jī)效評(píng)價(jià),現(xiàn)")


def _scores(text: str) -> set[tuple]:
    ex = extract(read_text(text.encode("utf-8")), "t")
    return {(f["component"], f["weight"], f["score"]) for f in ex.fact_scores if f["origin"] != "criterion"}


def _own_scores(text: str) -> set[tuple]:
    ex = extract(read_text(text.encode("utf-8")), "t")
    return {(f["component"], f["weight"], f["score"]) for f in ex.fact_scores if f["origin"] == "criterion"}


WANT = {("row1", Decimal("20"), Decimal("20.00")), ("row2", Decimal("50"), Decimal("38.70")),
        ("row3", Decimal("20"), Decimal("14.78")), ("row4", Decimal("10"), Decimal("9.20")),
        ("total", None, Decimal("82.68"))}


def test_run_together_weighted_criteria() -> None:
    assert _scores(S2012) == WANT
    assert _scores(S2012_TRAD) == WANT


def test_each_criterion_keeps_its_own_score_out_of_100() -> None:
    """The 评价分值 column (each criterion's own score, 百分制) is stored beside its weighted part,
    with origin 'criterion' so no sum counts it (the weighted scores add up to the total)."""
    own = {("row1", None, Decimal("100.00")), ("row2", None, Decimal("77.39")),
           ("row3", None, Decimal("73.90")), ("row4", None, Decimal("92.00"))}
    assert _own_scores(S2012) == own
    assert _own_scores(S2012_TRAD) == own


def test_sums_that_do_not_match_store_nothing() -> None:
    assert _scores(S2012.replace("100%/82.68", "100%/85.68")) == set()
    assert _scores(S2012.replace("可持续性10%", "可持续性15%")) == set()
    assert _own_scores(S2012.replace("100%/82.68", "100%/85.68")) == set()


_Q = Decimal("0.01")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(1, 10000), min_size=2, max_size=5), st.integers(0, 99), st.sampled_from(["run", "spaces", "bars"]))
def test_generated_tables_are_read_right_or_not_at_all(raw: list[int], cut: int, how: str) -> None:
    n = len(raw)
    weights = [Decimal(100 // n)] * (n - 1) + [Decimal(100 - (100 // n) * (n - 1))]
    scores = [(Decimal(r) / 100).quantize(_Q) for r in raw]
    weighted = [(w * s / 100).quantize(_Q, ROUND_HALF_UP) for w, s in zip(weights, scores, strict=True)]
    total = sum(weighted, Decimal(0))
    sep = {"run": "", "spaces": " ", "bars": " | "}[how]
    names = ["相关性", "效率", "效果", "可持续性", "管理"]
    rows = "".join(f"{names[k]}{sep}{w}%{sep}{s}{sep}{ws}{sep}" for k, (w, s, ws) in
                   enumerate(zip(weights, scores, weighted, strict=True)))
    text = f"绩效评价结果公开,评价准则权重(%)评价分值(百分制)加权平均得分{rows}项目绩效{sep}100%{sep}/{sep}{total}。"
    got = _scores(text)
    if got:
        assert ("total", None, total) in got
        for k, (w, ws) in enumerate(zip(weights, weighted, strict=True), start=1):
            assert (f"row{k}", w, ws) in got
        assert _own_scores(text) == {(f"row{k}", None, s) for k, s in enumerate(scores, start=1)}
