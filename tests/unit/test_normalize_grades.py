"""Grades, stated bands and the default 90/80/60 rule."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.normalize.grades import Band, default_bands, grade_for, grade_rank, parse_bands

SICHUAN = "90—100分为一等等级；80—90分（不含90分）为二等等级；60—80分（不含80分）为三等等级；60分以下（不含60分）为四等等级"
HUNAN = "90分（含）以上为优、80-90分为良、60-80分为中、60分以下为差"


@pytest.mark.parametrize("text,rank", [
    ("优", 1), ("优秀", 1), ("一等", 1), ("A", 1), ("“优秀”", 1), ("一等等级", 1), ("一等级", 1), ("优等", 1), ("A级", 1),
    ("良", 2), ("良好", 2), ("二等", 2), ("B", 2), ("二等等级", 2), ("良级", 2),
    ("中", 3), ("合格", 3), ("及格", 3), ("三等", 3), ("一般", 3), ("C", 3), ("中等", 3),
    ("差", 4), ("不合格", 4), ("四等", 4), ("D", 4), ("较差", 4), ("不及格", 4),
    ("", None), (None, None), ("中共资源县委", None), ("Apple", None), ("满意", None),
])
def test_grade_rank(text, rank):
    assert grade_rank(text) == rank


@given(st.sampled_from(["优秀", "良好", "合格", "不合格", "一等", "二等", "三等", "四等"]),
       st.sampled_from(["", "等级", "级"]), st.sampled_from([("", ""), ("“", "”"), ('"', '"'), (" ", " ")]))
def test_grade_rank_decorations(word, suffix, quotes):
    assert grade_rank(f"{quotes[0]}{word}{suffix}{quotes[1]}") == grade_rank(word) is not None


@pytest.mark.parametrize("text", [SICHUAN, HUNAN])
def test_document_bands(text):
    bands = parse_bands(text)
    assert [b.rank for b in bands] == [1, 2, 3, 4]
    got = [grade_for(s, bands)[1] for s in (100, 95, 90, 89.99, 80, 79.99, 60, 59.99, 0)]
    assert got == [1, 1, 1, 2, 2, 3, 3, 4, 4]


def test_band_texts_as_printed():
    assert [b.grade_text for b in parse_bands(SICHUAN)] == ["一等", "二等", "三等", "四等"]
    assert [b.grade_text for b in parse_bands(HUNAN)] == ["优", "良", "中", "差"]


def test_one_grade_is_not_a_rule():
    assert parse_bands("自评得分95分，评价等级为优") == []
    assert parse_bands("") == [] and parse_bands(None) == []


def test_stated_bands_other_than_default():
    bands = parse_bands("85分以上为优秀，70-85分为良好，60-70分为合格，60分以下为不合格")
    assert grade_for(86, bands) == ("优秀", 1)
    assert grade_for(85, bands)[1] == 1
    assert grade_for(84.9, bands) == ("良好", 2)
    assert grade_for(65, bands) == ("合格", 3)
    assert grade_for(59, bands) == ("不合格", 4)


scores = st.floats(0, 130, allow_nan=False)


@given(scores, scores)
def test_default_bands_monotone(a, b):
    lo, hi = sorted((a, b))
    assert grade_for(hi)[1] <= grade_for(lo)[1]  # a higher score never gets a worse grade


@given(scores, scores, st.sampled_from([SICHUAN, HUNAN]))
def test_document_bands_monotone_and_total(a, b, text):
    bands = parse_bands(text)
    lo, hi = sorted((min(a, 100), min(b, 100)))
    r_lo, r_hi = grade_for(lo, bands)[1], grade_for(hi, bands)[1]
    assert r_lo is not None and r_hi is not None and r_hi <= r_lo


@given(st.floats(0, 100, allow_nan=False))
def test_default_edges(score):
    rank = grade_for(score, default_bands())[1]
    assert rank == (1 if score >= 90 else 2 if score >= 80 else 3 if score >= 60 else 4)


def test_band_round_trips_through_json_fields():
    b = default_bands()[1]
    assert Band(**vars(b)) == b
