"""Bad, hostile and odd inputs through the REAL pipeline: every file ends with a `documents`
row, a status and (unless loaded) a stable error code and a message a person can act on;
a bad file never stops the others.

Inputs are generated into tmp_path from the committed fixtures (tests/soak/badfiles.py);
tests/fixtures/bad/owner_password.pdf was made once with LibreOffice (owner password
"owner-secret", empty user password, copying/printing restricted).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from pipeline.ingest.errors import CATALOGUE, CODES, markdown_table
from pipeline.ingest.isolate import ChildFailed, run_isolated
from pipeline.ingest.scan import is_ignored, scan
from pipeline.pipeline_run import ingest
from pipeline.settings import REPO_ROOT, Settings
from tests.soak.badfiles import FIX, Expect, bad_files, make_pdf, make_xxe_docx, report_text

SECRET = "TOPSECRET-bpw-4711"
STATUSES = {"loaded", "partial", "failed", "not_a_report", "duplicate"}


def q(wh: Path, sql: str, params=None) -> list[tuple]:
    con = duckdb.connect(str(wh), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def build_folder(base: Path) -> tuple[Path, dict[str, Expect]]:
    """The mixed input folder: every bad kind next to good reports."""
    raw = base / "raw"
    outside = base / "outside"
    (raw / "子目录 with space").mkdir(parents=True)
    outside.mkdir()
    secret = outside / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    expect: dict[str, Expect] = {}
    for name, (data, exp) in bad_files(secret).items():
        (raw / name).write_bytes(data)
        expect[name] = exp
    # Names: spaces, Chinese, '..' inside and at the start (not hidden, not a path escape).
    (raw / "子目录 with space" / "2022年 绩效..自评 报告.txt").write_text(report_text("资源县水利局"), encoding="utf-8")
    expect["子目录 with space/2022年 绩效..自评 报告.txt"] = Expect("loaded", None, "txt")
    (raw / "..报告.txt").write_text(report_text("资源县民政局"), encoding="utf-8")
    expect["..报告.txt"] = Expect("loaded", None, "txt")
    # A PDF that opens without a password but has an owner password and restrictions.
    (raw / "owner_password.pdf").write_bytes((FIX / "bad" / "owner_password.pdf").read_bytes())
    expect["owner_password.pdf"] = Expect("loaded", None, "pdf")
    # Thousands of pages, limit 20 in these settings: first pages read, document partial.
    (raw / "thousand_pages.pdf").write_bytes(make_pdf(pages=[f"Appendix {i} of the annual accounts" for i in range(3000)]))
    expect["thousand_pages.pdf"] = Expect("partial", "TOO_MANY_PAGES", "pdf")
    # Symlinks: outside the folder (file and folder), a loop, a broken one, one inside.
    (raw / "link_outside.txt").symlink_to(secret)
    expect["link_outside.txt"] = Expect("failed", "OUTSIDE_INPUT")
    (raw / "link_outside_dir").symlink_to(outside, target_is_directory=True)
    expect["link_outside_dir"] = Expect("failed", "OUTSIDE_INPUT")
    (raw / "loop_a").symlink_to(raw / "loop_b")
    (raw / "loop_b").symlink_to(raw / "loop_a")
    expect["loop_a"] = expect["loop_b"] = Expect("failed", "UNREADABLE")
    (raw / "broken_link.docx").symlink_to(raw / "does-not-exist.docx")
    expect["broken_link.docx"] = Expect("failed", "UNREADABLE")
    (raw / "link_to_dir_inside").symlink_to(raw / "子目录 with space", target_is_directory=True)
    expect["link_to_dir_inside"] = Expect("failed", "UNREADABLE")
    (raw / "link_inside.txt").symlink_to(raw / "gbk report.txt")
    expect["link_inside.txt"] = Expect("duplicate", "DUPLICATE", "txt")
    # The same bad bytes under two more names: each keeps its own row and error.
    (raw / "empty copy.docx").write_bytes(b"")
    expect["empty copy.docx"] = Expect("failed", "EMPTY_FILE")
    (raw / "encrypted copy.pdf").write_bytes((FIX / "special" / "encrypted.pdf").read_bytes())
    expect["encrypted copy.pdf"] = Expect("failed", "ENCRYPTED_PDF")
    # A FIFO would block a reader forever: recorded, never opened.
    os.mkfifo(raw / "a_fifo.pdf")
    expect["a_fifo.pdf"] = Expect("failed", "UNREADABLE")
    # A GBK-encoded file name (as unpacked from a Windows ZIP): stored decoded.
    gbk_name = os.fsdecode("资源县财政局.txt".encode("gbk"))
    (raw / gbk_name).write_text(report_text("资源县财政局"), encoding="utf-8")
    expect["资源县财政局.txt"] = Expect("loaded", None, "txt")
    # Never documents: ignored without a row.
    for junk in (".gitkeep", ".DS_Store", "~$报告.docx", "download.pdf.crdownload"):
        (raw / junk).write_bytes(b"x")
    (raw / ".git").mkdir()
    (raw / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    return raw, expect


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    base = tmp_path_factory.mktemp("bad")
    raw, expect = build_folder(base)
    s = Settings(raw_dir=raw, warehouse=base / "wh" / "warehouse.duckdb",
                 max_unzipped_bytes=2 * 2**20, max_pages=20, parse_timeout_s=60, workers=2)
    summary = ingest(s)
    rows = q(s.warehouse, """SELECT file_name, file_format, status, error_code, error_message, page_count
                             FROM documents""")
    by_name = {r[0]: r for r in rows}
    return base, raw, s, expect, by_name, summary


def _expected_names():
    with_cases = [*bad_files(Path("/nonexistent")).keys()]
    return with_cases + [
        "子目录 with space/2022年 绩效..自评 报告.txt", "..报告.txt", "owner_password.pdf",
        "thousand_pages.pdf", "link_outside.txt", "link_outside_dir", "loop_a", "loop_b",
        "broken_link.docx", "link_to_dir_inside", "link_inside.txt", "a_fifo.pdf", "资源县财政局.txt",
        "empty copy.docx", "encrypted copy.pdf",
    ]


@pytest.mark.parametrize("name", _expected_names())
def test_catalogue(mixed, name):
    _, _, _, expect, rows, _ = mixed
    assert name in rows, f"{name} has no documents row"
    _, fmt, status, code, message, _ = rows[name]
    exp = expect[name]
    assert exp.ok(status, code), (name, status, code, message)
    if exp.fmt:
        assert fmt == exp.fmt, (name, fmt)
    if status == "loaded":
        assert code is None and message is None
    else:
        assert code in CATALOGUE
        assert message and len(message) > 30, message  # a sentence, not a bare code
        assert "Traceback" not in message


def test_nothing_lost(mixed):
    base, raw, s, _, rows, summary = mixed
    # Every directory entry the folder holds, except names that are never documents.
    entries = []
    for dirpath, dirnames, filenames in os.walk(raw, followlinks=False):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for d in list(dirnames):
            if (Path(dirpath) / d).is_symlink():
                entries.append(d)  # a symlinked folder gets one row, not followed
                dirnames.remove(d)
        entries += [f for f in filenames if not is_ignored(f)]
    assert len(entries) == len(rows) == summary.files_seen
    for name, (_, _, status, code, message, _) in rows.items():
        assert status in STATUSES, name
        if status != "loaded":
            assert code and message, name
    assert not any(is_ignored(Path(n).name) for n in rows)
    ids = q(s.warehouse, "SELECT document_id FROM documents")
    assert len({i for (i,) in ids}) == len(ids)


def test_identical_bad_files_keep_a_row_each(mixed):
    _, _, s, _, _, _ = mixed
    rows = dict(q(s.warehouse, """SELECT file_name, duplicate_of IS NOT NULL FROM documents
                                  WHERE file_name IN ('encrypted.pdf', 'encrypted copy.pdf')"""))
    assert sorted(rows.values()) == [False, True]


def test_text_encodings_give_the_right_chinese(mixed):
    _, _, s, _, _, _ = mixed
    units = dict(q(s.warehouse, """SELECT d.file_name, r.unit_name FROM documents d
                                   JOIN reports r USING (document_id)"""))
    assert units["gbk report.txt"] == "资源县审计局"
    assert units["utf16 报告.txt"] == "资源县档案馆"
    assert units["..utf16le-nobom..txt"] == "资源县气象局"
    assert units["text_named.docx"] == "资源县统计局"
    assert units["资源县财政局.txt"] == "资源县财政局"
    assert units["owner_password.pdf"] == "资源县林业局"


def test_too_many_pages_reads_the_first_pages(mixed):
    _, _, s, _, rows, _ = mixed
    _, _, status, code, message, pages = rows["thousand_pages.pdf"]
    assert (status, code, pages) == ("partial", "TOO_MANY_PAGES", 3000)
    assert "first 20 of 3000 pages" in message
    (text,) = q(s.warehouse, """SELECT string_agg(text, ' ') FROM blocks JOIN documents USING (document_id)
                                 WHERE file_name = 'thousand_pages.pdf'""")[0]
    assert "Appendix 19 " in text and "Appendix 20 " not in text  # pages 1-20 hold 0-19


def test_no_secret_leaks_into_the_warehouse(mixed):
    """XXE, external relationships and symlinks to a secret file: its content is nowhere."""
    _, _, s, _, _, _ = mixed
    con = duckdb.connect(str(s.warehouse), read_only=True)
    try:
        for table, col in (("blocks", "text"), ("cells", "text"), ("documents", "error_message"),
                           ("documents", "file_name")):
            hits = con.execute(f"SELECT count(*) FROM {table} WHERE {col} LIKE ?", [f"%{SECRET}%"]).fetchone()[0]
            assert hits == 0, (table, col)
    finally:
        con.close()


def test_docx_parser_never_resolves_entities_or_touches_the_network(tmp_path):
    """Below the UNSAFE_DOCX gate: python-docx/lxml themselves resolve nothing."""
    from pipeline.readers.docx import read_docx

    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    doc = read_docx(make_xxe_docx(secret))
    assert SECRET not in doc.text()
    # An entity pointing at a local HTTP port: the parser must never connect.
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(1)
    srv.settimeout(0.5)
    port = srv.getsockname()[1]
    url_file = tmp_path / "url"
    data = make_xxe_docx(url_file).replace(url_file.resolve().as_uri().encode(),
                                            f"http://127.0.0.1:{port}/x".encode())
    try:
        doc = read_docx(data)
        with pytest.raises(TimeoutError):
            srv.accept()
    finally:
        srv.close()
    assert "127.0.0.1" not in doc.text()


def test_lxml_defaults_used_by_python_docx():
    from docx.oxml.parser import oxml_parser

    # lxml exposes no getter; the parser's repr of its options is not public either, so
    # check behaviour on an inline document instead.
    from lxml import etree

    xml = b'<!DOCTYPE r [<!ENTITY e "EXPANDED">]><r>&e;</r>'
    assert b"EXPANDED" not in etree.tostring(etree.fromstring(xml, oxml_parser))


def test_unreadable_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("running as root: chmod 000 does not stop root from reading")
    raw = tmp_path / "raw"
    raw.mkdir()
    p = raw / "locked.txt"
    p.write_text(report_text("资源县交通局"), encoding="utf-8")
    p.chmod(0)
    try:
        s = Settings(raw_dir=raw, warehouse=tmp_path / "wh.duckdb", workers=1)
        ingest(s)
        assert q(s.warehouse, "SELECT status, error_code FROM documents") == [("failed", "UNREADABLE")]
    finally:
        p.chmod(0o644)


# --- timeouts and crashes: isolation ------------------------------------------------------


def _sleepy(x: int) -> int:
    if x == 1:
        time.sleep(30)
    if x == 2:
        os._exit(7)
    return x * 10


def test_run_isolated_stops_a_hang_and_survives_a_crash():
    t0 = time.monotonic()
    results = dict(run_isolated(_sleepy, [0, 1, 2, 3], workers=2, timeout_s=1))
    assert time.monotonic() - t0 < 10
    assert results[0] == 0 and results[3] == 30
    assert isinstance(results[1], ChildFailed) and results[1].kind == "timeout"
    assert isinstance(results[2], ChildFailed) and results[2].kind == "crash"


def test_pipeline_maps_hang_and_crash_to_codes(tmp_path, monkeypatch):
    """A reader that hangs or dies on one file (injected; forked children inherit the patch):
    PARSE_TIMEOUT / PARSER_CRASH for it, the other file still loads — even a single file
    runs in a child so it can be stopped."""
    import pipeline.ingest.process as process

    real = process.read_document

    def hostile_reader(data, settings, fmt=None):
        if b"BPW-TEST-HANG" in data:
            time.sleep(60)
        if b"BPW-TEST-CRASH" in data:
            os._exit(9)
        return real(data, settings, fmt)

    monkeypatch.setattr(process, "read_document", hostile_reader)
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "hang.txt").write_text("BPW-TEST-HANG\n" + report_text("资源县体育局"), encoding="utf-8")
    (raw / "crash.txt").write_text("BPW-TEST-CRASH\n" + report_text("资源县文旅局"), encoding="utf-8")
    (raw / "good.txt").write_text(report_text("资源县教育局"), encoding="utf-8")
    s = Settings(raw_dir=raw, warehouse=tmp_path / "wh.duckdb", parse_timeout_s=1, workers=2)
    t0 = time.monotonic()
    ingest(s)
    assert time.monotonic() - t0 < 20
    rows = {r[0]: r[1:] for r in q(s.warehouse, "SELECT file_name, status, error_code, error_message FROM documents")}
    assert rows["good.txt"][:2] == ("loaded", None)
    assert rows["hang.txt"][:2] == ("failed", "PARSE_TIMEOUT")
    assert "BPW_PARSE_TIMEOUT" in rows["hang.txt"][2]
    assert rows["crash.txt"][:2] == ("failed", "PARSER_CRASH")

    # One file alone is isolated too.
    (raw / "good.txt").unlink()
    (raw / "crash.txt").unlink()
    s2 = Settings(raw_dir=raw, warehouse=tmp_path / "wh2.duckdb", parse_timeout_s=1, workers=4)
    ingest(s2)
    assert q(s2.warehouse, "SELECT status, error_code FROM documents") == [("failed", "PARSE_TIMEOUT")]


# --- scanner ------------------------------------------------------------------------------


def test_scan_refuses_paths_outside_the_input_folder(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (tmp_path / "elsewhere.txt").write_text("x")
    (raw / "up").symlink_to(Path("..") / "elsewhere.txt")
    (raw / "abs").symlink_to(tmp_path / "elsewhere.txt")
    tasks = {t.rel: t for t in scan(raw)}
    assert {k: t.error.code for k, t in tasks.items()} == {"abs": "OUTSIDE_INPUT", "up": "OUTSIDE_INPUT"}


def test_scan_of_a_missing_folder_is_empty(tmp_path):
    assert scan(tmp_path / "nope") == []


# --- the warehouse is read-only from `bpw query` -------------------------------------------


def _bpw(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("bpw")
    env = {**os.environ, "GX_ANALYTICS_ENABLED": "false"}
    return subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=timeout, env=env)


def test_bpw_query_cannot_write(mixed, tmp_path):
    _, _, s, _, _, _ = mixed
    before = q(s.warehouse, "SELECT table_name FROM information_schema.tables ORDER BY 1")
    n_docs = q(s.warehouse, "SELECT count(*) FROM documents")
    wh = ["--warehouse", str(s.warehouse), "query"]
    r = _bpw(*wh, "CREATE TABLE x(a int)")
    assert r.returncode != 0
    assert "read-only" in r.stderr and "Traceback" not in r.stderr
    r = _bpw(*wh, "DELETE FROM documents")
    assert r.returncode != 0 and "Traceback" not in r.stderr
    out = tmp_path / "leak.csv"
    r = _bpw(*wh, f"COPY (SELECT * FROM documents) TO '{out}'")
    assert r.returncode != 0 and not out.exists() and "Traceback" not in r.stderr
    r = _bpw(*wh, f"ATTACH '{tmp_path / 'new.duckdb'}' AS n")
    assert r.returncode != 0 and not (tmp_path / "new.duckdb").exists()
    r = _bpw(*wh, "SELECT count(*) AS n FROM documents", "--format", "csv")
    assert r.returncode == 0 and r.stdout.splitlines()[1] == str(n_docs[0][0])
    assert q(s.warehouse, "SELECT table_name FROM information_schema.tables ORDER BY 1") == before
    assert q(s.warehouse, "SELECT count(*) FROM documents") == n_docs


# --- the catalogue is documented ----------------------------------------------------------


def test_error_codes_doc_lists_every_code():
    doc = (REPO_ROOT / "docs" / "error_codes.md").read_text(encoding="utf-8")
    assert markdown_table() in doc, "docs/error_codes.md is out of date: paste errors.markdown_table()"
    for code, c in CODES.items():
        assert c.status in STATUSES, code


def test_reports_without_figures_are_never_duplicates_of_each_other():
    """Two different units' title pages, both without a figure or a unit name, share
    everything the duplicate fingerprint compares; neither may hide the other."""
    from pipeline.extract import extract
    from pipeline.ingest.process import fingerprint
    from pipeline.readers.text import read_text

    a = extract(read_text("部门预算项目支出绩效自评表(2023年度)\n青神县项目\n".encode()), "a")
    b = extract(read_text("部门预算项目支出绩效自评表(2023年度)\n大英县项目\n".encode()), "b")
    assert a.reports and b.reports
    assert fingerprint(a) is None and fingerprint(b) is None
