"""`bpw run`'s Dagster instance writes its events through pipeline/defs/event_log.py (one engine
per SQLite file, one transaction per event and per batch): the files must hold what Dagster's
own storage writes, read back by Dagster's own classes (as `dagster dev` reads them)."""

from __future__ import annotations

from collections import Counter
from contextlib import contextmanager

import dagster as dg
import pytest
from dagster._core.instance.ref import InstanceRef

from pipeline.defs.event_log import BpwSqliteEventLogStorage, events_grouped
from pipeline.defs.instance import project_instance

CHECKS = ("holds", "fails", "warns")


@dg.asset
def numbers() -> list[int]:
    return [1, 2, 3]


@dg.multi_asset_check(specs=[dg.AssetCheckSpec(n, asset="numbers") for n in CHECKS])
def number_checks(numbers: list[int]):
    yield from _results(numbers)


def _results(numbers: list[int]):
    yield dg.AssetCheckResult(check_name="holds", passed=True, metadata={"n": len(numbers)})
    yield dg.AssetCheckResult(check_name="fails", passed=False, description="one of them")
    yield dg.AssetCheckResult(check_name="warns", passed=False, severity=dg.AssetCheckSeverity.WARN)


@dg.multi_asset_check(specs=[dg.AssetCheckSpec(n, asset="numbers") for n in CHECKS], name="number_checks")
def grouped_number_checks(context, numbers: list[int]):
    """number_checks with its results' events written in one transaction (as bpw's checks)."""
    with events_grouped(context.instance):
        yield from _results(numbers)


def _run(instance: dg.DagsterInstance, checks=number_checks) -> str:
    result = dg.materialize([numbers, checks], instance=instance)
    assert result.success
    return result.run_id


def _read(home) -> dict:
    """What Dagster's own classes read from a DAGSTER_HOME's files."""
    inst = dg.DagsterInstance.from_ref(InstanceRef.from_dir(str(home)))
    assert type(inst.event_log_storage) is not BpwSqliteEventLogStorage
    (run,) = inst.get_runs()
    events = inst.all_logs(run.run_id)
    keys = [dg.AssetCheckKey(dg.AssetKey("numbers"), n) for n in CHECKS]
    checks = inst.event_log_storage.get_latest_asset_check_execution_by_key(keys)
    mat = inst.get_latest_materialization_event(dg.AssetKey("numbers"))
    return {
        "status": run.status,
        "events": [e.dagster_event.event_type_value for e in events if e.dagster_event],
        "checks": {k.name: (str(v.status), v.run_id == run.run_id) for k, v in checks.items()},
        "materialized_in_run": mat is not None and mat.run_id == run.run_id,
        "asset_events": Counter(r.event_log_entry.dagster_event_type for r in inst.fetch_materializations(
            dg.AssetKey("numbers"), limit=10).records),
    }


@pytest.mark.parametrize("batch", ["0", "1000"])
def test_same_rows_as_dagsters_own_storage(tmp_path, monkeypatch, batch):
    monkeypatch.setenv("DAGSTER_EVENT_BATCH_SIZE", batch)
    plain, ours = tmp_path / "plain", tmp_path / "ours"
    plain.mkdir()
    _run(dg.DagsterInstance.from_ref(InstanceRef.from_dir(str(plain))))
    monkeypatch.setenv("DAGSTER_HOME", str(ours))
    inst = project_instance()
    assert isinstance(inst.event_log_storage, BpwSqliteEventLogStorage)
    _run(inst)
    a, b = _read(plain), _read(ours)
    assert a == b
    assert b["checks"] == {"holds": ("AssetCheckExecutionRecordStatus.SUCCEEDED", True),
                           "fails": ("AssetCheckExecutionRecordStatus.FAILED", True),
                           "warns": ("AssetCheckExecutionRecordStatus.FAILED", True)}


def test_check_results_grouped_in_one_transaction(tmp_path, monkeypatch):
    """The same rows as Dagster's own storage (where grouping does nothing), and the results'
    events committed together: one commit per file for the three evaluations and outputs."""
    monkeypatch.setenv("DAGSTER_EVENT_BATCH_SIZE", "1000")
    plain, ours = tmp_path / "plain", tmp_path / "ours"
    plain.mkdir()
    _run(dg.DagsterInstance.from_ref(InstanceRef.from_dir(str(plain))), grouped_number_checks)
    monkeypatch.setenv("DAGSTER_HOME", str(ours))
    inst = project_instance()
    storage = inst.event_log_storage
    commits: list[int] = []
    real = storage.grouped

    @contextmanager
    def counting():
        n = len(commits)
        with real():
            yield
        commits.append(n)

    monkeypatch.setattr(storage, "grouped", counting)
    _run(inst, grouped_number_checks)
    assert commits == [0]  # the step's block ran once, around all three results
    assert _read(plain) == _read(ours)


def test_a_grouped_block_keeps_what_it_stored_when_it_fails(tmp_path, monkeypatch):
    """As if each event had been committed on its own: an error after some events leaves them."""
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path))
    inst = project_instance()
    storage = inst.event_log_storage
    run_id = _run(inst)
    events = storage.get_logs_for_run(run_id)
    with pytest.raises(RuntimeError), storage.grouped():
        for e in events[:2]:
            storage.store_event(e)
        raise RuntimeError
    assert len(storage.get_logs_for_run(run_id)) == len(events) + 2


def test_a_failed_batch_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path))
    storage = project_instance().event_log_storage
    run_id = _run(project_instance())
    before = len(storage.get_logs_for_run(run_id))
    good = storage.get_logs_for_run(run_id)[:3]

    class Boom(Exception):
        pass

    def boom(event):
        raise Boom

    monkeypatch.setattr(storage, "prepare_insert_event",
                        lambda e, real=storage.prepare_insert_event: real(e) if e is not good[-1] else boom(e))
    with pytest.raises(Boom):
        storage.store_event_batch(good)
    assert len(storage.get_logs_for_run(run_id)) == before


def test_other_storages_are_left_alone(tmp_path, monkeypatch):
    (tmp_path / "dagster.yaml").write_text(
        "event_log_storage:\n  module: dagster._core.storage.event_log\n  class: SqliteEventLogStorage\n"
        f"  config:\n    base_dir: {tmp_path / 'events'}\n")
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path))
    assert type(project_instance().event_log_storage) is not BpwSqliteEventLogStorage


def test_connections_are_kept_and_closed_at_dispose(tmp_path, monkeypatch):
    """Every event used to open and close its own SQLite connection; closing the last
    connection of a WAL file checkpoints it (fsyncs of the WAL, the file and its folder, and
    two unlinks per event). The storage keeps its connections for the run: a handful of opens
    for the whole run, and no write-ahead log left behind once the instance is disposed."""
    import sqlite3.dbapi2

    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path))
    inst = project_instance()
    opened: list[str] = []
    real = sqlite3.dbapi2.connect  # what SQLAlchemy's pysqlite dialect calls

    def counting(database, *a, **k):
        opened.append(str(database))
        return real(database, *a, **k)

    monkeypatch.setattr(sqlite3.dbapi2, "connect", counting)
    run_id = _run(inst)
    events = [p for p in opened if "/history/runs/" in p]
    assert len(inst.event_log_storage.get_logs_for_run(run_id)) > 20
    assert len(events) <= 4, events  # the run's file and the index, one connection or so each
    inst.dispose()
    assert not list((tmp_path / "history" / "runs").glob("*-wal"))
    assert _read(tmp_path)["checks"]["holds"] == ("AssetCheckExecutionRecordStatus.SUCCEEDED", True)
