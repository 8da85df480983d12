"""A page printing its headings in fake bold — each glyph drawn several times over itself, as
西安市商务局2022年部门综合预算.pdf does on every table page (its 序号 read as 序序序序序序号号号号号号, its
2022年 column header as 22222222200000, so no table of the file was recognised) — is read with one
glyph of each; a page drawing each glyph once reads as before. The PDF is built here (ASCII text,
Helvetica), drawn the way that file draws its headings: the same string three times, 0.01 pt apart."""

from __future__ import annotations

from pipeline.model import Paragraph
from pipeline.readers.pdf import read_pdf
from tests.soak.badfiles import pdf_of_ops


def _text(data: bytes) -> list[str]:
    return [b.text for b in read_pdf(data).blocks if isinstance(b, Paragraph)]


def test_a_heading_drawn_three_times_over_itself_reads_once():
    bold = [f"BT /F1 12 Tf {72 + d:.2f} 700 Td (Budget table 2022) Tj ET" for d in (0, 0.01, 0.02)]
    plain = ["BT /F1 12 Tf 72 660 Td (Total 1,234.50) Tj ET"]
    assert _text(pdf_of_ops(bold + plain)) == ["Budget table 2022 Total 1,234.50"]


def test_a_page_drawing_each_glyph_once_is_unchanged():
    ops = ["BT /F1 12 Tf 72 700 Td (Budget table 2022) Tj ET", "BT /F1 12 Tf 72 660 Td (Total 1,234.50) Tj ET"]
    assert _text(pdf_of_ops(ops)) == ["Budget table 2022 Total 1,234.50"]
