"""What extraction returns: rows for each warehouse table.

Recognisers build rows as plain dicts (filled in several steps); `validate()` checks them
against the typed facts of `pipeline.extract.facts` once extraction finishes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipeline.extract.facts import validate_rows

Row = dict[str, Any]

TABLES = (
    "reports",
    "projects",
    "fact_budgets",
    "fact_executions",
    "fact_indicators",
    "fact_scores",
    "fact_mentions",
    "fact_changes",
    "fact_shares",
    "fact_line_splits",
    "table_sums",
    "unrecognised",
)


@dataclass
class Extraction:
    reports: list[Row] = field(default_factory=list)
    projects: list[Row] = field(default_factory=list)
    fact_budgets: list[Row] = field(default_factory=list)
    fact_executions: list[Row] = field(default_factory=list)
    fact_indicators: list[Row] = field(default_factory=list)
    fact_scores: list[Row] = field(default_factory=list)
    fact_mentions: list[Row] = field(default_factory=list)
    fact_changes: list[Row] = field(default_factory=list)
    fact_shares: list[Row] = field(default_factory=list)
    fact_line_splits: list[Row] = field(default_factory=list)
    table_sums: list[Row] = field(default_factory=list)
    unrecognised: list[Row] = field(default_factory=list)
    # Numeric table cells seen / turned into facts / knowingly ignored (coverage metric).
    numeric_cells: int = 0
    numeric_cells_used: int = 0
    numeric_cells_ignored: int = 0

    def counts(self) -> dict[str, int]:
        return {t: len(getattr(self, t)) for t in TABLES}

    @property
    def coverage(self) -> float | None:
        if not self.numeric_cells:
            return None
        return (self.numeric_cells_used + self.numeric_cells_ignored) / self.numeric_cells

    def validate(self) -> Extraction:
        """Every row through its table's dataclass: an unknown key raises UnknownFactField
        (a programming error); a figure outside its column's plausible range leaves its row
        for `unrecognised`, with the reason. Idempotent; returns self."""
        document_of = {r.get("report_id"): r.get("document_id") for r in self.reports}
        fallback = next(iter(document_of.values()), None)
        rejected: list[Row] = []
        for t in TABLES:
            kept, bad = validate_rows(t, getattr(self, t), document_of)
            getattr(self, t)[:] = kept  # in place: callers may hold the list
            rejected += bad
        for r in rejected:
            r["document_id"] = r["document_id"] or fallback
        # Rejections are unrecognised rows themselves: validated like any other.
        self.unrecognised += validate_rows("unrecognised", rejected, document_of)[0]
        return self
