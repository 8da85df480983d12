"""中共益阳市委组织部 2022 业务工作开展专项资金绩效自评报告 with its project self-evaluation table."""

from decimal import Decimal

from tests.golden.conftest import extraction, one, wan


def test_report(fmt):
    ex = extraction("001", fmt)
    r = ex.reports[0]
    assert (r["report_kind"], r["unit_key"], r["fiscal_year"]) == ("special_fund", "中共益阳市委组织部", 2022)
    assert r["score_total"] == Decimal("97.13")
    assert r["grade_text"] == "优秀" and r["grade_rank"] == 1


def test_project_funding_block(fmt):
    ex = extraction("001", fmt)
    p = one(ex.projects, project_name="业务工作开展专项经费")
    assert p["competent_department"] == "中国共产党益阳市委员会组织部"
    pid = p["project_id"]
    assert one(ex.fact_budgets, project_id=pid, line_item="total", stage="initial")["amount_yuan"] == wan("155.68")
    assert one(ex.fact_budgets, project_id=pid, line_item="total", stage="adjusted")["amount_yuan"] == wan("261.46")
    assert one(ex.fact_budgets, project_id=pid, line_item="fiscal_current", stage="initial")["amount_yuan"] == wan("153.03")
    assert one(ex.fact_budgets, project_id=pid, line_item="carryover", stage="initial")["amount_yuan"] == wan("2.65")
    e = one(ex.fact_executions, project_id=pid, line_item="total")
    assert e["executed_yuan"] == wan("261.46") and e["reported_rate_pct"] == Decimal("100")
    assert e["source_ref"].startswith(("table=1;row=", "page="))
    s = one(ex.fact_scores, project_id=pid, component="budget_execution")
    assert (s["weight"], s["score"]) == (Decimal("10"), Decimal("10"))


def test_indicators(fmt):
    ex = extraction("001", fmt)
    cost = one(ex.fact_indicators, name="招录公务员成本")
    assert cost["level1"] == "产出指标" and cost["level2"] == "成本指标"
    assert cost["target_op"] == "<=" and cost["target_value"] == 2000
    assert cost["actual_value"] == 1756 and cost["attained"] is True
    late = one(ex.fact_indicators, name="经费支付时限")
    assert late["weight"] == Decimal("10") and late["score"] == Decimal("7.13")
    assert late["deviation_reason"].startswith("年底因疫情")
    sat = one(ex.fact_indicators, name="群众对干部的满意度")
    assert sat["target_op"] == ">=" and sat["attained"] is True


def test_printed_total_row(fmt):
    # The table's 总分 row prints 7.13 while its parts add up to 97.13: kept as printed.
    ex = extraction("001", fmt)
    pid = one(ex.projects, project_name="业务工作开展专项经费")["project_id"]
    t = one(ex.fact_scores, project_id=pid, component="total")
    assert t["score"] == Decimal("7.13") and t["weight"] == Decimal("100")
