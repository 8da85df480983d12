"""Tables whose rows are units or areas (单位名称: 濮阳市, 市本级, 华龙区 …) under a header printed
over two lines (groups 一般公共预算收入 / 一般公共预算支出 over 当月 / 累计 / 为预算的% / 增幅%), and
rows split over printed lines ('濮阳市 | 73795 | 234267 |' then '| -10.9 | 70.9 | …'): each
figure under a level column is a `listed` line named by its row, group and column; growth, share
and percent-of-budget columns are never amounts; a row whose count does not fit stays unread.
Real snippet: 濮阳市 3月份 revenue/expenditure by level (year not printed; held-out E 611, figures read by hand).
Property: the same generated table gives the same facts from the grid, from `|` rows on one
line each and from rows split over lines at their empty cells."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.extract import extract
from pipeline.extract.recognisers.context import Ctx
from pipeline.extract.result import Extraction
from pipeline.extract.templates import read_templates
from pipeline.model import Block, Cell, Paragraph, Table
from pipeline.readers.text import read_text

PAGE = "\n".join([
    "3月份,全市一般公共预算收入当月完成73795万元,下降12.7%,累计完成234267万元,下降10.9%。市本级及各县区具体情况如下表:",
    "单位:万元",
    "单位名称 | 一般公共预算收入 | 税收比重% | 一般公共预算支出 | ||||||",
    "当月 | 累计 | 为预算的% | 增幅% | 当月 | 累计 | 为预算的% | 增幅% | ||",
    "濮阳市 | 73795 | 234267 |",
    "| -10.9 | 70.9 | 380990 | 744234 |",
    "| -4.1 |",
    "市本级 | 14070 | 54065 |",
    "| -22.8 | 61.4 | 59373 | 129558 |",
    "| -27.6 |",
    "区 级 | 24867 | 70978 |",
    "| 1.0 | 85.9 | 28853 | 100375 |",
    "| -3.9 |",
])


def _listed(ex: Extraction) -> dict[str, Decimal]:
    return {f["label_text"]: f["executed_yuan"] for f in ex.fact_executions if f["line_item"] == "listed"}


def test_rows_split_over_lines_under_a_two_line_header() -> None:
    ex = extract(read_text(PAGE.encode("utf-8")), "t")
    got = _listed(ex)
    assert got == {
        "濮阳市 一般公共预算收入 当月": Decimal("737950000.00"), "濮阳市 一般公共预算收入 累计": Decimal("2342670000.00"),
        "濮阳市 一般公共预算支出 当月": Decimal("3809900000.00"), "濮阳市 一般公共预算支出 累计": Decimal("7442340000.00"),
        "市本级 一般公共预算收入 当月": Decimal("140700000.00"), "市本级 一般公共预算收入 累计": Decimal("540650000.00"),
        "市本级 一般公共预算支出 当月": Decimal("593730000.00"), "市本级 一般公共预算支出 累计": Decimal("1295580000.00"),
        "区级 一般公共预算收入 当月": Decimal("248670000.00"), "区级 一般公共预算收入 累计": Decimal("709780000.00"),
        "区级 一般公共预算支出 当月": Decimal("288530000.00"), "区级 一般公共预算支出 累计": Decimal("1003750000.00"),
    }
    # growth and share figures are never amounts or rates
    printed = {f["reported_text"] for f in ex.fact_executions} | {f["reported_text"] for f in ex.fact_budgets}
    assert not printed & {"-10.9", "70.9", "-4.1", "-22.8", "61.4", "-27.6", "1.0", "85.9", "-3.9"}
    assert not any(f["reported_rate_pct"] is not None for f in ex.fact_executions)


def test_a_row_whose_count_does_not_fit_stays_unread() -> None:
    # the empty 为预算的% cell of 市本级 not marked (no bars meeting): 7 figures for 9 columns
    text = PAGE.replace("市本级 | 14070 | 54065 |\n| -22.8", "市本级 | 14070 | 54065 | -22.8")
    ex = extract(read_text(text.encode("utf-8")), "t")
    got = _listed(ex)
    assert not any(k.startswith("市本级") for k in got) and "濮阳市 一般公共预算收入 累计" in got
    assert any("7 values for 9 columns" in u["reason"] and u["text"] == "14070" for u in ex.unrecognised)


def test_group_headers_whose_runs_differ_are_not_read() -> None:
    # the second group prints other columns: the spans are unknown, nothing is read
    text = PAGE.replace("为预算的% | 增幅% | 当月 | 累计 | 为预算的% | 增幅%", "为预算的% | 增幅% | 累计 | 当月 | 为预算的% | 增幅%")
    ex = extract(read_text(text.encode("utf-8")), "t")
    assert not _listed(ex)


# ---- property: grid, one line per row, rows split at their empty cells -------------------------

UNITS = ("濮阳市", "市本级", "华龙区", "开发区", "清丰县", "南乐县")
HEAD1 = ["单位名称", "一般公共预算收入", "税收比重%", "一般公共预算支出"]
HEAD2 = ["当月", "累计", "为预算的%", "增幅%", "当月", "累计", "为预算的%", "增幅%"]
amount = st.integers(min_value=1, max_value=999999)
pct = st.decimals(min_value=Decimal("-99.9"), max_value=Decimal("99.9"), places=1)


@st.composite
def unit_table(draw) -> tuple[list[list[str]], list[list[int]]]:
    """Rows of 9 value cells (为预算的% left empty, as printed) and, per row, the empty cells
    at which its printed line breaks."""
    n = draw(st.integers(min_value=1, max_value=len(UNITS)))
    rows, breaks = [], []
    for u in UNITS[:n]:
        a, b, c, d = (str(draw(amount)) for _ in range(4))
        row = [u, a, b, "", str(draw(pct)), str(draw(pct)), c, d, "", str(draw(pct))]
        rows.append(row)
        breaks.append(sorted(draw(st.sets(st.sampled_from([3, 8])))))
    return rows, breaks


def _facts(blocks: list[Block]) -> set[tuple]:
    ex = Extraction()
    ex.reports.append({"report_id": "r", "fiscal_year": None, "report_kind": "budget", "title": "财政收支情况"})
    read_templates(blocks, Ctx(document_id="d", report_id="r", ex=ex, report_kind="budget"), set())
    return ({("b", f["line_item"], f["label_text"], f["amount_yuan"]) for f in ex.fact_budgets}
            | {("e", f["line_item"], f["label_text"], f["executed_yuan"], f["reported_rate_pct"])
               for f in ex.fact_executions})


def _grid(rows: list[list[str]]) -> list[Block]:
    all_rows = [HEAD1, HEAD2, *rows]
    t = Table(index=1, rows=[[Cell(text=c, row=i, col=j) for j, c in enumerate(r, 1)] for i, r in enumerate(all_rows, 1)])
    return [Paragraph(index=1, text="单位:万元"), t]


def _split(row: list[str], at: list[int]) -> str:
    """The row printed with a line break at each empty cell of `at` ('a |' + newline + '| b')."""
    out, cur = [], [row[0]]
    for k, c in enumerate(row[1:], 1):
        if k in at:
            out.append(" | ".join(cur) + " |")
            cur = [""]
            continue
        cur.append(c)
    out.append(" | ".join(cur) + " |")
    return "\n".join(out)


def _text(rows: list[list[str]], breaks: list[list[int]] | None) -> list[Block]:
    lines = ["单位:万元", " | ".join(HEAD1) + " | ||||||", " | ".join(HEAD2) + " | ||"]
    for r, at in zip(rows, breaks or [[] for _ in rows], strict=True):
        lines.append(_split(r, at) if at else " | ".join(r) + " |")
    return read_text("\n".join(lines).encode("utf-8")).blocks


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(unit_table())
def test_every_rendering_gives_the_same_facts(table: tuple[list[list[str]], list[list[int]]]) -> None:
    rows, breaks = table
    expected = _facts(_grid(rows))
    assert len(expected) == 4 * len(rows)
    assert ("e", "listed", f"{rows[0][0]} 一般公共预算支出 累计", Decimal(rows[0][7]) * 10000, None) in expected
    assert _facts(_text(rows, None)) == expected
    assert _facts(_text(rows, breaks)) == expected
