"""A score row whose label names the score itself (得分合计, 合计得分, 总得分) printing one figure:
the figure is the total score, in every rendering — run together at the end of a flattened
indicator table (held-out S 2029, 四川省财政厅 普惠金融发展专项资金 自评表: '…满意度≥80%100%5%5
得分合计100。', read by hand: total 100), the label cut at a word the templates split on
(得分 | 合计), `|` rows, one cell per line, spaces. Two figures are the weights' and scores' sums."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract import extract
from pipeline.readers.text import read_text

S2029 = ("专项名称普惠金融发展专项资金省级主管部门四川省财政厅资金情况(万元)年度金额(提前下达):208万元"
         "绩效目标完成情况一级指标二级指标三级指标指标值完成值权重得分产出指标数量指标创业担保贷款发放额增长率"
         "≥10%115.25%20%20满意度指标服务对象满意度指标申报创业担保贷款贴息小微企业的满意度≥80%100%5%5得分合计100。")


def _totals(text: str) -> set[tuple]:
    ex = extract(read_text(text.encode("utf-8")), "t")
    return {(f["weight"], f["score"]) for f in ex.fact_scores if f["component"] == "total"}


def test_run_together_score_total_is_the_score() -> None:
    assert _totals(S2029) == {(None, Decimal("100"))}


def test_two_figures_are_the_weights_and_the_scores_sums() -> None:
    assert _totals(S2029.replace("得分合计100。", "得分合计 | 100 | 96 |")) == {(Decimal("100"), Decimal("96"))}


ROWS = [["一级指标", "二级指标", "三级指标", "指标值", "完成值", "分值", "得分"],
        ["产出指标", "数量指标", "培训人数", "≥100人", "120人", "50", "48.5"],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "50", "47"]]


def _render(rows: list[list[str]], how: str) -> str:
    head = "项目支出绩效自评表\n项目名称 | 培训项目 |\n"
    if how == "bars":
        return head + "".join("| " + " | ".join(r) + " |\n" for r in rows)
    if how == "nobar":
        return head + "".join(" | ".join(r) + " | ||\n" for r in rows)
    if how == "lines":
        return head + "".join(c + "\n" for r in rows for c in r)
    if how == "spaces":
        return head + "".join(" ".join(r) + "\n" for r in rows)
    return head + "".join("".join(r) for r in rows) + "\n"


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["bars", "nobar", "lines", "spaces", "run"]), st.sampled_from(["得分合计", "合计得分", "总得分"]),
       st.sampled_from(["95.5", "100", "88"]))
def test_every_rendering_reads_the_lone_score(how: str, label: str, score: str) -> None:
    text = _render([*ROWS, [label, score]], how)
    assert _totals(text) == {(None, Decimal(score))}


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["nobar", "lines", "spaces", "run"]), st.sampled_from(["自评得分", "综合得分"]),
       st.sampled_from(["95.5", "100", "88"]))
def test_a_self_evaluation_score_is_read_once(how: str, label: str, score: str) -> None:
    """自评得分 95.5 after the indicator table: once, whether the sentence reader or the template
    took it (a grid's `| 自评得分 | 95 |` row is the table recognisers' to read)."""
    ex = extract(read_text(_render([*ROWS, [label, score]], how).encode("utf-8")), "t")
    assert [(f["weight"], f["score"]) for f in ex.fact_scores if f["component"] == "total"] == [(None, Decimal(score))]


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["bars", "nobar", "lines", "spaces", "run"]), st.sampled_from(["得分合计", "合计得分"]))
def test_weight_and_score_after_a_score_label(how: str, label: str) -> None:
    """Two figures (run together too: 合计得分10095 → 100 | 95; 10095 is no score)."""
    assert _totals(_render([*ROWS, [label, "100", "95"]], how)) == {(Decimal("100"), Decimal("95"))}
