"""A balance table printed one cell per line with blank lines between cells, its two sides side
by side (收入 | 预算数 | 调整预算数 | 执行数 | 决算数 | 支出 | 预算 | 调整预算数 | 执行数 | 决算数): rows
alternate sides, each a label and one value per column; a row is named with its side (总计
under 收入: 收入总计); 预算数 beside 调整预算数 is the initial budget; 执行数 and 决算数 (both
executed) cannot be told apart, so neither is read; a row cut by the end of the text is not
read when no template names it (no total can be checked against a list cut short).
Real snippet: 丰都县 2021 一般公共预算收支决算平衡表 (held-out E 612, figures read by hand)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.extract.recognisers.context import Ctx
from pipeline.extract.result import Extraction
from pipeline.extract.templates import read_templates
from pipeline.readers.text import read_text

HEADER = ["收入", "预算数", "调整预算数", "执行数", "决算数", "支出", "预算", "调整预算数", "执行数", "决算数"]
REAL = ["表1:2021年全县一般公共预算收支决算平衡表", "单位:万元", *HEADER,
        "总计", "610709", "925766", "925766", "929393", "总计", "610709", "925766", "925766", "929393",
        "一、本级收入", "230000", "238600", "23"]


def _read(cells: list[str]) -> tuple[set[tuple], Extraction]:
    blocks = read_text("\n\n".join(cells).encode("utf-8")).blocks
    ex = Extraction()
    ex.reports.append({"report_id": "r", "fiscal_year": 2021, "report_kind": "final_accounts", "title": "决算"})
    read_templates(blocks, Ctx(document_id="d", report_id="r", ex=ex, report_kind="final_accounts"), set())
    got = ({("b", f["line_item"], f["stage"], f["amount_yuan"]) for f in ex.fact_budgets}
           | {("e", f["line_item"], f["executed_yuan"]) for f in ex.fact_executions})
    return got, ex


def test_the_real_table() -> None:
    got, ex = _read(REAL)
    assert got == {
        ("b", "grand_total_income", "initial", Decimal("6107090000.00")),
        ("b", "grand_total_income", "adjusted", Decimal("9257660000.00")),
        ("b", "grand_total_spending", "initial", Decimal("6107090000.00")),
        ("b", "grand_total_spending", "adjusted", Decimal("9257660000.00")),
    }
    reasons = {(u["text"], u["reason"].split(": ", 1)[1]) for u in ex.unrecognised}
    assert ("929393", "column 决算数 names a year or stage this report does not place") in reasons
    assert ("23", "the text ends inside this row") in reasons
    assert not ex.table_sums  # the cut row is no part of 总计


def test_rows_that_break_the_pattern_stop_the_reading() -> None:
    # a spending-side row with three figures: it and what follows are not read, and the rows
    # before it that no template names are no parts of a total (the table was not read whole)
    cells = [*REAL[:-4], "一、本级收入", "230000", "238600", "238965", "238965", "一、本级支出", "500000", "600000",
             "623396", "二、其他情况说明", "上解支出", "33067"]
    got, ex = _read(cells)
    assert {x[1] for x in got} == {"grand_total_income", "grand_total_spending"} and not ex.table_sums
    assert any(u["text"] == "230000" for u in ex.unrecognised) and any(u["text"] == "500000" for u in ex.unrecognised)


amount = st.integers(min_value=1, max_value=9_999_999)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.tuples(amount, amount, amount), st.tuples(amount, amount, amount))
def test_generated_tables(income: tuple[int, int, int], spending: tuple[int, int, int]) -> None:
    cells = ["单位:万元", *HEADER, "总计", *map(str, income), str(income[2] + 1), "总计", *map(str, spending),
             str(spending[2] + 1), "二、其他情况说明"]
    got, _ = _read(cells)
    assert got == {
        ("b", "grand_total_income", "initial", Decimal(income[0]) * 10000),
        ("b", "grand_total_income", "adjusted", Decimal(income[1]) * 10000),
        ("b", "grand_total_spending", "initial", Decimal(spending[0]) * 10000),
        ("b", "grand_total_spending", "adjusted", Decimal(spending[1]) * 10000),
    }


def test_a_whole_table_sums_each_side_on_its_own() -> None:
    cells = ["单位:万元", *HEADER,
             "总计", "300", "350", "350", "360", "总计", "300", "350", "350", "360",
             "一、本级收入", "100", "120", "120", "125", "一、本级支出", "250", "300", "300", "310",
             "二、上级补助收入", "200", "230", "230", "235", "二、上解支出", "50", "50", "50", "50",
             "三、其他情况说明"]
    got, ex = _read(cells)
    assert ("b", "listed", "initial", Decimal("1000000")) in got and ("b", "listed", "adjusted", Decimal("3000000")) in got
    sums = {(s["total_text"], s["parts_sum"], s["parts_count"]) for s in ex.table_sums}
    assert sums == {("300", 300.0, 2), ("350", 350.0, 2)}


def _facts_of(text: str) -> set[tuple]:
    from pipeline.extract import extract

    ex = extract(read_text(text.encode("utf-8")), "t")
    return ({("b", f["line_item"], f["stage"], f["label_text"], f["amount_yuan"]) for f in ex.fact_budgets
             if f["origin"] == "table"}
            | {("e", f["line_item"], f["label_text"], f["executed_yuan"]) for f in ex.fact_executions
               if f["origin"] == "table"})


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(amount, amount, amount), min_size=4, max_size=4), st.booleans())
def test_grid_and_cell_per_line_renderings_agree(parts: list[tuple[int, int, int]], same_totals: bool) -> None:
    def total(a: list[tuple[int, int, int]]) -> list[str]:
        return [str(sum(x[k] for x in a)) for k in range(3)] + [str(sum(x[2] for x in a) + 7)]

    inc, spe = parts[:2], parts[2:]
    if same_totals:
        spe = inc
    rows = [["总计", *total(inc), "总计", *total(spe)],
            ["一、本级收入", *map(str, inc[0]), str(inc[0][2]), "一、本级支出", *map(str, spe[0]), str(spe[0][2])],
            ["二、上级补助收入", *map(str, inc[1]), str(inc[1][2]), "二、上解支出", *map(str, spe[1]), str(spe[1][2])]]
    title = ("丰都县人民政府关于2021年决算情况的报告\n2021年全县一般公共预算本级收入238965万元,增长3.98%。\n"
             "表1:2021年全县一般公共预算收支决算平衡表\n单位:万元\n")
    grid = title + "\n".join("| " + " | ".join(r) + " |" for r in [HEADER, *rows]) + "\n二、其他情况说明"
    lines = title + "\n\n".join(c for r in [HEADER, *rows] for c in r) + "\n\n二、其他情况说明"
    expected = _facts_of(grid)
    assert ("b", "grand_total_income", "initial", "总计", Decimal(total(inc)[0]) * 10000) in expected
    assert ("b", "higher_grants", "adjusted", "上级补助收入", Decimal(inc[1][1]) * 10000) in expected
    assert not any(x[0] == "e" for x in expected)  # 执行数 and 决算数: which is which is not known
    assert _facts_of(lines) == expected
