"""Show what bpw reads and extracts from one file, without a warehouse (for debugging layouts).

    python scripts/probe.py FILE [--tables] [--facts]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.extract import extract
from pipeline.ingest.read import read_document
from pipeline.model import Table
from pipeline.settings import Settings


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", type=Path)
    ap.add_argument("--tables", action="store_true", help="print the tables as read")
    ap.add_argument("--facts", action="store_true", help="print every fact row")
    args = ap.parse_args()
    doc = read_document(args.file.read_bytes(), Settings())
    if args.tables:
        for block in doc.blocks:
            if isinstance(block, Table):
                print(f"--- table {block.index} ({len(block.rows)} rows)")
                for row in block.rows:
                    print(" | ".join(c.text.replace("\n", "⏎") for c in row))
    ex = extract(doc, "probe")
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


if __name__ == "__main__":
    main()
