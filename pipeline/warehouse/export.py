"""`bpw export`: every view and fact table to one Excel workbook, or one CSV / Parquet file
per object.

Money (`*_yuan` columns, stored in yuan) is exported in the chosen unit: with 万元 the column
is renamed `*_wan` and divided by 10 000 (exactly, as DECIMAL); with 元 it stays `*_yuan`.
Excel headers are the Chinese column comments with the column name in parentheses, money
cells are numbers formatted '#,##0.00', the header row is frozen. CSV is UTF-8 with a BOM so
Excel opens Chinese text correctly.
"""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd

from pipeline.normalize.money import BASE_MONEY_UNIT, DEFAULT_MONEY_UNIT, unit_factor
from pipeline.warehouse.views import HELPER_VIEW_NAMES, VIEW_NAMES

FORMATS = ("xlsx", "parquet", "csv")
# Units money may be exported in, each with the multiplier from yuan (factors: vocab/money_units.csv).
MONEY_UNITS = {u: Decimal(1) / unit_factor(u) for u in (DEFAULT_MONEY_UNIT, BASE_MONEY_UNIT)}
TABLES = (
    "documents", "reports", "projects", "fact_budgets", "fact_executions", "fact_indicators", "fact_scores",
    "line_items", "dq_results",
)
# Views exported besides the contract's: the per-line-item unit figures are useful on their own.
EXTRA_VIEWS = ("v_unit_line_year", "v_unit_report", "v_report_dq")
WORKBOOK = "bpw_export.xlsx"
MONEY_FORMAT = "#,##0.00"
XLSX_MAX_ROWS = 1_048_575  # plus the header row

assert set(EXTRA_VIEWS) <= set(HELPER_VIEW_NAMES)


def export_objects(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The views and tables to export, in order, that exist in this warehouse (the views are
    absent when a blocking check stopped their publication)."""
    have = {r[0] for r in con.execute(
        "SELECT view_name FROM duckdb_views() WHERE NOT internal UNION ALL SELECT table_name FROM duckdb_tables()"
    ).fetchall()}
    return [n for n in (*VIEW_NAMES, *EXTRA_VIEWS, *TABLES) if n in have]


def _columns(con: duckdb.DuckDBPyConnection, name: str) -> list[tuple[str, str, str]]:
    """(column, data type, comment) of a table or view, in order."""
    return con.execute(
        "SELECT column_name, data_type, coalesce(comment, '') FROM duckdb_columns() "
        "WHERE table_name = ? ORDER BY column_index", [name]
    ).fetchall()


def _is_money(col: str, dtype: str) -> bool:
    return col.endswith("_yuan") and (dtype.startswith("DECIMAL") or dtype in (
        "DOUBLE", "FLOAT", "REAL", "BIGINT", "INTEGER", "HUGEINT", "SMALLINT"))


def _money_name(col: str, money_unit: str) -> str:
    return col[: -len("_yuan")] + "_wan" if money_unit == "万元" else col


def _select(con: duckdb.DuckDBPyConnection, name: str, money_unit: str) -> tuple[str, list[dict]]:
    """SQL selecting the object with money converted, and a description of each output column."""
    parts, cols = [], []
    for col, dtype, comment in _columns(con, name):
        q = '"' + col.replace('"', '""') + '"'
        if _is_money(col, dtype):
            out = _money_name(col, money_unit)
            if money_unit == "万元":
                parts.append(f'CAST(CAST({q} AS DECIMAL(38,6)) * {MONEY_UNITS[money_unit]} AS DECIMAL(24,6)) AS "{out}"')
            else:
                parts.append(f'CAST({q} AS DECIMAL(20,2)) AS "{out}"')
            cols.append({"name": out, "source": col, "money": True, "label": _label(comment, col, money_unit, True)})
        else:
            parts.append(q)
            cols.append({"name": col, "source": col, "money": False, "label": _label(comment, col, money_unit, False)})
    order = " ORDER BY ALL" if name in ("line_items",) else ""
    return f'SELECT {", ".join(parts)} FROM "{name}"{order}', cols


def _label(comment: str, col: str, money_unit: str, money: bool) -> str:
    """Chinese header: the comment's first clause (long explanations stay in the database),
    with the money unit adjusted, then the column name in parentheses."""
    zh = re.split(r"[；;：:]", comment, maxsplit=1)[0].strip() if comment else ""
    if money:
        zh = zh.replace("（元）", f"（{money_unit}）").replace("(元)", f"({money_unit})")
        if zh and money_unit not in zh:
            zh = f"{zh}（{money_unit}）"
    out = _money_name(col, money_unit) if money else col
    return f"{zh} ({out})" if zh else out


def _object_comment(con: duckdb.DuckDBPyConnection, name: str) -> str:
    row = con.execute(
        "SELECT comment FROM duckdb_views() WHERE view_name = ? AND NOT internal "
        "UNION ALL SELECT comment FROM duckdb_tables() WHERE table_name = ?", [name, name]
    ).fetchone()
    return (row[0] or "") if row else ""


def export(con: duckdb.DuckDBPyConnection, fmt: str, out_dir: Path, money_unit: str = "万元") -> list[Path]:
    """Write every view and fact table to out_dir; return the files written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if money_unit not in MONEY_UNITS:
        raise ValueError(f"unknown money unit {money_unit!r}; use 万元 or 元")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    names = export_objects(con)
    if fmt == "xlsx":
        return [_write_xlsx(con, names, out_dir / WORKBOOK, money_unit)]
    paths = []
    for name in names:
        sql, _ = _select(con, name, money_unit)
        if fmt == "csv":
            p = out_dir / f"{name}.csv"
            con.execute(sql).df().to_csv(p, index=False, encoding="utf-8-sig")
        else:
            import pyarrow.parquet as pq

            p = out_dir / f"{name}.parquet"
            pq.write_table(con.sql(sql).to_arrow_table(), p)
        paths.append(p)
    return paths


_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _xl_value(v):
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, float) and v != v:
        return None
    if isinstance(v, Decimal):
        return float(v)
    if isinstance(v, pd.Timestamp):
        v = v.to_pydatetime()
    if isinstance(v, datetime) and v.tzinfo is not None:
        v = v.replace(tzinfo=None)
    if isinstance(v, str):
        return _ILLEGAL.sub("", v)
    if isinstance(v, (list, dict, tuple)):
        return str(v)
    if hasattr(v, "item"):  # numpy scalars
        return v.item()
    return v


def _write_xlsx(con: duckdb.DuckDBPyConnection, names: list[str], path: Path, money_unit: str) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    from pipeline.warehouse.query import display_width

    wb = Workbook()
    index = wb.active
    index.title = "目录"
    index.append(["对象 (object)", "类型 (kind)", "说明 (comment)", "行数 (rows)"])
    views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    bold = Font(bold=True)
    for name in names:
        sql, cols = _select(con, name, money_unit)
        rows = con.execute(sql).fetchall()
        if len(rows) > XLSX_MAX_ROWS:
            raise ValueError(f"{name} has {len(rows)} rows, more than an Excel sheet holds; export it as parquet or csv")
        ws = wb.create_sheet(title=name[:31])
        ws.append([c["label"] for c in cols])
        for cell in ws[1]:
            cell.font = bold
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row in rows:
            ws.append([_xl_value(v) for v in row])
        widths = [display_width(c["label"]) for c in cols]
        for j, c in enumerate(cols, start=1):
            letter = get_column_letter(j)
            if c["money"]:
                for (cell,) in ws.iter_rows(min_row=2, min_col=j, max_col=j):
                    cell.number_format = MONEY_FORMAT
            # Text cells that look like formulas stay text (no formula injection from documents).
            for (cell,) in ws.iter_rows(min_row=2, min_col=j, max_col=j):
                if cell.data_type == "f":
                    cell.data_type = "s"
            sample = [display_width(str(r[j - 1])) for r in rows[:200] if r[j - 1] is not None]
            ws.column_dimensions[letter].width = min(max([min(widths[j - 1], 28), *sample, 6]) + 2, 60)
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
        index.append([name, "视图 (view)" if name in views else "表 (table)", _object_comment(con, name), len(rows)])
    for cell in index[1]:
        cell.font = bold
    index.freeze_panes = "A2"
    for letter, w in zip("ABCD", (26, 12, 80, 10), strict=False):
        index.column_dimensions[letter].width = w
    wb.save(path)
    return path
