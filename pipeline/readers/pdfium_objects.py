"""A page's characters and ruling lines from pdfium, in pdfplumber's own object form.

pdfplumber gets a page's objects by letting pdfminer interpret the content streams in
Python (~88 % of the PDF reader's time). pdfium (pypdfium2, which pdfplumber already depends
on) interprets them in C. `page_objects` builds, from pdfium, the dicts pdfplumber would have
built — `char`, `line`, `rect`, `curve`, with the geometry pdfminer computes — so that
pdfplumber's own code (`extract_text_lines`, `find_tables`, `Table.extract`, `filter`) runs
unchanged on them, and the table finder runs only on pages whose paths give rulings.

The geometry is pdfminer's, not pdfium's: a character's box is its origin (from pdfium)
plus the advance width and the font descent that pdfminer reads from the font dictionary
(the same pdfminer font objects, loaded without interpreting any content stream), so the
numbers that decide spaces, lines and cells are the ones pdfminer would give. Paths are
classified as pdfminer's `paint_path` does (one segment → line, an axis-aligned closed
quadrilateral → rect, anything else → curve; one object per subpath).

Where pdfium and pdfminer could disagree, the page is not converted (`page_objects` raises
Unsupported and the caller lets pdfminer read it):

- a rotated page, or one whose media box does not start at 0,0 or differs from its crop box;
- content that sets character or word spacing, horizontal scaling or text rise to anything
  but the neutral value (pdfminer places characters differently from the PDF specification,
  which pdfium follows, once Tc is set), or marks text with /ActualText (pdfium prints that
  text instead of the glyphs);
- Type 3 or vertical fonts; a font pdfium names that is not in the page's resources, or
  several of that name that cannot be told apart;
- a character pdfium reads that its pdfminer font cannot print (pdfium's own mapping, a
  hyphen pdfium rewrote at a line end), or prints with two widths pdfium cannot decide;
- one glyph pdfium splits into several characters (a ToUnicode entry such as "——", a
  ligature), seen as two characters of one text object at one origin;
- text that is not upright, or right-to-left;
- a text object pdfium's text page left out that is not a lone space (its duplicate-text
  suppression), and a space pdfium generated inside a text object where a real space it
  then dropped would change how pdfplumber splits the words.

pdfium's text page also collapses runs of spaces to one. A space only separates words in
pdfplumber (blank characters never enter a word or a line's box), so a shorter run between
the same two characters gives the same words; the comparison tests hold that on every
committed and shared real PDF.
"""

from __future__ import annotations

import ctypes
import re
import struct
import threading
from collections import Counter
from io import BytesIO as _BytesIO

import pdfminer.pdffont as _pdffont
import pypdfium2 as pdfium
import pypdfium2.raw as R
from pdfminer.cmapdb import CMapParser, FileUnicodeMap
from pdfminer.encodingdb import name2unicode
from pdfminer.pdffont import PDFCIDFont, PDFType3Font, Type1FontHeaderParser
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.pdftypes import PDFObjRef, PDFStream, resolve1
from pdfminer.psparser import PSLiteral
from pdfminer.utils import nunpack

# Operators whose effect on character positions pdfminer computes differently from pdfium
# (or at all): character/word spacing, horizontal scaling, rise. "0 Tc" and the like are
# harmless; any other value sends the page to pdfminer.
_SPACING = re.compile(rb"(?<![\w.])(-?\d*\.?\d+)\s+(Tc|Tw|Tz|Ts)(?![\w])")
_NEUTRAL = {b"Tc": 0.0, b"Tw": 0.0, b"Tz": 100.0, b"Ts": 0.0}
_SPACING_OPS = (b"Tc", b"Tw", b"Tz", b"Ts")
# The same operators found from their end, in the stream read backwards: a pattern opening with
# a letter is searched for in C, where `_SPACING` (opening with a number) is tried at every byte
# (0.30 -> 0.05 s on the 6.9 MB of the 171-page 决算's streams, which set "0 Tc 0 Ts" ~52 000
# times each). What `_SPACING` finds for one operator depends only on the run of number bytes
# before its blanks and the byte before that run: each distinct (operator, run, byte) is given
# to `_SPACING` itself (`_spacing_values`).
_SPACING_REV = re.compile(rb"([cwzs])(?<![\w].)T\s+([\d.\-]*)(?=(.?))", re.S)


_SWAP = threading.Lock()  # FontCache.font puts its font readers into pdfminer.pdffont

# Pages read from pdfium, and pages left to pdfminer by reason (this process only).
STATS: Counter = Counter()


class Unsupported(Exception):
    """This page must be read by pdfminer: pdfium's objects would not be the same."""


def open_document(data: bytes) -> pdfium.PdfDocument:
    return pdfium.PdfDocument(data)


class FontCache:
    """pdfminer font objects of a document, keyed by the font dictionary, with the inverse
    of their text mapping (character → the codes that print it)."""

    def __init__(self) -> None:
        self.rsrc = PDFResourceManager(caching=True)
        self.by_spec: dict[int, tuple] = {}  # id of spec/objid → (font, inverse)
        # (ids of a pdfium font's candidate pdfminer fonts) → {text: (width, descent)}
        self.metrics: dict[tuple, dict] = {}


    def font(self, objid, spec) -> tuple:
        key = objid if objid is not None else id(spec)
        hit = self.by_spec.get(key)
        if hit is None:
            # A ToUnicode CMap through `_FastCMapParser` (same map, without tokenising
            # its thousands of entries in Python); only while this cache loads a font.
            # The same for the encoding in a Type 1 font program's header (`_FastType1Header`).
            # One thread at a time swaps them, so pdfminer's own are always put back (another
            # thread loading a font meanwhile gets the same maps either way).
            with _SWAP:
                saved = _pdffont.CMapParser, _pdffont.Type1FontHeaderParser
                _pdffont.CMapParser, _pdffont.Type1FontHeaderParser = _FastCMapParser, _FastType1Header
                try:
                    font = self.rsrc.get_font(objid, spec)
                finally:
                    _pdffont.CMapParser, _pdffont.Type1FontHeaderParser = saved
            hit = (font, _inverse(font), _font_file_size(spec))
            self.by_spec[key] = hit
        return hit


# ------------------------------------------------------------------ ToUnicode CMaps
#
# pdfminer tokenises a ToUnicode CMap in Python, one token at a time: ~10 % of the reader's
# time on CJK documents, whose fonts map thousands of codes. `_FastCMapParser` reads the
# bfchar/bfrange blocks, which hold nearly all of a CMap, with one regular expression and
# calls the same `add_cid2unichr` pdfminer's CMapParser calls, in the same order; whatever
# lies before the first block and after the last (the header with its `def`s, `endcmap`,
# the trailer) is read by pdfminer's own parser. A block holding anything but hex strings
# (and, in a bfrange, arrays of them), an odd-length hex string, an entry pdfminer would
# warn about, or a header that does not end at a token boundary: the whole CMap is read by
# pdfminer as before. tests/unit/test_pdfium_objects.py compares both maps on every font of
# every committed and shared PDF.

_BF_BEGIN = re.compile(rb"(?<![^\s])beginbf(char|range)(?=[#/%\[\]()<>{}\s]|\Z)")
_BF_NEXT = re.compile(rb"\s*(?:\d+\s+)?beginbf(char|range)(?=[#/%\[\]()<>{}\s]|\Z)")
_BF_END = {b"char": re.compile(rb"(?<![^\s>\]])endbfchar(?=[#/%\[\]()<>{}\s]|\Z)"),
           b"range": re.compile(rb"(?<![^\s>\]])endbfrange(?=[#/%\[\]()<>{}\s]|\Z)")}
# A block's body: hex strings only (a bfchar), or also arrays of them (a bfrange).
_BF_BODY = {b"char": re.compile(rb"(?:\s*<[0-9A-Fa-f\s]*>)*\s*"),
            b"range": re.compile(rb"(?:\s*(?:<[0-9A-Fa-f\s]*>|\[|\]))*\s*")}
_BF_ITEM = re.compile(rb"<([0-9A-Fa-f\s]*)>|(\[)|(\])")
_WS = re.compile(rb"\s")


class _NotSimple(Exception):
    pass


def _hex(raw: bytes) -> bytes:
    if len(raw) % 2 == 0 and raw.isalnum():
        return bytes.fromhex(raw.decode("ascii"))
    digits = _WS.sub(b"", raw)
    if len(digits) % 2:
        raise _NotSimple  # pdfminer reads a lone last digit as a byte of its own
    return bytes.fromhex(digits.decode("ascii"))


def _bf_blocks(data: bytes, pos: int) -> tuple[list, int]:
    """The (cid, code) calls of consecutive bfchar/bfrange blocks from `pos` (at the first
    begin keyword) and the offset right after the last block's end keyword."""
    ops: list = []
    m = _BF_NEXT.match(data, pos)
    while m:
        kind = m.group(1)
        end = _BF_END[kind].search(data, m.end())
        if end is None or not _BF_BODY[kind].fullmatch(data, m.end(), end.start()):
            raise _NotSimple
        body = data[m.end():end.start()]
        pos = end.end()
        if kind == b"char":
            hexes = [_hex(h) for h in re.findall(rb"<([0-9A-Fa-f\s]*)>", body)]
            if len(hexes) % 2:
                raise _NotSimple
            ops.extend(zip(map(nunpack, hexes[0::2]), hexes[1::2], strict=True))
        else:
            items: list = []  # bytes, or a list of bytes
            arr: list | None = None
            for h, opened, closed in _BF_ITEM.findall(body):
                if opened:
                    if arr is not None:
                        raise _NotSimple
                    arr = []
                elif closed:
                    if arr is None:
                        raise _NotSimple
                    items.append(arr)
                    arr = None
                else:
                    (arr if arr is not None else items).append(_hex(h))
            if arr is not None or len(items) % 3:
                raise _NotSimple
            for k in range(0, len(items), 3):
                start_b, end_b, code = items[k:k + 3]
                if isinstance(start_b, list) or isinstance(end_b, list) or len(start_b) != len(end_b):
                    raise _NotSimple  # pdfminer warns and skips: let it
                first, last = nunpack(start_b), nunpack(end_b)
                if isinstance(code, list):
                    if len(code) != last - first + 1:
                        raise _NotSimple
                    ops.extend(zip(range(first, last + 1), code, strict=True))
                else:
                    var, prefix = code[-4:], code[:-4]
                    base, vlen = nunpack(var), len(var)
                    for i in range(last - first + 1):
                        ops.append((first + i, prefix + struct.pack(">L", base + i)[-vlen:]))
        m = _BF_NEXT.match(data, pos)
    return ops, pos


class _FastCMapParser(CMapParser):
    def run(self) -> None:
        try:
            data = self.fp.getvalue()  # type: ignore[attr-defined]
            first = _BF_BEGIN.search(data)
            if first is None:
                raise _NotSimple
            head = data[:first.start()]
            if b"endcmap" in head:
                raise _NotSimple
            ops, after = _bf_blocks(data, first.start())
            # The header must end between two tokens (no open string, array or comment),
            # as it does where pdfminer's parser meets the first block: tried on a scratch map.
            probe = CMapParser(type(self.cmap)(), _BytesIO(head))  # type: ignore[call-arg]
            probe.run()
            if probe.context or probe._parse1 != probe._parse_main:
                raise _NotSimple
        except (_NotSimple, struct.error, ValueError, AttributeError, TypeError):
            self.seek(0)
            super().run()
            return
        if type(self.cmap) is FileUnicodeMap and not self.cmap.attrs and not self.cmap.cid2unichr:
            self.cmap.attrs, self.cmap.cid2unichr = probe.cmap.attrs, probe.cmap.cid2unichr
        else:
            CMapParser(self.cmap, _BytesIO(head)).run()
        for cid, code in ops:
            self.cmap.add_cid2unichr(cid, code)
        CMapParser(self.cmap, _BytesIO(data[after:])).run()


# ------------------------------------------------------------------ Type 1 font headers
#
# A Type 1 font without an /Encoding entry has pdfminer read the encoding from the clear-text
# header of its font program: a PostScript tokeniser in Python over a few kilobytes
# (~40 ms a font; the fixture renderings embed 30-40 such fonts). Its only effect is one
# (code, glyph name) pair per `put` whose two operands are an integer and a name:
# `dup 32 /space put`, and `{1 index exch /.notdef put}` gives (1, '.notdef'). `_FastType1Header`
# finds those with regular expressions, strings and comments blanked out first; a header with
# any other `put`, a hex string or dictionary bracket, an unterminated string, or a name or
# number outside the plain forms is read by pdfminer's parser as before.

_T1_PUT = re.compile(rb"(?<![^\s\[\]{}()])put(?![^\s\[\]{}()/])")  # a keyword, not /put
# An entry: integer, name, put (the integer a whole token: after a blank or bracket, not a "/").
_T1_ENTRY = re.compile(rb"(?:(?<=[\s\[\]{}()])|\A)(\d+)\s*/([A-Za-z0-9._\-]+)\s+put(?![^\s\[\]{}()/])")
# The loop that fills the array with .notdef: its `put` gives (1, '.notdef'), which name2unicode
# refuses (KeyError), so it adds nothing.
_T1_NOTDEF = re.compile(rb"\{\s*1\s+index\s+exch\s+/\.notdef\s+put(?![^\s\[\]{}()/])")
_T1_SPECIAL = re.compile(rb"[()%<>\\#]")


def _t1_masked(data: bytes) -> bytes | None:
    """`data` with the insides of its strings and its comments blanked out (None: something
    not handled)."""
    out = bytearray(data)
    n = len(data)
    m = _T1_SPECIAL.search(data)
    while m:
        i, c = m.start(), data[m.start()]
        if c == 0x28:  # ( … ) with nesting and backslash escapes
            depth, j = 1, i + 1
            while j < n and depth:
                b = data[j]
                if b == 0x5C:
                    j += 2
                    continue
                depth += (b == 0x28) - (b == 0x29)
                j += 1
            if depth:
                return None
            # Its brackets stay: a string is a token of its own, between an integer and a
            # name as anywhere else.
            out[i + 1:j - 1] = b" " * (j - i - 2)
        elif c == 0x25:  # % … end of line: as a blank
            j = i
            while j < n and data[j] not in b"\r\n":
                j += 1
            out[i:j] = b" " * (j - i)
        else:  # a hex string or dictionary, a stray ")" or "\", a "#": not handled
            return None
        m = _T1_SPECIAL.search(data, j)
    return bytes(out)


class _FastType1Header(Type1FontHeaderParser):
    def get_encoding(self) -> dict[int, str]:
        data = self.fp.getvalue()  # type: ignore[attr-defined]
        masked = _t1_masked(data)
        if masked is not None:
            entries = _T1_ENTRY.findall(masked)
            puts = len(_T1_PUT.findall(masked))
            if puts == len(entries) + len(_T1_NOTDEF.findall(masked)):  # every put is one of these
                for cid, name in entries:
                    try:
                        self._cid2unicode[int(cid)] = name2unicode(name.decode("ascii"))
                    except KeyError:
                        pass
                return self._cid2unicode
        self.seek(0)
        return super().get_encoding()



def _strip_subset(name: str) -> str:
    """pdfium names a font without its subset tag (ABCDEF+SimSun → SimSun)."""
    return name[7:] if len(name) > 7 and name[6] == "+" and name[:6].isupper() else name


def _font_file_size(spec: dict) -> int:
    """Decoded size of the embedded font program (0 if none): what tells two subsets of one
    font apart, as pdfium's FPDFFont_GetFontData gives it."""
    try:
        d = spec
        if _name(d.get("Subtype")) == "Type0":
            desc = resolve1(d.get("DescendantFonts"))
            d = resolve1(desc[0]) if desc else {}
        fd = resolve1(d.get("FontDescriptor")) or {}
        for k in ("FontFile", "FontFile2", "FontFile3"):
            if k in fd:
                return len(resolve1(fd[k]).get_data())
    except Exception:
        return -1
    return 0


def _inverse(font) -> dict[str, set[float]] | None:
    """text → the set of advance widths (text space, per unit font size) of the codes that
    print it; None when this font is not one the conversion handles."""
    if isinstance(font, PDFType3Font) or font.is_vertical():
        return None
    inv: dict[str, set[float]] = {}
    if isinstance(font, PDFCIDFont):
        um = font.unicode_map
        cids = list(um.cid2unichr) if um is not None else []
    else:
        cids = list(range(256))
        um = getattr(font, "unicode_map", None)
        if um is not None:
            cids = sorted(set(cids) | set(um.cid2unichr))
    for cid in cids:
        try:
            text = font.to_unichr(cid)
        except Exception:
            continue
        if not isinstance(text, str) or len(text) != 1:
            continue
        inv.setdefault(text, set()).add(font.char_width(cid))
    return inv


def _name(v) -> str:
    v = resolve1(v)
    if isinstance(v, PSLiteral):
        v = v.name
    if isinstance(v, bytes):
        v = v.decode("latin-1")
    return str(v)


def _collect(resources, fonts: FontCache, out: dict[str, list], streams: list, seen: set) -> None:
    """Fonts by BaseFont name and the content streams of forms, through nested XObjects."""
    resources = resolve1(resources)
    if not isinstance(resources, dict):
        return
    for _fid, spec in (resolve1(resources.get("Font")) or {}).items():
        objid = spec.objid if isinstance(spec, PDFObjRef) else None
        d = resolve1(spec)
        if not isinstance(d, dict):
            raise Unsupported("font dictionary")
        font, inv, size = fonts.font(objid, d)
        if inv is None:
            raise Unsupported("Type 3 or vertical font")
        if "BaseFont" in d:
            entry = (font, inv, size)
            lst = out.setdefault(_strip_subset(_name(d["BaseFont"])), [])
            if not any(e[0] is font for e in lst):
                lst.append(entry)
    for prop in (resolve1(resources.get("Properties")) or {}).values():
        if isinstance(resolve1(prop), dict) and "ActualText" in resolve1(prop):
            raise Unsupported("ActualText")  # pdfium prints it instead of the glyphs
    for _xid, ref in (resolve1(resources.get("XObject")) or {}).items():
        key = ref.objid if isinstance(ref, PDFObjRef) else id(ref)
        if key in seen:
            continue
        seen.add(key)
        x = resolve1(ref)
        if isinstance(x, PDFStream) and _name(x.get("Subtype")) == "Form":
            streams.append(x)
            _collect(x.get("Resources"), fonts, out, streams, seen)


def _check_streams(streams: list) -> None:
    for s in streams:
        data = s.get_data()
        if b"ActualText" in data:
            raise Unsupported("ActualText")  # pdfium prints it instead of the glyphs
        if not any(op in data for op in _SPACING_OPS):
            continue  # no spacing operator at all (most streams): no need to scan for one
        for op, v in _spacing_values(data):
            if v != _NEUTRAL[op]:
                raise Unsupported(f"{op.decode()} {v}")


def _spacing_values(data: bytes) -> list[tuple[bytes, float]]:
    """(operator, operand) of each distinct spacing setting `_SPACING.finditer(data)` finds, in
    the order they first occur in the stream (so a page is sent to pdfminer with the reason the
    forward scan gave)."""
    out: list[tuple[bytes, float]] = []
    for last, run, before in dict.fromkeys(reversed(_SPACING_REV.findall(data[::-1]))):
        if not run:
            continue
        m = _SPACING.search(before + run[::-1] + b" T" + last + b" ")
        if m is None:
            continue
        try:
            out.append((m.group(2), float(m.group(1))))
        except ValueError:
            raise Unsupported("unreadable spacing operand") from None
    return out


def page_objects(doc: pdfium.PdfDocument, page, fonts: FontCache) -> dict[str, list]:
    """pdfplumber's `page.objects` for this pdfplumber page, from pdfium. Raises Unsupported
    when the page has to be read by pdfminer."""
    if page.rotation % 360 != 0:
        raise Unsupported("rotated page")
    mb = tuple(float(v) for v in page.mediabox)
    if mb[0] != 0 or mb[1] != 0 or tuple(float(v) for v in page.cropbox) != mb:
        raise Unsupported("media box offset or crop box")
    pobj = page.page_obj
    by_name: dict[str, list] = {}
    streams: list = [resolve1(s) for s in pobj.contents]
    _collect(pobj.resources, fonts, by_name, streams, set())
    _check_streams(streams)

    height = float(page.height)
    doctop0 = float(page.initial_doctop)
    pno = page.page_number
    pp = doc[pno - 1]
    try:
        if abs(pp.get_height() - height) > 1e-3:
            raise Unsupported("page height")
        lines: list = []
        rects: list = []
        curves: list = []
        texts: list[int] = []  # the page's text objects, in the order of its object tree
        _paths(pp, height, doctop0, pno, lines, rects, curves, texts)
        chars = _chars(pp, by_name, height, doctop0, pno, fonts.metrics, texts)
    finally:
        pp.close()
    objs: dict[str, list] = {}
    if chars:
        objs["char"] = chars
    if lines:
        objs["line"] = lines
    if rects:
        objs["rect"] = rects
    if curves:
        objs["curve"] = curves
    return objs


# pdfium functions taking and returning their handles as plain addresses (ints): a typed
# pointer built per character or page object costs more than the call itself, and an int
# is a dict key as it is.
_HANDLES = {R.FPDF_PAGEOBJECT, R.FPDF_PATHSEGMENT, R.FPDF_FONT}


def _plain(fn):
    import pypdfium2_raw.bindings as B

    clone = type(fn)((fn.__name__, B._libs["pdfium"]))
    clone.argtypes = tuple(ctypes.c_void_p if t in _HANDLES else t for t in fn.argtypes)
    clone.restype = ctypes.c_void_p if fn.restype in _HANDLES else fn.restype
    return clone


def _void_returning(fn):
    """The same pdfium function returning a plain address (an int)."""
    clone = _plain(fn)
    clone.argtypes, clone.restype = fn.argtypes, ctypes.c_void_p
    return clone


_TEXT_OBJECT_AT = _void_returning(R.FPDFText_GetTextObject)
_TEXTOBJ_FONT = _plain(R.FPDFTextObj_GetFont)
_TEXTOBJ_FONT_SIZE = _plain(R.FPDFTextObj_GetFontSize)
_PAGE_OBJECT = _plain(R.FPDFPage_GetObject)
_FORM_COUNT = _plain(R.FPDFFormObj_CountObjects)
_FORM_OBJECT = _plain(R.FPDFFormObj_GetObject)
_OBJ_TYPE = _plain(R.FPDFPageObj_GetType)
_OBJ_MATRIX = _plain(R.FPDFPageObj_GetMatrix)
_OBJ_BOUNDS = _plain(R.FPDFPageObj_GetBounds)
_DRAW_MODE = _plain(R.FPDFPath_GetDrawMode)
_COUNT_SEGMENTS = _plain(R.FPDFPath_CountSegments)
_SEGMENT = _plain(R.FPDFPath_GetPathSegment)
_SEG_POINT = _plain(R.FPDFPathSegment_GetPoint)
_SEG_TYPE = _plain(R.FPDFPathSegment_GetType)
_SEG_CLOSE = _plain(R.FPDFPathSegment_GetClose)
_FILL_COLOR = _plain(R.FPDFPageObj_GetFillColor)
_STROKE_COLOR = _plain(R.FPDFPageObj_GetStrokeColor)


def _paint_of(obj, fillmode: int, stroke: int) -> dict:
    """How a path is painted, under pdfminer's keys: `fill`, `stroke` and the colours as
    (r, g, b) from 0 to 1 (None where pdfium gives none, e.g. a pattern). The PDF reader
    leaves out of the rulings a rectangle filled with the page's white and not stroked."""
    r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()

    def colour(get) -> tuple | None:
        if not get(obj, r, g, b, a):
            return None
        return (r.value / 255, g.value / 255, b.value / 255)

    return {"fill": bool(fillmode), "stroke": bool(stroke),
            "non_stroking_color": colour(_FILL_COLOR) if fillmode else None,
            "stroking_color": colour(_STROKE_COLOR) if stroke else None}


def _chars(pp, by_name: dict, height: float, doctop0: float, pno: int, shared: dict,
           texts: list[int]) -> list[dict]:
    """The page's characters as pdfplumber's char dicts (pdfminer's LTChar geometry for an
    upright matrix (a, 0, 0, d, e, f): apply_matrix_rect's arithmetic with the zero terms left
    out, which add exactly 0.0), written out in the loop: ~100 000 characters on the 171-page
    决算, where a call per character cost a tenth of the reader."""
    tp = pp.get_textpage()
    raw = tp.raw
    try:
        n = R.FPDFText_CountChars(raw)
        out: list[dict] = []
        append = out.append
        ox, oy = ctypes.c_double(), ctypes.c_double()
        m = R.FS_MATRIX()
        # text object address → (a, d, Tf, metrics by text, pdfium font, candidate fonts,
        # metrics shared by the document's pages)
        obj_info: dict[int, tuple] = {}
        fonts_seen: dict[int, tuple] = {}  # pdfium font address → (font, candidates, metrics, shared)
        gen_before = None
        last_key, last_x, last_y = None, None, None
        is_generated, unicode_at, origin_at = R.FPDFText_IsGenerated, R.FPDFText_GetUnicode, R.FPDFText_GetCharOrigin
        object_at = _TEXT_OBJECT_AT
        for i in range(n):
            if is_generated(raw, i):
                # A space pdfium writes for a wide gap inside one text object's TJ array
                # (between objects it writes none before a real space, and gives no object).
                if unicode_at(raw, i) == 0x20 and out:
                    gkey = object_at(raw, i)
                    if gkey:
                        origin_at(raw, i, ox, oy)
                        gen_before = (gkey, ox.value, oy.value)
                continue
            u = unicode_at(raw, i)
            if 0x0590 <= u <= 0x08FF or 0xFB00 <= u <= 0xFDFF or 0xFE70 <= u <= 0xFEFF:
                raise Unsupported("ligature or right-to-left text")
            key = object_at(raw, i)
            info = obj_info.get(key)
            if info is None:
                font, cands, metrics, common, fontsize = _text_object(key, by_name, fonts_seen, shared)
                R.FPDFText_GetMatrix(raw, i, m)
                if m.b != 0 or m.c != 0 or m.a <= 0 or m.d <= 0:
                    raise Unsupported("text not upright")
                info = obj_info[key] = (m.a, m.d, fontsize, metrics, font, cands, common)
            a, d, fontsize, metrics, font, cands, common = info
            text = chr(u)
            entry = metrics.get(text)
            if entry is None:
                entry = _page_metrics(metrics, common, font, cands, text)
            origin_at(raw, i, ox, oy)
            e, f = ox.value, oy.value
            if key == last_key and e == last_x and f == last_y:
                # One glyph printing several characters (a ToUnicode entry such as "——"):
                # pdfium splits it, pdfminer keeps one char with the whole text.
                raise Unsupported("one glyph, several characters")
            last_key, last_x, last_y = key, e, f
            adv = entry[0] * fontsize
            dsc = entry[1] * fontsize
            x1 = a * adv + e
            y0 = d * dsc + f
            y1 = d * (dsc + fontsize) + f
            top = height - y1
            append({
                "text": text,
                "x0": e, "y0": y0, "x1": x1, "y1": y1,
                "width": x1 - e, "height": y1 - y0, "size": y1 - y0, "adv": adv,
                "upright": True, "matrix": (a, 0.0, 0.0, d, e, f),
                "top": top, "bottom": height - y0, "doctop": doctop0 + top,
                "object_type": "char", "page_number": pno,
            })
            if gen_before is not None:
                _check_generated(len(out) - 1, out, gen_before, key, cands)
                gen_before = None
        out.extend(_unextracted_spaces(texts, set(obj_info), by_name, fonts_seen, shared,
                                       height, doctop0, pno))
        return out
    finally:
        tp.close()


def _char(text, a, d, e, f, width, descent, fontsize, height, doctop0, pno) -> dict:
    """pdfplumber's char dict as pdfminer's LTChar computes it, for an upright matrix
    (a, 0, 0, d, e, f): the arithmetic `_chars` writes out."""
    adv = width * fontsize
    dsc = descent * fontsize
    x0, x1 = e, a * adv + e
    y0, y1 = d * dsc + f, d * (dsc + fontsize) + f
    top = height - y1
    return {
        "text": text,
        "x0": x0, "y0": y0, "x1": x1, "y1": y1,
        "width": x1 - x0, "height": y1 - y0, "size": y1 - y0, "adv": adv,
        "upright": True, "matrix": (a, 0.0, 0.0, d, e, f),
        "top": top, "bottom": height - y0, "doctop": doctop0 + top,
        "object_type": "char", "page_number": pno,
    }


def _check_generated(at: int, out: list[dict], generated: tuple = (None, None, None), key=None,
                     cands: list = ()) -> None:
    """pdfium wrote a space of its own before out[at] (a wide gap in a TJ array) and then
    drops a real space that follows it. It only matters where the gap is too narrow for
    pdfplumber to split the words by itself, and only if a real space was dropped.

    pdfium puts its space at the origin of the item after the gap: the real space when there
    is one (pdfminer prints it there), else the next character itself. So a space at exactly
    out[at]'s origin, in its text object, hides none — provided a space of this font has a
    width (a zero-width real space would also sit there). Made-up TJ arrays with and without
    a space after the gap: tests/unit/test_pdfium_fast_paths.py; on 2 000 generated spaces of
    the committed, shared and 150 outside PDFs none hid a space."""
    gkey, gx, gy = generated
    cur = out[at]
    if gkey is not None and gkey == key and gx == cur["x0"] and gy == cur["matrix"][5]:
        widths = _options(cands, " ")
        if widths and all(w > 0 for w, _ in widths):
            return  # nothing dropped: the characters are pdfminer's
    prev = out[at - 1]
    if prev["text"].isspace():
        return
    if abs(cur["top"] - prev["top"]) > 3 + 0.01 or cur["x0"] < prev["x0"] - 0.01:
        return  # another line, or going back: a new word anyway
    if cur["x0"] > prev["x1"] + 0.5 * prev["size"] + 0.01:
        return  # wide enough for pdfplumber to split the words without a space
    raise Unsupported("a narrow generated space")


def _text_object(to: int | None, by_name: dict, fonts_seen: dict, shared: dict) -> tuple:
    """For a pdfium text object (its address): its pdfium font, the pdfminer fonts it can be
    (those of its name in the page's resources, told apart by their font programs where
    possible), this page's and the document's metrics of that font, and the font size (the Tf
    operand: FPDFTextObj_GetFontSize returns the text state's size, not scaled by the matrix
    — pdfminer's `fontsize` too)."""
    fkey = _TEXTOBJ_FONT(to)
    if not fkey:
        raise Unsupported("text object without font")
    seen = fonts_seen.get(fkey)
    if seen is None:
        font = ctypes.cast(fkey, R.FPDF_FONT)
        cands = _candidates(font, by_name)
        # Metrics a font's candidates give without pdfium's help are the same on every page
        # with those candidates: kept by the document's FontCache, keyed by the pdfminer fonts.
        common = shared.setdefault(tuple(id(c[0]) for c in cands), {})
        seen = fonts_seen[fkey] = (font, cands, {}, common)
    fs = ctypes.c_float()
    if not _TEXTOBJ_FONT_SIZE(to, fs):
        raise Unsupported("font size")
    return seen[0], seen[1], seen[2], seen[3], fs.value


def _candidates(font, by_name: dict) -> list:
    size = R.FPDFFont_GetBaseFontName(font, None, 0)
    buf = ctypes.create_string_buffer(size)
    R.FPDFFont_GetBaseFontName(font, buf, size)
    name = _strip_subset(buf.value.decode("latin-1"))
    cands = by_name.get(name)
    if not cands:
        raise Unsupported(f"font {name!r} not in the page's resources")
    if len(cands) > 1:
        n = ctypes.c_size_t()
        R.FPDFFont_GetFontData(font, None, 0, ctypes.byref(n))
        same = [c for c in cands if c[2] == n.value]
        if same:
            cands = same
        if len(cands) > 1 and not all(c[1] for c in cands):
            # Several fonts of this name, not told apart by their font programs, one of
            # them without a text mapping: which one printed a character is unknown.
            raise Unsupported(f"font {name!r}: several in the resources")
    return cands


def _page_metrics(metrics: dict, common: dict, font, cands: list, text: str) -> tuple[float, float]:
    """`_metrics`, remembered for the page (`metrics`) and, when pdfium's font was not needed
    to decide, for every page with the same candidate fonts (`common`)."""
    entry = common.get(text)
    if entry is None:
        options = _options(cands, text)
        if len(options) == 1:
            entry = common[text] = next(iter(options))
        else:
            entry = _pick(font, options, text)
    metrics[text] = entry
    return entry


def _options(cands: list, text: str) -> set[tuple[float, float]]:
    options: set[tuple[float, float]] = set()
    for f, inv, _size in cands:
        widths = inv.get(text)
        if widths:
            dsc = f.get_descent()
            options.update((w, dsc) for w in widths)
    return options


def _pick(font, options: set, text: str) -> tuple[float, float]:
    if not options:
        raise Unsupported(f"character {text!r} not printed by its pdfminer font")
    w = ctypes.c_float()
    if not R.FPDFFont_GetGlyphWidth(font, ord(text), ctypes.c_float(1.0), ctypes.byref(w)):
        raise Unsupported(f"character {text!r}: no width")
    pick = {o for o in options if abs(o[0] - w.value) < 1e-6}
    if len(pick) != 1:
        raise Unsupported(f"character {text!r}: {len(options)} possible widths")
    return next(iter(pick))


def _metrics(font, cands: list, text: str) -> tuple[float, float]:
    """(advance width, descent) per unit font size of `text` printed in this font, as
    pdfminer reads them. When the fonts or codes that can print it disagree, pdfium's own
    width for the character (from the code it prints it with) picks among them."""
    options = _options(cands, text)
    if len(options) == 1:
        return next(iter(options))
    return _pick(font, options, text)


def _unextracted_spaces(texts: list[int], seen: set, by_name: dict, fonts_seen: dict,
                        shared: dict, height: float, doctop0: float, pno: int) -> list[dict]:
    """pdfium's text page leaves out a text object whose glyphs have no extent (a lone space
    run, as word processors write between runs) and one that repeats the previous object at
    the same place (a fake-bold overprint); pdfminer keeps both. The first kind comes back as
    one space at the object's origin (a space separates words however many there are); any
    other left-out object sends the page to pdfminer."""
    out: list[dict] = []
    m = R.FS_MATRIX()
    lb, bb, rb, tb = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    for obj in texts:
        if obj in seen:
            continue
        _OBJ_BOUNDS(obj, lb, bb, rb, tb)
        if abs(rb.value - lb.value) >= 0.01 or abs(tb.value - bb.value) >= 0.01:
            raise Unsupported("a text object pdfium did not extract")
        font, cands, metrics, common, fontsize = _text_object(obj, by_name, fonts_seen, shared)
        width, descent = metrics.get(" ") or _page_metrics(metrics, common, font, cands, " ")
        _OBJ_MATRIX(obj, m)
        if m.b != 0 or m.c != 0 or m.a <= 0 or m.d <= 0:
            raise Unsupported("text not upright")
        if abs(m.e - lb.value) > 0.01 or abs(m.f - bb.value) > 0.01:
            raise Unsupported("a text object inside a form pdfium did not extract")
        out.append(_char(" ", m.a, m.d, m.e, m.f, width, descent, fontsize, height, doctop0, pno))
    return out


def _mul(m1: tuple, m2: tuple) -> tuple:
    a1, b1, c1, d1, e1, f1 = m1
    a0, b0, c0, d0, e0, f0 = m2
    return (
        a0 * a1 + c0 * b1, b0 * a1 + d0 * b1,
        a0 * c1 + c0 * d1, b0 * c1 + d0 * d1,
        a0 * e1 + c0 * f1 + e0, b0 * e1 + d0 * f1 + f0,
    )


def _paths(pp, height, doctop0, pno, lines, rects, curves, texts: list) -> None:
    """Lines, rectangles and curves of the page's paths (through forms), and the addresses
    of its text objects in the same walk (for `_unextracted_spaces`)."""
    m = R.FS_MATRIX()
    x, y = ctypes.c_float(), ctypes.c_float()
    fillmode, stroke = ctypes.c_int(), ctypes.c_int()
    TEXT, PATH, FORM = R.FPDF_PAGEOBJ_TEXT, R.FPDF_PAGEOBJ_PATH, R.FPDF_PAGEOBJ_FORM
    MOVETO, LINETO = R.FPDF_SEGMENT_MOVETO, R.FPDF_SEGMENT_LINETO
    obj_type, segment, seg_point, seg_type, seg_close = _OBJ_TYPE, _SEGMENT, _SEG_POINT, _SEG_TYPE, _SEG_CLOSE

    def visit(container, is_form: bool, outer: tuple) -> None:
        n = _FORM_COUNT(container) if is_form else R.FPDFPage_CountObjects(container)
        get = _FORM_OBJECT if is_form else _PAGE_OBJECT
        for i in range(n):
            obj = get(container, i)
            t = obj_type(obj)
            if t == TEXT:
                texts.append(obj)
                continue
            if t == FORM:
                _OBJ_MATRIX(obj, m)
                visit(obj, True, _mul((m.a, m.b, m.c, m.d, m.e, m.f), outer))
                continue
            if t != PATH:
                continue
            _DRAW_MODE(obj, fillmode, stroke)
            if fillmode.value == 0 and not stroke.value:
                continue
            _OBJ_MATRIX(obj, m)
            ctm = _mul((m.a, m.b, m.c, m.d, m.e, m.f), outer)
            nseg = _COUNT_SEGMENTS(obj)
            if nseg == 2:
                # A ruling drawn as one segment (most paths of a ruled table: 34 000 of the
                # 40 000 on the 171-page 决算): `_paint`'s line, written out.
                s0, s1 = segment(obj, 0), segment(obj, 1)
                if seg_type(s0) == MOVETO and seg_type(s1) == LINETO and not seg_close(s0):
                    seg_point(s0, x, y)
                    x0, y0 = x.value, y.value
                    seg_point(s1, x, y)
                    x1, y1 = x.value, y.value
                    a, b, c, d, e, f = ctm
                    px0, py0 = a * x0 + c * y0 + e, b * x0 + d * y0 + f
                    px1, py1 = a * x1 + c * y1 + e, b * x1 + d * y1 + f
                    # min() and max() of the two, as _paint takes them
                    lx0, lx1 = (px1 if px1 < px0 else px0), (px1 if px1 > px0 else px0)
                    ly0, ly1 = (py1 if py1 < py0 else py0), (py1 if py1 > py0 else py0)
                    top = height - ly1
                    lines.append({
                        "x0": lx0, "y0": ly0, "x1": lx1, "y1": ly1, "width": lx1 - lx0, "height": ly1 - ly0,
                        "top": top, "bottom": height - ly0, "doctop": doctop0 + top,
                        "pts": [(px0, height - py0), (px1, height - py1)],
                        "object_type": "line", "page_number": pno,
                    })
                    continue
            segs = []
            for k in range(nseg):
                s = segment(obj, k)
                seg_point(s, x, y)
                segs.append((seg_type(s), x.value, y.value, bool(seg_close(s))))
            paint = _paint_of(obj, fillmode.value, stroke.value)
            for sub in _subpaths(segs):
                _paint(sub, ctm, height, doctop0, pno, lines, rects, curves, paint)

    visit(pp.raw, False, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0))


def _subpaths(segs: list) -> list[list[tuple[str, tuple]]]:
    """pdfium's segments as pdfminer's path operators (m, l, c, h), cut at each move."""
    out: list[list] = []
    cur: list = []
    bez: list = []
    for typ, px, py, close in segs:
        if typ == R.FPDF_SEGMENT_MOVETO:
            if cur:
                out.append(cur)
            cur = [("m", (px, py))]
        elif typ == R.FPDF_SEGMENT_LINETO:
            cur.append(("l", (px, py)))
        elif typ == R.FPDF_SEGMENT_BEZIERTO:
            bez.append((px, py))
            if len(bez) < 3:
                continue
            cur.append(("c", tuple(bez[-1])))
            bez = []
        else:
            raise Unsupported("path segment type")
        if close:
            cur.append(("h", None))
    if cur:
        out.append(cur)
    return out


def _paint(path, ctm, height, doctop0, pno, lines, rects, curves, paint: dict | None = None) -> None:
    """pdfminer's `paint_path` for one subpath, then pdfplumber's object dict; a rectangle
    or curve also says how it is painted (`_paint_of`)."""
    shape = "".join(op for op, _ in path)
    if shape[:1] != "m":
        return
    raw = [p if op != "h" else path[0][1] for op, p in path]
    a, b, c, d, e, f = ctm  # pdfminer's apply_matrix_pt, written out
    pts = [(a * x + c * y + e, b * x + d * y + f) for x, y in raw]
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts.pop()
    if shape in {"mlh", "ml"}:
        kind, bpts = "line", pts[:2]
    elif shape in {"mlllh", "mllll"}:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        closed = pts[0] == pts[4]
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
            y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if closed and square:
            kind = "rect"
            (ax, ay), (bx, by) = pts[0], pts[2]
            bpts = [(ax, ay), (bx, ay), (bx, by), (ax, by)]
        else:
            kind, bpts = "curve", pts
    else:
        kind, bpts = "curve", pts
    xs = [p[0] for p in bpts]
    ys = [p[1] for p in bpts]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    top = height - y1
    d = {
        "x0": x0, "y0": y0, "x1": x1, "y1": y1, "width": x1 - x0, "height": y1 - y0,
        "top": top, "bottom": height - y0, "doctop": doctop0 + top,
        "pts": [(px, height - py) for px, py in bpts],
        "object_type": kind, "page_number": pno,
    }
    if paint is not None and kind != "line":
        d.update(paint)
    {"line": lines, "rect": rects, "curve": curves}[kind].append(d)
