"""Show what bpw reads and extracts from one file, without a warehouse (for debugging layouts).

    python scripts/probe.py FILE [--tables] [--facts]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.extract import extract
from pipeline.ingest.errors import IngestError
from pipeline.ingest.read import read_document
from pipeline.model import Table
from pipeline.readers.detect import detect_format
from pipeline.settings import Settings


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", type=Path)
    ap.add_argument("--tables", action="store_true", help="print the tables as read")
    ap.add_argument("--facts", action="store_true", help="print every fact row")
    args = ap.parse_args()
    try:
        data = args.file.read_bytes()
    except OSError as e:
        print(f"{args.file}: cannot be read ({e.strerror or e})", file=sys.stderr)
        return 2
    try:
        doc = read_document(data, Settings())
    except IngestError as e:
        # What bpw run would record for this file: its code and sentence, never a traceback.
        print(f"{args.file}: {e.code} ({detect_format(data)})\n{e.message}", file=sys.stderr)
        return 1
    except Exception as e:  # a reader bug: still words, and how to report it
        print(f"{args.file}: the reader failed ({type(e).__name__}: {e}). Please report this file.",
              file=sys.stderr)
        return 2
    if args.tables:
        for block in doc.blocks:
            if isinstance(block, Table):
                print(f"--- table {block.index} ({len(block.rows)} rows)")
                for row in block.rows:
                    print(" | ".join(c.text.replace("\n", "⏎") for c in row))
    try:
        ex = extract(doc, "probe")
    except Exception as e:
        print(f"{args.file}: read, but extracting facts failed ({type(e).__name__}: {e}). Please report "
              "this file; `--tables` shows what was read.", file=sys.stderr)
        return 1
    print("counts:", ex.counts(), f"coverage={ex.coverage}")
    for r in ex.reports:
        print("report:", {k: r.get(k) for k in ("report_kind", "unit_name", "fiscal_year", "title", "score_total", "grade_text")})
    for p in ex.projects:
        print("project:", p.get("project_name"), p.get("project_code"))
    if args.facts:
        for t in ("fact_budgets", "fact_executions", "fact_indicators", "fact_scores"):
            for row in getattr(ex, t):
                keep = {k: v for k, v in row.items() if v is not None and k not in ("report_id", "project_id")}
                print(t, keep)
    for u in ex.unrecognised:
        print("unrecognised:", u)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # `probe.py FILE | head`
        sys.stderr.close()
        sys.exit(0)
