"""Run extraction + identity checks on a text report in an in-memory DuckDB (no Dagster)."""

from __future__ import annotations

import hashlib

import duckdb
import pandas as pd

from pipeline.checks.identities import residuals
from pipeline.extract import extract
from pipeline.ingest.process import FileTask, Outcome, _model_rows, document_row
from pipeline.readers.text import read_text
from pipeline.runner import to_frames
from pipeline.warehouse.load import load_batch
from pipeline.warehouse.schema import init_schema


def check_text(text: str) -> tuple[pd.DataFrame, duckdb.DuckDBPyConnection]:
    data = text.encode("utf-8")
    return check_document(read_text(data), hashlib.sha256(data).hexdigest(), "synthetic.txt", "txt", len(data))


def check_document(doc, did: str, rel: str = "synthetic.pdf", fmt: str = "pdf",
                   size: int = 1, with_cells: bool = False) -> tuple[pd.DataFrame, duckdb.DuckDBPyConnection]:
    """A document extracted, loaded into an in-memory warehouse and checked: (residuals, con).
    with_cells loads its blocks and table cells too, as `bpw run` does (checks that read them)."""
    blocks, cells = _model_rows(doc, did) if with_cells else ([], [])
    ex = extract(doc, did)
    row = document_row(FileTask(path=None, rel=rel), did, fmt, size)  # type: ignore[arg-type]
    frames = to_frames([Outcome(document=row, blocks=blocks, cells=cells, extraction=ex)])
    con = duckdb.connect(":memory:")
    init_schema(con)
    docs = frames.pop("documents").to_dict("records")
    frames.pop("document_files", None)
    load_batch(con, docs, frames)
    return residuals(con), con


def failures(df: pd.DataFrame, severity: str | None = "error") -> pd.DataFrame:
    out = df[~df["passed"]]
    return out[out["severity"] == severity] if severity else out
