"""Rectangles nobody sees are no table rulings (issue 13, 长沙's 说明 pages).

长沙's 2025–2026 部门预算 PDFs set every text run of their 说明 pages on its own rectangle filled
with white and not stroked (108 on 长沙市信访局 p.8). The boxes touch, so the table finder took the
page for a grid and cut its sentences into one-row "tables" (机关运行经费 | 122. | 98 万元); none of
the 说明's figures were read. The PDF reader now leaves such boxes out of the rulings (pdfminer and
pdfium alike), keeps visible ones, and keeps white cells cut out of a painted frame (the frame's
gaps are the rulings). Tested on PDFs generated here with the PDF operators themselves.
"""

from __future__ import annotations

import pytest

from pipeline.model import Paragraph, Table
from pipeline.readers.pdf import _white, read_pdf


def _pdf(content: str) -> bytes:
    """One 595 x 842 page with Helvetica as F1 and this content stream, with its xref table."""
    body = content.encode("latin-1")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


# Two lines of a 说明 paragraph, each cut into runs as 长沙's PDFs cut them (a figure apart from
# its words); (x, width) of each run, set 6 pt a character of Helvetica 10.
LINES = [
    [(72, "Operating costs were "), (198, "122."), (222, "98 "), (240, "in 2026, up 7.20 from")],
    [(72, "the year before, "), (174, "a rise of 6.22% "), (270, "for more staff.")],
]


def _page(paint: str, ink: str = "0 g") -> str:
    """Each run on its own box painted with `paint` (the fill colour and painting operator,
    e.g. '1 g' + 'f'); boxes of one line touch, the lines' boxes touch too (a grid)."""
    ops = []
    for i, runs in enumerate(LINES):
        base = 700 - 20 * i
        for j, (x, text) in enumerate(runs):
            right = runs[j + 1][0] if j + 1 < len(runs) else x + 6 * len(text)
            colour, op = paint.rsplit(" ", 1)
            ops.append(f"{colour} {x} {base - 5} {right - x} 20 re {op}")
            ops.append(f"{ink} BT /F1 10 Tf {x} {base} Td ({text}) Tj ET")
    return "\n".join(ops)


def _read(content: str, pdfium: bool):
    return read_pdf(_pdf(content), pdfium=pdfium)


@pytest.mark.parametrize("pdfium", [True, False], ids=["pdfium", "pdfminer"])
@pytest.mark.parametrize("white", ["1 g", "1 1 1 rg", "0 0 0 0 k"], ids=["gray", "rgb", "cmyk"])
def test_text_on_white_unstroked_boxes_is_running_text(pdfium: bool, white: str):
    doc = _read(_page(f"{white} f"), pdfium)
    assert not [b for b in doc.blocks if isinstance(b, Table)]
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert texts == ["Operating costs were 122.98 in 2026, up 7.20 from the year before, a rise of 6.22% "
                     "for more staff."]


@pytest.mark.parametrize("pdfium", [True, False], ids=["pdfium", "pdfminer"])
@pytest.mark.parametrize("paint", ["1 g B", "0.8 g f"], ids=["stroked", "grey"])
def test_boxes_one_can_see_are_still_rulings(pdfium: bool, paint: str):
    # the same boxes stroked (black frames) or filled grey: a printed grid, read as a table
    doc = _read(_page(paint), pdfium)
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert tables and [c.text for c in tables[0].rows[0]] == ["Operating costs were", "122.", "98", "in 2026, up 7.20 from"]


@pytest.mark.parametrize("pdfium", [True, False], ids=["pdfium", "pdfminer"])
def test_white_cells_cut_out_of_a_dark_frame_are_a_table(pdfium: bool):
    # a black slab with white cells inset by 1 pt: the black gaps are the grid's lines
    ops = ["0 g 71 599 302 42 re f"]
    for r, row in enumerate([("Total", "122.98"), ("Basic", "100.00")]):
        y = 620 - 20 * r
        for c, text in enumerate(row):
            x = 72 + 150 * c
            ops.append(f"1 g {x} {y} 149 19 re f")
            ops.append(f"0 g BT /F1 10 Tf {x + 4} {y + 5} Td ({text}) Tj ET")
    doc = _read("\n".join(ops), pdfium)
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert tables and [[c.text for c in row] for row in tables[0].rows] == [["Total", "122.98"], ["Basic", "100.00"]]


def test_white_in_each_colour_form():
    # pdfminer's gray, RGB and CMYK (as a number or a tuple), pdfium's RGB from 0 to 1
    assert _white(1.0) and _white(1) and _white((1.0,)) and _white((1, 1, 1)) and _white((0, 0, 0, 0))
    assert not _white(0.5) and not _white((1, 1, 0.9)) and not _white((0, 0, 0, 0.1))
    assert not _white(None) and not _white("P0") and not _white(()) and not _white((1, 1))
