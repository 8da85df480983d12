"""Generators for hostile and broken inputs, shared by the unit tests and the soak test.

Everything is built at run time from the committed fixtures (tests/fixtures/{txt,docx,pdf})
so the repository stays small. Each generator returns bytes; `write_bad_corpus` writes one
file per kind and returns what the pipeline must record for it.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

FIX = Path(__file__).resolve().parent.parent / "fixtures"

# Bytes every OLE2 compound file (legacy .doc, .wps, .xls) starts with.
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

POEM = (
    "静夜思\n床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n\n"
    "春晓\n春眠不觉晓，处处闻啼鸟。\n夜来风雨声，花落知多少。\n"
)


def fixture(fmt: str, n: int = 1) -> bytes:
    return (FIX / fmt / f"{n:03d}.{fmt}").read_bytes()


TXT_UNIT = "中共资源县委员会办公室"  # the unit named in tests/fixtures/txt/002.txt


def report_text(unit: str) -> str:
    """The TXT fixture 002 under another unit's name: a distinct report (not a duplicate)."""
    return fixture("txt", 2).decode("utf-8").replace(TXT_UNIT, unit)


# --- PDF ---------------------------------------------------------------------------------


def make_pdf(pages: list[str] | None = None, n_pages: int | None = None, text: str = "") -> bytes:
    """A minimal valid PDF with ASCII text on each page (Helvetica, no embedded fonts).

    `n_pages` pages all share one content stream, so thousands of pages stay small.
    """
    if pages is None:
        pages = [text or "Page"] * (n_pages or 1)

    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    objs: list[bytes] = []  # object i+1
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(b"")  # pages, filled below
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    streams: dict[str, int] = {}
    kids: list[int] = []
    page_objs: list[tuple[int, int]] = []
    for t in pages:
        if t not in streams:
            lines = t.split("\n")
            ops = ["BT /F1 12 Tf 72 760 Td 14 TL"]
            ops += [f"({esc(line)}) Tj T*" for line in lines]
            ops.append("ET")
            body = "\n".join(ops).encode("latin-1")
            objs.append(b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream")
            streams[t] = len(objs)
        objs.append(b"")
        page_objs.append((len(objs), streams[t]))
        kids.append(len(objs))
    for num, content in page_objs:
        objs[num - 1] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % content
        )
    objs[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    return _write_pdf(objs)


def pdf_of_ops(ops: list[str]) -> bytes:
    """A one-page PDF whose content stream is `ops` as written (Helvetica as /F1): for tests
    that place text themselves (glyphs drawn over each other, figures apart from their words)."""
    body = "\n".join(ops).encode("latin-1")
    return _write_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream",
    ])


def _write_pdf(objs: list[bytes]) -> bytes:
    """Objects 1… (the catalog first) written with their cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref))
    return out.getvalue()


def make_scanned_pdf() -> bytes:
    """An image-only PDF (what a scanner produces): pixels of text, no text layer."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (620, 877), "white")
    draw = ImageDraw.Draw(img)
    for i in range(12):
        draw.text((60, 60 + i * 40), f"2022 budget performance self-evaluation, line {i + 1}", fill="black")
    buf = io.BytesIO()
    img.save(buf, format="PDF", resolution=72)
    return buf.getvalue()


# --- DOCX --------------------------------------------------------------------------------


def rewrite_docx(data: bytes, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None,
                 compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """Copy a DOCX, replacing and adding parts."""
    replace, add = replace or {}, add or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", compression) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, replace.get(info.filename, src.read(info.filename)))
        for name, body in add.items():
            dst.writestr(name, body)
    return out.getvalue()


def make_poem_docx() -> bytes:
    from docx import Document

    d = Document()
    for line in POEM.splitlines():
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def make_xxe_docx(secret: Path) -> bytes:
    """A DOCX whose document.xml declares external entities pointing at a local file and
    whose relationships point at the same file; neither may ever be read."""
    base = fixture("docx", 1)
    with zipfile.ZipFile(io.BytesIO(base)) as z:
        xml = z.read("word/document.xml")
        rels = z.read("word/_rels/document.xml.rels")
    uri = secret.resolve().as_uri().encode()
    decl_end = xml.index(b"?>") + 2
    doctype = (
        b'\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "' + uri + b'">'
        b'<!ENTITY % remote SYSTEM "' + uri + b'"> %remote; ]>'
    )
    xml = xml[:decl_end] + doctype + xml[decl_end:]
    body = xml.index(b"<w:body>") + len(b"<w:body>")
    xml = xml[:body] + b"<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>" + xml[body:]
    rel = (
        b'<Relationship Id="rIdEvil1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/attachedTemplate" Target="' + uri + b'" TargetMode="External"/>'
        b'<Relationship Id="rIdEvil2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/subDocument" Target="' + uri + b'" TargetMode="External"/>'
    )
    rels = rels.replace(b"</Relationships>", rel + b"</Relationships>")
    return rewrite_docx(base, replace={"word/document.xml": xml, "word/_rels/document.xml.rels": rels})


def make_external_ref_docx(secret: Path) -> bytes:
    """No DTD, only relationships with TargetMode=External at a local file (linked template,
    sub-document, linked image): must load without ever opening the target."""
    base = fixture("docx", 1)
    with zipfile.ZipFile(io.BytesIO(base)) as z:
        rels = z.read("word/_rels/document.xml.rels")
    uri = secret.resolve().as_uri().encode()
    rel = b"".join(
        b'<Relationship Id="rIdExt%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/%s" Target="' % (i, kind) + uri + b'" TargetMode="External"/>'
        for i, kind in enumerate((b"attachedTemplate", b"subDocument", b"image", b"oleObject"))
    )
    rels = rels.replace(b"</Relationships>", rel + b"</Relationships>")
    return rewrite_docx(base, replace={"word/_rels/document.xml.rels": rels})


def make_zip_bomb_docx(pad_bytes: int = 8 * 2**20) -> bytes:
    """A real DOCX plus a part of zeros: tiny on disk, `pad_bytes` once expanded."""
    return rewrite_docx(fixture("docx", 1), add={"word/media/pad.bin": b"\0" * pad_bytes})


def make_lying_zip_docx(pad_bytes: int = 4 * 2**20) -> bytes:
    """A zip bomb that lies: the headers declare 10 bytes for a part that expands to MiBs."""
    data = bytearray(make_zip_bomb_docx(pad_bytes))
    real = pad_bytes.to_bytes(4, "little")
    name = b"word/media/pad.bin"
    # Local header: uncompressed size at offset 22; central directory entry: at offset 24.
    for sig, off in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        pos = 0
        while True:
            pos = data.find(sig, pos)
            if pos < 0:
                break
            name_at = pos + (30 if sig == b"PK\x03\x04" else 46)
            if data[name_at:name_at + len(name)] == name and data[pos + off:pos + off + 4] == real:
                data[pos + off:pos + off + 4] = (10).to_bytes(4, "little")
            pos += 4
    return bytes(data)


# --- the corpus --------------------------------------------------------------------------


@dataclass(frozen=True)
class Expect:
    status: str | tuple[str, ...]
    code: str | None | tuple[str | None, ...]
    fmt: str | None = None  # file_format by content, when it matters

    def ok(self, status: str, code: str | None) -> bool:
        st = self.status if isinstance(self.status, tuple) else (self.status,)
        cd = self.code if isinstance(self.code, tuple) else (self.code,)
        return status in st and code in cd


def bad_files(secret: Path) -> dict[str, tuple[bytes, Expect]]:
    """name → (bytes, expected outcome) for every kind of bad input that is a plain file."""
    pdf = fixture("pdf", 2)
    png = io.BytesIO()
    from PIL import Image

    Image.new("RGB", (40, 30), "red").save(png, format="PNG")
    html = "<!DOCTYPE html><html><head><title>404</title></head><body>页面不存在</body></html>".encode()
    return {
        "empty.docx": (b"", Expect("failed", "EMPTY_FILE")),
        "blank.txt": (b" \n\r\n\t \n", Expect("failed", "EMPTY_FILE")),
        "docx_named.pdf": (fixture("docx", 0), Expect("loaded", None, "docx")),
        "text_named.docx": (report_text("资源县统计局").encode(), Expect("loaded", None, "txt")),
        "pdf_named.txt": (pdf, Expect("loaded", None, "pdf")),
        "no_extension": (fixture("docx", 3), Expect("loaded", None, "docx")),
        "html_page.pdf": (html, Expect("failed", "UNSUPPORTED_FORMAT", "html")),
        "picture.docx": (png.getvalue(), Expect("failed", "UNSUPPORTED_FORMAT", "image")),
        "truncated.docx": (fixture("docx", 4)[:20000], Expect("failed", "CORRUPT_DOCX", "docx")),
        "truncated.pdf": (pdf[: len(pdf) // 3], Expect("failed", "CORRUPT_PDF", "pdf")),
        "encrypted.pdf": ((FIX / "special" / "encrypted.pdf").read_bytes(), Expect("failed", "ENCRYPTED_PDF", "pdf")),
        "scanned.pdf": (make_scanned_pdf(), Expect("failed", "NO_TEXT_LAYER", "pdf")),
        # garbage in an OLE2 shell: LEGACY_DOC without LibreOffice, CONVERSION_FAILED with it
        "legacy.doc": (OLE2_MAGIC + b"\0" * 504 + b"legacy word body" * 64,
                       Expect("failed", ("LEGACY_DOC", "CONVERSION_FAILED"), "doc")),
        "legacy.wps": (OLE2_MAGIC + b"\x3e\x00\x03\x00" + b"\0" * 500 + b"wps" * 100,
                       Expect("failed", ("LEGACY_DOC", "CONVERSION_FAILED"), "doc")),
        "xxe.docx": (make_xxe_docx(secret), Expect("failed", "UNSAFE_DOCX", "docx")),
        "external_refs.docx": (make_external_ref_docx(secret), Expect("loaded", None, "docx")),
        "zip_bomb.docx": (make_zip_bomb_docx(), Expect("failed", "ZIP_BOMB", "docx")),
        "lying_zip.docx": (make_lying_zip_docx(), Expect("failed", ("ZIP_BOMB", "CORRUPT_DOCX"), "docx")),
        "poem.docx": (make_poem_docx(), Expect("not_a_report", "NOT_A_REPORT", "docx")),
        "poem.pdf": (make_pdf(pages=["Quiet night thoughts", "Spring dawn"]), Expect("not_a_report", "NOT_A_REPORT", "pdf")),
        "gbk report.txt": (report_text("资源县审计局").encode("gbk"), Expect("loaded", None, "txt")),
        "utf16 报告.txt": (report_text("资源县档案馆").encode("utf-16"), Expect("loaded", None, "txt")),
        "..utf16le-nobom..txt": (report_text("资源县气象局").encode("utf-16-le"), Expect("loaded", None, "txt")),
        "random.bin": (bytes(range(256)) * 8, Expect("failed", "UNSUPPORTED_FORMAT", "binary")),
        "plain.zip": (_plain_zip(), Expect("failed", "UNSUPPORTED_FORMAT", "zip")),
    }


def _plain_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("readme.txt", "not a word document")
    return out.getvalue()
