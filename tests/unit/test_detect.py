"""detect_format: the format comes from the bytes, never from the name."""

from __future__ import annotations

import io
import zipfile

import pytest

from pipeline.readers.detect import detect_format, utf16_without_bom
from tests.soak.badfiles import OLE2_MAGIC, fixture, make_pdf, make_scanned_pdf, report_text

TEXT = report_text("资源县统计局")


def _zip(names: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for n, b in names.items():
            z.writestr(n, b)
    return out.getvalue()


CASES = {
    "empty": (b"", "empty"),
    "whitespace": (b" \r\n\t\n ", "empty"),
    "pdf": (fixture("pdf", 2), "pdf"),
    "pdf_after_junk": (b"\r\n\x00garbage" + make_pdf(text="x"), "pdf"),
    "scanned_pdf": (make_scanned_pdf(), "pdf"),
    "docx": (fixture("docx", 1), "docx"),
    "truncated_docx": (fixture("docx", 1)[:30000], "docx"),
    "plain_zip": (_zip({"a.txt": b"hi"}), "zip"),
    "xlsx": (_zip({"xl/workbook.xml": b"<x/>"}), "xlsx"),
    "ole2_doc": (OLE2_MAGIC + b"\0" * 600, "doc"),
    "png": (b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image"),
    "jpeg": (b"\xff\xd8\xff\xe0" + b"\0" * 100, "image"),
    "gif": (b"GIF89a" + b"\0" * 100, "image"),
    "html": (b"<!DOCTYPE html><html><body>404</body></html>", "html"),
    "html_no_doctype": (b"\n  <html><head></head></html>", "html"),
    "html_after_text": ("<meta charset=utf-8>\n<html lang=zh>页面</html>".encode(), "html"),
    "rtf": (b"{\\rtf1\\ansi hello}", "rtf"),
    "utf8": (TEXT.encode("utf-8"), "txt"),
    "utf8_bom": (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "txt"),
    "gbk": (TEXT.encode("gbk"), "txt"),
    "gb18030": ("绩效自评报告 €".encode("gb18030") * 50, "txt"),
    "utf16_bom": (TEXT.encode("utf-16"), "txt"),
    "utf16le": (TEXT.encode("utf-16-le"), "txt"),
    "utf16be": (TEXT.encode("utf-16-be"), "txt"),
    "utf16le_ascii": (("budget report 2022\n" * 40).encode("utf-16-le"), "txt"),
    "utf16be_ascii": (("budget report 2022\n" * 40).encode("utf-16-be"), "txt"),
    "utf16le_cjk_only": (("绩效自评报告部门整体支出" * 80).encode("utf-16-le"), "txt"),
    "binary": (bytes(range(256)) * 8, "binary"),
    "nul_padded": (b"\x00" * 4096, "binary"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_detect_format(name):
    data, want = CASES[name]
    assert detect_format(data) == want


def test_split_multibyte_at_the_2k_cut():
    # 2048 bytes of UTF-8 that cut a 3-byte character in half are still text.
    data = ("绩" * 683).encode("utf-8") + "效".encode()
    assert detect_format(data) == "txt"
    data = ("a" + "绩" * 1100).encode("gbk")
    assert detect_format(data) == "txt"


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
def test_utf16_byte_order(enc):
    assert utf16_without_bom(TEXT.encode(enc)[:2048]) == enc
    assert utf16_without_bom(TEXT.encode(enc)[:2047]) == enc  # odd cut


def test_utf16_sniffing_leaves_other_bytes_alone():
    assert utf16_without_bom(TEXT.encode("utf-8")[:2048]) is None
    assert utf16_without_bom(bytes(range(256)) * 8) is None
    assert utf16_without_bom(fixture("docx", 1)[:2048]) is None
