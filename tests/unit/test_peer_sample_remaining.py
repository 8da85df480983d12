"""More of the inconsistencies read by hand in the GovBudgetChecker samples (issue 13;
docs/peer_samples.md), each written with the figures and wording printed on its page and found by a
general rule; the same sentence printed consistently raises nothing. Real DuckDB, the real pipeline,
text rendering. A last test runs bpw on the samples themselves when they are under /tmp."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from pipeline.pipeline_run import check, ingest
from pipeline.settings import Settings


def _results(tmp_path: Path, name: str, text: str, check_name: str) -> list[tuple]:
    raw = tmp_path / name / "raw"
    raw.mkdir(parents=True)
    (raw / "doc.txt").write_text(text, encoding="utf-8")
    settings = Settings(raw_dir=raw, warehouse=tmp_path / name / "wh.duckdb")
    check(settings, ingest(settings), use_gx=False)
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        return con.execute("SELECT passed, detail, subject_key FROM dq_results WHERE check_name = ?",
                           [check_name]).fetchall()
    finally:
        con.close()


# samples/good p.24 (and the test copy p.23): 政府采购 251.25 = 货物 4.79 + 工程 0 + 服务 246.47 = 251.26;
# 规划和自然资源局 p.27: 2,319.21 = 122.43 + 1,387.72 + 809.07 = 2,319.22. 货物采购金额 (the kind before 采购)
# is the 政府采购货物 of vocab/statement_items.csv, so the three kinds are the complete partition of 政府采购
PROCUREMENT = ("{unit}2024年度部门决算\n（二）政府采购支出情况\n"
               "{unit}2024年度政府采购金额（以合同签订为准）为{total}万元，其中：货物采购金额{goods}万元、"
               "工程采购金额{works}万元、服务采购金额{services}万元。\n")


@pytest.mark.parametrize(("unit", "total", "goods", "works", "services", "passed"), [
    ("上海市普陀区财政局", "251.25", "4.79", "0", "246.47", False),
    ("上海市普陀区财政局", "251.26", "4.79", "0", "246.47", True),
    ("上海市普陀区规划和自然资源局", "2319.21", "122.43", "1387.72", "809.07", False),
    ("上海市普陀区规划和自然资源局", "2319.22", "122.43", "1387.72", "809.07", True),
])
def test_procurement_kinds_are_its_complete_partition(tmp_path, unit, total, goods, works, services, passed):
    text = PROCUREMENT.format(unit=unit, total=total, goods=goods, works=works, services=services)
    got = [(p, d) for p, d, k in _results(tmp_path, "p", text, "printed_balance") if k == "stated_parts_sum"]
    assert [p for p, _ in got] == [passed], got
    assert "完整构成" in got[0][1] and total in got[0][1]


# 规划和自然资源局 p.21: 增加1193.20万元，增长13.95。 — the rate's % dropped (9,746.50 − 1,193.20 = 8,553.30;
# 1,193.20 / 8,553.30 = 13.95 %)
RATE = ("上海市普陀区规划和自然资源局2024年度部门决算\n五、一般公共预算财政拨款支出决算情况说明\n"
        "2024年度一般公共预算财政拨款支出9746.50万元。与2023年度相比，一般公共预算财政拨款支出增加1193.20万元，"
        "增长{}。主要原因是业务量增加。\n")


@pytest.mark.parametrize(("rate", "passed"), [("13.95", False), ("13.95%", True), ("13.95％", True),
                                              ("1.2倍", True), ("13.95个百分点", True)])
def test_a_change_rate_printed_without_its_percent_sign(tmp_path, rate, passed):
    got = _results(tmp_path, "r", RATE.format(rate), "rate_without_percent")
    assert [p for p, _d, _k in got] == [passed], got
    if not passed:
        assert "增长13.95。" in got[0][1] and "page" not in got[0][1]


# 规划和自然资源局 p.26: 上海市普陀区规划与自然资源局 (与 for the unit's 和) three times in running text
NAMES = ("上海市普陀区规划和自然资源局2024年度部门决算\n"
         "第三部分 上海市普陀区规划和自然资源局 2024 年度部门决算情况说明\n"
         "2024 年，{}所属各预算单位开支财政拨款的公务用车保有量为0辆。\n")


@pytest.mark.parametrize(("name", "passed"), [("上海市普陀区规划与自然资源局", False),
                                              ("上海市普陀区规划和自然资源局", True),
                                              ("上海市普陀区财政局", True)])
def test_the_unit_named_with_another_conjunction_in_running_text(tmp_path, name, passed):
    got = _results(tmp_path, "n", NAMES.format(name), "unit_name_consistency")
    assert [p for p, _d, _k in got] == [passed], got
    if not passed:
        assert "上海市普陀区规划与自然资源局" in got[0][1]


# 规划和自然资源局 p.14-15, 一般公共预算财政拨款支出决算表: its 合计 row 9,746.50 | 基本支出 5,364.75 | 项目支出
# 4,381.74 (5,364.75 + 4,381.74 = 9,746.49); the columns' meanings are those its class rows are read with
SPLIT = ("上海市普陀区规划和自然资源局2024年度部门决算\n一般公共预算财政拨款支出决算表\n单位：万元\n"
         "| 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |\n"
         "| 208 | 社会保障和就业支出 | 754.75 | 754.75 | 0.00 |\n"
         "| 210 | 卫生健康支出 | 236.64 | 236.64 | 0.00 |\n"
         "| 212 | 城乡社区支出 | 3,832.36 | 1,572.70 | 2,259.65 |\n"
         "| 220 | 自然资源海洋气象等支出 | 4,461.67 | 2,339.58 | 2,122.09 |\n"
         "| 221 | 住房保障支出 | 461.08 | 461.08 | 0.00 |\n"
         "| 合计 | | {} | 5,364.75 | 4,381.74 |\n")


@pytest.mark.parametrize(("total", "passed"), [("9,746.50", False), ("9,746.49", True)])
def test_a_total_rows_split_along_the_row(tmp_path, total, passed):
    got = [(p, d) for p, d, _k in _results(tmp_path, "s", SPLIT.format(total), "printed_balance")
           if (d or "").startswith("合计行")]
    assert [p for p, _ in got] == [passed], got
    assert "basic=5,364.75" in got[0][1] and "project=4,381.74" in got[0][1]
    # within rounding: row_split_sum itself holds, the tail is printed arithmetic
    assert all(p for p, d, _k in _results(tmp_path, "s2", SPLIT.format(total), "row_split_sum") if (d or "").startswith("合计行"))


# 规划和自然资源局 p.12-13, 财政拨款收入支出决算总表 (two-sided): its classes down the spending side add up to
# 754.75 + 236.63 + 3,832.36 + 4,461.67 + 461.08 = 9,746.49 against 本年支出合计 9,746.50
FISCAL = ("上海市普陀区规划和自然资源局2024年度部门决算\n财政拨款收入支出决算总表\n单位：万元\n"
          "| 收入 | | 支出 | |\n"
          "| 项目 | 决算数 | 项目 | 合计 |\n"
          "| 一、一般公共预算财政拨款 | 9,746.50 | 八、社会保障和就业支出 | 754.75 |\n"
          "| | | 九、卫生健康支出 | 236.63 |\n"
          "| | | 十一、城乡社区支出 | 3,832.36 |\n"
          "| | | 十八、自然资源海洋气象等支出 | 4,461.67 |\n"
          "| | | 十九、住房保障支出 | {} |\n"
          "| 本年收入合计 | 9,746.50 | 本年支出合计 | 9,746.50 |\n"
          "| 年初财政拨款结转和结余 | 0.00 | 年末财政拨款结转和结余 | 0.00 |\n"
          "| 总计 | 9,746.50 | 总计 | 9,746.50 |\n")


@pytest.mark.parametrize(("housing", "status"), [("461.08", "failed"), ("461.09", "passed"), ("400.00", "incomplete")])
def test_a_two_sided_tables_classes_against_its_spending_total(tmp_path, housing, status):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "doc.txt").write_text(FISCAL.format(housing), encoding="utf-8")
    settings = Settings(raw_dir=raw, warehouse=tmp_path / "wh.duckdb")
    check(settings, ingest(settings), use_gx=False)
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        got = con.execute("SELECT check_name, status, detail FROM dq_results WHERE check_name IN "
                          "('table_total', 'printed_balance') AND detail LIKE '%「本年支出合计」%'").fetchall()
    finally:
        con.close()
    # within rounding: table_total holds and the tail is printed arithmetic; beyond it the class rows
    # may not be all of the column (a continued table), so the sum is incomplete, never an error
    if status == "incomplete":
        assert [(c, st) for c, st, _d in got] == [("table_total", "incomplete")], got
    else:
        assert sorted((c, st) for c, st, _d in got) == [("printed_balance", status), ("table_total", "passed")], got
        assert "9,746.50" in got[0][2] and "5 行" in got[0][2]


SAMPLES = Path(os.environ.get("BPW_AUDIT_TMP", "/tmp")) / "audit-docs" / "putuo"
GOOD = SAMPLES / "samples_good_上海市普陀区财政局2024年度部门决算.pdf"
PLANNING = SAMPLES / "samples_bad_上海市普陀区规划和自然资源局2024年度部门决算.pdf"


@pytest.mark.skipif(not (GOOD.exists() and PLANNING.exists()), reason="the peer's samples are not under /tmp")
def test_found_on_the_samples_pages(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for p in (GOOD, PLANNING):
        (raw / p.name).write_bytes(p.read_bytes())
    settings = Settings(raw_dir=raw, warehouse=tmp_path / "wh.duckdb")
    check(settings, ingest(settings), use_gx=False)
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        rows = con.execute("SELECT d.file_name, q.check_name, q.detail FROM dq_results q JOIN documents d "
                           "USING (document_id) WHERE q.status = 'failed'").fetchall()
    finally:
        con.close()
    found = {(f == GOOD.name, c, d) for f, c, d in rows}
    assert any(g and c == "printed_balance" and "251.25万元 @page=24" in d for g, c, d in found)
    assert any(not g and c == "printed_balance" and "2319.21万元 @page=27" in d for g, c, d in found)
    assert any(not g and c == "rate_without_percent" and "增长13.95。」 @page=21" in d for g, c, d in found)
    assert any(not g and c == "unit_name_consistency" and d.count("规划与自然资源局」 @page=26") == 3
               for g, c, d in found)
    assert any(not g and c == "printed_balance" and d.startswith("合计行") and "9746.50万元" in d for g, c, d in found)
    assert any(not g and c == "printed_balance" and d.startswith("表5「本年支出合计」") and "9746.49" in d
               for g, c, d in found)
