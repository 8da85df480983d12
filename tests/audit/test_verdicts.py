"""The recorded audit (verdicts.csv): error findings bpw raised, in this version or an earlier
one, on real published documents, each judged true or false against its page by hand.

Re-run bpw on those documents (whichever are present) and require every false verdict to stay
gone, every true one to stay found, every error finding raised on them to have a verdict, and
at least 95 % of those findings to be true.

`file` is where the document lies, under one of these roots (the audit records its source, never
the file): `real-pdfs/`, `real-dev/`, `seeds/` in ../shared (CI has them); `real-more/`,
`real-more2/` (held-out excerpts) and `audit-docs/` (files read out of public repositories named
in `source`, e.g. `git --git-dir=<clone> show HEAD:<path> > /tmp/audit-docs/putuo/<name>`, the
path's '/' as '_' and spaces dropped) in $BPW_AUDIT_TMP (default /tmp). Absent documents are
skipped. `printed`/`summed` are dq_results.expected/observed as raised (table_total in the table's
unit, line_item_sum and stated_parts_sum in yuan, rates and shares in %).
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
TMP = Path(os.environ.get("BPW_AUDIT_TMP", "/tmp"))
ROOTS = {"real-pdfs": SHARED, "real-dev": SHARED, "seeds": SHARED,
         "real-more": TMP, "real-more2": TMP, "audit-docs": TMP}
VERDICTS = list(csv.DictReader((Path(__file__).parent / "verdicts.csv").open(encoding="utf-8")))
# The warning family and the other comparisons of figures printed apart (issue 14): what a check
# compared, judged against the page — `status` as raised (passed or failed), `place` the first
# source ref of the comparison (the executed figure, the text's figure, the row's total). A true row is a comparison that must be made, once per true row
# with its figures and place; a false one pairs figures that must not be compared (two tables
# taken for one, another project's table, another document's columns, the same pair again).
WARNING_VERDICTS = list(csv.DictReader((Path(__file__).parent / "warning_verdicts.csv").open(encoding="utf-8")))
NOT_REPORTS = sorted((SHARED / "real-pdfs" / "not-reports").glob("*.pdf"))
MIN_PRECISION = 0.95


def local(v: dict) -> Path:
    return ROOTS[v["file"].split("/", 1)[0]] / v["file"]


PRESENT = [v for v in VERDICTS if local(v).exists()]
PRESENT_W = [v for v in WARNING_VERDICTS if local(v).exists()]
pytestmark = pytest.mark.skipif(not PRESENT and not PRESENT_W, reason="none of the audited documents is present")


def key(file_name: str, check: str, printed: float, summed: float) -> tuple:
    return (file_name, check, round(printed, 2), round(summed, 2))


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> duckdb.DuckDBPyConnection:
    tmp = tmp_path_factory.mktemp("audit")
    raw = tmp / "raw"
    raw.mkdir()
    for p in {local(v) for v in PRESENT + PRESENT_W} | set(NOT_REPORTS):
        shutil.copy(p, raw / p.name)
    wh = tmp / "wh.duckdb"
    bpw = Path(sys.executable).parent / "bpw"
    res = subprocess.run([str(bpw), "run", "--raw", str(raw), "--warehouse", str(wh)],
                         capture_output=True, text=True, cwd=ROOT)
    assert wh.exists(), res.stdout[-2000:] + res.stderr[-2000:]
    return duckdb.connect(str(wh), read_only=True)


def _close(a: float, b: float) -> bool:
    return abs(a - b) < 0.01 + 1e-9 * abs(b)


def _failed(con: duckdb.DuckDBPyConnection, v: dict) -> list[tuple]:
    rows = con.execute(
        """SELECT q.expected, q.observed, q.detail FROM dq_results q JOIN documents d USING (document_id)
           WHERE d.file_name = ? AND q.check_name = ? AND q.severity = 'error' AND q.status = 'failed'""",
        [local(v).name, v["check"]],
    ).fetchall()
    return [r for r in rows if _close(r[0], float(v["printed"])) and _close(r[1], float(v["summed"]))]


@pytest.mark.parametrize("v", VERDICTS, ids=[f"{Path(v['file']).stem}-p{v['page']}-{v['check']}-{v['printed']}-{i}"
                                            for i, v in enumerate(VERDICTS)])
def test_verdict_holds(warehouse, v):
    if not local(v).exists():
        pytest.skip(f"{v['file']} not present")
    got = _failed(warehouse, v)
    if v["verdict"] == "false":
        assert not got, f"false alarm is back ({v['reason']}): {got}"
    else:
        # a finding judged true as many times as it was recorded (three rows print the same figures)
        same = sum(1 for w in VERDICTS if w["verdict"] == "true" and w["file"] == v["file"]
                   and w["check"] == v["check"] and w["printed"] == v["printed"] and w["summed"] == v["summed"])
        assert len(got) >= same, f"true finding lost: {v['reason']}"


def test_every_error_finding_on_the_audited_documents_is_judged_and_precision_holds(warehouse):
    judged = {key(local(v).name, v["check"], float(v["printed"]), float(v["summed"])): v["verdict"] for v in PRESENT}
    names = sorted({local(v).name for v in PRESENT})
    found = warehouse.execute(
        """SELECT d.file_name, q.check_name, q.expected, q.observed, q.detail FROM dq_results q
           JOIN documents d USING (document_id)
           WHERE q.severity = 'error' AND q.status = 'failed' AND d.file_name IN (SELECT unnest(?))""",
        [names],
    ).fetchall()
    unjudged = [f for f in found if key(*f[:4]) not in judged]
    assert not unjudged, f"error findings nobody has judged (add them to verdicts.csv): {unjudged}"
    verdicts = Counter(judged[key(*f[:4])] for f in found)
    assert verdicts["true"] >= MIN_PRECISION * len(found), f"precision {verdicts} below {MIN_PRECISION:.0%}"


def test_not_reports_stay_not_reports(warehouse):
    names = [p.name for p in NOT_REPORTS]
    got = dict(warehouse.execute("SELECT file_name, status FROM documents").fetchall())
    assert all(got.get(n) == "not_a_report" for n in names), {n: got.get(n) for n in names}


def _compared(con: duckdb.DuckDBPyConnection, v: dict) -> list[tuple]:
    """The comparisons of v's check on its document with its figures, outcome and place."""
    rows = con.execute(
        """SELECT q.expected, q.observed, q.source_refs, q.detail FROM dq_results q JOIN documents d USING (document_id)
           WHERE d.file_name = ? AND q.check_name = ? AND q.status = ?""",
        [local(v).name, v["check"], v["status"]],
    ).fetchall()
    return [r for r in rows if _close(r[0], float(v["printed"])) and _close(r[1], float(v["summed"]))
            and ((first := (r[2] or "").split("; ")[0]) == v["place"] or first.startswith(v["place"] + ";"))]


def _wkey(v: dict) -> tuple:
    return (v["file"], v["check"], v["status"], v["printed"], v["summed"], v["place"])


@pytest.mark.parametrize("v", WARNING_VERDICTS, ids=[f"{Path(v['file']).stem}-{v['check']}-{v['place']}-{v['verdict']}-{i}"
                                                    for i, v in enumerate(WARNING_VERDICTS)])
def test_comparison_verdict_holds(warehouse, v):
    if not local(v).exists():
        pytest.skip(f"{v['file']} not present")
    got = _compared(warehouse, v)
    # made exactly as many times as it was judged a right comparison: a false pair stays gone,
    # a right one stays made, and made once (a repeat recorded false shares the true row's key)
    want = sum(1 for w in WARNING_VERDICTS if w["verdict"] == "true" and _wkey(w) == _wkey(v))
    assert len(got) == want, f"{v['verdict']} verdict ({v['reason']}): made {len(got)}× {got}, judged right {want}×"


def test_every_warning_on_the_audited_documents_is_judged(warehouse):
    judged = {(local(v).name, v["check"], v["status"], round(float(v["printed"]), 2), round(float(v["summed"]), 2))
              for v in PRESENT_W if v["verdict"] == "true"}
    names = sorted({local(v).name for v in PRESENT_W})
    found = warehouse.execute(
        """SELECT d.file_name, q.check_name, q.status, round(q.expected, 2), round(q.observed, 2), q.detail FROM dq_results q
           JOIN documents d USING (document_id)
           WHERE q.severity = 'warning' AND q.status = 'failed' AND d.file_name IN (SELECT unnest(?))""",
        [names],
    ).fetchall()
    unjudged = [f for f in found if f[:5] not in judged]
    assert not unjudged, f"warnings nobody has judged true (add them to warning_verdicts.csv): {unjudged}"
