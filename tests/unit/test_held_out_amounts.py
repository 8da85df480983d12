"""Amount readings from the held-out sets (session 16, issue 12; pages read by hand). Each
test failed before its rule."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text
from tests.checks_harness import check_text, failures

# R 1915 (沙坪坝区 2017 财政决算报告, verbatim excerpt): the government's 收支决算平衡表 printed
# one cell per line with trailing bars, 执行数 | 决算数 on each side. Its own items (税收收入,
# 上解支出, 调入资金…) are no line items of the vocabulary: each is read as printed.
BALANCE = (
    "沙坪坝区人民政府关于沙坪坝区\n2017年财政决算(草案)报告\n"
    "表1:2017 年全区一般公共预算收支决算平衡表 | |||||\n单位:万元 | |||||\n"
    + "".join(f"{c} |\n" for c in [
        "科目名称", "执行数", "决算数", "科目名称", "执行数", "决算数",
        "收入总计", "1381129", "1381612", "支出总计", "1381129", "1381612",
        "一、一般公共预算收入", "671163", "671163", "一、一般公共预算支出", "935723", "935721",
        "税收收入", "492771", "492771", "二、转移性支出", "445406", "445891",
        "非税收入", "178392", "178392", "上解支出", "160983", "164847",
        "二、转移性收入", "709966", "710449", "债务还本支出", "165200", "165200",
        "上级补助", "344106", "344589", "安排预算稳定调金", "640", "640",
        "调入资金", "92000", "92000", "结转下年", "118583", "115204"]))


def test_balance_table_items_are_read_as_printed_in_the_final_column() -> None:
    ex = extract(read_text(BALANCE.encode("utf-8")), "d")
    got = {(f["line_item"], f["label_text"]): f["executed_yuan"] for f in ex.fact_executions
           if f["table_kind"] == "two_sided"}
    wan = Decimal(10000)
    assert got[("listed", "税收收入")] == 492771 * wan
    assert got[("listed", "上解支出")] == 164847 * wan  # 决算数, not the 执行数 160983
    assert got[("listed", "上级补助")] == 344589 * wan
    assert got[("listed", "一、一般公共预算支出")] == 935721 * wan
    assert got[("func:230", "二、转移性支出")] == 445891 * wan
    # the 执行数 column (what was reported during the year) stays each row's own, named by its
    # column: never the line item the final figure is read as
    assert got[("listed", "上解支出 执行数")] == 160983 * wan
    assert got[("listed", "二、转移性支出 执行数")] == 445406 * wan
    assert got[("listed", "收入总计 执行数")] == 1381129 * wan
    assert [v for (item, _label), v in got.items() if item == "func:230"] == [445891 * wan]
    # the carry-forward is one of the balance's own lines, read in both columns
    assert got[("listed", "结转下年")] == 115204 * wan
    assert got[("listed", "结转下年 执行数")] == 118583 * wan
    df, _ = check_text(BALANCE)
    assert failures(df).empty


# M 1420 (彭水自治县 2024 计划生育 transfer self-evaluation, verbatim lines): each fund's figures
# listed one per line under its heading, the money unit printed only in the heading's brackets.
HEADED = (
    "彭水自治县2024年度中央对地方转移支付计划生育服务项目绩效自评\n"
    "计划生育家庭特别扶助制度补助资金(万元)\n"
    "年度预算资金总额: 321.25 \n"
    "其中:中央补助 166.00 \n"
    "市级资金 136.00 \n"
    "本级资金(包括结转结余) 20.25 \n"
    "其中:\n")


def _budgets(text: str) -> dict[str, tuple[str, Decimal]]:
    ex = extract(read_text(text.encode("utf-8")), "d")
    return {f["line_item"]: (f["stage"], f["amount_yuan"]) for f in ex.fact_budgets}


def test_figures_under_a_heading_printing_their_unit_are_in_that_unit() -> None:
    got = _budgets(HEADED)
    assert got["level_central"] == ("allocated", Decimal("1660000.00"))
    assert got["level_municipal"] == ("allocated", Decimal("1360000.00"))
    # 本级资金: the area's own money, of a tier the text does not name (never 'executed')
    assert got["level_local"] == ("allocated", Decimal("202500.00"))
    assert Decimal("3212500.00") in {v for _st, v in got.values()}
    assert not extract(read_text(HEADED.encode("utf-8")), "d").fact_executions
    df, _ = check_text(HEADED)
    assert failures(df).empty


def test_one_label_with_a_figure_after_a_bracketed_unit_stays_a_cell() -> None:
    # one line is a table cell run on (地方财政资金(万元) 3), not a listed block
    text = "某县2024年项目绩效自评报告\n地方财政资金(万元) 3\n其他说明\n"
    assert not _budgets(text)


def test_figures_under_a_unit_heading_stop_at_a_line_of_other_words() -> None:
    text = HEADED.replace("其中:中央补助 166.00 \n", "说明:以下为测算\n其中:中央补助 166.00 \n")
    got = _budgets(text)
    assert "level_central" not in got and "level_municipal" not in got


# R 1916 (海南省华侨商业学校 2022 决算批复公开资料, verbatim): the 财决公开01表 read by OCR onto one
# line after the cover sheet's fields, each side word printed once per column it spans, the
# ordinals' marks lost (一一般公共预算财政拨款收入 1 4,627.57).
OCR_LINE = (
    "海南省华侨商业学校2022年决算批复公开资料\n"
    "(注:以下内容为附件图片识别,个别文字可能不准确,请以附件为准)\n"
    "部门: (略) 华侨商业学校 金额单位:万元 单位名称 (略) 华侨商业学校 财决公开01表 部门: (略) 华侨商业学校 金额单位:万元 "
    "收入 收入 收入 支出 支出 支出 项目 行次 金额 项目 行次 金额 栏次 1 栏次 2 一一般公共预算财政拨款收入 1 4,627.57 "
    "一一般公共服务支出 32 0.00 二政府性基金预算财政拨款收入 2 0.00 二外交支出 33 0.00 三国有资本经营预算财政拨款收入 3 "
    "0.00 三国防支出 34 0.00 四上级补助收入 4 0.00 四公共安全支出 35 0.00 五事业收入 5 80.78 五教育支出 36 4,146.04 "
    "六经营收入 6 0.00 六科学技术支出 37 0.00 七附属单位上缴收入 7 0.00 七文化旅游体育与传媒支出 38 0.00 八其他收入 8 33.19 "
    "八社会保障和就业支出 39 341.76 9 九卫生健康支出 40 89.57 10 \n")


def test_a_row_numbered_balance_table_read_by_ocr_onto_one_line() -> None:
    ex = extract(read_text(OCR_LINE.encode("utf-8")), "d")
    assert [(r["report_kind"], r["fiscal_year"]) for r in ex.reports] == [("final_accounts", 2022)]
    got = {f["line_item"]: f["executed_yuan"] for f in ex.fact_executions if f["origin"] == "table"}
    assert got["general_public_budget"] == Decimal("46275700.00")
    assert got["unit_funds"] == Decimal("807800.00")
    assert got["other"] == Decimal("331900.00")
    assert got["func:205"] == Decimal("41460400.00")  # 五教育支出: the fifth class, 教育
    assert got["func:208"] == Decimal("3417600.00")
    assert got["func:210"] == Decimal("895700.00")


def test_a_label_opening_with_its_places_numeral_once_keeps_its_words() -> None:
    from pipeline.extract.row_numbers import _restore_ordinals
    from pipeline.model import Cell

    rows = [[Cell(t, i, 1)] for i, t in enumerate(["一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "事业收入"])]
    _restore_ordinals(rows, [1, 2, 3], 0)
    assert [r[0].text for r in rows] == ["一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "事业收入"]
    rows = [[Cell(t, i, 1)] for i, t in enumerate(["一一般公共服务支出", "二外交支出", "三国防支出"])]
    _restore_ordinals(rows, [32, 33, 34], 0)
    assert [r[0].text for r in rows] == ["一\u3001一般公共服务支出", "二\u3001外交支出", "三\u3001国防支出"]


# Q 1818 (南湖新区民政局 2016 优抚 self-evaluation, verbatim): the Hunan form's 项目支出明细情况 printed
# one cell per line apart by blank lines, empty 备注 cells dropped, a voucher cell over two lines.
SPENDING_CELLS = "\n\n".join([
    "岳阳市南湖新区财政支出项目绩效评价自评报告", "二、项目支出明细情况", "支出内容", "实际支出数", "会计凭证号", "备注",
    "上半年重点优抚对象补助", "67", "1月31日33号凭证2月29日12号凭证7月31日18号凭证", "优抚解三难", "9.1",
    "1月34、41号5月17、32号凭证6月39、43号7月15号、8月7、23号", "11月4、46号、12月75号凭证", "春节下拨优抚资金及慰问", "35.5",
    "1月25、27、28、29、31、41号、2月1号、9月27号凭证", "其他优抚支出", "62",
    "1月16号、7月17、20、21、22、23、24、25、26、27号、8月8、9号", "10月17号、11月10号凭证", "60岁老兵补助", "6",
    "1月49号、7月16号", "支出合计", "179.6", "三、项目绩效自评情况", "项目绩效定性目标及实施计划完成情况"]) + "\n"


def test_a_spending_list_with_text_cells_printed_one_per_line() -> None:
    ex = extract(read_text(SPENDING_CELLS.encode("utf-8")), "d")
    got = {f["label_text"]: f["executed_yuan"] for f in ex.fact_executions if f["line_item"] == "listed"}
    # each row's label is its own (a voucher cell is no wrapped sentence of the next row's label)
    assert got == {"上半年重点优抚对象补助": Decimal("670000.00"), "优抚解三难": Decimal("91000.00"),
                   "春节下拨优抚资金及慰问": Decimal("355000.00"), "其他优抚支出": Decimal("620000.00"),
                   "60岁老兵补助": Decimal("60000.00")}
    df, _ = check_text(SPENDING_CELLS)
    assert failures(df).empty  # 67 + 9.1 + 35.5 + 62 + 6 = 179.6


def test_text_cells_between_rows_need_a_row_after_them() -> None:
    # two text cells and no figure after them: the list has ended (nothing after it is its row)
    text = SPENDING_CELLS.replace("支出合计\n\n179.6", "说明文字\n\n更多说明")
    ex = extract(read_text(text.encode("utf-8")), "d")
    assert "说明文字" not in {f["label_text"] for f in ex.fact_executions}
