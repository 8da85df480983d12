"""The department form's own total printed as a key beside the unit's name (部门名称 | X局 | 自评总分(分)
| 97.93, as real-dev 115's 重庆市梁平区林业局 form prints it) is its total score in every rendering:
a grid, one cell per line, blank-line separated, `|` rows, spaces, run together — once. A value
above 100 is no score; a form whose 总分 row was read keeps that one."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract import extract
from pipeline.readers.text import read_text

HEAD = "部门整体支出绩效自评表\n"
FUNDING = [["项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
           ["年度资金总额", "100", "100", "95", "10", "95%", "9.5"], ["年度总体目标", "完成"]]


def _render(rows: list[list[str]], how: str) -> str:
    if how == "bars":
        return HEAD + "".join("| " + " | ".join(r) + " |\n" for r in rows)
    if how == "nobar":
        return HEAD + "".join(" | ".join(r) + " | ||\n" for r in rows)
    if how == "lines":
        return HEAD + "".join(c + "\n" for r in rows for c in r if c)
    if how == "blank_lines":
        return HEAD + "".join(c + "\n\n" for r in rows for c in r)
    if how == "spaces":
        return HEAD + "".join(" ".join(c for c in r if c) + "\n" for r in rows)
    return HEAD + "".join("".join(r) for r in rows) + "\n"


def _totals(text: str) -> list[Decimal]:
    ex = extract(read_text(text.encode("utf-8")), "t")
    return [f["score"] for f in ex.fact_scores if f["component"] == "total"]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["bars", "nobar", "lines", "blank_lines", "spaces", "run"]),
       st.sampled_from(["自评总分(分)", "自评总分", "自评得分"]), st.sampled_from(["97.93", "100", "88.5"]))
def test_the_forms_own_total_in_every_rendering(how: str, label: str, score: str) -> None:
    rows = [["部门名称", "重庆市梁平区林业局", label, score], *FUNDING]
    assert _totals(_render(rows, how)) == [Decimal(score)]


def test_a_value_above_100_is_no_score() -> None:
    rows = [["部门名称", "重庆市梁平区林业局", "自评总分(分)", "197.93"], *FUNDING]
    assert Decimal("197.93") not in _totals(_render(rows, "bars"))
