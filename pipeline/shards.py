"""The parse fan-out cut into shards, for an engine that runs steps on other machines.

`plan_shards` (once) → `parse_shard` (one per shard, anywhere that sees the shared staging
folder) → `pipeline_run.load_staged` (once, the single DuckDB writer). The Dagster job in
`pipeline/defs/distributed.py` runs these as steps on a Dask cluster; they are plain
functions so the tests and other engines can call them directly.

Why it survives a worker dying mid-shard: a shard is written into a private
`.partial-<pid>-<token>` folder and renamed to `shard-NNNN` only when complete (rename is
atomic on one filesystem), so the loader never sees half a shard. The engine re-runs the
lost step elsewhere; a shard already complete is not parsed again. The loader refuses to
run while any shard is missing, so nothing is dropped silently.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import uuid
from pathlib import Path

from pipeline import pipeline_run, runner
from pipeline.settings import Settings

PLAN_FILE = "plan.pkl"
DONE_FILE = "DONE.json"


class ShardMissing(RuntimeError):
    """The loader was asked to load a run whose shards are not all complete."""


def shard_dir(root: Path, i: int) -> Path:
    return root / f"shard-{i:04d}"


def plan_shards(settings: Settings, run_id: str, n_shards: int) -> Path:
    """Scan and plan once; split the files to parse into `n_shards` contiguous slices.

    Contiguous slices in scan order keep the load order (shard by shard, batch by batch)
    the same as an in-process run's, so duplicates resolve to the same first copy.
    """
    summary = pipeline_run.RunSummary(run_id=run_id)
    con = pipeline_run._reader(settings)
    try:
        plan = runner.plan(settings, con)
    finally:
        if con is not None:
            con.close()
    summary.files_seen = len(plan.all_tasks)
    summary.unchanged = len(plan.unchanged)
    summary.parsed = len(plan.to_parse)
    n = max(1, n_shards)
    tasks = plan.to_parse
    bounds = [round(k * len(tasks) / n) for k in range(n + 1)]
    shards = [tasks[bounds[k] : bounds[k + 1]] for k in range(n)]
    root = settings.staging_dir / f"run-{run_id}"
    root.mkdir(parents=True, exist_ok=True)
    _atomic_pickle(root / PLAN_FILE, {"shards": shards, "unchanged": plan.unchanged, "missing": plan.missing})
    _atomic_pickle(root / "summary.pkl", summary)
    return root


def parse_shard(settings: Settings, root: Path, i: int) -> dict[str, int]:
    """Parse shard `i` into `shard-NNNN/batch-*` (Parquet per table + the loader's pickle).

    Idempotent: a complete shard is left as it is (an engine may run a step twice when a
    worker is lost after finishing it).
    """
    final = shard_dir(root, i)
    done = final / DONE_FILE
    if done.exists():
        return json.loads(done.read_text()) | {"skipped": 1}
    with open(root / PLAN_FILE, "rb") as f:
        plan = pickle.load(f)
    tasks = plan["shards"][i]
    tmp = root / f".partial-{os.getpid()}-{uuid.uuid4().hex[:6]}-{final.name}"
    tmp.mkdir()
    size = max(1, settings.batch_size)
    documents = 0
    batches = max(1, -(-len(tasks) // size))
    for k in range(batches):
        chunk = tasks[k * size : (k + 1) * size]
        outcomes = runner.parse(chunk, settings)
        documents += len(outcomes)
        # Unchanged and missing files travel with the first batch of the first shard, as
        # they do with the first batch of an in-process run.
        first = i == 0 and k == 0
        pipeline_run._write_batch(tmp, k, outcomes, chunk, plan["unchanged"] if first else [],
                                  plan["missing"] if first else [])
        del outcomes
    stats = {"shard": i, "documents": documents, "batches": batches, "pid": os.getpid()}
    (tmp / DONE_FILE).write_text(json.dumps(stats))
    try:
        os.rename(tmp, final)
    except OSError:
        # Another attempt of this shard finished first: its copy is as good as ours.
        shutil.rmtree(tmp, ignore_errors=True)
        if not done.exists():
            raise
    return stats


def check_complete(root: Path) -> int:
    """Raise ShardMissing unless every planned shard is complete; return the shard count."""
    with open(root / PLAN_FILE, "rb") as f:
        n = len(pickle.load(f)["shards"])
    missing = [i for i in range(n) if not (shard_dir(root, i) / DONE_FILE).exists()]
    if missing:
        raise ShardMissing(
            f"{len(missing)} of {n} parse shards of {root.name} are not complete "
            f"(shards {', '.join(map(str, missing[:10]))}); nothing was loaded. Re-run the job."
        )
    return n


def load_shards(settings: Settings, root: Path) -> pipeline_run.RunSummary:
    """The single writer: every shard complete, then load shard by shard, batch by batch."""
    check_complete(root)
    return pipeline_run.load_staged(settings, root)


def _atomic_pickle(path: Path, obj: object) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as f:
        pickle.dump(obj, f, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)
