import time

import dagster as dg

from pipeline import prestage
from pipeline.defs.metadata import table_schema
from pipeline.defs.partitions import documents_partitions, is_legacy_key, partition_key
from pipeline.defs.resources import BpwSettings
from pipeline.pipeline_run import load_staged, reload_document, reload_files, stage_new
from pipeline.progress import report as hook

# Document statuses shown as a failed partition: the file could not be read or loaded.
# (not_a_report and duplicate are decisions about a file that was read, not failures.)
FAILED_STATUSES = ("failed",)


@dg.asset(group_name="ingest", kinds={"python"},
          description="Scan the input folder, parse new or changed documents in isolated processes, stage the results.")
def staged_documents(context: dg.AssetExecutionContext, bpw: BpwSettings) -> str:
    def progress(i: int, n: int, name: str) -> None:
        hook(i, n, name)
        if i == n or i % 25 == 0:
            context.log.info(f"parsed {i}/{n}: {name}")

    settings, run = bpw.settings(), context.run_id[:8]
    # `bpw run` starts this very parse before Dagster is loaded (pipeline/prestage.py).
    pre = prestage.take(run, settings)
    meta = {}
    if pre is not None:
        meta["parse_started_before_step_s"] = round(time.monotonic() - pre.started, 2)
        summary, batch = prestage.wait(pre, progress, planned=lambda: _prepare_loader(settings))
    else:
        summary, batch = stage_new(settings, progress, run_id=run)
    context.add_output_metadata(
        {"files_seen": summary.files_seen, "parsed": summary.parsed, "unchanged": summary.unchanged,
         "batch": str(batch), "dagster/row_count": summary.parsed} | meta
    )
    return str(batch)


def _prepare_loader(settings) -> None:
    """What the load step would do first, done while the prestaged parse runs on: import
    pandas (the loader's DataFrames, ~0.3 s; the parse does not import it) and create the
    warehouse's tables and vocabulary when they are not current (a new warehouse: ~0.1-0.2 s
    of CPU and a commit per DDL file)."""
    import pandas  # noqa: F401

    from pipeline.pipeline_run import prepare_warehouse

    prepare_warehouse(settings)


@dg.asset(group_name="ingest", pool="duckdb_writer", kinds={"duckdb", "python"},
          metadata={"dagster/column_schema": table_schema("documents"), "dagster/table_name": "documents"},
          description="Load the staged batch into DuckDB: documents, blocks, reports, projects and facts (one writer). "
                      "One row per input file in `documents`; failed files are failed partitions of `document`.")
def warehouse_tables(context: dg.AssetExecutionContext, bpw: BpwSettings, staged_documents: str) -> dict:
    from pathlib import Path

    summary = load_staged(bpw.settings(), Path(staged_documents))
    record_documents(context, summary.loaded_documents)
    context.add_output_metadata(
        {"dagster/row_count": sum(summary.statuses.values())}
        | {f"documents_{k}": v for k, v in summary.statuses.items()}
        | {f"rows_{k}": v for k, v in summary.counts.items()}
    )
    # Files this run read but did not load, named in the run summary with their code.
    not_loaded = sorted((d["file_name"], d["status"], d["error_code"] or "") for d in summary.loaded_documents
                        if d["status"] not in ("loaded", "duplicate"))
    return {"run_id": summary.run_id, "statuses": summary.statuses, "counts": summary.counts,
            "files_seen": summary.files_seen, "parsed": summary.parsed, "unchanged": summary.unchanged,
            "not_loaded": not_loaded}


def _doc_metadata(d: dict) -> dict:
    return {"file_name": d["file_name"], "status": d["status"], "error_code": d["error_code"] or "",
            "error_message": d.get("error_message") or "", "document_id": d["document_id"],
            "dagster/row_count": d.get("facts", 0)}


def record_documents(context: dg.AssetExecutionContext, docs: list[dict]) -> None:
    """Register each file read as a partition of `document` (keyed by its path) and record its
    state: a materialization for a file read, a failed partition for a file that failed."""
    if not docs:
        return
    instance = context.instance
    keys = {partition_key(d["file_name"]): d for d in docs}
    existing = set(instance.get_dynamic_partitions(documents_partitions.name))
    # Earlier releases keyed partitions by content hash: drop those, the paths replace them.
    for old in sorted(k for k in existing if is_legacy_key(k)):
        instance.delete_dynamic_partition(documents_partitions.name, old)
    instance.add_dynamic_partitions(documents_partitions.name, [k for k in keys if k not in existing])
    failed = []
    for key, d in keys.items():
        if d["status"] in FAILED_STATUSES:
            failed.append((key, d))
            continue
        context.log_event(dg.AssetMaterialization(
            asset_key="document", partition=key, metadata=_doc_metadata(d),
            description=f"{d['status']}: {d['file_name']}"))
    if failed:
        record_failed_documents(instance, failed, parent_run_id=context.run_id)


@dg.op(config_schema={"documents": dg.Field(list, description="[{key, metadata}] of the files that failed")},
       description="Marks the files of a run that failed to load as failed partitions of `document`.")
def report_failed_documents(context: dg.OpExecutionContext) -> None:
    # Not in Dagster's public API: the events a failed partition is made of.
    from dagster._core.definitions.events import (
        AssetMaterializationFailure,
        AssetMaterializationFailureReason,
        AssetMaterializationFailureType,
    )
    from dagster._core.events import AssetMaterializationPlannedData, DagsterEvent

    docs = context.op_config["documents"]
    key = dg.AssetKey("document")
    for d in docs:
        # Dagster shows a partition as failed when a failed run planned it and did not
        # materialize it: plan each failed file in this run, then fail the run saying why.
        context.instance.report_dagster_event(
            DagsterEvent.build_asset_materialization_planned_event(
                context.job_name, context.op_handle.name, AssetMaterializationPlannedData(key, partition=d["key"])),
            run_id=context.run_id)
        context.instance.report_dagster_event(
            DagsterEvent.build_asset_failed_to_materialize_event(
                context.job_name, context.op_handle.name,
                AssetMaterializationFailure(
                    asset_key=key, partition=d["key"], metadata=d["metadata"],
                    description=d["metadata"].get("error_message") or None,
                    failure_type=AssetMaterializationFailureType.FAILED,
                    reason=AssetMaterializationFailureReason.FAILED_TO_MATERIALIZE)),
            run_id=context.run_id)
    lines = "\n".join(f"- {d['key']}: {d['metadata'].get('error_code', '')}" for d in docs)
    raise dg.Failure(description=f"{len(docs)} 个文件未能入库 / file(s) failed to load:\n{lines}",
                     allow_retries=False)


@dg.job(description="Records the files a run could not load as failed partitions of `document` "
                    "(started by the run that read them; it fails on purpose).")
def failed_documents_job() -> None:
    report_failed_documents()


def record_failed_documents(instance: dg.DagsterInstance, failed: list[tuple[str, dict]], parent_run_id: str) -> None:
    failed_documents_job.execute_in_process(
        instance=instance, raise_on_error=False,
        run_config={"ops": {"report_failed_documents": {"config": {"documents": [
            {"key": k, "metadata": {m: v for m, v in _doc_metadata(d).items() if not m.startswith("dagster/")}}
            for k, d in failed]}}},
            "loggers": {"console": {"config": {"log_level": "CRITICAL"}}}},
        tags={"bpw/parent_run": parent_run_id, "bpw/kind": "failed_documents"},
    )


@dg.asset(group_name="ingest", partitions_def=documents_partitions, pool="duckdb_writer", kinds={"duckdb", "python"},
          description="One input file (keyed by its path in the input folder): materialize a partition to re-parse "
                      "and reload just that file. A failed partition is a file that could not be loaded.")
def document(context: dg.AssetExecutionContext, bpw: BpwSettings) -> None:
    s = bpw.settings()
    key = context.partition_key
    if is_legacy_key(key):
        summary = reload_document(s, key)
    else:
        from pipeline.ingest.scan import scan

        names = {t.rel for t in scan(s.raw_dir) if partition_key(t.rel) == key}
        if not names:
            raise dg.Failure(description=f"'{key}' is no longer in the input folder {s.raw_dir}.")
        summary = reload_files(s, names)
    docs = summary.loaded_documents
    meta = _doc_metadata(docs[0]) if len(docs) == 1 else {}
    context.add_output_metadata(meta | {"files": summary.parsed, "statuses": str(summary.statuses)})
    bad = [d for d in docs if d["status"] in FAILED_STATUSES]
    if bad:
        raise dg.Failure(description=bad[0].get("error_message") or bad[0]["status"], metadata=_doc_metadata(bad[0]))


# The name the distributed job (pipeline/defs/distributed.py) imports.
_record_documents = record_documents
