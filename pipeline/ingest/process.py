"""One file → its `documents` row, parsed blocks and extracted facts (runs in a child)."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from pipeline.extract import extract
from pipeline.extract.result import Extraction
from pipeline.ingest.errors import IngestError
from pipeline.ingest.read import read_document
from pipeline.model import Document, Paragraph, Table
from pipeline.readers.detect import detect_format
from pipeline.settings import PARSER_VERSION, Settings


@dataclass
class FileTask:
    path: Path  # absolute
    rel: str  # relative to the input folder, as stored in documents.file_name
    size: int = 0
    mtime: float = 0.0
    error: IngestError | None = None  # set when the scanner already refused the file


@dataclass
class Outcome:
    document: dict[str, Any]
    blocks: list[dict[str, Any]] = field(default_factory=list)
    cells: list[dict[str, Any]] = field(default_factory=list)
    extraction: Extraction | None = None
    fingerprint: str | None = None
    # The sql/schema fingerprint its values were checked against in the parser child
    # (runner.check_loadable); the loader checks again only when its schema differs.
    checked_schema: str | None = None


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def document_row(task: FileTask, document_id: str, fmt: str | None, size: int) -> dict[str, Any]:
    return {
        "document_id": document_id,
        "file_name": task.rel,
        "file_format": fmt,
        "file_bytes": size,
        "page_count": None,
        "status": "loaded",
        "error_code": None,
        "error_message": None,
        "duplicate_of": None,
        "parser_version": PARSER_VERSION,
        "ingested_at": datetime.now(),
        "missing_since": None,
        "parse_seconds": None,
    }


def failed_outcome(task: FileTask, err: IngestError, document_id: str | None = None) -> Outcome:
    # A file we could not even hash still needs a stable id: hash its path instead.
    did = document_id or "path:" + hashlib.sha256(task.rel.encode()).hexdigest()
    row = document_row(task, did, None, task.size)
    row.update(
        status="not_a_report" if err.code == "NOT_A_REPORT" else "failed",
        error_code=err.code,
        error_message=err.message,
    )
    return Outcome(document=row)


def _model_rows(doc: Document, document_id: str) -> tuple[list[dict], list[dict]]:
    blocks, cells = [], []
    for i, b in enumerate(doc.blocks, start=1):
        if isinstance(b, Paragraph):
            blocks.append(
                {"document_id": document_id, "block_index": i, "kind": "paragraph", "para_index": b.index,
                 "table_index": None, "page": b.page, "text": b.text, "n_rows": None, "n_cols": None}
            )
        elif isinstance(b, Table):
            blocks.append(
                {"document_id": document_id, "block_index": i, "kind": "table", "para_index": None,
                 "table_index": b.index, "page": b.page, "text": b.caption, "n_rows": b.n_rows, "n_cols": b.n_cols}
            )
            for row in b.rows:
                for c in row:
                    cells.append(
                        {"document_id": document_id, "table_index": b.index, "row_index": c.row,
                         "col_index": c.col, "rowspan": c.rowspan, "colspan": c.colspan,
                         "merged_copy": c.merged_copy, "page": b.page, "text": c.text}
                    )
    return blocks, cells


def fingerprint(ex: Extraction) -> str | None:
    """The same report in two formats gives the same figures: hash what it states."""
    if not ex.reports:
        return None
    parts = sorted(f"{r['report_kind']}|{r['unit_key']}|{r['fiscal_year']}|{r['score_total']}" for r in ex.reports)
    vals = sorted(
        f"{f['stage']}:{f['line_item']}:{f['amount_yuan']}" for f in ex.fact_budgets if not f["is_twin"]
    ) + sorted(
        f"executed:{f['line_item']}:{f['executed_yuan']}:{f['reported_rate_pct']}"
        for f in ex.fact_executions if not f["is_twin"]
    ) + sorted(f"{f['component']}:{f['score']}" for f in ex.fact_scores if not f["is_twin"])
    if not vals:
        return None  # nothing stated to compare: two such files are not known to be one report
    return hashlib.sha256("\n".join(parts + vals).encode()).hexdigest()


def process_file(task: FileTask, settings: Settings) -> Outcome:
    if task.error is not None:
        return failed_outcome(task, task.error)
    t0 = time.perf_counter()
    try:
        with open(task.path, "rb") as f:
            data = f.read(settings.max_file_bytes + 1)
    except OSError as e:
        return failed_outcome(task, IngestError("UNREADABLE", f"The file could not be read: {e.strerror or e}."))
    document_id = hashlib.sha256(data).hexdigest()
    if len(data) > settings.max_file_bytes:
        return failed_outcome(
            task,
            IngestError("TOO_LARGE", f"The file is over {settings.max_file_bytes / 2**20:.0f} MiB (BPW_MAX_FILE_BYTES)."),
            "path:" + hashlib.sha256(task.rel.encode()).hexdigest(),
        )
    fmt = detect_format(data)
    try:
        doc = read_document(data, settings, fmt)
    except IngestError as e:
        out = failed_outcome(task, e, document_id)
        out.document["file_format"] = fmt
        out.document["file_bytes"] = len(data)
        return out
    row = document_row(task, document_id, fmt, len(data))
    row["page_count"] = doc.page_count
    blocks, cells = _model_rows(doc, document_id)
    try:
        ex = extract(doc, document_id)
    except Exception as e:  # keep the parsed model: a partial result beats nothing
        err = IngestError(
            "EXTRACTION_ERROR", f"Reading worked but extracting facts failed ({type(e).__name__}: {e}); "
            "the parsed text is in the blocks table. Please report this document.")
        row.update(status="partial", error_code=err.code, error_message=err.message)
        row["parse_seconds"] = time.perf_counter() - t0
        return Outcome(document=row, blocks=blocks, cells=cells)
    if doc.page_count and settings.max_pages and doc.page_count > settings.max_pages:
        # Only the first pages were read: keep what they hold, say what is missing.
        err = IngestError.with_detail(
            "TOO_MANY_PAGES", f"only the first {settings.max_pages} of {doc.page_count} pages were read")
        row.update(status="partial", error_code=err.code, error_message=err.message)
    elif not ex.reports:
        err = IngestError(
            "NOT_A_REPORT",
            "No budget or performance report was found in this document (no report title and "
            "no recognisable budget, indicator or score table).",
        )
        row.update(status="not_a_report", error_code=err.code, error_message=err.message)
    row["parse_seconds"] = time.perf_counter() - t0
    row.update(numeric_cells=ex.numeric_cells, numeric_cells_used=ex.numeric_cells_used,
               numeric_cells_ignored=ex.numeric_cells_ignored)
    return Outcome(document=row, blocks=blocks, cells=cells, extraction=ex, fingerprint=fingerprint(ex))
