"""Parse while Dagster loads: `bpw run` starts its run's plan and parse before importing Dagster.

Importing Dagster and the definitions, opening the instance and creating the run (its planned
asset and check events) take ~2 s of one core before the first step starts, while the parse
waits. `bpw run` therefore forks, first thing, a process that does exactly what the
`staged_documents` step would do — `pipeline_run.stage_new` with the run's settings and its
run id (the id is chosen before the run is created and handed to Dagster) — and the step, when
Dagster reaches it, takes the staged batch from that process: it waits for it, relays its
progress (bar and log lines) and records how long the parse ran before the step began
(`parse_started_before_step_s` in the step's metadata). Nothing is parsed twice and nothing is
staged that the step would not have staged:

- the step uses the prestaged batch only when the settings it would parse with equal those the
  process was started with; otherwise it discards the process and its batch and stages itself;
- a step run by any other process (`dagster dev`, a sensor, the tests' `materialize`) finds no
  prestage and stages as before;
- a process started for a run that never reaches the step (Dagster failed first, Ctrl-C) is
  killed and its staging folder removed when `bpw run` ends (`discard_all`).

`BPW_PRESTAGE=0` turns it off; `BPW_WORKERS=0` (parse in this process, for a debugger) too.
The process dies with its parent (PR_SET_PDEATHSIG), and its parser children with it.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import shutil
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from pipeline.ingest.isolate import start_frozen
from pipeline.settings import Settings


@dataclass
class Prestage:
    run_id: str
    settings: Settings
    process: Any
    conn: Connection
    started: float  # time.monotonic() when the process was started
    root: Path  # its staging folder (stage_new's)


_started: dict[str, Prestage] = {}


def enabled(settings: Settings) -> bool:
    return settings.workers > 0 and os.environ.get("BPW_PRESTAGE", "1") != "0"


def _main(conn: Connection, settings: Settings, run_id: str, parent: int) -> None:
    from pipeline.ingest.isolate import _die_with_parent

    _die_with_parent(parent)
    try:
        from pipeline.pipeline_run import stage_new

        def progress(i: int, n: int, name: str) -> None:
            conn.send(("progress", i, n, name))

        summary, root = stage_new(settings, progress, run_id=run_id, planned=lambda: conn.send(("planned",)))
        conn.send(("done", summary, str(root)))
    except BaseException:  # the step reports it as its own failure
        conn.send(("error", traceback.format_exc()))
    finally:
        conn.close()
        os._exit(0)  # no atexit handlers of the parent's


def start(settings: Settings, run_id: str) -> Prestage | None:
    """Fork the process that plans and parses for the run `run_id` (the first 8 characters of
    a Dagster run id, as the step passes to stage_new). None when turned off."""
    if not enabled(settings):
        return None
    ctx = mp.get_context("fork")
    r, w = ctx.Pipe(duplex=False)
    # Not a daemon: it forks the parser children itself.
    p = ctx.Process(target=_main, args=(w, settings, run_id, os.getpid()), daemon=False)
    # a process that already holds Dagster or DuckDB threads' objects (a test calling `main`
    # twice) forks with them frozen, never walked in the child
    start_frozen(p)
    w.close()
    pre = Prestage(run_id, settings, p, r, time.monotonic(), settings.staging_dir / f"run-{run_id}")
    _started[run_id] = pre
    return pre


def take(run_id: str, settings: Settings) -> Prestage | None:
    """The prestage started for this run with these very settings, if any (once)."""
    pre = _started.pop(run_id, None)
    if pre is not None and pre.settings != settings:
        discard(pre)
        pre = None
    if pre is None:
        resume_collector()  # the step parses itself: no longer a bounded start
    return pre


_collector_paused = False


def pause_collector() -> None:
    """Turn the garbage collector off while `bpw run` imports Dagster, its definitions and
    pandas and creates the run (until the parse process says it has planned and the loader is
    prepared, `wait`). Those imports leave ~390 000 objects tracked by the collector, nearly
    all alive for the run, and the collector re-walked them again and again as they grew:
    ~0.4 s of the parent's CPU (~0.5 s with pandas), while the parse runs beside it. A bounded
    phase: its work does not grow with the input (`take` ends it when the step parses itself).
    The freeze that ends it (`resume_collector`) also spares the command's exit a last walk over
    those objects (~0.6 s of CPU at interpreter shutdown)."""
    global _collector_paused
    if gc.isenabled():
        gc.disable()
        _collector_paused = True


def resume_collector() -> None:
    """The collector on again, with what exists now frozen (`gc.freeze`: the modules and the
    run's objects are never walked again; garbage made from now on is collected as usual)."""
    global _collector_paused
    if _collector_paused:
        _collector_paused = False
        gc.freeze()
        gc.enable()


def wait(pre: Prestage, progress: Callable[[int, int, str], None] | None = None,
         planned: Callable[[], None] | None = None):
    """(RunSummary, staging folder) of the prestaged parse, as stage_new returns them.
    `planned()` is called when the process says it has planned (it no longer reads the
    warehouse), while it parses on."""
    try:
        while True:
            try:
                msg = pre.conn.recv()
            except EOFError:
                pre.process.join(5)
                raise RuntimeError(f"the parse process ended without a result (exit code {pre.process.exitcode})"
                                   ) from None
            if msg[0] == "progress":
                if progress:
                    progress(*msg[1:])
            elif msg[0] == "planned":
                if planned:
                    planned()
                resume_collector()  # the loader is prepared: the bounded start is over
            elif msg[0] == "done":
                return msg[1], Path(msg[2])
            else:
                raise RuntimeError(f"the parse process failed:\n{msg[1]}")
    finally:
        resume_collector()
        pre.conn.close()
        pre.process.join(5)


def discard(pre: Prestage) -> None:
    """Stop a prestage nobody will take and remove what it staged."""
    if pre.process.is_alive():
        pre.process.kill()
    pre.process.join(5)
    pre.conn.close()
    shutil.rmtree(pre.root, ignore_errors=True)


def discard_all() -> None:
    while _started:
        discard(_started.popitem()[1])
