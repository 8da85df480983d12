"""Typed facts: one dataclass per table extraction fills, equal to the warehouse schema;
unknown keys raise, implausible figures become `unrecognised` rows with the reason."""

from __future__ import annotations

import hashlib
from decimal import Decimal

import duckdb
import pytest

from pipeline.extract import extract
from pipeline.extract.facts import FACT_TYPES, UnknownFactField
from pipeline.extract.result import TABLES, Extraction
from pipeline.readers.text import read_text
from pipeline.settings import SQL_DIR
from tests.synth import Spec, default_projects, report_text


def _schema_columns() -> dict[str, list[str]]:
    con = duckdb.connect(":memory:")
    for f in sorted((SQL_DIR / "schema").glob("*.sql")):
        con.execute(f.read_text(encoding="utf-8"))
    rows = con.execute("SELECT table_name, column_name FROM duckdb_columns() ORDER BY table_name, column_index").fetchall()
    out: dict[str, list[str]] = {}
    for t, c in rows:
        out.setdefault(t, []).append(c)
    return out


def test_one_dataclass_per_table_matching_the_schema():
    schema = _schema_columns()
    assert set(FACT_TYPES) == set(TABLES)
    for table, cls in FACT_TYPES.items():
        assert set(cls.columns()) == set(schema[table]), (
            f"{table}: only in the dataclass {set(cls.columns()) - set(schema[table])}, "
            f"only in sql/schema {set(schema[table]) - set(cls.columns())}"
        )


def _ex(**rows) -> Extraction:
    ex = Extraction()
    ex.reports.append({"report_id": "r1", "document_id": "d1", "report_kind": "project"})
    for table, rs in rows.items():
        getattr(ex, table).extend(rs)
    return ex


def _budget(**kw) -> dict:
    return {"report_id": "r1", "project_id": None, "line_item": "total", "stage": "adjusted",
            "amount_yuan": Decimal("6205000.00"), "reported_text": "620.50", "reported_unit": "万元",
            "decimals": 2, "source_ref": "table=1;row=3;col=4", "origin": "table", "is_twin": False} | kw


def test_a_misspelt_key_raises():
    ex = _ex(fact_budgets=[_budget(amount_yaun=Decimal(1))])
    with pytest.raises(UnknownFactField, match=r"amount_yaun.*did you mean 'amount_yuan'"):
        ex.validate()


def test_a_missing_required_column_raises():
    row = _budget()
    del row["source_ref"]
    with pytest.raises(UnknownFactField, match="source_ref"):
        _ex(fact_budgets=[row]).validate()


def test_valid_rows_are_kept_with_every_column():
    ex = _ex(fact_budgets=[_budget()]).validate()
    (row,) = ex.fact_budgets
    assert set(row) == set(FACT_TYPES["fact_budgets"].columns())
    assert row["amount_yuan"] == Decimal("6205000.00") and row["label_text"] is None
    assert ex.unrecognised == []
    assert ex.validate().fact_budgets == [row]  # idempotent


def test_implausible_figures_become_unrecognised():
    nan = float("nan")
    ex = _ex(
        fact_budgets=[_budget(amount_yuan=Decimal("1e16"), reported_text="1000000000000")],
        fact_executions=[{"report_id": "r1", "line_item": "total", "source_ref": "para=3;chars=1-5",
                          "executed_yuan": Decimal("5893000.00"), "reported_text": "589.30", "reported_unit": "万元",
                          "decimals": 2, "reported_rate_pct": Decimal("1200"), "rate_text": "1200",
                          "rate_decimals": 0, "rate_source_ref": "para=3;chars=9-13"}],
        fact_indicators=[{"report_id": "r1", "source_ref": "table=2;row=4", "name": "培训合格率",
                          "weight": Decimal("39500"), "weight_text": "39500", "score": Decimal("18"),
                          "score_text": "18", "actual_value": nan}],
        fact_scores=[{"report_id": "r1", "component": "total", "source_ref": "para=5;chars=3-6",
                      "score": Decimal("250"), "score_text": "250"},
                     {"report_id": "r1", "component": "预算编制", "source_ref": "para=6;chars=3-6",
                      "weight": Decimal("-5"), "score": Decimal("4"), "score_text": "4"}],
        fact_mentions=[{"document_id": "d1", "report_id": "r1", "kind": "rate", "subject": "rate:total",
                        "value": 10001000100.0, "reported_text": "10001000100", "source_ref": "para=20"}],
    ).validate()
    assert ex.fact_budgets == []  # its one figure is gone: no fact left
    (x,) = ex.fact_executions  # the amount stays, the rate leaves
    assert x["executed_yuan"] == Decimal("5893000.00") and x["reported_rate_pct"] is None and x["rate_text"] is None
    (ind,) = ex.fact_indicators  # an indicator is more than its weight
    assert ind["weight"] is None and ind["weight_text"] is None and ind["score"] == Decimal("18")
    assert ind["actual_value"] is None
    assert [s["component"] for s in ex.fact_scores] == ["预算编制"]
    assert ex.fact_scores[0]["weight"] is None and ex.fact_scores[0]["score"] == Decimal("4")
    assert ex.fact_mentions == []
    why = {(u["source_ref"], u["reason"].split(" = ")[0]) for u in ex.unrecognised}
    assert why == {
        ("table=1;row=3;col=4", "fact_budgets.amount_yuan"),
        ("para=3;chars=9-13", "fact_executions.reported_rate_pct"),
        ("table=2;row=4", "fact_indicators.weight"),
        ("table=2;row=4", "fact_indicators.actual_value"),
        ("para=5;chars=3-6", "fact_scores.score"),
        ("para=6;chars=3-6", "fact_scores.weight"),
        ("para=20", "fact_mentions.value"),
    }
    assert all(u["document_id"] == "d1" and u["what"] == "figure" for u in ex.unrecognised)
    assert any(u["text"] == "39500" and "plausible range ([0, 100])" in u["reason"] for u in ex.unrecognised)


def test_an_implausible_report_score_is_cleared_not_the_report():
    ex = Extraction()
    ex.reports.append({"report_id": "r1", "document_id": "d1", "report_kind": "department",
                       "score_total": Decimal("9750")})
    ex.validate()
    assert ex.reports[0]["score_total"] is None and len(ex.unrecognised) == 1


def test_extract_returns_validated_rows():
    text = report_text(Spec(projects=default_projects()))
    data = text.encode()
    ex = extract(read_text(data), hashlib.sha256(data).hexdigest())
    assert ex.fact_budgets and ex.fact_scores and ex.fact_indicators
    for table in TABLES:
        cols = set(FACT_TYPES[table].columns())
        assert all(set(r) == cols for r in getattr(ex, table)), table
