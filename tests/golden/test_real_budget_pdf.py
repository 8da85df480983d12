"""A real published budget PDF (江苏省委办公厅 2019 预算公开表格): classification tables become
facts by code, and class = Σ sections = Σ items holds (values checked by hand on page 5)."""

from __future__ import annotations

from decimal import Decimal

from tests.checks_harness import failures
from tests.golden.conftest import FIXTURES, one


def test_functional_classification_facts_and_tree():
    import duckdb

    from pipeline.checks.identities import residuals
    from pipeline.extract import extract
    from pipeline.ingest.process import FileTask, Outcome, document_row
    from pipeline.ingest.read import read_document
    from pipeline.runner import extend_classification, to_frames
    from pipeline.settings import Settings
    from pipeline.warehouse.load import load_batch
    from pipeline.warehouse.schema import init_schema

    data = (FIXTURES / "real_pdf" / "jiangsu_2019_tables.pdf").read_bytes()
    ex = extract(read_document(data, Settings()), "jiangsu2019")
    assert ex.reports[0]["report_kind"] == "budget"
    assert ex.reports[0]["fiscal_year"] == 2019
    f201 = one(ex.fact_budgets, line_item="func:201", stage="initial", table_kind="classification")
    assert f201["amount_yuan"] == Decimal("223955000.00") and f201["reported_text"] == "22,395.50"
    assert f201["label_text"] == "一般公共服务支出" and f201["source_ref"].startswith("page=5;table=5;")
    assert one(ex.fact_budgets, line_item="func:2013101")["amount_yuan"] == Decimal("93701200.00")

    con = duckdb.connect(":memory:")
    init_schema(con)
    row = document_row(FileTask(path=None, rel="js.pdf"), "jiangsu2019", "pdf", len(data))  # type: ignore[arg-type]
    frames = to_frames([Outcome(document=row, extraction=ex)])
    docs = frames.pop("documents").to_dict("records")
    frames.pop("document_files")
    load_batch(con, docs, frames)
    extend_classification(con)
    assert con.execute("SELECT parent_code FROM line_items WHERE code = 'func:2013101'").fetchone() == ("func:20131",)
    df = residuals(con)
    sums = df[df["check_name"] == "line_item_sum"]
    assert len(sums) >= 5
    assert failures(df).empty
    # 合计 (27,664.22 on page 5, by hand: 22,395.50 + 1,374.63 + 3,894.09) = Σ classes only.
    totals = df[(df["check_name"] == "table_total") & df["source_refs"].str.startswith("page=5;table=5;")]
    assert len(totals) == 1 and float(totals.iloc[0]["expected"]) == 27664.22
    assert float(totals.iloc[0]["observed"]) == 27664.22


def test_two_sided_summary_table():
    """收支预算总表 (page 1): income items on the left, spending by function and by use on
    the right. By hand: 财政拨款 27,664.22 = 当年收入小计 = 一般公共预算 27,664.22; 基本支出 11,700.63 +
    项目支出 13,025.38 + 单位预留机动经费 2,938.21 = 27,664.22; 住房保障 3,894.09."""
    from pipeline.extract import extract
    from pipeline.ingest.read import read_document
    from pipeline.settings import Settings

    data = (FIXTURES / "real_pdf" / "jiangsu_2019_tables.pdf").read_bytes()
    ex = extract(read_document(data, Settings()), "jiangsu2019")
    got = {(f["line_item"], f["reported_text"]) for f in ex.fact_budgets
           if f["source_ref"].startswith("page=1;table=1;") and f["stage"] == "initial"}
    assert got == {
        ("fiscal", "27,664.22"), ("general_public_budget", "27,664.22"), ("current_income", "27,664.22"),
        ("total", "27,664.22"),
        ("func:201", "22,395.50"), ("func:208", "1,374.63"), ("func:221", "3,894.09"),
        ("basic", "11,700.63"), ("project", "13,025.38"), ("reserve", "2,938.21"),
    }
    # The expenditure side's own total is the same figure, not a second line item.
    assert sum(1 for f in ex.fact_budgets if f["source_ref"].startswith("page=1;table=1;")
               and f["line_item"] == "total") == 1
