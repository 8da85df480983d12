"""The PDF reader on real published budget PDFs (Jiangsu provincial party committee general
office, 2019 department budget disclosure: the tables and the explanatory document)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from pipeline.model import Document, Table
from pipeline.readers.pdf import EncryptedPdf, read_pdf

FIX = Path(__file__).resolve().parents[1] / "fixtures"
TABLES = FIX / "real_pdf" / "jiangsu_2019_tables.pdf"
EXPLANATION = FIX / "real_pdf" / "jiangsu_2019_explanation.pdf"
_CJK_GAP = re.compile(r"[\u4e00-\u9fff]\s+[\u4e00-\u9fff]")


@cache
def load(path: Path) -> Document:
    return read_pdf(path.read_bytes())


def cells(t: Table) -> list[list[str]]:
    return [[c.text for c in r if not c.merged_copy] for r in t.rows]


def find_table(doc: Document, title: str) -> Table:
    """The table whose title (one of the 3 paragraphs before it, or its first row) matches."""
    recent: list[str] = []
    for b in doc.blocks:
        if isinstance(b, Table):
            head = " ".join(recent) + " ".join(c.text for c in (b.rows[0] if b.rows else []))
            if title in head.replace("\n", ""):
                return b
            recent = []
        else:
            recent = (recent + [b.text])[-3:]
    raise AssertionError(f"no table titled {title}")


def row_with(t: Table, first: str) -> list[str]:
    for r in cells(t):
        if first in r:
            return r[r.index(first) :]
    raise AssertionError(f"no row with {first!r}")


def test_page_counts():
    assert load(TABLES).page_count == 12
    assert load(EXPLANATION).page_count == 14


def test_summary_table_header_and_rows():
    """收支预算总表: a two-level header, then income and functional classification columns."""
    t = find_table(load(TABLES), "收支预算总表")
    assert t.page == 1
    header = {c.text for r in t.rows[:4] for c in r}
    assert {"收入", "支出", "项目名称", "金额", "功能分类", "支出用途", "功能科目名称"} <= header
    收入 = next(c for r in t.rows for c in r if c.text == "收入")
    assert 收入.colspan == 2
    项目名称 = next(c for r in t.rows for c in r if c.text == "项目名称")
    assert 项目名称.rowspan == 2
    # Functional classification rows, with the amounts of the published CSV cross-check.
    assert row_with(t, "一、一般公共服务支出")[:2] == ["一、一般公共服务支出", "22,395.50"]
    assert row_with(t, "八、社会保障和就业支出")[:2] == ["八、社会保障和就业支出", "1,374.63"]
    assert row_with(t, "十八、住房保障支出")[:2] == ["十八、住房保障支出", "3,894.09"]
    assert row_with(t, "一、基本支出")[:2] == ["一、基本支出", "11,700.63"]
    assert row_with(t, "二、项目支出")[:2] == ["二、项目支出", "13,025.38"]
    assert row_with(t, "三、单位预留机动经费")[:2] == ["三、单位预留机动经费", "2,938.21"]
    assert row_with(t, "收入合计") == ["收入合计", "27,664.22", "支出合计", "27,664.22"]
    classes = [r for r in cells(t) if len(r) >= 3 and re.match(r"^[一二三四五六七八九十]+、.+支出$", r[2])]
    assert len(classes) == 21


def test_functional_classification_table():
    """财政拨款支出预算表（功能科目）: class 201, section 20131, item 2013101 …, adding up."""
    t = find_table(load(TABLES), "财政拨款支出预算表（功能科目）")
    rows = {r[0]: r[1:] for r in cells(t) if r and r[0].isdigit()}
    assert rows["201"] == ["一般公共服务支出", "22,395.50"]
    assert rows["20131"] == ["党委办公厅（室）及相关机构事务", "22,395.50"]
    assert rows["2013101"] == ["行政运行", "9,370.12"]
    assert rows["2080505"] == ["机关事业单位基本养老保险缴费支出", "785.06"]

    def amount(code: str) -> float:
        return float(rows[code][-1].replace(",", ""))

    classes = [k for k in rows if len(k) == 3]
    assert classes == ["201", "208", "221"]
    assert round(sum(amount(k) for k in classes), 2) == 27664.22
    for k in classes:
        items = [x for x in rows if len(x) == 7 and x.startswith(k)]
        assert round(sum(amount(x) for x in items), 2) == amount(k)


def test_three_public_expenses_header_spans():
    t = find_table(load(TABLES), "“三公”经费、会议费、培训费支出预算表")
    san = next(c for r in t.rows for c in r if c.text == "“三公”经费")
    assert san.colspan == 6
    assert row_with(t, "1,471.70")[:3] == ["1,471.70", "508.20", "70.00"]


def test_no_spurious_spaces_in_tables():
    """Chinese words in cells come out whole; the only gaps are the letter-spaced '合 计' and
    the line with both the department and the unit."""
    for t in load(TABLES).tables:
        for r in t.rows:
            for c in r:
                for line in c.text.split("\n"):
                    if _CJK_GAP.search(line):
                        assert line in ("合 计",) or "单位：" in line, line


def test_explanation_paragraphs():
    doc = load(EXPLANATION)
    paras = [p.text for p in doc.paragraphs]
    # Page numbers ("— 3 —") are gone.
    assert not [p for p in paras if re.fullmatch(r"[—\-–\s]*\d+[—\-–\s]*", p)]
    assert "一、主要职能" in paras
    assert "（一）收入预算总计27664.22万元。包括：" in paras
    joined = "".join(paras)
    assert "一般公共服务（类）支出22395.50万元" in joined
    # No spurious spaces inside words of running text.
    words = ["省委办公厅", "部门预算", "一般公共预算", "机关运行经费", "政府采购"]
    for p in paras:
        for w in words:
            if w in p.replace(" ", ""):
                assert w in p, p
    # A paragraph running over a page break stays whole.
    first = next(p for p in doc.paragraphs if p.text.startswith("2019年是新中国成立70周年"))
    assert first.text.endswith("。")


def test_encrypted_pdf_raises():
    with pytest.raises(EncryptedPdf):
        read_pdf((FIX / "special" / "encrypted.pdf").read_bytes())


def test_max_pages():
    doc = read_pdf(TABLES.read_bytes(), max_pages=2)
    assert doc.page_count == 12
    assert {t.page for t in doc.tables} == {1, 2}
    assert doc.warnings
