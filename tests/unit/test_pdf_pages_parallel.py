"""Reading a PDF's pages in several processes gives exactly the Document one process gives.

Every committed PDF (seed renderings, real published PDFs, the bundles the bench builds from
them) and every PDF in ../shared/real-pdfs when that folder is present.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.readers.pdf import EncryptedPdf, read_pdf

ROOT = Path(__file__).resolve().parents[2]
PDFS = sorted((ROOT / "tests" / "fixtures").glob("*/*.pdf")) + sorted(
    (ROOT.parent / "shared" / "real-pdfs").glob("**/*.pdf"))


@pytest.mark.parametrize("path", PDFS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_parallel_pages_give_the_same_document(path: Path):
    data = path.read_bytes()
    try:
        one = read_pdf(data)
    except EncryptedPdf:
        with pytest.raises(EncryptedPdf):
            read_pdf(data, page_workers=3, parallel_min_pages=2)
        return
    # Three helpers on any page count (an uneven round-robin split), whatever the threshold.
    many = read_pdf(data, page_workers=3, parallel_min_pages=2)
    assert many == one
    assert many.blocks, "the comparison must be about something"


def _children() -> set[int]:
    me, out = os.getpid(), set()
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                if int((d / "stat").read_text().rsplit(")", 1)[1].split()[1]) == me:
                    out.add(int(d.name))
            except (OSError, ValueError, IndexError):
                pass
    return out


def test_helpers_are_gone_afterwards():
    data = (ROOT / "tests" / "fixtures" / "pdf" / "001.pdf").read_bytes()
    before = _children()
    read_pdf(data, page_workers=3, parallel_min_pages=2)
    assert _children() <= before  # no helper left, running or unreaped


def test_a_helper_dying_without_a_result_loses_no_page(monkeypatch):
    """A helper killed or crashed before it answers (seen once under pytest-xdist, whose worker
    process has threads when it forks): the parent reads that helper's pages itself."""
    import pipeline.readers.pdf as pdf

    data = (ROOT / "tests" / "fixtures" / "pdf" / "001.pdf").read_bytes()
    one = read_pdf(data)
    parent, read = os.getpid(), pdf._read_pages

    def dies_in_a_helper(*args, **kwargs):
        if os.getpid() != parent:
            os._exit(3)  # no result, no error payload
        return read(*args, **kwargs)

    monkeypatch.setattr(pdf, "_read_pages", dies_in_a_helper)
    assert read_pdf(data, page_workers=3, parallel_min_pages=2) == one
