"""Each comparison is made once, between figures of one place of one document, and says what it
compares (issue 14, the warning family and its audit: tests/audit/warning_verdicts.csv).

Rows as printed on real pages (tests/unit/test_row_split_sum.py has their sources); two documents
of one run print their tables at the same place (table=1;row=4;col=3 in both)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipeline.pipeline_run import check, ingest
from pipeline.settings import Settings
from tests.audit.test_audit_rules import FORM_146
from tests.unit.test_row_split_sum import PUTUO, WUXI


def _run(tmp_path: Path, docs: dict[str, str]) -> duckdb.DuckDBPyConnection:
    raw = tmp_path / "raw"
    raw.mkdir()
    for name, text in docs.items():
        (raw / name).write_text(text, encoding="utf-8")
    settings = Settings(raw_dir=raw, warehouse=tmp_path / "wh.duckdb")
    check(settings, ingest(settings), use_gx=False)
    return duckdb.connect(str(settings.warehouse), read_only=True)


def test_row_split_sum_pairs_a_row_only_with_its_own_documents_columns(tmp_path):
    # 无锡 (合计 = 基本 + 项目, 基本 = 人员 + 公用 on 5 rows) and 普陀 (合计 = 基本 + 项目 on 8 rows) in
    # one run: the same table=1;row=R;col=C in both documents once made every 普陀 row that shares a
    # place with a 无锡 row be judged twice (and with 无锡's nested 基本支出 case)
    con = _run(tmp_path, {"wuxi.txt": WUXI, "putuo.txt": PUTUO})
    got = con.execute("""SELECT d.file_name, count(*), count(DISTINCT q.detail), bool_and(q.passed)
                         FROM dq_results q JOIN documents d USING (document_id)
                         WHERE q.check_name = 'row_split_sum' GROUP BY ALL ORDER BY 1""").fetchall()
    # (and each 合计 row once: 普陀 2,940.05 = 2,336.91 + 603.14, 无锡 17,466.65 = 4,670.40 + 12,796.25, 4,670.40 = 4,427.64 + 242.76)
    assert got == [("putuo.txt", 9, 9, True), ("wuxi.txt", 12, 12, True)]


# real-dev 146.txt as the audit rules test renders it (年初 329.77, 全年 329.77, 执行 338.31 for
# 年度资金总额 and its 其中:当年财政拨款): spending above the budget on both lines, a true warning
# (tests/audit/warning_verdicts.csv).


def _within(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute("""SELECT q.passed, q.expected, q.observed, q.detail FROM dq_results q
                          WHERE q.check_name = 'execution_within_budget' ORDER BY q.detail""").fetchall()


def test_execution_within_budget_says_which_line_and_stage_it_compares(tmp_path):
    got = _within(_run(tmp_path, {"form.txt": FORM_146}))
    # once per line, with the 全年预算数 (adjusted) of its own row, named as printed
    assert [(p, e, o) for p, e, o, _d in got] == [(False, 3_297_700.0, 3_383_100.0)] * 2
    for (*_, d), label in zip(got, ["年度资金总额", "当年财政拨款"], strict=True):
        assert d.startswith(f"{label}：执行数 338.31万元 @") and "，调整后预算数 329.77万元 @" in d, d
        assert "fiscal_current" not in d and "total" not in d  # no internal codes


def test_execution_within_budget_names_the_initial_stage_when_no_adjustment_is_printed(tmp_path):
    text = FORM_146.replace("年初预算数 | 全年预算数 | 全年执行数", "年初预算数 | 全年执行数").replace(
        "| 329.77 | 329.77 | 338.31", "| 329.77 | 338.31")
    got = _within(_run(tmp_path, {"form.txt": text}))
    assert len(got) == 2 and all("，年初预算数 329.77万元 @" in d for *_, d in got), got


def _tables_under(*titles: str) -> str:
    rows = PUTUO.split("单位：万元\n", 1)[1]
    return "上海市普陀区财政局2024年度部门决算\n" + "".join(f"{t}\n单位：万元\n{rows}\n" for t in titles)


def _twins(text: str) -> tuple[int, list[bool]]:
    from pipeline.extract import extract
    from pipeline.ingest.read import read_document

    ex = extract(read_document(text.encode("utf-8"), Settings()), "d")
    pairs = sum(1 for m in ex.fact_mentions if m["kind"] == "twin" and m["origin"] == "twin")
    return pairs, sorted(f["is_twin"] for f in ex.fact_executions if f["line_item"] == "func:2010601")


def test_two_tables_printing_the_same_figures_under_two_names_are_not_one_table_printed_twice():
    # 无锡商务局 2026 p.15/p.18 (公开05表 财政拨款支出表 / 公开07表 一般公共预算支出表, alike for a
    # department without government funds): once paired as "the same table printed twice"
    # (duplicate_table_consistency) and the second one's figures dropped as a copy
    assert _twins(_tables_under("公开05表 财政拨款支出表", "公开07表 一般公共预算支出表")) == (0, [False, False])
    # the same table under the same name, numbered apart (附件2 / 附件3): printed twice
    pairs, twin = _twins(_tables_under("附件2 财政拨款支出决算表", "附件3 财政拨款支出决算表"))
    assert pairs > 0 and twin == [False, True]


def test_a_tables_name_is_the_one_printed_nearest_above_it():
    from pipeline.extract.table_names import table_names

    # 江苏省委办公厅 2019 部门预算公开表格 p.7: the lines before 一般公共预算支出预算表 still hold the title
    # of the table printed before it (p.5's 财政拨款支出预算表), with each one's unit line glued on
    lines = ["部门：中共江苏省委办公厅 单位：万元", "财政拨款支出预算表（功能科目）部门：中共江苏省委办公厅 单位：万元",
             "一般公共预算支出预算表（功能科目）部门：中共江苏省委办公厅 单位：万元", "部门：中共江苏省委办公厅 单位：万元"]
    assert table_names(lines) == {"一般公共预算支出预算表"}
    assert table_names(["公开05表", "附表1", "单位：万元"]) == frozenset()  # numbering names no table


def test_a_form_printed_under_a_general_and_a_specific_title_is_one_form() -> None:
    # seed 003 (fixture 003.docx) prints its project's 自评表 in the appendix (附表：部门预算项目支出绩效自评表)
    # and again as 附件1 (…人才交流经费项目支出绩效自评表): one form, its 0% rate one finding, not two
    from pipeline.extract.table_names import named_apart

    assert not named_apart(frozenset({"部门预算项目支出绩效自评表"}), frozenset({"东西部协作人才交流经费项目自评评分表"}))
    assert named_apart(frozenset({"财政拨款支出表"}), frozenset({"一般公共预算支出表"}))
