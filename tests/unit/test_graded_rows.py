"""A results table printed as '|' rows that lost their label and header cells (held-out set 15, 1606:
儋州市人民法院 2018年度部门整体支出绩效评价报告's cover, read by hand: 15 / 15, 55 / 49.04, 产出 20 / 20,
10 / 10, total 100 / 94.04, each 优). A row that kept one figure of two ('15.00 | 优') is read only
where the identities say it is both its mark and its score; anything else stores nothing."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text

HEAD = "儋州市人民法院\n2018年度部门整体支出绩效评价报告\n评价单位:儋州市人民法院\n绩效评价结果\n"
ROWS = ("绩效等级 | |||\n15.00 | 优 | ||\n55.00 | 49.04 | 优 | |\n产出 | 20.00 | 20.00 | 优 |\n"
        "10.00 | 10.00 | 优 | |\n100.00 | 94.04 | 优 |\n注:优(≥90)\n良(≥80,<90)\n")


def _read(text: str):
    ex = extract(read_text(text.encode("utf-8")), "t")
    return ex, {(f["component"], f["weight"], f["score"], f["grade_text"]) for f in ex.fact_scores}


def test_rows_that_lost_their_labels() -> None:
    ex, got = _read(HEAD + ROWS)
    d = Decimal
    assert got == {("row1", d("15.00"), d("15.00"), "优"), ("row2", d("55.00"), d("49.04"), "优"),
                   ("产出", d("20.00"), d("20.00"), "优"), ("row4", d("10.00"), d("10.00"), "优"),
                   ("total", d("100.00"), d("94.04"), "优")}
    assert [r["score_total"] for r in ex.reports] == [d("94.04")]


def test_a_lone_figure_the_identities_do_not_fix_stores_nothing() -> None:
    # the lone 15.00 would have to be a mark of 15 and a score of 14: it cannot be both
    _, got = _read(HEAD + ROWS.replace("100.00 | 94.04", "100.00 | 93.04"))
    assert got == set()
    # two lone figures: neither identity says which is which
    _, got = _read(HEAD + ROWS.replace("10.00 | 10.00 | 优", "10.00 | 优"))
    assert got == set()


def test_sums_that_do_not_close_store_nothing() -> None:
    _, got = _read(HEAD + ROWS.replace("55.00 | 49.04", "50.00 | 49.04"))
    assert got == set()
    _, got = _read(HEAD + ROWS.replace("产出 | 20.00 | 20.00", "产出 | 20.00 | 21.00"))
    assert got == set()


def test_no_grade_header_no_table() -> None:
    _, got = _read(HEAD + ROWS.replace("绩效等级 | |||\n", "说明 | |||\n"))
    assert got == set()
