"""Planted errors for the checks on running text: each identity found when a document breaks
it, and not raised when the same document keeps it. Real DuckDB, the real pipeline."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipeline.pipeline_run import check, ingest
from pipeline.settings import Settings

TITLE = "某某县某某局2022年度部门决算公开说明\n"
SCORED = "某某县学前教育项目2019年度绩效自评报告\n"

CASES = {
    # check name: (document that keeps the identity, the same with one planted error)
    "change_matches_figures": (
        "2022年度“三公”经费支出决算为115.07万元，比上年减少16.4万元，下降12.48%。\n",
        "2022年度“三公”经费支出决算为115.07万元，比上年减少16.4万元，下降21.48%。\n",
    ),
    "stated_parts_sum": (
        "2022年度本年支出合计912.26万元，其中：基本支出686.2万元，项目支出226.06万元。\n",
        "2022年度本年支出合计912.26万元，其中：基本支出686.2万元，项目支出262.06万元。\n",
    ),
    "share_of_total": (
        "2022年度本年收入合计218.78万元，其中：财政拨款收入9.8万元，占4.48%；事业收入186.06万元，占85.04%。\n",
        "2022年度本年收入合计218.78万元，其中：财政拨款收入9.8万元，占4.48%；事业收入186.06万元，占58.04%。\n",
    ),
    "score_within_weight": (
        "一、投入(14分)\n(一)项目立项(8分):\n(1)项目立项(2分)\n程序完整。自评得2分。\n(2)项目预算规范性(3分):\n"
        "编制科学。自评得3分。\n(3)项目绩效目标设立(3分):\n目标合理,自评得3分。\n",
        "一、投入(14分)\n(一)项目立项(8分):\n(1)项目立项(2分)\n程序完整。自评得2分。\n(2)项目预算规范性(3分):\n"
        "编制科学。自评得3分。\n来源明确。自评得3分\n(3)项目绩效目标设立(3分):\n目标合理,自评得3分。\n",
    ),
    "execution_rate": (
        "2022年度“三公”经费财政拨款支出决算为17.06万元，完成预算27万元的63.2%。\n",
        "2022年度“三公”经费财政拨款支出决算为17.06万元，完成预算27万元的36.2%。\n",
    ),
}


def _findings(tmp_path: Path, name: str, text: str) -> set[str]:
    raw = tmp_path / name / "raw"
    raw.mkdir(parents=True)
    title = SCORED if "自评得" in text else TITLE
    (raw / "doc.txt").write_text(title + text, encoding="utf-8")
    settings = Settings(raw_dir=raw, warehouse=tmp_path / name / "wh.duckdb")
    check(settings, ingest(settings), use_gx=False)
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        rows = con.execute("SELECT check_name, passed FROM dq_results WHERE severity = 'error'").fetchall()
    finally:
        con.close()
    evaluated = {c for c, _ in rows}
    return {c for c, ok in rows if ok is False} | {f"evaluated:{c}" for c in evaluated}


@pytest.mark.parametrize("check_name", sorted(CASES))
def test_planted_error_found_and_clean_text_passes(tmp_path, check_name):
    clean, broken = CASES[check_name]
    ok = _findings(tmp_path, "clean", clean)
    assert f"evaluated:{check_name}" in ok and check_name not in ok
    bad = _findings(tmp_path, "broken", broken)
    assert check_name in bad
