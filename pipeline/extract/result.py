"""What extraction returns: rows for each warehouse table, as plain dicts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Row = dict[str, Any]

TABLES = (
    "reports",
    "projects",
    "fact_budgets",
    "fact_executions",
    "fact_indicators",
    "fact_scores",
    "fact_mentions",
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
