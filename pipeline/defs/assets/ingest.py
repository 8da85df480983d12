import dagster as dg

from pipeline.defs.partitions import documents_partitions
from pipeline.defs.resources import BpwSettings
from pipeline.pipeline_run import load_staged, reload_document, stage_new
from pipeline.progress import report as hook


@dg.asset(group_name="ingest", description="Scan the input folder, parse new or changed documents in isolated processes, stage the results.")
def staged_documents(context: dg.AssetExecutionContext, bpw: BpwSettings) -> str:
    def progress(i: int, n: int, name: str) -> None:
        hook(i, n, name)
        if i == n or i % 25 == 0:
            context.log.info(f"parsed {i}/{n}: {name}")

    summary, batch = stage_new(bpw.settings(), progress, run_id=context.run_id[:8])
    context.add_output_metadata(
        {"files_seen": summary.files_seen, "parsed": summary.parsed, "unchanged": summary.unchanged,
         "batch": str(batch)}
    )
    return str(batch)


@dg.asset(group_name="ingest", pool="duckdb_writer",
          description="Load the staged batch into DuckDB: documents, blocks, reports, projects and facts (one writer).")
def warehouse_tables(context: dg.AssetExecutionContext, bpw: BpwSettings, staged_documents: str) -> dict:
    from pathlib import Path

    summary = load_staged(bpw.settings(), Path(staged_documents))
    _record_documents(context, summary.loaded_documents)
    context.add_output_metadata(
        {f"documents_{k}": v for k, v in summary.statuses.items()}
        | {f"rows_{k}": v for k, v in summary.counts.items()}
    )
    # Files this run read but did not load, named in the run summary with their code.
    not_loaded = sorted((d["file_name"], d["status"], d["error_code"] or "") for d in summary.loaded_documents
                        if d["status"] not in ("loaded", "duplicate"))
    return {"run_id": summary.run_id, "statuses": summary.statuses, "counts": summary.counts,
            "files_seen": summary.files_seen, "parsed": summary.parsed, "unchanged": summary.unchanged,
            "not_loaded": not_loaded}


def _record_documents(context: dg.AssetExecutionContext, docs: list[dict]) -> None:
    """Register each loaded document as a partition of `document` and record its state."""
    if not docs:
        return
    keys = [d["document_id"] for d in docs]
    context.instance.add_dynamic_partitions(documents_partitions.name, keys)
    for d in docs:
        context.log_event(
            dg.AssetMaterialization(
                asset_key="document",
                partition=d["document_id"],
                metadata={"file_name": d["file_name"], "status": d["status"],
                          "error_code": d["error_code"] or "", "facts": d.get("facts", 0)},
            )
        )


@dg.asset(group_name="ingest", partitions_def=documents_partitions, pool="duckdb_writer",
          description="One document (by content hash): materialize a partition to re-parse and reload just it.")
def document(context: dg.AssetExecutionContext, bpw: BpwSettings) -> None:
    s = bpw.settings()
    summary = reload_document(s, context.partition_key)
    context.add_output_metadata({"files": summary.parsed, "statuses": str(summary.statuses)})
