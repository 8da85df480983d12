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
    zh: str  # the same in Chinese (meaning and action): messages are read by Chinese and English users


CODES: dict[str, Code] = {
    "EMPTY_FILE": Code(
        "failed", "The file is empty (0 bytes or only whitespace).",
        "Download or copy the file again.",
        "文件为空（0 字节或只有空白）。请重新下载或复制该文件。"),
    "UNREADABLE": Code(
        "failed", "The file could not be read (permissions, I/O error, or a broken or looping symlink).",
        "Check the file's permissions (`ls -l`) or replace the symlink with the file itself.",
        "无法读取该文件（权限、读写错误，或符号链接失效/循环）。请检查文件权限（`ls -l`），或用文件本身替换符号链接。"),
    "OUTSIDE_INPUT": Code(
        "failed", "The path leads outside the input folder (a symlink or a symlinked folder); it was not read.",
        "Copy the file itself into the input folder instead of linking to it.",
        "该路径指向输入文件夹之外（符号链接或链接的文件夹），未读取。请把文件本身复制到输入文件夹，而不是链接。"),
    "TOO_LARGE": Code(
        "failed", "The file is larger than the BPW_MAX_FILE_BYTES limit.",
        "Check it is really a report; raise BPW_MAX_FILE_BYTES if it is.",
        "文件超过 BPW_MAX_FILE_BYTES 的大小上限。请确认它确实是报告；若是，调高 BPW_MAX_FILE_BYTES。"),
    "UNSUPPORTED_FORMAT": Code(
        "failed", "The bytes are not a DOCX, XLSX, XLS, PDF, web page or text report (e.g. an image, a ZIP, "
        "a saved error or login page).",
        "Check the download (an error page saved under a report's name is common) and fetch the real file.",
        "文件内容不是可读取的报告格式（DOCX、XLSX、XLS、PDF、网页或文本），例如错误页、图片或压缩包。请检查下载结果（常见情况是把错误页存成了报告的名字），重新获取原文件。"),
    "LEGACY_DOC": Code(
        "failed", "A legacy Word/WPS binary (.doc/.wps/.et, OLE2); LibreOffice, which converts it, is not installed.",
        "Install LibreOffice (`apt-get install libreoffice-writer-nogui libreoffice-calc-nogui`) and run again, "
        "or open it in Word/WPS and save as DOCX or PDF.",
        "旧版 Word/WPS 二进制文件（.doc/.wps），本机未安装 LibreOffice，无法转换读取。请安装 LibreOffice（`apt-get install libreoffice-writer-nogui`）后重新运行，或用 Word/WPS 另存为 DOCX 或 PDF。"),
    "CORRUPT_DOCX": Code(
        "failed", "The DOCX is damaged or truncated and cannot be opened.",
        "Download it again; if it opens in Word, re-save it as a new DOCX.",
        "DOCX 文件已损坏或不完整，无法打开。请重新下载；若 Word 能打开，另存为新的 DOCX。"),
    "CORRUPT_XLSX": Code(
        "failed", "The Excel workbook (.xlsx/.xls) is damaged or truncated and cannot be opened.",
        "Download it again; if it opens in Excel/WPS, re-save it as a new .xlsx.",
        "Excel 工作簿（.xlsx/.xls）已损坏或不完整，无法打开。请重新下载；若 Excel/WPS 能打开，另存为新的 .xlsx。"),
    "UNSAFE_DOCX": Code(
        "failed", "The DOCX declares an XML DTD or entities (which Word never writes); it was refused "
        "unread, for safety.",
        "Open it in Word/WPS/LibreOffice and save a clean copy; report the file if it came from an official site.",
        "DOCX 中声明了 XML DTD 或实体（Word 从不写入），出于安全未读取。请用 Word/WPS/LibreOffice 另存一份干净的副本；若来自官方网站，请报告该文件。"),
    "CORRUPT_PDF": Code(
        "failed", "The PDF is damaged or truncated and cannot be opened.",
        "Download it again; check that it opens in a PDF viewer.",
        "PDF 文件已损坏或不完整，无法打开。请重新下载，并确认能在 PDF 阅读器中打开。"),
    "ENCRYPTED_PDF": Code(
        "failed", "The PDF needs a password to open.",
        "Obtain an unprotected copy (or open it with the password and print to a new PDF).",
        "PDF 需要密码才能打开。请取得未加密的副本（或用密码打开后打印为新的 PDF）。"),
    "NO_TEXT_LAYER": Code(
        "failed", "The PDF has no text layer (a scan or images of pages).",
        "Run OCR first, e.g. `ocrmypdf -l chi_sim in.pdf out.pdf`, and put the result in the input folder.",
        "PDF 没有文字层（扫描件或页面图片）。请先做 OCR，例如 `ocrmypdf -l chi_sim in.pdf out.pdf`，再把结果放入输入文件夹。"),
    "TOO_MANY_PAGES": Code(
        "partial", "The PDF has more pages than the BPW_MAX_PAGES limit; only the first pages were read.",
        "Split the PDF into its reports, or raise BPW_MAX_PAGES and run again.",
        "PDF 页数超过 BPW_MAX_PAGES 上限，只读取了前面的页。请把 PDF 按报告拆分，或调高 BPW_MAX_PAGES 后重新运行。"),
    "ZIP_BOMB": Code(
        "failed", "The DOCX expands to more than the BPW_MAX_UNZIPPED_BYTES limit.",
        "Check the file (a report is rarely above a few MiB unpacked); raise BPW_MAX_UNZIPPED_BYTES if it is genuine.",
        "DOCX 解压后超过 BPW_MAX_UNZIPPED_BYTES 上限。请检查文件（报告解压后很少超过几 MiB）；若确为正常文件，调高 BPW_MAX_UNZIPPED_BYTES。"),
    "PARSE_TIMEOUT": Code(
        "failed", "Parsing took longer than the BPW_PARSE_TIMEOUT limit and was stopped.",
        "Check the file opens normally; re-save or split it, or raise BPW_PARSE_TIMEOUT.",
        "解析时间超过 BPW_PARSE_TIMEOUT 上限，已停止。请确认文件能正常打开；另存或拆分，或调高 BPW_PARSE_TIMEOUT。"),
    "PARSER_CRASH": Code(
        "failed", "The parser process died on this file (out of memory or a crash in a library).",
        "Check the file opens normally and re-save it; report it if it does.",
        "解析进程在该文件上退出（内存不足或程序库崩溃）。请确认文件能正常打开并另存；若能打开，请报告该文件。"),
    "NOT_A_REPORT": Code(
        "not_a_report", "The document was read but contains no budget or performance report.",
        "Nothing to do if it is not a report; otherwise report the file (its title or tables were not recognised).",
        "已读取该文件，但其中没有预算或绩效报告。若它本来就不是报告，无需处理；否则请报告该文件（标题或表格未被识别）。"),
    "EXTRACTION_ERROR": Code(
        "partial", "The document was read but extracting facts failed part-way; its text is in `blocks`.",
        "Report the file; the rest of the run is unaffected.",
        "已读取该文件，但提取数据中途失败；正文已存入 `blocks` 表。请报告该文件；本次运行的其他文件不受影响。"),
    "CONVERSION_FAILED": Code(
        "failed", "LibreOffice could not convert this legacy Word/WPS/Excel file (.doc/.wps/.et).",
        "Check the file opens in WPS/Word/Excel and save it as DOCX, XLSX or PDF; raise BPW_PARSE_TIMEOUT if "
        "the conversion ran out of time.",
        "LibreOffice 无法转换这个旧版 Word/WPS/Excel 文件（.doc/.wps/.et）。请确认它能在 WPS/Word/Excel 中打开，"
        "另存为 DOCX、XLSX 或 PDF；若转换超时，调高 BPW_PARSE_TIMEOUT。"),
    "LOAD_ERROR": Code(
        "failed", "A value read from this document cannot be stored in the warehouse (a figure too large "
        "for its column, not a number, or text that is not valid Unicode); none of its rows was loaded.",
        "Look at the cell the message names: usually a misread or mistyped figure. Correct or re-save the "
        "file and run again; every other document was loaded.",
        "该文件中有一个值无法存入数据仓库（数字超出列的范围、不是数字，或文字不是有效的 Unicode），"
        "该文件的数据均未入库。请查看信息中指出的单元格，通常是误读或录入错误的数字；修正或另存文件后重新运行。"
        "其他文件均已入库。"),
    "DUPLICATE": Code(
        "duplicate", "The same report was already loaded from another file (same bytes, or same unit, "
        "year and figures in another format).",
        "Nothing to do; see duplicate_of. Remove the copy if it is not wanted.",
        "同一份报告已从另一个文件入库（字节相同，或单位、年度和数字相同的另一种格式）。无需处理，见 duplicate_of；不需要的副本可删除。"),
}

# code → the default message (Chinese, then English: what happened, then what to do).
CATALOGUE: dict[str, str] = {k: f"{c.zh} {c.meaning} {c.action}" for k, c in CODES.items()}


class IngestError(Exception):
    """A document-level failure with a stable code and a sentence a person can act on."""

    def __init__(self, code: str, message: str | None = None, zh: str | None = None) -> None:
        """`message` is the English sentence about this file, `zh` the Chinese one (the
        catalogue's for the code when not given): every stored message reads in both languages."""
        if code not in CATALOGUE:
            raise ValueError(f"unknown error code {code!r}")
        self.code = code
        self.english = message
        self.zh = zh
        self.message = bilingual(code, message, zh)
        super().__init__(f"{code}: {self.message}")

    def __reduce__(self):  # pickled into the staged batch and across the child pipe
        return (IngestError, (self.code, self.english, self.zh))

    @classmethod
    def with_detail(cls, code: str, detail: str) -> IngestError:
        """The catalogue message with a specific detail: 'Meaning (detail). Action.'"""
        c = CODES[code]
        return cls(code, f"{c.meaning.rstrip('.')} ({detail}). {c.action}")


def bilingual(code: str, english: str | None = None, zh: str | None = None) -> str:
    """A stored error_message: the Chinese sentence, then the English one (the catalogue's
    when none is given). Messages built elsewhere (duplicates, extraction) use this too."""
    c = CODES[code]
    en = english or f"{c.meaning} {c.action}"
    return f"{zh or c.zh} {en}"


def markdown_table() -> str:
    """The catalogue as the Markdown table in docs/error_codes.md."""
    lines = ["| code | status | meaning | what to do | 说明 |", "|---|---|---|---|---|"]
    for k, c in CODES.items():
        lines.append(f"| `{k}` | `{c.status}` | {c.meaning} | {c.action} | {c.zh} |")
    return "\n".join(lines)
