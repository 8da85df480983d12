"""Bytes → Document, with the limits and error codes that protect a batch run."""

from __future__ import annotations

import io
import zipfile

from pipeline.ingest.errors import IngestError
from pipeline.model import Document
from pipeline.readers.detect import detect_format
from pipeline.settings import Settings


def _check_zip(data: bytes, settings: Settings) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            total = sum(i.file_size for i in z.infolist())
            if total > settings.max_unzipped_bytes:
                raise IngestError(
                    "ZIP_BOMB",
                    f"The DOCX would expand to {total / 2**20:.0f} MiB, above the limit of "
                    f"{settings.max_unzipped_bytes / 2**20:.0f} MiB (BPW_MAX_UNZIPPED_BYTES).",
                )
            if z.testzip() is not None:
                raise IngestError("CORRUPT_DOCX")
    except (zipfile.BadZipFile, EOFError, ValueError, OSError) as e:
        raise IngestError(
            "CORRUPT_DOCX", f"The DOCX is damaged or truncated ({e}); download it again."
        ) from e


def read_document(data: bytes, settings: Settings, fmt: str | None = None) -> Document:
    fmt = fmt or detect_format(data)
    if fmt == "empty":
        raise IngestError("EMPTY_FILE")
    if fmt == "txt":
        from pipeline.readers.text import read_text

        return read_text(data)
    if fmt == "docx":
        _check_zip(data, settings)
        from pipeline.readers.docx import read_docx

        try:
            return read_docx(data)
        except IngestError:
            raise
        except Exception as e:  # python-docx/lxml raise many kinds on broken files
            raise IngestError(
                "CORRUPT_DOCX", f"The DOCX could not be parsed ({type(e).__name__}: {e})."
            ) from e
    if fmt == "pdf":
        from pipeline.readers import pdf as pdf_reader

        try:
            doc = pdf_reader.read_pdf(data, max_pages=settings.max_pages)
        except IngestError:
            raise
        except pdf_reader.EncryptedPdf as e:
            raise IngestError("ENCRYPTED_PDF") from e
        except Exception as e:
            raise IngestError(
                "CORRUPT_PDF", f"The PDF could not be parsed ({type(e).__name__}: {e})."
            ) from e
        if doc.page_count and not any(True for _ in doc.paragraphs) and not any(
            True for _ in doc.tables
        ):
            raise IngestError(
                "NO_TEXT_LAYER",
                f"The PDF's {doc.page_count} page(s) carry no text (a scan); run OCR "
                "(e.g. `ocrmypdf in.pdf out.pdf`) and put the result in the input folder.",
            )
        return doc
    if fmt == "doc":
        raise IngestError("LEGACY_DOC")
    raise IngestError(
        "UNSUPPORTED_FORMAT",
        f"The file's bytes look like '{fmt}', not a DOCX, PDF or text report; "
        "check the download (an error page saved under a report's name is common).",
    )
