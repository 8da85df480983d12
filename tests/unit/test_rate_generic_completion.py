"""A completion rate stated on its own whose label names no money ('…逐步降低重点传染病的危害,
完成率280%': a work target's completion, verbatim from real-dev 158) is no budget rate: it goes to
`unrecognised`. One naming money ('资金补贴完成率17%') or a specific rate word (执行率) is kept."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text

HEAD = "2023年度部门整体支出绩效自评报告\n"
D158 = "2、学调查和疫情分析研判,及时处置暴发疫情,逐步降低重点传染病的危害,完成率280%。\n"


def _rates(text: str) -> tuple[set[Decimal], list[dict]]:
    ex = extract(read_text((HEAD + text).encode("utf-8")), "t")
    return {f["reported_rate_pct"] for f in ex.fact_executions if f["reported_rate_pct"] is not None}, ex.unrecognised


def test_a_work_targets_completion_is_no_budget_rate() -> None:
    got, unrec = _rates(D158)
    assert got == set() and any(u["text"] == "280" for u in unrec)


def test_rates_naming_money_or_execution_are_kept() -> None:
    assert _rates("资金补贴完成率17%。\n")[0] == {Decimal("17")}
    assert _rates("全年预算执行率96.5%。\n")[0] == {Decimal("96.5")}
