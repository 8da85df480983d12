"""A “三公”经费 table printed across the page (issue 13): items as columns over two or three
header lines, each over 预算数 | 决算数, figures on one line below. Each figure keeps its column's
item and stage; the items add up (line_item_sum). Layout and figures as printed in 上海市普陀区
规划和自然资源局 2024 部门决算 p.17 (GovBudgetChecker samples/bad); real DuckDB, the real pipeline."""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipeline.extract import extract
from pipeline.ingest.read import read_document
from pipeline.pipeline_run import check, ingest
from pipeline.settings import Settings

STAGES = "".join(f"<td>{s}</td>" for s in ["预算数", "决算数"] * 6)
FIGURES = ["2.85", "0.39", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "2.85", "0.39"]
PAGE = """上海市普陀区规划和自然资源局2024年度部门决算
财政拨款“三公”经费支出决算表
单位：万元
<table>
<tr><td colspan="12">财政拨款“三公”经费</td></tr>
<tr><td colspan="2" rowspan="2">合计</td><td colspan="2" rowspan="2">因公出国（境）费</td>
<td colspan="6">公务用车购置及运行维护费</td><td colspan="2" rowspan="2">公务接待费</td></tr>
<tr><td colspan="2">小计</td><td colspan="2">公务用车购置费</td><td colspan="2">公务用车运行维护费</td></tr>
<tr>{stages}</tr>
<tr>{figures}</tr>
</table>
"""


def page(figures: list[str]) -> str:
    return PAGE.format(stages=STAGES, figures="".join(f"<td>{f}</td>" for f in figures))


def test_each_figure_keeps_its_item_and_stage():
    ex = extract(read_document(page(FIGURES).encode("utf-8"), Settings()), "d")
    budgets = {r["line_item"]: (r["stage"], r["reported_text"]) for r in ex.fact_budgets}
    executed = {r["line_item"]: r["reported_text"] for r in ex.fact_executions}
    assert budgets == {"sangong": ("adjusted", "2.85"), "sangong_abroad": ("adjusted", "0.00"),
                       "sangong_vehicle": ("adjusted", "0.00"), "sangong_vehicle_purchase": ("adjusted", "0.00"),
                       "sangong_vehicle_operation": ("adjusted", "0.00"), "sangong_reception": ("adjusted", "2.85")}
    assert executed == {"sangong": "0.39", "sangong_abroad": "0.00", "sangong_vehicle": "0.00",
                        "sangong_vehicle_purchase": "0.00", "sangong_vehicle_operation": "0.00",
                        "sangong_reception": "0.39"}
    assert ex.coverage == 1.0


def _sums(tmp_path: Path, name: str, text: str) -> list[tuple]:
    raw = tmp_path / name / "raw"
    raw.mkdir(parents=True)
    (raw / "doc.txt").write_text(text, encoding="utf-8")
    settings = Settings(raw_dir=raw, warehouse=tmp_path / name / "wh.duckdb")
    check(settings, ingest(settings), use_gx=False)
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        return con.execute("SELECT passed, round(expected), round(observed) FROM dq_results "
                           "WHERE check_name = 'line_item_sum' ORDER BY 2, 3").fetchall()
    finally:
        con.close()


def test_items_add_up_and_a_planted_error_is_found(tmp_path):
    ok = _sums(tmp_path, "ok", page(FIGURES))
    assert ok and all(p for p, *_ in ok)
    bad = FIGURES[:]
    bad[11] = "0.93"  # 公务接待费 决算数
    failed = [(e, o) for p, e, o in _sums(tmp_path, "bad", page(bad)) if not p]
    assert failed == [(3900.0, 9300.0)]  # 合计 0.39 against 0.00 + 0.00 + 0.93


def test_a_cell_spanning_rows_and_columns_pushes_the_next_line_past_all_its_columns():
    from pipeline.readers.html_table import place_cells
    rows = place_cells([[("合计", 2, 2), ("公务用车购置及运行维护费", 1, 6)], [("小计", 1, 2), ("公务用车购置费", 1, 2)]])
    assert [(c.col, c.text) for c in rows[1] if not c.merged_copy] == [(3, "小计"), (5, "公务用车购置费")]
