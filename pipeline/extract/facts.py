"""Typed facts: one dataclass per table extraction fills, field for field the warehouse
columns of `sql/schema/` (tests/unit/test_facts.py holds them equal).

Recognisers still build rows as dicts (they fill them in several steps); when extraction
finishes, `Extraction.validate()` passes every row through its dataclass:

- a key that is not a column raises `UnknownFactField` — a misspelt key is a programming
  error, never silently dropped by the loader;
- a value outside its column's plausible range (a weight of 39 500, a rate of 1 000 %, an
  amount of 10¹⁶ yuan, NaN) is not a fact: it leaves the row and becomes an `unrecognised`
  row with the reason. A row left with no figure at all is dropped (its figure is in
  `unrecognised`); rows whose text is a fact of its own (indicators, reports) stay.
"""

from __future__ import annotations

import difflib
import math
from dataclasses import MISSING, dataclass, field, fields
from decimal import Decimal
from functools import cache
from typing import Any, ClassVar

# Plausible ranges. Amounts: DECIMAL(18,2) holds < 10¹⁶ yuan, and no budget in these
# reports comes near it. Scores and weights are points on a 100-point scale (bonus points
# and 110-point schemes included); rates are percent (overspending can exceed 100 %, but
# not tenfold).
AMOUNT = (-1e16, 1e16)
WEIGHT = (0.0, 100.0)
SCORE = (-200.0, 200.0)
RATE = (-1000.0, 1000.0)
# A change between years may be tenfold (a township's budget 660.72 → 7783.26万元: 增长1078%).
GROWTH = (-100000.0, 100000.0)
ANY = (-math.inf, math.inf)  # only finite: NaN and infinities are never facts


def figure(rng: tuple[float, float], companions: tuple[str, ...] = ()) -> Any:
    """A numeric column with its plausible range and the columns that describe the same
    printed figure (its text, decimals, source), which leave the row with it."""
    return field(default=None, metadata={"range": rng, "companions": companions})


class UnknownFactField(TypeError):
    """A row carries a key that is not a column of its table (a programming error)."""


@dataclass
class Fact:
    TABLE: ClassVar[str] = ""
    # Drop the row when validation removed a figure and no figure is left.
    DROP_WHEN_EMPTY: ClassVar[bool] = True

    @classmethod
    def columns(cls) -> tuple[str, ...]:
        return _columns(cls)

    @classmethod
    def figures(cls) -> dict[str, tuple[tuple[float, float], tuple[str, ...]]]:
        return {f.name: (f.metadata["range"], f.metadata["companions"]) for f in fields(cls) if "range" in f.metadata}

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Fact:
        unknown = set(row) - set(cls.columns())
        if unknown:
            hints = {k: difflib.get_close_matches(k, cls.columns(), n=1) for k in sorted(unknown)}
            raise UnknownFactField(
                f"{cls.TABLE}: unknown column(s) "
                + ", ".join(f"{k!r}" + (f" (did you mean {h[0]!r}?)" if h else "") for k, h in hints.items())
                + f"; add the column to sql/schema/ and the field to {cls.__module__}.{cls.__name__}"
            )
        missing = [f.name for f in fields(cls) if f.default is MISSING and f.default_factory is MISSING
                   and f.name not in row]
        if missing:
            raise UnknownFactField(f"{cls.TABLE}: required column(s) missing: {', '.join(missing)}")
        return cls(**row)

    def implausible(self) -> list[tuple[str, Any, tuple[float, float]]]:
        """(column, value, range) of every figure outside its plausible range."""
        out = []
        for name, (rng, _) in self.figures().items():
            v = getattr(self, name)
            if v is not None and not plausible(v, rng):
                out.append((name, v, rng))
        return out

    def as_row(self) -> dict[str, Any]:
        # Fact fields hold scalars (str, Decimal, int, bool, dates): a shallow copy is the row.
        # dataclasses.asdict deep-copies each value and took a third of validate_rows' time.
        return {name: getattr(self, name) for name in self.columns()}


@cache
def _columns(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def plausible(v: Any, rng: tuple[float, float]) -> bool:
    """Finite and lo ≤ v ≤ hi (amounts: |v| < 10¹⁶)."""
    if isinstance(v, bool):
        return True
    try:
        x = float(v)  # Decimal('NaN') → nan, Decimal('Infinity') → inf
    except (TypeError, ValueError):
        return False  # a number column holding text
    if not math.isfinite(x):
        return False
    lo, hi = rng
    if rng == AMOUNT:
        return lo < x < hi
    return lo <= x <= hi


@dataclass
class Report(Fact):
    TABLE: ClassVar[str] = "reports"
    DROP_WHEN_EMPTY: ClassVar[bool] = False  # a report is more than its score
    report_id: str
    document_id: str
    report_kind: str
    unit_name: str | None = None
    unit_key: str | None = None
    region: str | None = None
    fiscal_year: int | None = None
    title: str | None = None
    score_total: Decimal | None = figure(SCORE)
    grade_text: str | None = None
    grade_rank: int | None = None
    source_ref: str | None = None
    seq: int | None = None
    grade_bands: str | None = None


@dataclass
class Project(Fact):
    TABLE: ClassVar[str] = "projects"
    DROP_WHEN_EMPTY: ClassVar[bool] = False
    project_id: str
    report_id: str
    project_code: str | None = None
    project_name: str | None = None
    project_key: str | None = None
    competent_department: str | None = None
    implementing_unit: str | None = None
    source_ref: str | None = None
    origin: str | None = None


@dataclass
class FactBudget(Fact):
    TABLE: ClassVar[str] = "fact_budgets"
    report_id: str
    line_item: str
    stage: str
    source_ref: str
    project_id: str | None = None
    amount_yuan: Decimal | None = figure(AMOUNT, ("reported_text", "reported_unit", "decimals"))
    reported_text: str | None = None
    reported_unit: str | None = None
    decimals: int | None = None
    origin: str | None = None
    table_kind: str | None = None
    is_twin: bool = False
    label_text: str | None = None
    part_of: str | None = None
    parts_complete: bool | None = None
    period: str | None = None


@dataclass
class FactExecution(Fact):
    TABLE: ClassVar[str] = "fact_executions"
    report_id: str
    line_item: str
    source_ref: str
    project_id: str | None = None
    executed_yuan: Decimal | None = figure(AMOUNT, ("reported_text", "reported_unit", "decimals"))
    reported_rate_pct: Decimal | None = figure(RATE, ("rate_text", "rate_decimals", "rate_source_ref"))
    reported_text: str | None = None
    reported_unit: str | None = None
    decimals: int | None = None
    rate_text: str | None = None
    rate_decimals: int | None = None
    rate_source_ref: str | None = None
    origin: str | None = None
    table_kind: str | None = None
    is_twin: bool = False
    label_text: str | None = None
    part_of: str | None = None
    parts_complete: bool | None = None
    rate_base_ref: str | None = None
    period: str | None = None


@dataclass
class FactIndicator(Fact):
    TABLE: ClassVar[str] = "fact_indicators"
    DROP_WHEN_EMPTY: ClassVar[bool] = False  # the indicator's name and target are facts of their own
    report_id: str
    source_ref: str
    project_id: str | None = None
    level1: str | None = None
    level2: str | None = None
    name: str | None = None
    target_text: str | None = None
    target_op: str | None = None
    target_value: float | None = figure(ANY)
    target_unit: str | None = None
    actual_text: str | None = None
    actual_value: float | None = figure(ANY)
    actual_unit: str | None = None
    weight: Decimal | None = figure(WEIGHT, ("weight_text", "weight_decimals"))
    score: Decimal | None = figure(SCORE, ("score_text", "score_decimals"))
    attained: bool | None = None
    deviation_reason: str | None = None
    weight_text: str | None = None
    score_text: str | None = None
    weight_decimals: int | None = None
    score_decimals: int | None = None
    is_twin: bool = False


@dataclass
class FactScore(Fact):
    TABLE: ClassVar[str] = "fact_scores"
    report_id: str
    component: str
    source_ref: str
    project_id: str | None = None
    weight: Decimal | None = figure(WEIGHT, ("weight_decimals",))
    score: Decimal | None = figure(SCORE, ("score_text", "score_decimals"))
    grade_text: str | None = None
    grade_rank: int | None = None
    parent: str | None = None
    score_text: str | None = None
    score_decimals: int | None = None
    weight_decimals: int | None = None
    origin: str | None = None
    is_twin: bool = False


@dataclass
class FactMention(Fact):
    TABLE: ClassVar[str] = "fact_mentions"
    document_id: str
    kind: str
    source_ref: str
    report_id: str | None = None
    project_id: str | None = None
    subject: str | None = None
    value: float | None = figure(ANY, ("reported_text", "reported_unit", "decimals"))
    reported_text: str | None = None
    reported_unit: str | None = None
    decimals: int | None = None
    origin: str | None = None
    scope: str | None = None

    def implausible(self) -> list[tuple[str, Any, tuple[float, float]]]:
        # The value is as printed: its plausible range is its kind's, in base units.
        from pipeline.normalize.money import unit_factor

        out = super().implausible()
        if out or self.value is None:
            return out
        rng = {"amount": AMOUNT, "rate": RATE, "score": SCORE}.get(self.kind)
        base = float(self.value) * float(unit_factor(self.reported_unit)) if self.kind == "amount" else self.value
        if rng and not plausible(base, rng):
            out.append(("value", self.value, rng))
        return out


@dataclass
class FactChange(Fact):
    TABLE: ClassVar[str] = "fact_changes"
    report_id: str
    line_item: str
    level_source_ref: str
    direction: int
    source_ref: str
    project_id: str | None = None
    level_yuan: Decimal | None = figure(AMOUNT, ("level_text", "level_unit", "level_decimals"))
    level_text: str | None = None
    level_unit: str | None = None
    level_decimals: int | None = None
    prior_yuan: Decimal | None = figure(AMOUNT, ("prior_text", "prior_unit", "prior_decimals", "prior_source_ref"))
    prior_text: str | None = None
    prior_unit: str | None = None
    prior_decimals: int | None = None
    prior_source_ref: str | None = None
    word: str | None = None
    base: str | None = None
    change_yuan: Decimal | None = figure(AMOUNT, ("reported_text", "reported_unit", "decimals"))
    reported_text: str | None = None
    reported_unit: str | None = None
    decimals: int | None = None
    change_pct: Decimal | None = figure(GROWTH, ("pct_text", "pct_decimals", "pct_source_ref"))
    pct_text: str | None = None
    pct_decimals: int | None = None
    pct_source_ref: str | None = None
    origin: str | None = None


@dataclass
class FactShare(Fact):
    TABLE: ClassVar[str] = "fact_shares"
    report_id: str
    line_item: str
    part_source_ref: str
    source_ref: str
    project_id: str | None = None
    part_yuan: Decimal | None = figure(AMOUNT, ("part_text", "part_unit", "part_decimals"))
    part_text: str | None = None
    part_unit: str | None = None
    part_decimals: int | None = None
    whole_line_item: str | None = None
    whole_source_ref: str | None = None
    whole_yuan: Decimal | None = figure(AMOUNT, ("whole_text", "whole_unit", "whole_decimals"))
    whole_text: str | None = None
    whole_unit: str | None = None
    whole_decimals: int | None = None
    share_pct: Decimal | None = figure(RATE, ("share_text", "share_decimals"))
    share_text: str | None = None
    share_decimals: int | None = None
    origin: str | None = None


@dataclass
class FactLineSplit(Fact):
    """A part of a classification row's total printed in a column of its own (基本支出, 人员经费 …)."""
    TABLE: ClassVar[str] = "fact_line_splits"
    report_id: str
    line_item: str
    part: str
    stage: str
    source_ref: str
    total_source_ref: str
    period: str | None = None
    amount_yuan: Decimal | None = figure(AMOUNT, ("reported_text", "reported_unit", "decimals"))
    reported_text: str | None = None
    reported_unit: str | None = None
    decimals: int | None = None
    total_yuan: Decimal | None = figure(AMOUNT, ("total_text", "total_decimals"))
    total_text: str | None = None
    total_decimals: int | None = None
    table_parts: str | None = None
    label_text: str | None = None
    origin: str | None = None
    table_kind: str | None = None
    is_twin: bool = False


@dataclass
class TableSum(Fact):
    TABLE: ClassVar[str] = "table_sums"
    document_id: str
    table_index: int
    total_row: int
    col_index: int
    report_id: str | None = None
    column_label: str | None = None
    total_text: str | None = None
    total_value: float | None = figure(ANY, ("total_text", "total_decimals"))
    total_decimals: int | None = None
    parts_sum: float | None = figure(ANY, ("parts_halfwidth", "parts_count"))
    parts_halfwidth: float | None = None
    parts_count: int | None = None
    parts_decimals: int | None = None  # the finest precision printed among the parts (most decimals)
    first_row: int | None = None
    last_row: int | None = None
    page: int | None = None
    source_ref: str | None = None
    unread_cells: str | None = None  # cells of the span that are neither an amount nor blank


@dataclass
class Unrecognised(Fact):
    TABLE: ClassVar[str] = "unrecognised"
    DROP_WHEN_EMPTY: ClassVar[bool] = False
    document_id: str
    report_id: str | None = None
    source_ref: str | None = None
    what: str | None = None  # table | cell | figure | column | report
    reason: str | None = None
    text: str | None = None


FACT_TYPES: dict[str, type[Fact]] = {
    t.TABLE: t
    for t in (Report, Project, FactBudget, FactExecution, FactIndicator, FactScore, FactMention, FactChange, FactShare,
              FactLineSplit, TableSum, Unrecognised)
}


def validate_rows(table: str, rows: list[dict[str, Any]], document_of: dict[str | None, str]) -> tuple[
        list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows of one table → (the rows that are facts, `unrecognised` rows for the figures
    that are not). Raises UnknownFactField for a key that is not a column.

    Rows are updated in place (recognisers may still hold them) and returned in order."""
    cls = FACT_TYPES[table]
    kept: list[dict[str, Any]] = []
    rejected: list[dict[str, Any]] = []
    figs = cls.figures()
    for row in rows:
        fact = cls.from_row(row)
        bad = fact.implausible()
        for name, value, (lo, hi) in bad:
            rng = f"|x| < {hi:g}" if (lo, hi) == AMOUNT else ("finite" if (lo, hi) == ANY else f"[{lo:g}, {hi:g}]")
            companions = figs[name][1]
            text = next((getattr(fact, c) for c in companions if c.endswith("_text") or c == "reported_text"), None)
            ref = getattr(fact, "rate_source_ref", None) if name == "reported_rate_pct" else None
            rejected.append(
                {
                    "document_id": getattr(fact, "document_id", None) or document_of.get(getattr(fact, "report_id", None)),
                    "report_id": getattr(fact, "report_id", None),
                    "source_ref": ref or getattr(fact, "source_ref", None),
                    "what": "figure",
                    "reason": f"{table}.{name} = {value} is outside the plausible range ({rng}): "
                              "not stored as a fact",
                    "text": str(text if text is not None else value)[:100],
                }
            )
            setattr(fact, name, None)
            for c in companions:
                if c != "source_ref":
                    setattr(fact, c, None)
        # A score row that still carries a grade (优秀 without a score) is a fact.
        if bad and cls.DROP_WHEN_EMPTY and all(getattr(fact, n) is None for n in figs) \
                and not getattr(fact, "grade_text", None):
            continue
        row.clear()
        row.update(fact.as_row())
        kept.append(row)
    return kept, rejected
