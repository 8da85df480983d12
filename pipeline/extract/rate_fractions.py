"""Execution rates printed as fractions (执行率 0.958 for 27.8/29): a rate cell without a percent
sign whose value, read as a fraction, fits its row's executed and budget figures and, read as a
percent, does not, is a fraction. It is stored in percent with its printed text kept; its
rounding interval follows (0.958 ± 0.0005 → 95.8 ± 0.05). A bare figure that fits neither reading
is left as printed: the check then reports it, as it would a printed percent."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract.result import Extraction
from pipeline.normalize.money import half_width

_BASES = ("adjusted", "initial")  # 执行率 = 执行数 / 全年预算数 (年初预算数 when no other is printed)


def _fits(rate: Decimal, rate_half: Decimal, executed: Decimal, e_half: Decimal,
          budget: Decimal, b_half: Decimal) -> bool:
    if budget - b_half <= 0:
        return False
    lo = (executed - e_half) / (budget + b_half) * 100
    hi = (executed + e_half) / (budget - b_half) * 100
    return lo <= rate + rate_half and rate - rate_half <= hi


def read_fraction_rates(ex: Extraction) -> int:
    """Rates printed as fractions, turned to percent in place; returns how many."""
    budgets: dict[tuple, dict] = {}
    by_ref = {b["source_ref"]: b for b in ex.fact_budgets if b.get("origin") == "table"}
    for b in ex.fact_budgets:
        if b.get("origin") == "table" and b.get("stage") in _BASES:
            budgets.setdefault((b["report_id"], b.get("project_id"), b["line_item"], b["stage"]), b)
    turned = 0
    for e in ex.fact_executions:
        text, rate, executed = e.get("rate_text") or "", e.get("reported_rate_pct"), e.get("executed_yuan")
        if rate is None or executed is None or "%" in text or "％" in text or not (0 < Decimal(rate) <= Decimal("1.5")):
            continue
        key = (e["report_id"], e.get("project_id"), e["line_item"])
        if e.get("rate_base_ref") in by_ref:
            # a rate measured against its own row's budget (one row of a listing): that budget only
            base = by_ref[e["rate_base_ref"]]
        else:
            base = next((budgets[(*key, s)] for s in _BASES if (*key, s) in budgets), None)
        if base is None:
            continue
        r, d = Decimal(rate), e.get("rate_decimals") or 0
        ex_half = half_width(e.get("decimals"), e.get("reported_unit"))
        b_half = half_width(base.get("decimals"), base.get("reported_unit"))
        as_pct = _fits(r, half_width(d), Decimal(executed), ex_half, Decimal(base["amount_yuan"]), b_half)
        as_frac = _fits(r * 100, half_width(d - 2), Decimal(executed), ex_half, Decimal(base["amount_yuan"]), b_half)
        if as_frac and not as_pct:
            e["reported_rate_pct"] = r * 100
            e["rate_decimals"] = d - 2
            turned += 1
    return turned
