"""A list of parts that nets a decrease: held-out M 1409 (虎林市林业和草原局 2021 转移支付自评, read
by hand) prints "下达给我单位资金1.53万元,其中:退耕还林抚育 点击查看>> 万元,国家级森林生态效益补偿资金
调减2.66万元,森林抚育补助调减 点击查看>> 万元,造林补助2.42万元,上一轮集体和个人国家级公益林2.88万元,
上一轮退耕还林生态林补助1.12万元". 2.66 is the decrease of one listed item (its level not printed), so
the listed figures (2.42 + 2.88 + 1.12 = 6.42) may exceed 1.53: no finding. Read as the whole's
change with the parts bounded by it, it was a false stated_parts_sum error."""

from __future__ import annotations

from tests.audit.test_audit_rules import run_text

HEAD = "虎林市林业和草原局2021年度中央财政林业改革发展资金绩效自评报告\n"


def _checks(body: str) -> list[tuple[str, str]]:
    df = run_text(HEAD + body)
    d = df[df["check_name"].isin(["stated_parts_sum", "change_matches_figures"])]
    return sorted(zip(d["check_name"], d["status"], strict=True))


def test_a_list_netting_a_decrease_bounds_nothing() -> None:
    body = ("根据文件,下达给我单位资金1.53万元,其中:国家级森林生态效益补偿资金调减2.66万元,造林补助2.42万元,"
            "上一轮集体和个人国家级公益林2.88万元,上一轮退耕还林生态林补助1.12万元。\n")
    assert _checks(body) == []


def test_a_list_without_a_decrease_is_still_bounded() -> None:
    # the same list without the decrease: its parts exceed the whole, a true finding
    body = ("根据文件,下达给我单位资金1.53万元,其中:造林补助2.42万元,"
            "上一轮集体和个人国家级公益林2.88万元,上一轮退耕还林生态林补助1.12万元。\n")
    assert _checks(body) == [("stated_parts_sum", "failed")]
