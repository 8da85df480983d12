"""`bpw run` parses before Dagster loads (pipeline/prestage.py): the step takes exactly
what stage_new would have staged, only for the same settings, and nothing is left behind."""

from __future__ import annotations

import pickle
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from pipeline import prestage
from pipeline.pipeline_run import stage_new
from pipeline.settings import Settings

FIX = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture()
def settings(tmp_path) -> Settings:
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in ("000.txt", "002.txt"):
        shutil.copy(FIX / "txt" / name, raw / name)
    s = Settings()
    s.raw_dir, s.warehouse, s.workers, s.staging = raw, tmp_path / "wh" / "warehouse.duckdb", 1, None
    return s


def _staged(root: Path) -> list[dict]:
    with open(root / "batch-00000" / "batch.pkl", "rb") as f:
        staged = pickle.load(f)
    return [{k: v for k, v in o.document.items() if k not in ("ingested_at", "parse_seconds")} | {
        "facts": o.extraction.fact_budgets + o.extraction.fact_executions + o.extraction.fact_indicators
        + o.extraction.fact_scores} for o in staged["outcomes"]]


def test_prestaged_batch_is_what_the_step_would_stage(settings, tmp_path):
    pre = prestage.start(settings, "aaaaaaaa")
    assert pre is not None
    taken = prestage.take("aaaaaaaa", replace(settings))
    assert taken is pre
    seen = []
    summary, root = prestage.wait(taken, lambda i, n, name: seen.append((i, n, name)))
    assert root == settings.staging_dir / "run-aaaaaaaa"
    assert (summary.files_seen, summary.parsed, summary.unchanged) == (2, 2, 0)
    assert [n for _, n, _ in seen] == [2, 2] and sorted(name for *_, name in seen) == ["000.txt", "002.txt"]
    direct, droot = stage_new(settings, run_id="bbbbbbbb")
    assert (direct.files_seen, direct.parsed) == (summary.files_seen, summary.parsed)
    assert _staged(root) == _staged(droot)
    assert not prestage.take("aaaaaaaa", settings)  # taken once


def test_other_settings_discard_the_prestage(settings):
    pre = prestage.start(settings, "cccccccc")
    other = replace(settings, workers=2)
    assert prestage.take("cccccccc", other) is None
    assert not pre.process.is_alive()
    assert not pre.root.exists()


def test_a_run_that_never_reaches_the_step_leaves_nothing(settings):
    pre = prestage.start(settings, "dddddddd")
    prestage.discard_all()
    assert not pre.process.is_alive()
    assert not pre.root.exists()
    assert prestage.take("dddddddd", settings) is None


def test_off_for_in_process_parsing_and_on_request(settings, monkeypatch):
    assert prestage.start(replace(settings, workers=0), "eeeeeeee") is None
    monkeypatch.setenv("BPW_PRESTAGE", "0")
    assert prestage.start(settings, "ffffffff") is None


def test_the_warehouse_is_prepared_after_the_plan_while_the_parse_runs(settings):
    """`planned` comes before the staged batch (the plan no longer reads the warehouse), and
    the step then creates the warehouse's schema while the parse runs on."""
    from pipeline.pipeline_run import prepare_warehouse
    from pipeline.warehouse.schema import _current, _ddl, connect, fingerprint

    pre = prestage.start(settings, "dddddddd")
    order: list[str] = []
    prestage.wait(pre, lambda *a: order.append("progress"), planned=lambda: order.append("planned"))
    assert order == ["planned", "progress", "progress"]
    assert not settings.warehouse.exists()
    assert prepare_warehouse(settings)
    con = connect(settings.warehouse, read_only=True)
    try:
        assert _current(con, fingerprint(_ddl()))  # the loader's open_writer has nothing left to do
    finally:
        con.close()
    # another process writing the warehouse: prepare gives up at once instead of waiting for it
    import subprocess
    import sys
    import time

    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys; c = duckdb.connect(sys.argv[1]); "
                               "print('held', flush=True); sys.stdin.read()", str(settings.warehouse)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        t0 = time.monotonic()
        assert prepare_warehouse(settings) is False
        assert time.monotonic() - t0 < 5
    finally:
        holder.communicate("")
