"""Two `bpw run`s at once on different folders and warehouses, one DAGSTER_HOME: each run
hands its own staged batch from `staged_documents` to `warehouse_tables` (values are kept
per run, pipeline/defs/io_managers.py), so both succeed and neither loads the other's files."""

from __future__ import annotations

import os
import pickle
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb

from pipeline.defs.instance import project_instance

FIX = Path(__file__).resolve().parent.parent / "fixtures"
FILES = {"a": ["000.txt", "001.txt"], "b": ["002.txt", "003.txt", "004.txt"]}


def test_two_runs_at_once_each_load_their_own_folder(tmp_path):
    bpw = Path(sys.executable).with_name("bpw")
    procs = {}
    for side, names in FILES.items():
        raw = tmp_path / side
        raw.mkdir()
        for name in names:
            shutil.copy(FIX / "txt" / name, raw / name)
        env = dict(os.environ, BPW_RAW_DIR=str(raw), BPW_WAREHOUSE=str(tmp_path / f"w{side}" / "warehouse.duckdb"),
                   BPW_WORKERS="1", BPW_PAGE_WORKERS="1")
        env.pop("BPW_STAGING_DIR", None)
        procs[side] = subprocess.Popen([str(bpw), "run", "--quiet", "--no-gx"], env=env, text=True,
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    outs = {side: p.communicate(timeout=300) for side, p in procs.items()}
    for side, p in procs.items():
        assert p.returncode == 0, outs[side]

    instance = project_instance()
    storage = Path(instance.storage_directory())
    for side, names in FILES.items():
        wh = tmp_path / f"w{side}" / "warehouse.duckdb"
        con = duckdb.connect(str(wh), read_only=True)
        try:
            loaded = sorted(r[0] for r in con.execute("SELECT file_name FROM documents").fetchall())
        finally:
            con.close()
        assert loaded == names, side
        # The run's staged batch was handed over in the run's own folder of the IO manager.
        short = re.search(r"Dagster run ([0-9a-f]{8}) recorded", outs[side][0])
        assert short, outs[side][0]
        (run,) = [r for r in instance.get_runs() if r.run_id.startswith(short.group(1))]
        with open(storage / run.run_id / "staged_documents", "rb") as f:
            batch = Path(pickle.load(f))
        assert batch == wh.parent / "staging" / f"run-{short.group(1)}"
        assert (storage / run.run_id / "warehouse_tables").exists()
