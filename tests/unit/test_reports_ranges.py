"""Out-of-range scores and rates are flagged in the DQ report and the overview, the overview
has a data-quality column, and failed checks read as the catalogue's sentences."""

from __future__ import annotations

from datetime import datetime

import duckdb
import pytest

from pipeline.reports.dq_report import write_dq_report
from pipeline.reports.overview import write_overview
from pipeline.reports.ranges import rate_out_of_range, score_out_of_range
from tests.unit.test_reports_html import _insert, _schema, populate


@pytest.fixture()
def con(tmp_path):
    con = duckdb.connect(str(tmp_path / "wh.duckdb"))
    _schema(con)
    populate(con)
    now = datetime(2024, 5, 1, 12, 0, 0)
    _insert(con, "documents", document_id="d9", file_name="z/离谱_2022.pdf", file_format="pdf",
            status="loaded", ingested_at=now)
    _insert(con, "reports", report_id="r9", document_id="d9", report_kind="department",
            unit_name="离谱县财政局", unit_key="lipu", fiscal_year=2022, score_total=103, seq=1)
    _insert(con, "fact_budgets", report_id="r9", line_item="total", stage="adjusted", amount_yuan=10_000,
            source_ref="page=1;table=1;row=2;col=2", origin="table")
    _insert(con, "fact_executions", report_id="r9", line_item="total", executed_yuan=100_000,
            reported_rate_pct=-5, source_ref="page=1;table=1;row=2;col=5", origin="table")
    _insert(con, "fact_scores", report_id="r9", component="budget_execution", weight=10, score=12,
            source_ref="page=2;table=2;row=3;col=4")
    yield con
    con.close()


def test_range_predicates():
    assert rate_out_of_range(1000) and rate_out_of_range(-0.5) and not rate_out_of_range(999.99)
    assert score_out_of_range(103) and score_out_of_range(12, 10) and not score_out_of_range(10, 10)
    assert not rate_out_of_range(None) and not score_out_of_range(None)


def test_dq_report_flags_out_of_range_figures(con, tmp_path):
    text = write_dq_report(con, tmp_path / "dq.html").read_text(encoding="utf-8")
    section = text[text.index('id="out-of-range"'):]
    section = section[:section.index("</section>")]
    assert "离谱县财政局" in section and "page=2;table=2;row=3;col=4" in section  # score 12 over weight 10
    assert "page=1;table=1;row=2;col=5" in section  # stated rate -5 %
    assert "103" in section  # total score above 100
    assert section.count('class="flag"') == 3
    rates = text[text.index('id="rates"'):]
    assert '1,000.00% <span class="flag"' in rates or '1000.00% <span class="flag"' in rates


def test_failed_checks_read_as_catalogue_sentences(con, tmp_path):
    text = write_dq_report(con, tmp_path / "dq.html").read_text(encoding="utf-8")
    fails = text[text.index('id="t-fails"'):]
    assert "人才交流项目：印出的执行率为 6.85%，按执行数 ÷ 调整后预算数算得 0.685%" in fails
    assert "the stated execution rate is 6.85%" in fails and "(tolerance 0.005)" in fails
    assert "执行数 550,000 超过所比较的预算数 500,000" in fails


def test_overview_flags_and_has_a_data_quality_column(con, tmp_path):
    text = write_overview(con, tmp_path / "overview.html").read_text(encoding="utf-8")
    assert "未通过检查 Failed checks" in text
    row = text[text.rindex("<td class=\"unit\">离谱县财政局"):]
    row = row[:row.index("</tr>")]
    assert row.count('class="flag"') >= 3  # computed 1000 %, stated -5 %, score 103
    assert "未检查 not checked" in row  # nothing was checked for this unit-year
    evil = text[text.rindex("某某局"):]
    assert '<span class="flag">1 / 2</span>' in evil[:evil.index("</tr>")]


def test_source_refs_one_labelled_line_per_figure():
    from pipeline.reports.dq_report import _labelled_refs

    html = _labelled_refs("table=1;row=21;col=8; table=1;row=21;col=7; fiscal_current=132.9 @table=1;row=6;col=3")
    lines = html.split("<br>")
    assert len(lines) == 3
    assert "印 printed" in lines[0] and "table=1;row=21;col=8" in lines[0]
    assert "算 from" in lines[1] and "fiscal_current=132.9 @ table=1;row=6;col=3" in lines[2]
    assert _labelled_refs(None) == ""
