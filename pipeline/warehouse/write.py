"""Every write to the warehouse outside a document batch: file bookkeeping, classification
codes learnt from documents, check results, GX validations, run records, purges.

With load.py (document batches) and schema.py (DDL) this is the only code that changes
DuckDB: the pipeline's other modules compute, and call these to record what they computed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

import duckdb

from pipeline.warehouse.load import delete_documents, insert_rows
from pipeline.warehouse.transaction import transaction

if TYPE_CHECKING:
    import pandas as pd


def _with_frame(con: duckdb.DuckDBPyConnection, name: str, df: pd.DataFrame, *sql: str) -> None:
    """Run statements that read a registered DataFrame, unregistering it whatever happens."""
    con.register(name, df)
    try:
        for stmt in sql:
            con.execute(stmt)
    finally:
        con.unregister(name)


# ------------------------------------------------------------------ files and documents


def record_fingerprints(con: duckdb.DuckDBPyConnection, rows: Iterable[Mapping[str, str]]) -> None:
    """document_id → fingerprint (what makes two files the same report), replacing old rows."""
    import pandas as pd

    df = pd.DataFrame(list(rows), columns=["document_id", "fingerprint"])
    if df.empty:
        return
    _with_frame(
        con, "_fps", df,
        "DELETE FROM document_fingerprints WHERE document_id IN (SELECT document_id FROM _fps)",
        "INSERT INTO document_fingerprints SELECT document_id, fingerprint FROM _fps",
    )


def flag_missing(con: duckdb.DuckDBPyConnection, missing: list[str]) -> None:
    """Files no longer in the input folder keep their history, flagged."""
    import pandas as pd

    if not missing:
        return
    _with_frame(
        con, "_miss", pd.DataFrame({"file_name": missing}),
        "UPDATE document_files SET missing = TRUE WHERE file_name IN (SELECT file_name FROM _miss)",
        """UPDATE documents SET missing_since = COALESCE(missing_since, now())
           WHERE document_id IN (SELECT document_id FROM document_files WHERE missing)
             AND document_id NOT IN (SELECT document_id FROM document_files WHERE NOT missing)""",
    )


def mark_seen(con: duckdb.DuckDBPyConnection, file_names: list[str]) -> None:
    """Unchanged files seen again: last_seen now, and a file that came back is no longer missing."""
    import pandas as pd

    if not file_names:
        return
    _with_frame(
        con, "_seen", pd.DataFrame({"file_name": file_names}),
        "UPDATE document_files SET last_seen = now(), missing = FALSE WHERE file_name IN (SELECT file_name FROM _seen)",
        """UPDATE documents SET missing_since = NULL WHERE missing_since IS NOT NULL AND document_id IN
           (SELECT document_id FROM document_files WHERE file_name IN (SELECT file_name FROM _seen))""",
    )


def purge_documents(con: duckdb.DuckDBPyConnection, document_ids: list[str]) -> None:
    """Remove documents and everything known about them, in one transaction."""
    import pandas as pd

    if not document_ids:
        return
    with transaction(con):
        delete_documents(con, document_ids)
        _with_frame(
            con, "_gone", pd.DataFrame({"document_id": document_ids}),
            *[f"DELETE FROM {t} WHERE document_id IN (SELECT document_id FROM _gone)"
              for t in ("documents", "document_files", "document_fingerprints", "dq_results")],
        )


def extend_classification(con: duckdb.DuckDBPyConnection) -> int:
    """Classification codes found in documents (func:2010601, econ:30101) join the line-item
    tree with their parent by code prefix, so line_item_sum checks 类 = Σ款 = Σ项."""
    added = con.execute(
        """INSERT INTO line_items
           SELECT code, any_value(label), CASE WHEN code LIKE 'func:%' THEN 'functional_class' ELSE 'economic_class' END,
                  CASE WHEN length(code) - strpos(code, ':') > 3
                       THEN left(code, length(code) - 2) END
           FROM (SELECT line_item AS code, label_text AS label FROM fact_budgets
                 UNION ALL SELECT line_item, label_text FROM fact_executions)
           WHERE (code LIKE 'func:%' OR code LIKE 'econ:%') AND code NOT IN (SELECT code FROM line_items)
           GROUP BY code"""
    ).fetchone()
    # A parent code that is not printed itself still needs a row for the tree walk.
    con.execute(
        """INSERT INTO line_items
           SELECT DISTINCT parent_code, parent_code, dimension,
                  CASE WHEN length(parent_code) - strpos(parent_code, ':') > 3 THEN left(parent_code, length(parent_code) - 2) END
           FROM line_items WHERE parent_code IS NOT NULL AND parent_code NOT IN (SELECT code FROM line_items)"""
    )
    return int(added[0]) if added else 0


# ------------------------------------------------------------------ checks and runs


def scratch_like(con: duckdb.DuckDBPyConnection, name: str, table: str) -> None:
    """An empty temporary table shaped like `table` (ad-hoc check runs write there)."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT * FROM {table} LIMIT 0")


def drop_scratch(con: duckdb.DuckDBPyConnection, name: str) -> None:
    con.execute(f"DROP TABLE IF EXISTS {name}")


def insert_check_rows(con: duckdb.DuckDBPyConnection, table: str, run_id: str, checked_at: datetime,
                      select_sql: str) -> None:
    """Append one check's rows, computed by `select_sql` inside DuckDB (residuals never pass
    through Python), to dq_results or a scratch twin.

    A check that may not understand all of what it compares returns an `incomplete` column:
    such a row is stored with status 'incomplete' and passed null, never as a failure.
    A sum or rate check that also judges its figures as printed returns `printed_ok` (null where
    not judged) and `printed_tol`: each of its rows that holds within rounding also becomes a
    `printed_balance` row (尾差未调平 when printed_ok is false), named after the identity."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE _check_rows AS {select_sql}")
    try:
        cols = {d[0] for d in con.execute("SELECT * FROM _check_rows LIMIT 0").description}
        inc = "coalesce(CAST(incomplete AS BOOLEAN), FALSE)" if "incomplete" in cols else "FALSE"
        # A check that names what it checked by a machine key (subject_key) keeps it apart from
        # `detail`, which is written for people.
        key = "CAST(subject_key AS VARCHAR)" if "subject_key" in cols else "NULL"
        insert = f"""INSERT INTO {table} (run_id, checked_at, report_id, project_id, check_name, severity, passed,
                                 expected, observed, difference, tolerance, detail, source_refs, document_id, status,
                                 subject_key)"""
        con.execute(
            f"""{insert}
                SELECT ?, ?, report_id, project_id, check_name, severity,
                       CASE WHEN {inc} THEN NULL ELSE CAST(passed AS BOOLEAN) END,
                       CAST(expected AS DOUBLE), CAST(observed AS DOUBLE), CAST(difference AS DOUBLE),
                       CAST(tolerance AS DOUBLE), detail, source_refs, document_id,
                       CASE WHEN {inc} THEN 'incomplete' WHEN CAST(passed AS BOOLEAN) THEN 'passed' ELSE 'failed' END,
                       {key}
                FROM _check_rows""",
            [run_id, checked_at],
        )
        if "printed_ok" in cols:
            con.execute(
                f"""{insert}
                    SELECT ?, ?, report_id, project_id, 'printed_balance', severity, printed_ok,
                           CAST(expected AS DOUBLE), CAST(observed AS DOUBLE), CAST(difference AS DOUBLE),
                           CAST(printed_tol AS DOUBLE), detail || printed_balance_note(printed_ok), source_refs,
                           document_id, CASE WHEN printed_ok THEN 'passed' ELSE 'failed' END,
                           check_name || coalesce(':' || {key}, '')
                    FROM _check_rows
                    WHERE CAST(passed AS BOOLEAN) AND NOT {inc} AND printed_ok IS NOT NULL""",
                [run_id, checked_at],
            )
    finally:
        con.execute("DROP TABLE IF EXISTS _check_rows")


def insert_frame(con: duckdb.DuckDBPyConnection, table: str, df: pd.DataFrame) -> int:
    """Append a DataFrame's rows (columns matched by name) to a table."""
    return insert_rows(con, table, df)


def record_validations(con: duckdb.DuckDBPyConnection, run_id: str, suites: list[dict[str, Any]]) -> None:
    import pandas as pd

    if not suites:
        return
    v = pd.DataFrame(suites)
    v.insert(0, "run_id", run_id)
    v.insert(1, "checked_at", datetime.now())
    insert_rows(con, "dq_validations", v)


def record_run(con: duckdb.DuckDBPyConnection, run_id: str, *, started_at: datetime, files_seen: int,
               files_parsed: int, checks_run: int, checks_failed: int, parser_version: str, strict: bool) -> None:
    con.execute(
        "INSERT OR REPLACE INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [run_id, started_at, datetime.now(), files_seen, files_parsed, checks_run, checks_failed,
         parser_version, strict],
    )
