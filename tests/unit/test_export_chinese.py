"""The workbook finance staff open: Chinese sheet names linked from the 目录, Chinese values,
one money unit, number formats for rates, scores and seconds; CSV with Chinese headers."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import duckdb
import pytest
from openpyxl import load_workbook

from pipeline.pipeline_run import check, ingest, publish
from pipeline.settings import Settings
from pipeline.warehouse.export import RATE_FORMAT, SCORE_FORMAT, export

FIX = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("xl")
    raw = tmp / "raw"
    raw.mkdir()
    shutil.copy(FIX / "txt" / "002.txt", raw / "002.txt")
    shutil.copy(FIX / "docx" / "003.docx", raw / "003.docx")
    s = Settings(raw_dir=raw, warehouse=tmp / "wh" / "warehouse.duckdb", workers=1)
    summary = ingest(s)
    check(s, summary, use_gx=False)
    publish(s, summary, reports=False)
    c = duckdb.connect(str(s.warehouse), read_only=True)
    yield c
    c.close()


def test_workbook_reads_in_chinese(con, tmp_path):
    wb = load_workbook(export(con, "xlsx", tmp_path)[0])
    assert wb.sheetnames[0] == "目录"
    assert {"单位年度汇总", "检查结果", "最近一次检查", "文件", "预算"} <= set(wb.sheetnames)
    assert not any(n.startswith(("v_", "fact_")) for n in wb.sheetnames)
    index = wb["目录"]
    linked = {c.value: c.hyperlink.location for (c,) in index.iter_rows(min_row=3, max_col=1) if c.hyperlink}
    assert linked["单位年度汇总"] == "'单位年度汇总'!A1"
    assert {r[1] for r in index.iter_rows(min_row=3, values_only=True)} >= {"v_unit_year", "v_dq_latest"}

    def column(ws, name):
        header = [c.value for c in ws[1]]
        j = next(i for i, h in enumerate(header) if h.endswith(f"({name})"))
        return [r[j] for r in ws.iter_rows(min_row=2)]

    docs = wb["文件"]
    assert {c.value for c in column(docs, "status")} == {"已入库"}
    budgets = wb["预算"]
    assert {c.value for c in column(budgets, "stage")} <= {"年初预算", "调整数", "调整后预算", "下达数"}
    assert {c.value for c in column(budgets, "is_twin")} <= {"是", "否"}
    year = wb["单位年度汇总"]
    rates = [c for c in column(year, "execution_rate_pct") if c.value is not None]
    assert rates and all(c.number_format == RATE_FORMAT and 0 < c.value < 5 for c in rates)
    assert all(c.number_format == SCORE_FORMAT for c in column(year, "score") if c.value is not None)
    header = [c.value for c in year[1]]
    assert all(h.count("（") == h.count("）") for h in header)
    dq = wb["检查结果"]
    units = {c.value for c in column(dq, "value_unit")}
    assert "万元" in units and "元" not in units


def test_csv_headers_are_chinese(con, tmp_path):
    paths = {p.name: p for p in export(con, "csv", tmp_path)}
    with open(paths["v_unit_year.csv"], encoding="utf-8-sig") as f:
        header = next(csv.reader(f))
    assert header[0].endswith("(unit_key)") and any("\u4e00" <= ch <= "\u9fff" for ch in header[0])
