"""Tell a file's format from its bytes, never from its name."""

from __future__ import annotations

import io
import zipfile

_TEXT_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .wps, .xls, .et … (compound file)


def detect_format(data: bytes) -> str:
    """Return docx, xlsx, pdf, txt, doc (legacy OLE2 Word/WPS: .doc/.wps), xls (legacy OLE2
    Excel/WPS spreadsheet: .xls/.et), html, image, zip, rtf, empty or binary."""
    if not data.strip():
        return "empty"
    head = data[:2048]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                names = set(z.namelist())
        except (zipfile.BadZipFile, ValueError, OSError, EOFError):
            # A truncated DOCX still starts like one; say so, the reader reports it.
            return "docx" if b"word/" in data[:65536] else "zip"
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
        return "zip"
    if head.startswith(OLE2_MAGIC):
        return ole2_kind(data)
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM", b"II*\x00", b"MM\x00*", b"RIFF")):
        return "image"
    if utf16_without_bom(head):
        return "txt"
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in lowered[:512]:
        return "html"
    # Saved pages that start with a comment ("saved from url=…") or a bare <head>/<meta>.
    if lowered.startswith((b"<!--", b"<head", b"<meta")) and (b"<html" in lowered or b"<body" in lowered
                                                             or b"<meta" in lowered):
        return "html"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if _looks_like_text(head):
        return "txt"
    return "binary"


# Stream names in an OLE2 compound file's directory (UTF-16LE): what the container holds.
_OLE_WORD = ("WordDocument".encode("utf-16-le"),)
_OLE_SHEET = ("Workbook".encode("utf-16-le"), "Book\x00".encode("utf-16-le"))


def ole2_kind(data: bytes) -> str:
    """xls for a workbook (Excel, WPS 表格 .et), doc for Word/WPS 文字 and anything else."""
    if any(m in data for m in _OLE_WORD):
        return "doc"
    if any(m in data for m in _OLE_SHEET):
        return "xls"
    return "doc"


def _texty(ch: str) -> bool:
    o = ord(ch)
    return (
        ch in "\t\r\n\f"
        or 0x20 <= o < 0x7F
        or 0x4E00 <= o <= 0x9FFF  # CJK unified ideographs
        or 0x3000 <= o <= 0x303F  # CJK punctuation
        or 0xFF00 <= o <= 0xFFEF  # full-width forms
        or 0x2000 <= o <= 0x206F  # general punctuation (—, …, “”)
        or 0x3400 <= o <= 0x4DBF  # CJK extension A
        or o in (0xB7, 0xD7, 0xF7, 0xB0, 0x2116, 0x25CB, 0x25A1, 0x221A)
    )


def utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when the bytes are UTF-16 text without a BOM, else None.

    UTF-8 and GBK text never contain NUL bytes; UTF-16 text has them in every ASCII
    character. Chinese UTF-16 has few NULs, so both byte orders are decoded and the one
    that reads as Chinese/ASCII text wins.
    """
    if b"\x00" not in head or len(head) < 8:
        return None
    sample = head[: len(head) - len(head) % 2]
    # ASCII characters put their NUL at odd offsets in little-endian, even ones in big-endian:
    # try the byte order the NULs suggest first; the decoded text must then read as text.
    le_first = sample[1::2].count(0) >= sample[0::2].count(0)
    for enc in ("utf-16-le", "utf-16-be") if le_first else ("utf-16-be", "utf-16-le"):
        s = sample.decode(enc, errors="ignore")  # a cut surrogate pair at the end is fine
        if s and sum(map(_texty, s)) / len(s) >= 0.9:
            return enc
    return None


def _looks_like_text(head: bytes) -> bool:
    if head.startswith(_TEXT_BOMS):
        return True
    for enc in ("utf-8", "gb18030"):
        # The 2 KiB cut may split a multi-byte character: try dropping up to 3 bytes.
        for cut in range(4):
            try:
                s = head[: len(head) - cut].decode(enc)
            except UnicodeDecodeError:
                continue
            bad = sum(1 for ch in s if ord(ch) < 32 and ch not in "\t\r\n\f\x1a")
            return bad <= len(s) // 50
    return False
