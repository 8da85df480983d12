"""Findings name figures as the document prints them (issue 16): the details of line_item_sum and
change_parts_sum, read by auditors, carry the printed label (一般公共预算拨款收入) and the stage in
words (年初预算数), never an internal line-item or stage code; the code is kept apart, as a
machine key, in `subject_key`, which tests and queries select findings by."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

import pandas as pd
import pytest

from pipeline.ingest.read import read_document
from pipeline.settings import VOCAB_DIR, Settings
from tests.checks_harness import check_document, check_text
from tests.synth import Spec, default_projects, report_text
from tests.unit.test_column_items import FIGURES, page
from tests.unit.test_precision_disclosure import WUXI_INCOME, _two_sided
from tests.unit.test_statement_changes_real import AGAINST_BUDGET

CHECKS = ("line_item_sum", "change_parts_sum")
STAGE_CODES = ("initial", "adjustment", "adjusted", "executed", "allocated")


def _codes(con) -> list[str]:
    """Every line-item code of the warehouse (the vocabulary's and those learnt from documents)."""
    return [r[0] for r in con.execute("SELECT code FROM line_items").fetchall()]


def _ascii_codes(detail: str, codes: list[str]) -> list[str]:
    return [c for c in [*codes, *STAGE_CODES]
            if re.search(rf"(?<![A-Za-z0-9_:]){re.escape(c)}(?![A-Za-z0-9_])", detail)]


def _wuxi():
    doc = _two_sided([*WUXI_INCOME, ("十、试点收入", "100.00")], total="984,860.87")
    return check_document(doc, hashlib.sha256(repr(doc).encode()).hexdigest())


def _putuo():
    return check_document(read_document(page(FIGURES).encode("utf-8"), Settings()), "putuo")


DOCUMENTS = {
    "budget table (无锡 收支预算总表, with an unread row)": _wuxi,
    "三公 changes against the budget (宜宾)": lambda: check_text("2017年“三公”经费决算说明\n" + AGAINST_BUDGET),
    "self-evaluation form (synthetic)": lambda: check_text(report_text(replace(Spec(projects=default_projects())))),
    "三公 items as columns (普陀)": _putuo,
}


@pytest.mark.parametrize("make", DOCUMENTS.values(), ids=list(DOCUMENTS))
def test_no_detail_of_the_sum_checks_names_an_internal_code(make):
    df, con = make()
    rows = df[df["check_name"].isin(CHECKS)]
    assert not rows.empty
    codes = _codes(con)
    bad = {d: _ascii_codes(d, codes) for d in rows["detail"] if _ascii_codes(d, codes)}
    assert not bad, bad
    refs = {r: _ascii_codes(r, codes) for r in rows["source_refs"] if _ascii_codes(r, codes)}
    assert not refs, refs
    # the machine key is where the codes went
    assert rows["subject_key"].notna().all(), rows[["check_name", "subject_key"]]


def test_the_subject_key_carries_the_codes_and_the_detail_the_printed_words():
    df, _ = check_text("2017年“三公”经费决算说明\n" + AGAINST_BUDGET)
    row = df[df["check_name"] == "change_parts_sum"].iloc[0]
    assert row["subject_key"] == "sangong:budget"
    assert row["detail"].startswith("正文写“三公”经费减少1188万元")
    assert "公务接待费 减少850万元" in row["detail"]
    df, _ = check_text(report_text(replace(Spec(projects=default_projects()))))
    sums = df[df["check_name"] == "line_item_sum"].set_index("subject_key")["detail"]
    assert sums["total:adjusted"].startswith("年度资金总额（调整后预算数）印 620.50万元")
    assert "其中：当年财政拨款 600.50" in sums["total:adjusted"]
    assert sums["total:executed"].startswith("年度资金总额（执行数）")


def test_every_stage_of_the_stage_vocabulary_has_a_name():
    names = pd.read_csv(VOCAB_DIR / "stage_labels.csv")
    assert set(STAGE_CODES) <= set(names["stage"]) and names["label_zh"].str.len().gt(0).all()
