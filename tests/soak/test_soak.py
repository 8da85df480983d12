"""Soak: 500 mixed documents, `bpw run` killed mid-parse and mid-write, re-run; nothing lost.

Run with `make soak` (excluded from the default suite by the `soak` marker). Prints what it
tried and what it lost; asserts that it lost nothing.
"""

from __future__ import annotations

import collections
import hashlib
import os
import random
import time
from pathlib import Path

import duckdb
import pytest

from tests.soak.badfiles import FIX, bad_files, fixture, rewrite_docx
from tests.soak.test_crash import kill_group, start_run, wait_for

N_DOCS = 500
BAD_SHARE = 0.10


def mutate(fmt: str, data: bytes, i: int) -> bytes:
    """A small change that keeps the document readable but changes its hash."""
    if fmt == "txt":
        return data + f"\n（副本 {i}）\n".encode()
    if fmt == "docx":
        import zipfile
        from io import BytesIO

        with zipfile.ZipFile(BytesIO(data)) as z:
            core = z.read("docProps/core.xml")
        core = core.replace(b"</cp:coreProperties>",
                            f"<dc:description>copy {i}</dc:description></cp:coreProperties>".encode())
        return rewrite_docx(data, replace={"docProps/core.xml": core})
    return data + f"\n% copy {i}\n".encode()  # bytes after %%EOF are ignored by readers


def build(raw: Path, seed: int = 7) -> collections.Counter:
    rng = random.Random(seed)
    raw.mkdir(parents=True)
    secret = raw.parent / "secret.txt"
    secret.write_text("soak-secret")
    bad = list(bad_files(secret).items())
    kinds: collections.Counter = collections.Counter()
    n_bad = int(N_DOCS * BAD_SHARE)
    for i in range(N_DOCS - n_bad):
        fmt = rng.choice(("txt", "txt", "docx", "docx", "pdf"))
        n = rng.randrange(5)
        sub = raw / f"batch {i // 100}"
        sub.mkdir(exist_ok=True)
        (sub / f"{i:04d}_{n:03d}.{fmt}").write_bytes(mutate(fmt, fixture(fmt, n), i))
        kinds[f"good {fmt}"] += 1
    for j in range(n_bad):
        name, (data, _) = bad[j % len(bad)]
        (raw / "bad").mkdir(exist_ok=True)
        (raw / "bad" / f"{j:03d}-{name}").write_bytes(data)
        kinds[f"bad {name}"] += 1
    return kinds


def files_on_disk(raw: Path) -> set[str]:
    return {(Path(d) / f).relative_to(raw).as_posix() for d, _, fs in os.walk(raw) for f in fs}


@pytest.mark.soak
def test_soak_500_documents_kill_and_rerun(tmp_path):
    raw, wh = tmp_path / "raw", tmp_path / "wh" / "warehouse.duckdb"
    kinds = build(raw)
    on_disk = files_on_disk(raw)
    hashes = {hashlib.sha256((raw / f).read_bytes()).hexdigest() for f in on_disk if not f.startswith("bad/")}
    print(f"\nsoak: {len(on_disk)} files ({len(hashes)} distinct good hashes)")
    for k, v in sorted(kinds.items()):
        print(f"  {v:4d}  {k}")
    os.environ["BPW_MAX_UNZIPPED_BYTES"] = str(4 * 2**20)  # the zip bomb is 9 MiB unpacked
    try:
        tried = []
        t0 = time.monotonic()
        p = start_run(raw, wh)
        time.sleep(20)
        tried.append(f"run 1 killed after 20 s ({'mid-run' if p.poll() is None else 'had finished'})")
        kill_group(p)
        p = start_run(raw, wh)
        hit = wait_for(wh.with_name(wh.name + ".wal"), p, timeout=1800)
        tried.append(f"run 2 killed {'while writing the warehouse' if hit else 'after it ended'}")
        kill_group(p)
        if wh.exists():
            con = duckdb.connect(str(wh), read_only=True)
            try:
                tried.append(f"after the kills the warehouse opens: {con.execute('SELECT count(*) FROM documents').fetchone()[0]} documents")
            finally:
                con.close()
        p = start_run(raw, wh)
        out, err = p.communicate(timeout=3600)
        tried.append(f"run 3 exit {p.returncode} ({time.monotonic() - t0:.0f} s in all)")
        assert p.returncode == 0, err
    finally:
        os.environ.pop("BPW_MAX_UNZIPPED_BYTES", None)
    con = duckdb.connect(str(wh), read_only=True)
    try:
        rows = con.execute(
            """SELECT f.file_name, d.status, d.error_code, d.error_message FROM document_files f
               LEFT JOIN documents d USING (document_id) WHERE NOT f.missing"""
        ).fetchall()
        n_docs = con.execute("SELECT count(*) FROM documents WHERE missing_since IS NULL").fetchone()[0]
    finally:
        con.close()
    seen = {r[0] for r in rows}
    lost = sorted(on_disk - seen)
    no_status = [r[0] for r in rows if r[1] is None]
    unexplained = [r[0] for r in rows if r[1] not in (None, "loaded") and not (r[2] and r[3])]
    print("tried:\n  " + "\n  ".join(tried))
    by = collections.Counter((r[1], r[2]) for r in rows)
    print("outcome:")
    for (st, code), v in sorted(by.items(), key=lambda kv: (str(kv[0][0]), str(kv[0][1]))):
        print(f"  {v:4d}  {st} {code or ''}")
    print(f"lost: {len(lost)} files without a documents row, {len(no_status)} without a status, "
          f"{len(unexplained)} not loaded without a code and message; documents rows {n_docs}")
    assert not lost, lost[:20]
    assert not no_status and not unexplained
    assert n_docs == len(on_disk)
    # The good copies all made it in (as a report, or as a duplicate of one).
    good = [r for r in rows if not r[0].startswith("bad/")]
    assert all(r[1] in ("loaded", "duplicate", "partial") for r in good), [r for r in good if r[1] not in ("loaded", "duplicate", "partial")][:5]
    assert FIX.exists()
