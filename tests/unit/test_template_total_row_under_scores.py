"""合计 closing an indicator table (… 实际完成值 | 分值 | 得分) is its score row: weight and score,
in every rendering of the stream (one cell per line, blank-line separated with empty cells,
`|` rows, spaces, run together). The same label closes amounts tables and fund-source lists,
so it is read only right under a header whose last field words are 分值 then 得分 — never
under a funding header (全年执行数 分值 执行率 得分), never figures no weight/score can be."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract import extract
from pipeline.readers.text import read_text

HEAD = "项目支出绩效自评表\n项目名称 | 培训项目 |\n"
FUNDING = [["项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
           ["年度资金总额", "100", "100", "95", "10", "95%", "9.5"]]
INDICATORS = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
              ["产出指标", "数量指标", "培训人数", "≥100人", "120人", "50", "48.5", ""],
              ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "40", "37", ""]]


def _render(rows: list[list[str]], how: str) -> str:
    if how == "nobar":
        return HEAD + "".join(" | ".join(r) + " | ||\n" for r in rows)
    if how == "lines":
        return HEAD + "".join(c + "\n" for r in rows for c in r if c)
    if how == "blank_lines":
        return HEAD + "".join(c + "\n\n" for r in rows for c in r)
    if how == "spaces":
        return HEAD + "".join(" ".join(c for c in r if c) + "\n" for r in rows)
    return HEAD + "".join("".join(r) for r in rows) + "\n"


def _totals(text: str) -> set[tuple]:
    ex = extract(read_text(text.encode("utf-8")), "t")
    return {(f["weight"], f["score"]) for f in ex.fact_scores if f["component"] == "total"}


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(["nobar", "lines", "blank_lines", "spaces", "run"]), st.sampled_from(["合计", "总计"]),
       st.sampled_from([("100", "95"), ("100.00", "88.50"), ("90", "86")]))
def test_total_row_of_an_indicator_table(how: str, label: str, ws: tuple[str, str]) -> None:
    rows = [*FUNDING, *INDICATORS, [label, "", "", "", "", ws[0], ws[1], ""]]
    assert _totals(_render(rows, how)) == {(Decimal(ws[0]), Decimal(ws[1]))}


def test_not_under_a_funding_header() -> None:
    rows = [*FUNDING, ["合计", "100", "95"]]
    for how in ("nobar", "lines", "spaces"):
        assert _totals(_render(rows, how)) == set()


def test_not_under_an_amounts_header() -> None:
    text = "2023年部门决算说明\n项目 | 预算数 | 决算数 |\n基本支出 | 60 | 55 |\n合计 | 100 | 95 |\n"
    assert _totals(text) == set()


def test_not_figures_no_weight_and_score_can_be() -> None:
    rows = [*FUNDING, *INDICATORS, ["合计", "", "", "", "", "1200", "1100", ""]]
    for how in ("nobar", "lines", "spaces"):
        assert _totals(_render(rows, how)) == set()
