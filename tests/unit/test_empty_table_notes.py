"""An empty table's required statement (issue 13: 本表无数据 / 无… recorded as such): the note printed
right under a disclosure table (注：本表本年无发生额; …故本表无数据) is recorded with that table in
`unrecognised` (what = 'table'), whether its cells are blank or zeros; a table printing a figure under
such a note is recorded as contradicting it. Pages read by hand: ../shared/real-pdfs (苏州, 深圳) and,
when present, /tmp/audit-docs/renwu (湖州)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract import extract
from pipeline.extract.set_aside import EMPTY_STATED, STATED_NOT_EMPTY
from pipeline.ingest.read import read_document
from pipeline.settings import Settings

SHARED = Path(__file__).resolve().parents[3] / "shared" / "real-pdfs" / "budgets-2026"
RENWU = Path("/tmp/audit-docs/renwu")


def _extract(data: bytes):
    return extract(read_document(data, Settings()), "d")


def _notes(ex) -> list[tuple[str, str, str]]:
    return [(u["source_ref"], u["reason"], u["text"]) for u in ex.unrecognised if u["what"] == "table"
            and (u["reason"] in (EMPTY_STATED, STATED_NOT_EMPTY) or u["reason"].startswith("empty table"))]


def _pdf(path: Path) -> bytes:
    if not path.exists():
        pytest.skip(f"{path} not present")
    return path.read_bytes()


def test_blank_tables_under_their_note_are_recorded_empty():
    # 苏州市交通运输局 2026 部门预算 p.23 公开10表 政府性基金预算支出表: header, a 合计 row and two rows,
    # all blank, then 注：本部门无政府性基金预算，也没有使用政府性基金安排的支出，故本表无数据。; p.24 公开11表
    # 国有资本经营预算支出预算表 the same with 注：本部门无国有资本经营预算支出，故本表无数据。
    ex = _extract(_pdf(SHARED / "苏州_2026年苏州市交通运输局部门预算.pdf"))
    notes = _notes(ex)
    assert ("page=23;table=10", EMPTY_STATED,
            "注：本部门无政府性基金预算，也没有使用政府性基金安排的支出，故本表无数据。") in notes
    assert ("page=24;table=11", EMPTY_STATED, "注：本部门无国有资本经营预算支出，故本表无数据。") in notes


def test_a_zero_row_table_with_its_note_is_one_note():
    # 深圳市审计局 2026 部门预算 p.35 表10 政府性基金预算支出表: 深圳市审计局 | | | 0.00 | 0.00 | 0.00, then
    # 注：本表本年无发生额。 (p.36 表11 国有资本经营预算支出表 the same): one note per table, the zeros set aside
    ex = _extract(_pdf(SHARED / "深圳_2026年深圳市审计局部门预算.pdf"))
    notes = [n for n in _notes(ex) if n[0] in ("page=35;table=12", "page=36;table=13")]
    assert notes == [("page=35;table=12", EMPTY_STATED, "注：本表本年无发生额。"),
                     ("page=36;table=13", EMPTY_STATED, "注：本表本年无发生额。")]
    assert not [f for f in ex.fact_budgets if "table=12;" in f["source_ref"] or "table=13;" in f["source_ref"]]


# 湖州市财政局 2026 部门预算 p.30 表09, as printed: one amount column numbered 1 beside the ** of the
# code and name columns, a blank 合计 row, and its note.
HUZHOU_EMPTY = """湖州市财政局2026年部门预算
表09
2026年市级部门国有资本经营预算支出表
341-湖州市财政局 单位：万元
| 科目编码 | 科目名称 | 项目支出 |
| ** | ** | 1 |
|  | 合计 |  |
注：湖州市财政局2026年没有使用国有资本经营预算拨款安排的支出，故本表无数据
注：本套报表金额单位转换时存在尾数误差
"""


def test_a_single_column_number_beside_marks_is_no_figure():
    ex = _extract(HUZHOU_EMPTY.encode("utf-8"))
    assert ex.numeric_cells == 1 and ex.numeric_cells_ignored == 1  # the column's number, 1
    assert [(r, t) for _s, r, t in _notes(ex)] == [
        (EMPTY_STATED, "注：湖州市财政局2026年没有使用国有资本经营预算拨款安排的支出，故本表无数据")]
    # a 1 in a row with a label is a figure, and the note then contradicts the table
    ex = _extract(HUZHOU_EMPTY.replace("| ** | ** | 1 |", "| 2080101 | 行政运行 | 1 |").encode("utf-8"))
    assert ex.numeric_cells_ignored == 0
    assert [r for _s, r, _t in _notes(ex)] == [STATED_NOT_EMPTY]


def test_the_note_must_be_right_under_the_table():
    # a statement two paragraphs below, or in the running text, belongs to no table
    far = HUZHOU_EMPTY.replace("注：湖州市财政局", "（单位：万元）\n说明如下。\n注：湖州市财政局")
    assert not _notes(_extract(far.encode("utf-8")))


def test_huzhou_pdf_empty_tables():
    # 湖州市财政局 2026 部门预算 p.29 表08 政府性基金预算支出表 and p.30 表09, each with its ** | ** | 1 row
    ex = _extract(_pdf(RENWU / "湖州市财政局2026年部门预算.pdf"))
    notes = _notes(ex)
    assert [(s, r) for s, r, _t in notes if s in ("page=29;table=8", "page=30;table=9")] == [
        ("page=29;table=8", EMPTY_STATED), ("page=30;table=9", EMPTY_STATED)]
