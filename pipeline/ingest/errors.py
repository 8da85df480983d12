"""Stable error codes for documents that could not be (fully) loaded.

The codes are part of the user contract: schedulers and auditors filter on them. Each
message says what happened and what a person can do about it.
"""

from __future__ import annotations

CATALOGUE: dict[str, str] = {
    "EMPTY_FILE": "The file is empty (0 bytes or only whitespace). Download it again.",
    "UNREADABLE": "The file could not be read (permissions or I/O error).",
    "OUTSIDE_INPUT": "The path points outside the input folder (symlink or '..'); it was not read.",
    "TOO_LARGE": "The file is larger than the configured limit (BPW_MAX_FILE_BYTES).",
    "UNSUPPORTED_FORMAT": "The bytes are not a DOCX, PDF or text report (e.g. an HTML page or image).",
    "LEGACY_DOC": "A legacy Word/WPS binary (.doc/.wps); convert it to DOCX or PDF.",
    "CORRUPT_DOCX": "The DOCX is damaged or truncated and cannot be opened.",
    "CORRUPT_PDF": "The PDF is damaged or truncated and cannot be opened.",
    "ENCRYPTED_PDF": "The PDF is password-protected; obtain an unprotected copy.",
    "NO_TEXT_LAYER": "The PDF has no text layer (a scan); run OCR first, e.g. ocrmypdf.",
    "TOO_MANY_PAGES": "The PDF has more pages than the configured limit (BPW_MAX_PAGES).",
    "ZIP_BOMB": "The DOCX expands to more than the configured limit (BPW_MAX_UNZIPPED_BYTES).",
    "PARSE_TIMEOUT": "Parsing took longer than the configured limit (BPW_PARSE_TIMEOUT).",
    "PARSER_CRASH": "The parser process died (out of memory or crash) on this file.",
    "NOT_A_REPORT": "The document was read but contains no budget or performance report.",
    "EXTRACTION_ERROR": "The document was read but extracting facts failed part-way.",
    "DUPLICATE": "The same report was already loaded from another file.",
}


class IngestError(Exception):
    """A document-level failure with a stable code and a sentence a person can act on."""

    def __init__(self, code: str, message: str | None = None) -> None:
        assert code in CATALOGUE, code
        self.code = code
        self.message = message or CATALOGUE[code]
        super().__init__(f"{code}: {self.message}")
