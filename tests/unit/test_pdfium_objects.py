"""The pdfium path gives exactly the Document (and so the facts) of the pdfminer path.

`read_pdf(data, pdfium=True)` takes each page's characters and rulings from pdfium where
they match pdfminer's and leaves the other pages to pdfminer; `pdfium=False` is the
reference. Compared on every committed PDF (seed renderings, real fixtures, the sample
input) and on every PDF in ../shared/real-pdfs when present (marked slow: ~20 s).
"""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest

from pipeline.extract import extract
from pipeline.readers import pdfium_objects
from pipeline.readers.pdf import EncryptedPdf, read_pdf

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = sorted((ROOT / "tests" / "fixtures").glob("*/*.pdf")) + sorted(
    (ROOT / "data" / "raw").glob("*.pdf"))
SHARED = sorted((ROOT.parent / "shared" / "real-pdfs").glob("**/*.pdf"))


def _both(path: Path):
    data = path.read_bytes()
    try:
        ref = read_pdf(data, pdfium=False)
    except EncryptedPdf:
        with pytest.raises(EncryptedPdf):
            read_pdf(data, pdfium=True)
        return None, None
    return ref, read_pdf(data, pdfium=True)


def _facts(doc, path: Path):
    return extract(doc, "doc")


def _check(path: Path) -> None:
    ref, new = _both(path)
    if ref is None:
        return
    assert new == ref
    assert ref.blocks, "the comparison must be about something"
    assert _facts(new, path) == _facts(ref, path)


@pytest.mark.parametrize("path", COMMITTED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_committed_pdfs_read_the_same_from_pdfium(path: Path):
    _check(path)


@pytest.mark.slow
@pytest.mark.parametrize("path", SHARED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_shared_real_pdfs_read_the_same_from_pdfium(path: Path):
    _check(path)


def test_pdfium_does_read_the_seed_renderings():
    """The speed comes from pages pdfium reads: every page of the seed renderings is one
    (a regression that sent them all to pdfminer would pass the equality tests)."""
    data = (ROOT / "tests" / "fixtures" / "pdf" / "003.pdf").read_bytes()
    pdfium_objects.STATS.clear()
    read_pdf(data, pdfium=True)
    assert pdfium_objects.STATS["pdfium"] == 78


def test_page_objects_match_pdfminer_geometry():
    """Characters, lines and rectangles of a converted page carry pdfminer's geometry."""
    data = (ROOT / "tests" / "fixtures" / "pdf" / "001.pdf").read_bytes()
    doc = pdfium_objects.open_document(data)
    fonts = pdfium_objects.FontCache()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            objs = pdfium_objects.page_objects(doc, page, fonts)
            ref = page.objects
            for kind in ("char", "line", "rect"):
                a, b = ref.get(kind, []), objs.get(kind, [])
                assert len(a) == len(b), kind
                if kind != "char":
                    key = lambda o: (round(o["top"], 1), round(o["x0"], 1), round(o["x1"], 1))  # noqa: E731
                    a, b = sorted(a, key=key), sorted(b, key=key)
                for oa, ob in zip(a, b, strict=True):
                    assert oa.get("text") == ob.get("text")
                    for k in ("x0", "x1", "top", "bottom"):
                        assert abs(oa[k] - ob[k]) < 0.01, (kind, k, oa, ob)


def test_a_glyph_printing_two_characters_goes_to_pdfminer():
    """000.pdf prints 「——」 as one glyph; pdfium splits it into two characters at one origin,
    so that page is read by pdfminer (and the Document stays the same)."""
    data = (ROOT / "tests" / "fixtures" / "pdf" / "000.pdf").read_bytes()
    doc = pdfium_objects.open_document(data)
    fonts = pdfium_objects.FontCache()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        with pytest.raises(pdfium_objects.Unsupported, match="several characters"):
            pdfium_objects.page_objects(doc, pdf.pages[4], fonts)


def test_spacing_operators_send_the_page_to_pdfminer():
    """A page that sets character spacing (pdfminer places its characters differently from
    the PDF specification, which pdfium follows) is left to pdfminer."""
    data = (ROOT / "tests" / "fixtures" / "real_pdf" / "jiangsu_2019_explanation.pdf").read_bytes()
    doc = pdfium_objects.open_document(data)
    fonts = pdfium_objects.FontCache()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        with pytest.raises(pdfium_objects.Unsupported, match="Tc"):
            pdfium_objects.page_objects(doc, pdf.pages[0], fonts)


def _ch(text, x0, x1, top=100.0, bottom=110.0):
    return {"text": text, "x0": x0, "x1": x1, "top": top, "bottom": bottom}


def test_a_cut_decision_resting_on_trailing_blanks_is_flagged():
    """pdfium's text page keeps one blank of a run; where more blanks would make a bottom
    cell's last line full (and so the row cut by the page break), the page must be read by
    pdfminer: `_set_text_bottoms` says so."""
    from types import SimpleNamespace

    from pipeline.readers.pdf import _RawCell, _set_text_bottoms

    def cell():  # a wide cell whose text ends at its bottom, half-way across
        return _RawCell(x0=0.0, x1=200.0, top=10_090.0, bottom=10_112.0, text="项目 名称")

    with_blank = SimpleNamespace(chars=[_ch("项", 2, 12), _ch("目", 12, 22), _ch(" ", 22, 27)])
    assert _set_text_bottoms(with_blank, 1, [[cell()]]) is True
    no_blank = SimpleNamespace(chars=[_ch("项", 2, 12), _ch("目", 12, 22)])
    assert _set_text_bottoms(no_blank, 1, [[cell()]]) is False
    full = SimpleNamespace(chars=[_ch("项", 2, 12), _ch("目", 180, 195), _ch(" ", 195, 199)])
    c = cell()
    assert _set_text_bottoms(full, 1, [[c]]) is False and c.cut  # full already: blanks can't change it


def test_objects_pdfplumber_cannot_use_send_the_page_to_pdfminer(monkeypatch):
    """Should pdfplumber fail on pdfium's objects, the page is read by pdfminer: the Document
    is the same, never an error the pdfminer path would not raise."""
    data = (ROOT / "tests" / "fixtures" / "pdf" / "002.pdf").read_bytes()
    ref = read_pdf(data, pdfium=False)
    monkeypatch.setattr(pdfium_objects, "page_objects",
                        lambda doc, page, fonts: {"char": [{"text": "x"}], "rect": [{}]})
    pdfium_objects.STATS.clear()
    assert read_pdf(data, pdfium=True) == ref
    assert pdfium_objects.STATS["pdfium"] == 0
    assert pdfium_objects.STATS["pdfminer: error on pdfium's objects"] == ref.page_count
