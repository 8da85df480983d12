"""Build vocab/class_names.csv: the names of the national 政府收支分类科目 (功能分类 2xx, 部门/政府经济
分类 3xx/5xx) exactly as real budget and final-accounts PDFs print them beside their codes.

    python scripts/class_names_vocab.py DIR_OR_PDF ... > vocab/class_names.csv

Only tables of coded rows in which every code appears once are read (a list of projects printed
under their class repeats the code and names projects, not classes). A code printed with several
names keeps those seen in at least two documents (a class renamed over the years keeps both names);
a name two codes share under one parent is dropped, so a lookup by (parent, name) is never a guess.
The PDFs themselves are never committed; `documents` says in how many the pair was printed."""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

from pipeline.extract.cells import num_of, real_cells, sq
from pipeline.extract.prepare import prepare
from pipeline.extract.recognisers.classification import _BRACKETED, _row_code
from pipeline.extract.vocabulary import clean_label
from pipeline.ingest.errors import IngestError
from pipeline.ingest.read import read_document
from pipeline.model import Table
from pipeline.settings import Settings

SCHEMES = {"2": "func", "3": "econ", "5": "econ"}


def pairs(path: Path) -> set[tuple[str, str, str]]:
    doc = prepare(read_document(path.read_bytes(), Settings()))
    out: set[tuple[str, str, str]] = set()
    for t in doc.blocks:
        if not isinstance(t, Table):
            continue
        coded = [(i, rc) for i, row in enumerate(t.rows) if (rc := _row_code(real_cells(row)))]
        codes = [rc[0] for _i, rc in coded]
        if len(coded) < 2 or len(set(codes)) != len(codes):
            continue
        for i, (code, k) in coded:
            if code[0] not in SCHEMES:
                continue
            cells = real_cells(t.rows[i])
            name = next((c.text for c in cells[k:] if sq(c.text) and num_of(t, c) is None), None)
            name = clean_label(_BRACKETED.sub("", sq(name or "")))
            if name and "()" not in name and not any(ch.isdigit() for ch in name):
                out.add((SCHEMES[code[0]], code, name))
    return out


def main() -> int:
    seen: dict[tuple[str, str, str], int] = defaultdict(int)
    for a in map(Path, sys.argv[1:]):
        for p in sorted(a.rglob("*.pdf")) if a.is_dir() else [a]:
            try:
                for key in pairs(p):
                    seen[key] += 1
            except IngestError:
                continue
    names: dict[tuple[str, str], list[str]] = defaultdict(list)
    for scheme, code, name in seen:
        names[(scheme, code)].append(name)
    keep = {(s, c, n) for (s, c), ns in names.items() for n in ns if len(ns) == 1 or seen[(s, c, n)] >= 2}
    by_parent: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for s, c, n in keep:
        by_parent[(s, c[:-2] if len(c) > 3 else "", n)].add(c)
    rows = sorted((s, c, n) for s, c, n in keep if len(by_parent[(s, c[:-2] if len(c) > 3 else "", n)]) == 1)
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["scheme", "code", "name", "documents"])
    for s, c, n in rows:
        w.writerow([s, c, n, seen[(s, c, n)]])
    return 0


if __name__ == "__main__":
    sys.exit(main())
