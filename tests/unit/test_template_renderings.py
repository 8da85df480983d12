"""Property: a generated self-evaluation funding block yields the same facts from the grid
and from every text rendering (one cell per line, blank-line separated, `|` rows with and
without outer bars, flattened onto one line, and a preview printing the row labels ahead of
the header)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.extract.recognisers.context import Ctx
from pipeline.extract.result import Extraction
from pipeline.extract.templates import stream_facts
from pipeline.model import Block, Cell, Paragraph, Table
from pipeline.readers.text import read_text

HEADERS = {"initial": "年初预算数", "adjusted": "全年预算数", "executed": "全年执行数",
           "weight": "分值", "rate": "执行率", "score": "得分"}
SUB_ROWS = ("其中：当年财政拨款", "上年结转资金", "其他资金")

amount = st.decimals(min_value=Decimal("1.00"), max_value=Decimal("99999.99"), places=2)


@st.composite
def funding_block(draw) -> list[list[str]]:
    with_initial = draw(st.booleans())
    fields = [f for f in HEADERS if with_initial or f != "initial"]
    rows = [["项目资金（万元）", *(HEADERS[f] for f in fields)]]
    budget = draw(amount)
    executed = draw(st.decimals(min_value=Decimal("0.01"), max_value=budget, places=2))
    rate = (executed / budget * 100).quantize(Decimal("0.01"))
    score = (rate / 10).quantize(Decimal("0.01"))
    total = {"initial": draw(amount), "adjusted": budget, "executed": executed,
             "weight": Decimal(10), "rate": rate, "score": score}
    rows.append(["年度资金总额", *(f"{total[f]}%" if f == "rate" else str(total[f]) for f in fields)])
    for label in draw(st.lists(st.sampled_from(SUB_ROWS), unique=True, max_size=3)):
        sub = [str(draw(amount)) for f in fields if f in ("initial", "adjusted", "executed")]
        rows.append([label, *sub, "", "", ""])
    rows.append(["年度总体目标", "预期目标", "实际完成情况"])
    return rows


def _facts(blocks: list[Block]) -> set[tuple]:
    ex = Extraction()
    stream_facts(blocks, Ctx(document_id="d", report_id="r", ex=ex, report_kind="project"))
    return ({("b", f["line_item"], f["stage"], f["amount_yuan"]) for f in ex.fact_budgets}
            | {("e", f["line_item"], f["executed_yuan"], f["reported_rate_pct"]) for f in ex.fact_executions}
            | {("s", f["component"], f["weight"], f["score"]) for f in ex.fact_scores})


def _grid(rows: list[list[str]]) -> list[Block]:
    t = Table(index=1, rows=[[Cell(text=c, row=i, col=j) for j, c in enumerate(r, 1)] for i, r in enumerate(rows, 1)])
    return [Paragraph(index=1, text="项目支出绩效自评表"), t]


def _text(s: str) -> list[Block]:
    return read_text(s.encode("utf-8")).blocks


def renderings(rows: list[list[str]]) -> dict[str, list[Block]]:
    cells = [c for r in rows for c in r]
    return {
        "grid": _grid(rows),
        "cell_per_line": _text("\n".join(c for c in cells if c)),
        "cell_per_line_bar": _text("\n".join(f"{c} |" for c in cells if c)),
        "blank_lines": _text("\n\n".join(cells)),
        "pipes": _text("\n".join("| " + " | ".join(r) + " |" for r in rows)),
        "pipes_no_leading_bar": _text("\n".join(" | ".join(r) + " | ||||" for r in rows)),
        "flattened": _text("项目支出绩效自评表 " + " ".join(c for c in cells if c)),
        # a document-site preview that printed the label column ahead of the header, every
        # empty cell as a dash (D 402's 稷山县 form: 年度资金总额 其中:当年财政拨款 全年预算数 … 65.66 …)
        "labels_first": _text("项目支出绩效自评表 " + " ".join(
            [rows[0][0], *(r[0] for r in rows[1:-1]), *rows[0][1:],
             *(c or "—" for r in rows[1:-1] for c in r[1:]), *rows[-1]])),
    }


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(funding_block())
def test_every_rendering_gives_the_same_facts(rows: list[list[str]]) -> None:
    views = renderings(rows)
    expected = _facts(views.pop("grid"))
    assert any(k[0] == "b" and k[1] == "total" for k in expected), expected
    for name, blocks in views.items():
        assert _facts(blocks) == expected, name


def test_sichuan_variant_with_a_title_over_the_stage_columns_and_a_note_after_the_row() -> None:
    """部门预算项目支出绩效自评表 (Sichuan 2023): 年度预算数(万元) heads the label column, and a
    note "1.预算执行率=…" follows the total row; both one cell per line with ` |`."""
    from pipeline.extract import extract
    from pipeline.readers.text import read_text

    cells = ["部门预算项目支出绩效自评表(2023年度)", "项目名称", "工资性支出", "预算执行情况(10分)", "年度预算数(万元)",
             "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因", "总额", "238.93",
             "251.89", "251.89", "100.00%", "10", "", "1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因"]
    ex = extract(read_text("\n".join(f"{c} |" for c in cells).encode()), "sichuan-variant")
    b = {f["stage"]: str(f["amount_yuan"]) for f in ex.fact_budgets if f["line_item"] == "total"}
    assert b == {"initial": "2389300.00", "adjusted": "2518900.00"}
    (e,) = [f for f in ex.fact_executions if f["line_item"] == "total"]
    assert (str(e["executed_yuan"]), str(e["reported_rate_pct"])) == ("2518900.00", "100.00")
    assert not any(f["reported_rate_pct"] == 90 for f in ex.fact_executions)
