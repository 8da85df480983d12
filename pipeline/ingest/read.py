"""Bytes → Document, with the limits and error codes that protect a batch run.

Safety rules (see docs/error_codes.md):
- DOCX: every part is decompressed in chunks before any XML parser sees it; the bytes
  actually produced count against BPW_MAX_UNZIPPED_BYTES (so a ZIP whose headers lie about
  sizes cannot slip through), CRCs are checked, and a part that declares a DTD or entities
  is refused (UNSAFE_DOCX). python-docx parses with lxml `resolve_entities=False` and
  lxml's default `no_network=True`; relationships with TargetMode="External" are never
  opened. Nothing in a document is ever fetched from disk or network.
- PDF: pages above BPW_MAX_PAGES are not read (the document becomes `partial`,
  TOO_MANY_PAGES); encrypted PDFs that open with the empty user password load normally.
"""

from __future__ import annotations

import io
import zipfile

from pipeline.ingest.errors import IngestError
from pipeline.model import Document
from pipeline.normalize.document import fold_fullwidth_figures
from pipeline.readers.detect import detect_format, utf16_without_bom
from pipeline.settings import Settings

# Markup that starts a DTD or an entity declaration, in the encodings XML parts may use.
_DTD_MARKERS = tuple(
    m.encode(enc) for m in ("<!DOCTYPE", "<!ENTITY") for enc in ("ascii", "utf-16-le", "utf-16-be")
)
_CHUNK = 1 << 20


def check_docx_container(data: bytes, settings: Settings, code: str = "CORRUPT_DOCX") -> None:
    """Raise ZIP_BOMB / UNSAFE_DOCX / CORRUPT_DOCX (or `code`) before any XML is parsed."""
    limit = settings.max_unzipped_bytes
    mib = 2**20
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
            declared = sum(i.file_size for i in infos)
            if declared > limit:
                raise IngestError.with_detail(
                    "ZIP_BOMB", f"it would expand to {declared / mib:.1f} MiB, above the limit of "
                    f"{limit / mib:.1f} MiB")
            total = 0
            for info in infos:
                if info.is_dir():
                    continue
                xml = info.filename.lower().endswith((".xml", ".rels"))
                tail = b""
                with z.open(info) as part:
                    # ZipExtFile checks the CRC (and that the size matches) at the end.
                    while chunk := part.read(_CHUNK):
                        total += len(chunk)
                        if total > limit:
                            raise IngestError.with_detail(
                                "ZIP_BOMB", f"it expands to more than {limit / mib:.1f} MiB "
                                f"(part {info.filename!r} is larger than its header says)")
                        if xml:
                            window = tail + chunk
                            if any(m in window for m in _DTD_MARKERS):
                                raise IngestError.with_detail(
                                    "UNSAFE_DOCX", f"part {info.filename!r} declares a DTD or XML entities")
                            tail = window[-32:]
    except IngestError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError,
            NotImplementedError, RuntimeError) as e:
        # RuntimeError: a password-protected ZIP entry; NotImplementedError: odd compression.
        raise IngestError.with_detail(code, f"{type(e).__name__}: {e}") from e


def _as_utf8_if_utf16(data: bytes) -> bytes:
    """UTF-16 text without a BOM → UTF-8, so the text reader decodes it right."""
    enc = utf16_without_bom(data[:2048])
    if enc is None:
        return data
    return data[: len(data) - len(data) % 2].decode(enc, errors="replace").encode("utf-8")


def _conversion_timeout(settings: Settings) -> float:
    # Leave the reader time to read the result before the child's own limit stops it.
    return max(5.0, settings.parse_timeout_s * 0.7)


def _read_xls(data: bytes, settings: Settings) -> Document:
    """Legacy Excel (.xls) and WPS 表格 (.et) with calamine; what calamine cannot open is
    converted to XLSX by LibreOffice when it is installed."""
    from pipeline.readers.xls import read_xls

    try:
        return read_xls(data)
    except MemoryError:
        raise
    except Exception as e:  # calamine raises its own kinds on damaged or unusual workbooks
        first = f"{type(e).__name__}: {e}"
    from pipeline.readers.convert import convert, soffice

    if soffice() is None:
        raise IngestError.with_detail("CORRUPT_XLSX", f"the legacy workbook could not be read ({first}); "
                                      "with LibreOffice installed it would be converted and read")
    xlsx = convert(data, "xls", "xlsx", _conversion_timeout(settings))
    doc = read_document(xlsx, settings, "xlsx")
    doc.file_format = "xls"
    return doc


def read_document(data: bytes, settings: Settings, fmt: str | None = None) -> Document:
    """The document's blocks, in any format; figures typed full-width (２０１９年度) read as ASCII
    digits, one character for one, so that every reader gives the same text."""
    doc = _read_any(data, settings, fmt)
    fold_fullwidth_figures(doc)
    return doc


def _read_any(data: bytes, settings: Settings, fmt: str | None = None) -> Document:
    fmt = fmt or detect_format(data)
    if fmt == "empty":
        raise IngestError("EMPTY_FILE")
    if fmt == "txt":
        from pipeline.readers.text import read_text

        return read_text(_as_utf8_if_utf16(data))
    if fmt == "docx":
        check_docx_container(data, settings)
        from pipeline.readers.docx import read_docx

        try:
            return read_docx(data)
        except IngestError:
            raise
        except Exception as e:  # python-docx/lxml raise many kinds on broken files
            raise IngestError.with_detail("CORRUPT_DOCX", f"{type(e).__name__}: {e}") from e
    if fmt == "xlsx":
        check_docx_container(data, settings, code="CORRUPT_XLSX")
        from pipeline.readers.xlsx import read_xlsx

        try:
            return read_xlsx(data)
        except Exception as e:  # openpyxl raises many kinds on broken workbooks
            raise IngestError.with_detail("CORRUPT_XLSX", f"{type(e).__name__}: {e}") from e
    if fmt == "pdf":
        from pipeline.readers import pdf as pdf_reader

        try:
            doc = pdf_reader.read_pdf(data, max_pages=settings.max_pages, page_workers=settings.pages_now())
        except IngestError:
            raise
        except pdf_reader.EncryptedPdf as e:
            raise IngestError("ENCRYPTED_PDF") from e
        except MemoryError:
            raise
        except Exception as e:
            raise IngestError.with_detail("CORRUPT_PDF", f"{type(e).__name__}: {e}") from e
        if doc.page_count and not any(True for _ in doc.paragraphs) and not any(
            True for _ in doc.tables
        ):
            raise IngestError(
                "NO_TEXT_LAYER",
                f"The PDF's {doc.page_count} page(s) carry no text (a scan or images of pages). Run OCR "
                "first, e.g. `ocrmypdf -l chi_sim in.pdf out.pdf`, and put the result in the input folder.",
            )
        return doc
    if fmt == "html":
        from pipeline.readers.html import read_html

        try:
            return read_html(data)
        except IngestError:
            raise
        except MemoryError:
            raise
        except Exception as e:  # lxml on hostile markup: refused in words, never a traceback
            raise IngestError.with_detail("UNSUPPORTED_FORMAT", f"a web page that could not be read: "
                                          f"{type(e).__name__}: {e}") from e
    if fmt == "xls":
        return _read_xls(data, settings)
    if fmt == "doc":
        from pipeline.readers.convert import convert, soffice

        if soffice() is None:
            raise IngestError("LEGACY_DOC")
        # Converted inside this (child) process, within the parse time limit; then read as
        # the DOCX it became, with the same safety checks, and recorded as `doc`.
        docx = convert(data, "doc", "docx", _conversion_timeout(settings))
        doc = _read_any(docx, settings, "docx")
        doc.file_format = "doc"
        doc.warnings.append("converted from a legacy Word/WPS file by LibreOffice")
        return doc
    raise IngestError(
        "UNSUPPORTED_FORMAT",
        f"The file's bytes look like {fmt!r}, not a DOCX, XLSX, PDF or text report. Check the download "
        "(an error page saved under a report's name is common) and fetch the real file.",
    )
