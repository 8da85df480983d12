"""Document consistency (issue 13): no template placeholder left in the text, and the fiscal
year named in headings and in a 决算's year-end date is the report's own. Lines as printed in the
GovBudgetChecker sample 24年普陀区财政局（测试问题版本） (p.7, p.18, p.24) against the same lines of
its good version; real DuckDB, the real pipeline."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipeline.pipeline_run import check, ingest
from pipeline.settings import Settings

TITLE = "上海市普陀区财政局2024年度部门决算\n"
GOOD = (
    "第二部分 上海市普陀区财政局 2024 年度部门决算表\n"
    "第三部分上海市普陀区财政局 2024 年度部门决算情况说明\n"
    "本年收入合计2946.25万元，其中：财政拨款收入2940.05万元，占99.79%；其他收入6.2万元，占0.21%。\n"
    "截至 2024 年 12 月 31 日，上海市普陀区财政局共有车辆 0 辆，其中：部级领导干部用车 0 辆。\n"
)
CASES = {
    "placeholder_text": GOOD.replace("第二部分 上海市普陀区财政局", "第二部分 上海市普陀区XX局"),
    "report_year_consistency": GOOD.replace("财政局 2024 年度部门决算情况说明", "财政局 2023年度部门决算情况说明"),
}


def _results(tmp_path: Path, name: str, text: str) -> dict[str, tuple]:
    raw = tmp_path / name / "raw"
    raw.mkdir(parents=True)
    (raw / "doc.txt").write_text(TITLE + text, encoding="utf-8")
    settings = Settings(raw_dir=raw, warehouse=tmp_path / name / "wh.duckdb")
    check(settings, ingest(settings), use_gx=False)
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        return {c: (p, d) for c, p, d in con.execute(
            "SELECT check_name, passed, detail FROM dq_results WHERE check_name IN ?", [list(CASES)]).fetchall()}
    finally:
        con.close()


def test_good_version_passes(tmp_path):
    got = _results(tmp_path, "good", GOOD)
    assert set(got) == set(CASES) and all(p for p, _ in got.values())


@pytest.mark.parametrize("name", sorted(CASES))
def test_planted(tmp_path, name):
    got = _results(tmp_path, name, CASES[name])
    assert got[name][0] is False, got[name]
    others = [c for c in CASES if c != name]
    assert all(got[c][0] for c in others)


def test_year_end_of_an_earlier_year_in_a_final_account(tmp_path):
    got = _results(tmp_path, "ye", GOOD.replace("截至 2024 年 12 月 31 日", "截至 2023年 12 月 31 日"))
    passed, detail = got["report_year_consistency"]
    assert passed is False and "截至2023年12月31日" in detail


def test_year_end_of_the_year_before_a_budget_is_its_stock_date(tmp_path):
    text = ("上海市审计局2026年部门预算\n截至2025年12月31日，本部门共有车辆3辆。\n"
            "本年收入合计19577万元。\n")
    raw = tmp_path / "b" / "raw"
    raw.mkdir(parents=True)
    (raw / "doc.txt").write_text(text, encoding="utf-8")
    settings = Settings(raw_dir=raw, warehouse=tmp_path / "b" / "wh.duckdb")
    check(settings, ingest(settings), use_gx=False)
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        rows = con.execute("SELECT passed FROM dq_results WHERE check_name = 'report_year_consistency'").fetchall()
    finally:
        con.close()
    assert rows == [(True,)]


# 上海市普陀区司法局 2026 单位预算 (GovBudgetChecker tmp/doc_check/unit_budget.pdf), lines its finance
# bureau's 检查表 lists: a choice the template offers left unmade (p.6), a reason left blank (p.21).
UNMADE_CHOICE = "财政拨款收入支出增加（减少）的主要原因是业务量增加。\n"
BLANK_REASON = "公务用车购置及运行费9.98万元，与2025年预算数持平，主要原因是。\n"
# 西安市新城区卫生和计划生育局 2019 三公说明 (real-dev/102): before a zero neither word is wrong.
ZERO_CHANGE = "1、因公出国(境)经费0万元,较上年增加(减少)0万元(0%)。\n"


@pytest.mark.parametrize(("line", "shown"), [(UNMADE_CHOICE, "支出增加（减少）的主要原因"), (BLANK_REASON, "持平，主要原因是。")])
def test_an_unmade_choice_or_a_blank_reason_is_a_placeholder(tmp_path, line, shown):
    got = _results(tmp_path, "p", GOOD + line)
    passed, detail = got["placeholder_text"]
    assert passed is False and shown in detail, detail


def test_the_template_alternative_before_a_zero_change_is_not_a_placeholder(tmp_path):
    got = _results(tmp_path, "z", GOOD + ZERO_CHANGE)
    assert got["placeholder_text"][0] is True
