"""Load staged parse results: one writer, one transaction per batch, DataFrame inserts.

A document's rows load or are refused as a unit: before a batch is inserted, every value of
every document is checked against the column it goes to (`first_unloadable`), so one
misread figure (a weight of 39 500 in DECIMAL(6,2), NaN, a lone surrogate) fails that
document alone with LOAD_ERROR instead of aborting the batch's transaction.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import TYPE_CHECKING, Any

import duckdb

from pipeline.warehouse.schema import DOC_TABLES, FACT_TABLES
from pipeline.warehouse.transaction import transaction

if TYPE_CHECKING:
    import pandas as pd


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in con.execute(f"DESCRIBE {table}").fetchall()]


def _as(dtype: str) -> Any:
    """The Python type a column's values are given to DuckDB as. DuckDB infers an object
    column's type from its first values and refuses a later value of another type (a bool
    among ints, a str among floats): one type per column avoids that."""
    if dtype == "VARCHAR":
        return str
    if dtype.startswith("DECIMAL"):
        return lambda v: v if isinstance(v, str) else str(v)  # exact: never through float
    if dtype in _INT_RANGES:
        return int
    if dtype in ("DOUBLE", "FLOAT", "REAL"):
        return float
    if dtype == "BOOLEAN":
        return bool
    return None


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]] | pd.DataFrame) -> int:
    import pandas as pd

    df = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(rows)
    if df.empty:
        return 0
    typed = _columns(con, table)
    cols = [c for c, _ in typed]
    for c in cols:
        if c not in df.columns:
            df[c] = None
    df = df[cols].astype(object).where(pd.notna(df[cols]), None)
    for c, dtype in typed:
        conv = _as(dtype)
        if conv is not None:
            df[c] = df[c].map(lambda v, f=conv: None if v is None else f(v))
    con.register("_ins", df)
    try:
        con.execute(f"INSERT INTO {table} SELECT * FROM _ins")
    finally:
        # After a failed INSERT inside a transaction DuckDB refuses every statement, unregister
        # included ("Current transaction is aborted"): that must not hide the real error.
        try:
            con.unregister("_ins")
        except duckdb.Error:
            pass
    return len(df)


# --- what a column can hold ------------------------------------------------------------------

_INT_RANGES = {
    "TINYINT": 2**7, "SMALLINT": 2**15, "INTEGER": 2**31, "BIGINT": 2**63, "HUGEINT": 2**127,
}


@dataclass(frozen=True, slots=True)
class Column:
    table: str
    name: str
    dtype: str  # as DuckDB prints it: VARCHAR, DECIMAL(6,2), INTEGER, DOUBLE, BOOLEAN, ...
    precision: int | None
    scale: int | None
    nullable: bool


def column_types(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, Column]]:
    """The warehouse's own column types: the check follows sql/schema, whatever it says."""
    out: dict[str, dict[str, Column]] = {}
    for t, c, dtype, prec, scale, nullable in con.execute(
        """SELECT table_name, column_name, data_type, numeric_precision, numeric_scale, is_nullable
           FROM duckdb_columns() WHERE NOT internal AND schema_name = 'main'"""
    ).fetchall():
        out.setdefault(t, {})[c] = Column(t, c, dtype, prec, scale, bool(nullable))
    return out


@cache
def schema_fingerprint() -> str:
    """A hash of sql/schema's statements: the `checked_schema` of an Outcome whose values a
    parser child checked against them (`schema_column_types`)."""
    import hashlib

    from pipeline.warehouse.schema import _ddl

    return hashlib.sha256("\0".join(_ddl()).encode()).hexdigest()


@cache
def schema_column_types() -> tuple[str, dict[str, dict[str, Column]]]:
    """(fingerprint of sql/schema, its column types), from an in-memory database built from
    sql/schema alone: what a parser child checks its values against without the warehouse."""
    from pipeline.warehouse.schema import _ddl

    con = duckdb.connect(":memory:")
    try:
        for stmt in _ddl():
            con.execute(stmt)
        types = column_types(con)
    finally:
        con.close()
    return schema_fingerprint(), types


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why one value cannot be stored: enough for a person to find and fix it."""

    table: str
    column: str
    value: Any
    reason_en: str
    reason_zh: str
    source_ref: str | None = None

    def shown_value(self) -> str:
        # Text in quotes with control characters escaped; numbers as printed.
        text = repr(self.value) if isinstance(self.value, str) else str(self.value)
        return text if len(text) <= 80 else text[:77] + "…"

    def english(self) -> str:
        where = f", printed at {self.source_ref}" if self.source_ref else ""
        return (f"Table {self.table}, column {self.column}: the value {self.shown_value()} "
                f"{self.reason_en}{where}; none of this document's rows was loaded. Look at that cell "
                "(usually a misread or mistyped figure), correct or re-save the file and run again.")

    def chinese(self) -> str:
        where = f"（位置 {self.source_ref}）" if self.source_ref else ""
        return (f"无法入库：表 {self.table} 列 {self.column} 的值 {self.shown_value()}{self.reason_zh}{where}，"
                "该文件的数据均未入库。请查看该单元格（通常是误读或录入错误的数字），修正或另存文件后重新运行。")


def _refusal(col: Column, value: Any) -> tuple[str, str] | None:
    """(English, Chinese) reason when `value` cannot go into `col`, else None."""
    if value is None:
        if not col.nullable:
            return "is empty, but the column requires a value", " 为空，但该列必须有值"
        return None
    if isinstance(value, float) and not math.isfinite(value):
        # NaN would silently become NULL and ±inf is never a printed figure: refuse both.
        return "is not a finite number", " 不是有限的数字"
    dtype = col.dtype
    if dtype == "VARCHAR":
        if isinstance(value, str):  # anything else is stored as its str()
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return ("contains characters that are not valid Unicode (a lone surrogate)",
                        " 含有无效的 Unicode 字符（孤立代理项）")
        return None
    if dtype.startswith("DECIMAL"):
        try:
            d = Decimal(str(value)) if not isinstance(value, Decimal) else value
        except (InvalidOperation, ValueError):
            return f"is not a number ({dtype})", f" 不是数字（{dtype}）"
        if not d.is_finite():
            return "is not a finite number", " 不是有限的数字"
        scale = col.scale or 0
        limit = Decimal(10) ** ((col.precision or 18) - scale)
        ulp = Decimal(1).scaleb(-scale)
        # DuckDB rounds to the scale first: anything that rounds up to the limit overflows.
        if abs(d) >= limit - ulp / 2:
            biggest = limit - ulp
            return (f"does not fit {dtype} (at most ±{biggest})",
                    f" 超出 {dtype} 的范围（绝对值最大 {biggest}）")
        return None
    if dtype in _INT_RANGES:
        try:
            i = int(value)
            whole = i == value if isinstance(value, float) else True
        except (TypeError, ValueError, OverflowError):
            whole = False
        if not whole:
            return f"is not a whole number ({dtype})", f" 不是整数（{dtype}）"
        bound = _INT_RANGES[dtype]
        if not -bound <= i < bound:
            return f"does not fit {dtype}", f" 超出 {dtype} 的范围"
        return None
    if dtype in ("DOUBLE", "FLOAT", "REAL"):
        try:
            f = float(value)
        except (TypeError, ValueError, OverflowError):
            return "is not a number", " 不是数字"
        if not math.isfinite(f):
            return "is not a finite number", " 不是有限的数字"
        return None
    if dtype == "BOOLEAN":
        if isinstance(value, bool | int) and value in (0, 1) or type(value).__name__ == "bool_":
            return None
        return "is not true or false", " 不是真/假值"
    return None


def first_unloadable(
    types: Mapping[str, Mapping[str, Column]], tables: Mapping[str, Iterable[Mapping[str, Any]]]
) -> Refusal | None:
    """The first value of these rows (one document's, by table) that its column cannot hold."""
    for table, rows in tables.items():
        cols = types.get(table)
        if not cols:
            continue
        for row in rows:
            for name, col in cols.items():
                why = _refusal(col, row.get(name))
                if why is not None:
                    ref = row.get("source_ref")
                    return Refusal(table, name, row.get(name), why[0], why[1],
                                   ref if isinstance(ref, str) and ref.isprintable() else None)
    return None


class TableLoadError(duckdb.Error):
    """An INSERT DuckDB refused, with the table it was for (DuckDB's message may not say)."""

    def __init__(self, table: str, error: duckdb.Error) -> None:
        super().__init__(f"{table}: {error}")
        self.table = table


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]] | pd.DataFrame) -> int:
    try:
        return insert_rows(con, table, rows)
    except duckdb.Error as e:
        raise TableLoadError(table, e) from e


def delete_documents(con: duckdb.DuckDBPyConnection, document_ids: Iterable[str]) -> None:
    import pandas as pd

    ids = pd.DataFrame({"document_id": list(document_ids)})
    if ids.empty:
        return
    con.register("_ids", ids)
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE _rids AS SELECT report_id FROM reports WHERE document_id IN (SELECT document_id FROM _ids)")
        for t in ("projects", "fact_budgets", "fact_executions", "fact_indicators", "fact_scores", "fact_changes", "fact_shares",
                  "fact_line_splits"):
            con.execute(f"DELETE FROM {t} WHERE report_id IN (SELECT report_id FROM _rids)")
        for t in ("fact_mentions", "table_sums", "unrecognised", "reports", *DOC_TABLES):
            con.execute(f"DELETE FROM {t} WHERE document_id IN (SELECT document_id FROM _ids)")
    finally:
        con.unregister("_ids")


def remove_orphans(con: duckdb.DuckDBPyConnection) -> int:
    """A path whose bytes changed (or that stopped being a duplicate) leaves its old
    document behind: remove documents no file points to any more."""
    import pandas as pd

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
    import pandas as pd

    counts: dict[str, int] = {}
    with transaction(con):
        ids = [d["document_id"] for d in documents]
        delete_documents(con, ids)
        if ids:
            con.register("_dids", pd.DataFrame({"document_id": ids}))
            con.execute("DELETE FROM documents WHERE document_id IN (SELECT document_id FROM _dids)")
            con.unregister("_dids")
        counts["documents"] = _insert(con, "documents", documents)
        for t in (*DOC_TABLES, *FACT_TABLES):
            if t in tables:
                counts[t] = _insert(con, t, tables[t])
        if files:
            fdf = pd.DataFrame(files)
            con.register("_files", fdf)
            con.execute("DELETE FROM document_files WHERE file_name IN (SELECT file_name FROM _files)")
            con.unregister("_files")
            insert_rows(con, "document_files", fdf)
            remove_orphans(con)
    return counts
