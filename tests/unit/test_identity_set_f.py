"""Unit and year rules from held-out set F (issue 12), each on the real snippet it was made for:
news stories on a body's accounts, labels with their values on the next line or letter-spaced,
an opening's lead clause, a government's report line, a site's breadcrumb, a site header that is
no unit, a year's 度 that is no name, evaluation results, a page naming only 今年."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.extract import identity as ident
from pipeline.readers.text import read_text

THREE = "2016年省级“三公”经费支出2.29亿元,比上年减少支出0.88亿元,降幅达到38.7%。公务接待费0.27亿元,决算数为0.27亿元。"


def _reps(text: str) -> list[dict]:
    return extract(read_text(text.encode("utf-8")), "t").reports


def _rep(text: str) -> dict:
    reps = _reps(text)
    assert reps, "no report"
    return reps[0]


def test_a_news_story_of_a_body_disclosing_its_accounts() -> None:  # F 704
    page = "近期,福建省财政厅晒出2016年省级“三公”经费决算支出账单。从公布的数据来看,老百姓比较关心的“三公”经费大幅下降。" + THREE
    assert (_rep(page)["unit_name"], _rep(page)["fiscal_year"]) == ("福建省财政厅", 2016)


def test_a_news_story_source_and_a_site_header_that_is_no_unit() -> None:  # F 715
    page = ("改革网龙江-中国改革报看龙江,龙江改革发展新闻\n中国改革报社主办\n站内搜索:\n"
            "黑龙江上半年民生支出2150.5亿元 占一般公共预算支出比重达86.8%\n"
            "2021-08-08 21:09:15 来源:中国改革报 记者 袁小峰\n"
            "本报讯 记者袁小峰报道 日前,记者从黑龙江省财政厅了解到,今年上半年,黑龙江一般公共预算收入完成664.2亿元,"
            "比上年同期增长25.6%。今年上半年,一般公共预算支出完成2477.2亿元,增长0.4%。全省财政民生支出2150.5亿元,"
            "占一般公共预算支出比重达86.8%。\n")
    r = _rep(page)
    # No year but 今年: the year of the publication date.
    assert (r["unit_name"], r["fiscal_year"]) == ("黑龙江省财政厅", 2021)
    assert ident.clean_unit("中国改革报社主办") is None


def test_a_short_form_from_a_news_story_names_no_place() -> None:  # F 726
    first = "本次专项资金绩效评价,分全实地考察、省最记者从市发改委获悉,日照对专项资金使用和项目执行情况进行独立绩效评价。"
    assert ident.news_unit([first]) is None
    # Printed in full elsewhere on the (shuffled) page: that name; the shuffled '省最记者从' is no place.
    assert ident.news_unit([first, "2016年,省最我市获得96.47分,日照市发改委争取省区域战略推进专项资金1亿元"]) == "日照市发改委"


def test_publisher_label_with_its_value_on_the_next_line() -> None:  # F 705
    assert ident.publishers(["索引号:", "公开主体:", "上海市崇明区长兴镇人民政府", "发文字号:"]) == ["上海市崇明区长兴镇人民政府"]


def test_letter_spaced_publisher_of_a_page_speaking_for_its_county() -> None:  # F 718
    assert ident.publishers(["发布机构: 水 利 局 文号:"]) == ["水利局"]
    page = ("2019年度城区保障性住房配套供水管网改造一期工程项目支出绩效评价报告\n"
            "发布日期: 2020.06.26 索引号: 00062121-0-0404-2011-1013\n发布机构: 水 利 局 文号:\n"
            "为全面贯彻实施预算绩效管理,提升我县财政资源配置效率,现将项目支出预算绩效自评报告汇报如下:\n"
            "2019年下达我县城区保障性住房配套供水管网改造一期工程项目资金153.550567万元。资金到位率100%\n")
    assert (_rep(page)["unit_name"], _rep(page)["fiscal_year"]) == ("水利局", 2019)


def test_a_bare_publisher_of_a_page_not_speaking_for_an_area_is_not_the_unit() -> None:  # real-dev 149
    page = ("2022年度 环球360会员登录单位决算\n发布时间:2023-09-28 17:49 本文来源: 财务部\n"
            "第一部分 单位概况\n本年收入合计120.5万元,本年支出合计118.2万元。\n")
    assert all(r["unit_name"] is None for r in _reps(page))


def test_an_area_opening_its_accounts_after_a_lead_clause() -> None:  # F 709
    page = ("根据国务院、省政府关于推进政府预算信息公开的决策部署和区政府工作安排,衢江区2016年一般公共预算安排“三公”经费"
            "决算数2364万元,比上年决算数下降16.77 %。分项情况是:因公出国(境)经费12万元;公务接待费1356万元。\n")
    assert (_rep(page)["unit_name"], _rep(page)["fiscal_year"]) == ("衢江区", 2016)


def test_the_disclosing_verb_and_a_years_du_are_no_part_of_a_name() -> None:  # F 725
    page = ("按照市政府、区政府关于推进政府信息公开工作部署和要求,现将焦石镇2020年度“三公”经费决算情况公布如下:\n"
            "2020年度“三公”经费41万元,其中:因公出国(境)费0万元,公务接待费20万元。\n"
            "经比较2020年度镇本级“三公”经费41万元,较上年减少19万元,下降43.78% 。\n")
    assert _rep(page)["unit_name"] == "焦石镇"
    assert ident.opening_unit(["经比较2020年度镇本级“三公”经费41万元"]) is None


def test_an_opening_after_a_table_bar() -> None:  # F 736
    assert ident.opening_unit(["   | 牟定县2017年“三公”经费决算情况说明 根据省财政厅…"]) == "牟定县"


def test_a_line_titling_a_governments_report() -> None:  # F 711, E 612
    assert ident.report_title_unit(["——2021年9月27日", "重庆市大足区人民政府关于2020年财政决算的报告"]) == "重庆市大足区人民政府"
    assert ident.report_title_unit(["丰都县人民政府关于2021年决算情况的报告"]) == "丰都县人民政府"
    assert ident.report_title_unit(["市财政局关于做好2024年部门绩效评价工作的通知"]) is None


def test_a_breadcrumb_through_a_directory_of_townships() -> None:  # F 737 (traditional, glossed)
    page = ("您當前所在位置: 首頁 > 鄉(xiāng)(鎮(zhèn))信息公開目錄 > 寺下鎮(zhèn) > 財經(jīng)信息 > 財政預(yù)決算\n"
            "關(guān)于2019年度高其坑通組道路工程績效評價報告\n"
            "一、項目基本情況\n2019年通過統(tǒng)籌整合財政涉農(nóng)資金項目立項,實施高其坑通組道路工程,項目預算19萬元,"
            "實際支出19萬元,資金到位率100%。績效自評得分98分。\n")
    assert (_rep(page)["unit_name"], _rep(page)["fiscal_year"]) == ("寺下镇", 2019)


def test_evaluation_results_report_the_year_evaluated() -> None:  # F 722, E 605
    page = ("文成县财政局关于2024年财政支出绩效评价结果的通报\n发布日期:2024-12-11 15:28:00 来源:文成县财政局\n各有关单位:\n"
            "根据《文成县财政局关于开展2024年财政支出绩效评价的通知》(文财〔2024〕37号)等文件要求,各预算部门(单位)对2023年度"
            "使用财政资金安排的各类项目支出开展了绩效自评,各部门(单位)上报2023年度支出项目绩效自评2630个,涉及金额340915.5112万元。\n")
    assert (_rep(page)["unit_name"], _rep(page)["fiscal_year"]) == ("文成县财政局", 2023)
    # A project's own evaluation report keeps its title's year.
    page = ("2022年度水库维修项目绩效评价报告\n我局对2021年度结转资金进行了绩效自评,项目预算50万元,实际支出48万元,执行率96%。\n")
    assert _rep(page)["fiscal_year"] == 2022


def test_a_body_of_the_titled_area_publishing_its_own_table() -> None:  # F 732
    page = ("岳阳县2017年度部门“三公”经费预算情况表\n来源:岳阳县台创园   2017-04-27 00:00\n浏览量:1 | | | |\n"
            "台创园2017-度部门“三公”经费预算情况表\n    单位:元\n项目 2016-执行数 2017-预算数\n"
            "一、支出合计   250000\n2、公务接待费   150000\n3、公务用车费   100000\n")
    assert _rep(page)["unit_name"] == "岳阳县台创园"
    # The area's own page, published by the area's site: the area.
    assert ident.body_of_area("岳阳县", ["来源:岳阳县人民政府网", "岳阳县2017年…"]) is None
