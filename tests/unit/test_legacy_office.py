"""Legacy Office files as government sites attach them: .xls (and WPS .et) read with calamine
like .xlsx, never called a Word file; .doc/.wps converted by LibreOffice when installed, else
LEGACY_DOC with the install command. A folder mixing them with a saved GBK page loads each."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from pipeline.extract import extract
from pipeline.ingest.errors import IngestError
from pipeline.ingest.read import read_document
from pipeline.model import Table
from pipeline.pipeline_run import ingest
from pipeline.readers.detect import OLE2_MAGIC, detect_format
from pipeline.settings import Settings

FIX = Path(__file__).resolve().parents[1] / "fixtures"
xlwt = pytest.importorskip("xlwt")


def _xls() -> bytes:
    """A 项目支出绩效自评表 as an .xls: title merged across, numbers as numbers, a rowspan,
    the grid starting at B2 (as many sheets do)."""
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("项目自评表")
    pct = xlwt.easyxf(num_format_str="0.00")
    ws.write_merge(1, 1, 1, 6, "2022年度资源县教育局项目支出绩效自评表")
    ws.write(2, 1, "单位：万元")
    header = ["项目名称", "年初预算数", "全年预算数", "全年执行数", "分值", "得分"]
    for j, h in enumerate(header):
        ws.write(3, 1 + j, h)
    ws.write_merge(4, 5, 1, 1, "义务教育营养改善计划")
    for j, v in enumerate([1200.5, 1250, 1100.25, 10, 8.8]):
        ws.write(4, 2 + j, v, pct if isinstance(v, float) else xlwt.Style.default_style)
    ws.write(5, 2, "其中：财政拨款")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_an_xls_is_a_workbook_never_a_word_file():
    data = _xls()
    assert data.startswith(OLE2_MAGIC)
    assert detect_format(data) == "xls"
    doc = read_document(data, Settings())
    assert doc.file_format == "xls"
    paras = [b.text for b in doc.paragraphs]
    assert paras == ["项目自评表", "2022年度资源县教育局项目支出绩效自评表", "单位：万元"]
    (t,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert t.texts()[:2] == [header_row(), ["义务教育营养改善计划", "1200.5", "1250", "1100.25", "10", "8.8"]]
    name = t.rows[1][0]
    assert (name.col, name.rowspan) == (2, 2)  # sheet columns kept: the grid starts at column B
    assert t.rows[2][0].merged_copy and t.rows[2][0].text == "义务教育营养改善计划"


def header_row() -> list[str]:
    return ["项目名称", "年初预算数", "全年预算数", "全年执行数", "分值", "得分"]


def test_the_seed_self_evaluation_as_xls_gives_the_docx_figures():
    """tests/fixtures/xls/001.xls (scripts/make_web_fixtures.py): the 自评表 attachment."""
    def facts(fmt: str) -> dict[str, set]:
        ex = extract(read_document((FIX / fmt / f"001.{fmt}").read_bytes(), Settings()), "x")
        return {
            "budgets": {(f["line_item"], f["stage"], f["amount_yuan"]) for f in ex.fact_budgets},
            "scores": {(f["component"], f["weight"], f["score"]) for f in ex.fact_scores},
            "indicators": {(f["name"], f["target_value"], f["actual_value"], f["weight"], f["score"])
                           for f in ex.fact_indicators},
            "report": {(r["unit_key"], r["fiscal_year"], r["score_total"]) for r in ex.reports},
        }
    xls, docx = facts("xls"), facts("docx")
    assert xls == docx and len(xls["indicators"]) == 9


def test_a_damaged_xls_says_so_in_spreadsheet_words(monkeypatch):
    monkeypatch.setenv("BPW_SOFFICE", "/nonexistent/soffice")
    data = _xls()
    # The header and the directory (stream names) survive, the workbook stream does not.
    directory = 512 * (data.index("Workbook".encode("utf-16-le")) // 512)
    broken = data[:512] + b"\xff" * (directory - 512) + data[directory:]
    assert detect_format(broken) == "xls"
    with pytest.raises(IngestError) as e:
        read_document(broken, Settings())
    assert e.value.code == "CORRUPT_XLSX" and "Word" not in e.value.message


def test_a_doc_without_libreoffice_says_how_to_convert(monkeypatch):
    monkeypatch.setenv("BPW_SOFFICE", "/nonexistent/soffice")
    data = OLE2_MAGIC + b"\0" * 504 + "WordDocument".encode("utf-16-le") + b"\0" * 600
    assert detect_format(data) == "doc"
    with pytest.raises(IngestError) as e:
        read_document(data, Settings())
    assert e.value.code == "LEGACY_DOC"
    assert "apt-get install libreoffice" in e.value.message and "LibreOffice" in e.value.message
    assert "安装 LibreOffice" in e.value.message


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_a_doc_is_converted_by_libreoffice_and_read_like_its_docx(tmp_path):
    src = tmp_path / "001.docx"
    shutil.copy(FIX / "docx" / "001.docx", src)
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation={(tmp_path / 'p').as_uri()}",
                    "--convert-to", "doc", "--outdir", str(tmp_path), str(src)],
                   check=True, capture_output=True, timeout=180)
    data = (tmp_path / "001.doc").read_bytes()
    assert detect_format(data) == "doc"
    doc = read_document(data, Settings())
    assert doc.file_format == "doc" and any(True for _ in doc.tables)
    ex = extract(doc, "doc")
    assert ex.reports[0]["score_total"] is not None and len(ex.fact_indicators) == 9


def test_a_folder_of_downloads_loads_each_file(tmp_path, monkeypatch):
    """A saved GBK report page, an .xls 自评表, an error page saved as .htm and a .doc."""
    monkeypatch.setenv("BPW_SOFFICE", "/nonexistent/soffice")
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(FIX / "html" / "004.html", raw / "自评报告.html")
    shutil.copy(FIX / "xls" / "001.xls", raw / "附件1 自评表.xls")
    (raw / "附件2.htm").write_bytes("<html><head><title>404</title></head><body>页面不存在</body></html>".encode("gbk"))
    (raw / "附件3.doc").write_bytes(OLE2_MAGIC + b"\0" * 504 + "WordDocument".encode("utf-16-le") + b"\0" * 600)
    s = Settings(raw_dir=raw, warehouse=tmp_path / "wh.duckdb", workers=2, parse_timeout_s=60)
    summary = ingest(s)
    con = duckdb.connect(str(s.warehouse), read_only=True)
    try:
        rows = {r[0]: r[1:] for r in con.execute(
            """SELECT file_name, file_format, status, error_code,
                      (SELECT count(*) FROM fact_scores f JOIN reports r USING (report_id)
                       WHERE r.document_id = d.document_id)
               FROM documents d""").fetchall()}
    finally:
        con.close()
    assert rows["自评报告.html"][:3] == ("html", "loaded", None) and rows["自评报告.html"][3] > 0
    assert rows["附件1 自评表.xls"][:3] == ("xls", "loaded", None) and rows["附件1 自评表.xls"][3] > 0
    assert rows["附件2.htm"][:3] == ("html", "failed", "UNSUPPORTED_FORMAT")
    assert rows["附件3.doc"][:3] == ("doc", "failed", "LEGACY_DOC")
    assert summary.statuses == {"loaded": 2, "failed": 2}
