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


# 中共上海市普陀区委社会工作部 2024 决算: 基本支出 105.58 in the 支出决算表 (p.8) and the 一般公共预算财政拨款
# 支出决算表 (p.12) against the 一般公共预算财政拨款基本支出决算表's 人员经费合计 95.36 + 公用经费合计 10.23 =
# 105.59 (p.13). The 支出决算表's 合计 is the 一般公共预算 table's, so its 基本支出 is the same money's
BASIC_TABLES = ("中共上海市普陀区委社会工作部2024年度部门决算\n支出决算表\n单位：万元\n"
                "| 科目编码 | 科目名称 | 本年支出合计 | 基本支出 | 项目支出 |\n"
                "| 合计 | | {total} | {basic} | 202.24 |\n"
                "| 201 | 一般公共服务支出 | 264.87 | 62.63 | 202.24 |\n"
                "| 208 | 社会保障和就业支出 | 10.82 | 10.82 | 0.00 |\n"
                "| 210 | 卫生健康支出 | 2.71 | 2.71 | 0.00 |\n"
                "| 221 | 住房保障支出 | {housing} | {housing} | 0.00 |\n"
                "一般公共预算财政拨款支出决算表\n单位：万元\n"
                "| 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |\n"
                "| 201 | 一般公共服务支出 | 264.87 | 62.63 | 202.24 |\n"
                "| 208 | 社会保障和就业支出 | 10.82 | 10.82 | 0.00 |\n"
                "| 210 | 卫生健康支出 | 2.71 | 2.71 | 0.00 |\n"
                "| 221 | 住房保障支出 | 29.42 | 29.42 | 0.00 |\n"
                "| 合计 | | 307.82 | 105.58 | 202.24 |\n"
                "一般公共预算财政拨款基本支出决算表\n单位：万元\n"
                "| 经济分类科目编码 | 科目名称 | 决算数 | 经济分类科目编码 | 科目名称 | 决算数 |\n"
                "| 301 | 工资福利支出 | 95.36 | 302 | 商品和服务支出 | {public} |\n"
                "| 30101 | 基本工资 | 95.36 | 30201 | 办公费 | {public} |\n"
                "| 303 | 对个人和家庭的补助 | 0.00 | 310 | 资本性支出 | 0.00 |\n"
                "| 人员经费合计 | | 95.36 | 公用经费合计 | | {public} |\n")


@pytest.mark.parametrize(("public", "other_money", "found"), [
    ("10.23", False, [("printed_balance", False)] * 2),  # as printed: 105.58 against 105.59, p.8 and p.12
    ("10.22", False, [("printed_balance", True)] * 2),
    ("12.00", False, [("basic_parts_across_tables", False)] * 2),  # beyond rounding
    # the 支出决算表 spends other money too (its 合计 is not the 一般公共预算 table's): its 基本支出 is not compared
    ("10.23", True, [("printed_balance", False)]),
])
def test_basic_spending_against_the_basic_tables_two_totals(tmp_path, public, other_money, found):
    text = BASIC_TABLES.format(public=public, total="310.82" if other_money else "307.82",
                               basic="108.58" if other_money else "105.58", housing="32.42" if other_money else "29.42")
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "doc.txt").write_text(text, encoding="utf-8")
    settings = Settings(raw_dir=raw, warehouse=tmp_path / "wh.duckdb")
    check(settings, ingest(settings), use_gx=False)
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        got = con.execute("SELECT check_name, passed, detail FROM dq_results WHERE (check_name = 'basic_parts_across_tables' "
                          "AND NOT passed) OR subject_key LIKE 'basic_parts_across_tables:%' ORDER BY detail").fetchall()
        compared = con.execute("SELECT count(*) FROM dq_results WHERE check_name = 'basic_parts_across_tables'").fetchone()[0]
    finally:
        con.close()
    assert [(c, p) for c, p, _d in got] == found, got
    assert compared == len(found)
    assert all("人员经费合计 95.36 + 公用经费合计 " + public in d for _c, _p, d in got)
    assert any(": 支出决算表 印 105.58" in d for _c, _p, d in got) != other_money


# 普陀区规划和自然资源局 2024 决算 p.16: the 基本支出决算表 printed in two halves; 人员经费合计 4,884.09 closes the
# left half, 301 4,816.14 + 303 67.96 = 4,884.10; 公用经费合计 480.66 the right one, 302 440.90 + 310 39.76
HALVES = ("上海市普陀区规划和自然资源局2024年度部门决算\n一般公共预算财政拨款基本支出决算表\n单位：万元\n"
          "| 经济分类科目编码 | 科目名称 | 决算数 | 经济分类科目编码 | 科目名称 | 决算数 |\n"
          "| 301 | 工资福利支出 | 4,816.14 | 302 | 商品和服务支出 | 440.90 |\n"
          "| 30101 | 基本工资 | 4,816.14 | 30201 | 办公费 | 440.90 |\n"
          "| 303 | 对个人和家庭的补助 | 67.96 | 310 | 资本性支出 | 39.76 |\n"
          "| 30302 | 退休费 | 67.96 | 31002 | 办公设备购置 | 39.76 |\n"
          "| 人员经费合计 | | {} | 公用经费合计 | | 480.66 |\n")
# a 部门预算 基本支出表 printing 人员经费 and 公用经费 as columns (重庆市规划和自然资源局 2026 p.22: 301 split
# between them): no half, nothing compared
COLUMNS = ("重庆市规划和自然资源局2026年部门预算\n一般公共预算基本支出表\n单位：万元\n"
           "| 科目编码 | 科目名称 | 合计 | 人员经费 | 公用经费 |\n"
           "| 301 | 工资福利支出 | 91,906.90 | 91,809.93 | 96.97 |\n"
           "| 303 | 对个人和家庭的补助 | 100.00 | 100.00 | 0.00 |\n"
           "| 合计 | | 92,006.90 | 91,909.93 | 96.97 |\n")


@pytest.mark.parametrize(("personnel", "found"), [
    ("4,884.09", [("personnel", False), ("public_operating", True)]),
    ("4,884.10", [("personnel", True), ("public_operating", True)]),
])
def test_each_half_of_the_basic_table_closes_its_classes(tmp_path, personnel, found):
    got = _results(tmp_path, "h", HALVES.format(personnel), "printed_balance")
    got = sorted((k.split(":")[1], p, d) for p, d, k in got if (k or "").startswith("basic_half_sum:"))
    assert [(k, p) for k, p, _d in got] == found, got
    assert "301 4,816.14 + 303 67.96" in got[0][2] and personnel in got[0][2]
    assert _results(tmp_path, "c", COLUMNS, "basic_half_sum") == []


# 24年普陀区财政局（测试问题版本） p.2 lists nine tables under 第二部分 …部门决算表; the body prints eight, its
# 支出决算表 is missing (B6). The contents are read as a list of the national template's titles
# (vocab/final_account_tables.csv); a line without its numeral continues the entry above (西安 2022:
# …会议费、培训费支出决 / 算表), dot leaders and page numbers aside (国家信访局 2024)
CONTENTS = ("上海市普陀区财政局2024年度部门决算\n目录\n第一部分 上海市普陀区财政局概况\n一、主要职能\n"
            "第二部分 上海市普陀区财政局2024年度部门决算表\n"
            "一、收入支出决算总表..........5\n二、收入决算表..........6\n三、支出决算表..........7\n"
            "四、财政拨款“三公”经费及会议费、培训费支出决\n算表..........8\n"
            "第三部分 上海市普陀区财政局2024年度部门决算情况说明\n一、收入支出决算总体情况说明\n"
            "第一部分 上海市普陀区财政局概况\n主要职能是管理全区财政工作。\n"
            "第二部分 上海市普陀区财政局2024年度部门决算表\n")
BODY = {"income_spending_summary": "收入支出决算总表\n| 收入 | 决算数 | 支出 | 决算数 |\n| 本年收入合计 | 10.00 | 本年支出合计 | 10.00 |\n",
        "income": "收入决算表\n| 项目 | 本年收入合计 |\n| 合计 | 10.00 |\n",
        # a title after the unit's name; one cut over two printed lines
        "spending": "上海市普陀区财政局支出决算表\n| 项目 | 本年支出合计 |\n| 合计 | 10.00 |\n",
        "sangong": "财政拨款“三公”经费及会议费、培训费支出决\n算表\n| 合计 | 会议费 |\n| 0.00 | 0.00 |\n"}


@pytest.mark.parametrize(("printed", "failed"), [
    (["income_spending_summary", "income", "spending", "sangong"], []),
    (["income_spending_summary", "income", "sangong"], ["spending"]),
    # titles not read as text (one of four found): nothing judged
    (["income"], None),
])
def test_a_table_the_contents_list_is_printed(tmp_path, printed, failed):
    text = CONTENTS + "".join(BODY[k] for k in printed)
    got = _results(tmp_path, "l", text, "listed_table_printed")
    if failed is None:
        assert got == [], got
        return
    assert sorted(k for _p, _d, k in got) == sorted(BODY), got
    assert sorted(k for p, _d, k in got if not p) == failed, got
    assert all("「支出决算表」 @" in d and "未见印出" in d for p, d, _k in got if not p)


def test_a_contents_list_naming_other_tables_is_not_judged(tmp_path):
    # a 部门预算's contents (预算表) and a 决算 listing a table the template vocabulary does not know
    budget = CONTENTS.replace("决算表\n", "预算表\n").replace("决算总表", "预算总表")
    other = CONTENTS.replace("三、支出决算表", "三、部门决算相关信息统计表")
    for name, text in (("b", budget), ("o", other)):
        assert _results(tmp_path, name, text + BODY["income"], "listed_table_printed") == []


# 中共上海市普陀区委社会工作部 2024 决算 p.22: 政府采购金额 21.07; SMEs won 21.07 in the projects reserved for
# them and 21.07 again in the other projects — two sets apart, 42.14 of a procurement of 21.07 (S7). The
# published 财政局 copy p.24: 246.47 + 4.79 = 251.26 against 251.25, within rounding
SME = ("中共上海市普陀区委社会工作部2024年度部门决算\n（二）政府采购支出情况\n"
       "中共上海市普陀区委社会工作部2024年度政府采购金额（以合同签订为准）为{total}万元，其中：货物采购金额{total}万元、"
       "工程采购金额0万元、服务采购金额0万元。\n"
       "2024年度本部门面向中小企业预留政府采购项目预算金额{reserved}万元，面向小微企业预留政府采购项目预算金额0万元。"
       "在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额{reserved}万元；"
       "在面向小微企业预留政府采购项目中，由小微企业供应商中标或成交的，采购金额0万元；"
       "在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额{other}万元。\n")


@pytest.mark.parametrize(("total", "reserved", "other", "passed"), [
    ("21.07", "21.07", "21.07", False),
    ("21.07", "21.07", "0", True),
    ("251.25", "246.47", "4.79", True),  # 251.26: within rounding
    ("251.25", "246.47", "5.79", False),
])
def test_what_smes_won_is_within_the_procurement(tmp_path, total, reserved, other, passed):
    got = _results(tmp_path, "m", SME.format(total=total, reserved=reserved, other=other), "procurement_sme_within_total")
    assert [p for p, _d, _k in got] == [passed], got
    assert f"预留的项目中 {reserved}万元 + 其他项目中 {other}万元" in got[0][1] and f"政府采购金额 {total}万元" in got[0][1]


# 上海市普陀区财政局 2024 决算 p.21-22 (G7; 规划和自然资源局 p.21-24, R12): the 项 paragraphs' 年初预算 against the
# section's 年初预算. The list is proven complete by the 决算 table: the paragraphs' 支出决算 are its 项 rows
ITEMS_TABLE = ("上海市普陀区财政局2024年度部门决算\n一般公共预算财政拨款支出决算表\n单位：万元\n"
               "| 科目编码 | 科目名称 | 合计 |\n"
               "| 201 | 一般公共服务支出 | 1,657.14 |\n"
               "| 20106 | 财政事务 | 1,657.14 |\n"
               "| 2010601 | 行政运行 | 1,511.89 |\n"
               "| 2010602 | 一般行政管理事务 | 10.00 |\n"
               "| 2010605 | 信息化建设 | 135.25 |\n"
               "| 合计 | | 1,657.14 |\n")
ITEMS_TEXT = ("五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n"
              "一般公共预算财政拨款支出年初预算为{total}万元，支出决算为1657.14万元。其中：\n"
              "1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部人员经费及公用经费等的基本支出。"
              "年初预算为1560.05万元，支出决算为1511.89万元。\n"
              "2、一般公共服务支出（类）财政事务（款）一般行政管理事务（项）。主要用于：业务指导与宣传等基本支出。"
              "年初预算为10.00万元，支出决算为10.00万元。\n"
              "{third}")
THIRD = ("3、一般公共服务支出（类）财政事务（款）信息化建设（项）。主要用于：信息化系统日常维护费等支出。"
         "年初预算为135.90万元，支出决算为135.25万元。\n")


@pytest.mark.parametrize(("total", "third", "found"), [
    ("1705.94", THIRD, [("item_paragraphs_sum", "passed"), ("printed_balance", "failed")]),  # 1,705.95 as printed
    ("1705.95", THIRD, [("item_paragraphs_sum", "passed"), ("printed_balance", "passed")]),
    # beyond rounding: a 项 budgeted and not spent may be in neither the table nor the text
    ("1800.00", THIRD, [("item_paragraphs_sum", "incomplete")]),
    # a 项 row of the table no paragraph describes: the list is not proven complete, nothing judged
    ("1705.94", "", []),
])
def test_the_item_paragraphs_against_the_stated_budget(tmp_path, total, third, found):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "doc.txt").write_text(ITEMS_TABLE + ITEMS_TEXT.format(total=total, third=third), encoding="utf-8")
    settings = Settings(raw_dir=raw, warehouse=tmp_path / "wh.duckdb")
    check(settings, ingest(settings), use_gx=False)
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        got = con.execute("SELECT check_name, status, detail FROM dq_results WHERE check_name = 'item_paragraphs_sum' "
                          "OR subject_key LIKE 'item_paragraphs_sum:%' ORDER BY check_name").fetchall()
    finally:
        con.close()
    assert [(c, st) for c, st, _d in got] == found, got
    assert all("3 个项段落" in d and "1705.95万元" in d for _c, _st, d in got)


SAMPLES = Path(os.environ.get("BPW_AUDIT_TMP", "/tmp")) / "audit-docs" / "putuo"
GOOD = SAMPLES / "samples_good_上海市普陀区财政局2024年度部门决算.pdf"
PLANNING = SAMPLES / "samples_bad_上海市普陀区规划和自然资源局2024年度部门决算.pdf"
SOCIAL = SAMPLES / "samples_bad_中共上海市普陀区委社会工作部2024年度部门决算.pdf"
TEST_COPY = SAMPLES / "samples_bad_24年普陀区财政局（测试问题版本）.pdf"


@pytest.mark.skipif(not all(p.exists() for p in (GOOD, PLANNING, SOCIAL, TEST_COPY)),
                    reason="the peer's samples are not under /tmp")
def test_found_on_the_samples_pages(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for p in (GOOD, PLANNING, SOCIAL, TEST_COPY):
        (raw / p.name).write_bytes(p.read_bytes())
    settings = Settings(raw_dir=raw, warehouse=tmp_path / "wh.duckdb")
    check(settings, ingest(settings), use_gx=False)
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        rows = con.execute("SELECT d.file_name, q.check_name, q.detail FROM dq_results q JOIN documents d "
                           "USING (document_id) WHERE q.status = 'failed'").fetchall()
    finally:
        con.close()
    social = {(c, d) for f, c, d in rows if f == SOCIAL.name}
    # B6: the test copy's contents p.2 list its 支出决算表, its body prints none (its 一般公共预算财政拨款支出决算表
    # p.12 is another table); the other three print every table their contents list
    assert [d.split(" @")[0] for f, c, d in rows if c == "listed_table_printed"] == ["目录所列之表「支出决算表」"]
    assert all(f == TEST_COPY.name for f, c, d in rows if c == "listed_table_printed")
    found = {(f == GOOD.name, c, d) for f, c, d in rows if f not in (SOCIAL.name, TEST_COPY.name)}
    # S4: 基本支出 105.58 in the 支出决算表 p.8 and the 一般公共预算财政拨款支出决算表 p.12 against 95.36 + 10.23 (p.13)
    assert {d.split(" 印 ")[0] + d.split("@")[1][:7] for c, d in social
            if c == "printed_balance" and d.startswith("基本支出")} == {
        "基本支出（执行数）: 支出决算表page=8;", "基本支出（执行数）: 一般公共预算财政拨款支出决算表page=12"}
    # S7: SMEs won 21.07 in the reserved projects and 21.07 in the other ones, of a procurement of 21.07 (p.22)
    assert any(c == "procurement_sme_within_total" and "其他项目中 21.07万元" in d and "@page=22" in d for c, d in social)
    # G7 and R12: the 项 paragraphs' 年初预算 (their 支出决算 the 项 rows of the 决算 table) against the stated one
    assert any(g and c == "printed_balance" and "所述 2993.92万元 @page=21" in d and "2993.93万元" in d for g, c, d in found)
    assert any(not g and c == "printed_balance" and "所述 10210.34万元 @page=21" in d and "10210.33万元" in d
               for g, c, d in found)
    # R7: 人员经费合计 4,884.09 against 301 4,816.14 + 303 67.96 = 4,884.10 (p.16)
    assert any(not g and c == "printed_balance" and d.startswith("人员经费合计") and "4884.09万元 @page=16" in d
               and "301 4816.14 + 303 67.96" in d for g, c, d in found)
    assert any(g and c == "printed_balance" and "251.25万元 @page=24" in d for g, c, d in found)
    assert any(not g and c == "printed_balance" and "2319.21万元 @page=27" in d for g, c, d in found)
    assert any(not g and c == "rate_without_percent" and "增长13.95。」 @page=21" in d for g, c, d in found)
    assert any(not g and c == "unit_name_consistency" and d.count("规划与自然资源局」 @page=26") == 3
               for g, c, d in found)
    assert any(not g and c == "printed_balance" and d.startswith("合计行") and "9746.50万元" in d for g, c, d in found)
    assert any(not g and c == "printed_balance" and d.startswith("表5「本年支出合计」") and "9746.49" in d
               for g, c, d in found)
