"""Classification tables (功能分类 / 经济分类) of seven more provinces (issue 13): every column is read by
the meaning its header gives it, never by position.

- 烟台 (Shandong): the code printed over three columns 类 | 款 | 项, a row giving only its 款 (08) or 项 (01)
  under the class above; a two-level header (财政拨款收入 over 小计 | 一般公共预算收入 | …) and each income
  source its own part (事业收入 beside 事业单位经营收入, 其他收入 beside 上级补助收入 and 附属单位上缴收入);
  a 基本支出 table by economic class whose 政府经济分类 code (501 | 01) is never an amount.
- 重庆: a column of the year before (2025年预算数 beside 2026年预算数 over 总计 | 基本支出 | 项目支出) is
  the prior period's budget, not this year's.
- 西安 (Shaanxi): 合计 | 人员经费支出 | 公用经费支出 | 专项业务经费支出 (its 项目支出), a 款 printed alone in
  the code column (201, then 10 | 人力资源事务); a 政府采购 table by 类 | 款 | 项 is read by no column.
- 长春 (Jilin): 合计 | 当年预算 (小计 | 基本支出 | 项目支出 …) | 上年结转结余 (小计 | …): this year's funds
  and the carry-over are parts of the row's total; the 基本支出 of either group is a part of that group's 小计,
  never of the row's total, and the two groups' 基本支出 are never added together.

Rows as printed on the pages named (PDFs in /tmp/budget-pdfs, never committed), read by hand."""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipeline.extract import extract
from pipeline.ingest.read import read_document
from pipeline.pipeline_run import check, ingest
from pipeline.settings import Settings


def _extract(text: str):
    return extract(read_document(text.encode("utf-8"), Settings()), "d")


def _amounts(ex, period: str = "current") -> dict[str, str]:
    return {f["line_item"]: f["reported_text"] for f in ex.fact_budgets + ex.fact_executions
            if f["origin"] == "table" and (f.get("period") or "current") == period}


def _parts(ex) -> dict[tuple[str, str], str]:
    return {(r["line_item"], r["part"]): r["reported_text"] for r in ex.fact_line_splits}


def _errors(tmp_path: Path, text: str) -> list[tuple]:
    raw = tmp_path / "raw"
    raw.mkdir(parents=True)
    (raw / "doc.txt").write_text(text, encoding="utf-8")
    settings = Settings(raw_dir=raw, warehouse=tmp_path / "wh.duckdb")
    check(settings, ingest(settings), use_gx=False)
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        return con.execute("SELECT check_name, detail FROM dq_results WHERE NOT passed AND severity = 'error'").fetchall()
    finally:
        con.close()


def _td(*cells: str) -> str:
    return "<tr>" + "".join(c if c.startswith("<td") else f"<td>{c}</td>" for c in cells) + "</tr>"


# 2026年烟台市审计局部门预算 p.9 公开表2 收入总体情况表 (the whole table).
YANTAI_INCOME = "\n".join([
    "2026年烟台市审计局部门预算", "收入总体情况表", "部门（单位）：烟台市审计局 单位：万元", "<table>",
    _td('<td colspan="3">科目编码</td>', '<td rowspan="2">科目名称</td>', '<td rowspan="2">合计</td>',
        '<td colspan="4">财政拨款收入</td>', '<td rowspan="2">财政专户管理资金收入</td>',
        '<td rowspan="2">事业收入（不含教育收费）</td>', '<td rowspan="2">事业单位经营收入</td>', '<td rowspan="2">其他收入</td>',
        '<td rowspan="2">上级补助收入</td>', '<td rowspan="2">附属单位上缴收入</td>', '<td rowspan="2">使用非财政拨款结余</td>',
        '<td rowspan="2">上年结转</td>'),
    _td("类", "款", "项", "小计", "一般公共预算收入", "政府性基金预算收入", "国有资本经营预算收入"),
    _td("", "", "", "合 计", "3,558.35", "2,776.75", "2,776.75", "", "", "", "", "", "781.60", "", "", "", ""),
    _td("201", "", "", "一般公共服务支出", "2,731.79", "1,950.19", "1,950.19", "", "", "", "", "", "781.60", "", "", "", ""),
    _td("", "08", "", "审计事务", "2,731.79", "1,950.19", "1,950.19", "", "", "", "", "", "781.60", "", "", "", ""),
    _td("", "", "01", "行政运行", "1,535.86", "1,531.26", "1,531.26", "", "", "", "", "", "4.60", "", "", "", ""),
    _td("", "", "04", "审计业务", "592.50", "4.50", "4.50", "", "", "", "", "", "588.00", "", "", "", ""),
    _td("", "", "50", "事业运行", "414.44", "414.44", "414.44", "", "", "", "", "", "", "", "", "", ""),
    _td("", "", "99", "其他审计事务支出", "189.00", "", "", "", "", "", "", "", "189.00", "", "", "", ""),
    _td("208", "", "", "社会保障和就业支出", "469.90", "469.90", "469.90", "", "", "", "", "", "", "", "", "", ""),
    _td("", "05", "", "行政事业单位养老支出", "469.90", "469.90", "469.90", "", "", "", "", "", "", "", "", "", ""),
    _td("", "", "01", "行政单位离退休", "199.48", "199.48", "199.48", "", "", "", "", "", "", "", "", "", ""),
    _td("", "", "02", "事业单位离退休", "4.69", "4.69", "4.69", "", "", "", "", "", "", "", "", "", ""),
    _td("", "", "05", "机关事业单位基本养老保险缴费支出", "221.01", "221.01", "221.01", "", "", "", "", "", "", "", "", "", ""),
    _td("", "", "06", "机关事业单位职业年金缴费支出", "43.50", "43.50", "43.50", "", "", "", "", "", "", "", "", "", ""),
    _td("", "", "99", "其他行政事业单位养老支出", "1.22", "1.22", "1.22", "", "", "", "", "", "", "", "", "", ""),
    _td("210", "", "", "卫生健康支出", "151.80", "151.80", "151.80", "", "", "", "", "", "", "", "", "", ""),
    _td("", "11", "", "行政事业单位医疗", "151.80", "151.80", "151.80", "", "", "", "", "", "", "", "", "", ""),
    _td("", "", "01", "行政单位医疗", "78.51", "78.51", "78.51", "", "", "", "", "", "", "", "", "", ""),
    _td("", "", "02", "事业单位医疗", "22.75", "22.75", "22.75", "", "", "", "", "", "", "", "", "", ""),
    _td("", "", "03", "公务员医疗补助", "42.86", "42.86", "42.86", "", "", "", "", "", "", "", "", "", ""),
    _td("", "", "99", "其他行政事业单位医疗支出", "7.67", "7.67", "7.67", "", "", "", "", "", "", "", "", "", ""),
    _td("221", "", "", "住房保障支出", "204.86", "204.86", "204.86", "", "", "", "", "", "", "", "", "", ""),
    _td("", "02", "", "住房改革支出", "204.86", "204.86", "204.86", "", "", "", "", "", "", "", "", "", ""),
    _td("", "", "01", "住房公积金", "204.86", "204.86", "204.86", "", "", "", "", "", "", "", "", "", ""),
    "</table>",
])


def test_yantai_code_over_three_columns_and_income_sources(tmp_path):
    ex = _extract(YANTAI_INCOME)
    got = _amounts(ex)
    assert got["func:201"] == "2,731.79" and got["func:20108"] == "2,731.79"  # 08 under 201
    assert got["func:2010801"] == "1,535.86" and got["func:2010899"] == "189.00"  # 01, 99 under 20108
    assert got["func:2080505"] == "221.01" and got["func:2210201"] == "204.86"
    parts = _parts(ex)
    assert parts[("func:2010801", "fiscal")] == "1,531.26"  # 小计 under 财政拨款收入
    assert parts[("func:2010801", "general_public_budget")] == "1,531.26"
    assert parts[("func:2010801", "other")] == "4.60"  # 其他收入, not 事业单位经营收入 or 上级补助收入
    assert parts[("func:2010804", "other")] == "588.00"
    assert ("func:2010899", "fiscal") not in parts  # blank
    # the code cells are codes, never amounts
    assert not {"08", "01", "04", "50", "99"} & {f["reported_text"] for f in ex.fact_budgets + ex.fact_line_splits}
    assert not any(u["reason"].startswith("numeric cell") for u in ex.unrecognised)
    # the page's own rounding, as printed: 1,535.86 + 592.50 + 414.44 + 189.00 = 2,731.80 under 审计事务
    # 2,731.79, and 78.51 + 22.75 + 42.86 + 7.67 = 151.79 under 行政事业单位医疗 151.80
    errors = _errors(tmp_path, YANTAI_INCOME)
    assert sorted((c, d.split("（")[0]) for c, d in errors) == [("printed_balance", "审计事务"),
                                                              ("printed_balance", "行政事业单位医疗")]


# 2026年烟台市审计局部门预算 p.17 公开表10 一般公共预算基本支出经济分类预算表 (the first rows).
YANTAI_BASIC = "\n".join([
    "2026年烟台市审计局部门预算", "一般公共预算基本支出预算表", "部门（单位）：烟台市审计局 单位：万元", "<table>",
    _td('<td colspan="2">科目编码</td>', '<td rowspan="2">部门预算支出经济分类科目名称</td>', '<td colspan="2">科目编码</td>',
        '<td rowspan="2">政府预算支出经济分类科目名称</td>', '<td colspan="3">基本支出预算</td>'),
    _td("类", "款", "类", "款", "小计", "人员支出", "日常公用支出"),
    _td("301", "", "工资福利支出", "501", "", "机关工资福利支出", "1,812.81", "1,812.81", ""),
    _td("301", "01", "基本工资", "501", "01", "工资奖金津补贴", "442.38", "442.38", ""),
    _td("301", "02", "津贴补贴", "501", "01", "工资奖金津补贴", "474.33", "474.33", ""),
    _td("302", "01", "办公费", "502", "01", "办公经费", "47.50", "", "47.50"),
    "</table>",
])


def test_yantai_government_economic_code_is_never_an_amount():
    ex = _extract(YANTAI_BASIC)
    got = _amounts(ex)
    assert got == {"econ:301": "1,812.81", "econ:30101": "442.38", "econ:30102": "474.33", "econ:30201": "47.50"}
    parts = _parts(ex)
    assert parts[("econ:30101", "personnel")] == "442.38" and parts[("econ:30201", "public_operating")] == "47.50"
    assert not {"501", "502", "01"} & {f["reported_text"] for f in ex.fact_budgets + ex.fact_line_splits}


# 重庆市规划和自然资源局2026年部门预算 p.19 一般公共预算财政拨款支出预算表 (rows 205 … 2080501).
CHONGQING = "\n".join([
    "重庆市规划和自然资源局2026年部门预算", "一般公共预算财政拨款支出预算表", "单位名称：重庆市规划和自然资源局 单位：万元", "<table>",
    _td('<td colspan="2">功能分类科目</td>', '<td rowspan="3">2025年预算数</td>', '<td colspan="5">2026年预算数</td>'),
    _td('<td rowspan="2">科目编码</td>', '<td rowspan="2">科目名称</td>', '<td rowspan="2">总计</td>',
        '<td colspan="3">基本支出</td>', '<td rowspan="2">项目支出</td>'),
    _td("小计", "人员经费", "公用经费"),
    _td("205", "教育支出", "52.17", "54.94", "54.94", "", "54.94", ""),
    _td("20508", "进修及培训", "52.17", "54.94", "54.94", "", "54.94", ""),
    _td("2050803", "培训支出", "52.17", "54.94", "54.94", "", "54.94", ""),
    _td("208", "社会保障和就业支出", "18,550.32", "20,467.99", "20,467.99", "20,404.85", "63.13", ""),
    _td("215", "资源勘探工业信息等支出", "10,953.66", "1,939.87", "", "", "", "1,939.87"),
    "</table>",
])


def test_chongqing_year_before_is_not_this_years_budget(tmp_path):
    ex = _extract(CHONGQING)
    got = _amounts(ex)
    assert got["func:205"] == "54.94" and got["func:208"] == "20,467.99" and got["func:215"] == "1,939.87"
    # 2025年预算数: the year before's budget, never this year's and no part of a split
    assert _amounts(ex, "prior") == {"func:205": "52.17", "func:20508": "52.17", "func:2050803": "52.17",
                                     "func:208": "18,550.32", "func:215": "10,953.66"}
    assert not {"52.17", "18,550.32", "10,953.66"} & {f["reported_text"] for f in ex.fact_line_splits}
    parts = _parts(ex)
    assert parts[("func:208", "basic")] == "20,467.99" and parts[("func:208", "personnel")] == "20,404.85"
    assert parts[("func:208", "public_operating")] == "63.13" and parts[("func:215", "project")] == "1,939.87"
    # as printed: 20,404.85 + 63.13 = 20,467.98 under 基本支出 小计 20,467.99 (the page's rounding)
    assert [(c, d.split(" ")[0]) for c, d in _errors(tmp_path, CHONGQING)] == [("printed_balance", "社会保障和就业支出")]


# 西安市人力资源和社会保障局2020年部门综合预算 p.33 一般公共预算支出明细表（按支出功能分类科目） (the first rows).
XIAN = "\n".join([
    "西安市人力资源和社会保障局2020年部门综合预算", "2020年部门综合预算一般公共预算支出明细表（按支出功能分类科目）", "单位：万元",
    "| 功能科目编码 | 功能科目名称 | 合计 | 人员经费支出 | 公用经费支出 | 专项业务经费支出 | 备注 |",
    "| 201 | 一般公共服务支出 | 56.52 | 0 | 0 | 56.52 |  |",
    "| 10 | 人力资源事务 | 56.52 | 0 | 0 | 56.52 |  |",
    "| 2011007 | 博士后日常经费 | 7 | 0 | 0 | 7 |  |",
    "| 2011004 | 政府特殊津贴 | 16.32 | 0 | 0 | 16.32 |  |",
    "| 2011002 | 一般行政管理事务（人力资源事务） | 33.2 | 0 | 0 | 33.2 |  |",
    "| 205 | 教育支出 | 3523.12 | 412.91 | 28.21 | 3082 |  |",
    "| 03 | 职业教育 | 3523.12 | 412.91 | 28.21 | 3082 |  |",
    "| 2050303 | 技校教育 | 3523.12 | 412.91 | 28.21 | 3082 |  |",
])


def test_xian_section_printed_alone_and_special_business_funds(tmp_path):
    ex = _extract(XIAN)
    got = _amounts(ex)
    assert got["func:20110"] == "56.52" and got["func:20503"] == "3523.12" and got["func:2050303"] == "3523.12"
    parts = _parts(ex)
    assert parts[("func:205", "personnel")] == "412.91" and parts[("func:205", "public_operating")] == "28.21"
    assert parts[("func:205", "project")] == "3082"  # 专项业务经费支出
    assert not any(f["reported_text"] in ("10", "03") for f in ex.fact_budgets)
    assert _errors(tmp_path, XIAN) == []


# 西安市司法局（汇总）2026年部门预算 p.47 政府采购（资产配置、购买服务）预算表 (the first rows): 数量 and
# 预算金额 by 类 | 款 | 项 and unit, no column a row's amount.
XIAN_PROCUREMENT = "\n".join([
    "西安市司法局2026年部门预算", "部门综合预算政府采购（资产配置、购买服务）预算表", "单位：元", "<table>",
    _td('<td colspan="3">科目编码</td>', '<td rowspan="2">单位编码</td>', '<td rowspan="2">采购项目</td>',
        '<td rowspan="2">采购目录</td>', '<td rowspan="2">数量</td>', '<td colspan="2">部门预算支出经济科目编码</td>',
        '<td rowspan="2">预算金额</td>'),
    _td("类", "款", "项", "类", "款"),
    _td("204", "06", "01", "154001", "西安市司法局", "", "4", "", "", "610,000.00"),
    _td("204", "06", "01", "", "车辆运行维护费", "C23120301车辆维修和保养", "1", "302", "31", "100,000.00"),
    _td("204", "06", "01", "", "日常公用经费", "C04070100体检服务", "1", "302", "99", "210,000.00"),
    "</table>",
])


def test_xian_procurement_table_gives_no_classification_amount():
    ex = _extract(XIAN_PROCUREMENT)
    assert not [f for f in ex.fact_budgets if f["line_item"].startswith(("func:", "econ:"))]
    assert not ex.fact_line_splits
    # codes and counts (数量 4, 1, 1) are set aside; the 预算金额 of each row is a listed line with its
    # printed label (the class codes repeat row after row: a list, read as fund_matrix reads 政府采购 lists)
    assert not [u for u in ex.unrecognised if u["reason"].startswith("numeric cell")]
    assert sorted((f["line_item"], f["reported_text"], f["label_text"]) for f in ex.fact_budgets) == [
        ("listed", "100,000.00", "车辆运行维护费 / C23120301车辆维修和保养"),
        ("listed", "210,000.00", "日常公用经费 / C04070100体检服务"),
        ("listed", "610,000.00", "西安市司法局")]


# 长春市信访局（本级）2026年度部门预算 p.8 支出总表（预算表3） (the first rows).
CHANGCHUN = "\n".join([
    "长春市信访局2026年度部门预算", "支出总表", "预算单位：长春市信访局 单位：万元", "<table>",
    _td('<td rowspan="2">科目编码</td>', '<td rowspan="2">功能分类科目名称</td>', '<td rowspan="2">合计</td>',
        '<td colspan="4">当年预算</td>', '<td colspan="4">上年结转结余</td>'),
    _td("小计", "基本支出", "项目支出", "事业单位经营支出", "小计", "基本支出", "项目支出", "事业单位经营支出"),
    _td("201", "一般公共服务支出", "1378.41", "1378.41", "903.85", "474.56", "0.00", "0.00", "0.00", "0.00", "0.00"),
    _td("20140", "信访事务", "1378.41", "1378.41", "903.85", "474.56", "0.00", "0.00", "0.00", "0.00", "0.00"),
    _td("2014001", "行政运行", "903.85", "903.85", "903.85", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00"),
    "</table>",
])


def _by_total(ex) -> dict[str, dict[tuple[str, str], str]]:
    """The splits of each total (the row's 合计 or a group's 小计), keyed by the total's column."""
    out: dict[str, dict[tuple[str, str], str]] = {}
    for r in ex.fact_line_splits:
        col = r["total_source_ref"].rsplit("col=", 1)[1]
        out.setdefault(col, {})[(r["line_item"], r["part"])] = r["reported_text"]
    return out


def test_changchun_this_years_funds_and_carryover(tmp_path):
    ex = _extract(CHANGCHUN)
    assert _amounts(ex)["func:201"] == "1378.41"
    split = _by_total(ex)
    # the row's total (合计, column 3) splits into this year's funds and the carry-over
    assert split["3"] == {(line, part): v for line, part, v in [
        ("func:201", "current_income", "1378.41"), ("func:201", "carryover", "0.00"),
        ("func:20140", "current_income", "1378.41"), ("func:20140", "carryover", "0.00"),
        ("func:2014001", "current_income", "903.85"), ("func:2014001", "carryover", "0.00")]}
    # each group's 基本支出 | 项目支出 | 事业单位经营支出 split that group's 小计 (columns 4 and 8), apart
    assert split["4"][("func:201", "basic")] == "903.85" and split["4"][("func:201", "project")] == "474.56"
    assert split["4"][("func:2014001", "business_spending")] == "0.00"
    assert split["8"][("func:201", "basic")] == "0.00" and split["8"][("func:20140", "project")] == "0.00"
    assert set(split) == {"3", "4", "8"}
    assert not [u for u in ex.unrecognised if u["reason"].startswith("numeric cell")]
    assert _errors(tmp_path, CHANGCHUN) == []


# 长春市信访局（本级）2026年度部门预算 p.10 本年一般公共预算支出表（预算表5）: three header lines (当年预算 over
# 小计 | 基本支出 (小计 | 人员经费 | 公用经费) | 项目支出) and a 总计： row printed above the classes.
CHANGCHUN_5 = "\n".join([
    "长春市信访局2026年度部门预算", "本年一般公共预算支出表", "预算单位：长春市信访局 单位：万元", "<table>",
    _td('<td rowspan="3">科目编码</td>', '<td rowspan="3">功能分类科目名称</td>', '<td rowspan="3">合计</td>',
        '<td colspan="5">当年预算</td>', '<td colspan="5">上年结转结余</td>'),
    _td('<td rowspan="2">小计</td>', '<td colspan="3">基本支出</td>', '<td rowspan="2">项目支出</td>',
        '<td rowspan="2">小计</td>', '<td colspan="3">基本支出</td>', '<td rowspan="2">项目支出</td>'),
    _td("小计", "人员经费", "公用经费", "小计", "人员经费", "公用经费"),
    _td('<td colspan="2">总计：</td>', "1682.76", "1682.76", "1208.20", "997.20", "211.00", "474.56",
        "0.00", "0.00", "0.00", "0.00", "0.00"),
    _td("201", "一般公共服务支出", "1378.41", "1378.41", "903.85", "692.85", "211.00", "474.56",
        "0.00", "0.00", "0.00", "0.00", "0.00"),
    _td("208", "社会保障和就业支出", "178.42", "178.42", "178.42", "178.42", "0.00", "0.00",
        "0.00", "0.00", "0.00", "0.00", "0.00"),
    _td("210", "卫生健康支出", "32.65", "32.65", "32.65", "32.65", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00"),
    _td("221", "住房保障支出", "93.27", "93.27", "93.27", "93.27", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00"),
    "</table>",
])


def test_changchun_three_header_lines_and_a_total_with_a_colon(tmp_path):
    ex = _extract(CHANGCHUN_5)
    split = _by_total(ex)
    assert split["4"][("func:201", "basic")] == "903.85"
    assert split["4"][("func:201", "personnel")] == "692.85"
    assert split["4"][("func:201", "public_operating")] == "211.00"
    assert split["4"][("func:201", "project")] == "474.56"
    assert split["9"][("func:201", "personnel")] == "0.00"
    # the 总计： row sums the classes in every column
    assert {(s["col_index"], s["total_text"]) for s in ex.table_sums} >= {(3, "1682.76"), (5, "1208.20"), (6, "997.20")}
    assert not [u for u in ex.unrecognised if u["reason"].startswith("numeric cell")]
    # the page prints 总计 1682.76 over classes adding up to 1682.75: true tails, and nothing else
    assert {c for c, _d in _errors(tmp_path, CHANGCHUN_5)} == {"printed_balance"}
    # a 人员经费 misprinted under 当年预算 is found against its own group's 基本支出, not against the row's total
    bad = CHANGCHUN_5.replace("<td>692.85</td>", "<td>629.85</td>")
    found = _errors(tmp_path / "bad", bad)
    assert [c for c, _d in found if c == "row_split_sum"] and all("629.85" in d for c, d in found if c == "row_split_sum")


# 长沙职业教育基地综合协调办公室2026年部门预算公开 p.14 一般公共预算支出表 (the whole table): three coded rows,
# two of them printing their 款 alone or the code in full over 类 | 款 | 项, under a 栏次 line (** | 1 | 2 …).
CHANGSHA = "\n".join([
    "长沙职业教育基地综合协调办公室2026年部门预算", "一般公共预算支出表", "单位名称：长沙职业教育基地综合协调办公室 单位：万元", "<table>",
    _td('<td colspan="3">科目编码</td>', '<td rowspan="2">功能科目</td>', '<td rowspan="2">总计</td>', '<td rowspan="2">基本支出</td>',
        '<td rowspan="2">项目支出</td>', '<td rowspan="2">事业单位经营支出</td>', '<td rowspan="2">对附属单位补助支出</td>',
        '<td rowspan="2">上缴上级支出</td>'),
    _td("类", "款", "项"),
    _td("**", "**", "**", "**", "1", "2", "3", "4", "5", "6"),
    _td("", "", "", "合计", "656.73", "386.73", "270.00", "", "", ""),
    _td("205", "", "", "教育支出", "656.73", "386.73", "270.00", "", "", ""),
    _td("", "03", "", "职业教育", "656.73", "386.73", "270.00", "", "", ""),
    _td("205", "03", "99", "其他职业教育支出", "656.73", "386.73", "270.00", "", "", ""),
    "</table>",
])


def test_changsha_short_table_with_a_section_printed_alone(tmp_path):
    ex = _extract(CHANGSHA)
    assert _amounts(ex) == {"func:205": "656.73", "func:20503": "656.73", "func:2050399": "656.73"}
    parts = _parts(ex)
    assert parts[("func:20503", "basic")] == "386.73" and parts[("func:20503", "project")] == "270.00"
    assert not any(f["reported_text"] in ("1", "2", "3") for f in ex.fact_budgets + ex.fact_line_splits)  # 栏次
    assert _errors(tmp_path, CHANGSHA) == []


# 西安市商务局2022年部门综合预算 p.42 一般公共预算支出明细表（按支出功能分类科目） (the first rows): a row number before
# the code (序号 | 功能科目编码 | …), and the unit line printed with every character repeated (fake bold).
XIAN_NUMBERED = "\n".join([
    "西安市商务局2022年部门综合预算", "一般公共预算支出明细表（按支出功能分类科目）",
    "金金金金金额额额额额单单单单单位位位位位：：：：：元元元元元",
    "| 序号 | 功能科目编码 | 功能科目名称 | 合计 | 人员经费支出 | 公用经费支出 | 专项业务经费支出 | 备注 |",
    "| 2 | 201 | 一般公共服务支出 | 154668476.29 | 20955094.30 | 1880568.99 | 131832813.00 |  |",
    "| 3 | 20113 | 商贸事务 | 154668476.29 | 20955094.30 | 1880568.99 | 131832813.00 |  |",
    "| 4 | 2011301 | 行政运行 | 20938520.75 | 19199223.58 | 1739297.17 | 0.00 |  |",
    "| 5 | 2011302 | 一般行政管理事务 | 104298313.00 | 0.00 | 0.00 | 104298313.00 |  |",
    "| 6 | 2011305 | 国际经济合作 | 560000.00 | 0.00 | 0.00 | 560000.00 |  |",
    "| 7 | 2011350 | 事业运行 | 1897142.54 | 1755870.72 | 141271.82 | 0.00 |  |",
    "| 8 | 2011399 | 其他商贸事务支出 | 26974500.00 | 0.00 | 0.00 | 26974500.00 |  |",
])


def test_xian_row_number_before_the_code_and_a_doubled_unit_line(tmp_path):
    ex = _extract(XIAN_NUMBERED)
    rows = {f["line_item"]: (f["reported_text"], f["reported_unit"]) for f in ex.fact_budgets}
    assert rows["func:201"] == ("154668476.29", "元") and rows["func:2011350"] == ("1897142.54", "元")
    parts = _parts(ex)
    assert parts[("func:2011301", "personnel")] == "19199223.58" and parts[("func:2011302", "project")] == "104298313.00"
    assert not any(f["reported_text"] in ("2", "3", "4") for f in ex.fact_budgets)  # 序号
    assert _errors(tmp_path, XIAN_NUMBERED) == []


def test_xian_row_numbers_are_never_summed():
    # the same page's 合计 row, numbered 1: its figures are checked against the class rows, its 序号 never
    ex = _extract(XIAN_NUMBERED.replace(
        "| 2 | 201 |", "| 1 |  | 合计 | 573980610.20 | 44686355.45 | 3345941.75 | 525948313.00 |  |\n| 2 | 201 |"))
    sums = {s["column_label"]: s["total_text"] for s in ex.table_sums}
    assert "序号" not in sums and sums["合计"] == "573980610.20"


# 2026年度泉州市公安局部门预算 p.14 一般公共预算拨款支出预算表 (the whole table): only 项 rows (2040101 …), no
# class rows, under 合计; 小计 | 其中： over 基本支出 | 项目支出.
QUANZHOU_ROWS = [
    ("2040101", "武装警察部队", "427.93", "0.00", "427.93"), ("2040201", "行政运行", "34148.58", "34148.58", "0.00"),
    ("2040202", "一般行政管理事务", "3233.69", "0.00", "3233.69"), ("2040203", "机关服务", "60.00", "0.00", "60.00"),
    ("2040219", "信息化建设", "912.00", "0.00", "912.00"), ("2040220", "执法办案", "12172.00", "0.00", "12172.00"),
    ("2040221", "特别业务", "200.00", "0.00", "200.00"), ("2040250", "事业运行", "4825.87", "4825.87", "0.00"),
    ("2040299", "其他公安支出", "362.00", "0.00", "362.00"), ("2080501", "行政单位离退休", "1778.21", "1778.21", "0.00"),
    ("2080502", "事业单位离退休", "59.25", "59.25", "0.00"),
    ("2080505", "机关事业单位基本养老保险缴费支出", "4048.02", "4048.02", "0.00"),
    ("2101101", "行政单位医疗", "1192.75", "1192.75", "0.00"), ("2101102", "事业单位医疗", "185.45", "185.45", "0.00"),
    ("2101103", "公务员医疗补助", "292.84", "292.84", "0.00"), ("2210201", "住房公积金", "3764.27", "3764.27", "0.00"),
    ("2210202", "提租补贴", "1296.68", "1296.68", "0.00"), ("2210203", "购房补贴", "99.82", "99.82", "0.00"),
]
QUANZHOU = "\n".join([
    "2026年度泉州市公安局部门预算", "2026年度一般公共预算拨款支出预算表 单位：万元", "<table>",
    _td('<td rowspan="2">科目编码</td>', '<td rowspan="2">科目名称</td>', '<td rowspan="2">小计</td>', '<td colspan="2">其中：</td>'),
    _td("基本支出", "项目支出"),
    _td("合计", "", "69059.36", "51691.74", "17367.62"),
    *[_td(*r) for r in QUANZHOU_ROWS],
    "</table>",
])


def test_quanzhou_total_row_over_item_rows_only(tmp_path):
    ex = _extract(QUANZHOU)
    assert _amounts(ex)["func:2040220"] == "12172.00"
    assert _parts(ex)[("func:2040220", "project")] == "12172.00"
    sums = {s["total_text"]: (s["parts_count"], round(s["parts_sum"], 2)) for s in ex.table_sums}
    assert sums == {"69059.36": (18, 69059.36), "51691.74": (18, 51691.74), "17367.62": (18, 17367.62)}
    assert _errors(tmp_path, QUANZHOU) == []


# 西安市卫生健康委员会（汇总）2022年度部门决算 p.159 公开07表 政府性基金预算财政拨款收入支出决算表 (the whole table):
# the row's amount is 本年支出's 小计; 年初结转和结余 and 本年收入 beside it are no part of it.
XIAN_FUND = "\n".join([
    "西安市卫生健康委员会2022年度部门决算", "政府性基金预算财政拨款收入支出决算表", "公开07表 金额单位：万元", "<table>",
    _td('<td colspan="2">项目</td>', '<td rowspan="2">年初结转和结余</td>', '<td rowspan="2">本年收入</td>',
        '<td colspan="3">本年支出</td>', '<td rowspan="2">年末结转和结余</td>'),
    _td("科目代码", "科目名称", "小计", "基本支出", "项目支出"),
    _td("", "栏次", "1", "2", "3", "4", "5", "6"),
    _td("", "合计", "58,830.98", "509,220.66", "568,051.63", "", "568,051.63", ""),
    _td("229", "其他支出", "58,830.98", "509,220.66", "568,051.63", "", "568,051.63", ""),
    _td("22904", "其他政府性基金及对应专项债务收入安排的支出", "58,830.98", "509,220.66", "568,051.63", "", "568,051.63", ""),
    _td("2290402", "其他地方自行试点项目收益专项债券收入安排的支出", "58,830.98", "509,220.66", "568,051.63", "",
        "568,051.63", ""),
    "</table>",
])


def test_xian_final_accounts_spending_group_beside_carryover(tmp_path):
    ex = _extract(XIAN_FUND)
    got = {f["line_item"]: f["reported_text"] for f in ex.fact_executions}
    assert got == {"func:229": "568,051.63", "func:22904": "568,051.63", "func:2290402": "568,051.63"}
    parts = _parts(ex)
    assert parts == {("func:229", "project"): "568,051.63", ("func:22904", "project"): "568,051.63",
                     ("func:2290402", "project"): "568,051.63"}  # 年初结转和结余 58,830.98 is not a part
    assert _errors(tmp_path, XIAN_FUND) == []


# 2026年度福州市民政局(本级)单位预算 p.20 一般公共预算基本支出经济分类预算表 (the 301 rows): a bare 预算数 in a
# budget disclosure is the budget as approved (initial), as the 收支总表 reads it.
FUZHOU = "\n".join([
    "2026年度福州市民政局(本级)单位预算", "2026年度一般公共预算基本支出经济分类预算表 单位：万元",
    "| 科目编码 | 科目名称 | 预算数 |",
    "| 301 | 工资福利支出 | 1122.98 |", "| 30101 | 基本工资 | 234.27 |", "| 30102 | 津贴补贴 | 269.45 |",
    "| 30103 | 奖金 | 293.94 |", "| 30106 | 伙食补助费 |  |", "| 30107 | 绩效工资 |  |",
    "| 30108 | 机关事业单位基本养老保险缴费 | 101.94 |", "| 30109 | 职业年金缴费 | 50.97 |",
    "| 30110 | 职工基本医疗保险缴费 | 36.79 |", "| 30111 | 公务员医疗补助缴费 | 29.60 |",
    "| 30112 | 其他社会保障缴费 | 0.85 |", "| 30113 | 住房公积金 | 94.85 |", "| 30114 | 医疗费 |  |",
    "| 30199 | 其他工资福利支出 | 10.32 |",
])


def test_fuzhou_bare_budget_column_is_the_approved_budget(tmp_path):
    ex = _extract(FUZHOU)
    got = {(f["line_item"], f["stage"]): f["reported_text"] for f in ex.fact_budgets}
    assert got[("econ:301", "initial")] == "1122.98" and got[("econ:30113", "initial")] == "94.85"
    assert not any(stage == "adjusted" for _line, stage in got)
    assert _errors(tmp_path, FUZHOU) == []
