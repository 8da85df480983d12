"""收入支出决算总表 printing each row's number (项目 | 行次 | 金额 | 项目 | 行次 | 金额) as `|` rows whose
empty cells the page dropped: the row numbers say which side each cell is on, and the table is
read as the two-sided grid 收入 | 金额 | 支出 | 金额. Real snippets from held-out sets H 908
(永善县红十字会 2021, 元, the excerpt cut before the totals) and J 1108 (济宁市第二人民医院 2017,
traditional-script conversion, 万元)."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text

H908 = """永善县红十字会2021年度部门决算
收入支出决算总表 | |||||
公开01表 | |||||
部门:昭通市永善县红十字会 | 金额单位:元 | ||||
收入 | 支出 | ||||
项目 | 行次 | 金额 | 项目(按功能分类) | 行次 | 金额 |
栏次 | 1 | 栏次 | 2 | ||
一、一般公共预算财政拨款收入 | 1 | 1,640,204.92 | 一、一般公共服务支出 | 31 | |
二、政府性基金预算财政拨款收入 | 2 | 二、外交支出 | 32 | ||
三、国有资本经营预算财政拨款收入 | 3 | 三、国防支出 | 33 | ||
四、上级补助收入 | 4 | 四、公共安全支出 | 34 | ||
五、事业收入 | 5 | 五、教育支出 | 35 | ||
六、经营收入 | 6 | 六、科学技术支出 | 36 | ||
七、附属单位上缴收入 | 7 | 七、文化旅游体育与传媒支出 | 37 | ||
八、其他收入 | 8 | 1,785.97 | 八、社会保障和就业支出 | 38 | 1,785,839.16 |
9 | 九、卫生健康支出 | 39 | 49,345.48 | ||
10 | 十、节能环保支出 | 40 | |||
"""
J1108 = """濟寧市第二人民醫院2017年度部門決算
1.《收入支出決算總表》
單位名稱:濟寧市第二人民醫院 單位:萬元
收入 | 支出 | ||||
項目 | 行次 | 金額 | 項目 | 行次 | 金額 |
欄次 | 1 | 欄次 | 2 | ||
一、財政撥款收入 | 1 | 625.58 | 一、一般公共服務支出 | 28 | |
二、上級補助收入 | 2 | 二、外交支出 | 29 | ||
三、事業收入 | 3 | 34221.23 | 三、國防支出 | 30 | |
四、經營收入 | 4 | 四、公共安全支出 | 31 | ||
五、附屬單位上繳收入 | 5 | 五、教育支出 | 32 | ||
六、其他收入 | 6 | 六、科學技術支出 | 33 | ||
7 | 七、文化體育與傳媒支出 | 34 | |||
8 | 八、社會保障和就業支出 | 35 | |||
9 | 九、醫療衛生與計劃生育支出 | 36 | 36341.62 | ||
10 | 十、節能環保支出 | 37 | |||
11 | 十一、城鄉社區支出 | 38 | |||
12 | 十二、農林水支出 | 39 | |||
13 | 十三、交通運輸支出 | 40 | |||
14 | 十四、資源勘探信息等支出 | 41 | |||
15 | 十五、商業服務業等支出 | 42 | |||
16 | 十六、金融支出 | 43 | |||
17 | 十七、援助其他地區支出 | 44 | |||
18 | 十八、國土海洋氣象等支出 | 45 | |||
19 | 十九、住房保障支出 | 46 | |||
20 | 二十、糧油物資儲備支出 | 47 | |||
21 | 二十一、其他支出 | 48 | |||
22 | 49 | ||||
本年收入合計 | 23 | 34846.81 | 本年支出合計 | 50 | 36341.62 |
用事業基金彌補收支差額 | 24 | 1604.54 | 結余分配 | 51 | |
年初結轉和結余 | 25 | 364.65 | 年末結轉和結余 | 52 | 474.38 |
26 | 364.65 | 53 | |||
"""


def _spent(text: str) -> dict[str, Decimal]:
    ex = extract(read_text(text.encode("utf-8")), "d")
    return {f["line_item"]: f["executed_yuan"] for f in ex.fact_executions if f["origin"] == "table"}


def test_an_excerpt_cut_before_its_totals_gives_its_named_rows() -> None:
    got = _spent(H908)
    assert got["general_public_budget"] == Decimal("1640204.92")
    assert got["other"] == Decimal("1785.97")


def test_both_sides_are_read_by_their_row_numbers() -> None:
    got = _spent(J1108)
    assert {k: got.get(k) for k in ("fiscal", "unit_funds", "total_income", "surplus_use", "carryover",
                                    "total_spending", "carryover_end")} == {
        "fiscal": Decimal("6255800.00"), "unit_funds": Decimal("342212300.00"),
        "total_income": Decimal("348468100.00"), "surplus_use": Decimal("16045400.00"),
        "carryover": Decimal("3646500.00"), "total_spending": Decimal("363416200.00"),
        "carryover_end": Decimal("4743800.00")}


def test_tab_cells_give_the_same_facts_and_keep_the_unit_line() -> None:
    # tab cells make one grid from the title line on: the rows before the side line (金额单位:元)
    # stay, so the amounts keep their unit
    from pipeline.rerender import rerender

    assert _spent(rerender(H908, "tabs")) == _spent(H908)
    assert _spent(rerender(J1108, "tabs")) == _spent(J1108)


def test_every_rendering_of_the_table_gives_the_same_facts() -> None:
    # one cell per line (with or without a bar), empty cells as runs of blank lines, each row
    # flattened onto a line of its own: no line says where a row ends, the row numbers do
    from pipeline.rerender import RENDERINGS, rerender

    for doc in (H908, J1108):
        want = _spent(doc)
        for n in RENDERINGS:
            assert _spent(rerender(doc, n)) == want, n


def test_an_amount_is_not_taken_for_the_next_row_number_only_when_it_is_one() -> None:
    from pipeline.extract.row_numbers import stream_rows

    cells = ["收入", "支出", "项目", "行次", "金额", "项目", "行次", "金额",
             "一、财政拨款收入", "1", "7", "一、一般公共服务支出", "28",
             "2", "二、外交支出", "29", "12",
             "3", "三、国防支出", "30", "7",
             "本年收入合计", "4", "15.5", "本年支出合计", "31", "19"]
    rows, used = stream_rows(cells)
    # 2 after the right side's 28 is the left side's next number, not an amount; 12 and 7 are amounts
    assert rows[2:] == [["一、财政拨款收入", "1", "7", "一、一般公共服务支出", "28", ""],
                        ["", "2", "", "二、外交支出", "29", "12"],
                        ["", "3", "", "三、国防支出", "30", "7"],
                        ["本年收入合计", "4", "15.5", "本年支出合计", "31", "19"]]
    assert used == len(cells)
    # cells that are no such table
    assert stream_rows(["收入", "支出", "项目", "金额", "项目", "金额", *cells[8:]]) is None


def test_the_spending_side_names_its_classes_by_the_functional_classification() -> None:
    # the spending side lists functional classes by name (八、社会保障和就业支出): each is its class,
    # in an excerpt cut before the totals too (held-out N 1519, 南漳县招商服务中心 2019: 一、一般公共
    # 服务支出 423.20万元, printed one cell per line, was left unread)
    got = _spent(H908)
    assert got["func:208"] == Decimal("1785839.16")
    assert got["func:210"] == Decimal("49345.48")
    assert "func:201" not in got  # printed empty
    got = _spent(J1108)
    assert got["func:210"] == Decimal("363416200.00")
    # the income side keeps its own rows
    assert got["fiscal"] == Decimal("6255800.00")



# Held-out P 1716 (西宁市总寨镇逸夫小学 2016, read by hand): one cell per line with a bar after each,
# amount columns headed 决算数, and a side's empty label printed as '| |' (a bar before it too).
P1716 = "\n".join([
    "收入支出决算总表 |", "| |", "|", "公开01表 |", "部门:西宁市总寨镇逸夫小学 |", "|", "金额单位:万元 |",
    "收入 |", "支出 |", "项目 |", "行次 |", "决算数 |", "项目 |", "行次 |", "决算数 |",
    "一、财政拨款收入 |", "1 |", "593 |", "一、一般公共服务支出 |", "35 |", "|",
    "其中:政府性基金预算财政拨款 |", "2 |", "|", "二、外交支出 |", "36 |", "|",
    "二、上级补助收入 |", "3 |", "|", "三、国防支出 |", "37 |", "|",
    "三、事业收入 |", "4 |", "|", "四、公共安全支出 |", "38 |", "|",
    "四、经营收入 |", "5 |", "|", "五、教育支出 |", "39 |", "550 |",
    "五、附属单位上缴收入 |", "6 |", "|", "六、科学技术支出 |", "40 |", "|",
    "六、其他收入 |", "7 |", "87 |", "七、文化体育与传媒支出 |", "41 |", "|",
    "| |", "8 |", "|", "八、社会保障和就业支出 |", "42 |", "58 |",
    "| |", "9 |", "|", "九、医疗卫生与计划生育支出 |", "43 |", "45 |",
    "| |", "10 |", "|", "十、节能环保支出 |", "44 |", "|", ""])


def test_amounts_headed_as_final_accounts_and_empty_labels_with_two_bars_are_read() -> None:
    got = _spent("西宁市总寨镇逸夫小学2016年度部门决算\n" + P1716)
    assert {k: v for k, v in got.items() if v} == {
        "fiscal": Decimal("5930000.00"), "other": Decimal("870000.00"), "func:205": Decimal("5500000.00"),
        "func:208": Decimal("580000.00"), "func:210": Decimal("450000.00")}
