"""Rules from session 17's work on the held-out sets (pages read by hand, sources in
docs/real_corpus_sources.md). Each test failed before its rule."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.readers.text import read_text


def _ex(text: str):
    return extract(read_text(text.encode("utf-8")), "d")


# T 2124 (a city finance bureau's work news, read by hand): no title, one paragraph; the city's
# and the city level's 三公 spending of January–June. One figure says its stage (累计支出), the
# other only 支出: both are spent, not budgeted, though the text speaks of 预算刚性约束.
def test_an_untitled_news_item_stating_one_line_items_spending_is_a_report() -> None:
    page = ("2025年以来,我市深入贯彻中央八项规定精神及省委有关要求,严格执行“三公”经费管理制度,硬化预算刚性约束,"
            "规范经费使用流程,强化经费分项管理,“三公”经费支出总量保持“只减不增”。1-6月,全市“三公”经费累计支出"
            "2780.7万元,同比下降6.4%;市本级支出879.1万元,同比下降3.2%,全市及市本级“三公”经费支出继续保持“双降”。\n")
    ex = _ex(page)
    assert [(r["report_kind"], r["fiscal_year"]) for r in ex.reports] == [("final_accounts", 2025)]
    assert sorted(f["executed_yuan"] for f in ex.fact_executions) == [8791000, 27807000]
    assert not ex.fact_budgets  # 879.1 is no budget


# A sum named only by a generic word is no account of a budget line: a notice of one transfer
# stays no report.
def test_one_generic_sum_does_not_make_a_report() -> None:
    page = "为做好春耕生产工作,近日省里下达我县补助资金100万元,用于种子采购。\n"
    assert _ex(page).reports == []


# R 1929 (昆明 2023 fiscal news, read by hand): the reporter heard the figures from the finance
# bureau; the clause after names the year on its own, then the city and its own revenue.
def test_news_item_area_after_a_year_clause() -> None:
    page = ("2023年昆明财政收入质量保持全省前列\n时间:2024-01-24\n"
            "昆明信息港讯(昆明日报记者吴洁)记者1月23日从昆明市财政局了解到,2023年,昆明市一般公共预算收入完成"
            "558亿元、占全省1/4以上。\n过去一年,昆明市财政局扎实落实积极财政政策。\n")
    ex = _ex(page)
    assert [(r["unit_name"], r["fiscal_year"]) for r in ex.reports] == [("昆明市", 2023)]
    assert [f["executed_yuan"] for f in ex.fact_executions] == [55800000000]
