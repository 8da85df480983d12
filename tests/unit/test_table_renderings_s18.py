"""Issue 12, one engine for every rendering of a table: the real pages' `|` rows re-rendered the
ways other copies print them (one cell per line ending in a bar with a lone bar per empty cell;
rows without outer bars) must give the facts the plain `|` rendering gives. Excerpts are real
(real-dev 104 and 134, figures read by hand)."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.model import Table
from pipeline.readers.text import read_text

# real-dev 134 (淳安县 2020年公共文化活动专项资金 evaluation), its tables as printed: eleven cells a
# row, the merged ones printed empty
CHUNAN_ROWS = [
    ["一、项 目 基 本 概 况"],
    ["项目负责人", "李淼荣", "联系电话", "64810996"],
    ["项目起止时间", "2020年度"],
    ["计划安排资金(万元)", "1088.00", "实际到位资金(万元)", "1020.02"],
    ["实际支出(万元)", "1020.02"],
    ["二、项目支出明细情况"],
    ["支出内容(经济科目)", "计划支出数(万元)", "实际支出数(万元)"],
    ["文化活动经费(文广旅体局)", "166.16", "129.05"],
    ["广电低保工程补助", "80.00", "62.54"],
    ["非物质文化保护经费", "100.00", "98.21"],
    ["合计", "346.16", "289.80"],
]
CHUNAN_HEAD = "淳安县财政支出政策绩效评价报告\n项目单位 淳安县文化和广电旅游体育局\n"
WIDTH = 11


def _barred_lines(rows: list[list[str]]) -> str:
    """One cell per line, a bar after each, a lone bar for every empty cell."""
    return "\n".join(f"{c} |" if c else " |" for r in rows for c in r + [""] * (WIDTH - len(r))) + "\n"


def _pipe_rows(rows: list[list[str]]) -> str:
    return "\n".join("| " + " | ".join(r + [""] * (WIDTH - len(r))) + " |" for r in rows) + "\n"


def _listed(text: str) -> list[tuple[str, Decimal]]:
    ex = extract(read_text(text.encode("utf-8")), "d")
    return sorted((f["label_text"], f["executed_yuan"]) for f in ex.fact_executions if f["line_item"] == "listed")


def test_one_cell_per_line_with_empty_cells_is_cut_into_its_rows() -> None:
    doc = read_text((CHUNAN_HEAD + _barred_lines(CHUNAN_ROWS) + "项目绩效目标及实施计划完成情况\n").encode("utf-8"))
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    rows = [[c.text for c in r] for r in tables[0].rows]
    assert len(rows) == len(CHUNAN_ROWS) and all(len(r) == WIDTH for r in rows)
    assert rows[3][:4] == ["计划安排资金(万元)", "1088.00", "实际到位资金(万元)", "1020.02"]
    assert rows[8][:3] == ["广电低保工程补助", "80.00", "62.54"]


def test_barred_cells_give_the_facts_of_the_pipe_rows() -> None:
    plain = _listed(CHUNAN_HEAD + _pipe_rows(CHUNAN_ROWS))
    assert ("广电低保工程补助", Decimal("625400.00")) in plain
    assert _listed(CHUNAN_HEAD + _barred_lines(CHUNAN_ROWS)) == plain


def test_a_run_whose_rows_open_with_a_figure_is_no_such_table() -> None:
    # cut at any width, some row would open with a figure or an empty cell: left to other layouts
    text = "项目 |\n100 |\n |\n200 |\n |\n300 |\n |\n"
    assert not any(isinstance(b, Table) and len(b.rows) >= 3 and len(b.rows[0]) == 2
                   for b in read_text(text.encode("utf-8")).blocks)


def test_title_row_with_empty_cells_and_no_outer_bars() -> None:
    # real-dev 104: the title printed as a `|` row padded with empty cells, its outer bars dropped
    text = ("2019年普洱市审计局(本级)“三公”经费决算情况说明 |  |  |  |  |  |  |  | \n"
            "2019年普洱市审计局(本级)一般公共预算财政拨款“三公”经费支出决算数为6.20万元,较上年减少4.11万元。\n")
    reps = extract(read_text(text.encode("utf-8")), "d").reports
    assert reps[0]["unit_name"] == "普洱市审计局(本级)"
    assert reps[0]["title"] == "2019年普洱市审计局(本级)“三公”经费决算情况说明"


def test_a_two_sided_table_is_not_cut_at_half_a_row() -> None:
    # set P 1716 (西宁市总寨镇逸夫小学 2016 决算), verbatim: the balance table one cell per line; cut at
    # three cells every row would open with a label too, but its full rows print no padding
    cells = ["金额单位:万元", "收入", "支出", "项目", "行次", "决算数", "项目", "行次", "决算数",
             "一、财政拨款收入", "1", "593", "一、一般公共服务支出", "35", "",
             "其中:政府性基金预算财政拨款", "2", "", "二、外交支出", "36", "",
             "二、上级补助收入", "3", "", "三、国防支出", "37", "",
             "六、其他收入", "7", "87", "七、文化体育与传媒支出", "41", ""]
    text = "\n".join(f"{c} |" if c else "|" for c in cells) + "\n"
    widths = {len(b.rows[0]) for b in read_text(text.encode("utf-8")).blocks if isinstance(b, Table)}
    assert 3 not in widths


def test_rows_alternately_full_and_ending_in_one_empty_cell_are_not_cut_two_at_a_time() -> None:
    # a 三公 table one cell per line whose empty reason cells print as lone bars (found by
    # test_disclosure_renderings' generator): cut at ten cells from 合计 every row would look padded
    rows = [["项目", "2022年预算数", "2023年预算数", "增减额", "增减原因"],
            ["合计", "11109.10", "6715.51", "-4393.59", "压减一般性支出"],
            ["1、因公出国(境)费", "2.06", "2508.12", "2506.06", ""],
            ["2、公务接待费", "9999.98", "6.00", "-9993.98", "压减一般性支出"],
            ["3、公务用车购置及运行维护费", "1107.06", "4201.39", "3094.33", ""],
            ["其中:(1)公务用车购置费", "1102.97", "1.47", "-1101.50", "压减一般性支出"],
            ["其中:(2)公务用车运行维护费", "4.09", "4199.92", "4195.83", ""]]
    text = "单位:万元\n" + "\n".join(f"{c} |" if c else " |" for r in rows for c in r) + "\n"
    widths = {len(b.rows[0]) for b in read_text(text.encode("utf-8")).blocks if isinstance(b, Table)}
    assert 10 not in widths


def test_indicator_rows_whose_empty_reason_cell_was_dropped() -> None:
    # set S 2022 (南华县 野生菌加工车间 project) printed with tab cells: a row's empty trailing cells are
    # not printed, so its last figure is the score, not the deviation reason's
    text = ("项目支出绩效自评表\n(2022年度)\n"
            "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n"
            "产出指标\t数量指标\t冷库仓储建设\t≥1290.3平方米\t1290.3平方米\t10.3\t10.3\t\t\n"
            "时效指标\t任务完成时限(月)\t10\t10\t10.3\t10.3\t\t\t\n"
            "质量指标\t验收合格率\t100%\t100%\t10\t9\t未全部完成\n")
    ex = extract(read_text(text.encode("utf-8")), "d")
    got = {(i["target_text"], i["actual_text"], i["weight"], i["score"]) for i in ex.fact_indicators}
    assert ("10", "10", Decimal("10.3"), Decimal("10.3")) in got
    assert ("≥1290.3平方米", "1290.3平方米", Decimal("10.3"), Decimal("10.3")) in got
    assert ("100%", "100%", Decimal("10"), Decimal("9")) in got  # a printed reason: aligned as before
