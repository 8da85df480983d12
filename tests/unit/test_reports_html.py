"""The HTML reports: self-contained, escaped, complete, and fine on an empty warehouse."""

from __future__ import annotations

import html
import re
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from pipeline.reports.dq_report import CHECK_CATALOGUE, write_dq_report
from pipeline.reports.html import bar_chart, esc, fmt_num, json_script
from pipeline.reports.overview import write_overview

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "sql" / "schema"
XSS = "<script>alert(1)</script>"
EVIL_UNIT = f"{XSS}某某局"


def _schema(con: duckdb.DuckDBPyConnection) -> None:
    files = sorted(SCHEMA_DIR.glob("*.sql"))
    assert files, SCHEMA_DIR
    for f in files:
        con.execute(f.read_text(encoding="utf-8"))


def _insert(con, table: str, **values) -> None:
    cols = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    con.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})", list(values.values()))


@pytest.fixture()
def empty_con(tmp_path):
    con = duckdb.connect(str(tmp_path / "empty.duckdb"))
    _schema(con)
    yield con
    con.close()


def populate(con: duckdb.DuckDBPyConnection) -> None:
    """A few rows: an escaped-looking unit name, a failed document, failed checks in two runs."""
    now = datetime(2024, 5, 1, 12, 0, 0)
    _insert(con, "documents", document_id="d1", file_name="a/资源县_2022.docx", file_format="docx",
            status="loaded", ingested_at=now)
    _insert(con, "documents", document_id="d2", file_name="b/<img src=x onerror=alert(2)>.pdf",
            file_format="pdf", status="failed", error_code="PDF_ENCRYPTED",
            error_message="文件已加密 <b>encrypted</b>: supply the password", ingested_at=now)
    _insert(con, "documents", document_id="d3", file_name="c/益阳_2023.txt", file_format="txt",
            status="loaded", ingested_at=now)
    _insert(con, "reports", report_id="r1", document_id="d1", report_kind="department",
            unit_name=EVIL_UNIT, unit_key="evil", fiscal_year=2022, score_total=91.5, grade_text="优秀", seq=1)
    _insert(con, "reports", report_id="r3", document_id="d3", report_kind="special_fund",
            unit_name="中共益阳市委组织部", unit_key="yiyang", fiscal_year=2023, score_total=78, seq=1)
    for rid, stage, amount in [("r1", "initial", 1_000_000), ("r1", "adjustment", 234_500),
                               ("r1", "adjusted", 1_234_500), ("r3", "adjusted", 500_000)]:
        _insert(con, "fact_budgets", report_id=rid, line_item="total", stage=stage, amount_yuan=amount,
                source_ref="page=1;table=1;row=2;col=2", origin="table")
    # a project-level row and a line item other than total must not count
    _insert(con, "fact_budgets", report_id="r1", project_id="p1", line_item="total", stage="adjusted",
            amount_yuan=99_999_999, source_ref="table=2;row=3;col=3", origin="table")
    _insert(con, "fact_executions", report_id="r1", line_item="total", executed_yuan=1_111_050,
            reported_rate_pct=90.0, source_ref="page=1;table=1;row=2;col=5", origin="table")
    _insert(con, "fact_executions", report_id="r3", line_item="total", executed_yuan=550_000,
            source_ref="para=3;chars=1-9", origin="narrative")
    _insert(con, "projects", project_id="p1", report_id="r1", project_name="人才交流项目")
    old, new = now - timedelta(days=1), now
    # an older run whose failure must not be reported
    _insert(con, "dq_results", run_id="run-old", checked_at=old, report_id="r1", check_name="weights_sum",
            severity="error", passed=False, expected=100, observed=90, difference=-10, tolerance=0.5,
            detail="旧的 old", source_refs="table=9", document_id="d1")
    _insert(con, "dq_results", run_id="run-new", checked_at=new, report_id="r1", project_id="p1",
            check_name="execution_rate", severity="error", passed=False, expected=6.85, observed=0.685,
            difference=6.165, tolerance=0.00505,
            detail="执行率印 6.85% <x>, 执行数 6850 / 调整后预算 1000000 = 0.69%",
            source_refs="page=6;table=1;row=21;col=8", document_id="d1")
    _insert(con, "dq_results", run_id="run-new", checked_at=new, report_id="r1", check_name="budget_stage_sum",
            severity="error", passed=True, expected=1234500, observed=1234500, difference=0, tolerance=0.005,
            detail="ok", source_refs="page=1;table=1;row=2", document_id="d1")
    _insert(con, "dq_results", run_id="run-new", checked_at=new, report_id="r3",
            check_name="execution_within_budget", severity="warning", passed=False, expected=500000,
            observed=550000, difference=50000, tolerance=0.005, detail="执行数超过预算", source_refs="para=3",
            document_id="d3")


@pytest.fixture()
def con(tmp_path):
    con = duckdb.connect(str(tmp_path / "wh.duckdb"))
    _schema(con)
    populate(con)
    yield con
    con.close()


def _assert_self_contained(text: str) -> None:
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", text, re.I), "external reference"
    assert "http://" not in text and "https://" not in text
    assert "<link" not in text.lower()
    assert "@import" not in text and "url(" not in text


def _scripts(text: str) -> list[str]:
    return re.findall(r"<script\b[^>]*>", text, re.I)


def test_dq_report_self_contained_and_escaped(con, tmp_path):
    out = write_dq_report(con, tmp_path / "out" / "dq.html")
    assert out.exists()
    text = out.read_text(encoding="utf-8")
    _assert_self_contained(text)
    assert "数据质量报告" in text and "Data-quality report" in text
    # the only script element is the page's own filter code
    assert len(_scripts(text)) == 1
    assert XSS not in text
    assert html.escape(XSS) in text
    assert "<img src=x" not in text and "&lt;img src=x onerror=alert(2)&gt;.pdf" in text
    assert "<b>encrypted</b>" not in text and "&lt;b&gt;encrypted&lt;/b&gt;" in text
    assert "<x>" not in text
    # header totals: documents by status, checks run and failed in the latest run
    assert re.search(r'kpi-val">3</div><div class="kpi-lbl">文件 Documents', text)
    assert re.search(r'kpi-val">1</div><div class="kpi-lbl">失败 failed', text)
    assert re.search(r'kpi-val">3</div><div class="kpi-lbl">已运行检查 Checks run', text)
    assert re.search(r'kpi-val">2</div><div class="kpi-lbl">未通过 Checks failed', text)


def test_dq_report_lists_every_document_and_failure(con, tmp_path):
    text = write_dq_report(con, tmp_path / "dq.html").read_text(encoding="utf-8")
    # every document, the failed one with its code and message
    for name in ["a/资源县_2022.docx", "c/益阳_2023.txt"]:
        assert esc(name) in text
    assert "PDF_ENCRYPTED" in text
    # the failed checks of the latest run with their values
    fails = text[text.index('id="t-fails"'):text.index("</table>", text.index('id="t-fails"'))]
    for value in ["execution_rate", "6.85", "0.685", "6.165", "0.00505", "印 printed</span> page=6;table=1;row=21;col=8",
                  "人才交流项目", "execution_within_budget", "550,000", "50,000"]:
        assert value in fails, value
    assert "执行率印 6.85% &lt;x&gt;" in fails
    # an older run is history, not the current state
    assert "旧的 old" not in text
    # a passed check is counted but not listed
    assert "budget_stage_sum" not in fails
    assert fails.count('data-f="1"') == 2
    # summary: checks run / failed / worst severity per report
    summary = text[text.index('id="t-summary"'):text.index("</table>", text.index('id="t-summary"'))]
    assert "部门整体" in summary and "2022" in summary


def test_dq_report_filters_and_charts(con, tmp_path):
    text = write_dq_report(con, tmp_path / "dq.html").read_text(encoding="utf-8")
    unit_sel = re.search(r'<select id="f-unit">(.*?)</select>', text, re.S).group(1)
    year_sel = re.search(r'<select id="f-year">(.*?)</select>', text, re.S).group(1)
    check_sel = re.search(r'<select id="f-check">(.*?)</select>', text, re.S).group(1)
    assert f'<option value="{esc(EVIL_UNIT)}">' in unit_sel and "中共益阳市委组织部" in unit_sel
    assert '<option value="2022">' in year_sel and '<option value="2023">' in year_sel
    assert '<option value="execution_rate">' in check_sel
    # rows carry the same (escaped) values in data attributes
    assert f'data-unit="&#10;{esc(EVIL_UNIT)}&#10;"' in text
    assert 'data-year="&#10;2022&#10;"' in text
    # bar chart of failures and the execution-rate chart are inline SVG
    assert text.count("<svg") >= 2
    assert "execution_rate (1/1)" in text
    # rate = 1 111 050 / 1 234 500 = 90.00 %; r3 = 110.00 % (above budget)
    assert "90.00%" in text and "110.00%" in text
    # the project-level row of 99 999 999 yuan is not a report total
    assert "9,999.9999" not in text and "10,000.00" not in text
    # catalogue explains every contract check
    for name in CHECK_CATALOGUE:
        assert f"<dt>{name}</dt>" in text


def test_overview(con, tmp_path):
    out = write_overview(con, tmp_path / "overview.html")
    text = out.read_text(encoding="utf-8")
    _assert_self_contained(text)
    assert len(_scripts(text)) == 0
    assert XSS not in text and html.escape(XSS) in text
    # money in 万元: 1 234 500 yuan = 123.45 万元, executed 111.11 (111.105 → 111.11 or 111.10)
    assert "123.45" in text and "100.00" in text and "23.45" in text
    assert "90.00%" in text and "110.00%" in text
    assert "91.5" in text and "78" in text
    assert "<svg" in text
    # the failed document has no report and contributes nothing
    assert "PDF_ENCRYPTED" not in text


def test_empty_warehouse(empty_con, tmp_path):
    text = write_dq_report(empty_con, tmp_path / "dq.html").read_text(encoding="utf-8")
    _assert_self_contained(text)
    assert "尚无检查结果" in text and "No check results yet" in text
    assert "The warehouse holds no documents" in text
    ov = write_overview(empty_con, tmp_path / "ov.html").read_text(encoding="utf-8")
    _assert_self_contained(ov)
    assert "No loaded reports" in ov


def test_helpers():
    assert esc(None) == "" and esc('<a href="x">') == "&lt;a href=&quot;x&quot;&gt;"
    assert fmt_num(2105100.0) == "2,105,100" and fmt_num(6.164999999999999) == "6.165"
    assert fmt_num(0.0050503425) == "0.00505" and fmt_num(None) == ""
    assert "</" not in json_script({"u": "</script><script>alert(1)</script>"})
    svg = bar_chart([(XSS, [1.0, None])], [("a", "b-blue"), ("b <i>", "b-teal")])
    assert XSS not in svg and "<i>" not in svg and svg.startswith("<svg")
    assert "无数据" in bar_chart([], [("a", "b-blue")])
