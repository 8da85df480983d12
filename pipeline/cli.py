"""`bpw` — run the pipeline, query and export the warehouse, write reports, benchmark."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from pipeline.normalize.money import BASE_MONEY_UNIT, DEFAULT_MONEY_UNIT
from pipeline.settings import Settings


def _settings(args: argparse.Namespace) -> Settings:
    s = Settings()
    if getattr(args, "raw", None):
        s.raw_dir = Path(args.raw)
    if getattr(args, "warehouse", None):
        s.warehouse = Path(args.warehouse)
    return s


def cmd_run(args: argparse.Namespace) -> int:
    """Materialize every asset in-process: the same assets `dagster dev` shows."""
    import logging

    s = _settings(args)
    if not s.raw_dir.is_dir():
        print(f"Input folder not found: {s.raw_dir}. Put reports there or pass --raw DIR.", file=sys.stderr)
        return 2
    logging.getLogger("dagster").setLevel(logging.WARNING)
    if getattr(args, "scheduler", None):
        return _run_distributed(args, s)

    import uuid

    from pipeline import prestage

    t0 = time.perf_counter()
    strict = args.strict or s.strict
    # The parse starts now, in a forked process, while Dagster loads below; the run's
    # staged_documents step takes its batch (pipeline/prestage.py). The run id is
    # chosen here so that both name the same staging folder.
    run_id = str(uuid.uuid4())
    if args.workers:
        s.workers = args.workers
    s.strict = strict
    if prestage.start(s, run_id[:8]) is not None:
        # Dagster's imports and the run's creation without the garbage collector, until the
        # staged_documents step takes the parse (prestage.pause_collector).
        prestage.pause_collector()
    try:
        return _run_in_process(args, s, run_id, t0)
    finally:
        prestage.resume_collector()
        prestage.discard_all()  # a run that never reached the step


def _run_in_process(args: argparse.Namespace, s: Settings, run_id: str, t0: float) -> int:
    from tqdm import tqdm

    from pipeline import progress
    from pipeline.definitions import defs
    from pipeline.defs.instance import PID_TAG, close_dead_runs, dagster_home, project_instance

    bars: list = []  # created on the first parsed file: a run with nothing to parse shows no bar

    def on_progress(i: int, n: int, name: str) -> None:
        if not bars:
            bars.append(tqdm(total=n, unit=" file", desc="Parsing", disable=args.quiet, leave=False))
        bar = bars[0]
        bar.total = n
        bar.update(1)
        bar.set_postfix_str(name[-30:])

    progress.set_callback(on_progress)
    strict = s.strict
    # Dagster writes the run's planned asset and check events as one batch (one transaction per
    # SQLite file, pipeline/defs/event_log.py) instead of ~50 single writes.
    os.environ.setdefault("DAGSTER_EVENT_BATCH_SIZE", "1000")
    # The project's instance (DAGSTER_HOME, else the repository root): the run, its asset
    # checks and each file's partition show in `dagster dev` afterwards.
    instance = project_instance()
    close_dead_runs(instance)
    config = {"raw_dir": str(s.raw_dir), "warehouse": str(s.warehouse), "strict": strict,
              "use_gx": not args.no_gx, "workers": args.workers or 0}
    try:
        result = defs.resolve_job_def("ingest_job").execute_in_process(
            instance=instance, raise_on_error=False, run_id=run_id,
            tags={PID_TAG: str(os.getpid()), "bpw/command": "run"},
            run_config={"resources": {"bpw": {"config": config}},
                        # Dagster's console logger prints stack traces; failures are reported below in
                        # plain words instead (BPW_DEBUG=1 shows Dagster's own log).
                        "loggers": {"console": {"config": {
                            "log_level": "WARNING" if os.environ.get("BPW_DEBUG") else "CRITICAL"}}}},
        )
    finally:
        # Closes the event log's kept SQLite connections (pipeline/defs/event_log.py), which
        # checkpoints their write-ahead logs into the run's files.
        instance.dispose()
    for bar in bars:
        bar.close()
    progress.set_callback(None)
    if not result.success and not _blocked_by_checks(result):
        for ev in result.all_events:
            if ev.is_step_failure:
                print(f"bpw run failed in step {ev.step_key}: {_root_cause(ev)}", file=sys.stderr)
        if not os.environ.get("BPW_DEBUG"):
            print("(set BPW_DEBUG=1 to see the full trace)", file=sys.stderr)
        return 1
    load = result.output_for_node("warehouse_tables")
    dq = result.output_for_node("dq_results")
    # Only the blocking checks stop the views; identity checks are findings (see dq_results).
    failed_checks = [e.check_name for e in result.get_asset_check_evaluations()
                     if not e.passed and e.check_name in _BLOCKING]
    c = load["counts"]
    print()
    print(f"bpw run finished in {time.perf_counter() - t0:.1f} s")
    print(f"  files seen {load['files_seen']}, parsed {load['parsed']}, unchanged {load['unchanged']}"
          + ("  (nothing new to parse)" if not load["parsed"] else ""))
    print("  documents: " + ", ".join(f"{k} {v}" for k, v in sorted(load["statuses"].items())))
    not_loaded = load.get("not_loaded", [])
    for name, status, code in not_loaded[:20]:
        print(f"    {status} {code}: {name}")
    if len(not_loaded) > 20:
        print(f"    … and {len(not_loaded) - 20} more (SELECT file_name, error_code, error_message FROM documents "
              "WHERE status <> 'loaded')")
    if c:
        facts = sum(c.get(t, 0) for t in ("fact_budgets", "fact_executions", "fact_indicators", "fact_scores"))
        print(f"  loaded: {c.get('reports', 0)} reports, {c.get('projects', 0)} projects, {facts} facts")
    print(f"  identity checks: {dq['evaluated']} evaluated, {dq['failed']} failed ({dq['failed_errors']} errors), "
          f"{dq.get('incomplete', 0)} incomplete (structure not fully read; not errors)")
    inc = dq.get("incomplete_by_check", {})
    for name, (n, f) in sorted(dq["by_check"].items()):
        if f or inc.get(name):
            print(f"    {name}: {f} of {n} failed" + (f", {inc[name]} incomplete" if inc.get(name) else ""))
    for suite in dq["suites"]:
        # The rows that broke the suite, not the rows it looked at.
        bad = suite.get("unexpected_count") or 0
        state = "passed" if suite["success"] else "failed"
        print(f"    GX suite {suite['suite']}: {state}, {bad} of {suite['evaluated']} rows unexpected")
    if failed_checks:
        print(f"  VIEWS NOT PUBLISHED: blocking checks failed: {', '.join(failed_checks)}")
    print(f"  warehouse: {s.warehouse}")
    print(f"  data-quality report: {s.report_path}")
    print(f"  overview: {s.overview_path}")
    print(f"  Dagster run {result.run_id[:8]} recorded in {dagster_home()} (see it with `make dagster`)")
    structural_failed = [c for c in failed_checks if c != "identities_hold_when_strict"]
    return 1 if structural_failed or (strict and failed_checks) else 0


def _run_distributed(args: argparse.Namespace, s: Settings) -> int:
    """`bpw run --scheduler tcp://host:8786`: the parse shards run on the Dask cluster's
    workers; planning, loading, checks and publishing on the worker that has the warehouse."""
    from pipeline.defs.distributed import run_distributed
    from pipeline.defs.resources import BpwSettings

    t0 = time.perf_counter()
    bpw = BpwSettings(raw_dir=str(s.raw_dir), warehouse=str(s.warehouse), strict=args.strict or s.strict,
                      use_gx=not args.no_gx, workers=args.workers or 0)
    result = run_distributed(args.scheduler, bpw)
    if not result.success:
        for ev in result.all_events:
            if ev.is_step_failure:
                print(f"bpw run failed in step {ev.step_key}: {_root_cause(ev)}", file=sys.stderr)
        return 1
    with result:
        done = result.output_for_node("publish_checked")
    print(f"bpw run (distributed, {args.scheduler}) finished in {time.perf_counter() - t0:.1f} s")
    print(f"  files seen {done['files_seen']}, parsed {done['parsed']}, unchanged {done['unchanged']}")
    print("  documents: " + ", ".join(f"{k} {v}" for k, v in sorted(done["statuses"].items())))
    print(f"  identity checks: {done['evaluated']} evaluated, {done['failed']} failed ({done['failed_errors']} errors)")
    if not done["views_published"]:
        print("  VIEWS NOT PUBLISHED: blocking checks failed")
    print(f"  warehouse: {s.warehouse}")
    return 0 if done["views_published"] else 1


def _root_cause(ev) -> str:
    """The innermost error of a failed Dagster step, without its stack trace."""
    err = getattr(ev.step_failure_data, "error", None)
    if err is None:
        return ev.message or "unknown error"
    while getattr(err, "cause", None) is not None:
        err = err.cause
    msg = (err.message or "").strip()
    prefix = f"{err.cls_name}: "
    # Our own errors already speak plainly; others keep their class name for a bug report.
    if err.cls_name in ("WarehouseBusy",) and prefix in msg:
        msg = msg.split(prefix, 1)[1]
    return msg.splitlines()[0] if msg else (err.cls_name or "unknown error")


def _blocked_by_checks(result) -> bool:
    return any(not e.passed and e.check_name in _BLOCKING for e in result.get_asset_check_evaluations())


def _blocking() -> frozenset[str]:
    from pipeline.checks.structural import STRUCTURAL

    return frozenset(STRUCTURAL) | {"identities_hold_when_strict"}


_BLOCKING = _blocking()


def cmd_query(args: argparse.Namespace) -> int:
    import duckdb

    from pipeline.warehouse.query import (
        WarehouseBusy,
        WarehouseMissing,
        format_result,
        open_read_only,
    )

    s = _settings(args)
    try:
        con = open_read_only(s.warehouse)
    except (WarehouseBusy, WarehouseMissing) as e:
        print(e, file=sys.stderr)
        return 3 if isinstance(e, WarehouseBusy) else 2
    try:
        df = con.execute(args.sql).df()
    except duckdb.Error as e:
        msg = str(e)
        if "read-only" in msg.lower() or "read only" in msg.lower():
            msg = "bpw query is read-only: it cannot change the warehouse. " + msg
        print(f"Query failed: {msg}", file=sys.stderr)
        return 1
    finally:
        con.close()
    print(format_result(df, args.format))
    sys.stdout.flush()  # a closed pipe is raised here, where main() handles it, not at exit
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    import duckdb

    from pipeline.warehouse.export import export

    s = _settings(args)
    con = duckdb.connect(str(s.warehouse), read_only=True)
    try:
        paths = export(con, args.format, Path(args.out), money_unit=args.money_unit)
    finally:
        con.close()
    for p in paths:
        print(p)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    import duckdb

    from pipeline.pipeline_run import write_reports

    s = _settings(args)
    con = duckdb.connect(str(s.warehouse), read_only=True)
    try:
        if args.report:
            from pipeline.reports.dq_report import write_dq_report

            write_dq_report(con, Path(args.report))
            print(args.report)
        else:
            write_reports(con, s)
            print(s.report_path)
    finally:
        con.close()
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    from pipeline.runner import open_writer, purge_missing

    s = _settings(args)
    con = open_writer(s)
    try:
        names = con.execute(
            "SELECT file_name FROM documents WHERE missing_since IS NOT NULL ORDER BY file_name"
        ).fetchall()
        if not names:
            print("Nothing to purge: every document still has its file in the input folder.")
            return 0
        if not args.yes:
            print("These documents' files have left the input folder; their history would be removed:")
            for (n,) in names:
                print(f"  {n}")
            print("Run `bpw purge --yes` to remove them.")
            return 0
        gone = purge_missing(con)
    finally:
        con.close()
    print(f"Purged {len(gone)} document(s) whose files left the input folder.")
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from pipeline.settings import REPO_ROOT

    # The benchmark lives beside the package in the repository (bench/), not inside it.
    sys.path.insert(0, str(REPO_ROOT))
    if args.single_pdf is not None or args.real_concat:
        from bench.single_pdf import main as single_main  # type: ignore[import-not-found]

        r = single_main(Path(args.single_pdf) if args.single_pdf else None, concat=args.real_concat,
                        rounds=args.rounds, out=Path(args.out) if args.out else None)
        return 0 if all(r["met"].values()) else 1
    if args.distributed:
        from bench.distributed import main as dist_main  # type: ignore[import-not-found]

        dist_main(args.distributed)
        return 0
    from bench.run import main as bench_main  # type: ignore[import-not-found]

    return bench_main(args.n, with_pdf_floor=not args.no_floor, formats=tuple(args.formats.split(",")))


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    p = argparse.ArgumentParser(prog="bpw", description="Budget performance warehouse")
    p.add_argument("--raw", help="input folder (default data/raw, or BPW_RAW_DIR)")
    p.add_argument("--warehouse", help="warehouse file (default data/warehouse/warehouse.duckdb, or BPW_WAREHOUSE)")
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", help="ingest every document, check identities, publish views and reports")
    r.add_argument("--strict", action="store_true", help="failed identities block the views (exit 1)")
    r.add_argument("--workers", type=int, default=0, help="parser processes (default: all cores)")
    r.add_argument("--no-gx", action="store_true", help="skip the Great Expectations validation step")
    r.add_argument("--quiet", action="store_true")
    r.add_argument("--scheduler", help="parse on a Dask cluster: the scheduler's address, tcp://host:8786 "
                   "(docs/scaling.md)")
    q = sub.add_parser("query", help="read-only SQL against the warehouse")
    q.add_argument("sql")
    q.add_argument("--format", choices=["table", "csv", "json"], default="table")
    e = sub.add_parser("export", help="export every view and fact table")
    e.add_argument("--format", choices=["xlsx", "parquet", "csv"], required=True)
    e.add_argument("--out", required=True)
    # money units of vocab/money_units.csv: the tables' default (万元) and the base one (元)
    e.add_argument("--money-unit", choices=[DEFAULT_MONEY_UNIT, BASE_MONEY_UNIT], default=DEFAULT_MONEY_UNIT)
    rp = sub.add_parser("report", help="(re)write the data-quality report")
    rp.add_argument("--report", help="output path (default data/warehouse/dq_report.html)")
    pg = sub.add_parser("purge", help="remove documents whose files left the input folder")
    pg.add_argument("--yes", action="store_true", help="really remove them")
    b = sub.add_parser("bench", help="run the benchmark")
    b.add_argument("-n", type=int, default=100, help="documents in the generated corpus")
    b.add_argument("--formats", default="txt,docx,pdf", help="comma-separated subset of txt,docx,pdf")
    b.add_argument("--no-floor", action="store_true", help="skip the raw pdfplumber floor")
    b.add_argument("--single-pdf", nargs="?", const="", default=None, metavar="FILE",
                   help="one large PDF: reader and end to end vs raw pdfplumber (default: the largest real PDF)")
    b.add_argument("--real-concat", action="store_true",
                   help="--single-pdf on one 150+-page PDF made of the shared real PDFs")
    b.add_argument("--rounds", type=int, default=3, help="--single-pdf: interleaved rounds (default 3)")
    b.add_argument("--out", help="--single-pdf: result file (default bench/results/single-pdf*.json)")
    b.add_argument("--distributed", type=int, default=0, metavar="R",
                   help="in-process vs 1 and 2 Dask workers on the fixtures copied R times")
    for sp in (r, q, e, rp, pg, b):
        # default=SUPPRESS: `bpw --raw X run` must not be reset to None by the sub-command.
        sp.add_argument("--raw", help=argparse.SUPPRESS, default=argparse.SUPPRESS)
        sp.add_argument("--warehouse", help=argparse.SUPPRESS, default=argparse.SUPPRESS)
    args = p.parse_args(argv)
    try:
        return {"run": cmd_run, "query": cmd_query, "export": cmd_export, "report": cmd_report, "purge": cmd_purge, "bench": cmd_bench}[args.cmd](args)
    except BrokenPipeError:
        # `bpw query … | head`: the reader stopped reading; that is not an error. Point stdout
        # at /dev/null so Python's own flush at exit does not raise again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
