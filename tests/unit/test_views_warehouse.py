"""The analysts' views on a small hand-made warehouse (two units, two years) whose answers
are worked out by hand: aliases resolved, a table figure preferred to the same figure in
text and never counted twice, twins ignored, the latest check run per report, year-over-year
changes, rankings, projects matched across years by code and by name key."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from pipeline.settings import SQL_DIR
from pipeline.warehouse.views import (
    HELPER_VIEW_NAMES,
    VIEW_NAMES,
    all_view_names,
    apply_table_comments,
    create_views,
    missing_comments,
)

A, B = "中共示例县委组织部", "中共示例县委办公室"
T1, T2 = datetime(2024, 1, 1, 9), datetime(2024, 2, 1, 9)


def _insert(con, table: str, rows: list[dict]) -> None:
    for r in rows:
        cols = ", ".join(r)
        con.execute(f"INSERT INTO {table} ({cols}) VALUES ({', '.join('?' for _ in r)})", list(r.values()))


def build_warehouse(path: Path) -> Path:
    """Schema from sql/schema, then the dataset. Returns path (views created)."""
    con = duckdb.connect(str(path))
    try:
        for f in sorted((SQL_DIR / "schema").glob("*.sql")):
            con.execute(f.read_text(encoding="utf-8"))
        _insert(con, "line_items", [
            dict(code="total", label_zh="年度资金总额", dimension="fund_source", parent_code=None),
            dict(code="basic", label_zh="基本支出", dimension="expense_class", parent_code="total"),
        ])
        doc = lambda i, name, status="loaded", **kw: dict(  # noqa: E731
            document_id=f"d{i}", file_name=name, file_format=name.rsplit(".", 1)[-1], status=status, **kw)
        _insert(con, "documents", [
            doc(1, "A_2021.docx"), doc(2, "A_2022.pdf"), doc(3, "B_2021.docx"), doc(4, "B_2022.docx"),
            doc(5, "broken.pdf", "failed", error_code="ENCRYPTED_PDF", error_message='=HYPERLINK("http://x")'),
            doc(6, "A_2022_old.docx", missing_since=T2), doc(7, "A_2022_fund.docx"),
        ])
        rep = lambda rid, d, kind, name, key, year, score, grade, rank: dict(  # noqa: E731
            report_id=rid, document_id=d, report_kind=kind, unit_name=name, unit_key=key, region="示例县",
            fiscal_year=year, score_total=score, grade_text=grade, grade_rank=rank, seq=1)
        _insert(con, "reports", [
            rep("a21", "d1", "department", "中国共产党示例县委员会组织部", A, 2021, 90, "优秀", 1),  # alias
            rep("a22", "d2", "department", "中共示例县委组织部", A, 2022, 95, "优秀", 1),
            rep("b21", "d3", "department", "中共示例县委办公室", B, 2021, 85, "良好", 2),
            rep("b22", "d4", "department", "中共示例县委办公室", B, 2022, 88, "良好", 2),
            rep("a22old", "d6", "department", "中共示例县委组织部", A, 2022, 10, "差", 4),  # file gone
            rep("a22fund", "d7", "special_fund", "中共示例县委组织部", A, 2022, 70, "中", 3),  # not counted
        ])
        _insert(con, "projects", [
            dict(project_id="a21p1", report_id="a21", project_code="C100", project_name="2021年干部培训经费", project_key="干部培训经费"),
            dict(project_id="a21p2", report_id="a21", project_code=None, project_name="2021年党建经费", project_key="党建经费"),
            dict(project_id="a22p1", report_id="a22", project_code="C100", project_name="2022年干部教育培训", project_key="干部教育培训"),
            dict(project_id="a22p2", report_id="a22", project_code=None, project_name="2022年党建经费", project_key="党建经费"),
            dict(project_id="b22p1", report_id="b22", project_code="C100", project_name="同编码他单位项目", project_key="干部培训经费"),
        ])
        bud = lambda rid, pid, line, stage, amt, origin="table", twin=False, ref="table=1": dict(  # noqa: E731
            report_id=rid, project_id=pid, line_item=line, stage=stage, amount_yuan=amt, reported_text=str(amt / 10000),
            reported_unit="万元", decimals=2, source_ref=ref, origin=origin, is_twin=twin)
        _insert(con, "fact_budgets", [
            bud("a21", None, "total", "initial", 1_000_000),
            bud("a21", None, "total", "adjusted", 1_200_000),
            bud("a21", None, "total", "adjusted", 1_200_000, "narrative", ref="para=2;chars=1-6"),  # same figure in text
            bud("a21", None, "total", "adjusted", 9_999_999, twin=True, ref="table=2"),  # second printing
            bud("a21", None, "total", "adjustment", 200_000, "narrative", ref="para=2;chars=8-12"),
            bud("a21", None, "basic", "adjusted", 800_000),
            bud("a22", None, "total", "adjusted", 1_500_000),
            bud("a22", None, "total", "adjusted", 1_400_000, "narrative", ref="para=3"),  # text disagrees: table wins
            bud("a22", None, "basic", "adjusted", 1_000_000),
            bud("b21", None, "total", "adjusted", 2_000_000),
            bud("b22", None, "total", "adjusted", 1_600_000),
            bud("a22old", None, "total", "adjusted", 7_777_777),
            bud("a22fund", None, "total", "adjusted", 50_000),
            bud("a21", "a21p1", "total", "adjusted", 400_000),
            bud("a21", "a21p1", "total", "adjusted", 400_000, "narrative", ref="para=5"),
            bud("a21", "a21p2", "total", "adjusted", 100_000),
            bud("a22", "a22p1", "total", "adjusted", 440_000),
            bud("a22", "a22p2", "total", "adjusted", 120_000),
            bud("b22", "b22p1", "total", "adjusted", 300_000),
        ])
        exe = lambda rid, pid, amt, rate=None, origin="table": dict(  # noqa: E731
            report_id=rid, project_id=pid, line_item="total", executed_yuan=amt, reported_rate_pct=rate,
            reported_text=str(amt), reported_unit="元", decimals=0, source_ref="table=1;row=9", origin=origin)
        _insert(con, "fact_executions", [
            exe("a21", None, 1_080_000, 90), exe("a21", None, 1_080_000, 90, "narrative"),
            exe("a22", None, 1_350_000, 90), exe("b21", None, 1_800_000, 90), exe("b22", None, 1_520_000, 95),
            exe("a21", "a21p1", 360_000), exe("a22", "a22p1", 396_000), exe("a22", "a22p2", 60_000),
        ])
        _insert(con, "fact_scores", [
            dict(report_id="a22", project_id="a22p1", component="total", weight=100, score=92, grade_text="优秀",
                 grade_rank=1, source_ref="table=4;row=20", origin="table"),
        ])
        ind = lambda name, w, s, att, twin=False: dict(  # noqa: E731
            report_id="a22", project_id=None, level1="产出指标", level2="数量指标", name=name, target_text="≥90%",
            target_op=">=", target_value=90, actual_text="88%", actual_value=88, weight=w, score=s, attained=att,
            source_ref=f"table=3;row={len(name)}", is_twin=twin)
        _insert(con, "fact_indicators", [
            ind("满意度", 10, 10, False), ind("满意度", 10, 10, False, twin=True),
            ind("完成率", 10, 8, False), ind("按期完成", 5, 5, None),
        ])
        dq = lambda run, at, rid, name, sev, ok, doc=None: dict(  # noqa: E731
            run_id=run, checked_at=at, report_id=rid, check_name=name, severity=sev, passed=ok, document_id=doc,
            detail="…")
        _insert(con, "dq_results", [
            dq("r1", T1, "a21", "budget_stage_sum", "error", True, "d1"),
            dq("r1", T1, "a22", "score_sum", "error", False, "d2"),  # superseded by r2
            dq("r1", T1, "b21", "budget_stage_sum", "error", False, "d3"),
            dq("r1", T1, "b22", "execution_within_budget", "warning", False, "d4"),
            dq("r1", T1, "b22", "execution_rate", "error", True, "d4"),
            dq("r2", T2, "a22", "score_sum", "error", True, "d2"),
            dq("r2", T2, None, "table_total", "error", True, "d2"),  # document-level check
        ])
        create_views(con)
    finally:
        con.close()
    return path


@pytest.fixture(scope="module")
def wh(tmp_path_factory) -> Path:
    return build_warehouse(tmp_path_factory.mktemp("views") / "warehouse.duckdb")


@pytest.fixture
def con(wh):
    c = duckdb.connect(str(wh), read_only=True)
    yield c
    c.close()


def rows(con, sql, params=None):
    return con.execute(sql, params or []).fetchall()


def test_create_views_returns_every_view_in_order_and_is_repeatable(tmp_path):
    path = build_warehouse(tmp_path / "w.duckdb")
    c = duckdb.connect(str(path))
    try:
        names = create_views(c)  # a second time on the same warehouse
    finally:
        c.close()
    assert names == all_view_names()
    assert set(VIEW_NAMES) | set(HELPER_VIEW_NAMES) == set(names)
    assert names.index("v_unit_line_year") < names.index("v_unit_year") < names.index("v_unit_yoy")


def test_each_view_file_holds_one_view_and_its_comments():
    for f in sorted((SQL_DIR / "views").glob("*.sql")):
        sql = f.read_text(encoding="utf-8").upper()
        assert sql.count("CREATE OR REPLACE VIEW") == 1, f.name
        assert "COMMENT ON VIEW" in sql and "COMMENT ON COLUMN" in sql, f.name


def test_every_view_and_column_has_a_chinese_comment(con):
    assert missing_comments(con) == []
    comments = dict(rows(con, "SELECT view_name, comment FROM duckdb_views() WHERE NOT internal"))
    assert comments["v_unit_year"].startswith("单位年度汇总")
    for name in VIEW_NAMES:
        cols = rows(con, "SELECT column_name, comment FROM duckdb_columns() WHERE table_name = ?", [name])
        assert cols and all(any("\u4e00" <= ch <= "\u9fff" for ch in c) for _, c in cols), name
    col = rows(con, "SELECT comment FROM duckdb_columns() WHERE table_name = 'v_unit_year' AND column_name = 'adjusted_yuan'")
    assert col == [("调整后预算数（元）",)]


def test_tables_carry_chinese_comments(con):
    assert rows(con, "SELECT comment FROM duckdb_columns() WHERE table_name = 'fact_budgets' AND column_name = 'amount_yuan'") \
        == [("金额（元）",)]
    assert rows(con, "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'documents' AND comment LIKE '文件%'") == [(1,)]


def test_table_comment_statements_skip_columns_a_warehouse_lacks(tmp_path):
    c = duckdb.connect()
    c.execute("CREATE TABLE documents (document_id VARCHAR)")
    skipped = apply_table_comments(c)
    assert skipped and all("COMMENT ON" in s for s in skipped)
    assert rows(c, "SELECT comment FROM duckdb_columns() WHERE column_name = 'document_id'") == [("文件ID（内容哈希）",)]


def test_unit_year_resolves_aliases_prefers_tables_and_ignores_twins(con):
    got = rows(con, """SELECT unit_key, fiscal_year, unit_name, report_kind, n_reports,
                              CAST(initial_yuan AS DOUBLE), CAST(adjustment_yuan AS DOUBLE), CAST(adjusted_yuan AS DOUBLE),
                              CAST(executed_yuan AS DOUBLE), execution_rate_pct, CAST(score AS DOUBLE), grade_text,
                              n_projects, failed_identities, dq_status
                       FROM v_unit_year ORDER BY unit_key, fiscal_year""")
    assert got == [
        (B, 2021, "中共示例县委办公室", "department", 1, None, None, 2_000_000.0, 1_800_000.0, 90.0, 85.0, "良好", 0, 1, "error"),
        (B, 2022, "中共示例县委办公室", "department", 1, None, None, 1_600_000.0, 1_520_000.0, 95.0, 88.0, "良好", 1, 1, "warning"),
        (A, 2021, "中国共产党示例县委员会组织部", "department", 1, 1_000_000.0, 200_000.0, 1_200_000.0, 1_080_000.0, 90.0, 90.0,
         "优秀", 2, 0, "ok"),
        # the special-fund report of the same unit-year and the report whose file left are not added
        (A, 2022, "中共示例县委组织部", "department", 1, None, None, 1_500_000.0, 1_350_000.0, 90.0, 95.0, "优秀", 2, 0, "ok"),
    ]


def test_latest_check_run_per_report(con):
    got = dict((r[0], r[1:]) for r in rows(
        con, "SELECT report_id, dq_run_id, checks_run, checks_failed, dq_status FROM v_report_dq"))
    assert got["a22"] == ("r2", 2, 0, "ok")  # r1's failure no longer counts; the document-level check does
    assert got["b22"] == ("r1", 2, 1, "warning")  # not re-checked in r2: r1 still counts
    assert got["b21"] == ("r1", 1, 1, "error")


def test_unit_line_year_per_line_item(con):
    got = rows(con, "SELECT fiscal_year, line_item, line_item_label, CAST(adjusted_yuan AS DOUBLE) FROM v_unit_line_year "
                    "WHERE unit_key = ? ORDER BY 1, 2", [A])
    assert got == [(2021, "basic", "基本支出", 800_000.0), (2021, "total", "年度资金总额", 1_200_000.0),
                   (2022, "basic", "基本支出", 1_000_000.0), (2022, "total", "年度资金总额", 1_500_000.0)]


def test_year_over_year(con):
    got = rows(con, "SELECT unit_key, line_item, measure, fiscal_year, previous_year, previous_value, value, change_abs, "
                    "change_pct, dq_status, previous_dq_status FROM v_unit_yoy "
                    "WHERE measure IN ('adjusted_yuan', 'score') ORDER BY unit_key, line_item, measure")
    assert got == [
        (B, "total", "adjusted_yuan", 2022, 2021, 2_000_000.0, 1_600_000.0, -400_000.0, -20.0, "warning", "error"),
        (B, "total", "score", 2022, 2021, 85.0, 88.0, 3.0, 3.53, "warning", "error"),
        (A, "basic", "adjusted_yuan", 2022, 2021, 800_000.0, 1_000_000.0, 200_000.0, 25.0, "ok", "ok"),
        (A, "total", "adjusted_yuan", 2022, 2021, 1_200_000.0, 1_500_000.0, 300_000.0, 25.0, "ok", "ok"),
        (A, "total", "score", 2022, 2021, 90.0, 95.0, 5.0, 5.56, "ok", "ok"),
    ]
    # executed and the rate are there too; a year without a previous year gives no row
    assert rows(con, "SELECT change_abs FROM v_unit_yoy WHERE unit_key = ? AND line_item = 'total' "
                     "AND measure = 'executed_yuan'", [A]) == [(270_000.0,)]
    assert rows(con, "SELECT count(*) FROM v_unit_yoy WHERE fiscal_year = 2021") == [(0,)]


def test_ranking_within_year_and_region(con):
    got = rows(con, "SELECT fiscal_year, unit_key, score_rank, execution_rank, score_rank_in_region, "
                    "execution_rank_in_region, units_in_year, dq_status FROM v_year_ranking ORDER BY 1, 3, 2")
    assert got == [
        (2021, A, 1, 1, 1, 1, 2, "ok"),
        (2021, B, 2, 1, 2, 1, 2, "error"),  # equal rates share rank 1 (RANK)
        (2022, A, 1, 2, 1, 2, 2, "ok"),
        (2022, B, 2, 1, 2, 1, 2, "warning"),
    ]


def test_projects_match_across_years_by_code_and_by_key(con):
    got = rows(con, """SELECT project_id, match_key, CAST(adjusted_yuan AS DOUBLE), CAST(executed_yuan AS DOUBLE),
                              execution_rate_pct, CAST(score AS DOUBLE), grade_text, previous_project_id, matched_by,
                              CAST(previous_adjusted_yuan AS DOUBLE), CAST(previous_executed_yuan AS DOUBLE), dq_status
                       FROM v_project_execution ORDER BY project_id""")
    assert got == [
        ("a21p1", "C100", 400_000.0, 360_000.0, 90.0, None, None, None, None, None, None, "ok"),
        ("a21p2", "党建经费", 100_000.0, None, None, None, None, None, None, None, None, "ok"),
        # renamed but same code: matched by code
        ("a22p1", "C100", 440_000.0, 396_000.0, 90.0, 92.0, "优秀", "a21p1", "project_code", 400_000.0, 360_000.0, "ok"),
        # no code: matched by the normalised name
        ("a22p2", "党建经费", 120_000.0, 60_000.0, 50.0, None, None, "a21p2", "project_key", 100_000.0, None, "ok"),
        # same code in another unit is another project
        ("b22p1", "C100", 300_000.0, None, None, None, None, None, None, None, None, "warning"),
    ]


def test_indicator_attainment(con):
    got = rows(con, "SELECT unit_key, fiscal_year, name, CAST(weight AS DOUBLE), CAST(score AS DOUBLE), attained, "
                    "full_marks_but_missed, dq_status FROM v_indicator_attainment ORDER BY name")
    assert got == [
        (A, 2022, "完成率", 10.0, 8.0, False, False, "ok"),
        (A, 2022, "按期完成", 5.0, 5.0, None, False, "ok"),
        (A, 2022, "满意度", 10.0, 10.0, False, True, "ok"),  # its twin printing is not repeated
    ]


def test_dq_summary(con):
    got = rows(con, "SELECT file_name, status, report_id, checks_run, checks_failed, worst_severity, dq_status, missing "
                    "FROM v_dq_summary ORDER BY file_name, report_id")
    assert got == [
        ("A_2021.docx", "loaded", "a21", 1, 0, None, "ok", False),
        ("A_2022.pdf", "loaded", "a22", 2, 0, None, "ok", False),
        ("A_2022_fund.docx", "loaded", "a22fund", 0, 0, None, "ok", False),
        ("A_2022_old.docx", "loaded", "a22old", 0, 0, None, "ok", True),
        ("B_2021.docx", "loaded", "b21", 1, 1, "error", "error", False),
        ("B_2022.docx", "loaded", "b22", 2, 1, "warning", "warning", False),
        ("broken.pdf", "failed", None, 0, 0, None, None, False),
    ]
    assert rows(con, "SELECT failed_checks FROM v_dq_summary WHERE report_id = 'b22'") == [("execution_within_budget",)]
