"""A funding row run together by a document-site preview that lost the digits before each point
(real-dev 115: 重庆市梁平区林业局 2023年度部门整体绩效自评表, read by hand: 执行率 79.27, 执行率权重 10,
执行率得分 7.93; the amounts '.32.06.5' are cut and not read). The run's last three figures are
rate | weight | score only where score = rate × weight / 100 fixes one split."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text

PAGE = ("1、重庆市梁平区林业局2023年度部门整体绩效自评表主管部n重庆市梁平区林业局部门联系人李薇联系电话自评总分(分)97.93"
        "年初预算数全年(调整)预算数全年执行数执行率执行率权重执行率得分年度总金额.32.06.5其中财政拨款.32.06.579.27107.93"
        "年初绩效目标全年(调整)绩效目标全年目标实际完成情况维护林业、林区安全稳定。\n")


def _read(text: str):
    ex = extract(read_text(text.encode("utf-8")), "t")
    rates = {f["reported_rate_pct"] for f in ex.fact_executions if f["reported_rate_pct"] is not None}
    scores = {(f["component"], f["weight"], f["score"]) for f in ex.fact_scores}
    return rates, scores


def test_rate_weight_and_score_from_the_runs_end() -> None:
    rates, scores = _read(PAGE)
    assert rates == {Decimal("79.27")}
    assert ("budget_execution", Decimal("10"), Decimal("7.93")) in scores
    assert ("total", None, Decimal("97.93")) in scores


def test_no_split_the_identity_fixes_reads_nothing() -> None:
    rates, scores = _read(PAGE.replace("79.27107.93", "79.27108.93"))
    assert rates == set()
    assert not any(c == "budget_execution" for c, _, _ in scores)
