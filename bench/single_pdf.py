"""One large PDF, where only page-level parallelism can help: `bpw bench --single-pdf [FILE]`.

Measured in one run, on the same file:

- floor      raw pdfplumber in one process: extract_text() and find_tables() on every page
             (what a plain pdfplumber script does);
- reader_1   bpw's PDF reader in one process (page_workers=1): characters and rulings from
             pdfium where they match pdfminer's (`pipeline/readers/pdfium_objects.py`);
- reader_1_pdfminer  the same reader with every page interpreted by pdfminer (the path
             before pdfium; BPW_PDFIUM=0);
- reader_N   bpw's PDF reader with its pages spread over N processes (N = cores);
- pages_pdfium / pages_pdfminer  how many pages took which path (and why not pdfium);
- end_to_end `bpw run`'s steps on a folder holding only this file: plan, parse (the reader
             with all cores), extract, load, identity checks (no GX), views;
- profile    where reader_1's time goes (cProfile, own time by package).

The default file is the largest committed or shared real PDF; `--real-concat` measures
instead one PDF of 150+ pages made by concatenating the shared real PDFs (the issue asks
for a 150+-page real document; none of the shared ones is that long). Results are printed
and written to bench/results/single-pdf[-real-concat].json (a FILE's result to
single-pdf.json). TARGETS state the goals; `met`
says which hold.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import shutil
import tempfile
import time
from pathlib import Path

from pipeline.settings import REPO_ROOT

# The issue's goal is end_to_end ≤ 0.5 × floor (`bpw run`'s steps against raw pdfplumber in
# one process). The reader alone is also held to ≤ 0.5 with its pages over the cores; with
# pdfium's objects it is ~0.36× the floor on one core.
TARGETS = {"end_to_end_over_floor": 0.5, "reader_parallel_over_floor": 0.5}  # ≤


def candidates() -> list[Path]:
    roots = [REPO_ROOT / "tests" / "fixtures", REPO_ROOT.parent / "shared" / "real-pdfs"]
    return sorted((p for r in roots if r.is_dir() for p in r.rglob("*.pdf")), key=lambda p: p.stat().st_size)


def _pages(path: Path) -> int:
    import pypdfium2

    try:
        return len(pypdfium2.PdfDocument(str(path)))
    except pypdfium2.PdfiumError:  # the encrypted fixture: not a candidate
        return 0


def largest() -> Path:
    return max(candidates(), key=_pages)


def floor(data: bytes) -> float:
    import pdfplumber

    t0 = time.perf_counter()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.find_tables()
            page.flush_cache()
    return time.perf_counter() - t0


def reader(data: bytes, workers: int, pdfium: bool = True) -> float:
    from pipeline.readers.pdf import read_pdf

    t0 = time.perf_counter()
    read_pdf(data, page_workers=workers, parallel_min_pages=2, pdfium=pdfium)
    return time.perf_counter() - t0


def real_concat(min_pages: int = 150) -> Path:
    """One PDF of at least `min_pages` pages: the shared real budget PDFs one after another
    (largest first), written to bench/corpus/real-concat.pdf."""
    import pypdfium2

    root = REPO_ROOT.parent / "shared" / "real-pdfs" / "budgets-2026"
    files = sorted(root.glob("*.pdf"), key=_pages, reverse=True)
    if not files:
        raise SystemExit(f"no real PDFs in {root}")
    out = REPO_ROOT / "bench" / "corpus" / "real-concat.pdf"
    out.parent.mkdir(parents=True, exist_ok=True)
    dest = pypdfium2.PdfDocument.new()
    for f in files:
        dest.import_pages(pypdfium2.PdfDocument(str(f)))
        if len(dest) >= min_pages:
            break
    dest.save(str(out))
    return out


def page_paths(data: bytes) -> dict[str, int]:
    """Pages read from pdfium, and pages left to pdfminer by reason (one process)."""
    from pipeline.readers import pdfium_objects
    from pipeline.readers.pdf import read_pdf

    pdfium_objects.STATS.clear()
    read_pdf(data)
    return dict(pdfium_objects.STATS.most_common())


def end_to_end(path: Path) -> tuple[float, int]:
    from pipeline import pipeline_run
    from pipeline.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw"
        raw.mkdir()
        shutil.copy(path, raw / path.name)
        s = Settings()
        s.raw_dir, s.warehouse = raw, Path(tmp) / "wh" / "warehouse.duckdb"
        t0 = time.perf_counter()
        summary = pipeline_run.ingest(s)
        pipeline_run.check(s, summary, use_gx=False)
        pipeline_run.publish(s, summary, reports=False)
        secs = time.perf_counter() - t0
        return secs, sum(summary.counts.get(t, 0) for t in
                         ("fact_budgets", "fact_executions", "fact_indicators", "fact_scores"))


def profile(data: bytes) -> dict[str, float]:
    """Share of the one-process reader's own time by package."""
    from pipeline.readers.pdf import read_pdf

    prof = cProfile.Profile()
    prof.enable()
    read_pdf(data)
    prof.disable()
    groups: dict[str, float] = {}
    stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    for (filename, _, _), (_, _, tottime, _, _) in stats.items():
        key = next((k for k in ("pdfminer", "pdfplumber", "pypdfium2", "pipeline")
                    if f"/{k}/" in filename), "other")
        groups[key] = groups.get(key, 0.0) + tottime
    total = sum(groups.values()) or 1.0
    return {k: round(v / total, 3) for k, v in sorted(groups.items(), key=lambda kv: -kv[1])}


def main(path: Path | None = None, concat: bool = False) -> dict:
    path = real_concat() if concat else (path or largest())
    data = path.read_bytes()
    cores = os.cpu_count() or 1
    r: dict = {"file": path.name, "pages": _pages(path), "cores": cores}
    # Best of two: the first pass also pays for imports and cold caches.
    r["floor_s"] = round(min(floor(data) for _ in range(2)), 2)
    r["reader_1_s"] = round(min(reader(data, 1) for _ in range(2)), 2)
    r["reader_1_pdfminer_s"] = round(min(reader(data, 1, pdfium=False) for _ in range(2)), 2)
    r["page_paths"] = page_paths(data)
    r[f"reader_{cores}_s"] = round(min(reader(data, cores) for _ in range(2)), 2)
    runs = [end_to_end(path) for _ in range(2)]  # best of two, like the others
    e2e, facts = min(runs)
    r["end_to_end_s"], r["fact_rows"] = round(e2e, 2), facts
    r["profile_reader_1"] = profile(data)
    r["reader_parallel_over_floor"] = round(r[f"reader_{cores}_s"] / r["floor_s"], 2)
    r["reader_1_over_floor"] = round(r["reader_1_s"] / r["floor_s"], 2)
    r["reader_1_pdfminer_over_floor"] = round(r["reader_1_pdfminer_s"] / r["floor_s"], 2)
    r["end_to_end_over_floor"] = round(e2e / r["floor_s"], 2)
    r["targets"] = TARGETS
    r["met"] = {k: r[k] <= v for k, v in TARGETS.items()}
    out = REPO_ROOT / "bench" / "results" / ("single-pdf-real-concat.json" if concat else "single-pdf.json")
    out.write_text(json.dumps(r, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(r, indent=2, ensure_ascii=False))
    return r


if __name__ == "__main__":
    p = argparse.ArgumentParser(prog="python -m bench.single_pdf")
    p.add_argument("file", nargs="?", help="a PDF (default: the largest committed or shared real PDF)")
    p.add_argument("--real-concat", action="store_true",
                   help="one 150+-page PDF made of the shared real PDFs instead")
    a = p.parse_args()
    main(Path(a.file) if a.file else None, concat=a.real_concat)
