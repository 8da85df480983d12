"""Self-evaluation templates in real renderings (../shared/real-dev, skipped when absent):
the figures the template engine reads, as a careful reader reads them (expect.json)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from pipeline.extract.prepare import prepare
from pipeline.extract.recognisers.context import Ctx
from pipeline.extract.result import Extraction
from pipeline.extract.templates import stream_facts
from pipeline.ingest.read import read_document
from pipeline.settings import Settings

REAL = Path(__file__).resolve().parents[3] / "shared" / "real-dev"
pytestmark = pytest.mark.skipif(not (REAL / "expect.json").exists(), reason="real-dev corpus not present")


def _facts(name: str) -> tuple[set[Decimal], set[Decimal], set[Decimal]]:
    """What the template engine alone reads from the whole document."""
    doc = prepare(read_document((REAL / name).read_bytes(), Settings()))
    ex = Extraction()
    stream_facts(doc.blocks, Ctx(document_id=name, report_id=f"{name}-r1", ex=ex, report_kind=KINDS[name]))
    money = {f["amount_yuan"] for f in ex.fact_budgets} | {f["executed_yuan"] for f in ex.fact_executions}
    rates = {f["reported_rate_pct"] for f in ex.fact_executions if f["reported_rate_pct"] is not None}
    scores = {f["score"] for f in ex.fact_scores if f["score"] is not None}
    return money, rates, scores


def _d(xs: list[float]) -> set[Decimal]:
    return {Decimal(str(x)).quantize(Decimal("0.01")) for x in xs}


def _q(xs: set) -> set[Decimal]:
    return {Decimal(x).quantize(Decimal("0.01")) for x in xs if x is not None}


KINDS = {"106.txt": "project", "111.txt": "department", "112.txt": "special_fund", "115.txt": "department",
         "118.txt": "project", "140.txt": "project", "146.txt": "department", "147.txt": "project",
         "148.txt": "project", "158.txt": "department"}

# file: (amounts in yuan, rates, scores) the engine must read; values as in expect.json.
CASES = {
    # cells run together: 年度财政资金总额10001000100%20 → 1000 | 1000 | 100% | 20
    "106.txt": ([10000000], [100], [20]),
    # one cell per line, blank lines between; 按收入/支出性质分 parts at the stage they add up to
    "111.txt": ([47536600, 38242600, 18736600, 17681600, 29855000, 28800000], [100], [10]),
    # transfer-payment form, 行次 and six-decimal amounts; 统筹整合 column empty
    "112.txt": ([528000, 308000], [58.33], []),
    # run together; only the 自评总分 is legible
    "115.txt": ([], [], [97.93]),
    # flattened onto one line with spaces
    "118.txt": ([2026400, 1329120], [0], [0]),
    # pipe rows padded with runs of empty cells, traditional script
    "140.txt": ([72900], [100], [10]),
    # pipe rows without a leading bar; the funds row's 得分 cell is empty
    "146.txt": ([3297700, 3383100], [102.59], []),
    # 310.2154.741050%5 → 310.2 | 154.74 | 10 | 50% | 5
    "148.txt": ([3102000, 1547400], [50], [5]),
    # 2456.182456.182456.1810100%10, parts 2299.98 + 156.2
    "158.txt": ([24561800, 22999800, 1562000], [100], [10]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_template_figures(name: str) -> None:
    amounts, rates, scores = CASES[name]
    money, got_rates, got_scores = _facts(name)
    assert _d(amounts) <= _q(money)
    assert _d(rates) <= _q(got_rates)
    assert _d(scores) <= _q(got_scores)


def test_shifted_cells_are_placed_by_the_templates_identities() -> None:
    """147: two amounts under three money headers (年初预算数 cell missing): the rate, weight
    and score are placed, and 31.69 as 全年执行数 (a positive 执行率 needs its 执行数, so every
    reading puts it there); 32.4 as 全年预算数, the budget the template measures 执行率 against
    (执行率 = 全年执行数 / 全年预算数: a positive rate's budget is printed, the blank is 年初)."""
    money, rates, scores = _facts("147.txt")
    assert Decimal("97.80") in _q(rates) and Decimal(9) in _q(scores)
    assert Decimal("316900.00") in _q(money)
    assert Decimal("324000.00") in _q(money)
