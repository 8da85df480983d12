"""The Dask-distributed ingest (pipeline/defs/distributed.py) against an in-process run.

A real scheduler and two real workers run as separate processes on loopback. The warehouse a
distributed run builds must equal the in-process one, table by table; a worker killed with
SIGKILL while it parses a shard loses nothing; a re-run afterwards completes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from pipeline import pipeline_run
from pipeline.dask_local import LocalCluster
from pipeline.settings import Settings

pytestmark = [pytest.mark.slow, pytest.mark.distributed]

FIX = Path(__file__).resolve().parent.parent / "fixtures"
REPO = Path(__file__).resolve().parents[2]
# Every seed in four formats: the same report in two formats is deduplicated, so the load
# order (which copy is first) is part of what must match.
FILES = [f"{fmt}/{i:03d}.{fmt}" for fmt in ("txt", "docx", "html") for i in range(5)] + [
    "pdf/000.pdf", "pdf/001.pdf", "pdf/002.pdf", "pdf/004.pdf", "real_pdf/jiangsu_2019_tables.pdf"]
# Columns that differ between any two runs by design.
VOLATILE = {"run_id", "parse_seconds", "ingested_at", "first_seen", "last_seen", "checked_at",
            "evaluated_at", "loaded_at", "created_at"}


def _raw(tmp: Path) -> Path:
    raw = tmp / "raw"
    for f in FILES:
        dest = raw / f.replace("/", "_")
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(FIX / f, dest)
    return raw


def _settings(raw: Path, wh: Path) -> Settings:
    s = Settings()
    s.raw_dir, s.warehouse = raw, wh
    return s


def tables(wh: Path) -> dict[str, list[tuple]]:
    """Every table's rows (volatile columns left out), sorted: the warehouse as data."""
    con = duckdb.connect(str(wh), read_only=True)
    try:
        out = {}
        names = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
            "AND table_name NOT IN ('runs', 'dq_validations') ORDER BY 1").fetchall()]
        for t in names:
            cols = [r[0] for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                "AND data_type NOT LIKE 'TIMESTAMP%' ORDER BY ordinal_position", [t]).fetchall()
                if r[0] not in VOLATILE]
            if t == "dq_results":
                # Which project an aggregated check row is attributed to follows the physical
                # row order (any_value in sql/checks/line_item_sum.sql), and a distributed run
                # inserts in more, smaller batches: compare what was checked and its outcome.
                cols = ["document_id", "report_id", "check_name", "severity", "passed"]
            quoted = ", ".join(f'"{c}"' for c in cols)
            # dq_results keeps every run's checks: compare the latest run's.
            where = (" WHERE run_id = (SELECT run_id FROM dq_results ORDER BY checked_at DESC LIMIT 1)"
                     if t == "dq_results" else "")
            rows = con.execute(f"SELECT {quoted} FROM {t}{where}").fetchall()
            out[t] = sorted(rows, key=repr)
        return out
    finally:
        con.close()


def assert_same(a: Path, b: Path) -> None:
    ta, tb = tables(a), tables(b)
    assert ta.keys() == tb.keys()
    for t in ta:
        assert ta[t] == tb[t], f"table {t} differs ({len(ta[t])} vs {len(tb[t])} rows)"
    assert len(ta["documents"]) == len(FILES)
    assert sum(len(ta[t]) for t in ("fact_budgets", "fact_executions", "fact_scores")) > 100


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> tuple[Path, Path]:
    """The in-process run: the same plain functions `bpw run`'s assets call."""
    tmp = tmp_path_factory.mktemp("inproc")
    raw = _raw(tmp)
    s = _settings(raw, tmp / "wh" / "warehouse.duckdb")
    summary = pipeline_run.ingest(s)
    pipeline_run.check(s, summary, use_gx=False)
    pipeline_run.publish(s, summary, reports=False)
    return raw, s.warehouse


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    logs = tmp_path_factory.mktemp("dask-logs")
    # One parser child per worker, so that two workers are what uses the two cores.
    with LocalCluster(workers=2, log_dir=logs, env={"BPW_WORKERS": "1"}) as c:
        yield c


def _submit(scheduler: str, raw: Path, wh: Path, home: Path) -> subprocess.Popen:
    """Submit the job from a separate process, as `bpw run --scheduler` does."""
    code = ("import sys; from pipeline.defs.distributed import run_distributed; "
            "from pipeline.defs.resources import BpwSettings; "
            "r = run_distributed(sys.argv[1], BpwSettings(raw_dir=sys.argv[2], warehouse=sys.argv[3], use_gx=False)); "
            "sys.exit(0 if r.success else 1)")
    home.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen([sys.executable, "-c", code, scheduler, str(raw), str(wh)], cwd=REPO,
                            env=os.environ | {"DAGSTER_HOME": str(home)},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def _finish(p: subprocess.Popen, timeout: float = 240) -> None:
    out, _ = p.communicate(timeout=timeout)
    assert p.returncode == 0, out.decode(errors="replace")[-3000:]


def test_two_workers_build_the_same_warehouse(reference, cluster, tmp_path):
    raw, ref = reference
    wh = tmp_path / "wh" / "warehouse.duckdb"
    _finish(_submit(cluster.address, raw, wh, tmp_path / "dagster"))
    assert_same(ref, wh)
    assert not list((tmp_path / "wh" / "staging").glob("run-*")), "the loader removes what it loaded"


def test_a_worker_killed_mid_parse_loses_nothing(reference, cluster, tmp_path):
    raw, ref = reference
    wh = tmp_path / "wh" / "warehouse.duckdb"
    staging = wh.parent / "staging"
    pids = {p.pid for p in cluster.procs if p.poll() is None}
    job = _submit(cluster.address, raw, wh, tmp_path / "dagster")
    victim = None
    deadline = time.monotonic() + 120
    while victim is None and time.monotonic() < deadline and job.poll() is None:
        # A shard being parsed is a .partial-<worker pid>-… folder until it is complete.
        for d in staging.glob("run-*/.partial-*"):
            pid = int(d.name.split("-")[1])
            if pid in pids:
                victim = pid
                break
        time.sleep(0.05)
    assert victim is not None, "no shard was seen being parsed"
    cluster.kill(victim)
    _finish(job)
    assert_same(ref, wh)
    # The killed worker's half shard was never loaded, and is gone with the run's folder.
    assert not list(staging.glob("run-*"))
    # Back to two workers; a re-run finds nothing to parse and completes.
    cluster.add_worker("w3")
    _finish(_submit(cluster.address, raw, wh, tmp_path / "dagster"))
    assert_same(ref, wh)
    con = duckdb.connect(str(wh), read_only=True)
    try:
        runs = con.execute("SELECT files_seen, files_parsed FROM runs ORDER BY started_at").fetchall()
    finally:
        con.close()
    assert runs[-1] == (len(FILES), 0)
