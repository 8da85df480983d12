"""Views on the synthetic multi-year corpus (tests/fixtures/multiyear), with answers worked
out by hand from scripts/make_multiyear.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from pipeline.pipeline_run import check, ingest, publish
from pipeline.settings import Settings

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "multiyear"
A, B, C = "中共示例县委组织部", "中共示例县委办公室", "中共样例县委组织部"


@pytest.fixture(scope="module")
def wh(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("multiyear")
    shutil.copytree(CORPUS, tmp / "raw")
    s = Settings(raw_dir=tmp / "raw", warehouse=tmp / "wh" / "warehouse.duckdb", workers=2)
    summary = ingest(s)
    check(s, summary, use_gx=False)
    assert publish(s, summary)
    return s.warehouse


def q(wh: Path, sql: str, params=None):
    con = duckdb.connect(str(wh), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def test_no_identity_fails_on_the_corpus(wh):
    assert q(wh, "SELECT check_name, detail FROM dq_results WHERE NOT passed AND severity = 'error'") == []


def test_unit_year_aliases_resolve(wh):
    rows = q(wh, "SELECT unit_key, fiscal_year, CAST(adjusted_yuan AS DOUBLE), CAST(executed_yuan AS DOUBLE), "
                 "CAST(execution_rate_pct AS DOUBLE), CAST(score AS DOUBLE), dq_status FROM v_unit_year ORDER BY 1, 2")
    assert (A, 2022, 6205000.0, 5893000.0, 94.97, 97.5, "ok") in rows  # printed as 中国共产党…委员会组织部
    assert [r[1] for r in rows if r[0] == A] == [2021, 2022, 2023]
    assert (C, 2022, 2000000.0, 1500000.0, 75.0, 95.5, "ok") in rows


def test_year_over_year(wh):
    rows = q(wh, "SELECT fiscal_year, change_abs, change_pct FROM v_unit_yoy "
                 "WHERE unit_key = ? AND line_item = 'total' AND measure = 'adjusted_yuan' ORDER BY 1", [A])
    assert rows == [(2022, 1205000.0, 24.1), (2023, -205000.0, -3.3)]


def test_ranking_within_year_and_region(wh):
    rows = q(wh, "SELECT unit_key, score_rank, execution_rank, region, score_rank_in_region FROM v_year_ranking "
                 "WHERE fiscal_year = 2022 ORDER BY score_rank")
    assert rows == [(A, 1, 1, "示例县", 1), (C, 2, 3, "样例县", 1), (B, 3, 2, "示例县", 2)]


def test_projects_match_across_years_by_code_and_by_key(wh):
    by_code = q(wh, "SELECT fiscal_year, CAST(adjusted_yuan AS DOUBLE), CAST(previous_adjusted_yuan AS DOUBLE) "
                    "FROM v_project_execution WHERE unit_key = ? AND project_code = '4503292100000000100' ORDER BY 1", [A])
    assert by_code == [(2021, 400000.0, None), (2022, 440000.0, 400000.0), (2023, 480000.0, 440000.0)]
    by_key = q(wh, "SELECT fiscal_year, project_name, CAST(previous_adjusted_yuan AS DOUBLE) FROM v_project_execution "
                   "WHERE unit_key = ? AND match_key = '干部教育培训经费' ORDER BY 1", [B])
    assert by_key == [(2022, "2022年干部教育培训经费", None), (2023, "2023年干部教育培训经费", 200000.0)]


def test_indicators_full_marks_but_missed_is_empty_and_attainment_known(wh):
    missed = q(wh, "SELECT count(*) FROM v_indicator_attainment WHERE attained = FALSE")[0][0]
    assert missed == 6  # 满意度 88% against ≥90%, once per report
    assert q(wh, "SELECT count(*) FROM v_indicator_attainment WHERE full_marks_but_missed")[0][0] == 0
