"""中共资源县委员会组织部 2022 部门预算绩效自评报告: narrative budget + 40-project summary table.

Values checked by hand against tests/fixtures/txt/000.txt.
"""

from decimal import Decimal

from tests.golden.conftest import extraction, one, wan


def test_report(fmt):
    ex = extraction("000", fmt)
    assert len(ex.reports) == 1
    r = ex.reports[0]
    assert r["report_kind"] == "department"
    assert r["unit_name"] == "中共资源县委员会组织部"
    assert r["unit_key"] == "中共资源县委组织部"
    assert r["fiscal_year"] == 2022
    assert r["score_total"] == Decimal("95.47")
    # The department states no grade of its own; "自评结论一等" belongs to project lines.
    assert r["grade_text"] is None and r["grade_rank"] is None


def test_narrative_budget(fmt):
    ex = extraction("000", fmt)
    b = {f["stage"]: f for f in ex.fact_budgets if f["project_id"] is None and f["line_item"] == "total"}
    assert b["initial"]["amount_yuan"] == wan("583.44")
    assert b["adjustment"]["amount_yuan"] == wan("489.85")
    assert b["adjusted"]["amount_yuan"] == wan("1073.3")
    assert b["adjusted"]["decimals"] == 1 and b["adjusted"]["reported_text"] == "1073.3"
    assert "para=" in b["adjusted"]["source_ref"]
    e = one(ex.fact_executions, project_id=None, line_item="total")
    assert e["executed_yuan"] == wan("587.51")
    assert e["reported_rate_pct"] == Decimal("54.74")


def test_summary_table_projects(fmt):
    ex = extraction("000", fmt)
    assert len(ex.projects) == 40
    p = one(ex.projects, project_code="450329210000000104678")
    assert p["project_name"] == "岗责办经费"
    s = one(ex.fact_scores, project_id=p["project_id"], component="total")
    assert s["score"] == Decimal("90") and s["grade_text"] == "一等"
    # 老干部活动经费: amounts printed without a unit, in 元 (inferred from the report's own budget)
    p5 = one(ex.projects, project_code="450329210000000104695")
    adj = one(ex.fact_budgets, project_id=p5["project_id"], stage="adjusted")
    assert adj["amount_yuan"] == Decimal("40000.00") and adj["reported_unit"] == "元"
    ex5 = one(ex.fact_executions, project_id=p5["project_id"])
    assert ex5["executed_yuan"] == Decimal("39952.00") and ex5["reported_rate_pct"] == Decimal("99.88")


def test_summary_counts_stated(fmt):
    ex = extraction("000", fmt)
    m = {x["subject"]: x["value"] for x in ex.fact_mentions if x["subject"].startswith("projects:")}
    assert m["projects:count"] == 40
    assert m["projects:avg_score"] == 91.66
    assert m["projects:grade:一等"] == 27 and m["projects:grade:二等"] == 13


def test_stated_parts_of_the_total(fmt):
    # "整体支出自评得分95.47分，其中：预算执行情况得分5.47分，指标完成情况90分"
    ex = extraction("000", fmt)
    parts = {s["component"]: s["score"] for s in ex.fact_scores if s["project_id"] is None and s["component"] != "total"}
    assert parts == {"预算执行情况": Decimal("5.47"), "指标完成情况": Decimal("90")}


def test_mislabelled_column_is_set_aside_and_logged(fmt):
    """The summary table's 预算年度 column holds amounts (20000, 70000…), not years: the header
    contradicts the cells, so they are set aside (not guessed as a stage) and logged."""
    from tests.golden.conftest import extraction

    ex = extraction("000", fmt)
    logged = [u for u in ex.unrecognised if u["what"] == "column"]
    assert len(logged) == 1 and "预算年度" in logged[0]["reason"] and "40 cells are amounts" in logged[0]["reason"]
    assert ex.coverage == 1.0
    # No fact was made from the column: budgets of the summary rows are only the adjusted ones.
    assert {f["stage"] for f in ex.fact_budgets if f["table_kind"] == "summary"} == {"adjusted"}
