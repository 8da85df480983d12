"""Evaluate identities, validate them with GX, record results for this run."""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb

from pipeline.checks.gx_suites import validate
from pipeline.checks.identities import insert_residuals
from pipeline.checks.structural import run_structural
from pipeline.warehouse import write
from pipeline.warehouse.transaction import transaction

FAILING_SHOWN = 20  # failing rows per check carried to Dagster (all of them are in dq_results)


@dataclass
class CheckSummary:
    run_id: str
    evaluated: int = 0
    failed: int = 0
    failed_errors: int = 0
    # Checks that ran on a structure they did not fully understand: counted, never errors.
    incomplete: int = 0
    incomplete_by_check: dict[str, int] = field(default_factory=dict)
    by_check: dict[str, tuple[int, int]] = field(default_factory=dict)  # name → (run, failed)
    suites: list[dict] = field(default_factory=list)
    structural: dict[str, int] = field(default_factory=dict)
    # name → the first failing rows of this run (file, sentence, where), for Dagster's asset checks
    failing: dict[str, list[dict]] = field(default_factory=dict)

    @property
    def structural_ok(self) -> bool:
        return all(v == 0 for v in self.structural.values())


def check_threads(load: float | None = None, cores: int | None = None) -> int:
    """Threads computing the identity checks' rows at once: one, plus one per core the 1-minute
    load average leaves at least a quarter idle, at most 4; BPW_CHECK_THREADS fixes the number.
    Looser than the page helpers' rule (`idle_page_workers`, half a core): a thread is no second
    process re-reading a PDF — where no core is free it adds ~0.15 s of CPU per run (a cursor per
    check, the rows passed by Arrow), where one is it takes ~0.4 s off the run by the clock — and
    when the checks start, the load average still counts the run's own parse, just ended."""
    import os

    fixed = os.environ.get("BPW_CHECK_THREADS", "").strip()
    if fixed.isdigit():
        return max(1, int(fixed))
    cores = cores or os.cpu_count() or 1
    if load is None:
        try:
            load = os.getloadavg()[0]
        except (AttributeError, OSError):
            return 1
    idle = int(max(0.0, cores - load) + 0.75)  # cores at least a quarter idle
    return max(1, min(4, cores, 1 + idle))


def run_identities(con: duckdb.DuckDBPyConnection, run_id: str, use_gx: bool = True,
                   threads: int | None = None) -> CheckSummary:
    s = CheckSummary(run_id=run_id)
    with transaction(con):
        # The transaction has changed nothing yet: the checks' cursors see what it sees.
        s.evaluated = insert_residuals(con, "dq_results", run_id,
                                       threads=check_threads() if threads is None else threads)
        for name, n, failed, errors, incomplete in con.execute(
            """SELECT check_name, count(*), count(*) FILTER (NOT passed),
                      count(*) FILTER (NOT passed AND severity = 'error'),
                      count(*) FILTER (status = 'incomplete')
               FROM dq_results WHERE run_id = ? GROUP BY 1""",
            [run_id],
        ).fetchall():
            s.by_check[name] = (n, failed)
            s.failed += failed
            s.failed_errors += errors
            if incomplete:
                s.incomplete_by_check[name] = incomplete
                s.incomplete += incomplete
        s.failing = failing_rows(con, run_id)
        if use_gx and s.evaluated:
            # GX sees only what it asserts on: four small columns, not the sentences.
            df = con.execute(
                "SELECT check_name, passed, difference, tolerance FROM dq_results WHERE run_id = ? AND passed IS NOT NULL",
                [run_id],
            ).df()
            s.suites = validate(df)
            write.record_validations(con, run_id, s.suites)
    return s


def failing_rows(con: duckdb.DuckDBPyConnection, run_id: str, per_check: int = FAILING_SHOWN) -> dict[str, list[dict]]:
    """The first failing rows of each check in this run, with the file they are in."""
    rows = con.execute(
        """SELECT check_name, file_name, detail, source_refs FROM (
               SELECT q.check_name, d.file_name, q.detail, q.source_refs,
                      row_number() OVER (PARTITION BY q.check_name ORDER BY d.file_name, q.source_refs) AS k
               FROM dq_results q LEFT JOIN documents d USING (document_id)
               WHERE q.run_id = ? AND NOT q.passed)
           WHERE k <= ? ORDER BY check_name, k""",
        [run_id, per_check],
    ).fetchall()
    out: dict[str, list[dict]] = {}
    for name, file_name, detail, refs in rows:
        out.setdefault(name, []).append({"file": file_name, "detail": detail, "source_refs": refs})
    return out


def run_structural_checks(con: duckdb.DuckDBPyConnection, summary: CheckSummary | None = None) -> dict[str, int]:
    res = run_structural(con)
    if summary is not None:
        summary.structural = res
    return res
