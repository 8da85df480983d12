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
             with all cores), extract, load, identity checks (no GX), views — called as
             functions, without Dagster or the interpreter's start;
- cli        the command itself, `bpw run --no-gx --quiet` (`python -m pipeline.cli` of this
             interpreter), in a new process with its own DAGSTER_HOME: the interpreter's start
             and imports, Dagster (run storage, events, asset checks) and the reports included
             — what a user waits for;
- issue_17_single_pdf  the issue's measure: cli / floor within each round (best, median, and
             the CPU ratio), and whether the last round's warehouse holds exactly the facts of
             the same command on the path before issue 17 (every page by pdfminer, one process,
             BPW_PDFIUM=0 BPW_PAGE_WORKERS=1 BPW_PRESTAGE=0; `fact_rows`: every row of every
             fact table, reports and projects);
- profile    where reader_1's time goes (cProfile, own time by package).

Each measure is taken `rounds` times (default 3), the floor, the readers and the end-to-end
run one after another within a round, so that a round's ratio compares figures taken within
seconds of each other (the machine is shared: its load moves minute by minute). The result
gives the best of each measure, its ratios, and per-round ratios (`*_per_round`) with their
range; CPU seconds (this process and its children, `*_cpu_s`) show the work apart from the load.

The default file is the largest committed or shared real PDF, or of the folder
BPW_BENCH_PDF_DIR names (outside documents, never committed); `--real-concat` measures
instead one PDF of 150+ pages made by concatenating the shared real PDFs (the issue asks
for a 150+-page real document; none of the shared ones is that long). Results are printed
and written to bench/results/single-pdf[-real-concat].json (a FILE's result to
single-pdf.json, or `--out`), with the machine's load average. TARGETS state the goals; `met`
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

# The issue's goal is `bpw run` ≤ 0.5 × floor against raw pdfplumber in one process: held
# for the command as a user runs it (cli) and for its steps as functions (end_to_end,
# without the interpreter's start and Dagster's bookkeeping). The reader alone is also held to ≤ 0.5 with its pages over the cores; with
# pdfium's objects it is ~0.36× the floor on one core.
TARGETS = {"cli_over_floor": 0.5, "end_to_end_over_floor": 0.5, "reader_parallel_over_floor": 0.5}  # ≤


def candidates() -> list[Path]:
    """Committed and shared PDFs, and those of BPW_BENCH_PDF_DIR when it names a folder: real
    documents of 150+ pages that may not be committed (a published 决算 fetched to /tmp) are
    measured where present and skipped elsewhere."""
    roots = [REPO_ROOT / "tests" / "fixtures", REPO_ROOT.parent / "shared" / "real-pdfs"]
    if os.environ.get("BPW_BENCH_PDF_DIR"):
        roots.append(Path(os.environ["BPW_BENCH_PDF_DIR"]))
    return sorted((p for r in roots if r.is_dir() for p in r.rglob("*.pdf")), key=lambda p: p.stat().st_size)


def _pages(path: Path) -> int:
    import pypdfium2

    try:
        return len(pypdfium2.PdfDocument(str(path)))
    except pypdfium2.PdfiumError:  # the encrypted fixture: not a candidate
        return 0


def largest() -> Path:
    return max(candidates(), key=_pages)


def _cpu() -> float:
    """CPU seconds of this process and of its children that have ended (forked parser
    processes and their page helpers included)."""
    import resource

    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _timed(fn, *args) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one call."""
    c0, t0 = _cpu(), time.perf_counter()
    fn(*args)
    return time.perf_counter() - t0, _cpu() - c0


def _floor(data: bytes) -> None:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.find_tables()
            page.flush_cache()


def floor(data: bytes) -> float:
    return _timed(_floor, data)[0]


def _reader(data: bytes, workers: int, pdfium: bool = True) -> None:
    from pipeline.readers.pdf import read_pdf

    read_pdf(data, page_workers=workers, parallel_min_pages=2, pdfium=pdfium)


def reader(data: bytes, workers: int, pdfium: bool = True) -> float:
    return _timed(_reader, data, workers, pdfium)[0]


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


def cli(path: Path, dagster_home: Path, keep: Path | None = None, env: dict | None = None) -> None:
    """`bpw run --no-gx --quiet` on a folder holding only this file, as a user runs it: a new
    warehouse each time, the Dagster instance kept (a user's DAGSTER_HOME exists already;
    creating its SQLite storage is a one-time cost the warm-up run pays). `keep`: copy the
    warehouse there afterwards; `env`: extra environment variables."""
    import subprocess
    import sys

    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw"
        raw.mkdir()
        shutil.copy(path, raw / path.name)
        # `python -m pipeline.cli` of this interpreter: the tree this bench runs from (PYTHONPATH
        # included), which the installed `bpw` script need not be.
        wh = Path(tmp) / "wh" / "warehouse.duckdb"
        subprocess.run([sys.executable, "-m", "pipeline.cli", "--raw", str(raw), "--warehouse", str(wh),
                        "run", "--no-gx", "--quiet"], env=os.environ | {"DAGSTER_HOME": str(dagster_home)}
                       | (env or {}), check=True, capture_output=True)
        if keep is not None:
            shutil.copy(wh, keep)


# Tables of what a document says; compared row for row between two warehouses.
FACT_TABLES = ("reports", "projects", "line_items", "fact_budgets", "fact_executions", "fact_indicators",
               "fact_scores", "fact_mentions", "fact_changes", "fact_shares", "fact_line_splits")


def fact_rows(warehouse: Path) -> dict[str, list[tuple]]:
    """Every row of every fact table (those the warehouse has), sorted."""
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        have = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        return {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
                for t in FACT_TABLES if t in have}
    finally:
        con.close()


def reference_facts(path: Path, dagster_home: Path, out: Path) -> None:
    """The same command on the path before issue 17's work: every page interpreted by pdfminer
    (what pdfplumber reads), one process, no parse started before Dagster."""
    cli(path, dagster_home, keep=out, env={"BPW_PDFIUM": "0", "BPW_PAGE_WORKERS": "1", "BPW_PRESTAGE": "0"})


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


def main(path: Path | None = None, concat: bool = False, rounds: int = 3, out: Path | None = None) -> dict:
    import statistics

    path = real_concat() if concat else (path or largest())
    data = path.read_bytes()
    cores = os.cpu_count() or 1
    r: dict = {"file": path.name, "pages": _pages(path), "cores": cores, "rounds": rounds,
               "load_average_1min": {"start": round(os.getloadavg()[0], 2)}}
    _floor(data)  # imports and cold caches, not measured
    _reader(data, 1)
    home = Path(tempfile.mkdtemp(prefix="bpw-bench-dagster-"))
    cli(path, home)
    runs: dict[str, list[tuple[float, float]]] = {"floor": [], "reader_1": [], f"reader_{cores}": [],
                                                  "end_to_end": [], "cli": []}
    facts = 0
    for _ in range(rounds):
        runs["floor"].append(_timed(_floor, data))
        runs["reader_1"].append(_timed(_reader, data, 1))
        runs[f"reader_{cores}"].append(_timed(_reader, data, cores))
        c0, t0 = _cpu(), time.perf_counter()
        _, facts = end_to_end(path)
        runs["end_to_end"].append((time.perf_counter() - t0, _cpu() - c0))
        runs["cli"].append(_timed(cli, path, home, home / "cli.duckdb"))
    # Best of the rounds, as before (the least disturbed run of each).
    for k, v in runs.items():
        r[f"{k}_s"] = round(min(w for w, _ in v), 2)
        r[f"{k}_cpu_s"] = round(min(c for _, c in v), 2)
    r["load_average_1min"]["after_rounds"] = round(os.getloadavg()[0], 2)
    # The issue's measure: the command end to end against raw pdfplumber in one process, in the
    # same round (seconds apart), with the facts of the pdfminer path.
    per_round = [round(c[0] / f[0], 2) for c, f in zip(runs["cli"], runs["floor"], strict=True)]
    reference_facts(path, home, home / "reference.duckdb")
    ours, ref = fact_rows(home / "cli.duckdb"), fact_rows(home / "reference.duckdb")
    r["issue_17_single_pdf"] = {
        "measure": "bpw run (wall) / raw pdfplumber extract_text + find_tables, 1 process (wall), same round",
        "per_round": per_round, "best": min(per_round), "median": statistics.median(per_round),
        "cpu_per_round": [round(c[1] / f[1], 2) for c, f in zip(runs["cli"], runs["floor"], strict=True)],
        "target": 0.5,
        "facts_identical_to_pdfminer_path": ours == ref,
        "fact_rows_compared": {t: len(v) for t, v in ours.items() if v},
    }
    shutil.rmtree(home, ignore_errors=True)
    r["reader_1_pdfminer_s"] = round(reader(data, 1, pdfium=False), 2)  # one run: informative only
    r["page_paths"] = page_paths(data)
    r["fact_rows"] = facts
    r["profile_reader_1"] = profile(data)
    fl = r["floor_s"]
    r["reader_parallel_over_floor"] = round(r[f"reader_{cores}_s"] / fl, 2)
    r["reader_1_over_floor"] = round(r["reader_1_s"] / fl, 2)
    r["reader_1_pdfminer_over_floor"] = round(r["reader_1_pdfminer_s"] / fl, 2)
    r["end_to_end_over_floor"] = round(r["end_to_end_s"] / fl, 2)
    r["end_to_end_cpu_over_floor_cpu"] = round(r["end_to_end_cpu_s"] / r["floor_cpu_s"], 2)
    r["cli_over_floor"] = round(r["cli_s"] / fl, 2)
    r["cli_cpu_over_floor_cpu"] = round(r["cli_cpu_s"] / r["floor_cpu_s"], 2)
    # Within each round: the same minute's load on both sides.
    for k in ("cli", "end_to_end", f"reader_{cores}", "reader_1"):
        per = [round(a[0] / b[0], 2) for a, b in zip(runs[k], runs["floor"], strict=True)]
        r[f"{k}_over_floor_per_round"] = per
    r["seconds_per_round"] = {k: [round(w, 2) for w, _ in v] for k, v in runs.items()}
    r["targets"] = TARGETS
    r["met"] = {k: r[k] <= v for k, v in TARGETS.items()}
    issue = r["issue_17_single_pdf"]
    r["met"]["issue_17_median_round"] = issue["median"] <= issue["target"] and issue["facts_identical_to_pdfminer_path"]
    out = out or REPO_ROOT / "bench" / "results" / ("single-pdf-real-concat.json" if concat else "single-pdf.json")
    out.write_text(json.dumps(r, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(r, indent=2, ensure_ascii=False))
    print(f"issue 17, one {r['pages']}-page PDF: bpw run / raw pdfplumber = {issue['median']} (median of "
          f"{rounds} rounds; best {issue['best']}; target <= {issue['target']}); facts identical to the "
          f"pdfminer path: {issue['facts_identical_to_pdfminer_path']}; load average "
          f"{r['load_average_1min']['start']} -> {r['load_average_1min']['after_rounds']} on {cores} cores")
    return r


if __name__ == "__main__":
    p = argparse.ArgumentParser(prog="python -m bench.single_pdf")
    p.add_argument("file", nargs="?", help="a PDF (default: the largest committed or shared real PDF)")
    p.add_argument("--real-concat", action="store_true",
                   help="one 150+-page PDF made of the shared real PDFs instead")
    p.add_argument("--rounds", type=int, default=3, help="measures taken per figure (default 3)")
    p.add_argument("--out", help="result file (default bench/results/single-pdf[-real-concat].json)")
    a = p.parse_args()
    main(Path(a.file) if a.file else None, concat=a.real_concat, rounds=a.rounds,
         out=Path(a.out) if a.out else None)
