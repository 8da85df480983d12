"""Rules from the held-out sets Q and R (session 14; pages read by hand, sources in
docs/real_corpus_sources.md). Each test failed before its rule."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text
from tests.checks_harness import check_text, failures

# Q 1810 (丰泽区财政局 2019 results notice): three projects' scores stated respectively after the
# names listed before the score word, 得分 run into 分别 (得分别为).
RESPECTIVELY_LISTED = (
    "关于2019年度重点项目绩效评价结果的公告\n"
    "我局对2019年禁毒工作专项经费、20座社区公厕改造建设经费、扶持企业科技基金及扶持企业发展专项基金3个项目进行重点评价,"
    "涉及区本级财政资金7300万元。\n"
    "从评价结果看,禁毒工作专项、社区公厕改造建设、扶持企业科技基金及扶持企业发展专项评价得分别为93.4分、91分、81.5分,"
    "社区公厕改造项目绩效评价结果为优秀。\n")

# Q 1814 (开江县 2021 城镇保障性安居工程 self-evaluation): each sub-fund named inline.
RESPECTIVELY_NAMED = (
    "开江县2021年城镇保障性安居工程财政资金绩效自评报告\n"
    "2021年我县城镇保障性安居工程财政资金绩效自评得分分别为:租赁住房保障90分,老旧小区改造93分,城市棚户区改100分。\n")


def _scores(text: str) -> dict[str, Decimal]:
    ex = extract(read_text(text.encode("utf-8")), "d")
    return {f["component"]: f["score"] for f in ex.fact_scores}


def test_scores_stated_respectively_take_the_names_listed_before_them() -> None:
    assert _scores(RESPECTIVELY_LISTED) == {"禁毒工作专项": Decimal("93.4"), "社区公厕改造建设": Decimal("91"),
                                             "扶持企业科技基金及扶持企业发展专项": Decimal("81.5")}
    df, _ = check_text(RESPECTIVELY_LISTED)
    assert failures(df).empty


def test_scores_stated_respectively_with_their_own_names() -> None:
    assert _scores(RESPECTIVELY_NAMED) == {"租赁住房保障": Decimal("90"), "老旧小区改造": Decimal("93"),
                                           "城市棚户区改": Decimal("100")}


def test_respectively_without_as_many_names_reads_no_score() -> None:
    # two names listed, three scores: which is whose is not printed
    text = "项目绩效自评报告\n甲项目、乙项目评价得分分别为90分、80分、70分。\n"
    assert _scores(text) == {}


# Q 1808 (上海市闵行区教育局 2020 “三公”经费决算, read by hand): Shanghai's 三公 table printed one
# cell per line — the items across (合计 | 因公出国(境)费 | 公务用车购置及运行维护费 | 公务接待费, then
# the second header row 小计 | 公务用车购置费 | 公务用车运行维护费 under the vehicle item), a 预算数 and a
# 决算数 column under each, then one row of twelve figures.
SHANGHAI_SANGONG_CELLS = [
    "一般公共预算财政拨款“三公”经费支出决算表", "单位:万元", "一般公共预算财政拨款“三公”经费", "合计", "因公出国", "(境)费",
    "公务用车购置及运行维护费", "公务接待费", "小计", "公务用车", "购置费", "公务用车", "运行维护费",
    *["预算数", "决算数"] * 6,
    "683.51", "358.18", "80.00", "0.00", "415.40", "316.57", "105.00", "104.03", "310.40", "212.55", "188.11", "41.61",
    "注:本表反映部门本年度“三公”经费支出预决算情况。"]
SHANGHAI_TITLE = "上海市闵行区教育局2020年“三公”经费决算公开\n"


def _sangong_table_facts(text: str) -> set[tuple[str, str, str]]:
    ex = extract(read_text(text.encode("utf-8")), "d")
    return {(f["line_item"], f["stage"], f["reported_text"]) for f in ex.fact_budgets if f["table_kind"]} | {
        (f["line_item"], "executed", f["reported_text"]) for f in ex.fact_executions if f["table_kind"]}


SHANGHAI_EXPECTED = {
    ("sangong", "adjusted", "683.51"), ("sangong", "executed", "358.18"),
    ("sangong_abroad", "adjusted", "80.00"), ("sangong_abroad", "executed", "0.00"),
    ("sangong_vehicle", "adjusted", "415.40"), ("sangong_vehicle", "executed", "316.57"),
    ("sangong_vehicle_purchase", "adjusted", "105.00"), ("sangong_vehicle_purchase", "executed", "104.03"),
    ("sangong_vehicle_operation", "adjusted", "310.40"), ("sangong_vehicle_operation", "executed", "212.55"),
    ("sangong_reception", "adjusted", "188.11"), ("sangong_reception", "executed", "41.61")}


def test_items_over_stage_columns_printed_one_cell_per_line() -> None:
    for sep in ("\n\n", "\n", " |\n"):
        text = SHANGHAI_TITLE + sep.join(SHANGHAI_SANGONG_CELLS) + "\n"
        assert _sangong_table_facts(text) == SHANGHAI_EXPECTED, repr(sep)
    # the vehicle item's two lines (104.03 + 212.55 = 316.58) against its printed 316.57: the
    # rounding allows it, the printed figures do not balance
    df, _ = check_text(SHANGHAI_TITLE + "\n\n".join(SHANGHAI_SANGONG_CELLS) + "\n")
    assert set(failures(df)["check_name"]) == {"printed_balance"}


def test_stage_columns_that_do_not_repeat_per_item_are_not_read() -> None:
    # eleven stage headers for six items: which figure is under which item is not printed
    cells = [c for i, c in enumerate(SHANGHAI_SANGONG_CELLS) if i != 14]
    assert _sangong_table_facts(SHANGHAI_TITLE + "\n".join(cells) + "\n") == set()


# R 1901 (邕宁区 2020 budget execution, read by hand): the rate after last year's figure is this
# year's (146845 / 245800 = 59.74 %); it was joined to 上年同期144987 and raised a false
# execution_rate error (144987 / 245800 = 58.99 %).
HALF_YEAR = ("邕宁区2020年上半年预算执行情况的报告\n"
             "2020年1-6月全城区组织财政收入累计完成146845万元,比上年同期144987万元增收1858万元,增长1.28%,"
             "完成年初预算245800万元的59.74%,收入项目完成情况如下:\n")


def test_a_rate_after_last_years_figure_is_this_years() -> None:
    ex = extract(read_text(HALF_YEAR.encode("utf-8")), "d")
    rated = [(f["reported_text"], f["period"]) for f in ex.fact_executions if f["reported_rate_pct"] is not None]
    assert rated == [("146845", "current")]
    df, _ = check_text(HALF_YEAR)
    assert failures(df).empty


# Q 1819 (岳阳县荣湾湖建设开发服务中心 2016, read by hand): Hunan's 部门整体支出绩效自评 income table
# printed across — 机构名称 | 收入合计 | 其中: | 上年结转 | 公共财政拨款 | 政府基金拨款 | 纳入专户管理的非税
# 收入拨款 | 其他收入 — with units as rows, one cell per line and a lone bar between cells (each
# further bar an empty cell); the page printed 年 as a dash (上-结转, -度收入情况).
HUNAN_LONE_BARS = """岳阳县2016年度部门(单位)整体支出绩效评价自评报告
二、部门(单位)收支情况
-度收入情况(万元)
|
机构名称
|
收入合计
|
其中:
|
上-结转
|
公共财政拨款
|
政府基金拨款
|
纳入专户管理的非税收入拨款
|
其他收入
|
局机关及二级机构汇总
|
229.46
|
37.23
|
106.13
|
|
|
86.1
|
1、局机关
|
176.26
|
35.87
|
80.39
|
|
|
60
|
2、二级机构1
|
53.2
|
1.36
|
25.74
|
|
|
26.1
|
"""

# M 1426 (共青团岳阳楼区委员会 2021): the same table, one cell per line ending in ' |', runs of bars
# for the empty cells, one unit only.
HUNAN_ONE_ROW = """共青团岳阳楼区委员会2021年度部门整体支出绩效自评报告
部门(单位)年度收入情况(万元) |
机构名称 |
收入合计 |
其中: |
||||||||||||||
上年结转 |
公共财 政拨款 |
政府基金拨款 |
纳入专户管理的非税收入拨款 |
其他 收入 |
||||||||||||
团区委 |
70.183715 |
0 |
68.683715 |
0 |
0 |
1.5 |
||||||||||
"""


def _executions(text: str) -> set[tuple[str, str, str]]:
    ex = extract(read_text(text.encode("utf-8")), "d")
    return {(f["line_item"], f["label_text"], f["reported_text"]) for f in ex.fact_executions if f["table_kind"]}


def test_units_as_rows_with_lone_bars_between_cells() -> None:
    assert _executions(HUNAN_LONE_BARS) == {
        ("total_income", "收入合计", "229.46"), ("carryover", "上年结转", "37.23"),
        ("general_public_budget", "公共财政拨款", "106.13"), ("other", "其他收入", "86.1"),
        ("listed", "1、局机关 收入合计", "176.26"), ("listed", "1、局机关 上年结转", "35.87"),
        ("listed", "1、局机关 公共财政拨款", "80.39"), ("listed", "1、局机关 其他收入", "60"),
        ("listed", "2、二级机构1 收入合计", "53.2"), ("listed", "2、二级机构1 上年结转", "1.36"),
        ("listed", "2、二级机构1 公共财政拨款", "25.74"), ("listed", "2、二级机构1 其他收入", "26.1")}
    df, _ = check_text(HUNAN_LONE_BARS)
    assert failures(df).empty


def test_a_units_table_with_one_row_is_the_reports_own() -> None:
    got = _executions(HUNAN_ONE_ROW)
    assert ("total_income", "收入合计", "70.183715") in got
    assert ("general_public_budget", "公共财政拨款", "68.683715") in got
    assert ("other", "其他收入", "1.5") in got
    assert not any(item == "listed" for item, _, _ in got)


def test_units_as_rows_without_a_stage_are_not_read() -> None:
    # no 情况 title and a report with no stage of its own: budget or actual is not printed
    text = HUNAN_ONE_ROW.replace("部门(单位)年度收入情况(万元) |", "(万元) |")
    assert _executions(text) == set()


def test_a_dash_for_year_is_read_only_where_the_page_shows_the_sign() -> None:
    from pipeline.extract.prepare import restore_dash_years
    from pipeline.model import Document, Paragraph

    lost = Document(blocks=[Paragraph(1, "岳阳县20 16 -度部门"), Paragraph(2, "上-结转 2016-2017 报告期:2017 -7 - 25")])
    assert restore_dash_years(lost) == 2
    assert [b.text for b in lost.blocks] == ["岳阳县20 16 年度部门", "上年结转 2016-2017 报告期:2017 -7 - 25"]
    kept = Document(blocks=[Paragraph(1, "上-下游 2016-2017")])
    assert restore_dash_years(kept) == 0 and kept.blocks[0].text == "上-下游 2016-2017"


# Q 1817 (岳阳楼区人大办 2016 代表之家, read by hand): Hunan's project form lists its spending
# (二、项目支出明细情况) under 支出内容 | 实际支出数(万元) | 会计凭证号 | 备注, one cell per line with
# blank lines between; the voucher column is text, never figures.
SPENDING_DETAILS = """2016年度区人大代表之家项目支出绩效自评报告

二、项目支出明细情况

支出内容

实际支出数(万元)

会计凭证号

备注

办公费

9.6

印刷费

8.5

接待费

1.5

其他商品服务支出

15.9

拨出经费

11

支出合计

46.5

三、项目绩效自评情况
"""


def test_a_spending_list_with_a_voucher_column() -> None:
    got = _executions(SPENDING_DETAILS)
    assert got == {("listed", "办公费", "9.6"), ("listed", "印刷费", "8.5"), ("listed", "接待费", "1.5"),
                   ("listed", "其他商品服务支出", "15.9"), ("listed", "拨出经费", "11"),
                   ("total_spending", "支出合计", "46.5")}
    df, _ = check_text(SPENDING_DETAILS)
    assert failures(df).empty


# R 1905 (黄平县 2022 budget execution, read by hand): the percentage printed before its change's
# amount (同比增长14.6%,增收4,376万) is that change's: 4376 / (30161 - 4376) = 16.97 %, not 14.6 %;
# the sentence before it (10.85 %, 2,798 on 28,583) agrees.
PCT_FIRST = ("黄平县2022年预算执行情况的报告\n"
             "地方一般公共预算收入完成28,583万元(自然口径),占调整预算105.47%,同比增长10.85%,增收2,798万元,完成排名全州第6位。"
             "地方一般公共预算收入(同口径)完成30,161万元,同比增长14.6%,增收4,376万元。\n")


def test_a_percentage_before_its_changes_amount_is_that_changes() -> None:
    ex = extract(read_text(PCT_FIRST.encode("utf-8")), "d")
    got = {(f["reported_text"], f["pct_text"]) for f in ex.fact_changes}
    assert got == {("2,798", "10.85"), ("4,376", "14.6")}
    df, _ = check_text(PCT_FIRST)
    f = failures(df)
    assert list(f["check_name"]) == ["change_matches_figures"]
    assert "16.97%" in f["detail"].iloc[0]


# Q 1806 (金凤区 2017 水利发展资金, read by hand): the page's metadata printed as rows of labels and
# values without colons (发布机构 金凤区财政局 责任部门 金凤区财政局 关 键 字 …) was taken for the title,
# and the unit became '金凤区财政局责任部门金凤区财政局'.
METADATA_ROWS = """本站已启用无障碍浏览系统,欢迎点击访问!
索 引 号 640106-106/2018-28365 文  号 银金财发〔2018〕55号 生成日期 2018-06-12
发布机构 金凤区财政局 责任部门 金凤区财政局 关 键 字 水利发展资金绩效
公开方式 主动公开 公开时限 长期公开 是否有效 有效

金凤区2017年度中央财政水利发展资金绩效自评报告

2017年中央财政下达我区水利发展资金500万元,实际支出480万元,执行率96%。
"""


def test_rows_of_metadata_labels_without_colons_are_no_title() -> None:
    ex = extract(read_text(METADATA_ROWS.encode("utf-8")), "d")
    # the area reports (the finance body publishing it is no unit of it: test_held_out_s15)
    assert [(r["fiscal_year"], r["unit_name"]) for r in ex.reports] == [(2017, "金凤区")]


# R 1915 (沙坪坝区 2017 财政决算报告, read by hand): a government's balance table prints each side's
# 执行数 (reported during the year) and 决算数 (the final accounts). The final figure is the row's;
# the 执行数 column was read as the executed figure (转移性支出 445406 for the final 445891).
BALANCE_FINAL = """沙坪坝区2017年财政决算(草案)报告
表1:2017 年全区一般公共预算收支决算平衡表 | |||||
单位:万元 | |||||
科目名称 |
执行数 |
决算数 |
科目名称 |
执行数 |
决算数 |
收入总计 |
1381129 |
1381612 |
支出总计 |
1381129 |
1381612 |
一、一般公共预算收入 |
671163 |
671163 |
一、一般公共预算支出 |
935723 |
935721 |
税收收入 |
492771 |
492771 |
二、转移性支出 |
445406 |
445891 |
"""


def test_a_final_column_beside_an_execution_column_is_the_rows_figure() -> None:
    ex = extract(read_text(BALANCE_FINAL.encode("utf-8")), "d")
    table = {f["reported_text"] for f in ex.fact_executions if f.get("table_kind") and f["line_item"] != "listed"}
    assert "445891" in table and "445406" not in table and "935723" not in table
    # the 执行数 figures stay their rows' own, named by their column (test_held_out_amounts)
    early = {f["reported_text"]: f["label_text"] for f in ex.fact_executions if f["line_item"] == "listed"}
    assert early["445406"] == "二、转移性支出 执行数" and early["935723"] == "一、一般公共预算支出 执行数"


def test_a_spanning_header_printed_as_ragged_bar_rows_is_never_guessed() -> None:
    """The same Shanghai table printed as `|` rows: the item row (4 cells), the second header row
    (3), the stage row (12) and the figures (12) carry no spans, so which item each figure is under
    is not printed. It was read as 合计 683.51 | 公务用车购置费 358.18 | 公务用车运行维护费 80.00 | …
    (column_items); now nothing is stored, rather than wrong facts."""
    rows = ["| 合计 | 因公出国(境)费 | 公务用车购置及运行维护费 | 公务接待费 |",
            "| 小计 | 公务用车购置费 | 公务用车运行维护费 |",
            "| " + " | ".join(["预算数", "决算数"] * 6) + " |",
            "| 683.51 | 358.18 | 80.00 | 0.00 | 415.40 | 316.57 | 105.00 | 104.03 | 310.40 | 212.55 | 188.11 | 41.61 |"]
    got = _sangong_table_facts(SHANGHAI_TITLE + "单位:万元\n" + "\n".join(rows) + "\n")
    assert got <= SHANGHAI_EXPECTED
