"""Rules from the held-out sets Q and R (session 14; pages read by hand, sources in
docs/real_corpus_sources.md). Each test failed before its rule."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text
from tests.checks_harness import check_text, failures

# Q 1810 (丰泽区财政局 2019 results notice): three projects' scores stated respectively after the
# names listed before the score word, 得分 run into 分别 (得分别为).
RESPECTIVELY_LISTED = (
    "关于2019年度重点项目绩效评价结果的公告\n"
    "我局对2019年禁毒工作专项经费、20座社区公厕改造建设经费、扶持企业科技基金及扶持企业发展专项基金3个项目进行重点评价,"
    "涉及区本级财政资金7300万元。\n"
    "从评价结果看,禁毒工作专项、社区公厕改造建设、扶持企业科技基金及扶持企业发展专项评价得分别为93.4分、91分、81.5分,"
    "社区公厕改造项目绩效评价结果为优秀。\n")

# Q 1814 (开江县 2021 城镇保障性安居工程 self-evaluation): each sub-fund named inline.
RESPECTIVELY_NAMED = (
    "开江县2021年城镇保障性安居工程财政资金绩效自评报告\n"
    "2021年我县城镇保障性安居工程财政资金绩效自评得分分别为:租赁住房保障90分,老旧小区改造93分,城市棚户区改100分。\n")


def _scores(text: str) -> dict[str, Decimal]:
    ex = extract(read_text(text.encode("utf-8")), "d")
    return {f["component"]: f["score"] for f in ex.fact_scores}


def test_scores_stated_respectively_take_the_names_listed_before_them() -> None:
    assert _scores(RESPECTIVELY_LISTED) == {"禁毒工作专项": Decimal("93.4"), "社区公厕改造建设": Decimal("91"),
                                             "扶持企业科技基金及扶持企业发展专项": Decimal("81.5")}
    df, _ = check_text(RESPECTIVELY_LISTED)
    assert failures(df).empty


def test_scores_stated_respectively_with_their_own_names() -> None:
    assert _scores(RESPECTIVELY_NAMED) == {"租赁住房保障": Decimal("90"), "老旧小区改造": Decimal("93"),
                                           "城市棚户区改": Decimal("100")}


def test_respectively_without_as_many_names_reads_no_score() -> None:
    # two names listed, three scores: which is whose is not printed
    text = "项目绩效自评报告\n甲项目、乙项目评价得分分别为90分、80分、70分。\n"
    assert _scores(text) == {}
