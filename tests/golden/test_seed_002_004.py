"""Seeds 002 (scoring table + narrative scores), 003 (决算说明 + 部门整体 + 24 project tables),
004 (expense table by class, narrative component scores)."""

from decimal import Decimal

from tests.golden.conftest import extraction, one, wan


def test_002_scores(fmt):
    ex = extraction("002", fmt)
    r = ex.reports[0]
    assert (r["report_kind"], r["unit_name"], r["fiscal_year"]) == ("department", "中共资源县委员会办公室", 2023)
    assert r["score_total"] == Decimal("90")
    table = [s for s in ex.fact_scores if s["origin"] == "table"]
    c = one(table, component="预算编制")
    assert (c["weight"], c["score"]) == (Decimal("26"), Decimal("24"))
    assert one(table, component="total")["score"] == Decimal("90")


def test_003_segments(fmt):
    ex = extraction("003", fmt)
    kinds = [(r["report_kind"], r["fiscal_year"], r["unit_key"]) for r in ex.reports]
    assert kinds == [("final_accounts", 2023, "中共广元市昭化区委组织部"), ("department", 2023, "中共广元市昭化区委组织部")]
    dept = ex.reports[1]["report_id"]
    # The department states no total score; "该项目评价得分100分" belongs to a project.
    assert ex.reports[1]["score_total"] is None
    b = {f["stage"]: f for f in ex.fact_budgets
         if f["report_id"] == dept and f["project_id"] is None and f["line_item"] == "total" and f["origin"] == "table"}
    assert b["initial"]["amount_yuan"] == wan("664.57")
    assert b["adjusted"]["amount_yuan"] == wan("912.26")
    e = one(ex.fact_executions, report_id=dept, project_id=None, line_item="total", origin="table")
    assert e["executed_yuan"] == wan("831.95") and e["reported_rate_pct"] == Decimal("91.20")
    assert e["rate_decimals"] == 2
    assert len([p for p in ex.projects if p["origin"] == "self_eval_table"]) == 24


def test_003_project_rate_printed_zero(fmt):
    ex = extraction("003", fmt)
    p = one(ex.projects, project_name="东西部协作人才交流项目")
    e = one(ex.fact_executions, project_id=p["project_id"], line_item="total")
    assert e["executed_yuan"] == wan("35") and e["reported_rate_pct"] == Decimal("0")


def test_004_expense_classes(fmt):
    ex = extraction("004", fmt)
    r = ex.reports[0]
    assert (r["report_kind"], r["unit_key"], r["fiscal_year"]) == ("department", "中共惠州大亚湾经济技术开发区委组织部", 2022)
    assert r["score_total"] == Decimal("103") and r["grade_text"] == "优"
    b = [f for f in ex.fact_budgets if f["origin"] == "table"]
    assert one(b, line_item="basic", stage="initial")["amount_yuan"] == wan("1438.40")
    assert one(b, line_item="personnel", stage="adjusted")["amount_yuan"] == wan("1550.67")
    assert one(b, line_item="public_operating", stage="adjusted")["amount_yuan"] == wan("86.00")
    assert one(b, line_item="total", stage="initial")["amount_yuan"] == wan("4255.62")
    e = [f for f in ex.fact_executions if f["origin"] == "table"]
    assert one(e, line_item="project")["executed_yuan"] == wan("2067.18")
    comp = one(ex.fact_scores, component="预算编制合理性")
    assert (comp["weight"], comp["score"]) == (5.0, 4.5)


def test_003_deduction_rows_are_caps_not_scores(fmt):
    ex = extraction("003", fmt)
    ded = sorted((s["weight"], s["score"]) for s in ex.fact_scores if s["component"].startswith("扣分项"))
    assert ded == [(Decimal("2"), None), (Decimal("3"), None)]  # 扣分项（5分）: 3 + 2, nothing earned
