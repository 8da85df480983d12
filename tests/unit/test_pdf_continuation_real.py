"""Tables continued on the next page of real 2026 部门预算 PDFs (issue 14): the running header
printed atop every page (无锡市交通运输局（本级）2026年度单位预算公开) must not cut a table,
so a 合计 is compared with all of its rows. Figures read by hand from the PDFs; skipped when
../shared/real-pdfs is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.model import Table
from pipeline.readers.pdf import read_pdf
from tests.unit.test_precision_disclosure import check_document

REAL = Path(__file__).resolve().parents[3] / "shared" / "real-pdfs" / "budgets-2026"
WUXI = REAL / "无锡_2026年无锡市交通运输局部门预算.pdf"
SUZHOU = REAL / "苏州_2026年苏州市交通运输局部门预算.pdf"


def _table_on(doc, page: int) -> Table:
    return next(t for t in doc.tables if t.page == page)


def _codes(t: Table) -> list[str]:
    return [r[0].text for r in t.rows if r and r[0].text.isdigit()]


@pytest.fixture(scope="module")
def wuxi():
    if not WUXI.exists():
        pytest.skip("real PDF not present")
    return read_pdf(WUXI.read_bytes(), max_pages=26)


def test_expenditure_table_is_joined_across_the_page_break(wuxi):
    # 公开03表 支出总表: 合计 984,760.87 on p.16; 214/221/223 printed on p.17.
    t = _table_on(wuxi, 16)
    assert any(c.text == "984,760.87" for c in t.rows[1])
    assert {"206", "208", "210", "212", "214", "221", "223"} <= set(_codes(t))
    assert _codes(t).count("214") == 1  # the continuation's rows once, no repeated header


def test_joined_table_totals_hold_and_a_planted_error_on_the_next_page_is_found(wuxi):
    df, _ = check_document(wuxi)
    tt = df[df["check_name"] == "table_total"]
    assert not tt.empty and tt["passed"].all(), tt[~tt["passed"]][["detail"]]
    # Plant: 223 国有资本经营预算支出 on p.17 printed 32,640.00 → 32,650.00 (合计 column).
    t = _table_on(wuxi, 16)
    row = next(r for r in t.rows if r[0].text == "223")
    cell = next(c for c in row if c.text == "32,640.00")
    cell.text = "32,650.00"
    df, _ = check_document(wuxi)
    bad = df[(df["check_name"] == "table_total") & ~df["passed"] & (df["severity"] == "error")]
    assert bad["detail"].str.contains("984,760.87").any(), bad[["detail"]]


def test_economic_class_items_on_the_next_page_count():
    """苏州 公开06表: 302 商品和服务支出 3,462.67 has its last item 30299 (1,407.36) on p.17."""
    if not SUZHOU.exists():
        pytest.skip("real PDF not present")
    doc = read_pdf(SUZHOU.read_bytes(), max_pages=22)
    t = _table_on(doc, 16)
    assert {"302", "30299", "303", "30399"} <= set(_codes(t))
    df, _ = check_document(doc)
    bad = df[(df["check_name"].isin(["table_total", "line_item_sum"])) & ~df["passed"]]
    assert bad.empty, bad[["detail"]]
