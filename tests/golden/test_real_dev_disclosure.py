"""Disclosure tables in real renderings (../shared/real-dev, skipped when absent): the 三公经费,
income/expense and spending-list figures the disclosure templates read, as a careful reader
reads them (expect.json), with their period, and nothing read where the text does not say."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from pipeline.extract import extract
from pipeline.ingest.read import read_document
from pipeline.settings import Settings

REAL = Path(__file__).resolve().parents[3] / "shared" / "real-dev"
pytestmark = pytest.mark.skipif(not (REAL / "expect.json").exists(), reason="real-dev corpus not present")


def _table_facts(name: str) -> dict[tuple[str, str, str], set[Decimal]]:
    """(line item, stage, period) → amounts in yuan of the facts the templates read."""
    ex = extract(read_document((REAL / name).read_bytes(), Settings()), name)
    out: dict[tuple[str, str, str], set[Decimal]] = {}
    for f in ex.fact_budgets:
        if (f.get("table_kind") or "").startswith("template:") and f["origin"] == "table":
            out.setdefault((f["line_item"], f["stage"], f["period"]), set()).add(f["amount_yuan"])
    for f in ex.fact_executions:
        if (f.get("table_kind") or "").startswith("template:") and f["origin"] == "table":
            out.setdefault((f["line_item"], "executed", f["period"]), set()).add(f["executed_yuan"])
    return out


def _d(*xs: str) -> set[Decimal]:
    return {Decimal(x) for x in xs}


def test_124_sangong_budget_two_years() -> None:
    """Pipe rows without a leading bar: 2022年预算数 is prior, 2023年预算数 current (a 预算
    report: initial); 公务用车费 / 运转维护费 read through the template's own labels."""
    f = _table_facts("124.txt")
    assert f[("sangong", "initial", "prior")] == _d("23787700.00")
    assert f[("sangong", "initial", "current")] == _d("24154400.00")
    assert f[("sangong_reception", "initial", "prior")] == _d("11145400.00")
    assert f[("sangong_reception", "initial", "current")] == _d("9898600.00")
    assert f[("sangong_vehicle", "initial", "current")] == _d("14255800.00")
    assert f[("sangong_vehicle_operation", "initial", "prior")] == _d("10072300.00")
    assert f[("sangong_vehicle_purchase", "initial", "current")] == _d("5273600.00")


def test_124_change_column_kept_with_both_levels() -> None:
    ex = extract(read_document((REAL / "124.txt").read_bytes(), Settings()), "124")
    ch = {(c["line_item"], c["reported_text"], c["level_text"], c["prior_text"], c["direction"])
          for c in ex.fact_changes if c["origin"] == "table"}
    assert ("sangong_reception", "-124.68", "989.86", "1114.54", -1) in ch
    assert ("sangong", "36.67", "2415.44", "2378.77", 1) in ch


def test_150_sangong_final_one_cell_per_line() -> None:
    f = _table_facts("150.txt")
    assert f[("sangong", "executed", "current")] == _d("19287600.00")
    assert f[("sangong_vehicle", "executed", "current")] == _d("18572300.00")
    assert f[("sangong_vehicle_purchase", "executed", "current")] == _d("4238100.00")
    assert f[("sangong_vehicle_operation", "executed", "current")] == _d("14334200.00")
    assert f[("sangong_reception", "executed", "current")] == _d("715300.00")


def test_134_spending_list_under_its_total() -> None:
    """13 unnamed lines closed by 支出合计: each read (line item listed), and the total
    checked against them per column."""
    ex = extract(read_document((REAL / "134.txt").read_bytes(), Settings()), "134")
    f = _table_facts("134.txt")
    assert f[("total_spending", "adjusted", "current")] == _d("10880000.00")
    assert f[("total_spending", "executed", "current")] == _d("10200200.00")
    assert _d("1661600.00", "800000.00", "2067700.00", "730000.00", "240000.00") <= f[("listed", "adjusted", "current")]
    assert _d("1290500.00", "625400.00", "982100.00", "1392100.00", "411600.00") <= f[("listed", "executed", "current")]
    sums = {(s["column_label"], s["total_text"], s["parts_count"]) for s in ex.table_sums}
    assert ("实际支出数(万元)", "1020.02", 13) in sums and ("计划支出数(万元)", "1088.00", 13) in sums
    (s,) = [s for s in ex.table_sums if s["total_text"] == "1020.02"]
    assert abs(s["parts_sum"] - 1020.03) < 1e-6


def test_143_hospital_income_and_spending_in_yuan() -> None:
    """Flattened lines, amounts in 元, 2016年度/2017年度 columns of a 2017 report; the numbered
    rows under 收入总计 / 支出总计 are its parts; per-visit averages (二、三、) are not read."""
    f = _table_facts("143.txt")
    assert f[("grand_total_income", "executed", "current")] == _d("117154424.70")
    assert f[("grand_total_income", "executed", "prior")] == _d("58596771.09")
    assert f[("grand_total_spending", "executed", "current")] == _d("73952025.38")
    # 财政补助收入 and 其他收入 are rows the income template names (fiscal, other); the rest are listed
    assert f[("fiscal", "executed", "current")] == _d("55508400.00")
    assert f[("other", "executed", "current")] == _d("285735.09")
    assert f[("fiscal", "executed", "prior")] == _d("6909800.00")
    assert f[("other", "executed", "prior")] == _d("266054.87")
    assert _d("61360289.59", "50633220.80", "2518221.10", "20761769.39",
              "38814.09") <= f[("listed", "executed", "current")]
    assert _d("51420916.22", "47100683.28", "505332.40", "20266500.28",
              "167780.84") <= f[("listed", "executed", "prior")]
    every = set().union(*f.values())
    assert not every & _d("1717.00", "2254.10", "5591.34", "559134.00")  # averages stay unread
    ex = extract(read_document((REAL / "143.txt").read_bytes(), Settings()), "143")
    (s,) = [s for s in ex.table_sums if s["total_text"] == "117154424.7"]
    assert s["parts_count"] == 3 and abs(s["parts_sum"] - 117154424.68) < 1e-4
    assert {"171.7", "5591.34"} <= {u["text"] for u in ex.unrecognised}
