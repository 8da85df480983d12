"""Export to xlsx / csv / parquet, read-only access and result formatting, on the hand-made
warehouse of test_views_warehouse."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from pipeline.warehouse.export import SHEET_NAMES, TABLES, WORKBOOK, export
from pipeline.warehouse.query import (
    WarehouseBusy,
    WarehouseMissing,
    display_width,
    format_result,
    open_read_only,
)
from pipeline.warehouse.views import VIEW_NAMES
from tests.unit.test_views_warehouse import build_warehouse

BOM = b"\xef\xbb\xbf"


@pytest.fixture(scope="module")
def wh(tmp_path_factory) -> Path:
    return build_warehouse(tmp_path_factory.mktemp("export") / "warehouse.duckdb")


@pytest.fixture
def ro(wh):
    con = open_read_only(wh)
    yield con
    con.close()


# ------------------------------------------------------------------ export


def test_xlsx_one_sheet_per_object_chinese_headers_money_in_wan(ro, tmp_path):
    from openpyxl import load_workbook

    paths = export(ro, "xlsx", tmp_path)
    assert paths == [tmp_path / WORKBOOK]
    wb = load_workbook(paths[0])
    # Chinese sheet names; the 目录 lists each with its object name
    objects = {r[1]: r[0] for r in wb["目录"].iter_rows(min_row=3, values_only=True)}
    assert set(VIEW_NAMES) | set(TABLES) <= set(objects)
    assert wb.sheetnames[0] == "目录"
    ws = wb[SHEET_NAMES["v_unit_year"]]
    assert ws.freeze_panes == "A2"
    header = [c.value for c in ws[1]]
    assert "调整后预算数（万元） (adjusted_wan)" in header
    assert "单位标准名（别名已归一） (unit_key)" in header
    col = header.index("调整后预算数（万元） (adjusted_wan)") + 1
    key_col = header.index("单位标准名（别名已归一） (unit_key)") + 1
    year_col = [i for i, h in enumerate(header, 1) if h.endswith("(fiscal_year)")][0]
    cells = {(ws.cell(r, key_col).value, ws.cell(r, year_col).value): ws.cell(r, col) for r in range(2, ws.max_row + 1)}
    cell = cells[("中共示例县委组织部", 2022)]
    assert cell.value == pytest.approx(150.0) and isinstance(cell.value, (int, float))  # a number, not text
    assert cell.number_format == "#,##0.00"
    for name in (*VIEW_NAMES, *TABLES):
        assert wb[objects[name]].freeze_panes == "A2", name
    # a table: Chinese headers from the column comments, money converted
    fb = [c.value for c in wb[SHEET_NAMES["fact_budgets"]][1]]
    assert "金额（万元） (amount_wan)" in fb
    # text from a document that looks like a formula stays text
    docs = wb[SHEET_NAMES["documents"]]
    msg_col = [c.value for c in docs[1]].index("错误说明 (error_message)") + 1
    vals = [docs.cell(r, msg_col) for r in range(2, docs.max_row + 1)]
    formula = [c for c in vals if c.value and str(c.value).startswith("=")]
    assert formula and all(c.data_type == "s" for c in formula)


def test_xlsx_in_yuan_keeps_names(ro, tmp_path):
    from openpyxl import load_workbook

    wb = load_workbook(export(ro, "xlsx", tmp_path, money_unit="元")[0])
    header = [c.value for c in wb[SHEET_NAMES["v_unit_year"]][1]]
    assert "调整后预算数（元） (adjusted_yuan)" in header


def test_csv_one_file_per_object_with_bom(ro, tmp_path):
    paths = export(ro, "csv", tmp_path)
    names = {p.stem for p in paths}
    assert set(VIEW_NAMES) | set(TABLES) <= names
    for p in paths:
        assert p.read_bytes().startswith(BOM), p.name
    df = pd.read_csv(tmp_path / "v_unit_year.csv", encoding="utf-8-sig")
    # Chinese headers, the column name in parentheses
    df.columns = [c.rsplit("(", 1)[-1].rstrip(")") for c in df.columns]
    assert "adjusted_wan" in df.columns and "adjusted_yuan" not in df.columns
    row = df[(df.unit_key == "中共示例县委组织部") & (df.fiscal_year == 2022)].iloc[0]
    assert row.adjusted_wan == pytest.approx(150.0)


def test_parquet_one_file_per_object_exact_decimals(ro, tmp_path):
    import pyarrow.parquet as pq

    paths = export(ro, "parquet", tmp_path, money_unit="元")
    assert set(VIEW_NAMES) | set(TABLES) <= {p.stem for p in paths}
    t = pq.read_table(tmp_path / "fact_budgets.parquet")
    assert str(t.schema.field("amount_yuan").type).startswith("decimal128")
    paths = export(ro, "parquet", tmp_path / "wan")
    t = pq.read_table(tmp_path / "wan" / "v_unit_year.parquet").to_pandas()
    assert float(t.loc[(t.unit_key == "中共示例县委组织部") & (t.fiscal_year == 2022), "adjusted_wan"].iloc[0]) == 150.0


def test_export_rejects_unknown_format(ro, tmp_path):
    with pytest.raises(ValueError):
        export(ro, "xls", tmp_path)
    with pytest.raises(ValueError):
        export(ro, "csv", tmp_path, money_unit="千元")


# ------------------------------------------------------------------ read-only access


def test_read_only_connection_cannot_write_or_touch_files(ro, tmp_path):
    with pytest.raises(duckdb.Error):
        ro.execute("CREATE TABLE x (a INTEGER)")
    with pytest.raises(duckdb.Error):
        ro.execute("DELETE FROM documents")
    with pytest.raises(duckdb.Error):
        ro.execute(f"COPY documents TO '{tmp_path / 'leak.csv'}'")
    assert not (tmp_path / "leak.csv").exists()
    assert ro.execute("SELECT count(*) FROM v_unit_year").fetchone()[0] == 4


def test_missing_warehouse(tmp_path):
    with pytest.raises(WarehouseMissing, match="run `bpw run` first"):
        open_read_only(tmp_path / "nope.duckdb")


def test_busy_while_a_writer_holds_the_file(wh, tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys, time\n"
         f"c = duckdb.connect({str(wh)!r})\n"
         "print('ready', flush=True)\n"
         "time.sleep(60)\n"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(WarehouseBusy) as ei:
            open_read_only(wh)
        msg = str(ei.value)
        assert "being written by a running `bpw run`" in msg and "try again when it finishes" in msg
        assert ei.value.pid == holder.pid and f"pid {holder.pid}" in msg
    finally:
        holder.kill()
        holder.wait(timeout=10)
    deadline = time.monotonic() + 10
    while True:  # the lock goes with the process
        try:
            open_read_only(wh).close()
            break
        except WarehouseBusy:
            assert time.monotonic() < deadline
            time.sleep(0.1)


# ------------------------------------------------------------------ formatting


def test_table_format_aligns_chinese_by_display_width():
    df = pd.DataFrame({"unit_key": ["中共示例县委组织部", "abc"], "adjusted_yuan": [1500000.0, 12.5],
                       "grade_text": ["优秀", None]})
    out = format_result(df, "table")
    lines = out.rstrip("\n").split("\n")
    assert lines[-1] == "(2 rows)"
    body = lines[:-1]
    # the numeric column is right-aligned: it ends at the same display column on every line
    ends = {display_width(line[: line.index(tok) + len(tok)])
            for line, tok in zip(body, ["adjusted_yuan", "-", "1500000", "12.5"], strict=False) if tok != "-"}
    assert len(ends) == 1
    assert display_width("中共") == 4 and display_width("ab") == 2
    assert format_result(df.iloc[0:0], "table").rstrip().endswith("(0 rows)")


def test_csv_and_json_formats():
    df = pd.DataFrame({"unit_key": ["中共示例县委组织部"], "score": [95.5], "n": [None]})
    assert format_result(df, "csv") == "unit_key,score,n\n中共示例县委组织部,95.5,\n"
    assert format_result(df, "json").strip() == '[{"unit_key": "中共示例县委组织部", "score": 95.5, "n": null}]'
    with pytest.raises(ValueError):
        format_result(df, "xml")


def test_query_result_from_views_formats(ro):
    df = ro.execute("SELECT unit_key, fiscal_year, adjusted_yuan, dq_status FROM v_unit_year ORDER BY 1, 2").df()
    out = format_result(df, "table")
    assert "中共示例县委组织部" in out and "1500000" in out and "(4 rows)" in out
