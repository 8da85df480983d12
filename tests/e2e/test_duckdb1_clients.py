"""A warehouse written by bpw opens in DuckDB 1.x clients (DBeaver's driver, R, older CLIs).

The 1.x client runs in a scratch virtual environment with a pinned `duckdb<2`:
BPW_DUCKDB1_PYTHON names its interpreter, otherwise one is built once under
~/.cache/bpw/duckdb1 (skipped when the package cannot be installed, e.g. offline).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import duckdb
import pytest

from pipeline.pipeline_run import check, ingest, publish
from pipeline.settings import Settings
from pipeline.warehouse.schema import STORAGE_VERSION, connect, storage_header

FIX = Path(__file__).resolve().parent.parent / "fixtures"

_PROBE = """
import json, sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
views = [r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()]
out = {"version": duckdb.__version__, "rows": {v: len(con.execute(f"SELECT * FROM {v}").fetchall()) for v in views},
       "facts": con.execute("SELECT count(*) FROM fact_budgets").fetchone()[0]}
print(json.dumps(out))
"""


def _duckdb1_python() -> str:
    given = os.environ.get("BPW_DUCKDB1_PYTHON")
    if given:
        return given
    home = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "bpw" / "duckdb1"
    py = home / "bin" / "python"
    if not py.exists():
        venv.create(home, with_pip=True)
        r = subprocess.run([str(py), "-m", "pip", "install", "-q", "--timeout", "20", "--retries", "1", "duckdb<2"], capture_output=True, text=True,
                           timeout=600)
        if r.returncode != 0:
            shutil.rmtree(home, ignore_errors=True)
            pytest.skip(f"cannot install duckdb<2 into a scratch environment: {r.stderr.strip()[-300:]}")
    return str(py)


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("compat")
    raw = tmp / "raw"
    raw.mkdir()
    shutil.copy(FIX / "txt" / "002.txt", raw / "002.txt")
    shutil.copy(FIX / "docx" / "003.docx", raw / "003.docx")
    s = Settings(raw_dir=raw, warehouse=tmp / "wh" / "warehouse.duckdb", workers=1)
    summary = ingest(s)
    check(s, summary, use_gx=False)
    publish(s, summary, reports=False)
    return s.warehouse


def test_fresh_warehouse_is_written_in_the_1x_format(warehouse):
    assert storage_header(warehouse) == 64
    con = duckdb.connect(str(warehouse), read_only=True)
    tags = con.execute("SELECT tags FROM duckdb_databases() WHERE path = ?", [str(warehouse)]).fetchone()[0]
    con.close()
    assert tags["storage_version"].startswith(STORAGE_VERSION)


def test_a_duckdb_1x_client_reads_every_view(warehouse):
    py = _duckdb1_python()
    r = subprocess.run([py, "-c", _PROBE, str(warehouse)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["version"].startswith("1.")
    assert out["facts"] > 0
    assert {"v_unit_year", "v_dq_summary", "v_project_execution"} <= set(out["rows"])
    assert out["rows"]["v_unit_year"] > 0


def test_a_warehouse_in_duckdb2_format_is_converted_once(tmp_path):
    path = tmp_path / "old.duckdb"
    old = duckdb.connect(str(path))  # the 2.x default format, as earlier releases wrote it
    old.execute("CREATE TABLE t AS SELECT 1.5::DECIMAL(18,2) AS amount_yuan, '中' AS name")
    old.execute("CREATE VIEW v AS SELECT * FROM t")
    old.close()
    assert storage_header(path) != 64
    con = connect(path)
    assert con.execute("SELECT amount_yuan, name FROM v").fetchall()[0][1] == "中"
    con.close()
    assert storage_header(path) == 64
    assert not path.with_name("old.duckdb.v1.tmp").exists()


if __name__ == "__main__":  # pragma: no cover - manual check: python test_duckdb1_clients.py FILE
    print(subprocess.run([_duckdb1_python(), "-c", _PROBE, sys.argv[1]]).returncode)
