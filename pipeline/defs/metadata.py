"""Dagster metadata from the warehouse's own definitions: column schemas (with the Chinese
column comments analysts see) built from sql/schema and sql/comments in an in-memory DuckDB."""

from __future__ import annotations

from functools import cache

import dagster as dg
import duckdb


@cache
def _columns() -> dict[str, list[tuple[str, str, str]]]:
    from pipeline.warehouse.schema import _ddl
    from pipeline.warehouse.views import apply_table_comments

    con = duckdb.connect(":memory:")
    try:
        for stmt in _ddl():  # the tables only: no vocabulary is needed for their columns
            con.execute(stmt)
        apply_table_comments(con)
        rows = con.execute(
            "SELECT table_name, column_name, data_type, coalesce(comment, '') FROM duckdb_columns() "
            "WHERE NOT internal ORDER BY table_name, column_index"
        ).fetchall()
    finally:
        con.close()
    out: dict[str, list[tuple[str, str, str]]] = {}
    for table, column, dtype, comment in rows:
        out.setdefault(table, []).append((column, dtype, comment))
    return out


def table_schema(table: str) -> dg.TableSchema:
    return dg.TableSchema(columns=[dg.TableColumn(name=c, type=t, description=d or None)
                                   for c, t, d in _columns().get(table, [])])
