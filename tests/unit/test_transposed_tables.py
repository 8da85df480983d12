"""Disclosure tables printed across (line items as columns, years as rows): the real snippet
(held-out F 709, 衢江区 2016 “三公”经费 comparison, one cell per line with `|` on lines of their
own, 公车购置及运行维护费 over 合计 | 车辆购置 | 车辆运行), a property over renderings, and the
never-guess rules (a row whose figures do not fit, a later year, a report without a stage)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.extract import extract
from pipeline.extract.recognisers.context import Ctx
from pipeline.extract.result import Extraction
from pipeline.extract.templates import read_templates
from pipeline.model import Block
from pipeline.readers.text import read_text

HEAD = ["年度", "合计", "因公出国(境)经费", "公务接待费", "公车购置及运行维护费", "合计", "车辆购置", "车辆运行"]
REAL = [*HEAD, "2015年", "2840", "90", "1400", "1350", "73", "1277",
        "2016年", "2364", "12", "1356", "996", "37", "959",
        "2016年比2015年增减%", "-16.77", "-86.62", "-3.14", "-26.24", "-47.95", "-24.98"]
CODES = ["sangong", "sangong_abroad", "sangong_reception", "sangong_vehicle", "sangong_vehicle_purchase",
         "sangong_vehicle_operation"]


def _real_text() -> str:
    return ("衢江区2016年一般公共预算安排“三公”经费决算数2364万元。\n2016年决算数与2015年决算数对比情况\n"
            + "\n|\n".join(REAL))


def test_the_real_comparison_table_is_read_with_its_spanning_item() -> None:
    ex = extract(read_text(_real_text().encode("utf-8")), "t")
    got = {(f["line_item"], f["period"]): f["executed_yuan"] for f in ex.fact_executions if f["origin"] == "table"}
    assert got[("sangong_vehicle", "current")] == Decimal("9960000.00")
    assert got[("sangong_vehicle_purchase", "current")] == Decimal("370000.00")
    assert got[("sangong_vehicle_operation", "current")] == Decimal("9590000.00")
    assert got[("sangong", "prior")] == Decimal("28400000.00")
    assert len(got) == 12
    # the change row's percents (header lost) are never levels
    assert {u["text"] for u in ex.unrecognised} >= {"-16.77", "-24.98"}


def _facts(blocks: list[Block], fiscal_year: int = 2016, kind: str = "final_accounts",
           title: str = "三公经费决算") -> tuple[set[tuple], Extraction]:
    ex = Extraction()
    ex.reports.append({"report_id": "r", "fiscal_year": fiscal_year, "report_kind": kind, "title": title})
    read_templates(blocks, Ctx(document_id="d", report_id="r", ex=ex, report_kind=kind), set())
    got = ({("b", f["line_item"], f["stage"], f["period"], f["amount_yuan"]) for f in ex.fact_budgets}
           | {("e", f["line_item"], f["period"], f["executed_yuan"]) for f in ex.fact_executions})
    return got, ex


def _text(s: str) -> list[Block]:
    return read_text(s.encode("utf-8")).blocks


amount = st.integers(min_value=1, max_value=99999)


@st.composite
def across(draw) -> tuple[list[str], list[list[str]]]:
    """A header (with or without the vehicle sub-columns) and two year rows that add up."""
    split = draw(st.booleans())
    rows = []
    for year in (2015, 2016):
        ab, rec, buy, run = (draw(amount) for _ in range(4))
        veh = buy + run
        vals = [ab + rec + veh, ab, rec, veh, buy, run] if split else [ab + rec + veh, ab, rec, veh]
        rows.append([f"{year}年", *map(str, vals)])
    head = HEAD if split else [*HEAD[:4], "公务用车购置及运行维护费"]
    return head, rows


def renderings(head: list[str], rows: list[list[str]]) -> dict[str, list[Block]]:
    cells = head + [c for r in rows for c in r]
    top = head[: 5]
    sub = head[5:]
    pad = [""] * (len(top) - 1)
    grid_head = [top, [*pad, *sub]] if sub else [top]
    return {
        "bar_lines": _text("\n|\n".join(cells)),
        "trailing_bar": _text("\n".join(f"{c} |" for c in cells)),
        "pipes": _text("\n".join("| " + " | ".join(r) + " |" for r in [*grid_head, *rows])),
        "pipes_padded": _text("\n".join(" | ".join(r) + " | |||" for r in [*grid_head, *rows])),
        "tabs": _text("\n".join("\t".join(r) for r in [*grid_head, *rows]) if not sub else "\n".join(
            "\t".join(r) for r in [head, *rows])),
    }


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(across())
def test_every_rendering_gives_the_same_facts(table: tuple[list[str], list[list[str]]]) -> None:
    head, rows = table
    expected = {("e", code, period, Decimal(v) * 10000)
                for period, r in zip(("prior", "current"), rows, strict=True)
                for code, v in zip(CODES, r[1:], strict=False)}
    for name, blocks in renderings(head, rows).items():
        got, _ = _facts(blocks)
        assert got == expected, name


def test_a_row_whose_figures_do_not_fit_stays_unread() -> None:
    text = "\n".join(["年度", "合计", "因公出国(境)经费", "公务接待费", "2015年", "30", "10", "20",
                      "2016年", "40", "15"])
    got, ex = _facts(_text(text))
    assert not any(x[2] == "current" for x in got)
    assert any("2 values for 3 columns" in u["reason"] for u in ex.unrecognised)


def test_a_later_year_and_a_report_without_a_stage_are_not_read() -> None:
    text = "\n".join(["年度", "合计", "因公出国(境)经费", "公务接待费", "2016年", "30", "10", "20",
                      "2017年", "40", "15", "25"])
    got, ex = _facts(_text(text))
    assert {x[3] for x in got} == {Decimal(300000), Decimal(100000), Decimal(200000)}
    assert {u["text"] for u in ex.unrecognised} >= {"40", "15", "25"}
    got, ex = _facts(_text(text), kind="department", title="部门整体支出绩效自评报告")
    assert not got and {u["text"] for u in ex.unrecognised} >= {"30", "40"}
