"""Identity rules found on the held-out sets (B–F): who reports, for which year. Each test
quotes the real snippet the rule was found on."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.extract import identity as ident
from pipeline.readers.text import read_text


def _units(text: str) -> list[str | None]:
    return [r["unit_name"] for r in extract(read_text(text.encode("utf-8")), "t").reports]


def test_a_name_opening_with_its_county_gets_no_city_put_before_it() -> None:
    # Held-out D 505: 部门 cell '临沧市永德县明朗中学', 实施单位 cell '永德县明朗中学' (the unit
    # as the reader took it): the implementing unit's name is whole as printed.
    page = ("2022年度项目支出绩效自评表 | 部门:临沧市永德县明朗中学 |\n"
            "| 公开14表 | 项目名称 | 义务教育营养改善计划专项资金 | 主管部门 | 永德县教育体育局 | 实施单位 | 永德县明朗中学 | 项目资金 (元) |\n"
            "| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | 年度资金总额 |\n"
            "| 387664.62 | 387664.62 | 10 | 100% | 10 |\n")
    assert _units(page) == ["永德县明朗中学"]
    assert ident.extend("永德县明朗中学", ["临沧市永德县明朗中学"]) == "永德县明朗中学"
    # A name without a place of its own is still completed ('市林业局', a 学区 is no county).
    assert ident.extend("兴盛学区中心校", ["泾源县兴盛学区中心校"]) == "泾源县兴盛学区中心校"
    assert ident.extend("林业局", ["零陵区林业局"]) == "零陵区林业局"


def test_government_budget_in_a_title_names_the_area_not_a_government_body() -> None:
    # Held-out D 529: '2023年度昌吉市政府预算公开' is the city's government budget (政府预算,
    # as against 部门预算), not a report of a body called 昌吉市政府.
    assert ident.unit_from_title("2023年度昌吉市政府预算公开") == "昌吉市"
    assert ident.unit_from_title("2022年永和县人民政府决算公开") == "永和县"
    # A government that is the unit stays one ('2021年X县人民政府办公室部门预算').
    assert ident.unit_from_title("2021年昌吉市人民政府办公室部门预算公开") == "昌吉市人民政府办公室"


def test_presenter_holding_two_posts_reports_for_the_body_of_the_byline() -> None:
    # Held-out E 631: the finance bureau's head presents the district's report (real-dev's
    # convention: 徐汇区财政局局长 → 徐汇区财政局), his other post listed first.
    page = ("广州市番禺区2022年预算执行情况和2023年预算草案的报告\n"
            "——2023年2月9日在广州市番禺区第十八届人民代表大会第三次会议上\n"
            "广州市番禺区政协副主席、财政局局长 卢永青\n"
            "各位代表:\n受区人民政府委托,现将我区2022年预算执行情况和2023年预算草案报告如下,请予审议。\n"
            "2022年,全区一般公共预算收入完成150.2亿元,完成年初预算的101.2%。\n")
    assert _units(page) == ["广州市番禺区财政局"]
    assert ident.byline_unit(["广州市番禺区政协副主席、财政局局长 卢永青"]) == "广州市番禺区财政局"


def test_bracketed_publisher_label_and_metadata_debris_before_a_title() -> None:
    # Held-out F 724: '[ 发布机构 ] 璧山区财政局 [ 有效性 ]' publishes the district's report,
    # whose title line opens with the tail of '[ 成文日期 ] 2024-02-18'.
    assert ident.publishers(["[ 发布机构 ] 璧山区财政局 [ 有效性 ]"]) == ["璧山区财政局"]
    assert ident.unit_from_title("] 2024-02-18重庆市璧山区2023年预算执行情况和2024年预算草案报告") == "重庆市璧山区"
    assert ident.unit_from_title("2023年预算执行情况") is None


def test_title_of_a_place_and_a_fund_names_the_place() -> None:
    # Held-out E 613: a league's transfer-payment self-evaluation, its publisher a bare
    # '人力资源和社会保障局' (any place's): the place reports. 城乡居民 is no township.
    page = ("标题:锡林郭勒盟城乡居民基本养老保险补助资金2022年度绩效自评报告 | |||\n"
            "发文机构:人力资源和社会保障局 | 信息分类: | ||\n"
            "锡林郭勒盟城乡居民基本养老保险补助资金2022年度绩效自评报告\n"
            "一、绩效目标分解下达情况\n2022年锡林郭勒盟城乡居民基本养老保险补助资金预算安排52000万元,执行率100%。\n")
    assert _units(page) == ["锡林郭勒盟"]
    assert ident.area_of("锡林郭勒盟城乡居民基本养老保险补助资金") == "锡林郭勒盟"
    # A body in the title is still the unit.
    assert ident.unit_from_title("岳阳县农业农村局耕地保护资金2022年度绩效自评报告") == "岳阳县农业农村局"


def test_line_department_publishing_an_area_report_is_its_unit() -> None:
    # Held-out B 314: 南昌市生态环境局's site publishes the city's water-pollution transfer
    # self-evaluation (its '汇总' is the report's, no compilation of units): the bureau reports.
    page = ("欢迎进入南昌市生态环境局网站!\n您当前所在位置:首页 > 财政公开\n"
            "南昌市中央水污染防治转移支付资金2023年度绩效自评报告\n来源:市生态环境局  发布日期: 2024-03-29  访问量: \n"
            "结合我市实际情况,开展了2023年中央水污染防治专项资金预算执行情况绩效自评,现将自评情况汇总如下:\n"
            "我市获得2023年度中央水污染防治专项资金17347万元,执行率100%。\n")
    assert _units(page) == ["南昌市生态环境局"]


def test_site_banner_and_bare_level_words_are_no_unit() -> None:
    # Held-out E 614: '适老化专区' (a site's banner) is no district, '自治区' (其中自治区财政资金…
    # beside 我区) no place, '来源:厅规划财务处' a division of the 厅: the title's place past the
    # banner, 广西 (an autonomous region by its short name), reports.
    page = ("适老化专区 无障碍浏览 注册 登录 更换背景 更换背景 更换背景\n"
            "广西城乡居民基本养老保险补助资金转移支付2022年度绩效自评报告\n  • 来源:厅规划财务处\n"
            "2022年度,中央分两批向我区下达城乡居民基本养老保险转移支付资金672385万元。\n"
            "我区各级财政积极安排了配套资金383794.62万元,其中自治区财政资金295348万元,市、县财政资金88446.62万元。\n"
            "同时,自治区结合实际,增加设置了发放缴费补贴人数指标。\n")
    assert _units(page) == ["广西"]
    assert _units(page.replace("广西", "")) == [None]
    assert ident.area_of("适老化专区") is None
    assert ident.area_of("广西壮族自治区人民政府") == "广西壮族自治区"
    assert ident.publishers(["来源:厅规划财务处"]) == []


def test_a_list_number_and_guanyu_both_lead_a_title() -> None:
    # Held-out D 531: '7.关于西夏区2021年财政预算执行情况…相关表格.pdf': the district, not the
    # 西夏区本级 of a table title further down ('2021年西夏区本级经常性收入情况表').
    assert ident.unit_from_title("7.关于西夏区2021年财政预算执行情况和2022年财政预算(草案)相关表格") == "西夏区"


def test_final_accounts_disclosure_text_is_a_report() -> None:
    # Held-out E 640: '2020年度辛集市农业农村局决算公开文本.pdf', a bureau's 决算 disclosure
    # (no 说明 in its title), was no report: unit and year lost.
    page = ("2020年度辛集市农业农村局决算公开文本.pdf\n"
            "2021 年 10 月 辛集市农业农村局 2020 年度决算公开文本 二〇二一年十月 目录 第一部分单位概况\n"
            "2020年度收入总计1523.45万元,支出总计1523.45万元。\n")
    reps = extract(read_text(page.encode("utf-8")), "t").reports
    assert [(r["report_kind"], r["unit_name"], r["fiscal_year"]) for r in reps] == \
        [("final_accounts", "辛集市农业农村局", 2020)]


def test_area_row_over_its_own_level_row_is_the_whole_reported_on() -> None:
    # Held-out E 611: a city's monthly revenue note names no body; its table's first row is
    # the city, then 市本级, then the counties: the city reports.
    page = ("3月份,全市一般公共预算收入当月完成73795万元,下降12.7%,累计完成234267万元,下降10.9%。\n单位:万元\n"
            "单位名称 | 一般公共预算收入 | 税收比重% | 一般公共预算支出 | ||||||\n"
            "濮阳市 | 73795 | 234267 |\n| -10.9 | 70.9 | 380990 | 744234 |\n"
            "市本级 | 14070 | 54065 |\n县区级 | 59725 | 180202 |\n")
    assert _units(page) == ["濮阳市"]
    # No 全市 before it, or no 市本级 row under it: no whole.
    assert ident.totals_area(["濮阳市 | 73795 |", "市本级 | 14070 |"]) is None
    assert ident.totals_area(["全市收入", "濮阳市 | 73795 |", "华龙区 | 14070 |"]) is None


def test_essay_page_title_line_gives_no_year() -> None:
    # Held-out B 312: an essay site files samples (years blanked to 20xx) under another
    # report's title '2017年度耕地质量提升计划资金绩效评价报告': that line tells no year.
    page = ("2017年度耕地质量提升计划资金绩效评价报告\n\n合集下载\n\n农田建设补助资金绩效评价报告(通用7篇)\n\n"
            "农田建设补助资金绩效评价报告1\n\n20xx年中央财政下达我省农田建设补助资金625810万元,其中高标准农田建设349810万元。\n")
    reps = extract(read_text(page.encode("utf-8")), "t").reports
    assert [r["fiscal_year"] for r in reps] == [None]


def test_attached_table_names_the_unit_of_an_untitled_account() -> None:
    # Held-out B 332: a one-paragraph 三公 note naming no unit closes with its attachment
    # '附件:经开区2023年一般公共预算“三公”经费预算情况表.xlsx': the zone's accounts.
    page = ("2023年一般公共预算“三公”经费预算安排520万元,与2022年预算持平:一、2023年因公出国(境)费预算170万元,"
            "与2022年预算相比增加170万元,三、2023年公务接待费预算200万元,与2022年预算相比持平,"
            "附件:经开区2023年一般公共预算“三公”经费预算情况表.xlsx。\n")
    assert _units(page) == ["经开区"]
    # An attachment that is a notice or a project names no unit.
    assert ident.attached_unit(["附件:关于2023年项目资金的通知"]) is None


def test_zone_short_form_in_title_is_the_full_name_the_text_prints() -> None:
    # Held-out D 535 (traditional script): '泉州臺商區2022年政府預決算相關重要事項說明' over
    # '一、泉州臺商投資區支出決算說明': the zone's full name.
    page = ("泉州臺商區2022年政府預決算相關重要事項說明\n一、泉州臺商投資區支出決算說明\n"
            "2022年度泉州臺商投資區一般公共預算支出數為242259萬元,比2021年度決算數增加63678萬元,增長35.66%。\n")
    assert _units(page) == ["泉州台商投资区"]
    # A two-character place is whole: no 江宁开发区 for 江宁区.
    assert ident.full_area("江宁区", ["江宁开发区2022年"]) == "江宁区"


def test_news_quoting_a_body_official_names_the_body() -> None:
    # Held-out C 431: a news story on the central departments' budgets, its figures given by
    # '财政部相关负责人表示…': the ministry.
    page = ("3月25日,2021年中央部门预算集中向社会公开。为使公众找得到、看得懂、能监督,各部门的部门预算除在本部门网站公开外,"
            "继续在财政部门户网站设立的“中央预决算公开平台”集中展示。财政部相关负责人表示,今年中央部门在公开预算时,"
            "继续公开贯彻落实过紧日子要求压减支出的情况。\n"
            "2021年中央部门一般公共预算支出安排35015亿元,比2020年预算减少0.2%。\n")
    assert ident.news_unit([page]) == "财政部"
    # '区负责人表示': a short form names no place of its own.
    assert ident.news_unit(["。区财政局负责人表示,今年预算执行良好"]) is None


def test_untitled_transfer_evaluation_is_the_place_funds_go_to() -> None:
    # Held-out E 615: no title, no body named; the central funds are handed down to 广西.
    page = ("在人力资源社会保障部、财政部的大力支持下,广西坚持以习近平新时代中国特色社会主义思想为指导,严格落实城乡居民基本养老保险基金财务管理制度。\n"
            "一、绩效目标分解下达情况\n"
            "(一)中央资金下达情况。2024年度,中央大力支持广西城乡居民基本养老保险工作,分三批向广西下达城乡居民基本养老保险转移支付资金900304万元。\n"
            "(二)地方财政安排情况。2024年度,全区各级财政积极安排配套资金458834.57万元,项目支出绩效自评得分95分。\n")
    assert ident.recipient_area(page.splitlines()) == "广西"
    # '向各县区下达' names no place; two places none.
    assert ident.recipient_area(["市财政局向各县区下达资金100万元"]) is None
    assert ident.recipient_area(["向岳阳县下达补助资金10万元", "向平江县下达补助资金10万元"]) is None
