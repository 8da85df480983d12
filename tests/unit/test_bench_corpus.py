"""The benchmark corpus: every document distinct, every format present."""

from __future__ import annotations

import hashlib
import shutil

import pytest

from bench.corpus import generate, mutate_name, plan


def test_plan_mixes_formats_and_is_stable():
    specs = plan(20)
    assert {s.fmt for s in specs} == {"txt", "docx", "pdf"}
    assert any(s.kind == "bundle" for s in specs)
    assert [s.name for s in plan(10)] == [s.name for s in specs[:10]]  # N=100 is a prefix of N=1000
    tags = [t for s in specs for _, t in s.parts]
    assert len(tags) == len(set(tags))


def test_mutated_unit_name_keeps_the_place_suffix():
    assert mutate_name("中共资源县委员会组织部", 42) == "中共资源零零四二县委员会组织部"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is needed for the PDFs")
def test_generate_six_distinct_documents(tmp_path):
    entries = generate(6, tmp_path / "corpus", cache_dir=tmp_path / "cache", log=lambda *_: None)
    assert len(entries) == 6
    assert {e.format for e in entries} == {"txt", "docx", "pdf"}
    raw = tmp_path / "corpus" / "raw"
    hashes = [hashlib.sha256((raw / e.file).read_bytes()).hexdigest() for e in entries]
    assert hashes == [e.sha256 for e in entries]
    assert len(set(hashes)) == 6
    assert all(e.pages > 0 and e.bytes > 0 for e in entries)


def test_single_pdf_bench_measures_an_outside_folder_when_named(tmp_path, monkeypatch):
    # A real 150+-page PDF fetched to /tmp is never committed: the bench finds it through
    # BPW_BENCH_PDF_DIR where it is present, and the committed and shared files elsewhere.
    from bench import single_pdf

    monkeypatch.delenv("BPW_BENCH_PDF_DIR", raising=False)
    before = single_pdf.candidates()
    big = tmp_path / "big.pdf"
    shutil.copy(before[0], big)
    monkeypatch.setenv("BPW_BENCH_PDF_DIR", str(tmp_path))
    assert big in single_pdf.candidates()
    monkeypatch.setenv("BPW_BENCH_PDF_DIR", str(tmp_path / "absent"))
    assert single_pdf.candidates() == before
