"""Amounts rules from session 17's work on the held-out sets (pages read by hand, sources in
docs/real_corpus_sources.md). Each test failed before its rule."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.extract.statement_facts import Flow
from pipeline.extract.statements import read_statements
from pipeline.readers.text import read_text


def _money(text: str) -> tuple[set[tuple[str, str, float]], set[tuple[str, float]], list[dict]]:
    ex = extract(read_text(text.encode("utf-8")), "d")
    budgets = {(f["line_item"], f["stage"], float(f["amount_yuan"])) for f in ex.fact_budgets}
    spent = {(f["line_item"], float(f["executed_yuan"])) for f in ex.fact_executions}
    return budgets, spent, ex.reports


# R 1918 / R 1921 (news stories on a city's or a province's year, read by hand): GDP, value added,
# retail sales and investment are the economy's statistics, never a budget level; nor is a figure
# naming nothing after one in its sentence (广东省(124369.67亿元) after …GDP位居全国第28位).
def test_an_economys_statistics_are_no_budget_figures() -> None:
    text = ("在经济下行压力持续加大的宏观环境下,全年地区生产总值达1248.2亿元,增长9.8%;地方一般公共预算收入达"
            "75.2亿元,增长9.7%。全社会固定资产投资1399.3亿元,增长10%,社会消费品零售总额513.1亿元,增长11.1%。"
            "2021年吉林省GDP位居全国第28位,与排名第1位的广东省(124369.67亿元)差距悬殊。")
    sts, _rates, _changes = read_statements(text, "initial", Flow())
    assert [(s.printed, s.line_item) for s in sts] == [("75.2", "general_public_budget")]
    # a project's investment is its money
    sts, _r, _c = read_statements("该项目完成固定资产投资500万元。", "initial", Flow())
    assert [(s.printed, s.measure) for s in sts] == [("500", "executed")]


# R 1929 (昆明 2023, a news story), T 2124 (a city's 三公 news item), R 1921 (吉林 2021): no title, one
# or two figures of a line only public finance has — still a report, its stage said or not; 1-6月 is
# a part of the year gone by, so spending named without a stage is what was spent so far.
def test_a_news_story_stating_one_public_finance_figure_is_a_report() -> None:
    _b, spent, reps = _money("记者1月23日从市财政局了解到,2023年,昆明市一般公共预算收入完成558亿元、占全省1/4以上。\n")
    assert len(reps) == 1 and ("general_public_budget", 55800000000.0) in spent
    budgets, spent, reps = _money(
        "2025年以来,我市严格执行“三公”经费管理制度,硬化预算刚性约束。1-6月,全市“三公”经费累计支出2780.7万元,"
        "同比下降6.4%;市本级支出879.1万元,同比下降3.2%。\n")
    assert len(reps) == 1
    assert spent == {("sangong", 27807000.0), ("sangong", 8791000.0)} and not budgets
    # R 1921: the province's revenue of the year, its stage not said — a line only public finance has
    budgets, _s, reps = _money("2021年,吉林地区生产总值13235.5亿元,比上年增长6.6%。其中,第一产业增加值1553.8亿元,"
                               "增长6.4%;第二产业增加值4768.3亿元,增长5.0%。2021年吉林省地方一般公共预算"
                               "收入1144.0亿元,比上年增长5.4%。\n")
    assert len(reps) == 1 and {v for _c, _st, v in budgets} == {114400000000.0}
    # …on a page printing several amounts: one alone is no account
    assert _money("2021年吉林省地方一般公共预算收入1144.0亿元,比上年增长5.4%。\n")[2] == []
    # months counted from January are the year so far: spending named without a stage is spent,
    # even where the report's default stage is the budget
    sts, _r, _c = read_statements("1-6月,全市一般公共预算支出100亿元。", "initial", Flow())
    assert [s.measure for s in sts] == ["executed"]
    # a story on the economy alone is no report
    _b, _s, reps = _money("全年地区生产总值达1248.2亿元,增长9.8%。社会消费品零售总额513.1亿元,增长11.1%。\n")
    assert reps == []


# T 2103 (红河县 2018 三公 决算, read by hand): the 决算 table's reception rows — (1)国内接待费, its
# 其中:外事接待费 and (2)国(境)外接待费 — are lines of their own under 公务接待费.
def test_the_reception_rows_of_a_sangong_accounts_table() -> None:
    text = ("红河县2018年“三公”经费决算情况说明\n单位:万元\n"
            "项目 | 2017年决算数 | 2018年决算数 |\n"
            "(一)支出合计 | 1131.15 | 1224.42 |\n"
            "1.因公出国(境)费 | | 4.20 |\n"
            "2.公务用车购置及运行维护费 | 806.15 | 872.60 |\n"
            "3.公务接待费 | 325.01 | 347.62 |\n"
            "(1)国内接待费 | 325.01 | 347.62 |\n"
            "其中:外事接待费 | 3.17 | 0.90 |\n"
            "(2)国(境)外接待费 | | |\n")
    _budgets, spent, _reps = _money(text)
    assert {("sangong_reception_foreign_affairs", 31700.0), ("sangong_reception_foreign_affairs", 9000.0),
            ("sangong_reception_domestic", 3476200.0)} <= spent


# S 2007 (平凉市 2023 专项资金自评, read by hand): parts listed after 其中 under an allocation, named
# 资金 without a stage, are allocated money too — never the report's default stage (spent).
def test_listed_parts_take_their_wholes_stage() -> None:
    text = ("省级下达我市公共文化服务体系建设专项资金3020万元,其中:一般项目资金1520万元,专项资金360万元,"
            "绩效奖励资金1140万元,具体情况如下:")
    sts, _r, _c = read_statements(text, "executed", Flow())
    got = {s.printed: s.measure for s in sts}
    assert got["360"] == "allocated" and got["1140"] == "allocated" and got["3020"] == "allocated"
    # a part saying its own stage keeps it
    sts, _r, _c = read_statements("下达项目资金100万元,其中:已支出资金80万元。", "executed", Flow())
    assert {s.printed: s.measure for s in sts}["80"] == "executed"


# P 1708 (平山县下口镇财政所 2025 收支总表, read by hand): one cell per line, a bar after every cell and
# a lone bar for an empty one, the first column numbering the rows (序号 … 栏次 | 1 | 2 | 3 | 4): each
# row is its number and four cells, so the numbers are told from the amounts.
def test_a_barred_cell_per_line_table_numbering_its_rows() -> None:
    head = ["序号 |", "收入 |", "支出 | ||", "项 目 |", "预算数 |", "项 目 |", "预算数 | |",
            "栏次 |", "1 |", "2 |", "3 |", "4 |"]
    rows = [["1", "一、一般公共预算拨款收入", "675.82", "一、一般公共服务支出", "516.39"],
            ["2", "二、政府性基金预算拨款收入", "", "二、外交支出", ""],
            ["3", "", "", "八、社会保障和就业支出", "98.25"],
            ["4", "", "", "十、卫生健康支出", "21.53"],
            ["5", "", "", "十三、农林水支出", "14.54"],
            ["6", "", "", "二十、住房保障支出", "39.65"],
            ["7", "本年收入合计", "675.82", "本年支出合计", "690.36"],
            ["8", "上年结转结余", "14.54", "年终结转结余", ""],
            ["9", "收入总计", "690.36", "支出总计", "690.36"]]
    lines = [f"{c} |" if c else "|" for r in rows for c in r]
    lines[-1] = "690.36 "  # the page ends on the last cell, without its bar
    text = "\n".join(["2025年部门预算信息公开目录", "单位:万元 | ||", *head, *lines]) + "\n"
    budgets, _spent, _reps = _money(text)
    got = {v for _c, _s, v in budgets}
    assert {6758200.0, 5163900.0, 982500.0, 215300.0, 145400.0, 396500.0, 6903600.0} <= got
    assert not got & {v * 10000.0 for v in range(1, 10)}  # no row number read as an amount



# 无锡商务局 2026 部门预算 p.29 (audited): after a part named as income (包括本年收入…), the next part takes
# that part's measure, not the whole's stage: the 一般公共预算 income listed below stays income, never the
# same line's spending budget of equal size on p.34.
def test_a_part_after_an_income_part_stays_income() -> None:
    flow = Flow()
    sts, _r, _c = read_statements("2026年收入预算合计17,466.65万元,包括本年收入17,466.65万元,上年结转结余0万元。",
                                  "initial", flow)
    assert [s.measure for s in sts] == ["initial", "income", "income"]
    read_statements("其中:", "initial", flow)
    sts, _r, _c = read_statements("本年一般公共预算收入17,466.65万元,占100%;", "initial", flow)
    assert [s.measure for s in sts] == ["income"]
