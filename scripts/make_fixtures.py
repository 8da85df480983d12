"""Build the reader fixture corpus: the same report as TXT, DOCX and PDF.

For each seed (a text export of a real DOCX report) in /work/shared/seeds:
- tests/fixtures/txt/NNN.txt   the seed, copied;
- tests/fixtures/docx/NNN.docx written with python-docx from what the TXT reader reads:
  paragraphs, real Word tables (a row with fewer cells than the widest row spans its last
  cell over the remaining grid columns; an empty first-column cell under a label such as
  "项目资金（万元）" or "绩\\n效\\n指\\n标" becomes a vMerge continuation), an East Asian font;
  the first row repeats on every page when it looks like a header row (tblHeader);
- tests/fixtures/pdf/NNN.pdf   the DOCX rendered by LibreOffice (`soffice --headless`), on
  landscape A4 so that wide tables stay readable.

Usage: python scripts/make_fixtures.py [--seeds DIR] [--no-pdf]
The outputs are committed; only regenerating them needs LibreOffice.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.model import Paragraph, Table  # noqa: E402
from pipeline.readers.text import read_text  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
DEFAULT_SEEDS = Path("/work/shared/seeds")
FONT = "Noto Serif CJK SC"
_NUMBERISH = re.compile(r"^[\d.,，%％\-—/ ]+$")


def _set_fonts(doc) -> None:
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(10.5)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def _looks_like_label(text: str) -> bool:
    """A vertical label in column 1: short, not a number."""
    t = text.strip()
    return bool(t) and len(t.replace("\n", "")) <= 30 and not _NUMBERISH.match(t)


def _looks_like_header(row: list[str], width: int) -> bool:
    return len(row) == width and all(c.strip() and not _NUMBERISH.match(c.strip()) for c in row)


def _set_cell_text(cell, text: str) -> None:
    lines = text.split("\n")
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def _tc_pr(tc):
    return tc.get_or_add_tcPr()


def _add_table(doc, rows: list[list[str]]) -> None:
    width = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=width)
    table.style = doc.styles["Table Grid"]
    label_col1 = ""  # text of the last non-empty column-1 label whose cell spans 1 column
    for i, texts in enumerate(rows):
        row = table.rows[i]
        tcs = list(row._tr.tc_lst)
        # Fill the cells, then span the row's last cell over the missing columns.
        for j, text in enumerate(texts):
            _set_cell_text(row.cells[j], text)
        if len(texts) < width:
            last = row.cells[len(texts) - 1]
            last.merge(row.cells[width - 1])
        tcs = list(row._tr.tc_lst)
        first = texts[0].strip()
        first_span = 1 if len(texts) > 1 else width
        if first:
            label_col1 = texts[0] if first_span == 1 and _looks_like_label(texts[0]) else ""
            if label_col1 and i + 1 < len(rows) and len(rows[i + 1]) > 1 and not rows[i + 1][0].strip():
                vm = OxmlElement("w:vMerge")
                vm.set(qn("w:val"), "restart")
                _tc_pr(tcs[0]).append(vm)
        elif label_col1 and first_span == 1:
            _tc_pr(tcs[0]).append(OxmlElement("w:vMerge"))
        else:
            label_col1 = ""
    if len(rows) >= 4 and _looks_like_header(rows[0], width):
        trpr = table.rows[0]._tr.get_or_add_trPr()
        trpr.append(OxmlElement("w:tblHeader"))


def build_docx(doc_model, out: Path) -> None:
    doc = new_docx()
    _set_fonts(doc)
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    for m in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, m, Cm(2.0))
    for b in doc_model.blocks:
        if isinstance(b, Paragraph):
            doc.add_paragraph(b.text)
        elif isinstance(b, Table):
            rows = [[c.text for c in r] for r in b.rows if r]
            if rows:
                _add_table(doc, rows)
                doc.add_paragraph("")  # keeps adjacent tables apart in Word
    # Fixed metadata so that re-runs produce the same bytes where python-docx allows.
    cp = doc.core_properties
    cp.author = "bpw fixtures"
    cp.created = cp.modified = dt.datetime(2024, 1, 1)
    cp.last_modified_by = "bpw fixtures"
    cp.revision = 1
    doc.save(str(out))
    _fix_zip_times(out)


def _fix_zip_times(path: Path) -> None:
    """Rewrite the DOCX zip with fixed entry times so re-runs give identical bytes."""
    import zipfile

    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def to_pdf(docx_paths: list[Path], outdir: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("soffice (LibreOffice) not found; use --no-pdf")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(outdir),
                *map(str, docx_paths),
            ],
            check=True,
            capture_output=True,
            timeout=600,
        )


_ENCRYPT = (
    'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
    '"DocumentOpenPassword":{"type":"string","value":"secret"}}'
)


def make_encrypted(outdir: Path) -> None:
    """tests/fixtures/special/encrypted.pdf: a one-line report behind an open password."""
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as profile:
        doc = new_docx()
        _set_fonts(doc)
        doc.add_paragraph("加密的绩效自评报告")
        src = Path(tmp) / "encrypted.docx"
        doc.save(str(src))
        subprocess.run(
            [
                shutil.which("soffice") or "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                _ENCRYPT,
                "--outdir",
                str(outdir),
                str(src),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    ap.add_argument("--no-pdf", action="store_true")
    args = ap.parse_args(argv)
    seeds = sorted(args.seeds.glob("[0-9][0-9][0-9]_*.txt"))
    if not seeds:
        raise SystemExit(f"no seeds NNN_*.txt in {args.seeds}")
    for sub in ("txt", "docx", "pdf"):
        (FIXTURES / sub).mkdir(parents=True, exist_ok=True)
    docx_paths = []
    for seed in seeds:
        nnn = seed.name[:3]
        data = seed.read_bytes()
        (FIXTURES / "txt" / f"{nnn}.txt").write_bytes(data)
        out = FIXTURES / "docx" / f"{nnn}.docx"
        build_docx(read_text(data), out)
        docx_paths.append(out)
        print(f"{seed.name} -> {out.relative_to(ROOT)}")
    if not args.no_pdf:
        to_pdf(docx_paths, FIXTURES / "pdf")
        for p in docx_paths:
            print(f"{p.relative_to(ROOT)} -> tests/fixtures/pdf/{p.stem}.pdf")
        make_encrypted(FIXTURES / "special")
        print("tests/fixtures/special/encrypted.pdf")


if __name__ == "__main__":
    main()
