"""Load staged parse results: one writer, one transaction per batch, DataFrame inserts."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import duckdb
import pandas as pd

from pipeline.warehouse.schema import DOC_TABLES, FACT_TABLES
from pipeline.warehouse.transaction import transaction


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]] | pd.DataFrame) -> int:
    df = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(rows)
    if df.empty:
        return 0
    cols = _columns(con, table)
    for c in cols:
        if c not in df.columns:
            df[c] = None
    df = df[cols].astype(object).where(pd.notna(df[cols]), None)
    con.register("_ins", df)
    try:
        con.execute(f"INSERT INTO {table} SELECT * FROM _ins")
    finally:
        con.unregister("_ins")
    return len(df)


def delete_documents(con: duckdb.DuckDBPyConnection, document_ids: Iterable[str]) -> None:
    ids = pd.DataFrame({"document_id": list(document_ids)})
    if ids.empty:
        return
    con.register("_ids", ids)
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE _rids AS SELECT report_id FROM reports WHERE document_id IN (SELECT document_id FROM _ids)")
        for t in ("projects", "fact_budgets", "fact_executions", "fact_indicators", "fact_scores"):
            con.execute(f"DELETE FROM {t} WHERE report_id IN (SELECT report_id FROM _rids)")
        for t in ("fact_mentions", "table_sums", "unrecognised", "reports", *DOC_TABLES):
            con.execute(f"DELETE FROM {t} WHERE document_id IN (SELECT document_id FROM _ids)")
    finally:
        con.unregister("_ids")


def remove_orphans(con: duckdb.DuckDBPyConnection) -> int:
    """A path whose bytes changed (or that stopped being a duplicate) leaves its old
    document behind: remove documents no file points to any more."""
    orphans = [r[0] for r in con.execute(
        "SELECT document_id FROM documents WHERE document_id NOT IN (SELECT document_id FROM document_files)"
    ).fetchall()]
    if orphans:
        delete_documents(con, orphans)
        con.register("_orph", pd.DataFrame({"document_id": orphans}))
        con.execute("DELETE FROM documents WHERE document_id IN (SELECT document_id FROM _orph)")
        con.unregister("_orph")
    return len(orphans)


def load_batch(
    con: duckdb.DuckDBPyConnection,
    documents: list[dict[str, Any]],
    tables: dict[str, pd.DataFrame],
    files: list[dict[str, Any]] | None = None,
) -> dict[str, int]:
    """Replace everything known about these documents, atomically."""
    counts: dict[str, int] = {}
    with transaction(con):
        ids = [d["document_id"] for d in documents]
        delete_documents(con, ids)
        if ids:
            con.register("_dids", pd.DataFrame({"document_id": ids}))
            con.execute("DELETE FROM documents WHERE document_id IN (SELECT document_id FROM _dids)")
            con.unregister("_dids")
        counts["documents"] = insert_rows(con, "documents", documents)
        for t in (*DOC_TABLES, *FACT_TABLES):
            if t in tables:
                counts[t] = insert_rows(con, t, tables[t])
        if files:
            fdf = pd.DataFrame(files)
            con.register("_files", fdf)
            con.execute("DELETE FROM document_files WHERE file_name IN (SELECT file_name FROM _files)")
            con.unregister("_files")
            insert_rows(con, "document_files", fdf)
            remove_orphans(con)
    return counts
