"""A funding block printed one cell per line (or flattened) with its empty cells dropped: the
figures' columns are not their positions. Real-dev 147 (临翔区 马鹿坑国有林场 2023) prints
`| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |` over `| 32.4 | 31.69 | 10 |
97.80% | 9 |` (年初预算数 empty); re-rendered one cell per line (pipeline/rerender.py) the text
readers laid the five figures under the first five columns and stored 年初预算数 32.4,
全年预算数 31.69, 全年执行数 10 and 执行率 9 — four wrong facts. The block now stays a cell
stream, whose template reading keeps only what the form's identities allow."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text

HEAD = ["项目支出绩效自评表", "( 2023年度)", "项目名称", "2023年马鹿坑国有林场新建野生动物收容所建设项目",
        "主管部门", "临沧市临翔区林业和草原局", "实施单位", "临沧市临翔区林业和草原局", "项目资金 (万元)"]
FIELDS = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
TOTAL = ["年度资金总额", "32.4", "31.69", "10", "97.80%", "9"]
GOAL = ["年度 总体 目标", "预期目标", "实际完成情况"]


def _read(lines: list[str]) -> tuple[dict, dict, set]:
    ex = extract(read_text("\n".join(lines).encode("utf-8")), "t")
    budgets = {(f["line_item"], f["stage"]): f["amount_yuan"] for f in ex.fact_budgets if f["origin"] == "table"}
    execs = {f["line_item"]: (f["executed_yuan"], f["reported_rate_pct"]) for f in ex.fact_executions
             if f["origin"] == "table"}
    scores = {(f["component"], f["weight"], f["score"]) for f in ex.fact_scores}
    return budgets, execs, scores


def test_one_cell_per_line_without_the_empty_cell() -> None:
    budgets, execs, scores = _read([*HEAD, *FIELDS, *TOTAL, *GOAL])
    assert ("total", "initial") not in budgets
    assert budgets[("total", "adjusted")] == Decimal("324000.00")
    assert execs["total"] == (Decimal("316900.00"), Decimal("97.80"))
    assert ("budget_execution", Decimal("10"), Decimal("9")) in scores


def test_the_key_rows_stay_a_grid() -> None:
    # the project name still comes from the form's key rows
    ex = extract(read_text("\n".join([*HEAD, *FIELDS, *TOTAL, *GOAL]).encode("utf-8")), "t")
    assert {p["project_name"] for p in ex.projects} == {"2023年马鹿坑国有林场新建野生动物收容所建设项目"}


def test_a_block_that_keeps_every_cell_is_read_by_position() -> None:
    # with the empty cell printed (as '—'), positions are columns again
    budgets, execs, _ = _read([*HEAD, *FIELDS, "年度资金总额", "—", "32.4", "31.69", "10", "97.80%", "9", *GOAL])
    assert budgets[("total", "adjusted")] == Decimal("324000.00")
    assert execs["total"] == (Decimal("316900.00"), Decimal("97.80"))
