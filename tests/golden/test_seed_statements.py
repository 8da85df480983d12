"""The seeds' running text read by the sentence grammar, in every format (figures read by hand):
003's 决算说明 states 本年支出合计 912.26万元 = 基本支出 686.2 + 项目支出 226.06 and the identity is
checked; 002's five component scores are stored once (the table's), the sentences kept as
mentions of them."""

from __future__ import annotations

from tests.golden.conftest import extraction, wan


def test_003_final_accounts_statement(fmt):
    ex = extraction("003", fmt)
    fa = ex.reports[0]
    assert fa["report_kind"] == "final_accounts"
    stated = [f for f in ex.fact_executions if f["report_id"] == fa["report_id"] and f["origin"] == "statement"]
    by_item = {}
    for f in stated:
        by_item.setdefault(f["line_item"], f)
    total = by_item["total_spending"]
    assert total["executed_yuan"] == wan("912.26")
    parts = {f["line_item"]: f["executed_yuan"] for f in stated if f["part_of"] == total["source_ref"]}
    assert parts == {"basic": wan("686.2"), "project": wan("226.06")}


def test_002_components_once(fmt):
    ex = extraction("002", fmt)
    comps = [(f["component"], f["score"]) for f in ex.fact_scores if f["component"] != "total"]
    assert sorted(comps) == sorted({(c, s) for c, s in comps}), "a component stored twice"
    assert {c for c, _ in comps} == {"预算编制", "预算执行", "预决算管理", "绩效评价管理", "监督管理"}
    pairs = [m for m in ex.fact_mentions if m["subject"] == "component:预算编制"]
    assert {m["origin"] for m in pairs} == {"narrative", "table"}
