"""The pdfium path loads its pdfminer fonts with two faster readers, which must give exactly
what pdfminer's own give: the ToUnicode CMap reader (`pdfium_objects._FastCMapParser`, against
pdfminer's CMapParser) and the Type 1 header encoding reader (`_FastType1Header`, against
Type1FontHeaderParser). Compared on every font of every committed PDF, of every PDF in
../shared/real-pdfs (slow), and on made-up inputs at the edges of what they read themselves
(the rest they hand to pdfminer)."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from pdfminer.cmapdb import CMapParser, FileUnicodeMap
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdffont import Type1FontHeaderParser
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFStream, resolve1

from pipeline.readers import pdfium_objects
from pipeline.readers.pdfium_objects import _FastCMapParser, _FastType1Header

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = sorted((ROOT / "tests" / "fixtures").glob("*/*.pdf")) + sorted((ROOT / "data" / "raw").glob("*.pdf"))
SHARED = sorted((ROOT.parent / "shared" / "real-pdfs").glob("**/*.pdf"))


def _maps(data: bytes) -> tuple[FileUnicodeMap, FileUnicodeMap]:
    ref, fast = FileUnicodeMap(), FileUnicodeMap()
    CMapParser(ref, BytesIO(data)).run()
    _FastCMapParser(fast, BytesIO(data)).run()
    return ref, fast


def _same(data: bytes) -> None:
    ref, fast = _maps(data)
    assert fast.cid2unichr == ref.cid2unichr
    assert list(fast.cid2unichr) == list(ref.cid2unichr)  # same insertion order too
    assert fast.attrs == ref.attrs


def _same_encoding(data: bytes) -> None:
    try:
        ref = Type1FontHeaderParser(BytesIO(data)).get_encoding()
    except Exception as e:  # pdfminer fails on it (a put with one operand): so must the fast one
        with pytest.raises(type(e)):
            _FastType1Header(BytesIO(data)).get_encoding()
        return
    fast = _FastType1Header(BytesIO(data)).get_encoding()
    assert fast == ref
    assert list(fast) == list(ref)


def _font_streams(path: Path) -> tuple[list[bytes], list[bytes]]:
    """(ToUnicode CMaps, clear-text headers of Type 1 font programs) of a PDF."""
    with open(path, "rb") as f:
        try:
            doc = PDFDocument(PDFParser(f))
        except Exception:  # the encrypted fixture
            return [], []
        out, headers, seen = [], [], set()
        for xref in doc.xrefs:
            for objid in xref.get_objids():
                if objid in seen:
                    continue
                seen.add(objid)
                try:
                    obj = doc.getobj(objid)
                except Exception:
                    continue
                if isinstance(obj, dict) and "FontFile" in obj:
                    ff = resolve1(obj["FontFile"])
                    try:
                        headers.append(ff.get_data()[: int(resolve1(ff["Length1"]))])
                    except Exception:
                        pass
                if isinstance(obj, dict) and "ToUnicode" in obj:
                    s = resolve1(obj["ToUnicode"])
                    if isinstance(s, PDFStream):
                        try:
                            out.append(s.get_data())
                        except Exception:
                            continue
        return out, headers


def _check_file(path: Path) -> tuple[int, int]:
    streams, headers = _font_streams(path)
    for data in streams:
        _same(data)
    for data in headers:
        _same_encoding(data)
    return len(streams), len(headers)


def test_committed_pdfs_font_maps_are_pdfminers():
    counts = [_check_file(p) for p in COMMITTED]
    assert sum(c[0] for c in counts) > 20 and sum(c[1] for c in counts) > 20


@pytest.mark.slow
@pytest.mark.parametrize("path", SHARED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_shared_pdfs_font_maps_are_pdfminers(path: Path):
    _check_file(path)


def test_the_fast_path_is_taken(monkeypatch):
    """The blocks of an ordinary CMap are not handed to pdfminer's tokeniser (a regression
    that always fell back would pass the equality tests)."""
    data = _font_streams(ROOT / "tests" / "fixtures" / "pdf" / "003.pdf")[0][0]
    calls: list[int] = []
    orig = CMapParser.run

    def counting(self):
        calls.append(len(self.fp.getvalue()))
        return orig(self)

    monkeypatch.setattr(CMapParser, "run", counting)
    fast = FileUnicodeMap()
    _FastCMapParser(fast, BytesIO(data)).run()
    assert fast.cid2unichr
    assert sum(calls) < len(data) / 2  # only the header and the trailer went to pdfminer


HEAD = b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" \
       b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" \
       b"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
TAIL = b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"


@pytest.mark.parametrize("body", [
    b"2 beginbfchar\n<0003> <0020>\n<0011><4E00>\nendbfchar\n",
    b"1 beginbfrange\n<0010> <0012> <0041>\nendbfrange\n2 beginbfchar\n<0003> <00A0>\n<0004> <0020>\nendbfchar\n",
    b"1 beginbfrange\n<0010> <0012> [<0041> <0042> <00430044>]\nendbfrange\n",
    b"1 beginbfrange\n<0010> <0013> [<0041> <0042>]\nendbfrange\n",  # pdfminer warns: its own parser
    b"1 beginbfrange\n<10> <0012> <0041>\nendbfrange\n",  # lengths differ: pdfminer skips it
    b"1 beginbfchar\n<003> <0020>\nendbfchar\n",  # an odd hex string
    b"1 beginbfchar\n<00 03> <00 20>\nendbfchar\n",  # blanks inside hex strings
    b"1 beginbfchar\n<0003> /space\nendbfchar\n",  # a glyph name
    b"1 beginbfchar\n<0003> <0020> <0004>\nendbfchar\n",  # a lone last entry
    b"1 beginbfchar\n<0003> <0020>\n% a comment\nendbfchar\n",
    b"1 beginbfchar\n<0003> <0020>\nendbfchar\n1 beginbfchar\n<0003> <00A0>\nendbfchar\n",  # A0 after a space
    b"1 beginbfrange\n<FFFFFFFF> <FFFFFFFF> <FFFFFFFF>\nendbfrange\n",
    b"1 beginbfrange\n<0001> <0002> <D83DDE00>\nendbfrange\n",
    b"1 beginbfchar<0003><0020>endbfchar 1 beginbfchar <0005> <0021> endbfchar",
    b"1 beginbfchar\n<0003> <0020>\nendbfchar\n2 beginbfcharx\n<0004> <0021>\nendbfchar\n",
    b"1 beginbfchar\n<0003> <0020>\nendbfchar\n/Foo 1 def 1 beginbfchar\n<0004> <0021>\nendbfchar\n",
    b"1 beginbfchar\n<0003> <0020>\nendbfchar\nendcmap\n1 beginbfchar\n<0004> <0021>\nendbfchar\n",
])
def test_made_up_cmaps(body: bytes):
    _same(HEAD + body + TAIL)
    _same(body)


@pytest.mark.parametrize("head", [
    b"%!PS-Adobe-3.0 Resource-CMap (with a paren\n",
    b"(an open string 1 ",
    b"[ an open array 1 ",
    b"% a comment 1 ",
    b"endcmap\n",
    b"12beginbfchar <0001> <0041> endbfchar\n",
])
def test_headers_the_fast_path_must_not_misread(head: bytes):
    _same(head + b"beginbfchar\n<0003> <0020>\nendbfchar\n" + TAIL)


T1_HEAD = b"%!FontType1-1.0: X 001\n11 dict begin\n/FontInfo 2 dict dup begin\n /FullName (X (a) \\) put) readonly def\n" \
          b"end readonly def\n/FontMatrix [0.001 0 0 0.001 0 0]readonly def\n/Encoding 256 array\n" \
          b"0 1 255 {1 index exch /.notdef put} for\n"
T1_TAIL = b"readonly def\ncurrentdict end\ncurrentfile eexec\n"


@pytest.mark.parametrize("body", [
    b"dup 32 /space put\ndup 65 /A put\ndup 66 /uni4E00 put\ndup 67 /cid123 put\n",
    b"dup 32 /space put\n% dup 33 /exclam put\ndup 34/quotedbl put\n",
    b"dup 32 /space put dup 32 /A put\n",  # the later wins
    b"dup 1.5 /space put\n",
    b"dup -3 /space put\n",
    b"dup 32 /a#20b put\n",
    b"dup 32 /space put\ndup 33 <21> put\n",
    b"dup 32 /space put\ndup 33 /put put\n",
    b"dup 32 /space /put\n",
    b"dup 32 [/space] put\n",
    b"dup 32 /space put\n(an open string\n",
    b"/x 5 put\n",
    b"dup 32 (x) /space put\n",
    b"dup 32 /space put (x)put\n",
    b"[32 /space put]\n",
    b"dup 32 [ /space put\n",
    b"dup 32 % a comment\n/space put\n",
])
def test_made_up_type1_headers(body: bytes):
    _same_encoding(T1_HEAD + body + T1_TAIL)
    _same_encoding(body)


def test_font_cache_restores_pdfminers_parsers():
    import pdfminer.pdffont as pdffont

    fonts = pdfium_objects.FontCache()
    fonts.font(None, {"Type": "Font", "Subtype": "Type1", "BaseFont": "Helvetica"})
    assert pdffont.CMapParser is CMapParser
    assert pdffont.Type1FontHeaderParser is Type1FontHeaderParser
