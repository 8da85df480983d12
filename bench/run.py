"""`bpw bench -n N`: throughput, no-change time, loader rate and peak memory on a generated corpus.

Steps, each measured phase in a fresh Python process so that its peak-memory figures
(getrusage high-water marks) belong to that phase alone:

1. corpus   — bench.corpus.generate(N) into bench/corpus/nN (PDFs cached, not timed).
2. pipeline — pipeline_run.stage_new / load_staged (= ingest), check, publish on a fresh
              warehouse (cold), then the same again with nothing changed. Documents are in
              docx/, pdf/, txt/ subfolders; the scanner walks them in that order and the
              children finish in (nearly) that order, so per-format parse windows come from
              the completion times the progress callback sees.
3. floor    — raw pdfplumber over the same PDFs in as many processes as the pipeline's
              parser processes (--workers): extract_text() and
              extract_tables() on every page.
4. loader   — warehouse.load.load_batch on a synthetic batch of 1 000 000 fact_budgets rows.

Results are printed and written to bench/results/nN.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path

from pipeline.settings import REPO_ROOT

BENCH = REPO_ROOT / "bench"
RESULTS = BENCH / "results"
FACT_TABLES = ("fact_budgets", "fact_executions", "fact_indicators", "fact_scores")
GiB = 2**30
MiB = 2**20

TARGETS = {
    # Issue 17's goal: end-to-end PDF pages/s at twice raw pdfplumber's, both with the same
    # number of processes. Not met yet (~0.95 here): it needs pdfium's characters (docs/scaling.md).
    "pdf_pages_ratio_to_floor": 2.0,  # ≥
    "docx_ten_page_docs_per_min": 300,  # ≥
    "loader_fact_rows_per_s": 250_000,  # ≥
    "no_change_seconds_at_1000": 10.0,  # ≤
    "peak_memory_gib_at_1000": 1.5,  # ≤
}


# ---------------------------------------------------------------------------- memory


def _cpu_s() -> float:
    """CPU seconds of this process and of its children that have ended (parser children,
    page helpers, the floor's process pool): the work done, apart from the machine's load."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _maxrss() -> dict[str, float]:
    """High-water RSS in MiB (Linux reports KiB): this process, and its largest waited-for child."""
    self_ = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"self_mib": round(self_, 1), "largest_child_mib": round(kids, 1)}


def _proc_mem(pid: int) -> int:
    """Proportional set size in bytes (shared pages split among sharers); RSS if PSS is unavailable."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            for t in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{t}/children") as f:
                    kids = [int(x) for x in f.read().split()]
                out.extend(kids)
                todo.extend(kids)
        except OSError:
            continue
    return out


class TreeSampler:
    """Samples the PSS of this process plus all its descendants; keeps the peak of the sum."""

    def __init__(self, interval: float = 0.1) -> None:
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = os.getpid()
        while not self._stop.is_set():
            total = _proc_mem(me) + sum(_proc_mem(p) for p in _descendants(me))
            self.peak = max(self.peak, total)
            self._stop.wait(self.interval)

    def __enter__(self) -> TreeSampler:
        self._t.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._t.join()


# ---------------------------------------------------------------------------- phases


def phase_pipeline(corpus: Path, work: Path, workers: int, use_gx: bool) -> dict:
    import duckdb

    from pipeline import pipeline_run
    from pipeline.settings import Settings

    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    settings = Settings(raw_dir=corpus / "raw", warehouse=work / "warehouse.duckdb", workers=workers)
    manifest = {e["file"]: e for e in json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))}

    def one_run(label: str) -> dict:
        done: list[tuple[float, str]] = []

        def progress(i: int, n: int, rel: str) -> None:
            done.append((time.perf_counter(), rel))

        c0, t0 = _cpu_s(), time.perf_counter()
        summary, batch = pipeline_run.stage_new(settings, progress)
        t1 = time.perf_counter()
        summary = pipeline_run.load_staged(settings, batch)
        t2 = time.perf_counter()
        cs = pipeline_run.check(settings, summary, use_gx=use_gx)
        t3 = time.perf_counter()
        published = pipeline_run.publish(settings, summary)
        t4, c4 = time.perf_counter(), _cpu_s()
        last_parse = max((t for t, _ in done), default=t0)
        return {
            "label": label,
            "files_seen": summary.files_seen,
            "parsed": summary.parsed,
            "unchanged": summary.unchanged,
            "statuses": summary.statuses,
            "counts": summary.counts,
            "views_published": published,
            "blocked_reason": summary.blocked_reason,
            "identities": {"evaluated": cs.evaluated, "failed": cs.failed} if cs else None,
            "cpu_s": c4 - c0,
            "seconds": {
                "total": t4 - t0, "stage_new": t1 - t0, "parse": last_parse - t0 if done else 0.0,
                "stage_write": t1 - last_parse if done else t1 - t0,
                "load": t2 - t1, "check": t3 - t2, "publish": t4 - t3,
            },
        }

    with TreeSampler() as sampler:
        cold = one_run("cold")
        mem_cold = sampler.peak
        cold["maxrss"] = _maxrss()
        warm = one_run("no_change")
    mem = {"peak_tree_pss_mib": round(sampler.peak / MiB, 1), "peak_tree_pss_cold_mib": round(mem_cold / MiB, 1),
           **_maxrss()}
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        per_fmt_facts = dict(con.execute(
            "SELECT d.file_format, count(*) FROM (" +
            " UNION ALL ".join(f"SELECT report_id FROM {t}" for t in FACT_TABLES) +
            ") f JOIN reports r USING (report_id) JOIN documents d USING (document_id) GROUP BY ALL"
        ).fetchall())
        parse_s = dict(con.execute(
            "SELECT file_format, sum(parse_seconds) FROM documents GROUP BY ALL").fetchall())
        wh_bytes = settings.warehouse.stat().st_size
    finally:
        con.close()
    by_fmt: dict[str, dict] = {}
    for fmt in sorted({e["format"] for e in manifest.values()}):
        es = [e for e in manifest.values() if e["format"] == fmt]
        by_fmt[fmt] = {"documents": len(es), "pages": sum(e["pages"] for e in es),
                       "bytes": sum(e["bytes"] for e in es), "fact_rows": per_fmt_facts.get(fmt, 0),
                       "child_cpu_s": parse_s.get(fmt) or 0.0}
    largest = max(manifest.values(), key=lambda e: e["bytes"])
    return {"cold": cold, "no_change": warm, "memory": mem, "by_format": by_fmt,
            "warehouse_bytes": wh_bytes, "largest_document": {k: largest[k] for k in ("file", "pages", "bytes")}}


def _floor_one(path: Path) -> tuple[int, int]:
    import pdfplumber

    pages = tables = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            tables += len(page.extract_tables())
            pages += 1
            page.flush_cache()
    return pages, tables


def phase_floor(corpus: Path, processes: int = 1) -> dict:
    """Raw pdfplumber over the same PDFs, in as many processes as the pipeline has parser
    processes (a fair floor: both sides get the same cores)."""
    from concurrent.futures import ProcessPoolExecutor

    pdfs = sorted((corpus / "raw" / "pdf").glob("*.pdf"))
    c0, t0 = _cpu_s(), time.perf_counter()
    if processes > 1:
        with ProcessPoolExecutor(processes) as ex:
            done = list(ex.map(_floor_one, pdfs))
    else:
        done = [_floor_one(p) for p in pdfs]
    s = time.perf_counter() - t0
    cpu = _cpu_s() - c0  # the pool's processes have ended here, so their CPU is counted
    pages, tables = sum(d[0] for d in done), sum(d[1] for d in done)
    return {"documents": len(pdfs), "pages": pages, "tables": tables, "seconds": s, "processes": processes,
            "cpu_s": cpu,
            "pages_per_s": pages / s if s else 0.0, "maxrss": _maxrss()}


def phase_loader(rows: int, work: Path) -> dict:
    """load_batch on one synthetic batch: rows fact_budgets over rows/1000 reports/documents."""
    import numpy as np
    import pandas as pd

    from pipeline.runner import open_writer
    from pipeline.settings import Settings
    from pipeline.warehouse.load import load_batch

    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    settings = Settings(raw_dir=work, warehouse=work / "loader.duckdb")
    n_docs = max(rows // 1000, 1)
    rng = np.random.default_rng(0)
    docs = [{"document_id": f"d{i:06d}", "file_name": f"f{i:06d}.pdf", "file_format": "pdf", "file_bytes": 1,
             "page_count": 10, "status": "loaded", "parser_version": "bench", "ingested_at": datetime.now()}
            for i in range(n_docs)]
    reports = pd.DataFrame({
        "report_id": [f"r{i:06d}" for i in range(n_docs)], "document_id": [d["document_id"] for d in docs],
        "report_kind": "department", "unit_name": "中共某县委组织部", "unit_key": "中共某县委组织部",
        "fiscal_year": 2022, "seq": 1,
    })
    doc_idx = np.arange(rows) // (rows // n_docs)
    doc_idx = np.minimum(doc_idx, n_docs - 1)
    amounts = rng.integers(0, 10**9, rows) / 100
    fb = pd.DataFrame({
        "report_id": pd.Series([f"r{i:06d}" for i in range(n_docs)]).to_numpy()[doc_idx],
        "project_id": None,
        "line_item": rng.choice(["total", "fiscal", "other", "basic", "project"], rows),
        "stage": rng.choice(["initial", "adjustment", "adjusted"], rows),
        "amount_yuan": [f"{a:.2f}" for a in amounts],  # the runner hands amounts over as strings
        "reported_text": [f"{a / 10000:.2f}" for a in amounts],
        "reported_unit": "万元", "decimals": 2,
        "source_ref": [f"t{i % 50}:r{i % 30}:c{i % 7}" for i in range(rows)],
        "origin": "table", "table_kind": "budget", "is_twin": False,
    })
    con = open_writer(settings)
    try:
        t0 = time.perf_counter()
        counts = load_batch(con, docs, {"reports": reports.copy(), "fact_budgets": fb.copy()})
        first = time.perf_counter() - t0
        t0 = time.perf_counter()
        load_batch(con, docs, {"reports": reports.copy(), "fact_budgets": fb.copy()})  # replace: delete + insert
        replace = time.perf_counter() - t0
    finally:
        con.close()
    shutil.rmtree(work, ignore_errors=True)
    return {"rows": counts.get("fact_budgets", 0), "documents": n_docs, "seconds_insert": first,
            "seconds_replace": replace, "rows_per_s": counts.get("fact_budgets", 0) / first,
            "rows_per_s_replace": counts.get("fact_budgets", 0) / replace, "maxrss": _maxrss()}


def _phase(name: str, **kw) -> dict:
    """Run one phase in a fresh interpreter and return its JSON."""
    out = BENCH / "corpus" / f".phase-{name}-{os.getpid()}.json"
    args = [sys.executable, "-m", "bench.run", "--phase", name, "--out", str(out)]
    for k, v in kw.items():
        args += [f"--{k.replace('_', '-')}", str(v)]
    env = {**os.environ, "GX_ANALYTICS_ENABLED": "false", "PYTHONPATH": str(REPO_ROOT)}
    subprocess.run(args, check=True, cwd=REPO_ROOT, env=env)
    try:
        return json.loads(out.read_text(encoding="utf-8"))
    finally:
        out.unlink(missing_ok=True)


# ---------------------------------------------------------------------------- report


def summarise(n: int, corpus_s: float, pipe: dict, floor: dict | None, loader: dict) -> dict:
    cold, warm, by_fmt = pipe["cold"], pipe["no_change"], pipe["by_format"]
    sec = cold["seconds"]
    overhead = sec["stage_write"] + sec["load"] + sec["check"] + sec["publish"]
    all_facts = sum(f["fact_rows"] for f in by_fmt.values()) or 1
    all_cpu = sum(f["child_cpu_s"] for f in by_fmt.values()) or 1.0
    formats = {}
    for fmt, f in by_fmt.items():
        # The parse wall time is shared out by the parser children's busy time per format
        # (documents.parse_seconds); end to end adds the format's share, by fact rows, of
        # staging, loading, checks and publishing.
        w = sec["parse"] * f["child_cpu_s"] / all_cpu
        e2e = w + overhead * f["fact_rows"] / all_facts
        formats[fmt] = {
            **f,
            "parse_window_s": round(w, 2),
            "end_to_end_s": round(e2e, 2),
            "docs_per_s": round(f["documents"] / e2e, 2) if e2e else None,
            "pages_per_s": round(f["pages"] / e2e, 2) if e2e else None,
            "parse_docs_per_s": round(f["documents"] / w, 2) if w else None,
            "parse_pages_per_s": round(f["pages"] / w, 2) if w else None,
        }
    facts_loaded = sum(cold["counts"].get(t, 0) for t in FACT_TABLES)
    res: dict = {
        "n": n,
        "when": datetime.now().isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "corpus_seconds": round(corpus_s, 1),
        "formats": formats,
        "cold": cold,
        "no_change": warm,
        "fact_rows_loaded": facts_loaded,
        "fact_rows_per_s_end_to_end": round(facts_loaded / sec["total"], 1),
        "fact_rows_per_s_load_step": round(facts_loaded / sec["load"], 1) if sec["load"] else None,
        "loader": loader,
        "floor": floor,
        "memory": pipe["memory"],
        "largest_document": pipe["largest_document"],
        "warehouse_bytes": pipe["warehouse_bytes"],
    }
    t = {}
    pdf = formats.get("pdf", {})
    if floor and floor["pages_per_s"] and pdf["pages_per_s"]:
        ratio = pdf["pages_per_s"] / floor["pages_per_s"]
        t["pdf_pages_ratio_to_floor"] = {"value": round(ratio, 2), "target": f">= {TARGETS['pdf_pages_ratio_to_floor']}",
                                         "met": ratio >= TARGETS["pdf_pages_ratio_to_floor"],
                                         "parse_only": round(pdf["parse_pages_per_s"] / floor["pages_per_s"], 2)}
        if set(formats) == {"pdf"} and cold.get("cpu_s") and floor.get("cpu_s"):
            # Per core: the same pages' CPU seconds on both sides, whatever else the machine
            # ran meanwhile (a PDF-only corpus, so the pipeline's CPU is all PDF work).
            t["pdf_pages_ratio_to_floor"]["per_cpu_s"] = round(floor["cpu_s"] / cold["cpu_s"], 2)
    d = formats.get("docx", {})
    if d.get("pages_per_s"):
        v = d["pages_per_s"] * 60 / 10
        t["docx_ten_page_docs_per_min"] = {"value": round(v, 1), "target": ">= 300", "met": v >= 300}
    v = loader["rows_per_s"]
    t["loader_fact_rows_per_s"] = {"value": round(v), "target": ">= 250000", "met": v >= 250_000}
    # The no-change and memory targets are stated at 1 000 documents; smaller runs report only.
    big = n >= 1000
    v = warm["seconds"]["total"]
    t["no_change_seconds"] = {"value": round(v, 2), "target": "<= 10 s at 1000 docs", "met": v <= 10.0 if big else None}
    peak = pipe["memory"]["peak_tree_pss_mib"] / 1024
    t["peak_memory_gib"] = {"value": round(peak, 3), "target": "<= 1.5 GiB at 1000 docs",
                            "met": peak <= 1.5 if big else None}
    res["targets"] = t
    return res


def render(r: dict) -> str:
    lines = [f"bpw bench — N = {r['n']} documents, {r['machine']['cpus']} CPUs, {r['when']}", ""]
    lines.append(f"{'format':6} {'docs':>5} {'pages':>6} {'facts':>7} {'e2e s':>7} {'docs/s':>7} {'pages/s':>8}"
                 f" {'parse pages/s':>13}")
    for fmt, f in r["formats"].items():
        lines.append(f"{fmt:6} {f['documents']:5d} {f['pages']:6d} {f['fact_rows']:7d} {f['end_to_end_s']:7.1f}"
                     f" {f['docs_per_s'] or 0:7.2f} {f['pages_per_s'] or 0:8.1f} {f['parse_pages_per_s'] or 0:13.1f}")
    c, w = r["cold"]["seconds"], r["no_change"]["seconds"]
    lines += ["", "cold run: " + ", ".join(f"{k} {v:.1f}s" for k, v in c.items()),
              f"  statuses {r['cold']['statuses']}; views published: {r['cold']['views_published']}",
              "no-change run: " + ", ".join(f"{k} {v:.2f}s" for k, v in w.items()),
              f"fact rows loaded {r['fact_rows_loaded']}: {r['fact_rows_per_s_end_to_end']:.0f}/s end to end,"
              f" {r['fact_rows_per_s_load_step'] or 0:.0f}/s in the load step"]
    lo = r["loader"]
    lines.append(f"loader (load_batch, {lo['rows']} fact_budgets rows): {lo['rows_per_s']:.0f} rows/s insert,"
                 f" {lo['rows_per_s_replace']:.0f} rows/s replace")
    if r["floor"]:
        fl = r["floor"]
        lines.append(f"raw pdfplumber floor ({fl.get('processes', 1)} processes): {fl['pages']} pages in {fl['seconds']:.1f}s ="
                     f" {fl['pages_per_s']:.1f} pages/s, {fl.get('cpu_s', 0):.1f} CPU s"
                     f" (pipeline cold run: {r['cold'].get('cpu_s', 0):.1f} CPU s)")
    m = r["memory"]
    lines.append(f"peak memory: process tree {m['peak_tree_pss_mib']:.0f} MiB (PSS), parent maxrss"
                 f" {m['self_mib']:.0f} MiB, largest child maxrss {m['largest_child_mib']:.0f} MiB;"
                 f" largest document {r['largest_document']['file']} ({r['largest_document']['pages']} pages)")
    lines += ["", "targets:"]
    for k, v in r["targets"].items():
        flag = "n/a " if v["met"] is None else "OK  " if v["met"] else "MISS"
        per_cpu = f"; per CPU second {v['per_cpu_s']}" if "per_cpu_s" in v else ""
        lines.append(f"  {flag} {k}: {v['value']} (target {v['target']}{per_cpu})")
    return "\n".join(lines)


def main(n: int = 100, with_pdf_floor: bool = True, use_gx: bool = True, workers: int = 2,
         formats: tuple[str, ...] = ("txt", "docx", "pdf")) -> int:
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    from bench.corpus import generate

    tag = f"n{n}" + ("" if "pdf" in formats else "-" + "-".join(sorted(formats)))
    corpus = BENCH / "corpus" / tag
    print(f"Generating a corpus of {n} documents ({', '.join(formats)}) in {corpus} …", flush=True)
    t0 = time.perf_counter()
    generate(n, corpus, formats=formats)
    corpus_s = time.perf_counter() - t0
    print("Running the pipeline (cold, then no change) …", flush=True)
    pipe = _phase("pipeline", corpus=corpus, work=BENCH / "corpus" / f"work-{tag}", workers=workers,
                  use_gx=int(use_gx))
    floor = None
    if with_pdf_floor and "pdf" in formats:
        print("Raw pdfplumber floor over the same PDFs …", flush=True)
        floor = _phase("floor", corpus=corpus, processes=workers)
    print("Loader: load_batch on 1 000 000 fact rows …", flush=True)
    loader = _phase("loader", rows=1_000_000, work=BENCH / "corpus" / "work-loader")
    res = summarise(n, corpus_s, pipe, floor, loader)
    res["corpus_formats"] = list(formats)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"{tag}.json"
    out.write_text(json.dumps(res, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    print()
    print(render(res))
    print(f"\nSaved {out}")
    return 0


def _cli(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.run")
    p.add_argument("-n", type=int, default=100)
    p.add_argument("--no-floor", action="store_true", help="skip the raw pdfplumber floor")
    p.add_argument("--no-gx", action="store_true")
    p.add_argument("--formats", default="txt,docx,pdf", help="comma-separated subset of txt,docx,pdf")
    p.add_argument("--phase", choices=["pipeline", "floor", "loader"], help=argparse.SUPPRESS)
    p.add_argument("--out", help=argparse.SUPPRESS)
    p.add_argument("--corpus", help=argparse.SUPPRESS)
    p.add_argument("--work", help=argparse.SUPPRESS)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--processes", type=int, default=1, help=argparse.SUPPRESS)
    p.add_argument("--use-gx", type=int, default=1, help=argparse.SUPPRESS)
    p.add_argument("--rows", type=int, default=1_000_000, help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a.phase:
        if a.phase == "pipeline":
            r = phase_pipeline(Path(a.corpus), Path(a.work), a.workers, bool(a.use_gx))
        elif a.phase == "floor":
            r = phase_floor(Path(a.corpus), a.processes)
        else:
            r = phase_loader(a.rows, Path(a.work))
        Path(a.out).write_text(json.dumps(r, ensure_ascii=False, default=str), encoding="utf-8")
        return 0
    formats = tuple(f for f in ("txt", "docx", "pdf") if f in a.formats.split(","))
    return main(a.n, with_pdf_floor=not a.no_floor, use_gx=not a.no_gx, workers=a.workers, formats=formats)


if __name__ == "__main__":
    sys.exit(_cli())
