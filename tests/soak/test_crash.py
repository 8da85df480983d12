"""Crash safety of `bpw run` as a real process: SIGKILL at several points never damages the
previous warehouse, a re-run accounts for every file, and two runs at once never corrupt it.

(Part of the default suite; the long version is test_soak.py, `make soak`.)
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from tests.soak.badfiles import FIX, bad_files

BPW = Path(sys.executable).with_name("bpw")


def start_run(raw: Path, wh: Path, *extra: str) -> subprocess.Popen:
    env = {**os.environ, "GX_ANALYTICS_ENABLED": "false", "BPW_WORKERS": "2"}
    return subprocess.Popen(
        [str(BPW), "--raw", str(raw), "--warehouse", str(wh), "run", "--quiet", "--no-gx", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        start_new_session=True,  # its own process group: the kill takes the parser children too
    )


def kill_group(p: subprocess.Popen) -> None:
    try:
        os.killpg(p.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    p.communicate(timeout=30)


def count_files(raw: Path) -> int:
    return sum(len(fs) for _, _, fs in os.walk(raw))


def snapshot(wh: Path) -> dict[str, int]:
    """Open read-only (as an analyst would) and count every table: proves it is readable."""
    con = duckdb.connect(str(wh), read_only=True)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'").fetchall()]
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        con.close()


def accounted(wh: Path) -> tuple[int, int]:
    """(files present in document_files, of which have a documents row with a status)."""
    con = duckdb.connect(str(wh), read_only=True)
    try:
        return con.execute(
            """SELECT count(*), count(d.status) FROM document_files f
               LEFT JOIN documents d USING (document_id) WHERE NOT f.missing"""
        ).fetchone()
    finally:
        con.close()


BAD_KINDS = ("empty.docx", "html_page.pdf", "truncated.docx", "legacy.doc", "scanned.pdf",
             "encrypted.pdf", "poem.docx", "gbk report.txt")


def populate(raw: Path, first: bool) -> None:
    """First: 6 reports. Then: 2 more reports and 8 bad files (kept small: each `bpw run`
    pays Dagster's start-up, the test must stay fast)."""
    raw.mkdir(parents=True, exist_ok=True)
    if first:
        for fmt, ns in (("txt", range(5)), ("docx", (1,))):
            for n in ns:
                shutil.copy(FIX / fmt / f"{n:03d}.{fmt}", raw / f"{fmt}-{n:03d}.{fmt}")
        return
    shutil.copy(FIX / "docx" / "003.docx", raw / "later-003.docx")
    shutil.copy(FIX / "pdf" / "002.pdf", raw / "later-002.pdf")
    secret = raw.parent / "secret.txt"
    secret.write_text("x")
    for name, (data, _) in bad_files(secret).items():
        if name in BAD_KINDS:
            (raw / f"later-{name}").write_bytes(data)


def wait_for(path: Path, p: subprocess.Popen, timeout: float) -> bool:
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout and p.poll() is None:
        if path.exists():
            return True
        time.sleep(0.005)
    return False


def test_sigkill_leaves_the_previous_warehouse_intact(tmp_path):
    raw, wh = tmp_path / "raw", tmp_path / "wh" / "warehouse.duckdb"
    populate(raw, first=True)
    p = start_run(raw, wh)
    out, err = p.communicate(timeout=300)
    assert p.returncode == 0, err
    before = snapshot(wh)
    assert before["documents"] == count_files(raw) == 6

    populate(raw, first=False)
    total = count_files(raw)
    wal = wh.with_name(wh.name + ".wal")
    tried = []
    for when in (0.5, 1.0, 2.0, "while writing"):
        p = start_run(raw, wh)
        if when == "while writing":
            # Kill as soon as the run writes (the WAL appears): the worst moment.
            hit = wait_for(wal, p, timeout=120)
            tried.append(f"{when} ({'hit' if hit else 'run ended first'})")
        else:
            time.sleep(when)
            tried.append(f"{when} s ({'running' if p.poll() is None else 'already done'})")
        kill_group(p)
        now = snapshot(wh)
        # All or nothing: the batch is one transaction.
        assert now["documents"] in (before["documents"], total), (when, now["documents"])
        if now["documents"] == before["documents"]:
            assert now == before, when
    print("killed at:", ", ".join(tried))

    p = start_run(raw, wh)
    out, err = p.communicate(timeout=300)
    assert p.returncode == 0, err
    after = snapshot(wh)
    assert after["documents"] == total
    assert accounted(wh) == (total, total)


def test_two_runs_at_once_never_corrupt(tmp_path):
    raw, wh = tmp_path / "raw", tmp_path / "wh" / "warehouse.duckdb"
    populate(raw, first=True)
    (raw / "empty.docx").write_bytes(b"")
    total = count_files(raw)
    a = start_run(raw, wh)
    b = start_run(raw, wh)
    outs = [p.communicate(timeout=600) for p in (a, b)]
    results = [(p.returncode, out, err) for p, (out, err) in zip((a, b), outs, strict=True)]
    for rc, _, err in results:
        assert "Traceback" not in err, err
        if rc != 0:
            assert "locked" in err.lower(), err
    assert any(rc == 0 for rc, _, _ in results), results
    assert snapshot(wh)["documents"] == total
    c = start_run(raw, wh)
    _, err = c.communicate(timeout=300)
    assert c.returncode == 0, err
    assert accounted(wh) == (total, total)


def test_a_run_waiting_too_long_for_the_lock_says_so(tmp_path):
    """An open writer (here: this test) holds the file; with BPW_LOCK_WAIT=1 the run stops
    with a plain sentence, exit 1, no traceback."""
    raw, wh = tmp_path / "raw", tmp_path / "wh" / "warehouse.duckdb"
    raw.mkdir()
    shutil.copy(FIX / "txt" / "002.txt", raw / "a.txt")
    wh.parent.mkdir()
    holder = duckdb.connect(str(wh))
    try:
        env_before = os.environ.get("BPW_LOCK_WAIT")
        os.environ["BPW_LOCK_WAIT"] = "1"
        try:
            p = start_run(raw, wh)
        finally:
            if env_before is None:
                del os.environ["BPW_LOCK_WAIT"]
            else:
                os.environ["BPW_LOCK_WAIT"] = env_before
        out, err = p.communicate(timeout=300)
    finally:
        holder.close()
    assert p.returncode == 1
    assert "locked by another process" in err and "BPW_LOCK_WAIT" in err
    assert "Traceback" not in err
