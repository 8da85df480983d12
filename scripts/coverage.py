"""Numeric table-cell coverage per file: how many numeric cells of the tables became facts
(used) or were knowingly set aside (ignored: 序号, codes), and what the rest were left for.

    python scripts/coverage.py FILE_OR_DIR ... [--reasons N] [--json OUT]

Coverage = (used + ignored) / numeric cells, the measure `documents.numeric_cells*` records.
Nothing is written to a warehouse; files are read as `bpw run` reads them."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from pipeline.extract import extract
from pipeline.ingest.errors import IngestError
from pipeline.ingest.read import read_document
from pipeline.settings import Settings

SUFFIXES = {".pdf", ".docx", ".xlsx", ".xls", ".html", ".htm", ".txt", ".md", ".doc", ".wps"}


def files(args: list[Path]) -> list[Path]:
    out: list[Path] = []
    for a in args:
        out += sorted(p for p in a.rglob("*") if p.suffix.lower() in SUFFIXES) if a.is_dir() else [a]
    return out


def measure(path: Path, n_reasons: int) -> dict:
    ex = extract(read_document(path.read_bytes(), Settings()), "coverage")
    left = Counter((u.get("reason") or "").split(":")[0][:70] for u in ex.unrecognised)
    return {"file": str(path), "numeric_cells": ex.numeric_cells, "used": ex.numeric_cells_used,
            "ignored": ex.numeric_cells_ignored, "coverage": ex.coverage, "left": left.most_common(n_reasons)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", type=Path, nargs="+")
    ap.add_argument("--reasons", type=int, default=0, help="list the N commonest reasons cells were left")
    ap.add_argument("--json", type=Path, help="write the rows as JSON too")
    args = ap.parse_args()
    rows = []
    for p in files(args.paths):
        try:
            r = measure(p, args.reasons)
        except IngestError as e:
            print(f"{p.name}\t{e.code}", file=sys.stderr)
            continue
        rows.append(r)
        cov = "-" if r["coverage"] is None else f"{100 * r['coverage']:.1f}%"
        print(f"{p.name}\t{r['numeric_cells']}\t{r['used']}\t{r['ignored']}\t{cov}", flush=True)
        for reason, n in r["left"]:
            print(f"\t{n}\t{reason}")
    cells = sum(r["numeric_cells"] for r in rows)
    if cells:
        print(f"all\t{cells}\t{sum(r['used'] for r in rows)}\t{sum(r['ignored'] for r in rows)}\t"
              f"{100 * sum(r['used'] + r['ignored'] for r in rows) / cells:.1f}%")
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
