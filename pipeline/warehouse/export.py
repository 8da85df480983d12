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
EXTRA_VIEWS = ("v_unit_line_year", "v_unit_report", "v_report_dq", "v_dq_latest")
WORKBOOK = "bpw_export.xlsx"
MONEY_FORMAT = "#,##0.00"
XLSX_MAX_ROWS = 1_048_575  # plus the header row

assert set(EXTRA_VIEWS) <= set(HELPER_VIEW_NAMES)

# Sheet names finance staff read (the English object names stay in the 目录).
SHEET_NAMES = {
    "v_unit_year": "单位年度汇总", "v_unit_yoy": "单位同比", "v_year_ranking": "年度排名",
    "v_project_execution": "项目执行", "v_indicator_attainment": "指标完成", "v_dq_summary": "数据质量汇总",
    "v_unit_line_year": "单位科目年度", "v_unit_report": "单位年度报告", "v_report_dq": "报告数据质量",
    "v_dq_latest": "最近一次检查", "documents": "文件", "reports": "报告", "projects": "项目",
    "fact_budgets": "预算", "fact_executions": "执行", "fact_indicators": "绩效指标", "fact_scores": "得分",
    "line_items": "科目", "dq_results": "检查结果",
}
# Coded values shown in Chinese in the workbook (the warehouse and CSV/Parquet keep the codes).
VALUE_LABELS: dict[str, dict[str, str]] = {
    "report_kind": {"department": "部门", "special_fund": "专项资金", "project": "项目",
                    "final_accounts": "决算说明", "budget": "预算公开"},
    "stage": {"initial": "年初预算", "adjustment": "调整数", "adjusted": "调整后预算", "allocated": "下达数"},
    "status": {"loaded": "已入库", "partial": "部分入库", "failed": "失败", "not_a_report": "非报告",
               "duplicate": "重复"},
    "severity": {"error": "错误", "warning": "警告"},
    "origin": {"table": "表格", "narrative": "正文", "statement": "正文陈述", "twin": "重复表格"},
    "dimension": {"fund_source": "资金来源", "expense_class": "支出类别", "functional_class": "功能分类",
                  "economic_class": "经济分类", "revenue_class": "收入分类"},
    "period": {"current": "本期", "prior": "上期"},
}
BOOL_LABELS = {True: "是", False: "否"}
RATE_FORMAT = "0.00%"
SCORE_FORMAT = "0.00"
SECONDS_FORMAT = '0.00" 秒"'


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


def _number_kind(col: str, dtype: str) -> str | None:
    """'rate' (a percentage stored as 95.5), 'score' (scores and weights), 'seconds' or None."""
    if not (dtype.startswith("DECIMAL") or dtype in ("DOUBLE", "FLOAT", "REAL")):
        return None
    if col.endswith("_pct") or "rate" in col:
        return "rate"
    if "score" in col or "weight" in col:
        return "score"
    if "seconds" in col:
        return "seconds"
    return None


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
            cols.append({"name": out, "source": col, "money": True, "label": _label(comment, col, money_unit, True),
                         "kind": None})
        elif name == "dq_results" and col in _DQ_VALUES:
            # Residuals of amount checks are in yuan: shown in the export's money unit, like
            # every other amount of the workbook (rates stay %, scores 分; see value_unit).
            parts.append(f'CASE WHEN check_name IN ({_amount_checks()}) THEN {q} * {float(MONEY_UNITS[money_unit])} '
                         f'ELSE {q} END AS {q}')
            cols.append({"name": col, "source": col, "money": False, "kind": None,
                         "label": _label(comment, col, money_unit, False)})
        else:
            parts.append(q)
            cols.append({"name": col, "source": col, "money": False, "kind": _number_kind(col, dtype),
                         "label": _label(comment, col, money_unit, False)})
    if name == "dq_results":
        parts.append(f"CASE WHEN check_name IN ({_amount_checks()}) THEN '{money_unit}' "
                     f"WHEN check_name IN ({_amount_checks('rates')}) THEN '%' "
                     f"WHEN check_name IN ({_amount_checks('scores')}) THEN '分' END AS value_unit")
        cols.append({"name": "value_unit", "source": None, "money": False, "kind": None,
                     "label": "期望值/实际值/差额/容差的单位 (value_unit)"})
    order = " ORDER BY ALL" if name in ("line_items",) else ""
    return f'SELECT {", ".join(parts)} FROM "{name}"{order}', cols


_DQ_VALUES = ("expected", "observed", "difference", "tolerance")


def _amount_checks(family: str = "amounts") -> str:
    from pipeline.checks.catalogue import families

    return ", ".join(f"'{n}'" for n in families().get(family, ())) or "NULL"


def _label(comment: str, col: str, money_unit: str, money: bool) -> str:
    """Chinese header: the comment's first clause (long explanations stay in the database),
    with the money unit adjusted, then the column name in parentheses."""
    zh = re.split(r"[；;：:]", comment, maxsplit=1)[0].strip() if comment else ""
    if zh.count("（") > zh.count("）"):  # the clause ended inside a parenthesis: close it
        zh += "）"
    if zh.count("(") > zh.count(")"):
        zh += ")"
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
        sql, cols = _select(con, name, money_unit)
        if fmt == "csv":
            p = out_dir / f"{name}.csv"
            df = con.execute(sql).df()
            df.columns = [c["label"] for c in cols]  # 中文 (column): what finance staff read in Excel
            df.to_csv(p, index=False, encoding="utf-8-sig")
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


def _sheet_title(name: str, comment: str, taken: set[str]) -> str:
    """A Chinese sheet name (≤ 31 characters, none of []:*?/\\), unique in the workbook."""
    zh = SHEET_NAMES.get(name) or re.split(r"[；;：:，,（(]", comment, maxsplit=1)[0].strip() or name
    zh = re.sub(r"[\[\]:*?/\\]", "", zh)[:31] or name[:31]
    title, k = zh, 2
    while title in taken or title == "目录":
        title = f"{zh[:28]}_{k}"
        k += 1
    taken.add(title)
    return title


def _display(col: dict, v):
    """A value as the workbook shows it: codes and booleans in Chinese, rates as fractions
    (formatted 0.00%)."""
    if isinstance(v, bool):
        return BOOL_LABELS[v]
    labels = VALUE_LABELS.get(col["source"] or "")
    if labels and isinstance(v, str):
        return labels.get(v, v)
    v = _xl_value(v)
    if col["kind"] == "rate" and isinstance(v, (int, float)):
        return v / 100
    return v


def _write_xlsx(con: duckdb.DuckDBPyConnection, names: list[str], path: Path, money_unit: str) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.hyperlink import Hyperlink

    from pipeline.warehouse.query import display_width

    wb = Workbook()
    index = wb.active
    index.title = "目录"
    index.append(["工作表 (sheet)", "对象 (object)", "类型 (kind)", "说明 (comment)", "行数 (rows)"])
    index.append([f"金额单位：{money_unit}（所有金额列）", None, None, None, None])
    views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    bold = Font(bold=True)
    taken: set[str] = set()
    formats = {"rate": RATE_FORMAT, "score": SCORE_FORMAT, "seconds": SECONDS_FORMAT}
    for name in names:
        sql, cols = _select(con, name, money_unit)
        rows = con.execute(sql).fetchall()
        if len(rows) > XLSX_MAX_ROWS:
            raise ValueError(f"{name} has {len(rows)} rows, more than an Excel sheet holds; export it as parquet or csv")
        comment = _object_comment(con, name)
        title = _sheet_title(name, comment, taken)
        ws = wb.create_sheet(title=title)
        ws.append([c["label"] for c in cols])
        for cell in ws[1]:
            cell.font = bold
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row in rows:
            ws.append([_display(c, v) for c, v in zip(cols, row, strict=True)])
        widths = [display_width(c["label"]) for c in cols]
        for j, c in enumerate(cols, start=1):
            letter = get_column_letter(j)
            fmt = MONEY_FORMAT if c["money"] else formats.get(c["kind"] or "")
            if fmt:
                for (cell,) in ws.iter_rows(min_row=2, min_col=j, max_col=j):
                    cell.number_format = fmt
            # Text cells that look like formulas stay text (no formula injection from documents).
            for (cell,) in ws.iter_rows(min_row=2, min_col=j, max_col=j):
                if cell.data_type == "f":
                    cell.data_type = "s"
            sample = [display_width(str(r[j - 1])) for r in rows[:200] if r[j - 1] is not None]
            ws.column_dimensions[letter].width = min(max([min(widths[j - 1], 28), *sample, 6]) + 2, 60)
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
        index.append([title, name, "视图 (view)" if name in views else "表 (table)", comment, len(rows)])
        link = index.cell(row=index.max_row, column=1)
        link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{title}'!A1")  # a link inside the workbook
        link.style = "Hyperlink"
    for cell in index[1]:
        cell.font = bold
    index.freeze_panes = "A2"
    for letter, w in zip("ABCDE", (16, 24, 12, 80, 10), strict=False):
        index.column_dimensions[letter].width = w
    wb.save(path)
    return path
