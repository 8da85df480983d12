"""Money units as data: vocab/money_units.csv is the one source of unit factors for Python
and SQL, and a printed figure's rounding interval is defined once on each side and agrees."""

from __future__ import annotations

import csv
from dataclasses import replace
from decimal import Decimal

import duckdb
import pytest

from pipeline.normalize.money import (
    DEFAULT_MONEY_UNIT,
    FACTORS,
    MONEY_UNITS_CSV,
    detect_money_unit,
    half_width,
    printed_interval,
    printed_value,
    to_yuan,
    unit_factor,
    units,
)
from pipeline.settings import SQL_DIR
from pipeline.warehouse.schema import init_schema
from tests.checks_harness import check_text, failures
from tests.synth import Spec, default_projects, report_text


def test_vocabulary_is_well_formed():
    with open(MONEY_UNITS_CSV, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    spellings = [r["unit"] for r in rows]
    assert len(spellings) == len(set(spellings)), "a spelling is listed twice"
    for r in rows:
        assert r["kind"] in ("money", "percent", "score", "measure"), r
        assert Decimal(r["factor"]) > 0, r
        # An alias means what its canonical spelling means.
        assert unit_factor(r["unit"]) == unit_factor(r["canonical"]), r
    assert sum(r["table_default"] == "1" for r in rows) == 1
    assert DEFAULT_MONEY_UNIT == "万元"
    assert {"元", "千元", "万元", "亿元", "万", "亿", "百万元", "%", "分"} <= set(spellings)


@pytest.mark.parametrize("unit,factor", [
    ("元", 1), ("千元", 1000), ("万元", 10_000), ("万", 10_000), ("百万元", 1_000_000), ("亿元", 100_000_000),
    ("亿", 100_000_000), ("%", 1), ("分", 1), (None, 1), ("个", 1),
])
def test_factors(unit, factor):
    assert unit_factor(unit) == factor


def test_money_helpers_read_the_vocabulary():
    assert FACTORS == {u.unit: u.factor for u in units().values() if u.kind == "money"}
    assert to_yuan(Decimal("5893.0"), "千元") == Decimal("5893000.00")
    assert to_yuan(Decimal("1.5"), "百万元") == Decimal("1500000.00")
    assert to_yuan(Decimal("3"), "万") == Decimal("30000.00")
    assert printed_value(Decimal("5893000.00"), "千元") == 5893.0
    assert detect_money_unit("单位：百万元") == "百万元"
    assert detect_money_unit("（单位：千元）") == "千元"
    # Bare 万 is running text only: a header "（万人）" or "单位：万" is not money.
    assert detect_money_unit("（万人）") is None


@pytest.fixture(scope="module")
def con():
    c = duckdb.connect(":memory:")
    init_schema(c)
    yield c
    c.close()


def test_money_units_table_is_the_vocabulary(con):
    got = {u: Decimal(str(f)) for u, f in con.execute("SELECT unit, factor FROM money_units").fetchall()}
    assert got == {u.unit: u.factor for u in units().values()}


AMOUNTS = ["0", "583.44", "5893", "-120.5", "1234567.891", "0.05"]


@pytest.mark.parametrize("unit", [*sorted(units()), None, "个"])
def test_sql_and_python_intervals_agree(con, unit):
    """The SQL macro and its Python twin give the same interval for every unit of the
    vocabulary (and for no unit / an unknown one), every printed precision."""
    for text in AMOUNTS:
        for d in range(0, 5):
            base = Decimal(text) * unit_factor(unit)  # the figure in base units (yuan)
            lo, hi = printed_interval(base, d, unit)
            row = con.execute(
                "SELECT (i).lo, (i).hi, (i).half FROM (SELECT printed_interval(?::DOUBLE, ?, ?) AS i)",
                [float(base), d, unit],
            ).fetchone()
            assert row[0] == pytest.approx(float(lo), rel=1e-12, abs=1e-9), (text, d, unit)
            assert row[1] == pytest.approx(float(hi), rel=1e-12, abs=1e-9), (text, d, unit)
            assert row[2] == pytest.approx(float(half_width(d, unit)), rel=1e-12), (text, d, unit)
            assert con.execute("SELECT unit_factor(?)", [unit]).fetchone()[0] == float(unit_factor(unit))


def test_interval_examples():
    # 583.44 万元 stands for 5 834 400 ± 50 yuan; 95 分 for [94.5, 95.5]; 94.97% for ±0.005.
    assert printed_interval(Decimal("5834400"), 2, "万元") == (Decimal("5834350"), Decimal("5834450"))
    assert printed_interval(95, 0, "分") == (Decimal("94.5"), Decimal("95.5"))
    assert half_width(2, "%") == Decimal("0.005")
    assert half_width(None) == Decimal("0.5")  # no decimals printed: an integer


def test_no_unit_factor_written_in_checks():
    """Every check takes its tolerance from the macro: no CASE over unit names, no factor."""
    for f in sorted((SQL_DIR / "checks").glob("*.sql")):
        # Comments may explain a wording ("减少 C万元"); only the SQL itself must not.
        sql = "\n".join(line.split("--")[0] for line in f.read_text(encoding="utf-8").splitlines())
        for word in ("万元", "亿元", "千元", "10000", "100000000", "pow(10"):
            assert word not in sql, f"{f.name} writes {word!r}; use unit_factor()/printed_interval()"


def _thousands_report(**kw) -> str:
    """The synthetic department report with its self-evaluation table printed in 千元
    (单位 in the table's header) while the text states the same figures in 万元."""
    return report_text(replace(Spec(projects=default_projects()), money_unit="千元", **kw))


def test_report_printed_in_thousands_has_no_false_findings():
    text = _thousands_report()
    assert "项目资金（千元）" in text and "\t6205.00\n" in text and "调整后预算620.50万元" in text
    df, c = check_text(text)
    assert failures(df).empty, failures(df)[["check_name", "detail"]].to_string()
    nmt = df[df["check_name"] == "narrative_matches_table"]
    amounts = nmt[nmt["detail"].str.contains("千元")]
    assert len(amounts) == 3 and amounts["passed"].all()  # initial, adjusted, executed compared
    got = dict(c.execute(
        """SELECT stage || ':' || line_item, amount_yuan FROM fact_budgets
           WHERE origin = 'table' AND reported_unit = '千元'"""
    ).fetchall())
    assert got["initial:total"] == Decimal("5000000.00")
    assert got["adjusted:total"] == Decimal("6205000.00")
    assert got["adjusted:fiscal_current"] == Decimal("6005000.00")
    executed = c.execute(
        "SELECT executed_yuan FROM fact_executions WHERE origin = 'table' AND reported_unit = '千元' AND line_item = 'total'"
    ).fetchone()[0]
    assert executed == Decimal("5893000.00")
    # The half-width recorded for the comparison is the 万元 figure's (±50 yuan) plus the
    # 千元 figure's (±5 yuan), not the 千元 figure's counted a thousand times.
    assert amounts["tolerance"].max() == pytest.approx(55.0)


def test_report_printed_in_thousands_still_catches_a_real_mismatch():
    text = _thousands_report().replace("全年执行数589.30万元", "全年执行数598.30万元")
    df, _ = check_text(text)
    bad = failures(df)
    hit = bad[bad["check_name"] == "narrative_matches_table"]
    assert len(hit) == 1 and "5893.00千元" in hit.iloc[0]["detail"], bad[["check_name", "detail"]].to_string()
