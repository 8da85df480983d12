"""Create the warehouse tables and load the vocabulary. The only place DDL runs."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pandas as pd

from pipeline.extract.result import TABLES as EXTRACTION_TABLES
from pipeline.normalize.money import units
from pipeline.settings import SQL_DIR, VOCAB_DIR
from pipeline.warehouse.transaction import transaction

# The tables extraction fills, in load order (reports before the facts that point to them).
FACT_TABLES = EXTRACTION_TABLES
DOC_TABLES = ("blocks", "cells")


def connect(path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    path.parent.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(str(path), read_only=read_only)


def init_schema(con: duckdb.DuckDBPyConnection) -> None:
    ddl = [f.read_text(encoding="utf-8") for f in sorted((SQL_DIR / "schema").glob("*.sql"))]
    for stmt in ddl:
        con.execute(stmt)
    _add_missing_columns(con, ddl)
    _load_line_items(con)
    _load_money_units(con)


def _add_missing_columns(con: duckdb.DuckDBPyConnection, ddl: list[str]) -> None:
    """Columns added to sql/schema after a warehouse was created are added in place
    (additive migrations only: the contract never renames or drops)."""
    ref = duckdb.connect(":memory:")
    try:
        for stmt in ddl:
            ref.execute(stmt)
        want = ref.execute(
            "SELECT table_name, column_name, data_type FROM duckdb_columns() ORDER BY table_name, column_index"
        ).fetchall()
    finally:
        ref.close()
    have = {(t, c) for t, c in con.execute("SELECT table_name, column_name FROM duckdb_columns()").fetchall()}
    for table, column, dtype in want:
        if (table, column) not in have:
            con.execute(f'ALTER TABLE {table} ADD COLUMN "{column}" {dtype}')


def _load_line_items(con: duckdb.DuckDBPyConnection) -> None:
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
