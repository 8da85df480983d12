"""One complete run as plain Python: used by `bpw run` and by the Dagster assets."""

from __future__ import annotations

import pickle
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from pipeline import runner
from pipeline.checks.run import CheckSummary, run_identities, run_structural_checks
from pipeline.settings import PARSER_VERSION, Settings
from pipeline.warehouse import write
from pipeline.warehouse.load import remove_orphans


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
    loaded_documents: list[dict] = field(default_factory=list)  # documents this run (re)loaded
    started_at: datetime | None = None


def stage_new(settings: Settings, progress=None, run_id: str | None = None,
              planned=None) -> tuple[RunSummary, Path]:
    """Plan and parse what changed, staging results batch by batch (BPW_BATCH_SIZE documents
    each), so memory holds one batch at a time. Opens the warehouse only to read, and only
    to plan: `planned()` is called once the plan is made and the warehouse closed."""
    run_id = run_id or runner.new_run_id()
    summary = RunSummary(run_id=run_id, started_at=datetime.now())
    con = _reader(settings)
    try:
        plan = runner.plan(settings, con)
    finally:
        if con is not None:
            con.close()
    if planned:
        planned()
    summary.files_seen = len(plan.all_tasks)
    summary.unchanged = len(plan.unchanged)
    root = settings.staging_dir / f"run-{run_id}"
    tasks, size = plan.to_parse, max(1, settings.batch_size)
    total = len(tasks)
    for k in range(max(1, -(-total // size))):
        chunk = tasks[k * size : (k + 1) * size]
        done = k * size

        def chunk_progress(i: int, n: int, name: str, done: int = done) -> None:
            if progress:
                progress(done + i, total, name)

        outcomes = runner.parse(chunk, settings, chunk_progress)
        summary.parsed += len(outcomes)
        first = k == 0  # unchanged and missing files travel with the first batch
        _write_batch(root, k, outcomes, chunk, plan.unchanged if first else [], plan.missing if first else [],
                     parquet=settings.stage_parquet)
        del outcomes
    with open(root / "summary.pkl", "wb") as f:
        pickle.dump(summary, f)
    return summary, root


def _write_batch(root: Path, k: int, outcomes, tasks, unchanged, missing, parquet: bool = True) -> Path:
    """The loader's pickle of one batch, and the batch's Parquet files when asked for."""
    if parquet:
        batch = runner.stage(outcomes, root, name=f"batch-{k:05d}")
    else:
        batch = root / f"batch-{k:05d}"
        batch.mkdir(parents=True, exist_ok=True)
    with open(batch / "batch.pkl", "wb") as f:
        pickle.dump({"outcomes": outcomes, "tasks": tasks, "unchanged": unchanged, "missing": missing},
                    f, protocol=pickle.HIGHEST_PROTOCOL)
    return batch


def _fact_count(o: runner.Outcome) -> int:
    tables = ("fact_budgets", "fact_executions", "fact_indicators", "fact_scores")
    return sum(len(getattr(o.extraction, t)) for t in tables) if o.extraction else 0


def _reader(settings: Settings):
    """A short read of what is already loaded; None when there is no warehouse yet or it is busy."""
    import duckdb

    if not settings.warehouse.exists():
        return None
    try:
        con = duckdb.connect(str(settings.warehouse), read_only=True)
        con.execute("SELECT 1 FROM document_files LIMIT 1")
        return con
    except duckdb.Error:
        return None  # busy or not initialised: everything counts as changed, which is safe


def prepare_warehouse(settings: Settings) -> bool:
    """Create the warehouse's tables and load its vocabulary now if they are not current
    (`init_schema`, which the loader's `open_writer` would otherwise do first), without waiting
    for a writer that holds the file. `bpw run` calls it while its parse runs in another
    process, once that process has planned (the plan reads the warehouse). True when done;
    never raises: the loader does the same work again and reports what went wrong."""
    import duckdb

    from pipeline.warehouse.schema import connect, init_schema

    try:
        con = connect(settings.warehouse)
    except (duckdb.Error, OSError):
        return False  # another writer holds it: the loader waits for it as always
    try:
        init_schema(con)
        return True
    except Exception:  # noqa: BLE001 - an optimisation only; the loader's open_writer runs it again
        return False
    finally:
        con.close()


def load_staged(settings: Settings, root: Path) -> RunSummary:
    """The single writer: load the staged batches in order, one transaction each."""
    with open(root / "summary.pkl", "rb") as f:
        summary: RunSummary = pickle.load(f)
    con = runner.open_writer(settings)
    try:
        # An in-process run stages batch-*; a distributed run shard-NNNN/batch-* (shards
        # in plan order, so the load order, and which duplicate is first, are the same).
        for batch in sorted(root.glob("batch-*")) + sorted(root.glob("shard-*/batch-*")):
            _load_batch(con, batch, summary)
        remove_orphans(con)
        summary.statuses = dict(con.execute(
            """SELECT status, count(*) FROM documents WHERE document_id IN
               (SELECT document_id FROM document_files WHERE NOT missing) GROUP BY ALL"""
        ).fetchall())
    finally:
        con.close()
    shutil.rmtree(root, ignore_errors=True)
    return summary


def _load_batch(con, batch: Path, summary: RunSummary) -> None:
    with open(batch / "batch.pkl", "rb") as f:
        staged = pickle.load(f)
    outcomes = staged["outcomes"]
    runner.flag_missing(con, staged["missing"])  # before dedupe: gone files are no first copies
    # Before dedupe: a document that cannot be loaded is nobody's first copy.
    runner.refuse_unloadable(con, outcomes)
    runner.dedupe(outcomes, con)
    if outcomes:
        for k, v in runner.load(con, outcomes, staged["tasks"], checked=True).items():
            summary.counts[k] = summary.counts.get(k, 0) + v
    summary.loaded_documents += [o.document | {"facts": _fact_count(o)} for o in outcomes]
    write.mark_seen(con, [u["file_name"] for u in staged["unchanged"]])


def reload_document(settings: Settings, document_id: str) -> RunSummary:
    """Re-parse and reload the file(s) holding one document, whatever their parser version."""
    con = _reader(settings)
    names: set[str] = set()
    try:
        if con is not None:
            names = {r[0] for r in con.execute(
                "SELECT file_name FROM document_files WHERE document_id = ?", [document_id]).fetchall()}
    finally:
        if con is not None:
            con.close()
    return reload_files(settings, names)


def reload_files(settings: Settings, names: set[str]) -> RunSummary:
    """Re-parse and reload these files (paths relative to the input folder)."""
    summary = RunSummary(run_id=runner.new_run_id(), started_at=datetime.now())
    plan = runner.plan(settings, None)
    tasks = [t for t in plan.all_tasks if t.rel in names]
    outcomes = runner.parse(tasks, settings)
    summary.parsed = len(outcomes)
    root = settings.staging_dir / f"run-{summary.run_id}"
    _write_batch(root, 0, outcomes, tasks, [], [], parquet=settings.stage_parquet)
    with open(root / "summary.pkl", "wb") as f:
        pickle.dump(summary, f)
    return load_staged(settings, root)


def ingest(settings: Settings, progress=None, run_id: str | None = None) -> RunSummary:
    summary, batch = stage_new(settings, progress, run_id)
    return load_staged(settings, batch)


def check(settings: Settings, summary: RunSummary, use_gx: bool = True) -> CheckSummary:
    con = runner.open_writer(settings)
    try:
        cs = run_identities(con, summary.run_id, use_gx=use_gx)
        run_structural_checks(con, cs)
        summary.checks = cs
    finally:
        con.close()
    return cs


def publish(settings: Settings, summary: RunSummary, strict: bool = False, reports: bool = True) -> bool:
    """Create the views and record the run; write the reports unless asked not to (the Dagster
    `dq_report` asset writes them as its own step)."""
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
        write.record_run(con, summary.run_id, started_at=summary.started_at or datetime.now(),
                         files_seen=summary.files_seen, files_parsed=summary.parsed,
                         checks_run=cs.evaluated if cs else 0, checks_failed=cs.failed if cs else 0,
                         parser_version=PARSER_VERSION, strict=strict)
        if reports:
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
