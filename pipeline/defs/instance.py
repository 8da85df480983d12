"""The project's Dagster instance (DAGSTER_HOME, default the repository root), so `bpw run`
records its runs where `dagster dev` shows them.

dagster.yaml names its folders relative to the repository (`.dagster_home/…`), and Dagster
resolves such paths against the current directory: `bpw run` started elsewhere would write a
second history. The paths are resolved against DAGSTER_HOME here instead.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import Any

import dagster as dg
import yaml

from pipeline.settings import REPO_ROOT

# Tag on runs `bpw run` starts: the process id, so a run killed with it can be closed later.
PID_TAG = "bpw/pid"


def dagster_home() -> Path:
    return Path(os.environ.get("DAGSTER_HOME") or REPO_ROOT).resolve()


def _absolute(node: Any, home: Path) -> Any:
    if isinstance(node, dict):
        return {k: (str(home / v) if k == "base_dir" and isinstance(v, str) and not os.path.isabs(v)
                    else _absolute(v, home)) for k, v in node.items()}
    if isinstance(node, list):
        return [_absolute(v, home) for v in node]
    return node


def project_instance() -> dg.DagsterInstance:
    """The instance of DAGSTER_HOME (the repository root when unset), folders made absolute."""
    from dagster._core.instance.ref import InstanceRef  # public API has no path overrides

    home = dagster_home()
    home.mkdir(parents=True, exist_ok=True)
    config_file = home / "dagster.yaml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8")) if config_file.exists() else {}
    overrides = {k: v for k, v in _absolute(config or {}, home).items() if k in (
        "storage", "local_artifact_storage", "compute_logs")}
    if not {"run_storage", "event_log_storage", "schedule_storage"} & set(config or {}):
        overrides["storage"] = _storage(overrides.get("storage"), home)
    # Two `bpw run`s started together on a fresh home would both create the SQLite tables
    # ("table secondary_indexes already exists"): the storages are opened under a file lock.
    lock_dir = home / ".dagster_home"
    lock_dir.mkdir(parents=True, exist_ok=True)
    with open(lock_dir / "instance.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            instance = dg.DagsterInstance.from_ref(InstanceRef.from_dir(str(home), overrides=overrides))
            # Each storage creates its tables when first opened: open them all inside the lock.
            opened = (instance.run_storage, instance.event_log_storage, instance.schedule_storage)
            del opened
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return instance


def _storage(storage: Any, home: Path) -> Any:
    """Dagster's SQLite storage (configured or, with none configured, its default under
    DAGSTER_HOME itself) written through `BpwSqliteStorage`: the same files, cheaper event
    writes (pipeline/defs/event_log.py). Any other storage (postgres, custom) is kept."""
    if storage and set(storage) != {"sqlite"}:
        return storage
    base = (storage or {}).get("sqlite", {}).get("base_dir") or str(home)
    return {"custom": {"module": "pipeline.defs.event_log", "class": "BpwSqliteStorage",
                       "config": {"base_dir": base}}}


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def close_dead_runs(instance: dg.DagsterInstance) -> list[str]:
    """Runs a `bpw run` started whose process is gone (killed, machine restarted) are marked
    failed and give back their `duckdb_writer` pool slot; otherwise the next run would wait
    for that slot forever."""
    closed = []
    runs = instance.get_runs(filters=dg.RunsFilter(
        statuses=[dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.NOT_STARTED],
        tags={"bpw/command": "run"}))
    for run in runs:
        try:
            pid = int(run.tags.get(PID_TAG, ""))
        except ValueError:
            continue
        if pid == os.getpid() or _alive(pid):
            continue
        instance.report_run_failed(run, "The `bpw run` process that ran this was stopped (killed or crashed).")
        closed.append(run.run_id)
    for run_id in closed:
        instance.event_log_storage.free_concurrency_slots_for_run(run_id)
    return closed
