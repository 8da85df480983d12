"""Files that change, disappear, come back, or are purged: the warehouse follows, nothing is lost."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from pipeline.pipeline_run import check, ingest, publish
from pipeline.runner import open_writer, purge_missing
from pipeline.settings import Settings

FIX = Path(__file__).resolve().parent.parent / "fixtures"


def _run(s: Settings):
    summary = ingest(s)
    check(s, summary, use_gx=False)
    publish(s, summary)
    return summary


def q(s: Settings, sql: str):
    con = duckdb.connect(str(s.warehouse), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_change_disappear_return_purge(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    s = Settings(raw_dir=raw, warehouse=tmp_path / "wh" / "w.duckdb", workers=1)
    shutil.copy(FIX / "txt" / "002.txt", raw / "a.txt")
    shutil.copy(FIX / "txt" / "004.txt", raw / "b.txt")
    _run(s)
    assert q(s, "SELECT count(*) FROM v_unit_year")[0][0] == 2

    # An edited file: the old version's facts are replaced, not kept beside the new ones.
    text = (raw / "b.txt").read_text(encoding="utf-8").replace("1438.40", "1438.50")
    (raw / "b.txt").write_text(text, encoding="utf-8")
    summary = _run(s)
    assert summary.parsed == 1 and summary.unchanged == 1
    assert q(s, "SELECT count(*) FROM documents")[0][0] == 2
    assert q(s, "SELECT count(*) FROM fact_budgets WHERE reported_text = '1438.40'") == [(0,)]
    assert q(s, "SELECT count(*) FROM fact_budgets WHERE reported_text = '1438.50'")[0][0] >= 1

    # A file that disappears keeps its history, flagged, and leaves the views.
    (raw / "a.txt").unlink()
    _run(s)
    assert q(s, "SELECT file_name, missing_since IS NOT NULL FROM documents ORDER BY 1") == [("a.txt", True), ("b.txt", False)]
    assert q(s, "SELECT count(*) FROM v_unit_year")[0][0] == 1

    # It comes back unchanged: unflagged without re-parsing.
    shutil.copy(FIX / "txt" / "002.txt", raw / "a.txt")
    _run(s)
    assert q(s, "SELECT count(*) FROM documents WHERE missing_since IS NOT NULL") == [(0,)]
    assert q(s, "SELECT count(*) FROM v_unit_year")[0][0] == 2

    # Purge removes, on purpose, what has gone.
    (raw / "a.txt").unlink()
    _run(s)
    con = open_writer(s)
    try:
        gone = purge_missing(con)
    finally:
        con.close()
    assert len(gone) == 1
    assert q(s, "SELECT file_name FROM documents") == [("b.txt",)]
    assert q(s, "SELECT count(*) FROM reports")[0][0] == 1


def test_batches_of_one_document_give_the_same_warehouse(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name, fmt in (("001.docx", "docx"), ("001.pdf", "pdf"), ("004.txt", "txt"), ("002.txt", "txt")):
        shutil.copy(FIX / fmt / name, raw / name)
    small = Settings(raw_dir=raw, warehouse=tmp_path / "a" / "w.duckdb", workers=2, batch_size=1)
    big = Settings(raw_dir=raw, warehouse=tmp_path / "b" / "w.duckdb", workers=2, batch_size=100)
    for s in (small, big):
        _run(s)
    sql = "SELECT file_name, status FROM documents ORDER BY 1"
    assert q(small, sql) == q(big, sql)
    assert dict(q(small, sql))["001.pdf"] == "duplicate"  # found across batches too
    facts = "SELECT count(*) FROM fact_budgets"
    assert q(small, facts) == q(big, facts)
