"""The recorded audit (verdicts.csv): error findings bpw once raised on real published
documents, each judged true or false against its page by hand. Re-run bpw on those documents
(when ../shared/real-pdfs is present) and require every false verdict to stay gone and every
true one to stay found. `printed`/`summed` are dq_results.expected/observed as they were
raised (table_total in the table's unit, line_item_sum in yuan, rates in %)."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT.parent / "shared" / "real-pdfs"
VERDICTS = list(csv.DictReader((Path(__file__).parent / "verdicts.csv").open(encoding="utf-8")))
NOT_REPORTS = sorted((REAL / "not-reports").glob("*.pdf")) if REAL.exists() else []

pytestmark = pytest.mark.skipif(not REAL.exists(), reason="../shared/real-pdfs not present")


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> duckdb.DuckDBPyConnection:
    tmp = tmp_path_factory.mktemp("audit")
    raw = tmp / "raw"
    raw.mkdir()
    for f in {v["file"] for v in VERDICTS} | {str(p.relative_to(REAL)) for p in NOT_REPORTS}:
        if (REAL / f).exists():
            shutil.copy(REAL / f, raw / Path(f).name)
    wh = tmp / "wh.duckdb"
    bpw = Path(sys.executable).parent / "bpw"
    res = subprocess.run([str(bpw), "run", "--raw", str(raw), "--warehouse", str(wh)],
                         capture_output=True, text=True, cwd=ROOT)
    assert wh.exists(), res.stdout[-2000:] + res.stderr[-2000:]
    return duckdb.connect(str(wh), read_only=True)


def _failed(con: duckdb.DuckDBPyConnection, v: dict) -> list[tuple]:
    return con.execute(
        """SELECT q.expected, q.observed, q.detail FROM dq_results q JOIN documents d USING (document_id)
           WHERE d.file_name = ? AND q.check_name = ? AND q.severity = 'error' AND NOT q.passed
             AND abs(q.expected - ?) < 0.01""",
        [Path(v["file"]).name, v["check"], float(v["printed"])],
    ).fetchall()


@pytest.mark.parametrize("v", VERDICTS, ids=[f"{Path(v['file']).stem}-p{v['page']}-{v['check']}-{v['printed']}"
                                            for v in VERDICTS])
def test_verdict_holds(warehouse, v):
    if not (REAL / v["file"]).exists():
        pytest.skip(f"{v['file']} not present")
    got = _failed(warehouse, v)
    if v["verdict"] == "false":
        assert not got, f"false alarm is back ({v['reason']}): {got}"
    else:
        assert any(abs(o - float(v["summed"])) < 0.01 for _e, o, _d in got), f"true finding lost: {v['reason']}"


def test_not_reports_stay_not_reports(warehouse):
    names = [p.name for p in NOT_REPORTS]
    got = dict(warehouse.execute("SELECT file_name, status FROM documents").fetchall())
    assert all(got.get(n) == "not_a_report" for n in names), {n: got.get(n) for n in names}
