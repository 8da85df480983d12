"""The pipeline's steps as plain functions; Dagster assets and `bpw run` both call these.

scan → plan (skip unchanged files) → parse in isolated children → stage (Parquet) →
load with one writer → checks → views → reports.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from pipeline.extract.result import TABLES
from pipeline.ingest.errors import IngestError, bilingual
from pipeline.ingest.isolate import ChildFailed, run_isolated
from pipeline.ingest.process import FileTask, Outcome, failed_outcome, process_file
from pipeline.ingest.scan import scan
from pipeline.ingest.warmup import warm_up
from pipeline.settings import PARSER_VERSION, Settings
from pipeline.warehouse import write
from pipeline.warehouse.load import (
    Refusal,
    TableLoadError,
    column_types,
    first_unloadable,
    load_batch,
    schema_column_types,
    schema_fingerprint,
)
from pipeline.warehouse.schema import connect, init_schema

if TYPE_CHECKING:
    import pandas as pd

Progress = Callable[[int, int, str], None]


@dataclass
class Plan:
    to_parse: list[FileTask]
    unchanged: list[dict[str, Any]]  # document_files rows seen again, nothing to do
    missing: list[str]  # file names no longer in the input folder
    all_tasks: list[FileTask] = field(default_factory=list)


def plan(settings: Settings, con: duckdb.DuckDBPyConnection | None = None) -> Plan:
    tasks = scan(settings.raw_dir)
    known: dict[str, tuple] = {}
    if con is not None:
        rows = con.execute(
            """SELECT f.file_name, f.file_mtime, f.file_bytes, d.parser_version
               FROM document_files f JOIN documents d USING (document_id)"""
        ).fetchall()
        known = {r[0]: r[1:] for r in rows}
    to_parse, unchanged = [], []
    for t in tasks:
        k = known.get(t.rel)
        if t.error is None and k and k[0] == t.mtime and k[1] == t.size and k[2] == PARSER_VERSION:
            unchanged.append({"file_name": t.rel})
        else:
            to_parse.append(t)
    present = {t.rel for t in tasks}
    missing = [f for f in known if f not in present]
    return Plan(to_parse, unchanged, missing, tasks)


def parse(tasks: list[FileTask], settings: Settings, progress: Progress | None = None) -> list[Outcome]:
    outcomes: list[Outcome] = []
    work = partial(parse_and_check, settings=settings)
    schema_column_types()  # built once here, inherited by every forked child
    if settings.workers > 0 and len(tasks) > 1:
        warm_up()  # each forked child then starts with the parsers' lazy state loaded
    # Always in a child process (even for one file): only a child can be stopped when a
    # parser hangs. BPW_WORKERS=0 runs in-process, for debugging.
    workers = min(settings.workers, len(tasks)) if settings.workers > 0 else 0
    # Cores the documents leave idle go to the pages of large PDFs: one 170-page report alone
    # is read by all cores, a full batch by one process per document.
    settings = replace(settings, page_workers=max(1, settings.page_workers // max(1, workers)))
    for i, (task, result) in enumerate(
        run_isolated(work, tasks, workers=workers, timeout_s=settings.parse_timeout_s), start=1
    ):
        if isinstance(result, Outcome):
            out = result
        elif isinstance(result, ChildFailed):
            code = "PARSE_TIMEOUT" if result.kind == "timeout" else "PARSER_CRASH"
            out = failed_outcome(task, IngestError.with_detail(code, result.detail))
        elif isinstance(result, MemoryError):
            out = failed_outcome(task, IngestError.with_detail("PARSER_CRASH", "it ran out of memory"))
        else:
            out = failed_outcome(
                task, IngestError.with_detail("PARSER_CRASH", f"unexpected {type(result).__name__}: {result}")
            )
        outcomes.append(out)
        if progress:
            progress(i, len(tasks), task.rel)
    outcomes.sort(key=lambda o: o.document["file_name"])
    return outcomes


def stage(outcomes: list[Outcome], staging_dir: Path, name: str | None = None) -> Path:
    """Write one Parquet file per table for this batch (for inspection and other engines)."""
    import pandas as pd

    batch = staging_dir / (name or f"batch-{datetime.now():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}")
    batch.mkdir(parents=True, exist_ok=True)
    frames = to_frames(outcomes)
    for name, df in frames.items():
        if not df.empty:
            df.astype(object).where(pd.notna(df), None).to_parquet(batch / f"{name}.parquet", index=False)
    return batch


def to_frames(outcomes: list[Outcome]) -> dict[str, pd.DataFrame]:
    import pandas as pd

    rows: dict[str, list[dict]] = {t: [] for t in ("documents", "document_files", "blocks", "cells", *TABLES)}
    for o in outcomes:
        rows["documents"].append(o.document)
        rows["blocks"].extend(o.blocks)
        rows["cells"].extend(o.cells)
        if o.extraction is not None and o.document["status"] in ("loaded", "partial"):
            for t in TABLES:
                rows[t].extend(getattr(o.extraction, t))
    frames = {k: pd.DataFrame(v) for k, v in rows.items()}
    for name in ("fact_budgets", "fact_executions", "fact_scores", "fact_indicators", "reports"):
        df = frames[name]
        for c in df.columns:
            if c.endswith("_yuan") or c in ("score", "weight", "score_total", "reported_rate_pct"):
                df[c] = df[c].map(lambda v: None if v is None or (isinstance(v, float) and v != v) else str(v))
    return frames


def dedupe(outcomes: list[Outcome], con: duckdb.DuckDBPyConnection) -> None:
    """Same bytes under two names, or the same report in two formats: load it once."""
    # Only documents still present count as a first copy: a file that left the folder
    # keeps its history but does not shadow the same report arriving again.
    by_id: dict[str, str] = dict(
        con.execute(
            """SELECT d.document_id, min(f.file_name) FROM documents d JOIN document_files f USING (document_id)
               WHERE d.status IN ('loaded','partial') AND NOT f.missing GROUP BY ALL"""
        ).fetchall()
    )
    by_fp: dict[str, str] = dict(
        con.execute(
            """SELECT fp.fingerprint, fp.document_id FROM document_fingerprints fp
               WHERE fp.document_id IN (SELECT document_id FROM document_files WHERE NOT missing)"""
        ).fetchall()
    )
    names = {v: k for k, v in by_id.items()}
    # Any file still present, whatever its status: identical bytes under two names must not
    # share a document_id (the key), or one row would replace the other / the load would fail.
    taken: dict[str, str] = dict(
        con.execute("SELECT document_id, min(file_name) FROM document_files WHERE NOT missing GROUP BY ALL").fetchall()
    )
    for o in outcomes:
        d = o.document
        if d["status"] not in ("loaded", "partial"):
            first = taken.setdefault(d["document_id"], d["file_name"])
            if first != d["file_name"]:
                _same_bytes_as(o, first)
            continue
        did, name = d["document_id"], d["file_name"]
        if did in by_id and by_id[did] != name:
            _mark_duplicate(o, did, by_id[did])
            continue
        by_id[did] = name
        names[name] = did
        if o.fingerprint:
            other = by_fp.get(o.fingerprint)
            if other and other != did:
                _mark_duplicate(o, other, None)
                continue
            by_fp[o.fingerprint] = did


def _same_bytes_as(o: Outcome, first_name: str) -> None:
    """A failed or not-a-report file whose bytes another file already has: keep its own
    status and error (it was not loaded either), under a row id of its own."""
    import hashlib

    d = o.document
    d["duplicate_of"] = d["document_id"]
    d["document_id"] = "dup:" + hashlib.sha256(d["file_name"].encode()).hexdigest()
    d["error_message"] = f"{d['error_message']} （相同内容的文件：'{first_name}'。The same bytes are also in '{first_name}'.）"
    o.extraction = None
    o.blocks, o.cells = [], []


def _mark_duplicate(o: Outcome, first_id: str, first_name: str | None) -> None:
    o.document.update(
        status="duplicate",
        error_code="DUPLICATE",
        error_message=(
            bilingual("DUPLICATE", f"The same report was already loaded from '{first_name}'.",
                      f"同一份报告已从 '{first_name}' 入库。") if first_name
            else bilingual("DUPLICATE", "The same report (same unit, year and figures) was already loaded "
                           "from another file; see duplicate_of.",
                           "同一份报告（单位、年度和数字相同）已从另一个文件入库，见 duplicate_of。")
        ),
        duplicate_of=first_id,
    )
    if o.document["document_id"] == first_id:
        # Identical bytes under another name: keep a distinct row id for this path.
        import hashlib

        o.document["document_id"] = "dup:" + hashlib.sha256(o.document["file_name"].encode()).hexdigest()
    o.extraction = None
    o.blocks, o.cells = [], []


def _document_tables(o: Outcome) -> dict[str, list[dict[str, Any]]]:
    """Every row this outcome would load, by table (what to_frames takes from it)."""
    tables: dict[str, list[dict[str, Any]]] = {"documents": [o.document], "blocks": o.blocks, "cells": o.cells}
    if o.extraction is not None and o.document["status"] in ("loaded", "partial"):
        tables |= {t: getattr(o.extraction, t) for t in TABLES}
    return tables


def _refuse(o: Outcome, english: str, chinese: str) -> None:
    """The document is kept as one `failed` row saying why; none of its other rows loads."""
    o.document.update(status="failed", error_code="LOAD_ERROR",
                      error_message=bilingual("LOAD_ERROR", english, chinese))
    o.extraction = None
    o.blocks, o.cells = [], []
    o.fingerprint = None


def _clean_text(v: Any) -> Any:
    # A lone surrogate cannot be stored; the documents row must load whatever happened.
    if isinstance(v, str):
        return v.encode("utf-8", "replace").decode("utf-8")
    if isinstance(v, float) and v != v:
        return None
    return v


def parse_and_check(task: FileTask, settings: Settings) -> Outcome:
    """What a parser child does: parse one file, then check its values against sql/schema's
    columns (check_loadable), so the single writer need not (it took ~0.15 s of the writer's
    time on a 163-page budget; at a country's volume the writer is the bottleneck)."""
    o = process_file(task, settings)
    fp, types = schema_column_types()
    check_loadable(o, types, fp)
    return o


def check_loadable(o: Outcome, types: dict, schema_fp: str | None = None) -> Refusal | None:
    """Every value of one document against its column: a document with a value its column
    cannot hold becomes a `failed` row saying why (LOAD_ERROR), alone."""
    o.document.update({k: _clean_text(v) for k, v in o.document.items()})
    r = first_unloadable(types, _document_tables(o))
    if r is not None:
        _refuse(o, r.english(), r.chinese())
    o.checked_schema = schema_fp
    return r


def refuse_unloadable(con: duckdb.DuckDBPyConnection, outcomes: list[Outcome]) -> list[Refusal]:
    """Check every value of every document against its column before the batch is inserted
    — unless its parser child already did against the same sql/schema."""
    # The fingerprint alone: building the column types (~0.14 s, an in-memory database of
    # sql/schema) is only needed when a document was not checked by its parser child.
    fp = schema_fingerprint()
    todo = [o for o in outcomes if o.checked_schema != fp]
    if not todo:
        return []
    types = column_types(con)
    return [r for o in todo if (r := check_loadable(o, types, None)) is not None]


def _files(outcomes: list[Outcome], tasks: list[FileTask]) -> list[dict[str, Any]]:
    by_rel = {t.rel: t for t in tasks}
    now = datetime.now()
    files = []
    for o in outcomes:
        t = by_rel.get(o.document["file_name"])
        files.append(
            {"file_name": o.document["file_name"], "document_id": o.document["document_id"],
             "file_mtime": t.mtime if t else None, "file_bytes": t.size if t else None,
             "first_seen": now, "last_seen": now, "missing": False}
        )
    return files


def _load_outcomes(con: duckdb.DuckDBPyConnection, outcomes: list[Outcome], tasks: list[FileTask]) -> dict[str, int]:
    frames = to_frames(outcomes)
    docs = frames.pop("documents").to_dict("records")
    frames.pop("document_files", None)
    return load_batch(con, docs, frames, _files(outcomes, tasks))


def load(
    con: duckdb.DuckDBPyConnection, outcomes: list[Outcome], tasks: list[FileTask], checked: bool = False
) -> dict[str, int]:
    """Load a batch in one transaction. Values no column can hold are refused per document
    beforehand (`checked`: the caller already did); should the batch still fail (a key another
    document already holds, …), it is rolled back and loaded one document per transaction, so
    only the offending documents fail."""
    if not checked:
        refuse_unloadable(con, outcomes)
    try:
        counts = _load_outcomes(con, outcomes, tasks)
    except duckdb.Error:
        counts = {}
        for o in outcomes:
            try:
                one = _load_outcomes(con, [o], tasks)
            except duckdb.Error as e:
                table = e.table if isinstance(e, TableLoadError) else "?"
                detail = str(e.__cause__ or e).splitlines()[0][:300]
                _refuse(o, f"Table {table}: the warehouse refused this document's rows ({detail}); none of "
                        "them was loaded. Report the file; every other document was loaded.",
                        f"无法入库：数据仓库拒绝了该文件在表 {table} 中的数据（{detail}），该文件的数据均未入库。"
                        "请报告该文件；其他文件均已入库。")
                one = _load_outcomes(con, [o], tasks)  # its documents row alone
            for k, v in one.items():
                counts[k] = counts.get(k, 0) + v
    extend_classification(con)
    write.record_fingerprints(con, [
        {"document_id": o.document["document_id"], "fingerprint": o.fingerprint}
        for o in outcomes if o.fingerprint and o.document["status"] in ("loaded", "partial")])
    return counts


# The writes themselves live in pipeline/warehouse/write.py (the one writer); these names stay
# for the callers that use them.
extend_classification = write.extend_classification
flag_missing = write.flag_missing


def purge_missing(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Remove, on purpose, every document whose files have all left the input folder."""
    gone = [r[0] for r in con.execute(
        "SELECT document_id FROM documents WHERE missing_since IS NOT NULL ORDER BY document_id"
    ).fetchall()]
    write.purge_documents(con, gone)
    return gone


class WarehouseBusy(RuntimeError):
    """Another process holds the warehouse's write lock for longer than we wait."""


def open_writer(settings: Settings, wait_s: float | None = None) -> duckdb.DuckDBPyConnection:
    """The single writer. When another process (a second `bpw run`, a Dagster run, an open
    `bpw query`) holds the file, wait for it (BPW_LOCK_WAIT seconds, default 600), then
    give up with a plain-words WarehouseBusy."""
    import os
    import time

    if wait_s is None:
        try:
            wait_s = float(os.environ.get("BPW_LOCK_WAIT", 600))
        except ValueError:
            wait_s = 600.0
    deadline = time.monotonic() + wait_s
    delay = 0.1
    while True:
        try:
            con = connect(settings.warehouse)
            break
        except duckdb.IOException as e:
            if "lock" not in str(e).lower():
                raise
            if time.monotonic() >= deadline:
                raise WarehouseBusy(
                    f"The warehouse {settings.warehouse} is locked by another process (another `bpw run`, "
                    f"a Dagster run or an open query) and stayed locked for {wait_s:.0f} s. Wait for it to "
                    "finish and run again, or raise BPW_LOCK_WAIT."
                ) from None
            if delay == 0.1:  # say it once, in plain words
                import sys

                print(f"The warehouse {settings.warehouse} is being written by another process; "
                      f"waiting for it to finish (up to {wait_s:.0f} s)…", file=sys.stderr, flush=True)
            time.sleep(delay)
            delay = min(delay * 2, 2.0)
    init_schema(con)
    return con


def new_run_id() -> str:
    return f"{datetime.now():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"


__all__ = ["Outcome", "Plan", "plan", "parse", "stage", "dedupe", "load", "flag_missing", "open_writer", "new_run_id", "PARSER_VERSION"]
