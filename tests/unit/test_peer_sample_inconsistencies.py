"""The inconsistencies read by hand in the GovBudgetChecker samples (issue 13; docs/peer_samples.md),
each planted into a consistent extract of the same 部门决算 and found by its check; the consistent
extract raises none of them. Figures and wording as printed in the Putuo finance bureau's 2024
部门决算 (samples/good: p.6, p.12-13, p.15-18, p.21-23), 普陀区规划和自然资源局 (samples/bad p.16, p.24-25)
and 普陀区委社会工作部 (samples/bad p.15); real DuckDB, the real pipeline, text rendering."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipeline.pipeline_run import check, ingest
from pipeline.settings import Settings

TITLE = "上海市普陀区财政局2024年度部门决算\n第一部分 上海市普陀区财政局概况\n"
TABLES = (
    "收入支出决算总表\n单位：万元\n"
    "| 收入 | | 支出 | |\n"
    "| 项目 | 决算数 | 项目 | 决算数 |\n"
    "| 一、一般公共预算财政拨款收入 | 2,940.05 | 一、一般公共服务支出 | 2,106.66 |\n"
    "| 八、其他收入 | 6.20 | 八、社会保障和就业支出 | 326.71 |\n"
    "| | | 九、卫生健康支出 | 60.99 |\n"
    "| | | 十九、住房保障支出 | 445.69 |\n"
    "| 本年收入合计 | 2,946.25 | 本年支出合计 | 2,940.05 |\n"
    "| 年初结转和结余 | 49.14 | 年末结转和结余 | 55.34 |\n"
    "| 总计 | 2,995.39 | 总计 | 2,995.39 |\n"
    "财政拨款收入支出决算总表\n单位：万元\n"
    "| 收入 | | 支出 | |\n"
    "| 项目 | 决算数 | 项目 | 合计 |\n"
    "| 一、一般公共预算财政拨款 | 2,940.05 | 一、一般公共服务支出 | 2,106.66 |\n"
    "| | | 八、社会保障和就业支出 | 326.71 |\n"
    "| | | 九、卫生健康支出 | 60.99 |\n"
    "| | | 十九、住房保障支出 | 445.69 |\n"
    "| 本年收入合计 | 2,940.05 | 本年支出合计 | 2,940.05 |\n"
    "| 年初财政拨款结转和结余 | 21.63 | 年末财政拨款结转和结余 | 21.63 |\n"
    "| 总计 | 2,961.68 | 总计 | 2,961.68 |\n"
    "一般公共预算财政拨款支出决算表\n单位：万元\n"
    "| 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |\n"
    "| 201 | 一般公共服务支出 | 2,106.66 | 1,503.52 | 603.14 |\n"
    "| 208 | 社会保障和就业支出 | {class_208} | {class_208} | |\n"
    "| 210 | 卫生健康支出 | 60.99 | 60.99 | |\n"
    "| 221 | 住房保障支出 | 445.69 | 445.69 | |\n"
    "| 合计 | | 2,940.05 | 2,336.91 | 603.14 |\n"
    "一般公共预算财政拨款基本支出决算表\n单位：万元\n"
    "| 经济分类科目编码 | 科目名称 | 决算数 | 经济分类科目编码 | 科目名称 | 决算数 |\n"
    "| 301 | 工资福利支出 | 2,082.85 | 302 | 商品和服务支出 | 171.07 |\n"
    "| 30101 | 基本工资 | 262.33 | 30201 | 办公费 | 21.21 |\n"
    "| 30102 | 津贴补贴 | 1,820.52 | 30202 | 印刷费 | 149.86 |\n"
    "| 303 | 对个人和家庭的补助 | 69.41 | 310 | 资本性支出 | 13.58 |\n"
    "| 30302 | 退休费 | 69.41 | 31002 | 办公设备购置 | 13.58 |\n"
    "| 人员经费合计 | 2,152.26 | | 公用经费合计 | 184.65 | |\n"
    "财政拨款“三公”经费支出决算表\n单位：万元\n"
    "| 合计 | | 因公出国（境）费 | | 公务接待费 | |\n"
    "| 预算数 | 决算数 | 预算数 | 决算数 | 预算数 | 决算数 |\n"
    "{sangong_row}"
)
SANGONG_ROW = "| 0.95 | 0.00 | 0.00 | 0.00 | 0.95 | 0.00 |\n"
TEXT = (
    "第三部分 上海市普陀区财政局2024年度部门决算情况说明\n"
    "一、收入支出决算总体情况说明\n"
    "上海市普陀区财政局2024年度收入支出总计{grand}万元。与2023年度相比，收入支出总计减少56.95万元，下降1.87%。\n"
    "三、支出决算情况说明\n"
    "本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%；项目支出603.14万元，占20.51%。\n"
    "四、财政拨款收入支出决算总体情况说明\n"
    "上海市普陀区财政局2024年度财政拨款收入支出总计{fiscal}万元。与2023年度相比，财政拨款收入支出总计减少63.14万元，下降2.09%。\n"
    "五、一般公共预算财政拨款支出决算情况说明\n"
    "一般公共预算财政拨款支出2940.05万元，主要用于以下方面：一般公共服务支出（类）2106.66万元，占{share}%；"
    "社会保障和就业支出（类）326.71万元，占11.11%；卫生健康支出（类）60.99万元，占2.07%；住房保障支出（类）445.69万元，占15.16%。\n"
    "六、一般公共预算财政拨款基本支出决算情况说明\n"
    "一般公共预算财政拨款基本支出2336.91万元。其中：人员经费{personnel}万元，主要包括：基本工资、津贴补贴；"
    "公用经费184.65万元，主要包括：办公费、印刷费、办公设备购置。\n"
    "七、财政拨款“三公”经费支出决算情况说明\n"
    "“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元，完成预算的0%。"
    "2024年度“三公”经费财政拨款支出决算数比2023年度{change}0.15万元。\n"
)
GOOD = {"sangong_row": SANGONG_ROW, "class_208": "326.71", "grand": "2995.39", "fiscal": "2961.68", "share": "71.65",
        "personnel": "2152.26", "change": "减少"}
CHECKS = ["narrative_matches_table", "share_of_total", "empty_table_matches_text", "placeholder_text",
          "class_total_across_tables"]


def _doc(**planted: str) -> str:
    v = {**GOOD, **planted}
    return TITLE + TABLES.format(sangong_row=v["sangong_row"], class_208=v["class_208"]) + TEXT.format(**v)


def _failed(tmp_path: Path, name: str, text: str) -> dict[str, list[str]]:
    raw = tmp_path / name / "raw"
    raw.mkdir(parents=True)
    (raw / "doc.txt").write_text(text, encoding="utf-8")
    settings = Settings(raw_dir=raw, warehouse=tmp_path / name / "wh.duckdb")
    check(settings, ingest(settings), use_gx=False)
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        rows = con.execute("SELECT check_name, detail FROM dq_results WHERE status = 'failed' AND check_name IN ?",
                           [CHECKS]).fetchall()
    finally:
        con.close()
    out: dict[str, list[str]] = {}
    for c, d in rows:
        out.setdefault(c, []).append(d)
    return out


def test_the_consistent_extract_raises_none_of_them(tmp_path):
    assert _failed(tmp_path, "good", _doc()) == {}


@pytest.mark.parametrize(("planted", "check_name", "shown"), [
    # samples/good p.21: 财政拨款收入支出总计0.3万元 against the 财政拨款收入支出决算总表's 总计 2,961.68 (p.13)
    ({"fiscal": "0.3"}, "narrative_matches_table", "2,961.68"),
    # samples/bad (测试问题版本) p.18: 收入支出总计 0 万元 against the 收入支出决算总表's 总计 2,995.39 (p.7)
    ({"grand": "0"}, "narrative_matches_table", "2,995.39"),
    # samples/good p.21: 一般公共服务支出（类）2106.66万元，占71.73% of 2940.05 (71.65 %)
    ({"share": "71.73"}, "share_of_total", "71.73"),
    # 规划和自然资源局 p.24: 人员经费 4896.98 in the text, 人员经费合计 4884.09 in the 基本支出表 (p.16)
    ({"personnel": "2165.15"}, "narrative_matches_table", "2,152.26"),
    # samples/bad (测试问题版本) p.15: the 三公 table printed blank, p.22 stating 年初预算0.95万元
    ({"sangong_row": ""}, "empty_table_matches_text", "0.95"),
    # samples/good p.6/p.12 print class 208 as 326.71, p.8/p.10/p.15 as 326.72 (its 项 add up to 326.72)
    ({"class_208": "326.72"}, "class_total_across_tables", "326.72"),
    # 规划和自然资源局 p.25: 比2023年度减少0.15万元，下降（增长）27.78% — the template's choice not made
    ({"change": "减少0.15万元，下降（增长）27.78%。"}, "placeholder_text", "下降（增长）"),
])
def test_planted(tmp_path, planted, check_name, shown):
    got = _failed(tmp_path, "bad", _doc(**planted))
    assert check_name in got and any(shown in d for d in got[check_name]), got


def test_the_template_instruction_left_under_an_empty_table_is_a_placeholder(tmp_path):
    # 中共上海市普陀区委社会工作部 2024 决算 p.15-16: the template's note to its author printed as is
    note = ("注：本表反映部门本年度政府性基金预算财政拨款收入支出及结转和结余情况。\n"
            "无政府性基金预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明：\n")
    got = _failed(tmp_path, "note", _doc() + note)
    assert any("仍保留该表格式" in d for d in got.get("placeholder_text", [])), got


# 中共上海市普陀区委社会工作部 2024 决算 p.18 (peer rule R004): the rate names the 年初 budget, printed 0
RATE = ("中共上海市普陀区委社会工作部2024年度部门决算\n"
        "一般公共预算财政拨款支出年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元，完成{}预算的95.89%。\n")


def test_a_rate_naming_a_budget_of_zero_is_an_error(tmp_path):
    def rate_failures(name: str, stage: str) -> list[tuple]:
        raw = tmp_path / name / "raw"
        raw.mkdir(parents=True)
        (raw / "doc.txt").write_text(RATE.format(stage), encoding="utf-8")
        settings = Settings(raw_dir=raw, warehouse=tmp_path / name / "wh.duckdb")
        check(settings, ingest(settings), use_gx=False)
        con = duckdb.connect(str(settings.warehouse), read_only=True)
        try:
            return con.execute("SELECT passed, detail FROM dq_results WHERE check_name = 'execution_rate'").fetchall()
        finally:
            con.close()

    # the published wording's rate (of the 全年 budget, 307.82 / 321.02 = 95.89 %) holds
    assert [p for p, _ in rate_failures("full", "全年")] == [True]
    got = rate_failures("initial", "年初")
    assert [p for p, _ in got] == [False] and "0万元" in got[0][1], got


# 中共上海市普陀区委社会工作部 2024 决算 p.17 and p.20: 基本支出 restated in its own section with its parts
BASIC = ("中共上海市普陀区委社会工作部2024年度部门决算\n三、支出决算情况说明\n"
         "本年支出合计307.82万元，其中：基本支出105.58万元，占34.30%；项目支出202.24万元，占65.70%。\n"
         "六、一般公共预算财政拨款基本支出决算情况说明\n"
         "一般公共预算财政拨款基本支出105.58万元。其中：人员经费95.36万元，主要包括：基本工资、津贴补贴；"
         "公用经费{}万元，主要包括：办公费、邮电费。\n")


def test_parts_listed_under_a_restated_whole_are_judged_as_printed(tmp_path):
    def balance(name: str, public: str) -> list[tuple]:
        raw = tmp_path / name / "raw"
        raw.mkdir(parents=True)
        (raw / "doc.txt").write_text(BASIC.format(public), encoding="utf-8")
        settings = Settings(raw_dir=raw, warehouse=tmp_path / name / "wh.duckdb")
        check(settings, ingest(settings), use_gx=False)
        con = duckdb.connect(str(settings.warehouse), read_only=True)
        try:
            return con.execute("SELECT passed FROM dq_results WHERE check_name = 'printed_balance' "
                               "AND subject_key = 'stated_parts_sum' AND expected = 1055800").fetchall()
        finally:
            con.close()

    assert balance("even", "10.22") == [(True,)]  # 95.36 + 10.22 = 105.58
    assert balance("tail", "10.23") == [(False,)]  # 95.36 + 10.23 = 105.59, as printed


# 上海市普陀区规划和自然资源局 2024 决算 p.7: the tables' heading names the city's bureau (peer rule R006)
HEADINGS = ("上海市普陀区规划和自然资源局2024年度部门决算\n"
            "第二部分 {} 2024 年度部门决算表\n"
            "第三部分 上海市普陀区规划和自然资源局 2024 年度部门决算情况说明\n"
            "本年收入合计9746.50万元，其中：财政拨款收入9746.50万元，占100.00%。\n")


@pytest.mark.parametrize(("unit", "passed"), [("上海市普陀区规划和自然资源局", True), ("普陀区规划和自然资源局", True),
                                              ("上海市规划和自然资源局", False)])
def test_a_heading_naming_another_unit(tmp_path, unit, passed):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "doc.txt").write_text(HEADINGS.format(unit), encoding="utf-8")
    settings = Settings(raw_dir=raw, warehouse=tmp_path / "wh.duckdb")
    check(settings, ingest(settings), use_gx=False)
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        got = con.execute("SELECT passed, detail FROM dq_results WHERE check_name = 'unit_name_consistency'").fetchall()
    finally:
        con.close()
    assert [p for p, _ in got] == [passed], got
