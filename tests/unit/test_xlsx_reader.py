"""Budget disclosures published as Excel workbooks: a real .xlsx written with openpyxl,
read through the ingest path (format by content, zip checks) into the same facts as PDF."""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import Workbook

from pipeline.extract import extract
from pipeline.ingest.errors import IngestError
from pipeline.ingest.read import read_document
from pipeline.readers.detect import detect_format
from pipeline.settings import Settings


def _workbook() -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "收支预算总表"
    ws.append(["示例区民政局2025年部门收支预算总表（合成测试数据 SYNTHETIC）"])
    ws.merge_cells("A1:F1")
    ws.append(["单位：万元"])
    ws.append(["本年收入", None, "本年支出"])
    ws.merge_cells("A3:B3")
    ws.merge_cells("C3:F3")
    ws.append(["项目", "预算数", "项目", "合计", "基本支出", "项目支出"])
    ws.append(["一、财政拨款收入", 1200.5, "一、一般公共服务支出", 1000.5, 600.25, 400.25])
    ws.append(["1、一般公共预算资金", 1200.5, "二、社会保障和就业支出", 200, 200, None])
    ws.append(["二、事业收入", None, None, None, None, None])
    ws.append(["收入总计", 1200.5, "支出总计", 1200.5, 800.25, 400.25])
    for row in ws.iter_rows(min_row=5):
        for c in row:
            if isinstance(c.value, (int, float)):
                c.number_format = "#,##0.00"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_xlsx_budget_summary_becomes_facts():
    data = _workbook()
    assert detect_format(data) == "xlsx"
    doc = read_document(data, Settings())
    assert doc.file_format == "xlsx"
    (table,) = list(doc.tables)
    assert table.rows[0][0].colspan == 2 and table.rows[0][1].col == 3
    ex = extract(doc, "xlsx")
    r = ex.reports[0]
    assert (r["report_kind"], r["fiscal_year"]) == ("budget", 2025)
    b = {(f["line_item"], f["reported_text"]) for f in ex.fact_budgets}
    assert {("fiscal", "1,200.50"), ("general_public_budget", "1,200.50"), ("total", "1,200.50"),
            ("func:201", "1,000.50"), ("func:208", "200.00"), ("basic", "800.25"), ("project", "400.25")} <= b
    assert {f["stage"] for f in ex.fact_budgets} == {"initial"}
    total = next(f for f in ex.fact_budgets if f["line_item"] == "total")
    assert total["amount_yuan"] == Decimal("12005000.00") and total["source_ref"].startswith("table=1;")


def test_truncated_xlsx_is_a_clear_error():
    data = _workbook()[:3000]
    try:
        read_document(data, Settings(), fmt="xlsx")
    except IngestError as e:
        assert e.code == "CORRUPT_XLSX"
    else:
        raise AssertionError("a truncated workbook was read")
