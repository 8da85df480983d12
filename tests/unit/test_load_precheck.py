"""Issue 17: the per-value loadability check runs in the parser child against sql/schema's
columns, so the single writer skips it; the writer still checks whatever was not checked
against its own schema. And a warehouse already initialised from the same sql/schema and
vocabulary is not initialised again on every open."""

from __future__ import annotations

import copy
import hashlib

import duckdb

from pipeline.extract import extract
from pipeline.ingest.process import FileTask, Outcome, document_row
from pipeline.readers.text import read_text
from pipeline.runner import check_loadable, load, refuse_unloadable
from pipeline.warehouse.load import column_types, schema_column_types
from pipeline.warehouse.schema import _ddl, fingerprint, init_schema
from tests.golden.conftest import FIXTURES


def _outcome(name: str) -> Outcome:
    data = (FIXTURES / "txt" / "001.txt").read_bytes() + f"\n<!-- {name} -->".encode()
    did = hashlib.sha256(data).hexdigest()
    ex = extract(read_text(data), did)
    row = document_row(FileTask(path=None, rel=name), did, "txt", len(data))  # type: ignore[arg-type]
    return Outcome(document=row, extraction=ex)


def _warehouse() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    init_schema(con)
    return con


def test_schema_types_equal_the_warehouse_types():
    """The child's types (an in-memory database from sql/schema) are the writer's."""
    fp, types = schema_column_types()
    assert types == column_types(_warehouse())
    assert fp == hashlib.sha256("\0".join(_ddl()).encode()).hexdigest()


def test_a_value_refused_in_the_child_fails_its_document_alone():
    good, bad = _outcome("good.txt"), _outcome("bad.txt")
    bad.extraction.fact_scores[0].update(weight=39500.0)
    fp, types = schema_column_types()
    assert check_loadable(good, types, fp) is None
    r = check_loadable(bad, types, fp)
    assert r is not None and (r.table, r.column) == ("fact_scores", "weight")
    assert bad.document["status"] == "failed" and bad.document["error_code"] == "LOAD_ERROR"
    assert bad.extraction is None and good.checked_schema == bad.checked_schema == fp
    con = _warehouse()
    load(con, [good, bad], [])
    assert con.execute("SELECT status FROM documents WHERE file_name = 'good.txt'").fetchone()[0] == "loaded"
    assert con.execute("SELECT status FROM documents WHERE file_name = 'bad.txt'").fetchone()[0] == "failed"


def test_the_writer_rechecks_what_was_checked_against_another_schema():
    """An outcome checked under another sql/schema (or not at all) is checked by the writer."""
    fp, _ = schema_column_types()
    stale = _outcome("stale.txt")
    stale.extraction.fact_scores[0].update(weight=39500.0)
    stale.checked_schema = "another schema"
    trusted = copy.deepcopy(stale)
    trusted.checked_schema = fp  # claims a check it did not pass: the writer believes it
    con = _warehouse()
    refused = refuse_unloadable(con, [stale, trusted])
    assert [r.column for r in refused] == ["weight"]
    assert stale.document["status"] == "failed" and trusted.document["status"] == "loaded"


def test_init_schema_runs_once_per_schema_and_vocabulary(tmp_path, monkeypatch):
    path = tmp_path / "w.duckdb"
    con = duckdb.connect(str(path))
    init_schema(con)
    fp = con.execute("SELECT fingerprint FROM schema_state").fetchall()
    assert fp == [(fingerprint(_ddl()),)]
    # Unchanged schema and vocabulary: the second open does not reload (a row removed by
    # hand stays removed) ...
    con.execute("DELETE FROM stage_labels")
    init_schema(con)
    assert con.execute("SELECT count(*) FROM stage_labels").fetchone()[0] == 0
    # ... a changed vocabulary file (another fingerprint) reloads everything.
    con.execute("UPDATE schema_state SET fingerprint = 'older vocabulary'")
    init_schema(con)
    assert con.execute("SELECT count(*) FROM stage_labels").fetchone()[0] > 0
    assert con.execute("SELECT fingerprint FROM schema_state").fetchall() == fp
    con.close()


def test_loading_the_definitions_does_not_import_dask():
    """Dask (dask.dataframe, scipy) is imported when a distributed run starts, not by every
    `bpw run` or Dagster code load."""
    import subprocess
    import sys

    code = "import sys, pipeline.definitions; print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'dagster_dask', 'distributed')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
