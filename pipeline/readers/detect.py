"""Tell a file's format from its bytes, never from its name."""

from __future__ import annotations

import io
import zipfile

_TEXT_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def detect_format(data: bytes) -> str:
    """Return docx, pdf, txt, doc (legacy OLE2: .doc/.wps), html, image, zip, empty or binary."""
    if not data.strip():
        return "empty"
    head = data[:2048]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                names = set(z.namelist())
        except (zipfile.BadZipFile, ValueError, OSError):
            # A truncated DOCX still starts like one; say so, the reader reports it.
            return "docx" if b"word/" in data[:65536] else "zip"
        if "word/document.xml" in names:
            return "docx"
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM", b"II*\x00", b"MM\x00*")):
        return "image"
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in lowered[:512]:
        return "html"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if _looks_like_text(head):
        return "txt"
    return "binary"


def _looks_like_text(head: bytes) -> bool:
    if head.startswith(_TEXT_BOMS):
        return True
    if head.count(b"\x00") > len(head) // 4:
        # UTF-16 without BOM puts a NUL in every other byte of ASCII text.
        return head[1::2].count(b"\x00") > len(head) // 3 or head[0::2].count(b"\x00") > len(head) // 3
    for enc in ("utf-8", "gb18030"):
        # The 2 KiB cut may split a multi-byte character: try dropping up to 3 bytes.
        for cut in range(4):
            try:
                s = head[: len(head) - cut].decode(enc)
            except UnicodeDecodeError:
                continue
            bad = sum(1 for ch in s if ord(ch) < 32 and ch not in "\t\r\n\f")
            return bad <= len(s) // 50
    return False
