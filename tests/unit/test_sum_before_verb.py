"""A sum word before the verb that hands the sum out (共计下达) still sums: the figure is the
total of the levels before it, never the last level's. After held-out H 915 (text not
committed), where 61.8万元 was stored as a county-level allocation."""

from __future__ import annotations

from pipeline.extract.statements import read_statements

TEXT = "根据有关文件下达中央财政资金30.9万元,县财政资金30.9万元,{sum}61.8万元。"


def _items(text: str) -> list[tuple[str, str]]:
    out, _, _ = read_statements(text, "initial")
    return [(s.printed, s.line_item) for s in out]


def test_a_sum_word_before_its_verb_makes_a_total() -> None:
    assert _items(TEXT.format(sum="共计下达")) == [("30.9", "level_central"), ("30.9", "level_county"), ("61.8", "total")]


def test_a_verb_without_a_sum_word_is_not_a_total() -> None:
    assert _items(TEXT.format(sum="另下达"))[-1][1] != "total"
