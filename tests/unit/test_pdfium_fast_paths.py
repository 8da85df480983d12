"""The reader's written-out shortcuts give exactly what the general code gives.

Session 13 of issue 17 wrote out, for speed, three things the pdfium path did through general
code: the scan of content streams for spacing operators (`_spacing_values`, read backwards
from the operator), the char dict of each character (`_chars`), and the line of a path of one
segment (`_paths`). Each is compared here with the general form it replaced; the end-to-end
comparison with pdfminer is tests/unit/test_pdfium_objects.py.
"""

from __future__ import annotations

import ctypes
import random
from pathlib import Path

import pypdfium2.raw as R
import pytest

from pipeline.readers import pdfium_objects as O

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = sorted((ROOT / "tests" / "fixtures").glob("*/*.pdf"))


def test_the_backward_spacing_scan_finds_what_the_forward_regex_finds():
    tokens = [b"0", b"1", b"-", b".", b"0.5", b"-.2", b"1.2.3", b"a", b"T", b"Tc", b"Tw", b"Tz",
              b"Ts", b"c", b" ", b"\n", b"\t", b"[", b"]", b"(", b"/F1", b"12", b"Tcx", b"100",
              b"--1", b"x1", b"_", b"0 Tc", b"-0.25 Tw", b"100 Tz"]
    rng = random.Random(17)
    for _ in range(20_000):
        data = b"".join(rng.choice(tokens) for _ in range(rng.randint(0, 14)))
        # the same settings, in the order they first occur (the reason a page is sent away)
        want = list(dict.fromkeys((m.group(2), float(m.group(1))) for m in O._SPACING.finditer(data)))
        assert list(dict.fromkeys(O._spacing_values(data))) == want, data


def test_spacing_scan_on_a_stream_setting_neutral_and_other_values():
    assert O._spacing_values(b"BT 0 Tc 0 Ts /F1 12 Tf (a) Tj 0.5 Tc ET") == [
        (b"Tc", 0.0), (b"Ts", 0.0), (b"Tc", 0.5)]
    assert O._spacing_values(b"BT /F1 12 Tf (Tc) Tj ET") == []  # a string, no operand before it
    with pytest.raises(O.Unsupported, match="Tc 0.5"):
        O._check_streams([type("S", (), {"get_data": lambda self: b"0 Tc 0.5 Tc"})()])


def _general_paths(pp, height: float) -> list[dict]:
    """Every path object through `_subpaths` and `_paint`, as before the shortcut."""
    lines: list = []
    rects: list = []
    curves: list = []
    m = R.FS_MATRIX()
    x, y = ctypes.c_float(), ctypes.c_float()
    fill, stroke = ctypes.c_int(), ctypes.c_int()

    def visit(container, is_form, outer):
        n = O._FORM_COUNT(container) if is_form else R.FPDFPage_CountObjects(container)
        for i in range(n):
            obj = (O._FORM_OBJECT if is_form else O._PAGE_OBJECT)(container, i)
            t = O._OBJ_TYPE(obj)
            if t == R.FPDF_PAGEOBJ_FORM:
                O._OBJ_MATRIX(obj, m)
                visit(obj, True, O._mul((m.a, m.b, m.c, m.d, m.e, m.f), outer))
                continue
            if t != R.FPDF_PAGEOBJ_PATH:
                continue
            O._DRAW_MODE(obj, fill, stroke)
            if fill.value == 0 and not stroke.value:
                continue
            O._OBJ_MATRIX(obj, m)
            ctm = O._mul((m.a, m.b, m.c, m.d, m.e, m.f), outer)
            segs = []
            for k in range(O._COUNT_SEGMENTS(obj)):
                s = O._SEGMENT(obj, k)
                O._SEG_POINT(s, x, y)
                segs.append((O._SEG_TYPE(s), x.value, y.value, bool(O._SEG_CLOSE(s))))
            paint = O._paint_of(obj, fill.value, stroke.value)
            for sub in O._subpaths(segs):
                O._paint(sub, ctm, height, 0.0, 1, lines, rects, curves, paint)

    visit(pp.raw, False, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0))
    return lines + rects + curves


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_one_segment_lines_are_the_general_paint(path: Path):
    doc = O.open_document(path.read_bytes()) if path.name != "encrypted.pdf" else None
    if doc is None:
        return
    n_lines = 0
    for i in range(len(doc)):
        pp = doc[i]
        height = pp.get_height()
        lines: list = []
        rects: list = []
        curves: list = []
        O._paths(pp, height, 0.0, 1, lines, rects, curves, [])
        assert lines + rects + curves == _general_paths(pp, height)
        n_lines += len(lines)
        pp.close()
    assert n_lines or "ruled" not in path.name


SHARED_BUDGETS = sorted((ROOT.parent / "shared" / "real-pdfs" / "budgets-2026").glob("*.pdf"),
                        key=lambda p: p.stat().st_size)


@pytest.mark.parametrize("name,page_no", [("pdf/003.pdf", 4), ("pdf/004.pdf", 1),
                                          ("shared", 5), ("shared", 12)])
def test_written_out_chars_are_the_char_function(name: str, page_no: int):
    """`_chars` writes `_char`'s arithmetic out in its loop and keeps metrics across pages:
    the same dicts, float for float, as `_char` on each character's own font size, matrix,
    origin and `_metrics`, with nothing cached."""
    import io

    import pdfplumber

    if name == "shared":  # the largest shared real budget (../shared, as CI has it)
        if not SHARED_BUDGETS:
            pytest.skip("../shared/real-pdfs not here")
        path = SHARED_BUDGETS[-1]
    else:
        path = ROOT / "tests" / "fixtures" / name
    data = path.read_bytes()
    doc = O.open_document(data)
    fonts = O.FontCache()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for warm in pdf.pages[:page_no - 1]:  # the metrics cache filled by earlier pages
            try:
                O.page_objects(doc, warm, fonts)
            except O.Unsupported:
                pass
        page = pdf.pages[page_no - 1]
        chars = O.page_objects(doc, page, fonts)["char"]
        by_name: dict = {}
        O._collect(page.page_obj.resources, O.FontCache(), by_name, [], set())
        height, doctop0 = float(page.height), float(page.initial_doctop)
    pp = doc[page_no - 1]
    tp = pp.get_textpage()
    want = []
    m = R.FS_MATRIX()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    for i in range(R.FPDFText_CountChars(tp.raw)):
        if R.FPDFText_IsGenerated(tp.raw, i):
            continue
        text = chr(R.FPDFText_GetUnicode(tp.raw, i))
        font, cands, _m, _c, fontsize = O._text_object(O._TEXT_OBJECT_AT(tp.raw, i), by_name, {}, {})
        width, descent = O._metrics(font, cands, text)
        R.FPDFText_GetMatrix(tp.raw, i, m)
        R.FPDFText_GetCharOrigin(tp.raw, i, ox, oy)
        want.append(O._char(text, m.a, m.d, ox.value, oy.value, width, descent, fontsize,
                            height, doctop0, page_no))
    assert len(want) > 50
    assert chars[:len(want)] == want


# ------------------------------------------------------------------ pdfplumber's table finder


def _reference_containers(cells: list) -> set:
    """`_containers` as it was: every box against every other."""
    out = set()
    boxes = [tuple(c) for c in cells]
    for a in boxes:
        for b in boxes:
            if a is b or a == b:
                continue
            if a[0] <= b[0] + 1 and a[1] <= b[1] + 1 and a[2] >= b[2] - 1 and a[3] >= b[3] - 1:
                out.add(a)
                break
    return out


def test_containers_all_pairs_at_once_are_the_pairwise_loop():
    from pipeline.readers.pdf import _containers

    rng = random.Random(13)
    for _ in range(3000):
        cells = []
        for _ in range(rng.randint(0, 12)):
            x, y = rng.choice([0, 1, 2, 10, 10.5, 11, 20]), rng.choice([0, 1, 5, 5.5, 6])
            cells.append((x, y, x + rng.choice([0, 0.5, 1, 2, 10]), y + rng.choice([0, 1, 3])))
        if cells and rng.random() < 0.3:
            cells.append(cells[0])  # a duplicate holds nothing
        assert _containers(cells) == _reference_containers(cells), cells


def _grid_intersections(rng: random.Random) -> dict:
    """A made-up ruled grid with some rules missing or cut short, as pdfplumber's
    edges_to_intersections gives it."""
    from pdfplumber.table import edges_to_intersections

    xs = sorted(rng.sample(range(0, 400, 20), rng.randint(2, 7)))
    ys = sorted(rng.sample(range(0, 400, 15), rng.randint(2, 7)))
    edges = []
    for x in xs:
        for a, b in zip(ys, ys[1:], strict=False):
            if rng.random() < 0.85:
                edges.append({"x0": x, "x1": x, "top": a, "bottom": b, "orientation": "v"})
    for y in ys:
        for a, b in zip(xs, xs[1:], strict=False):
            if rng.random() < 0.85:
                edges.append({"x0": a, "x1": b, "top": y, "bottom": y, "orientation": "h", "width": b - a})
    return edges_to_intersections(edges, 3, 3)


def test_cells_by_column_and_row_are_pdfplumbers_cells():
    from pdfplumber.table import intersections_to_cells

    from pipeline.readers.pdf import _cells

    rng = random.Random(7)
    for _ in range(300):
        inter = _grid_intersections(rng)
        assert _cells(inter) == intersections_to_cells(inter)


@pytest.mark.parametrize("path", [p for p in FIXTURES if p.name != "encrypted.pdf"],
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_find_tables_and_cell_texts_are_pdfplumbers_on_every_fixture_page(path: Path):
    """`_find_tables` against `page.find_tables()`, and `_cell_text` against pdfplumber's
    `extract_text` on every cell found (pdfminer's characters)."""
    import io

    import pdfplumber
    from pdfplumber.utils import extract_text

    from pipeline.readers.pdf import TEXT_KW, _cell_text, _find_tables

    n = 0
    with pdfplumber.open(io.BytesIO(path.read_bytes())) as pdf:
        for page in pdf.pages:
            if not (page.lines or page.rects or page.curves):
                continue
            tables = _find_tables(page)
            assert [t.cells for t in tables] == [t.cells for t in page.find_tables()]
            chars = page.chars
            for t in tables:
                for cell in t.cells:
                    inside = [c for c in chars if cell[0] <= (c["x0"] + c["x1"]) / 2 < cell[2]
                              and cell[1] <= (c["top"] + c["bottom"]) / 2 < cell[3]]
                    if inside:
                        n += 1
                        assert _cell_text(inside) == extract_text(inside, **TEXT_KW)
    assert n or "ruled" not in path.name


# ------------------------------------------------------------------ spaces pdfium generates


def _one_line_pdf(content: bytes) -> bytes:
    """A one-page PDF printing `content` with Helvetica (a standard font, WinAnsi)."""
    import io

    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Resources << /Font << /F1 5 0 R >> >>"
            b" /Contents 4 0 R >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + o + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for o in offsets:
        out.write(b"%010d 00000 n \n" % o)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref))
    return out.getvalue()


@pytest.mark.parametrize("tj,from_pdfium", [
    (b"[(ab) -150 (cd)]", True),    # a narrow gap, no space: pdfium's space sits on "c"
    (b"[(ab) -150 ( cd)]", False),  # a narrow gap, then a space pdfium drops: pdfminer reads it
    (b"[(ab) -400 ( cd)]", True),   # a wide gap: words split either way
    (b"[(ab) -400 (  cd)]", True),
    (b"[(1) -120 (9) -120 (.) -120 (5)]", True),  # figures spaced out by kerning (171-page file)
])
def test_a_generated_space_hides_a_real_one_only_off_the_next_characters_origin(tj, from_pdfium):
    import io

    import pdfplumber

    from pipeline.readers.pdf import read_pdf

    data = _one_line_pdf(b"BT /F1 12 Tf 100 200 Td " + tj + b" TJ ET")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        if from_pdfium:
            def printed(chars):  # pdfium keeps one blank of a run; its origins are float32's
                return [(c["text"], *(round(c[k], 3) for k in ("x0", "x1", "top", "bottom")))
                        for c in chars if c["text"].strip()]

            chars = O.page_objects(O.open_document(data), page, O.FontCache())["char"]
            assert printed(chars) == printed(page.chars)
        else:
            with pytest.raises(O.Unsupported, match="narrow generated space"):
                O.page_objects(O.open_document(data), page, O.FontCache())
    assert read_pdf(data, pdfium=True) == read_pdf(data, pdfium=False)


# ------------------------------------------------------------------ cell texts


def _random_chars(rng: random.Random) -> list[dict]:
    chars = []
    for _ in range(rng.randint(1, 14)):
        top = rng.choice([100.0, 100.5, 102.9, 103.0, 104.0, 106.1, 109.2, 112.0])
        size = rng.choice([9.0, 10.5, 12.0])
        x0 = rng.choice([10.0, 14.0, 18.5, 19.0, 24.0, 30.0, 31.0, 45.0])
        text = rng.choice(["a", "1", ".", " ", "\u3000", "\ufb01", "x", "-"])
        chars.append({"text": text, "x0": x0, "x1": x0 + size * rng.choice([0.5, 1.0]), "top": top,
                      "bottom": top + size, "size": size, "upright": True, "doctop": top})
    return chars


def test_cell_text_is_pdfplumbers_extract_text_on_made_up_cells():
    from pdfplumber.utils import extract_text

    from pipeline.readers.pdf import TEXT_KW, _cell_text

    rng = random.Random(5)
    for _ in range(5000):
        chars = _random_chars(rng)
        if rng.random() < 0.05:
            chars[0] = {**chars[0], "upright": False}  # handed to pdfplumber
        assert _cell_text(chars) == extract_text(chars, **TEXT_KW), chars


def test_reading_pages_leaves_the_collector_as_it_found_it(monkeypatch):
    """`_read_pages` pauses automatic garbage collection while it reads (collecting the young
    generations every few pages) and gives it back as it was, also after an error."""
    import gc

    from pipeline.readers import pdf as reader
    from pipeline.readers.pdf import read_pdf

    data = (ROOT / "tests" / "fixtures" / "pdf" / "004.pdf").read_bytes()
    assert gc.isenabled()
    read_pdf(data)
    assert gc.isenabled()
    gc.disable()
    try:
        read_pdf(data)
        assert not gc.isenabled()
    finally:
        gc.enable()

    def fail(page, page_no):
        assert not gc.isenabled()
        raise RuntimeError("a page the reader cannot read")

    monkeypatch.setattr(reader, "_page_parts", fail)
    with pytest.raises(RuntimeError, match="cannot read"):
        read_pdf(data, pdfium=False)
    assert gc.isenabled()


def test_nearest_column_line_by_bisection_is_min_over_every_line():
    from pipeline.readers.pdf import _cluster, _nearest

    rng = random.Random(11)
    for _ in range(20_000):
        xs = _cluster([rng.uniform(0, 600) for _ in range(rng.randint(1, 12))])
        mids = [(a + b) / 2 for a, b in zip(xs, xs[1:], strict=False)]  # ties
        v = rng.choice([rng.uniform(-10, 620), rng.choice(xs) + rng.choice([-1, 0, 1, 1e-9]), *mids])
        assert _nearest(xs, v) == min(range(len(xs)), key=lambda i: abs(xs[i] - v)), (xs, v)
