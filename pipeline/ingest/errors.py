"""Stable error codes for documents that could not be (fully) loaded.

The codes are part of the user contract: schedulers and auditors filter on them. Each
message says what happened and what a person can do about it. docs/error_codes.md is the
same catalogue as a table (a test keeps the two in step).
"""

from __future__ import annotations

from typing import NamedTuple


class Code(NamedTuple):
    status: str  # the documents.status this code goes with
    meaning: str
    action: str


CODES: dict[str, Code] = {
    "EMPTY_FILE": Code(
        "failed", "The file is empty (0 bytes or only whitespace).",
        "Download or copy the file again."),
    "UNREADABLE": Code(
        "failed", "The file could not be read (permissions, I/O error, or a broken or looping symlink).",
        "Check the file's permissions (`ls -l`) or replace the symlink with the file itself."),
    "OUTSIDE_INPUT": Code(
        "failed", "The path leads outside the input folder (a symlink or a symlinked folder); it was not read.",
        "Copy the file itself into the input folder instead of linking to it."),
    "TOO_LARGE": Code(
        "failed", "The file is larger than the BPW_MAX_FILE_BYTES limit.",
        "Check it is really a report; raise BPW_MAX_FILE_BYTES if it is."),
    "UNSUPPORTED_FORMAT": Code(
        "failed", "The bytes are not a DOCX, XLSX, PDF or text report (e.g. an HTML error page, an image, a ZIP).",
        "Check the download (an error page saved under a report's name is common) and fetch the real file."),
    "LEGACY_DOC": Code(
        "failed", "A legacy Word/WPS binary (.doc/.wps, OLE2), which is not read.",
        "Open it in Word/WPS/LibreOffice and save as DOCX or PDF "
        "(`soffice --headless --convert-to docx FILE`)."),
    "CORRUPT_DOCX": Code(
        "failed", "The DOCX is damaged or truncated and cannot be opened.",
        "Download it again; if it opens in Word, re-save it as a new DOCX."),
    "CORRUPT_XLSX": Code(
        "failed", "The Excel workbook (.xlsx) is damaged or truncated and cannot be opened.",
        "Download it again; if it opens in Excel/WPS, re-save it as a new .xlsx."),
    "UNSAFE_DOCX": Code(
        "failed", "The DOCX declares an XML DTD or entities (which Word never writes); it was refused "
        "unread, for safety.",
        "Open it in Word/WPS/LibreOffice and save a clean copy; report the file if it came from an official site."),
    "CORRUPT_PDF": Code(
        "failed", "The PDF is damaged or truncated and cannot be opened.",
        "Download it again; check that it opens in a PDF viewer."),
    "ENCRYPTED_PDF": Code(
        "failed", "The PDF needs a password to open.",
        "Obtain an unprotected copy (or open it with the password and print to a new PDF)."),
    "NO_TEXT_LAYER": Code(
        "failed", "The PDF has no text layer (a scan or images of pages).",
        "Run OCR first, e.g. `ocrmypdf -l chi_sim in.pdf out.pdf`, and put the result in the input folder."),
    "TOO_MANY_PAGES": Code(
        "partial", "The PDF has more pages than the BPW_MAX_PAGES limit; only the first pages were read.",
        "Split the PDF into its reports, or raise BPW_MAX_PAGES and run again."),
    "ZIP_BOMB": Code(
        "failed", "The DOCX expands to more than the BPW_MAX_UNZIPPED_BYTES limit.",
        "Check the file (a report is rarely above a few MiB unpacked); raise BPW_MAX_UNZIPPED_BYTES if it is genuine."),
    "PARSE_TIMEOUT": Code(
        "failed", "Parsing took longer than the BPW_PARSE_TIMEOUT limit and was stopped.",
        "Check the file opens normally; re-save or split it, or raise BPW_PARSE_TIMEOUT."),
    "PARSER_CRASH": Code(
        "failed", "The parser process died on this file (out of memory or a crash in a library).",
        "Check the file opens normally and re-save it; report it if it does."),
    "NOT_A_REPORT": Code(
        "not_a_report", "The document was read but contains no budget or performance report.",
        "Nothing to do if it is not a report; otherwise report the file (its title or tables were not recognised)."),
    "EXTRACTION_ERROR": Code(
        "partial", "The document was read but extracting facts failed part-way; its text is in `blocks`.",
        "Report the file; the rest of the run is unaffected."),
    "DUPLICATE": Code(
        "duplicate", "The same report was already loaded from another file (same bytes, or same unit, "
        "year and figures in another format).",
        "Nothing to do; see duplicate_of. Remove the copy if it is not wanted."),
}

# code → the default message (what happened, then what to do).
CATALOGUE: dict[str, str] = {k: f"{c.meaning} {c.action}" for k, c in CODES.items()}


class IngestError(Exception):
    """A document-level failure with a stable code and a sentence a person can act on."""

    def __init__(self, code: str, message: str | None = None) -> None:
        if code not in CATALOGUE:
            raise ValueError(f"unknown error code {code!r}")
        self.code = code
        self.message = message or CATALOGUE[code]
        super().__init__(f"{code}: {self.message}")

    def __reduce__(self):  # pickled into the staged batch and across the child pipe
        return (IngestError, (self.code, self.message))

    @classmethod
    def with_detail(cls, code: str, detail: str) -> IngestError:
        """The catalogue message with a specific detail: 'Meaning (detail). Action.'"""
        c = CODES[code]
        return cls(code, f"{c.meaning.rstrip('.')} ({detail}). {c.action}")


def markdown_table() -> str:
    """The catalogue as the Markdown table in docs/error_codes.md."""
    lines = ["| code | status | meaning | what to do |", "|---|---|---|---|"]
    for k, c in CODES.items():
        lines.append(f"| `{k}` | `{c.status}` | {c.meaning} | {c.action} |")
    return "\n".join(lines)
