"""A text that announces a whole's parts by name and number ("主要有A、B二类支出") and then lists
exactly those parts under the whole has listed all of them: their sum must equal it, not merely
stay under it. Real-dev 116 (绵阳市科学技术局, the sentence below as printed): 2455.5万元 with
87.5 + 2350 = 2437.5万元 listed, 18万元 short. A list whose names or count disagree with the
announcement stays a possibly partial list (parts ≤ whole)."""

from __future__ import annotations

import pytest

from tests.audit.test_audit_rules import run_text

HEAD = "绵阳市科学技术局2021年度项目支出绩效自评报告\n一、项目基本情况\n"
REAL = ("  绵阳市科学技术局主要有部门预算项目支出、专项预算支出二类支出,项目资金总预算为{whole}万元,"
        "其中部门预算项目支出87.5万元,专项预算支出{second}万元。\n")


def _status(text: str) -> list[tuple[str, float, float]]:
    df = run_text(HEAD + text)
    d = df[df["check_name"] == "stated_parts_sum"]
    return [(s, round(e, 2), round(o, 2)) for s, e, o in zip(d["status"], d["expected"], d["observed"], strict=True)]


def test_the_announced_parts_short_of_their_whole_are_a_finding() -> None:
    assert _status(REAL.format(whole="2455.5", second="2350")) == [("failed", 24555000.0, 24375000.0)]


def test_the_announced_parts_adding_up_pass() -> None:
    assert _status(REAL.format(whole="2437.5", second="2350")) == [("passed", 24375000.0, 24375000.0)]


@pytest.mark.parametrize("announcement", [
    "主要有部门预算项目支出、专项预算支出三类支出",  # the count says three, two are named
    "主要有部门预算项目支出、其他支出二类支出",  # the list names a part not announced
])
def test_a_list_the_announcement_does_not_match_may_be_partial(announcement: str) -> None:
    text = REAL.format(whole="2455.5", second="2350").replace("主要有部门预算项目支出、专项预算支出二类支出", announcement)
    assert all(s == "passed" for s, _e, _o in _status(text))


def test_the_sentence_wrapped_over_printed_lines_is_still_one_paragraph() -> None:
    # the same sentence as a PDF's text prints it, cut every ~23 characters: the parts sit on
    # other printed lines than their whole, but the reader rejoined them (source_ref in=)
    wrapped = ("  绵阳市科学技术局主要有部门预算项目支出、专\n项预算支出二类支出,项目资金总预算为2455.5\n"
               "万元,其中部门预算项目支出87.5万元,专项预\n算支出2350万元。\n"
               "  部门预算项目支出主要用于积极引进、培养人才\n,开展核心技术攻关、提升产品性能、促进企业发展\n"
               ",解决行业关键技术难题,深化科技金融结合试点,\n加强与相关部门和金融机构的合作,在全市开展“拨\n"
               "、贷、投、保、贴”等科技金融联动工作,积极探索\n技术、资本、市场、产品相融合的科技金融结合新模式。\n")
    assert _status(wrapped) == [("failed", 24555000.0, 24375000.0)]
