"""TXT, DOCX and PDF renderings of the same report must read the same.

The fixtures come from scripts/make_fixtures.py: each seed (a text export of a real report)
is written as a DOCX with real Word tables and rendered to PDF by LibreOffice.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from pipeline.model import Document, Table
from pipeline.normalize.document import fold_fullwidth_figures
from pipeline.readers.docx import read_docx
from pipeline.readers.pdf import read_pdf
from pipeline.readers.text import read_text

FIX = Path(__file__).resolve().parents[1] / "fixtures"
SEEDS = sorted(p.stem for p in (FIX / "txt").glob("*.txt"))
READERS = {"txt": read_text, "docx": read_docx, "pdf": read_pdf}
_WS = re.compile(r"\s+")
_CJK = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]"
_CJK_GAP = re.compile(rf"({_CJK})\s+({_CJK})")


@cache
def load(seed: str, fmt: str) -> Document:
    # as ingestion reads them: figures typed full-width (１．产出指标) are ASCII in every format
    doc = READERS[fmt]((FIX / fmt / f"{seed}.{fmt}").read_bytes())
    fold_fullwidth_figures(doc)
    return doc


def squash(s: str) -> str:
    return _WS.sub(" ", s).strip()


def nows(s: str) -> str:
    return _WS.sub("", s)


def table_rows(t: Table) -> list[list[str]]:
    """Rows as lists of the non-empty cell texts, whitespace removed, merged copies skipped."""
    return [[nows(c.text) for c in r if not c.merged_copy and nows(c.text)] for r in t.rows]


def all_tables(doc: Document) -> list[list[list[str]]]:
    return [table_rows(t) for t in doc.tables]


def test_fixtures_present():
    assert SEEDS, "run scripts/make_fixtures.py"
    for s in SEEDS:
        assert (FIX / "docx" / f"{s}.docx").exists()
        assert (FIX / "pdf" / f"{s}.pdf").exists()


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("seed", SEEDS)
def test_same_tables(seed, fmt):
    want = all_tables(load(seed, "txt"))
    got = all_tables(load(seed, fmt))
    assert len(got) == len(want), f"{fmt}: {len(got)} tables, txt: {len(want)}"
    for i, (g, w) in enumerate(zip(got, want, strict=False), start=1):
        assert len(g) == len(w), f"table {i}: {fmt} has {len(g)} rows, txt {len(w)}"
        for j, (gr, wr) in enumerate(zip(g, w, strict=False), start=1):
            assert gr == wr, f"table {i} row {j}"


@pytest.mark.parametrize("seed", SEEDS)
def test_docx_same_paragraphs(seed):
    want = [squash(p.text) for p in load(seed, "txt").paragraphs]
    got = [squash(p.text) for p in load(seed, "docx").paragraphs]
    assert got == want


@pytest.mark.parametrize("seed", SEEDS)
def test_pdf_same_text(seed):
    """PDF paragraphs may be cut differently, but no text may be lost, added or reordered."""
    want = "".join(nows(p.text) for p in load(seed, "txt").paragraphs)
    got = "".join(nows(p.text) for p in load(seed, "pdf").paragraphs)
    assert got == want


@pytest.mark.parametrize("seed", SEEDS)
def test_pdf_no_spurious_spaces(seed):
    """Every gap the PDF reader leaves between two CJK characters is printed in the source."""
    source = squash(" ".join(p.text for p in load(seed, "txt").paragraphs))
    cells = [c.text for t in load(seed, "txt").tables for r in t.rows for c in r]
    source_cells = squash(" ".join(cells))
    for p in load(seed, "pdf").paragraphs:
        for a, b in _CJK_GAP.findall(p.text):
            assert f"{a} {b}" in source, f"spurious space in {p.text!r}"
    for t in load(seed, "pdf").tables:
        for r in t.rows:
            for c in r:
                for a, b in _CJK_GAP.findall(c.text.replace("\n", "")):
                    assert f"{a} {b}" in source_cells, f"spurious space in cell {c.text!r}"


@pytest.mark.parametrize("seed", SEEDS)
def test_pdf_paragraphs_mostly_whole(seed):
    """Paragraph splitting in the PDF follows the source for the large majority."""
    want = [nows(p.text) for p in load(seed, "txt").paragraphs]
    got = {nows(p.text) for p in load(seed, "pdf").paragraphs}
    hit = sum(1 for w in want if w in got)
    assert hit >= 0.9 * len(want), f"{hit}/{len(want)} paragraphs found whole"


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
@pytest.mark.parametrize("seed", SEEDS)
def test_indices(seed, fmt):
    doc = load(seed, fmt)
    assert doc.file_format == fmt
    assert [p.index for p in doc.paragraphs] == list(range(1, len(list(doc.paragraphs)) + 1))
    assert [t.index for t in doc.tables] == list(range(1, len(list(doc.tables)) + 1))
    for t in doc.tables:
        for i, r in enumerate(t.rows, start=1):
            assert all(c.row == i for c in r)
            cols = [c.col for c in r]
            assert cols == sorted(cols) and len(set(cols)) == len(cols)
    if fmt == "pdf":
        assert doc.page_count and all(t.page for t in doc.tables)
        assert all(p.page for p in doc.paragraphs)
    else:
        assert doc.page_count is None


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_vertical_merge(fmt):
    """001: '项目资金（万元）' spans the four fund rows below it in the grid."""
    t = next(load("001", fmt).tables)
    origin = next(c for r in t.rows for c in r if nows(c.text) == "项目资金（万元）")
    assert origin.col == 1 and origin.rowspan == 5 and not origin.merged_copy
    copies = [c for r in t.rows for c in r if c.merged_copy and c.col == 1 and c.text == origin.text]
    assert [c.row for c in copies] == list(range(origin.row + 1, origin.row + 5))


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_horizontal_span(fmt):
    """001: the project name spans the rest of the first row."""
    t = next(load("001", fmt).tables)
    name = t.rows[0][1]
    assert nows(name.text) == "业务工作开展专项经费"
    assert name.col == 2 and name.col + name.colspan - 1 == t.n_cols


def test_pdf_table_over_pages_glued():
    """000's summary table runs over several pages; it comes back as one table, its repeated
    header row dropped."""
    doc = load("000", "pdf")
    (t,) = list(doc.tables)
    rows = table_rows(t)
    assert rows[0][:3] == ["序号", "项目编码", "项目名称"]
    assert sum(1 for r in rows if r and r[0] == "序号") == 1
    assert [r[0] for r in rows[1:41]] == [str(i) for i in range(1, 41)]
    assert rows[-1][0] == "合计"


def test_docx_styles_and_nested(tmp_path):
    """Styles are named; a table inside a cell becomes its own table after its parent."""
    from docx import Document as new_docx

    d = new_docx()
    d.add_heading("一、基本情况", level=1)
    d.add_paragraph("")
    outer = d.add_table(rows=2, cols=2)
    outer.cell(0, 0).text = "外层"
    inner = outer.cell(1, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "内层甲"
    inner.cell(0, 1).text = "内层乙"
    d.add_paragraph("结尾")
    path = tmp_path / "n.docx"
    d.save(str(path))
    doc = read_docx(path.read_bytes())
    paras = list(doc.paragraphs)
    assert [(p.index, p.text, p.style) for p in paras] == [
        (1, "一、基本情况", "Heading 1"),
        (2, "结尾", "Normal"),
    ]
    t1, t2 = list(doc.tables)
    assert (t1.index, t1.nested_in, t2.index, t2.nested_in) == (1, None, 2, 1)
    assert t2.texts() == [["内层甲", "内层乙"]]
    assert t1.caption == "一、基本情况"
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Table", "Table", "Paragraph"]
