"""Dagster's SQLite storage with cheaper event writes, for the runs `bpw run` records.

Same files, same tables, same rows as Dagster's own `DagsterSqliteStorage` (`dagster dev` reads
them with its own classes); only how they are written differs. Dagster's
`SqliteEventLogStorage` builds a new SQLAlchemy engine for every write (a new dialect set-up,
and no statement cache), and asks SQLite whether the asset-check table exists before each
asset-check event. A `bpw run` writes ~180 events (a start, outputs and success per step, a
planned and an evaluated event for each of the 39 asset checks): ~1.5 s of CPU on one core,
~0.5 s of it the 50 planned events Dagster writes before the first step. Here:

- one engine per database file for the life of the storage, whose connections are kept
  (SQLAlchemy's default pool for a SQLite file) instead of opened and closed for every
  write. The files are in WAL mode: closing the last connection checkpoints the WAL into the
  database and deletes it, so a connection per write cost every event a checkpoint — three
  more fsyncs (WAL, database, folder) and two unlinks — ~1 100 fsyncs and ~2.3 s of wall per
  `bpw run` on a 171-page PDF, none of it CPU. Each commit still syncs the WAL (SQLite's
  default `synchronous=FULL`), so an event is as durable as before; the WAL is checkpointed
  when it grows (SQLite's autocheckpoint) and when the storage is disposed (`bpw run`
  disposes the instance at its end);
- a table, once seen, is known to exist;
- `store_event_batch` — Dagster's batch writing, on when `DAGSTER_EVENT_BATCH_SIZE` > 0 (`bpw
  run` sets it) — writes a batch (the planned events of a run) in one transaction per database
  file instead of several per event. A batch that fails is rolled back, and Dagster then writes
  its events one by one;
- `grouped` (`events_grouped(instance)`): the events stored inside a block in one transaction
  per file, committed when the block ends. bpw's multi-asset checks yield their results inside
  one (each result is an output and an evaluation event, the evaluation written to the run's
  file and the index: ~140 commits for the ~45 checks, now two).

Measured on a 171-page PDF's run: the event writes 1.5 → 0.75 s of CPU, the planned events
0.55 → 0.12 s (docs/scaling.md).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from dagster._core.storage.event_log.sqlite import sqlite_event_log as _sqlite
from dagster._core.storage.sqlite_storage import DagsterSqliteStorage, _event_logs_directory
from sqlalchemy.engine import Connection, Engine


class BpwSqliteEventLogStorage(_sqlite.SqliteEventLogStorage):
    """`SqliteEventLogStorage` keeping one engine per shard, with batched writes."""

    def __init__(self, base_dir: str, inst_data: Any = None):
        self._engines: dict[str, Engine] = {}
        self._tables: set[str] = set()
        self._batch: dict[str, Connection] | None = None
        super().__init__(base_dir, inst_data=inst_data)

    def _engine(self, shard: str) -> Engine:
        engine = self._engines.get(shard)
        if engine is None:
            # The default pool (QueuePool): connections kept, one per thread at a time.
            engine = self._engines[shard] = _sqlite.create_engine(
                self.conn_string_for_shard(shard),
                connect_args={"timeout": _sqlite.SQLITE_BUSY_TIMEOUT_SECONDS})
        return engine

    @contextmanager
    def _connect(self, shard: str) -> Iterator[Connection]:
        if self._batch is not None and shard in self._batch:
            yield self._batch[shard]  # inside store_event_batch: its transaction on this shard
            return
        with self._db_lock:
            engine = self._engine(shard)
            if shard not in self._initialized_dbs:
                self._initdb(engine)
                self._initialized_dbs.add(shard)
            if self._batch is not None:
                conn = engine.connect()
                conn.begin()
                self._batch[shard] = conn
                yield conn
                return
            with engine.connect() as conn, conn.begin():
                yield conn

    def has_table(self, table_name: str) -> bool:
        if table_name in self._tables:
            return True
        with self._engine(_sqlite.INDEX_SHARD_NAME).connect() as conn:
            found = bool(conn.dialect.has_table(conn, table_name))
        if found:
            self._tables.add(table_name)
        return found

    def store_event(self, event: Any) -> None:
        # One transaction per database file for the event, not one per table written (an
        # asset check's evaluation was three commits, two of them on the index file).
        if self._batch is None:
            self.store_event_batch([event])
        else:
            super().store_event(event)

    def store_event_batch(self, events: Sequence[Any]) -> None:
        if self._batch is not None:  # not re-entrant: inside the open batch
            for event in events:
                super().store_event(event)
            return
        self._batch = {}
        try:
            for event in events:
                super().store_event(event)
            for conn in self._batch.values():
                conn.commit()
        except BaseException:
            for conn in self._batch.values():
                conn.rollback()
            raise
        finally:
            conns, self._batch = self._batch, None
            for conn in conns.values():
                conn.close()

    @contextmanager
    def grouped(self) -> Iterator[None]:
        """Events stored inside the block are written in one transaction per database file,
        committed when the block ends — also when it ends by an exception: every event stored
        until then is kept, as if each had been committed on its own (an event whose write
        failed raised at its own store, and SQLite undid that statement only)."""
        if self._batch is not None:  # inside a batch already: its transaction
            yield
            return
        self._batch = {}
        try:
            yield
        finally:
            conns, self._batch = self._batch, None
            try:
                for conn in conns.values():
                    conn.commit()
            finally:
                for conn in conns.values():
                    conn.close()

    def dispose(self) -> None:
        super().dispose()
        for engine in self._engines.values():
            engine.dispose()
        self._engines.clear()


class BpwSqliteStorage(DagsterSqliteStorage):
    """`DagsterSqliteStorage` (the `storage: sqlite:` of dagster.yaml, same folders) whose event
    log is `BpwSqliteEventLogStorage`."""

    def __init__(self, base_dir: str, inst_data: Any = None):
        super().__init__(base_dir, inst_data=inst_data)
        self._event_log_storage = BpwSqliteEventLogStorage(_event_logs_directory(base_dir))

    @classmethod
    def from_config_value(cls, inst_data: Any, config_value: Any) -> BpwSqliteStorage:
        return cls.from_local(inst_data=inst_data, **config_value)


@contextmanager
def events_grouped(instance: Any) -> Iterator[None]:
    """`BpwSqliteEventLogStorage.grouped` for an instance whose event log is this storage,
    nothing otherwise. A multi-asset check yields its results within milliseconds of one
    another: each is two events (its output and its evaluation, written to the run's file and
    the index), so ~45 identity checks were ~140 commits, each syncing a WAL (~0.6-1 s of wall
    per `bpw run` at a load of 3-4 on this box); in one transaction they are one per file."""
    storage = getattr(instance, "event_log_storage", None)
    if isinstance(storage, BpwSqliteEventLogStorage):
        with storage.grouped():
            yield
    else:
        yield
