"""A figure's funding levels listed under it (其中:中央…,省级…,市级…) are its parts: they never
add up to more than it. After held-out G 802 (text not committed): a town's grants from above
755.19万元 with 124.23 + 370.83 + 260.3 = 755.36万元 listed. One level alone is not judged (it
may be offset by a level printed negative or not at all: 其中中央直达资金139.71万元,省直达-13.27万元
under 126.44万元, F 735)."""

from __future__ import annotations

from tests.audit.test_audit_rules import run_text

LEVELS = ("一、绩效目标分解下达情况\n"
          "(一)某县某镇人民政府2023年度下达上级资金转移支付{whole}万元。绩效目标设置根据项目实施情况从产出指标、效益指标设置。\n"
          "(二)某县某镇人民政府2023年度下达上级资金转移支付{whole}万元。其中:中央级资金转移支付124.23万元,"
          "省级资金转移支付370.83万元,市级资金260.3万元,资金共分为10个项目。\n二、绩效目标完成情况\n")


def _status(text: str, check: str) -> list[tuple[str, float, float]]:
    df = run_text(text)
    d = df[df["check_name"] == check]
    return [(s, round(e, 2), round(o, 2)) for s, e, o in zip(d["status"], d["expected"], d["observed"], strict=True)]


def test_levels_adding_up_to_more_than_their_figure_are_a_finding() -> None:
    assert _status(LEVELS.format(whole="755.19"), "stated_parts_sum") == [("failed", 7551900.0, 7553600.0)]


def test_levels_within_their_figure_pass() -> None:
    assert _status(LEVELS.format(whole="755.36"), "stated_parts_sum") == [("passed", 7553600.0, 7553600.0)]


ONE_LEVEL = ("一、绩效目标分解下达情况\n"
             "(一)某县某镇人民政府2023年度下达上级资金转移支付755.19万元。绩效目标设置根据项目实施情况从产出指标、效益指标设置。\n"
             "(二)某县某镇人民政府2023年度下达上级资金转移支付755.19万元。其中:中央级资金转移支付{central}万元,"
             "资金共分为10个项目。\n二、绩效目标完成情况\n")


def test_one_level_alone_is_not_judged() -> None:
    assert _status(ONE_LEVEL.format(central="780"), "stated_parts_sum") == []


def test_one_level_alone_is_stored_as_a_part() -> None:
    """The rule, not the reading, keeps it out: with the rule off the same text would fail."""
    df = run_text(ONE_LEVEL.format(central="780"))
    assert not (df["status"] == "failed").any()
