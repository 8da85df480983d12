"""Create the warehouse tables and load the vocabulary. The only place DDL runs."""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from pipeline.extract.result import TABLES as EXTRACTION_TABLES
from pipeline.normalize.money import units
from pipeline.settings import SQL_DIR, VOCAB_DIR
from pipeline.warehouse.transaction import transaction

if TYPE_CHECKING:
    pass

# The tables extraction fills, in load order (reports before the facts that point to them).
FACT_TABLES = EXTRACTION_TABLES
DOC_TABLES = ("blocks", "cells")


# The file format the warehouse is written in. DuckDB 2.x writes a format 1.x clients (DBeaver's
# driver, R, older CLIs and notebooks) refuse ("database file with version number …"); the
# v1.0.0 format is read by every DuckDB from 1.0 on, and costs nothing the warehouse uses.
STORAGE_VERSION = "v1.0.0"
# The number DuckDB writes in the file header for that format (bytes 12–19, after "DUCK").
_COMPATIBLE_HEADER = 64


def connect(path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the warehouse. A writer creates new files in STORAGE_VERSION and converts, once,
    a warehouse an earlier release wrote in DuckDB 2's own format."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if read_only:
        return duckdb.connect(str(path), read_only=True)
    if storage_header(path) not in (None, _COMPATIBLE_HEADER):
        downgrade(path)
    return duckdb.connect(str(path), config={"storage_compatibility_version": STORAGE_VERSION})


def storage_header(path: Path) -> int | None:
    """The storage version number in a DuckDB file's header; None when there is no file yet."""
    try:
        with open(path, "rb") as f:
            head = f.read(20)
    except FileNotFoundError:
        return None
    if len(head) < 20 or head[8:12] != b"DUCK":
        return None  # not (yet) a DuckDB file: let DuckDB say what it is
    return int.from_bytes(head[12:20], "little")


def downgrade(path: Path) -> None:
    """Rewrite a warehouse in STORAGE_VERSION (tables, views, macros and data), then swap the
    files. Opening the old file for writing takes its lock, so a running writer makes this
    wait like any other writer (DuckDB raises its lock error, which open_writer retries)."""
    import os

    tmp = path.with_name(path.name + ".v1.tmp")
    tmp.unlink(missing_ok=True)
    old = duckdb.connect(str(path))  # replays any WAL into the file and holds the lock
    try:
        old.execute(f"ATTACH '{tmp}' AS bpw_v1 (STORAGE_VERSION '{STORAGE_VERSION}')")
        db = old.execute("SELECT current_database()").fetchone()[0]
        old.execute(f'COPY FROM DATABASE "{db}" TO bpw_v1')
        old.execute("DETACH bpw_v1")
    finally:
        old.close()
    os.replace(tmp, path)


# The vocabulary files init_schema loads into the warehouse (their contents are part of the
# fingerprint: editing one reloads it on the next open).
_VOCAB_LOADED = ("line_items.csv", "money_units.csv", "statement_partitions.csv", "stage_labels.csv",
                 "final_account_tables.csv")


def _ddl() -> list[str]:
    """The statements of sql/schema, in file order."""
    return [f.read_text(encoding="utf-8") for f in sorted((SQL_DIR / "schema").glob("*.sql"))]


def fingerprint(ddl: list[str]) -> str:
    """sql/schema and the loaded vocabulary, as one hash."""
    import hashlib

    h = hashlib.sha256()
    for text in ddl + [(VOCAB_DIR / f).read_text(encoding="utf-8") for f in _VOCAB_LOADED]:
        h.update(text.encode())
        h.update(b"\0")
    return h.hexdigest()


def _current(con: duckdb.DuckDBPyConnection, fp: str) -> bool:
    try:
        # fetchall: a fetchone would leave the result open and block the connection's next use
        rows = con.execute("SELECT fingerprint FROM schema_state").fetchall()
    except duckdb.CatalogException:
        return False  # a new warehouse, or one an earlier release created
    return rows == [(fp,)]


def init_schema(con: duckdb.DuckDBPyConnection, force: bool = False) -> None:
    """Create the tables, views' macros and vocabulary. Skipped when the warehouse was last
    initialised from the same sql/schema and vocabulary (a run opens the writer once per
    step; the DDL and the reload cost ~60 ms each time)."""
    ddl = _ddl()
    fp = fingerprint(ddl)
    if not force and _current(con, fp):
        return
    for stmt in ddl:
        con.execute(stmt)
    _add_missing_columns(con, ddl)
    _load_line_items(con)
    _load_money_units(con)
    _load_partitions(con)
    _load_stage_labels(con)
    _load_final_account_tables(con)
    with transaction(con):
        con.execute("DELETE FROM schema_state")
        con.execute("INSERT INTO schema_state VALUES (?, now())", [fp])


@lru_cache(maxsize=4)
def _columns_of(ddl: tuple[str, ...]) -> list[tuple]:
    """(table, column, type, nullable) that this DDL creates, from a scratch in-memory
    database (once per process and DDL text: a run opens the warehouse several times)."""
    ref = duckdb.connect(":memory:")
    try:
        for stmt in ddl:
            ref.execute(stmt)
        return ref.execute(
            "SELECT table_name, column_name, data_type, is_nullable FROM duckdb_columns() "
            "ORDER BY table_name, column_index"
        ).fetchall()
    finally:
        ref.close()


def _add_missing_columns(con: duckdb.DuckDBPyConnection, ddl: list[str]) -> None:
    """Columns added to sql/schema after a warehouse was created are added in place
    (additive migrations only: the contract never renames or drops)."""
    want = _columns_of(tuple(ddl))
    have = {(t, c): n for t, c, n in con.execute(
        "SELECT table_name, column_name, is_nullable FROM duckdb_columns()").fetchall()}
    for table, column, dtype, nullable in want:
        if (table, column) not in have:
            con.execute(f'ALTER TABLE {table} ADD COLUMN "{column}" {dtype}')
        elif nullable and not have[(table, column)]:
            # A constraint relaxed by the contract (dq_results.passed is null when incomplete).
            con.execute(f'ALTER TABLE {table} ALTER COLUMN "{column}" DROP NOT NULL')


def _load_line_items(con: duckdb.DuckDBPyConnection) -> None:
    import pandas as pd

    with open(VOCAB_DIR / "line_items.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    df = pd.DataFrame(rows).replace({"": None})
    con.register("li_df", df)
    # One transaction: a run killed here must not leave the vocabulary empty.
    try:
        with transaction(con):
            # Only the vocabulary's own codes are replaced: classification codes learnt from
            # documents (func:…, econ:…) stay.
            con.execute("DELETE FROM line_items WHERE code IN (SELECT code FROM li_df)")
            con.execute("INSERT INTO line_items SELECT code, label_zh, dimension, parent_code FROM li_df")
    finally:
        con.unregister("li_df")


def _load_money_units(con: duckdb.DuckDBPyConnection) -> None:
    """vocab/money_units.csv → `money_units`, through the same loader extraction uses, so
    the SQL macros and Python read one set of factors."""
    import pandas as pd

    df = pd.DataFrame(
        [(u.unit, u.canonical, u.kind, float(u.factor), u.in_headers, u.table_default) for u in units().values()],
        columns=["unit", "canonical", "kind", "factor", "in_headers", "table_default"],
    )
    con.register("mu_df", df)
    try:
        with transaction(con):
            con.execute("DELETE FROM money_units")
            con.execute("INSERT INTO money_units SELECT * FROM mu_df")
    finally:
        con.unregister("mu_df")


def _load_partitions(con: duckdb.DuckDBPyConnection) -> None:
    """vocab/statement_partitions.csv → line_item_partitions, one row per (partition, part)."""
    with open(VOCAB_DIR / "statement_partitions.csv", encoding="utf-8") as f:
        rows = [(r["whole"], i, part, r["note"], r["complete"] == "yes")
                for i, r in enumerate(csv.DictReader(f), start=1) for part in r["parts"].split()]
    with transaction(con):
        con.execute("DELETE FROM line_item_partitions")
        if rows:
            con.executemany("INSERT INTO line_item_partitions (whole, partition_id, part, note, complete) "
                            "VALUES (?, ?, ?, ?, ?)", rows)


def _load_final_account_tables(con: duckdb.DuckDBPyConnection) -> None:
    """vocab/final_account_tables.csv → final_account_tables: the 部门决算 template's tables by title."""
    with open(VOCAB_DIR / "final_account_tables.csv", encoding="utf-8") as f:
        rows = [(r["kind"], r["title"], r["note"]) for r in csv.DictReader(f)]
    with transaction(con):
        con.execute("DELETE FROM final_account_tables")
        con.executemany("INSERT INTO final_account_tables (kind, title, note) VALUES (?, ?, ?)", rows)


def _load_stage_labels(con: duckdb.DuckDBPyConnection) -> None:
    """vocab/stage_labels.csv → stage_labels: the stage names findings print (macro stage_zh)."""
    with open(VOCAB_DIR / "stage_labels.csv", encoding="utf-8") as f:
        rows = [(r["stage"], r["label_zh"], r["label_en"]) for r in csv.DictReader(f)]
    with transaction(con):
        con.execute("DELETE FROM stage_labels")
        con.executemany("INSERT INTO stage_labels (stage, label_zh, label_en) VALUES (?, ?, ?)", rows)
