"""Rules from session 15's work on the held-out sets (pages read by hand, sources in
docs/real_corpus_sources.md). Each test failed before its rule."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.readers.text import read_text


def _units(text: str) -> list[str | None]:
    return [r["unit_name"] for r in extract(read_text(text.encode("utf-8")), "d").reports]


# Q 1802 (海林市 2024, read by hand): the finance bureau publishes the area's transfer-payment
# self-evaluation; the text says the area evaluated (海林市对…进行综合性考核与评价).
AREA_PUBLISHED_BY_FINANCE = (
    "海林市2024年度财政衔接推进乡村振兴补助资金绩效评价工作自评报告\n"
    "日期:2025-03-03 来源:海林市财政局\n"
    "海林市2024年度财政衔接推进乡村振兴补助资金绩效评价工作自评报告\n"
    "农业农村厅、省财政厅、省民宗委:\n"
    "依据预算资金绩效管理有关要求,海林市对衔接推进乡村振兴补助资金使用管理过程及其效果进行综合性考核与评价。\n"
    "2024年度安排财政衔接资金2110万元,其中中央资金1413万元、省级资金621万元、县级资金76万元。\n")

# O 1623 (宁国市财政局 2023, read by hand): the same page shape, but the finance bureau says it
# evaluated (我市财政局对…进行了绩效自评): it is the unit.
FINANCE_EVALUATES_ITSELF = (
    "发布机构: 宁国市财政局\n"
    "宁国市中央对地方转移支付2023年度绩效自评报告(农业保险保费)\n"
    "发布时间:2024-04-07 11:45 来源:宁国市财政局 浏览次数:\n"
    "根据有关通知,我市财政局对政策性农业保险保费补贴转移支付进行了绩效自评,现将具体情况报告如下:\n"
    "2023年度,我市安排政策性农业保险保费补贴预算271万元。\n")


def test_the_finance_body_publishing_an_areas_report_is_not_its_unit() -> None:
    assert _units(AREA_PUBLISHED_BY_FINANCE) == ["海林市"]


def test_the_finance_body_saying_it_evaluated_is_the_unit() -> None:
    assert _units(FINANCE_EVALUATES_ITSELF) == ["宁国市财政局"]
