"""Rules from the held-out sets O and P (session 13; pages read by hand, sources in
docs/real_corpus_sources.md). Each test failed before its rule."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.readers.text import read_text
from tests.checks_harness import check_text, failures

# O 1617 (湖南省应急管理厅 2020 救灾资金自评): the page lost each document number's closing bracket
# and 号, so "财建〔2020〕218号 5000万元" prints as "财建〔20202185000万元".
GLUED = ("湖南省应急管理厅2020年度中央自然灾害救灾资金绩效自评报告\n"
         "2020年中央下达我省救灾资金76178万元,其中:财建〔20202185000万元、财建〔202026310000万元、"
         "财资环〔20206216031万元,湘财预〔2020143 12000万元。\n")


def test_a_figure_run_into_a_document_number_is_not_read() -> None:
    ex = extract(read_text(GLUED.encode("utf-8")), "d")
    got = {f["reported_text"] for f in ex.fact_budgets}
    assert "76178" in got and "12000" in got
    assert not any(t.startswith("2020") for t in got)
    glued = [u for u in ex.unrecognised if "document number" in u["reason"]]
    assert len(glued) == 3
    # the list's readable part (12000) stays within its whole: no finding
    df, _ = check_text(GLUED)
    assert failures(df).empty


# O 1613 (周至县民政局 2024): a list of works (包括…) printed without figures, then the sum of the
# three homes' figures (29.9938 + 19.9855 + 19.9983 = 69.9776) and further items after semicolons.
SUM_AFTER_WORKS = ("周至县民政局2024年度项目支出绩效自评报告\n"
                   "2024年三所敬老院进行适老化改造提升,其中社会福利院墙裙改造项目支出29.9938万元、广济敬老院墙裙改造项目"
                   "支出19.9855万元、终南敬老院改造提升支出19.9983万元,包括老人餐厅顶部及公寓楼老人房间吊顶,院内人行道硬化,"
                   "总计支出69.9776万元;救助管理站消防系统建设项目10.98万元;2024年重阳节活动13.3万元;护理员大赛2.7万元。\n")


def test_a_bare_sum_after_a_list_of_works_is_no_part_of_the_last_figure() -> None:
    ex = extract(read_text(SUM_AFTER_WORKS.encode("utf-8")), "d")
    rows = ex.fact_budgets + ex.fact_executions
    assert {f["reported_text"] for f in rows} >= {"29.9938", "19.9855", "19.9983", "69.9776", "10.98", "13.3", "2.7"}
    assert not [f["reported_text"] for f in rows if f.get("part_of") == next(
        g["source_ref"] for g in rows if g["reported_text"] == "19.9983")]
    df, _ = check_text(SUM_AFTER_WORKS)
    assert failures(df).empty


# P 1708 (平山县下口镇财政所 2025 收支总表, read by hand): one cell per line, its 序号 column first,
# so each row's number follows the row before it among the cells. It stopped extraction (an index
# error), and its numbers must never be read as amounts.
NUMBERED = "\n".join(
    ["2025年部门预算信息公开目录", "部门预算公开表", "920平山县下口镇财政所 |", "预算年度:2025 |", "单位:万元 | ||",
     "序号 |", "收入 |", "支出 | ||", "项 目 |", "预算数 |", "项 目 |", "预算数 | |", "栏次 |", "1 |", "2 |", "3 |", "4 |",
     "1 |", "一、一般公共预算拨款收入 |", "675.82 |", "一、一般公共服务支出 |", "516.39 |"]
    + [x for k, name in enumerate(["二、外交支出", "三、国防支出", "四、公共安全支出", "五、教育支出",
                                   "六、科学技术支出", "七、文化旅游体育与传媒支出"], start=2)
       for x in (f"{k} |", "|", "|", f"{name} |", "|")]
    + ["8 |", "|", "|", "八、社会保障和就业支出 |", "98.25 |", ""])


def test_row_numbers_printed_among_the_cells_are_never_amounts() -> None:
    ex = extract(read_text(NUMBERED.encode("utf-8")), "d")
    texts = {f["reported_text"] for f in ex.fact_budgets + ex.fact_executions}
    assert not texts & {str(k) for k in range(1, 9)}
    # every cell printed with its bar, each row is its number and four cells: the rows are rebuilt
    # by their numbers and the amounts read (session 17)
    assert {"675.82", "516.39", "98.25"} <= texts


def _units(text: str) -> list[str | None]:
    return [r["unit_name"] for r in extract(read_text(text.encode("utf-8")), "d").reports]


def test_an_outline_heading_or_a_copula_is_no_part_of_a_name() -> None:
    # P 1705: "一、部门职责 邵阳市畜牧技术推广站是邵阳市畜牧水产局的下属…" gave the unit
    # 部门职责邵阳市畜牧技术推广站是邵阳市畜牧水产局
    text = ("目 录 第一部分 邵阳市畜牧技术推广站部门概况 1、部门职责 2、机构设置 第二部分 部门决算表 "
            "第一部分 邵阳市畜牧技术推广站部门概况 一、部门职责 邵阳市畜牧技术推广站是邵阳市畜牧水产局的下属二级全额拨款"
            "事业单位,没有下级分支机构,本单位的主要职能是畜牧技术推广与农产品检测。 二、机构设置及决算单位构成 "
            "(二)决算单位构成。邵阳市畜牧技术推广站2018年部门决算单位只有本级,没有其他决算单位,因此本部门决算仅含本级决算。 "
            "第三部分 2018年度部门决算情况说明 一、收入支出决算总体情况说明 2018年度收、支总计 311.76 万元。\n")
    assert _units(text) == ["邵阳市畜牧技术推广站"]
    # P 1703: "第三部分" printed as 第三部 before the unit's name
    text = ("广水市白泉卫生院2023决算公开\n第三部广水市白泉卫生院2023年度部门决算情况说明\n"
            "一、收入支出决算总体情况说明\n2023年度收入合计4680.58万元。\n")
    assert _units(text) == ["广水市白泉卫生院"]


def test_the_publisher_in_a_metadata_table_names_the_body_of_an_area_titled_report() -> None:
    # O 1601 (枞阳县卫生健康委员会): the page's metadata is a `|` table
    text = ("发布机构: | 枞阳县卫生健康委员会 | 主题分类: | 卫生、体育、医疗 |\n"
            "名称: | 枞阳县2023年度国家基本公共卫生服务项目绩效评价自评报告 | 文号: | 无 |\n"
            "枞阳县2023年度国家基本公共卫生服务项目绩效评价自评报告\n一、项目基本情况\n"
            "2023年下达资金3221.4万元,实际支出3221.4万元。\n")
    assert _units(text) == ["枞阳县卫生健康委员会"]


def test_a_short_publisher_of_the_titles_level_is_that_areas_body() -> None:
    # O 1604: '[ 发布机构 ] 市水利局' over 重庆市2018年度水利发展资金绩效评价结果的说明
    text = ("  • [ 索引号 ] 11500000009276433Y/2019-00751 [ 发文字号 ]\n    [ 主题分类 ] 财政 [ 体裁分类 ] 财政预算、决算\n"
            "    [ 发布机构 ] 市水利局\n    [ 成文日期 ] 2019-12-25 [ 发布日期 ] 2019-12-25\n\n"
            "    重庆市2018年度水利发展资金绩效评价结果的说明\n"
            "2018年中央下达我市水利发展资金12亿元。\n")
    assert _units(text) == ["重庆市水利局"]


def test_a_name_cut_inside_its_bracket_keeps_what_is_before_it() -> None:
    # O 1623: 发布机构: 宁国市财政局(市国资委、市金融监管局) gave 宁国市财政局(市国资委
    text = ("发布机构: 宁国市财政局(市国资委、市金融监管局) 主题分类: 财政、金融、审计\n"
            "宁国市中央对地方转移支付2023年度绩效自评报告(农业保险保费)\n"
            "根据有关通知,我市财政局对政策性农业保险保费补贴转移支付进行了绩效自评。\n2023年下达资金500万元。\n")
    assert _units(text) == ["宁国市财政局"]


# P 1713 (株洲市妇幼保健院, a traditional-script mirror with pinyin glosses, read by hand): the excerpt
# is the table alone,
# 项目 | 行号 | 本期 | 上年同期 | 增加额 | 增长率, amounts in 元. It was no report at all.
HOSPITAL = """發(fā)布時間:2021-01-15瀏覽:10482 次
單位:元 | |||||
項目 | 行號 | 本 期 | 上年同期 | 增加額 | 增長率 |
1、總收入 | 1 | 61625022.26 | 66095039.04 | -4470016.78 | -6.76% |
其中:醫(yī)療收入 | 2 | 43245334.20 | 44398351.66 | -1153017.46 | -2.60% |
財政撥款收入 | 3 | 12954900.00 | 11152900.00 | 1802000.00 | 16.16% |
其他收入 | 4 | 848050.98 | 6370215.00 | -5522164.02 | -86.69% |
2、總支出 | 5 | 65142258.61 | 58480172.81 | 6662085.80 | 11.39% |
其中:醫(yī)療成本 | 6 | 63903735.35 | 57891624.75 | 6012110.60 | 10.39% |
其他支出 | 7 | 1238523.26 | 588548.06 | 649975.20 | 110.44% |
3、收費水平 | 8 | ||||
門診次均醫(yī)藥費用 | 9 | 299.83 | 361.85 | -62.02 | -17.14% |
住院人均醫(yī)藥費用 | 10 | 4999.65 | 4889.57 | 110.08 | 2.25% |
2021-1-15 |
"""


def test_a_title_less_table_of_this_period_against_last_is_an_account() -> None:
    from pipeline.ingest.read import read_document
    from pipeline.settings import Settings

    # as ingestion reads it (the traditional script is simplified with its glosses dropped)
    ex = extract(read_document(HOSPITAL.encode("utf-8"), Settings(), None), "d")
    assert [r["report_kind"] for r in ex.reports] == ["final_accounts"]
    got = {(f["line_item"], f["period"], f.get("label_text")): f["reported_text"] for f in ex.fact_executions}
    # 本期 is this report's period, 上年同期 last year's actual figure (period prior); the rows printed
    # with 其中 under a total, and the unnamed ones after them, are its lines as printed (listed)
    assert got == {
        ("total_income", "current", "总收入"): "61625022.26", ("total_income", "prior", "总收入"): "66095039.04",
        ("listed", "current", "医疗收入"): "43245334.20", ("listed", "prior", "医疗收入"): "44398351.66",
        ("fiscal", "current", "财政拨款收入"): "12954900.00", ("fiscal", "prior", "财政拨款收入"): "11152900.00",
        ("other", "current", "其他收入"): "848050.98", ("other", "prior", "其他收入"): "6370215.00",
        ("total_spending", "current", "总支出"): "65142258.61", ("total_spending", "prior", "总支出"): "58480172.81",
        ("listed", "current", "医疗成本"): "63903735.35", ("listed", "prior", "医疗成本"): "57891624.75",
        ("listed", "current", "其他支出"): "1238523.26", ("listed", "prior", "其他支出"): "588548.06"}
    # 其中 does not say the list is complete (the template's 科教项目收入 is not printed): nothing
    # is summed, so no finding
    df, _ = check_text(HOSPITAL)
    assert failures(df).empty
    # the row numbers (行号) are never amounts, and an unnumbered 其他支出 is no functional class
    assert not any(f["line_item"].startswith("func:") for f in ex.fact_executions)


# O 1619 (裕民县财政局, read by hand): a results page listing ten evaluated projects, one numbered
# paragraph each with its own budget, payment, 支付完成率 and 总得分. The first project's score and
# grade were taken for the report's, the others' dropped.
RESULTS = """裕民县2021年10个重点项目绩效评价报告公开
1、哈拉布拉乡南哈拉布拉村农田道路建设项目,铺建砂石路11公里、修建4个桥涵以及配套设施、新建林间道路450平方米及相关配套实施。2021年下达财政专项扶贫资金197万元,截止到2021年12月31日,实际已支付186.98万元,支付完成率为94.91%。第三方机构最终绩效评价总得分为91.8分,评价等级为优秀。
  2、哈拉布拉乡北哈拉布拉村旅游扶贫交易市场建设项目,新建30平方米管理用房一座,场地硬化3000平方米。2021年度下达财政专项扶贫资金108万元,截至2021年12月31日,实际已支付101.59万元,支付完成率为94.06%。第三方机构最终绩效评价总得分为90.76分,评价等级为优秀。
3、哈拉布拉乡北哈拉布拉村村内干道,巷道路面硬化建设项目,哈拉布拉乡人民政府已修建北哈拉布拉村村组道路5.7公里及相关配套附属设施。2021年下达中央财政衔接推进乡村振兴衔接资金以工代赈资金300万元,截至2021年12月31日,实际已支付289.14万元,支付完成率为96.38%。第三方机构最终绩效评价总得分为90.36分,评价等级为优秀。
"""


def test_each_listed_projects_score_is_that_projects() -> None:
    ex = extract(read_text(RESULTS.encode("utf-8")), "d")
    rep = ex.reports[0]
    assert rep["score_total"] is None and rep["grade_text"] is None
    names = {p["project_id"]: p["project_name"] for p in ex.projects}
    got = sorted((names[f["project_id"]], f["score_text"]) for f in ex.fact_scores)
    assert got == [("哈拉布拉乡北哈拉布拉村旅游扶贫交易市场建设项目", "90.76"),
                   ("哈拉布拉乡北哈拉布拉村村内干道,巷道路面硬化建设项目", "90.36"),
                   ("哈拉布拉乡南哈拉布拉村农田道路建设项目", "91.8")]
    assert sorted(f["rate_text"] for f in ex.fact_executions if f.get("rate_text")) == ["94.06", "94.91", "96.38"]


def test_the_last_sum_of_a_list_in_wan_yuan_printed_with_wan_alone_is_money() -> None:
    # O 1603 (巴彦淖尔市 2023 困难群众救助补助资金, read by hand): "…社会福利院58万元;精神病康复福利院350万元;
    # 救助站86万。" — the list's last sum lost its 元; a count in 万 (600万株) stays no money
    text = ("巴彦淖尔市2023年度困难群众救助补助资金绩效自评报告\n"
            "2023年中央财政下达我市困难群众救助补助资金35331.2万元,其中,儿童福利院50万元;社会福利院58万元;"
            "精神病康复福利院350万元;救助站86万。\n")
    ex = extract(read_text(text.encode("utf-8")), "d")
    assert {f["reported_text"] for f in ex.fact_budgets + ex.fact_executions} >= {"35331.2", "50", "58", "350", "86"}
    text = "巴彦淖尔市2023年度造林补助资金绩效自评报告\n2023年下达造林资金300万元,种植苗木600万株。\n"
    ex = extract(read_text(text.encode("utf-8")), "d")
    assert "600" not in {f["reported_text"] for f in ex.fact_budgets + ex.fact_executions}


def test_an_area_after_its_higher_place_in_brackets() -> None:
    # P 1725 (天津市和平区 2021 财政收支情况, read by hand): the title opens with "(天津市)"
    text = """(天津市)和平区2021年财政收支情况
一、一般公共预算
(一)一般公共预算收入情况
区第十七届人民代表大会第八次会议审议通过的2021年一般公共预算收入为355000万元,经区第十七届人大常委会第四十六次会议批准,2021年一般公共预算收入调整为368000万元,实际收入377841万元,比2020年增加57452万元,增长17.93%,完成调整预算的102.67%。其中:
1.税收收入322551万元,较2020年增长14.58%。由于2020年收入基数较低,2021年经济逐渐复苏,主要税种增幅均出现不同程度回升。其中,增值税收入100103万元,较2020年增长9.40%;企业所得税收入51749万元,较2020年增长32.50%;个人所得税收入16630万元,较2020年增长21.27%。
"""
    assert _units(text) == ["和平区"]


def test_a_party_school_named_short_in_its_title_takes_its_full_name() -> None:
    # P 1718: "县委党校2017年部门决算及编制说明" over "中共开江县委党校是县委的重要部门…"
    text = ("县委党校2017年部门决算及编制说明\n来源:县委党校\n一、基本职能及主要工作\n(一)主要职能\n"
            "中共开江县委党校是县委的重要部门,是培训轮训党的基层党员干部的主渠道。\n"
            "2017年度收入总计325.6万元,支出总计325.6万元。\n")
    assert _units(text) == ["中共开江县委党校"]
