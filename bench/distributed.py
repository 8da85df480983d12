"""Throughput of the distributed ingest: in-process vs a Dask cluster of 1 and 2 workers.

    python -m bench.distributed -r 4          # corpus = committed fixtures × 4 (no LibreOffice)

The corpus is every committed fixture report (PDF, real PDFs, DOCX, TXT) copied `-r` times
under distinct names; each copy is parsed (copies of the same bytes are deduplicated at load
time, after parsing). Each configuration loads a fresh warehouse end to end: plan, parse,
load, identity checks (no GX), views. Workers run as separate processes on loopback with one
parser child each (BPW_WORKERS=1), so "2 workers" means two cores, as two machines with one
core each would. Results go to bench/results/distributed.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import time
from pathlib import Path

from pipeline.settings import REPO_ROOT

FIX = REPO_ROOT / "tests" / "fixtures"
SOURCES = ["pdf", "real_pdf", "docx", "txt"]


def build_corpus(out: Path, reps: int) -> dict[str, int]:
    import pypdfium2

    shutil.rmtree(out, ignore_errors=True)
    pages = docs = 0
    for r in range(reps):
        for sub in SOURCES:
            for f in sorted((FIX / sub).iterdir()):
                dest = out / sub / f"r{r:03d}_{f.name}"
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(f, dest)
                docs += 1
                if f.suffix == ".pdf":
                    pages += len(pypdfium2.PdfDocument(str(f)))
    return {"documents": docs, "pdf_pages": pages}


def run_inprocess(raw: Path, wh: Path, workers: int) -> float:
    from pipeline import pipeline_run
    from pipeline.settings import Settings

    s = Settings()
    s.raw_dir, s.warehouse, s.workers = raw, wh, workers
    t0 = time.perf_counter()
    summary = pipeline_run.ingest(s)
    pipeline_run.check(s, summary, use_gx=False)
    pipeline_run.publish(s, summary, reports=False)
    return time.perf_counter() - t0


def run_cluster(raw: Path, wh: Path, n_workers: int, work: Path) -> float:
    from pipeline.dask_local import LocalCluster
    from pipeline.defs.distributed import run_distributed
    from pipeline.defs.resources import BpwSettings

    logs = work / f"logs-{n_workers}"
    logs.mkdir(parents=True, exist_ok=True)
    with LocalCluster(workers=n_workers, log_dir=logs, env={"BPW_WORKERS": "1", "BPW_PAGE_WORKERS": "1"}) as c:
        import dagster as dg

        home = work / f"dagster-{n_workers}"
        shutil.rmtree(home, ignore_errors=True)
        home.mkdir(parents=True)
        instance = dg.DagsterInstance.local_temp(str(home))
        t0 = time.perf_counter()
        result = run_distributed(c.address, BpwSettings(raw_dir=str(raw), warehouse=str(wh), use_gx=False),
                                 instance=instance)
        seconds = time.perf_counter() - t0
        if not result.success:
            raise RuntimeError(f"the distributed run failed; see {logs}")
    return seconds


def main(reps: int = 4, configs: tuple[str, ...] = ("inprocess", "1", "2")) -> dict:
    work = REPO_ROOT / "bench" / "corpus" / f"distributed-r{reps}"
    raw = work / "raw"
    size = build_corpus(raw, reps)
    out: dict = {"corpus": size | {"reps": reps}, "machine": {"cpus": _cpus(), "python": platform.python_version()},
                 "runs": {}}
    for cfg in configs:
        wh = work / f"wh-{cfg}" / "warehouse.duckdb"
        shutil.rmtree(wh.parent, ignore_errors=True)
        secs = run_inprocess(raw, wh, 2) if cfg == "inprocess" else run_cluster(raw, wh, int(cfg), work)
        out["runs"][cfg if cfg == "inprocess" else f"{cfg}_workers"] = {
            "seconds": round(secs, 1), "docs_per_s": round(size["documents"] / secs, 2),
            "pdf_pages_per_s": round(size["pdf_pages"] / secs, 1)}
        print(cfg, out["runs"], flush=True)
    res = REPO_ROOT / "bench" / "results" / "distributed.json"
    res.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n")
    return out


def _cpus() -> int:
    import os

    return os.cpu_count() or 1


if __name__ == "__main__":
    p = argparse.ArgumentParser(prog="python -m bench.distributed")
    p.add_argument("-r", type=int, default=4, help="copies of every fixture report")
    p.add_argument("--configs", default="inprocess,1,2")
    a = p.parse_args()
    main(a.r, tuple(a.configs.split(",")))
