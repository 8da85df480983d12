"""End to end: the real Dagster assets on a temporary folder, then SQL on the warehouse."""

from __future__ import annotations

import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from pipeline.checks.identities import CHECK_NAMES
from pipeline.definitions import ASSETS, defs, structural_checks
from pipeline.defs.resources import BpwSettings
from pipeline.warehouse.views import VIEW_NAMES

FIX = Path(__file__).resolve().parent.parent / "fixtures"
MIX = {"000.pdf": "pdf", "001.docx": "docx", "002.txt": "txt", "003.docx": "docx", "004.pdf": "pdf"}


def _materialize(raw: Path, wh: Path, **kw) -> dg.ExecuteInProcessResult:
    return dg.materialize(
        [*ASSETS, structural_checks],
        resources={"bpw": BpwSettings(raw_dir=str(raw), warehouse=str(wh), **kw)},
        instance=dg.DagsterInstance.ephemeral(),
        raise_on_error=False,
    )


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("e2e")
    raw, wh = tmp / "raw", tmp / "wh" / "warehouse.duckdb"
    (raw / "sub dir").mkdir(parents=True)
    for name, fmt in MIX.items():
        dest = raw / ("sub dir" if name.startswith("003") else "") / name
        shutil.copy(FIX / fmt / name, dest)
    result = _materialize(raw, wh)
    return raw, wh, result


def q(wh: Path, sql: str):
    con = duckdb.connect(str(wh), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_definitions_load():
    assert defs.resolve_job_def("ingest_job") is not None
    assert defs.resolve_sensor_def("raw_folder_sensor") is not None
    assert defs.resolve_schedule_def("nightly_refresh") is not None


def test_all_documents_loaded(run):
    raw, wh, result = run
    assert result.success
    rows = q(wh, "SELECT file_name, status, file_format FROM documents ORDER BY file_name")
    assert [r[1] for r in rows] == ["loaded"] * 5
    assert {r[2] for r in rows} == {"pdf", "docx", "txt"}
    assert ("sub dir/003.docx", "loaded", "docx") in rows


def test_contract_tables_filled(run):
    _, wh, _ = run
    for t in ("reports", "projects", "fact_budgets", "fact_executions", "fact_indicators", "fact_scores", "line_items"):
        assert q(wh, f"SELECT count(*) FROM {t}")[0][0] > 0, t
    assert q(wh, "SELECT count(*) FROM reports")[0][0] == 6


def test_every_check_evaluated_and_views_published(run):
    _, wh, result = run
    names = {r[0] for r in q(wh, "SELECT DISTINCT check_name FROM dq_results")}
    # the five self-evaluation samples print no classification table split by columns (基本支出 |
    # 项目支出): row_split_sum has nothing to evaluate there (tests/unit/test_row_split_sum.py runs it),
    # nor changes stated for every part of a whole: change_parts_sum (tests/unit/
    # test_statement_changes_real.py runs it), nor a gap to the budget stated beside a rate:
    # rate_matches_budget_gap (tests/unit/test_statements_held_out_g.py runs it), nor shares of a
    # total named without its figure: share_sum (tests/unit/test_printed_arithmetic.py runs it), nor
    # shares of one printed figure making 100 %: share_parts_sum (tests/unit/test_held_out_s18_found.py), nor a
    # disclosure table printed blank, nor a class printed in two tables of the same money, nor a 部门决算
    # heading naming its unit: empty_table_matches_text, class_total_across_tables, unit_name_consistency
    # (tests/unit/test_peer_sample_inconsistencies.py), nor a 基本支出表 closing 人员经费合计 and 公用经费合计:
    # basic_parts_across_tables, basic_half_sum, nor a 部门决算's contents or its SMEs' procurement:
    # listed_table_printed, procurement_sme_within_total, nor 项 paragraphs matching a 决算 table's 项 rows:
    # item_paragraphs_sum (tests/unit/test_peer_sample_remaining.py)
    assert names == set(CHECK_NAMES) - {"row_split_sum", "change_parts_sum", "rate_matches_budget_gap", "share_sum", "share_parts_sum",
                                        "empty_table_matches_text", "class_total_across_tables",
                                        "unit_name_consistency", "basic_parts_across_tables", "basic_half_sum",
                                        "listed_table_printed", "procurement_sme_within_total",
                                        "item_paragraphs_sum"}
    assert all(e.passed for e in result.get_asset_check_evaluations())
    views = {r[0] for r in q(wh, "SELECT view_name FROM duckdb_views() WHERE NOT internal")}
    assert set(VIEW_NAMES) <= views
    assert wh.with_name("dq_report.html").exists()


def test_known_findings(run):
    _, wh, _ = run
    failed = q(
        wh,
        """SELECT d.file_name, q.check_name FROM dq_results q JOIN documents d USING (document_id)
           WHERE NOT q.passed""",
    )
    found = set(failed)
    assert ("001.docx", "score_sum") in found  # 总分 row prints 7.13, its parts add to 97.13
    assert ("000.pdf", "table_total") in found  # 合计 row disagrees with its column
    assert ("000.pdf", "narrative_matches_table") in found  # 90.47 in the text, 90.74 in the table
    assert ("sub dir/003.docx", "execution_rate") in found  # 35/35 printed as 0%
    assert ("sub dir/003.docx", "printed_balance") in found  # 24.84/25 = 99.36%, printed 99.32% (×3 rows)
    assert ("000.pdf", "printed_balance") in found  # 583.44 + 489.85 = 1073.29, printed 1073.3
    # 一般公共服务支出711.95万元，占78.1% of 912.26 (78.04 %): the shares were made to add up to 100 %
    assert ("sub dir/003.docx", "share_of_total") in found
    # …and nothing else: every other identity in the samples holds (no false alarms).
    assert len(failed) == 15
    assert {c for _, c in found} == {"execution_rate", "narrative_matches_table", "table_total", "score_sum", "printed_balance",
                                     "share_of_total"}


COUNTS = "SELECT (SELECT count(*) FROM fact_budgets), (SELECT count(*) FROM reports), (SELECT count(*) FROM documents)"


def test_rerun_is_idempotent_and_skips_unchanged(run):
    raw, wh, _ = run
    before = q(wh, COUNTS)
    result = _materialize(raw, wh, use_gx=False)
    assert result.success
    assert result.output_for_node("warehouse_tables")["unchanged"] == 5
    assert q(wh, COUNTS) == before


def test_same_report_in_two_formats_loads_once(run):
    raw, wh, _ = run
    shutil.copy(FIX / "pdf" / "001.pdf", raw / "001 copy.pdf")
    shutil.copy(FIX / "txt" / "002.txt", raw / "002-again.txt")  # identical bytes
    result = _materialize(raw, wh, use_gx=False)
    assert result.success
    rows = dict(q(wh, "SELECT file_name, status FROM documents"))
    assert rows["001 copy.pdf"] == "duplicate" and rows["002-again.txt"] == "duplicate"
    dup_of = q(
        wh,
        "SELECT d.duplicate_of = o.document_id FROM documents d, documents o "
        "WHERE d.file_name = '001 copy.pdf' AND o.file_name = '001.docx'",
    )
    assert dup_of == [(True,)]
    assert q(wh, "SELECT count(*) FROM reports")[0][0] == 6
