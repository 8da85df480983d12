"""One complete run as plain Python: used by `bpw run` and by the Dagster assets."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from pipeline import runner
from pipeline.checks.run import CheckSummary, run_identities, run_structural_checks
from pipeline.settings import PARSER_VERSION, Settings


@dataclass
class RunSummary:
    run_id: str
    files_seen: int = 0
    parsed: int = 0
    unchanged: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    checks: CheckSummary | None = None
    views_published: bool = False
    blocked_reason: str | None = None
    seconds: float = 0.0


def ingest(settings: Settings, progress=None, run_id: str | None = None) -> RunSummary:
    run_id = run_id or runner.new_run_id()
    summary = RunSummary(run_id=run_id)
    con = runner.open_writer(settings)
    try:
        plan = runner.plan(settings, con)
        summary.files_seen = len(plan.all_tasks)
        summary.unchanged = len(plan.unchanged)
        outcomes = runner.parse(plan.to_parse, settings, progress)
        summary.parsed = len(outcomes)
        runner.dedupe(outcomes, con)
        if outcomes:
            runner.stage(outcomes, settings.staging_dir)
        summary.counts = runner.load(con, outcomes, plan.all_tasks) if outcomes else {}
        if plan.unchanged:
            con.execute("UPDATE document_files SET last_seen = now(), missing = FALSE WHERE file_name IN (SELECT unnest(?))",
                        [[u["file_name"] for u in plan.unchanged]])
        runner.flag_missing(con, plan.missing)
        summary.statuses = dict(con.execute(
            "SELECT status, count(*) FROM documents WHERE document_id IN (SELECT document_id FROM document_files WHERE NOT missing) GROUP BY ALL"
        ).fetchall())
    finally:
        con.close()
    return summary


def check(settings: Settings, summary: RunSummary, use_gx: bool = True) -> CheckSummary:
    con = runner.open_writer(settings)
    try:
        cs = run_identities(con, summary.run_id, use_gx=use_gx)
        run_structural_checks(con, cs)
        summary.checks = cs
    finally:
        con.close()
    return cs


def publish(settings: Settings, summary: RunSummary, strict: bool = False) -> bool:
    """Create the views and write the reports, unless a blocking check failed."""
    cs = summary.checks
    if cs is not None and not cs.structural_ok:
        bad = ", ".join(k for k, v in cs.structural.items() if v)
        summary.blocked_reason = f"structural checks failed: {bad}"
    elif strict and cs is not None and cs.failed_errors:
        summary.blocked_reason = f"--strict: {cs.failed_errors} identity check(s) failed"
    con = runner.open_writer(settings)
    try:
        if summary.blocked_reason is None:
            from pipeline.warehouse.views import create_views

            create_views(con)
            summary.views_published = True
        con.execute(
            "INSERT OR REPLACE INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [summary.run_id, datetime.now(), datetime.now(), summary.files_seen, summary.parsed,
             cs.evaluated if cs else 0, cs.failed if cs else 0, PARSER_VERSION, strict],
        )
        write_reports(con, settings)
    finally:
        con.close()
    return summary.views_published


def write_reports(con, settings: Settings) -> None:
    from pipeline.reports.dq_report import write_dq_report

    write_dq_report(con, settings.report_path)
    try:
        from pipeline.reports.overview import write_overview

        write_overview(con, settings.overview_path)
    except ImportError:
        pass
