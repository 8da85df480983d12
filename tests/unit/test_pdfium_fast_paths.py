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
        want = {(m.group(2), float(m.group(1))) for m in O._SPACING.finditer(data)}
        assert set(O._spacing_values(data)) == want, data


def test_spacing_scan_on_a_stream_setting_neutral_and_other_values():
    assert set(O._spacing_values(b"BT 0 Tc 0 Ts /F1 12 Tf (a) Tj 0.5 Tc ET")) == {
        (b"Tc", 0.0), (b"Ts", 0.0), (b"Tc", 0.5)}
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
            for sub in O._subpaths(segs):
                O._paint(sub, ctm, height, 0.0, 1, lines, rects, curves)

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
def test_find_tables_is_pdfplumbers_on_every_fixture_page(path: Path):
    import io

    import pdfplumber

    from pipeline.readers.pdf import _find_tables

    with pdfplumber.open(io.BytesIO(path.read_bytes())) as pdf:
        for page in pdf.pages:
            if page.lines or page.rects or page.curves:
                assert [t.cells for t in _find_tables(page)] == [t.cells for t in page.find_tables()]
