"""One document's rows load or are refused as a unit: a value no column can hold fails that
document alone (LOAD_ERROR, naming table, column and value); the rest of the batch loads."""

from __future__ import annotations

import copy
import hashlib
import math

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.extract import extract
from pipeline.extract.result import TABLES
from pipeline.ingest.process import FileTask, Outcome, document_row
from pipeline.readers.text import read_text
from pipeline.runner import load
from pipeline.warehouse.load import column_types, first_unloadable
from pipeline.warehouse.schema import init_schema
from tests.golden.conftest import FIXTURES

FACT_TABLES = ("reports", "projects", "fact_budgets", "fact_executions", "fact_indicators", "fact_scores")


def _outcome(text: str, name: str) -> Outcome:
    data = (text + f"\n<!-- {name} -->").encode("utf-8")
    did = hashlib.sha256(data).hexdigest()
    ex = extract(read_text(data), did)
    row = document_row(FileTask(path=None, rel=name), did, "txt", len(data))  # type: ignore[arg-type]
    row.update(numeric_cells=ex.numeric_cells, numeric_cells_used=ex.numeric_cells_used,
               numeric_cells_ignored=ex.numeric_cells_ignored)
    return Outcome(document=row, extraction=ex)


@pytest.fixture(scope="module")
def base() -> list[Outcome]:
    texts = sorted((FIXTURES / "txt").glob("00[0-2].txt"))
    outs = [_outcome(p.read_text(encoding="utf-8"), f"good-{p.stem}.txt") for p in texts]
    # The bad one: a self-evaluation with every fact table filled (001: a project's 自评表).
    outs.append(_outcome(texts[1].read_text(encoding="utf-8"), "bad.txt"))
    assert all(getattr(outs[-1].extraction, t) for t in FACT_TABLES)
    return outs


def _warehouse() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    init_schema(con)
    return con


def _load(outcomes: list[Outcome]) -> duckdb.DuckDBPyConnection:
    con = _warehouse()
    load(con, outcomes, [])
    return con


def _facts(con: duckdb.DuckDBPyConnection, document_id: str) -> int:
    return sum(
        con.execute(f"SELECT count(*) FROM {t} WHERE report_id IN "
                    "(SELECT report_id FROM reports WHERE document_id = ?)", [document_id]).fetchone()[0]
        for t in ("fact_budgets", "fact_executions", "fact_indicators", "fact_scores")
    )


def _assert_good_loaded(con: duckdb.DuckDBPyConnection, good: list[Outcome]) -> None:
    for o in good:
        status, code = con.execute("SELECT status, error_code FROM documents WHERE document_id = ?",
                                   [o.document["document_id"]]).fetchone()
        assert (status, code) == ("loaded", None), o.document["file_name"]
        ex = o.extraction
        want = sum(len(getattr(ex, t)) for t in ("fact_budgets", "fact_executions", "fact_indicators", "fact_scores"))
        assert _facts(con, o.document["document_id"]) == want > 0


def test_a_weight_of_39500_fails_its_document_alone(base):
    """The workbook of issue 15: a misread score component '≥#6' with a weight of 39 500."""
    outs = copy.deepcopy(base)
    bad = outs[-1]
    bad.extraction.fact_scores[0].update(component="≥#6", weight=39500.0)
    con = _load(outs)
    _assert_good_loaded(con, outs[:-1])
    status, code, msg = con.execute(
        "SELECT status, error_code, error_message FROM documents WHERE file_name = 'bad.txt'").fetchone()
    assert (status, code) == ("failed", "LOAD_ERROR")
    for word in ("fact_scores", "weight", "39500", "DECIMAL(6,2)", "无法入库"):
        assert word in msg, msg
    # Refused as a unit: nothing of the document but its documents row.
    did = bad.document["document_id"]
    for t in ("blocks", "cells", "reports", "fact_mentions", "table_sums", "unrecognised"):
        assert con.execute(f"SELECT count(*) FROM {t} WHERE document_id = ?", [did]).fetchone()[0] == 0, t


def test_a_key_clash_the_checks_cannot_see_fails_only_that_document(base):
    """A batch DuckDB refuses anyway (a report_id another document already holds) is loaded
    document by document: only the clashing document fails, with DuckDB's reason."""
    outs = copy.deepcopy(base)
    bad = outs[-1]
    clash = outs[0].extraction.reports[0]["report_id"]
    old = bad.extraction.reports[0]["report_id"]
    for t in TABLES:
        for row in getattr(bad.extraction, t):
            if row.get("report_id") == old:
                row["report_id"] = clash
    con = _load(outs)
    _assert_good_loaded(con, outs[:-1])
    status, code, msg = con.execute(
        "SELECT status, error_code, error_message FROM documents WHERE file_name = 'bad.txt'").fetchone()
    assert (status, code) == ("failed", "LOAD_ERROR")
    assert "reports" in msg and "Duplicate key" in msg, msg


def test_every_fact_column_type_holds_what_extraction_produces():
    """Column types hold every value the extractor produces from every text fixture."""
    con = _warehouse()
    types = column_types(con)
    for p in sorted((FIXTURES / "txt").glob("*.txt")):
        o = _outcome(p.read_text(encoding="utf-8"), p.name)
        tables = {t: getattr(o.extraction, t) for t in TABLES}
        assert first_unloadable(types, tables) is None, p.name


EXTREMES = st.one_of(
    st.sampled_from([1e20, -1e20, 10**30, -(10**30), -1, -0.01, math.nan, math.inf, -math.inf,
                     39500, 9999.995, 2**31, -(2**63) - 1, "", "1e20", "NaN", True]),
    st.text(min_size=300, max_size=320),  # 300-character names
    st.text(alphabet=st.characters(codec="utf-8", max_codepoint=0x1F) | st.sampled_from("\x7f\u200b\ufeff"),
            min_size=1, max_size=20),  # control characters
    st.just("名称\ud800"),  # a lone surrogate (a broken decode) cannot be stored as UTF-8
    st.none(),
)


@pytest.fixture(scope="module")
def shared() -> duckdb.DuckDBPyConnection:
    # One warehouse for every example: a load replaces everything known about its documents.
    return _warehouse()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=st.sampled_from(FACT_TABLES), data=st.data(), value=EXTREMES)
def test_extreme_values_in_any_fact_field_never_stop_the_batch(base, shared, table, data, value):
    outs = copy.deepcopy(base)
    bad = outs[-1]
    rows = getattr(bad.extraction, table)
    types = column_types(shared)
    # Keys and the ids tying rows together are set by bpw, not read from documents.
    fields = sorted(c for c in types[table] if c not in ("report_id", "project_id", "document_id"))
    column = data.draw(st.sampled_from(fields))
    row = data.draw(st.sampled_from(rows))
    row[column] = value
    con = shared
    load(con, outs, [])
    _assert_good_loaded(con, outs[:-1])
    status, code, msg = con.execute(
        "SELECT status, error_code, error_message FROM documents WHERE file_name = 'bad.txt'").fetchone()
    if status == "loaded":
        # The value fitted its column: the document loaded whole.
        assert _facts(con, bad.document["document_id"]) == sum(
            len(getattr(bad.extraction, t)) for t in ("fact_budgets", "fact_executions", "fact_indicators", "fact_scores"))
    else:
        assert (status, code) == ("failed", "LOAD_ERROR"), (status, code, msg)
        assert table in msg and column in msg, msg
        assert _facts(con, bad.document["document_id"]) == 0


def _with_id(o: Outcome, name: str) -> Outcome:
    """A copy of `o` as another document (its own document, report and project ids)."""
    o = copy.deepcopy(o)
    old = o.document["document_id"]
    new = hashlib.sha256(name.encode()).hexdigest()
    o.document.update(document_id=new, file_name=name)
    for t in TABLES:
        for row in getattr(o.extraction, t):
            for k in ("document_id", "report_id", "project_id"):
                if isinstance(row.get(k), str):
                    row[k] = row[k].replace(old[:16], new[:16]).replace(old, new)
    return o


@pytest.mark.parametrize("value", [1e20, -1e20, math.nan, "名称\ud800", "x" * 300 + "\x00\x07\x1b"])
def test_every_field_of_every_fact_table_in_one_batch(base, value):
    """One document per (table, column) holding the extreme value, all in one batch with
    the good ones: the good ones load; each bad one loads whole or says which column."""
    good = copy.deepcopy(base[:-1])
    types = column_types(_warehouse())
    bad: dict[str, tuple[str, str]] = {}
    outs = list(good)
    for table in FACT_TABLES:
        for column in sorted(types[table]):
            if column in ("report_id", "project_id", "document_id"):
                continue
            name = f"bad-{table}-{column}.txt"
            o = _with_id(base[-1], name)
            getattr(o.extraction, table)[0][column] = value
            outs.append(o)
            bad[name] = (table, column)
    con = _load(outs)
    _assert_good_loaded(con, good)
    rows = {r[0]: r[1:] for r in con.execute(
        "SELECT file_name, status, error_code, error_message FROM documents").fetchall()}
    assert len(rows) == len(outs)
    refused = 0
    for name, (table, column) in bad.items():
        status, code, msg = rows[name]
        if status == "failed":
            refused += 1
            assert code == "LOAD_ERROR" and f"table {table}" in msg.lower() and column in msg, msg
        else:
            assert status == "loaded", (name, status, msg)
    # Numbers too large or not finite never fit a DECIMAL/INTEGER column or NOT NULL text key.
    if not isinstance(value, str):
        assert refused >= 10
