"""A “三公”经费 table printing two years side by side (2025年预算数 | 2026年预算数, each over 合计 |
因公出国（境）经费 | 公务用车购置及运行维护费 | 公务接待费, one line of figures): the earlier year's
figures are that year's (period 'prior'), never this year's. Layout and figures as printed in
烟台市审计局 2026 部门预算 公开表7 (p.19), where 8.50 (2025's 因公出国（境）经费) was compared with the
text's 0 for 2026 (tests/audit/verdicts.csv)."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.ingest.read import read_document
from pipeline.settings import Settings

BLOCK = ('<td rowspan="2">合计</td><td rowspan="2">因公出国（境）经费</td><td colspan="3">公务用车购置及运行维护费</td>'
         '<td rowspan="2">公务接待费</td>')
SUB = "<td>小计</td><td>公务用车购置经费</td><td>公务用车运行维护费</td>"
FIGURES = ["11.90", "8.50", "", "", "", "3.40", "3.40", "", "", "", "", "3.40"]
PAGE = f"""烟台市审计局2026年部门预算
公开表7
一般公共预算“三公”经费支出情况表
部门（单位）：烟台市审计局 单位：万元
<table>
<tr><td colspan="6">{{first}}</td><td colspan="6">{{second}}</td></tr>
<tr>{BLOCK}{BLOCK}</tr>
<tr>{SUB}{SUB}</tr>
<tr>{"".join(f"<td>{f}</td>" for f in FIGURES)}</tr>
</table>
"""


def _budgets(first: str, second: str) -> list[tuple[str, str, str]]:
    ex = extract(read_document(PAGE.format(first=first, second=second).encode("utf-8"), Settings()), "d")
    return sorted((r["line_item"], r["reported_text"], r.get("period") or "current") for r in ex.fact_budgets)


def test_the_year_befores_block_is_the_prior_period():
    assert _budgets("2025年预算数", "2026年预算数") == [
        ("sangong", "11.90", "prior"), ("sangong", "3.40", "current"),
        ("sangong_abroad", "8.50", "prior"),
        ("sangong_reception", "3.40", "current"), ("sangong_reception", "3.40", "prior")]


def test_a_later_years_block_is_unread():
    got = _budgets("2026年预算数", "2027年预算数")
    assert ("sangong_abroad", "8.50", "current") in got
    assert all(p == "current" for _i, _t, p in got) and len(got) == 3
