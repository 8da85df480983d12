"""Evaluate identities, validate them with GX, record results for this run."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import duckdb
import pandas as pd

from pipeline.checks.gx_suites import validate
from pipeline.checks.identities import insert_residuals
from pipeline.checks.structural import run_structural
from pipeline.warehouse.transaction import transaction


@dataclass
class CheckSummary:
    run_id: str
    evaluated: int = 0
    failed: int = 0
    failed_errors: int = 0
    by_check: dict[str, tuple[int, int]] = field(default_factory=dict)  # name → (run, failed)
    suites: list[dict] = field(default_factory=list)
    structural: dict[str, int] = field(default_factory=dict)

    @property
    def structural_ok(self) -> bool:
        return all(v == 0 for v in self.structural.values())


def run_identities(con: duckdb.DuckDBPyConnection, run_id: str, use_gx: bool = True) -> CheckSummary:
    s = CheckSummary(run_id=run_id)
    with transaction(con):
        s.evaluated = insert_residuals(con, "dq_results", run_id)
        for name, n, failed, errors in con.execute(
            """SELECT check_name, count(*), count(*) FILTER (NOT passed),
                      count(*) FILTER (NOT passed AND severity = 'error')
               FROM dq_results WHERE run_id = ? GROUP BY 1""",
            [run_id],
        ).fetchall():
            s.by_check[name] = (n, failed)
            s.failed += failed
            s.failed_errors += errors
        if use_gx and s.evaluated:
            # GX sees only what it asserts on: four small columns, not the sentences.
            df = con.execute(
                "SELECT check_name, passed, difference, tolerance FROM dq_results WHERE run_id = ?", [run_id]
            ).df()
            s.suites = validate(df)
            con.execute(
                """CREATE TABLE IF NOT EXISTS dq_validations (run_id VARCHAR, checked_at TIMESTAMP, suite VARCHAR,
                   success BOOLEAN, evaluated INTEGER, unexpected_count INTEGER, exception VARCHAR)"""
            )
            v = pd.DataFrame(s.suites)
            v.insert(0, "run_id", run_id)
            v.insert(1, "checked_at", datetime.now())
            con.register("_v", v)
            con.execute("INSERT INTO dq_validations SELECT run_id, checked_at, suite, success, evaluated, unexpected_count, exception FROM _v")
            con.unregister("_v")
    return s


def run_structural_checks(con: duckdb.DuckDBPyConnection, summary: CheckSummary | None = None) -> dict[str, int]:
    res = run_structural(con)
    if summary is not None:
        summary.structural = res
    return res
