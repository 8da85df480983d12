"""Real web-page excerpts (../shared/real-dev, figures read by hand in expect.json): every
budget, allocation, execution and income amount they print reaches the facts, and the
inconsistencies they print are found with no false alarm. Skipped when the corpus is absent."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from pipeline.extract import extract
from pipeline.ingest.read import read_document
from pipeline.settings import Settings

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "real-dev"
pytestmark = pytest.mark.skipif(not (CORPUS / "expect.json").exists(), reason="../shared/real-dev not present")

# Documents whose every hand-read amount is read today (narratives, templates, disclosures).
ALL_AMOUNTS = """101 102 103 104 105 106 107 108 109 110 111 112 113 114 116 117 119 120 121 122 124 125 126 127
128 129 130 131 132 135 139 140 141 142 143 144 145 146 148 149 150 152 154 155 156 157 158 159 160""".split()
# …and the rest, at least this many.
SOME_AMOUNTS = {"134": 20, "151": 5}
# Documents with a printed inconsistency that a check finds (an error finding).
FOUND = {"102", "111", "118", "122", "125", "142", "151"}


def _spec() -> dict:
    return json.loads((CORPUS / "expect.json").read_text(encoding="utf-8"))["docs"]


def _amounts(name: str) -> set[Decimal]:
    ex = extract(read_document((CORPUS / name).read_bytes(), Settings()), f"real-dev-{name}")
    return {f["amount_yuan"] for f in ex.fact_budgets if f["amount_yuan"] is not None} | {
        f["executed_yuan"] for f in ex.fact_executions if f["executed_yuan"] is not None}


@pytest.mark.parametrize("nn", ALL_AMOUNTS + sorted(SOME_AMOUNTS))
def test_amounts_read(nn):
    want = [Decimal(str(a)).quantize(Decimal("0.01")) for a in _spec()[f"{nn}.txt"]["amounts"]]
    got = _amounts(f"{nn}.txt")
    found = [a for a in want if a in got]
    assert len(found) >= SOME_AMOUNTS.get(nn, len(want)), sorted(set(want) - got)


@pytest.mark.slow
def test_inconsistencies_found_without_false_alarms(tmp_path):
    """The whole corpus through the real pipeline: each document that prints an
    inconsistency listed here gets an error finding; no document printing none gets one."""
    from pipeline.pipeline_run import check, ingest

    spec = _spec()
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in spec:
        shutil.copy(CORPUS / name, raw / name)
    wh = tmp_path / "wh.duckdb"
    settings = Settings(raw_dir=raw, warehouse=wh)
    check(settings, ingest(settings), use_gx=False)
    con = duckdb.connect(str(wh), read_only=True)
    failed = {r[0] for r in con.execute(
        "SELECT DISTINCT d.file_name FROM dq_results q JOIN documents d USING (document_id) "
        "WHERE q.passed = false AND q.severity = 'error'").fetchall()}
    con.close()
    clean = {n for n, d in spec.items() if not d["inconsistencies"]}
    assert not failed & clean, f"false alarms on {sorted(failed & clean)}"
    assert {f"{n}.txt" for n in FOUND} <= failed
