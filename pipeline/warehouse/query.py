"""Read-only access to the warehouse for `bpw query`, notebooks and exports, and plain-text
rendering of results (table, CSV, JSON)."""

from __future__ import annotations

import json
import math
import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd

FORMATS = ("table", "csv", "json")


class WarehouseMissing(FileNotFoundError):
    """There is no warehouse file yet."""


class WarehouseBusy(RuntimeError):
    """A writer (a running `bpw run`, a Dagster run) holds the warehouse's lock."""

    def __init__(self, message: str, pid: int | None = None):
        super().__init__(message)
        self.pid = pid


_PID = re.compile(r"\(PID (\d+)\)")


def open_read_only(path: Path | str, *, external_access: bool = False) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the warehouse.

    With ``external_access=False`` (the default) SQL cannot read or write other files either
    (COPY … TO, ATTACH, read_csv, INSTALL are refused), so a query can only look.
    Raises WarehouseMissing when the file does not exist and WarehouseBusy when a writer
    holds it (DuckDB lets one process write or several read, never both)."""
    path = Path(path)
    if not path.exists():
        raise WarehouseMissing(f"No warehouse at {path}; run `bpw run` first.")
    config = {} if external_access else {"enable_external_access": False, "lock_configuration": True}
    try:
        return duckdb.connect(str(path), read_only=True, config=config)
    except duckdb.IOException as e:
        msg = str(e)
        if "lock" not in msg.lower():
            raise
        m = _PID.search(msg)
        pid = int(m.group(1)) if m else None
        who = f" (pid {pid})" if pid is not None else ""
        raise WarehouseBusy(
            f"The warehouse is being written by a running `bpw run`{who}; try again when it finishes.", pid=pid
        ) from None


# ---------------------------------------------------------------- formatting


def display_width(text: str) -> int:
    """Columns a string takes in a terminal: CJK wide/full-width characters count 2,
    combining marks 0."""
    w = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


def _cell(v) -> str:
    if v is None or v is pd.NA or v is pd.NaT:
        return ""
    if isinstance(v, float):
        if math.isnan(v):
            return ""
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
        s = f"{v:.6f}".rstrip("0").rstrip(".")
        return "0" if s in ("-0", "") else s
    if isinstance(v, (bool,)):
        return "true" if v else "false"
    if isinstance(v, pd.Timestamp):
        return v.isoformat(sep=" ")
    if isinstance(v, (datetime, date)):
        return v.isoformat(sep=" ") if isinstance(v, datetime) else v.isoformat()
    return str(v).replace("\r\n", " ").replace("\n", " ").replace("\t", " ")


def _is_numeric(series: pd.Series) -> bool:
    if pd.api.types.is_bool_dtype(series):
        return False
    if pd.api.types.is_numeric_dtype(series):
        return True
    vals = [v for v in series if v is not None and not (isinstance(v, float) and math.isnan(v))]
    return bool(vals) and all(isinstance(v, (int, float, Decimal)) and not isinstance(v, bool) for v in vals)


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * max(width - display_width(text), 0)
    return gap + text if right else text + gap


def _table(df: pd.DataFrame) -> str:
    cols = [str(c) for c in df.columns]
    if not cols:
        return "(no columns)\n"
    rows = [[_cell(v) for v in rec] for rec in df.itertuples(index=False, name=None)]
    numeric = [_is_numeric(df.iloc[:, i]) for i in range(len(cols))]
    widths = [max([display_width(c)] + [display_width(r[i]) for r in rows]) for i, c in enumerate(cols)]
    lines = [
        "  ".join(_pad(c, widths[i], numeric[i]) for i, c in enumerate(cols)).rstrip(),
        "  ".join("-" * w for w in widths),
    ]
    lines += ["  ".join(_pad(r[i], widths[i], numeric[i]) for i in range(len(cols))).rstrip() for r in rows]
    n = len(rows)
    lines.append(f"({n} row{'s' if n != 1 else ''})")
    return "\n".join(lines) + "\n"


def _json_value(v):
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, float):
        return None if math.isnan(v) or math.isinf(v) else v
    if isinstance(v, Decimal):
        return float(v)
    if isinstance(v, (pd.Timestamp, datetime, date)):
        return v.isoformat()
    if hasattr(v, "item"):  # numpy scalars
        return _json_value(v.item())
    if isinstance(v, (list, tuple)):
        return [_json_value(x) for x in v]
    if isinstance(v, dict):
        return {str(k): _json_value(x) for k, x in v.items()}
    return v


def format_result(df: pd.DataFrame, fmt: str = "table") -> str:
    """Render a query result: 'table' (aligned, CJK-aware, with a row count), 'csv' (header,
    comma-separated, no index) or 'json' (a list of records, Chinese kept as is)."""
    if fmt == "table":
        return _table(df)
    if fmt == "csv":
        return df.to_csv(index=False)
    if fmt == "json":
        cols = [str(c) for c in df.columns]
        records = [{c: _json_value(v) for c, v in zip(cols, rec, strict=False)} for rec in df.itertuples(index=False, name=None)]
        return json.dumps(records, ensure_ascii=False) + "\n"
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def run_query(path: Path | str, sql: str, fmt: str = "table") -> str:
    """Open read-only, run one query, render it, close."""
    con = open_read_only(path)
    try:
        df = con.execute(sql).df()
    finally:
        con.close()
    return format_result(df, fmt)
