"""Rules from session 16's work on the held-out sets (pages read by hand, sources in
docs/real_corpus_sources.md). Each test failed before its rule."""

from __future__ import annotations

import pipeline.extract.identity as ident
from pipeline.extract import extract
from pipeline.readers.text import read_text
from tests.checks_harness import check_text, failures


def _reps(text: str) -> list[tuple[str | None, int | None, str]]:
    return [(r["unit_name"], r["fiscal_year"], r["report_kind"])
            for r in extract(read_text(text.encode("utf-8")), "d").reports]


# T 2123 (和平彝族乡 2023 决算, read by hand): the accounts' outline names the unit only as the
# subject of its 机构设置 paragraph.
def test_a_unit_named_as_the_body_its_budget_units_belong_to() -> None:
    page = ("第一部分单位概况\n一、主要职责\n乡政府基本职能:(1)制定和组织实施本辖区经济、科技和社会发展计划。\n"
            "二、机构设置\n和平彝族乡人民政府下属二级预算单位0个,其中行政单位7个(党政办公室、财政所)。\n"
            "第二部分2023年度单位决算情况说明\n一、收入支出决算总体情况说明\n"
            "2023年度收入总计1102.33万元,支出总计1102.33万元。\n")
    assert ident.self_described(["和平彝族乡人民政府下属二级预算单位0个,其中行政单位7个"]) == "和平彝族乡人民政府"
    assert _reps(page) == [("和平彝族乡人民政府", 2023, "final_accounts")]


# T 2107 (武陵山乡 2023 预算, read by hand): no title and no heading names the unit; a sentence
# in the middle of a paragraph opens with it and its own accounts.
def test_a_body_opening_a_sentence_with_its_own_accounts() -> None:
    page = ("一、部门基本情况\n(一)职能职责\n贯彻执行党的路线方针政策,促进全乡经济社会发展。\n"
            "三、部门预算情况说明\n2023年一般公共预算财政拨款收入1643.29万元,主要用于场镇环境维护等重点工作。"
            " 重庆市涪陵区武陵山乡人民政府(本级)2023年无使用政府性基金预算拨款安排的支出。\n")
    assert ident.opening_unit(page.split("\n")) == "重庆市涪陵区武陵山乡人民政府(本级)"
    # inside a sentence, a name is no opening ('…主要用于X局2023年预算…' names no unit)
    assert ident.opening_unit(["收入1643.29万元,主要用于重庆市某某局2023年预算安排的支出。"]) is None


# R 1906 (闽侯县 2020 决算报告, read by hand): a meeting's papers ('县人大常委会 / 会议 材料') over
# the title; the presenter's body on its own line under it, then the date.
def test_a_meetings_papers_over_a_government_accounts_report() -> None:
    page = ("县人大常委会\n会议 材料\n关于2020年县本级财政决算的报告\n闽侯县财政局\n10月20日\n"
            "主任、各位副主任、各位委员:\n2020年,县财政局全面贯彻党的十九大精神。\n"
            "2020年全县一般公共预算总收入461012万元,增长2.1%。\n")
    assert _reps(page) == [("闽侯县财政局", 2020, "final_accounts")]


# R 1927 (阜蒙县 2021 决算, read by hand): a contents list ('目 录' / '第二部分 2021年度部门决算情况
# 说明' …) printed again as the body's headings; the body's heading has the unit beside it, the
# page metadata names the publisher by a shorter name.
CONTENTS_THEN_BODY = (
    "日期: 2022-10-09 浏览量:248 来源:阜蒙县县域经济发展中心 责任编辑:胡凯\n目 录\n第一部分 部门概况\n"
    "一、 主要职责\n第二部分 2021年度部门决算情况说明\n一、收入支出决算总体情况说明\n第三部分 名词解释\n"
    "第一部分 部门概况\n一、主要职责\n(一)贯彻执行国家和省财税方针政策,拟订财税规划、政策和改革方案并组织实施。\n"
    "阜蒙县县域经济发展与招商服务中心\n第二部分2021年度部门决算情况说明\n一、收入支出决算总体情况说明\n"
    "(一)收入总计12831.7万元,包括:\n")


def test_a_contents_list_is_no_title() -> None:
    assert _reps(CONTENTS_THEN_BODY) == [("阜蒙县县域经济发展与招商服务中心", 2021, "final_accounts")]


# T 2112 (上甘山林场 2025 预算): the excerpt prints part one of the body only; the report's title
# is among the contents' entries and nowhere else, so the entries still title it.
def test_a_contents_entry_titles_a_report_printing_no_other_title() -> None:
    page = ("附件1\n目 录\n第一部分 上高县上甘山林场概况\n一、部门主要职责\n"
            "第二部分 上高县上甘山林场2025年部门预算表\n第三部分 上高县上甘山林场2025年部门预算情况说明\n"
            "第一部分 上高县上甘山林场概况\n一、部门主要职责\n(一)贯彻执行国家有关法律、法规和政策,开展保护自然资源工作。\n")
    assert _reps(page) == [("上高县上甘山林场", 2025, "budget")]


# N 1503 (梧州市民政局 2025 预算, read by hand): '另外,梧州市民政局下属共有 6 个事业单位' names the unit
# as the body its institutions belong to.
def test_a_unit_named_as_the_body_its_institutions_belong_to() -> None:
    assert ident.self_described(["另外,梧州市民政局下属共有 6 个事业单位,事业运行经费总预算安排37337407.64元"]) \
        == "梧州市民政局"
    # an institution's count after another word is no self-description
    assert ident.self_described(["梧州市民政局下达资金共有6项"]) is None


# U 2224 (西藏自治区发展和改革委员会 2020, read by hand): the page metadata's 标题 label, letter-spaced,
# before the title line: no part of the unit opening the line.
def test_a_title_label_before_an_opening_unit() -> None:
    assert ident.opening_unit(["标      题 西藏自治区发展和改革委员会2020年度预算绩效管理考核自评报告"]) \
        == "西藏自治区发展和改革委员会"


# U 2228 (牟定县交通运输局 2020, read by hand): the site's name, then its breadcrumb on a line of its
# own leading to the department's directory, then the title naming the county only.
def test_a_breadcrumb_names_the_department_whose_page_it_is() -> None:
    page = ("牟定县人民政府\n首页 >> 部门信息公开 >> 牟定县交通运输局 >> 正文\n\n"
            "牟定县2020年第一批公路安全生命防护工程绩效自评报告\n\n日期:2021年03月24日   作者:   来源:    点击:[]\n\n"
            "一、绩效目标分解下达情况\n建设里程8公里,下达车购税补助56万元。下达资金56万元,实际完成投资54.6万元。\n")
    assert _reps(page) == [("牟定县交通运输局", 2020, "department")]
    assert ident.breadcrumb_unit(["首页 > 乡(镇)信息公开目录 > 寺下镇 > 财经信息"]) == "寺下镇"


# U 2202 (湖北省红十字会 2019, read by hand): an attachment's name in book-title marks titles the form.
def test_an_attachments_name_in_book_title_marks() -> None:
    assert ident.unit_from_title("附件1:《2019年度湖北省红十字会部门整体绩效自评表》.docx") == "湖北省红十字会"
    # a notice quoted in a title still names its issuer, not the reporter
    assert ident.unit_from_title("【市财政局关于拨付资金的通知】项目自评表") is None


# U 2217 (玉桥街道办事处 2023, read by hand): '设立三个事业编制单位:玉桥街道便民服务中心、…' counts the
# units it lists; 单位: there is no label naming the reporting unit.
def test_a_count_of_units_before_a_list_is_no_label() -> None:
    assert ident.labelled_units(["设立三个事业编制单位:玉桥街道便民服务中心、玉桥街道市民活动中心"]) == []
    assert ident.labelled_units(["单位:玉桥街道便民服务中心"]) == [(3, "玉桥街道便民服务中心")]


# U 2209 (宣汉县红峰镇凤鸣卫生院 2021, read by hand): the unit describing its work (X主要以…为主).
def test_a_unit_describing_what_it_mainly_does() -> None:
    assert ident.self_described(["宣汉县红峰镇凤鸣卫生院主要以国家基本公共卫生服务、基本医疗卫生服务为主全面开展各项工作。"]) \
        == "宣汉县红峰镇凤鸣卫生院"


# U 2219 (临沧市云县正觉庵水库管理局 2023, read by hand): the metadata's index code run onto the title
# once the label is dropped as page chrome.
def test_an_index_code_before_the_title() -> None:
    assert ident.unit_from_title("53092200433501000临沧市云县正觉庵水库管理局2023年度部门决算") == "临沧市云县正觉庵水库管理局"


# U 2205 (天星乡 2016 决算, read by hand): the change names its flow (收入增加23.74万元、增长3%) after a
# sentence stating income then spending: it is the income's (803.84 − 23.74 = 780.1, +3.04 % ≈ 3 %).
def test_a_change_naming_its_flow_is_that_flows() -> None:
    text = ("天星乡2016年决算情况说明\n本部门2016年度收入总计803.84万元,支出总计687.8万元。与2015年决算数相比,"
            "收入增加23.74万元、增长3%,主要原因是乡镇人员增加。\n")
    df, _ = check_text(text)
    assert failures(df).empty
    change = df[df.check_name == "change_matches_figures"]
    assert len(change) == 1 and "803.84" in change.iloc[0]["detail"]
    # planted: a growth the income does not have is still found
    df, _ = check_text(text.replace("增长3%", "增长13%"))
    assert "change_matches_figures" in set(failures(df).check_name)


# U 2205 (巫溪县天星乡人民政府 2016 决算, read by hand): the unit stating what kind of unit it is
# (X属行政单位) under a title naming its township only.
def test_a_unit_stating_its_kind_of_unit() -> None:
    assert ident.self_described(["巫溪县天星乡人民政府属行政单位,履行法律规定的行政职能。"]) == "巫溪县天星乡人民政府"
    assert ident.self_described(["某某县第一中学属于全额拨款事业单位。"]) == "某某县第一中学"


# S 2025 (江西省体育局 2021, read by hand): a document site's flattened cover, the title's last
# character lost, the unit before a date in Chinese numerals; the title names the province only.
def test_a_covers_unit_over_a_date_in_chinese_numerals() -> None:
    cover = "1、江西省省级公共文化专项资金和省级体彩公益金专项转移支付2021年度绩效自评报江西省体育局二O二二年三月序号各设区市名称"
    assert ident.dated_unit([cover]) == "江西省体育局"
    page = ("江西省省级公共文化专项资金和省级体彩公益金专项转移支付2021年度绩效自评报告\n" + cover
            + "全年预算数全年执行数预算执行率\n2021年省级下达资金3000万元,全年执行2950万元,预算执行率98.33%。\n")
    assert [u for u, _, _ in _reps(page)] == ["江西省体育局"]


# S 2021 (巩义市 2023, read by hand): after the lead clause (为加强…,按照…要求,), the area that
# carried out the self-evaluation of its funds.
def test_the_area_that_carried_out_the_self_evaluation() -> None:
    para = ("为加强财政衔接推进乡村振兴补助资金绩效管理,提高财政衔接资金的使用效益,按照《河南省衔接推进乡村振兴补助资金绩效"
            "评价及考核办法》要求,巩义市高度重视,认真组织开展衔接推进乡村振兴补助资金绩效自评工作。")
    assert ident.opening_unit([para]) == "巩义市"
    # a place named in the lead clause's document is not who evaluated
    assert ident.opening_unit(["为加强资金管理,按照《河南省办法》要求,现将有关情况报告如下。"]) is None


# M 1401 (宣城市公安局 2021, read by hand): the title names the bureau, the form prints it as the
# supervising department and one of its own sections (no place of its own) as implementing unit.
def test_a_title_naming_the_supervisor_of_the_implementing_section() -> None:
    page = ("名称: 宣城市公安局禁毒项目绩效支出自评表 文号:\n宣城市公安局禁毒项目绩效支出自评表\n"
            "( 2021年度)\n项目名称 禁毒项目\n主管部门 宣城市公安局 实施单位 禁毒支队\n"
            "项目资金(万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n年度资金总额 120 120 118 10 98.33% 9.8\n")
    assert [u for u, _, _ in _reps(page)] == ["宣城市公安局"]
    # an implementing unit with a place of its own still is the unit (the title names the project's supervisor)
    other = page.replace("实施单位 禁毒支队", "实施单位 宣城市宣州区禁毒委员会办公室")
    assert [u for u, _, _ in _reps(other)] == ["宣城市宣州区禁毒委员会办公室"]


# O 1612 (昌都市卡若区民政局 2022, read by hand): the site's name and '政府信息公开' over a title naming
# its place and year; the form's 项目主管部门 names the unit (委托单位 commissions the evaluation).
def test_a_sites_name_over_a_title_naming_place_and_year() -> None:
    page = ("卡若区人民政府\n\n政府信息公开\n\n昌都市卡若区2022年度社会福利机构运行及人员经费项目绩效评价报告\n\n"
            "发布时间: 2023-05-19   浏览次数:\n\n委托单位:昌都市卡若区财政局\n\n项目主管部门:昌都市卡若区民政局\n\n"
            "一、项目基本情况\n2022年度项目预算资金580万元,实际支出575万元,预算执行率99.14%。\n")
    assert _reps(page) == [("昌都市卡若区民政局", 2022, "project")]


# O 1617 (湖南省应急管理厅 2020, read by hand): '…救灾资金绩效自评情况的报告' titles a fund's self-evaluation.
def test_a_funds_self_evaluation_report_on_its_situation() -> None:
    page = ("湖南省应急管理厅关于2020年中央自然灾害救灾资金绩效自评情况的报告\n\n应急管理部:\n"
            "根据财政部通知要求,我省对2020年度中央自然灾害救灾资金预算执行情况进行了绩效自评。2020年中央下达救灾资金52000万元,"
            "执行51800万元,执行率99.62%。\n")
    assert _reps(page) == [("湖南省应急管理厅", 2020, "special_fund")]


# Q 1811 (保山市隆阳区林业和草原局 2022, read by hand): 发文机构 names the publisher, the body of the
# place the title names. (The heading prints the name with its city in front; sets P, S and U expect
# the name as the page's title or heading gives it, so no place is put in front of it.)
def test_a_publisher_named_in_full_by_the_heading() -> None:
    page = ("隆阳区2022年专项转移支付绩效自评报告(林业生态保护恢复资金)\n- 索引号\n- 01525697-3-/2023-0417003\n"
            "- 发文机构\n- 隆阳区林业和草原局\n- 日期\n- 2023-04-17\n附件4\n保山市隆阳区林业和草原局生态保护恢复专项\n"
            "转移支付2022年度绩效自评报告\n一、绩效目标完成情况分析\n"
            "2022年度上级安排隆阳区林业生态保护恢复资金4871.71万元,实际到位1696.76万元,到位率34.83%。\n")
    assert _reps(page) == [("隆阳区林业和草原局", 2022, "special_fund")]


# P 1711 (2022 部门预算, read by hand): spending broken down by functional class after 其中 — every
# yuan is in one class, so the classes listed are all of it: 299.72 + 68.83 + 29.44 + 27.61 + 0.0 =
# 425.60 against 425.61 is found. T 2107's five classes 1582.63 against 1643.29 likewise.
CLASS_LIST = ("某某县教育局2022年部门预算说明\n(二)支出预算。2022年年初预算数425.61万元,其中:一般公共服务支出预算0.0万元,"
              "教育支出预算299.72万元,社会保障和就业支出预算68.83万元,卫生健康支出预算29.44万元,住房保障支出预算27.61万元。\n")


def test_a_spending_total_broken_down_by_functional_class_is_complete() -> None:
    df, _ = check_text(CLASS_LIST)
    assert set(failures(df).check_name) == {"printed_balance"}
    df, _ = check_text(CLASS_LIST.replace("299.72", "299.73"))
    assert failures(df).empty  # balanced: no finding
    # two classes and a project are not a breakdown by class: a partial list, never "short"
    partial = ("某某县教育局2022年部门预算说明\n(二)支出预算。2022年年初预算数425.61万元,其中:教育支出预算299.72万元,"
               "社会保障和就业支出预算68.83万元,学生资助项目20万元。\n")
    df, _ = check_text(partial)
    assert failures(df).empty


# R 1903 (岳阳楼区残疾人联合会 2019 预算, read by hand): an untitled page in the 部门预算 template's sections
# (一、部门预算单位构成) is a budget, though it sets figures against 年初预算数; its functional classes then
# add up against the spending budget: 365.51 + 6.62 + 13.43 = 385.56, not 385.8.
def test_an_untitled_page_in_the_budget_templates_sections_is_a_budget() -> None:
    page = ("一、部门预算单位构成\n我单位纳入2019年部门预算编制范围的有岳阳楼区残联机关本级。\n"
            "(二)支出预算,2019年年初预算数385.8万元,其中:社会保障和就业支出365.51万元,卫生健康支出6.62万元,"
            "住房保障支出13.43万元。\n(一)基本支出:2019年年初预算数为242.8万元。\n")
    assert [k for _, _, k in _reps(page)] == ["budget"]
    df, _ = check_text(page)
    assert "stated_parts_sum" in set(failures(df).check_name)


# T 2105 (新疆 2020 上半年预算执行, read by hand): a mid-year report's title names the part of the year
# before the level (2020年上半年自治区…); a bare level is no unit, nor a verb before it (带动自治区).
def test_a_mid_year_title_names_no_unit_by_its_level_alone() -> None:
    assert ident.unit_from_title("2020年上半年自治区预算执行情况") is None
    assert ident.unit_from_title("2020年上半年鹿寨县预算执行情况") == "鹿寨县"
    assert ident.finance_subject_area(["规模以上工业企业增加值同比增长6%,带动自治区财政收支运行总体平稳。"]) is None


# P 1728 (余姚市机关事务管理局 2021 预算, read by hand): '收入包括:…政府性基金预算拨款收入1000万元;支出包括:
# 一般公共服务支出5746.19万元、…': the spending classes are no parts of the income figure before them.
def test_a_list_naming_the_other_flow_is_not_the_figures_before() -> None:
    text = ("余姚市机关事务管理局2021年部门预算说明\n2021年收支总预算6927.14万元,收入包括:一般公共预算拨款收入5927.14万元、"
            "政府性基金预算拨款收入1000万元;支出包括:一般公共服务支出5746.19万元、社会保障和就业支出160.97万元、"
            "卫生健康支出19.98万元、城乡社区支出1000万元。\n")
    df, _ = check_text(text)
    assert failures(df).empty


# R 1904 (东莞市 2016 三公, read by hand): a news story; after what the reporter heard (记者从市财政局
# 了解到,) the clause opens with the area and its own accounts.
def test_the_area_a_news_story_reports_the_accounts_of() -> None:
    page = ("东莞时间网讯 昨日,记者从市财政局了解到,东莞市2016年市本级“三公”决算汇总表及情况说明公布,数据显示,"
            "2016年市本级“三公”支出合计为9615.12万元,完成年初预算71.21%,比年初预算减少3887.49万元。\n")
    assert ident.opening_unit([page]) == "东莞市"
    # a place in a clause that does not follow what was heard is none
    assert ident.opening_unit(["数据显示,东莞市2016年市本级“三公”决算汇总表公布。"]) is None
