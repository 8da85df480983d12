"""The same figures printed in other layouts must give the same facts: header wording from
the glossary, permuted columns, 元 instead of 万元, optional columns missing, other text shapes."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from pipeline.extract import extract
from pipeline.readers.text import read_text
from tests.synth import Spec, default_projects, report_text

BASE = Spec(projects=default_projects())

VARIANTS = {
    "as_seeds": {},
    "glossary_headers": {"headers": ("年初预算", "调整后预算数", "实际支出")},
    "glossary_headers_2": {"headers": ("年初批复", "全年预算", "决算数")},
    "permuted_columns": {"column_order": (2, 0, 1)},
    "yuan_not_wan": {"money_unit": "元"},
    "no_score_columns": {"score_columns": False},
    "everything_at_once": {"headers": ("年初预算数", "调整后预算", "执行数"), "column_order": (1, 2, 0),
                           "money_unit": "元", "score_columns": False},
}


def _facts(spec: Spec):
    ex = extract(read_text(report_text(spec).encode()), "variant")
    pid_less = [f for f in ex.fact_budgets if f["origin"] == "table" and f["table_kind"] == "self_eval"]
    budgets = {(f["line_item"], f["stage"]): f["amount_yuan"] for f in pid_less}
    execs = {f["line_item"]: f["executed_yuan"] for f in ex.fact_executions if f["table_kind"] == "self_eval"}
    return budgets, execs, ex


@pytest.mark.parametrize("name", VARIANTS)
def test_variant_gives_same_facts(name):
    budgets, execs, ex = _facts(replace(BASE, **VARIANTS[name]))
    assert budgets[("total", "initial")] == Decimal("5000000.00")
    assert budgets[("total", "adjusted")] == Decimal("6205000.00")
    assert budgets[("fiscal_current", "adjusted")] == Decimal("6005000.00")
    assert budgets[("carryover", "initial")] == Decimal("200000.00")
    assert execs["total"] == Decimal("5893000.00")
    rate = next(f for f in ex.fact_executions if f["line_item"] == "total" and f["table_kind"] == "self_eval")
    assert rate["reported_rate_pct"] == Decimal("94.97")
    unit = VARIANTS[name].get("money_unit", "万元")
    assert {f["reported_unit"] for f in ex.fact_budgets if f["table_kind"] == "self_eval"} == {unit}


def _as_pipes(text: str) -> str:
    """Re-print every tab-cell table as a '|' table, one row per line."""
    out, rows, row = [], [], []
    for line in text.split("\n"):
        if line.startswith("\t"):
            row.append(line[1:])
            continue
        if row:
            rows.append(row)
            row = []
        if line == "" and rows and not out[-1:] == [""]:
            continue
        if rows:
            out.extend("| " + " | ".join(r) + " |" for r in rows)
            rows = []
        out.append(line)
    return "\n".join(out)


def test_pipe_tables_give_same_facts():
    text = _as_pipes(report_text(replace(BASE)))
    assert "| 年度资金总额 |" in text
    ex = extract(read_text(text.encode()), "pipes")
    total = next(f for f in ex.fact_budgets if f["line_item"] == "total" and f["stage"] == "adjusted" and f["origin"] == "table")
    assert total["amount_yuan"] == Decimal("6205000.00")
    assert len(ex.projects) == 4


FLAT = """2022年度中共示例区委组织部部门整体支出绩效自评报告
（合成测试数据 SYNTHETIC）
单位：万元
项目 (按支出性质分类) 年初预算数 全年预算数 决算数
一、基本支出 1438.40 1636.67 1636.67
人员经费 1340.04 1550.67 1550.67
日常公用经费 98.36 86.00 86.00
二、项目支出 2817.22 2067.18 2067.18
本年支出合计 4255.62 3703.85 3703.85
本部门自评得分为95分。
"""


def test_space_flattened_table_gives_facts():
    ex = extract(read_text(FLAT.encode()), "flat")
    b = {(f["line_item"], f["stage"]): f["amount_yuan"] for f in ex.fact_budgets if f["origin"] == "table"}
    assert b[("basic", "initial")] == Decimal("14384000.00")
    assert b[("personnel", "adjusted")] == Decimal("15506700.00")
    assert b[("total", "adjusted")] == Decimal("37038500.00")
    e = {f["line_item"]: f["executed_yuan"] for f in ex.fact_executions if f["origin"] == "table"}
    assert e["project"] == Decimal("20671800.00")


DEPT_TEMPLATE = """2022年度某某县财政局部门整体支出绩效自评报告
（合成测试数据 SYNTHETIC）
部门整体支出绩效自评表
| 年度预算申请（万元） |  | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
|  | 年度资金总额 | 100.00 | 120.00 | 110.00 | 10 | 91.67% | 9.17 |
|  | 按收入性质分 |  |  |  |  |  |  |
|  | 其中：财政拨款 | 90.00 | 110.00 | 100.00 |  |  |  |
|  | 其他资金 | 10.00 | 10.00 | 10.00 |  |  |  |
|  | 按支出性质分 |  |  |  |  |  |  |
|  | 其中：基本支出 | 60.00 | 70.00 | 65.00 |  |  |  |
|  | 项目支出 | 40.00 | 50.00 | 45.00 |  |  |  |
| 年度总体目标 | 完成各项工作 |
评价等级：优秀
"""


def test_department_template_with_sub_headings_and_two_dimensions():
    from tests.checks_harness import check_text, failures

    ex = extract(read_text(DEPT_TEMPLATE.encode()), "dept")
    b = {(f["line_item"], f["stage"]): f["amount_yuan"] for f in ex.fact_budgets}
    assert b[("fiscal", "adjusted")] == Decimal("1100000.00") and b[("project", "initial")] == Decimal("400000.00")
    assert ex.reports[0]["grade_text"] == "优秀"
    df, _ = check_text(DEPT_TEMPLATE)
    sums = df[df["check_name"] == "line_item_sum"]
    assert len(sums) == 6 and failures(df).empty  # fund sources and expense classes each add up


CELL_PER_LINE = """2022年度中共示例区委组织部部门整体支出绩效自评报告
（合成测试数据 SYNTHETIC）
单位：万元
项目
年初预算数
全年预算数
决算数
一、基本支出
1438.40
1636.67
1636.67
人员经费
1340.04
1550.67
1550.67
日常公用经费
98.36
86.00
86.00
二、项目支出
2817.22
2067.18
2067.18
本年支出合计
4255.62
3703.85
3703.85
本部门自评得分为95分。
"""


def test_one_cell_per_line_table_gives_facts():
    doc = read_text(CELL_PER_LINE.encode())
    assert [t.n_rows for t in doc.tables] == [6]
    ex = extract(doc, "cpl")
    b = {(f["line_item"], f["stage"]): f["amount_yuan"] for f in ex.fact_budgets if f["origin"] == "table"}
    assert b[("public_operating", "adjusted")] == Decimal("860000.00")
    assert b[("total", "initial")] == Decimal("42556200.00")
    assert ex.reports[0]["score_total"] == Decimal("95")


SINGLE_STAGE = """2022年度中共示例县委员会宣传部部门决算说明
（合成测试数据 SYNTHETIC）
支出决算表（单位：万元）
项目\t决算数
基本支出\t300.00
人员经费\t200.00
公用经费\t100.00
项目支出\t50.00
支出合计\t350.00
"""


def test_single_stage_expense_table():
    ex = extract(read_text(SINGLE_STAGE.encode()), "single")
    assert ex.reports[0]["report_kind"] == "final_accounts"
    e = {f["line_item"]: (f["executed_yuan"], f["label_text"]) for f in ex.fact_executions}
    assert e["basic"] == (Decimal("3000000.00"), "基本支出")
    assert e["total"][0] == Decimal("3500000.00")
    from tests.checks_harness import check_text, failures

    df, _ = check_text(SINGLE_STAGE)
    assert (df["check_name"] == "line_item_sum").sum() == 2 and failures(df).empty


@pytest.mark.parametrize(
    "title,unit",
    [
        ("2022年度某某县人民政府办公室部门整体支出绩效自评报告", "某某县人民政府办公室"),
        ("广州市天河区教育局2022年度部门整体支出绩效自评报告", "广州市天河区教育局"),
        ("湖南省林业局2021年度部门整体支出绩效自评报告", "湖南省林业局"),
        ("某某市疾病预防控制中心2023年度项目支出绩效自评报告", "某某市疾病预防控制中心"),
        ("中国共产党某某市委员会宣传部2022年度部门整体支出绩效自评报告", "中国共产党某某市委员会宣传部"),
        ("中共某某区委社会工作部2024年度部门决算", "中共某某区委社会工作部"),
        ("某某县第一示范小学2023年度项目支出绩效自评报告", "某某县第一示范小学"),
        ("某某州数据发展中心2024年度项目支出绩效单位自评报告", "某某州数据发展中心"),
        ("某某镇人民政府2024年度绩效自评报告", "某某镇人民政府"),
    ],
)
def test_unit_and_year_from_other_provinces_titles(title, unit):
    ex = extract(read_text((title + "\n我单位整体支出自评得分为92分。\n").encode()), "t")
    r = ex.reports[0]
    assert r["unit_name"] == unit and r["fiscal_year"] == int(title.split("年")[0][-4:])


CARRYOVER_UNDER_FISCAL = """2022年度某某县文化局部门整体支出绩效自评报告
（合成测试数据 SYNTHETIC）
| 项目资金（万元） |  | 年初预算数 | 全年预算数 | 全年执行数 |
|  | 年度资金总额 | 110.00 | 130.00 | 120.00 |
|  | 财政拨款 | 100.00 | 120.00 | 110.00 |
|  | 其中：当年财政拨款 | 90.00 | 110.00 | 100.00 |
|  | 上年结转 | 10.00 | 10.00 | 10.00 |
|  | 其他资金 | 10.00 | 10.00 | 10.00 |
"""


def test_carryover_printed_under_fiscal_is_its_child():
    from tests.checks_harness import check_text, failures

    ex = extract(read_text(CARRYOVER_UNDER_FISCAL.encode()), "co")
    assert {f["line_item"] for f in ex.fact_budgets} == {"total", "fiscal", "fiscal_current", "fiscal_carryover", "other"}
    df, _ = check_text(CARRYOVER_UNDER_FISCAL)
    assert (df["check_name"] == "line_item_sum").sum() == 6 and failures(df).empty
    # …while in the national template (no 财政拨款 row) 上年结转 stays a child of the total.
    base = extract(read_text(report_text(replace(BASE)).encode()), "base")
    assert "carryover" in {f["line_item"] for f in base.fact_budgets}


def _self_eval_as_words(per_row: bool) -> str:
    """The synthetic self-evaluation table re-printed as words separated by spaces: one line
    for the whole table (web pages, copy-paste) or one line per row (PDFs without rulings)."""
    text = report_text(replace(BASE))
    start = text.index("部门整体支出绩效自评表\n") + len("部门整体支出绩效自评表\n")
    end = text.index("附件2")
    rows = [[c[1:] for c in block.split("\n") if c.startswith("\t") and c[1:].strip()]
            for block in text[start:end].split("\n\n")]
    lines = [" ".join(r) for r in rows if r]
    body = "\n".join(lines) if per_row else " ".join(lines)
    return text[:start] + body + "\n" + text[end:]


@pytest.mark.parametrize("per_row", [False, True], ids=["one_line", "line_per_row"])
def test_self_eval_table_printed_as_words_gives_same_facts(per_row):
    text = _self_eval_as_words(per_row)
    assert "年度资金总额 500.00 620.50 589.30 10" in text
    ex = extract(read_text(text.encode()), "words")
    b = {(f["line_item"], f["stage"]): f["amount_yuan"] for f in ex.fact_budgets if f["table_kind"] == "self_eval"}
    assert b[("total", "initial")] == Decimal("5000000.00")
    assert b[("total", "adjusted")] == Decimal("6205000.00")
    assert b[("fiscal_current", "adjusted")] == Decimal("6005000.00")
    assert b[("carryover", "initial")] == Decimal("200000.00")
    e = next(f for f in ex.fact_executions if f["line_item"] == "total" and f["table_kind"] == "self_eval")
    assert (e["executed_yuan"], e["reported_rate_pct"]) == (Decimal("5893000.00"), Decimal("94.97"))
    inds = {i["name"]: i for i in ex.fact_indicators}
    assert set(inds) == {"开展培训次数", "培训合格率", "按期完成率", "干部能力提升", "参训人员满意度"}
    sat = inds["参训人员满意度"]
    assert (sat["level1"], sat["level2"], sat["target_text"], sat["actual_text"]) == (
        "满意度指标", "服务对象满意度指标", "≥90%", "88%")
    assert sat["attained"] is False and sat["deviation_reason"] == "未达到预期"
    assert inds["干部能力提升"]["level2"] == "社会效益指标"
    totals = [s for s in ex.fact_scores if s["component"] == "total" and s["origin"] == "table"
              and s["project_id"] is None]
    assert [t["score"] for t in totals] == [BASE.score]
    assert ex.coverage is not None and ex.coverage >= 0.98


def test_words_without_the_template_stay_paragraphs():
    text = "我部门年初预算数与全年预算数一致，全年执行数 100 万元，执行率 100%，详见附表。" * 3
    doc = read_text(text.encode())
    assert not list(doc.tables)


SICHUAN_2023 = """部门预算项目支出绩效自评表（2023年度）
（合成测试数据 SYNTHETIC）
| 项目名称 | 示例工资性支出 |  |  |  |  |  |  |  |  |
| 主管部门 | 示例县发展和改革局 |  |  |  |  |  |  |  |  |
| 预算执行情况（10分） | 年度预算数（万元） | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因 |  |
|  | 总额 | 238.93 | 251.89 | 251.89 | 100.00% | 10 | 10 |  |  |
|  | 其中：财政资金 | 238.93 | 251.89 | 251.89 | 100.00% | / | / |  |  |
|  | 单位资金 | 0.00 | 0.00 | 0.00 | 0.00% | / | / |  |  |
| 绩效指标（90分） | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析 |
|  | 产出指标 | 数量指标 | 发放覆盖率 | = | 100 | % | 100 | 60 | 60 |  |
|  | 效益指标 | 社会效益指标 | 足额保障率 | ≥ | 95 | % | 90 | 30 | 25 | 个别延迟 |
|  | 合计 |  |  |  |  |  |  | 100 | 95 |  |
"""


def test_comparator_and_unit_in_columns_of_their_own():
    ex = extract(read_text(SICHUAN_2023.encode()), "sc")
    b = {(f["line_item"], f["stage"]): f["amount_yuan"] for f in ex.fact_budgets}
    assert b[("total", "initial")] == Decimal("2389300.00") and b[("fiscal", "adjusted")] == Decimal("2518900.00")
    assert b[("unit_funds", "initial")] == Decimal("0.00")
    e = {f["line_item"]: f for f in ex.fact_executions}
    assert e["total"]["executed_yuan"] == Decimal("2518900.00") and e["total"]["reported_rate_pct"] == Decimal("100.00")
    inds = {i["name"]: i for i in ex.fact_indicators}
    cov = inds["发放覆盖率"]
    assert (cov["target_text"], cov["target_op"], cov["target_value"], cov["target_unit"]) == ("=100%", "=", 100.0, "%")
    assert (cov["actual_text"], cov["attained"]) == ("100%", True)
    guard = inds["足额保障率"]
    assert (guard["target_op"], guard["actual_value"], guard["attained"], guard["deviation_reason"]) == (
        ">=", 90.0, False, "个别延迟")
    assert (guard["weight"], guard["score"]) == (Decimal("30"), Decimal("25"))


def test_cover_with_the_year_set_apart():
    # PDF covers often place the year in its own text run: "X局 / 年度部门决算 / 2024".
    text = "某某区财政局\n年度部门决算\n2024\n一、收入支出决算总体情况\n本年收入合计100万元。\n"
    r = extract(read_text(text.encode()), "cover").reports[0]
    assert (r["report_kind"], r["unit_name"], r["fiscal_year"]) == ("final_accounts", "某某区财政局", 2024)


STAGES_AS_ROWS = """2023年度某某县文化馆项目支出绩效自评报告
（合成测试数据 SYNTHETIC）
项目资金情况（单位：万元）
| 资金情况 | 合计 | 财政拨款 | 其他资金 |
| 年初预算 | 100.00 | 80.00 | 20.00 |
| 调整后预算 | 120.00 | 100.00 | 20.00 |
| 全年执行数 | 110.00 | 95.00 | 15.00 |
| 执行率 | 91.67% | 95.00% | 75.00% |
项目自评得分为92分。
"""


def test_funding_block_with_stages_as_rows_and_sources_as_columns():
    from tests.checks_harness import check_text, failures

    ex = extract(read_text(STAGES_AS_ROWS.encode()), "rows")
    b = {(f["line_item"], f["stage"]): f["amount_yuan"] for f in ex.fact_budgets}
    assert b[("total", "adjusted")] == Decimal("1200000.00") and b[("other", "initial")] == Decimal("200000.00")
    e = {f["line_item"]: (f["executed_yuan"], f["reported_rate_pct"]) for f in ex.fact_executions}
    assert e["fiscal"] == (Decimal("950000.00"), Decimal("95.00"))
    df, _ = check_text(STAGES_AS_ROWS)
    assert failures(df).empty and {"line_item_sum", "execution_rate"} <= set(df["check_name"])
    # The same table with one misprinted rate: the check names that cell.
    df, _ = check_text(STAGES_AS_ROWS.replace("| 95.00% |", "| 59.00% |"))
    bad = failures(df)
    assert list(bad["check_name"]) == ["execution_rate"] and "row=5;col=3" in bad.iloc[0]["source_refs"]


def test_a_compilation_of_several_units_reports_is_split_by_unit():
    text = ("某某县财政局2023年度部门整体支出绩效自评报告\n我局整体支出自评得分为95分。\n"
            "某某县教育局2023年度部门整体支出绩效自评报告\n我局整体支出自评得分为88分。\n")
    reports = extract(read_text(text.encode()), "comp").reports
    assert [(r["unit_name"], r["score_total"]) for r in reports] == [
        ("某某县财政局", Decimal("95")), ("某某县教育局", Decimal("88"))]


def test_a_units_own_part_headings_do_not_split_its_report():
    text = ("某某区财政局2024年度部门决算\n一、收入支出决算总体情况说明\n本年收入合计100万元。\n"
            "第二部分某某区财政局2024年度部门决算表\n第三部分某某区财政局2024年度部门决算\n")
    reports = extract(read_text(text.encode()), "parts").reports
    assert [(r["report_kind"], r["unit_name"]) for r in reports] == [("final_accounts", "某某区财政局")]


DEPT_INLINE = """2023年度某某县统计局部门整体支出绩效自评报告
（合成测试数据 SYNTHETIC）
| 年度预算申请（万元） |  | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
|  | 年度资金总额 | 2835.60 | 3219.32 | 3161.26 | 10 | 98.20% | 9.82 |
|  | 按收入性质分： | 按支出性质分： |
|  | 其中：一般公共预算：3075.04 | 其中：基本支出：2053.93 |
|  | 政府性基金拨款：0.00 | 项目支出：1165.39 |
|  | 其他资金：144.28 |  |
| 年度总体目标 | 完成各项工作 |
"""


def test_department_template_amounts_after_the_label():
    """The national 部门整体支出 template prints 按收入/支出性质分 as "label：amount" cells; the
    stage is the one whose total each column adds up to (here 全年预算数)."""
    from tests.checks_harness import check_text, failures

    ex = extract(read_text(DEPT_INLINE.encode()), "inline")
    b = {(f["line_item"], f["stage"]): f["reported_text"] for f in ex.fact_budgets}
    assert b[("general_public_budget", "adjusted")] == "3075.04" and b[("project", "adjusted")] == "1165.39"
    assert b[("government_fund", "adjusted")] == "0.00" and ("basic", "initial") not in b
    assert ex.coverage == 1.0
    df, _ = check_text(DEPT_INLINE)
    assert failures(df).empty and (df["check_name"] == "line_item_sum").sum() >= 2
    # A column that adds up to no printed stage is not given one.
    ex2 = extract(read_text(DEPT_INLINE.replace("项目支出：1165.39", "项目支出：1100.00").encode()), "x")
    assert not [f for f in ex2.fact_budgets if f["line_item"] in ("basic", "project")]
