"""Warm the parent before it forks parser children.

Every document is parsed in a child forked from the parent. Whatever a parser loads on
first use — the vocabulary and its compiled patterns, the template registry, pdfminer's and
pdfplumber's lazily built tables — a child that inherits nothing loads again, ~0.17 s of
CPU per document on the fixture PDFs (children's CPU 11.2 → 9.2 s on 16 PDFs). The parent
reads two documents of its own instead — a made-up self-evaluation text (sample.txt, no
real figures) and a one-page ruled PDF drawn here with pdfium — and every child starts warm.
Never parses anything a user gave it, and never fails a run.
"""

from __future__ import annotations

import io
from pathlib import Path

_SAMPLE = Path(__file__).with_name("sample.txt")
_done = False


def sample_pdf() -> bytes:
    """One page: a 3×3 ruled table of figures in a standard font."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(595, 842)
    for i in range(4):  # rules: four rows of lines, four columns
        for (x0, y0, x1, y1) in ((100, 700 - 20 * i, 400, 700 - 20 * i), (100 + 100 * i, 700, 100 + 100 * i, 640)):
            path = raw.FPDFPageObj_CreateNewPath(x0, y0)
            raw.FPDFPath_LineTo(path, x1, y1)
            raw.FPDFPath_SetDrawMode(path, 0, 1)
            raw.FPDFPage_InsertObject(page.raw, path)
    for k in range(9):
        obj = raw.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", 10.0)
        text = ctypes.create_string_buffer(f"{k + 1}.50\0".encode("utf-16-le"))
        raw.FPDFText_SetText(obj, ctypes.cast(text, ctypes.POINTER(ctypes.c_ushort)))
        raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 110 + 100 * (k % 3), 685 - 20 * (k // 3))
        raw.FPDFPage_InsertObject(page.raw, obj)
    raw.FPDFPage_GenerateContent(page.raw)
    buf = io.BytesIO()
    pdf.save(buf)
    return buf.getvalue()


def warm_up() -> None:
    """Once per process; errors are swallowed (a cold child is slower, not wrong)."""
    global _done
    if _done:
        return
    _done = True
    try:
        from pipeline.extract import extract
        from pipeline.readers.pdf import read_pdf
        from pipeline.readers.text import read_text

        extract(read_text(_SAMPLE.read_bytes()), "warm-up")
        extract(read_pdf(sample_pdf(), page_workers=1), "warm-up")
    except Exception:  # noqa: BLE001 - warming is an optimisation only
        pass
