"""Identity rules found on held-out sets G and H: who reports, for which year, and whether a
text is a report. Each test quotes the real snippet the rule was made for."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.extract import identity as ident
from pipeline.readers.text import read_text


def _reps(text: str) -> list[dict]:
    return extract(read_text(text.encode("utf-8")), "t").reports


def _units(text: str) -> list[str | None]:
    return [r["unit_name"] for r in _reps(text)]


def test_cppcc_office_is_a_name_not_a_site_header() -> None:  # G 805
    # '政协办' (the CPPCC's office) is no site header's '协办' (co-organiser).
    assert ident.attached_unit(["附件:肥西县政协办2018年部门“三公”经费支出预算表"]) == "肥西县政协办"
    assert ident.clean_unit("中国改革报社协办") is None


def test_entrusted_is_no_committee() -> None:  # G 801
    # '普陀体育中心与委托运营方结算费用' (a project's name): 委托 ends no name.
    assert ident.org_in("普陀体育中心与委托运营方结算费用") == "普陀体育中心"


def test_a_news_story_of_a_body_announcing_the_half_year() -> None:  # G 817
    page = ("2024年上半年財政收支情況發佈\n(原標題:2024年上半年財政收支情況發佈)\n財政部今天(22日)發佈上半年財政收支情況。\n"
            "數據顯示,上半年,全國一般公共預算收入115913億元,同比下降2.8%。\n"
                "分稅收和非稅收入看,上半年,全國稅收收入94080億元,同比下降5.6%;非稅收入21833億元,同比增長11.7%。\n"
            "上半年,全國一般公共預算支出136571億元,同比增長2%。\n")
    assert ident.news_unit(["财政部今天(22日)发布上半年财政收支情况。"]) == "财政部"
    assert _units(page) == ["财政部"]


def test_the_place_receiving_a_notice_handing_funds_down() -> None:  # G 825
    page = ("1.资金下达情况。2012年6月14日,广西收到《财政部关于下达2022年服务业发展资金预算的通知》(财建〔2022〕153号),"
            "下达中央服务业发展资金(县域商业建设行动)14680万元。")
    assert ident.recipient_area([page]) == "广西"


def test_a_list_number_is_no_part_of_a_name() -> None:  # G 802
    assert ident.clean_unit("(一)金寨县麻埠镇人民政府") == "金寨县麻埠镇人民政府"
    assert ident.opening_unit(["(一)金寨县麻埠镇人民政府2023年度下达上级资金转移支付755.19万元。"]) == "金寨县麻埠镇人民政府"


def test_letter_spaced_title_label_and_site_banner_line() -> None:  # G 815, G 840
    page = ("标      题 西藏自治区文物局中央转移支付2020年度绩效自评报告\n"
            "索引号 000014349/2021-00003 文      号\n发布机构 自治区政府办公厅 发布日期 2021-03-15 17:55:56\n\n"
            "根据要求,我局认真梳理了2020年度中央对地方转移支付项目。2020年下达资金12774.00万元,执行率100%。\n")
    assert _units(page) == ["西藏自治区文物局"]
    page = ("信息正文\n\n景东彝族自治县大街镇2018年度部门决算公开说明\n\n发布时间:2019-09-02 22:27:57 来源:未知 点击: 收藏\n"
            "2018年度收入总计120.5万元,支出总计120.5万元。\n")
    assert _units(page) == ["景东彝族自治县大街镇"]


def test_a_group_company_reports_its_own_level() -> None:  # G 839
    # real-dev's convention keeps 本级 as printed (普洱市审计局(本级)).
    assert ident.unit_from_title("云南日报报业集团(本级)2024年度部门决算") == "云南日报报业集团(本级)"


def test_an_area_compiled_by_its_finance_body() -> None:  # G 826, H 913
    page = ("根据有关规定,经绵竹市财政局汇总,2025年全市行政单位(含参照公务员法管理的事业单位)、事业单位和其他单位使用财政拨款"
            "安排“三公”经费预算总额为1969万元")
    assert ident.finance_compiled_area([page]) == "绵竹市"
    # Its own level when the sentence says so (real-dev's 凉山州州本级, 宜宾市市本级).
    page = "根据上级和市政府部署安排,经岳阳市财政局汇总,岳阳市本级部门,包括市级行政单位…安排的2016年“三公”经费预算为19043万元"
    assert ident.finance_compiled_area([page]) == "岳阳市本级"


def test_a_site_menu_line_is_no_title_part() -> None:  # G 811
    page = ("首页 新闻中心 信息公开 政务服务 政民互动 走进周至 专题专栏\n\n周至县2023年财政预算执行情况和2024年财政预算草案的报告\n\n"
            "各位代表:\n\n全年县级一般公共预算收入31751万元,完成预算数31220万元的101.7%。\n")
    assert _units(page) == ["周至县"]


def test_region_short_form_completed_from_the_byline() -> None:  # G 821
    texts = ["自治区文化和旅游厅关于2021年度中央转移支付专项资金绩效自评的报告", "广西壮族自治区文化和旅游厅 | 2022-12-30"]
    assert ident.full_form("自治区文化和旅游厅", texts) == "广西壮族自治区文化和旅游厅"


def test_a_sector_compilation_names_the_sector() -> None:  # G 812
    title = "益阳市赫山区教育系统(汇总)2021年度义务教育薄弱环节改善与能力提升专项项目支出绩效评价报告"
    assert ident.unit_from_title(title) == "益阳市赫山区教育系统"
    # 系统 ends a name only before (汇总): '财务管理系统' is none.
    assert ident.org_in("上线了财务管理系统") is None
    # 'X（含所属二级单位）' reports as X.
    assert ident.clean_unit("扶风县财政局（含所属二级单位）") == "扶风县财政局"


def test_the_body_named_above_a_speech_salutation_presents_it() -> None:  # G 828
    texts = ["——2019年9月2日在汕尾市第七届人民代表", "大会常务委员会第二十八次会议上", "汕尾市财政局",
             "主任、各位副主任、秘书长、各位委员:"]
    assert ident.presenter_unit(texts) == "汕尾市财政局"
    assert ident.presenter_unit(["严建军", "各位代表:"]) is None


def test_a_province_body_named_without_its_level() -> None:  # G 838
    page = ("湖北省残疾人事业发展补助资金(省对下转移支付)项目2018年度绩效自评报告\n\n02.01.2020  16:12\n\n"
            "根据《预算法》的规定,湖北残疾人联合会(以下简称“省残联”)成立绩效自评工作专班,对湖北省残疾人事业发展补助资金"
            "(省对下转移支付)进行绩效自评。2018年省级下达资金5000万元,执行率100%。\n")
    assert _units(page) == ["湖北残疾人联合会"]
    assert not ident.of_province("湖北省", "湖北省财政厅")


def test_a_breadcrumb_run_onto_the_title() -> None:  # H 920
    page = ("首页 >> 政府信息公开 >> 法定主动公开内容 >> 预决算公开 >> 市级单位决算 >> 正文\n\n2023年度眉山市第一幼儿园单位决算\n"
            "2024-09-27 14:08  市教育和体育局 [字号: ] 打印\n\n第一部分 单位概况\n\n一、主要职责\n\n"
            "二、收入决算情况说明\n\n2023年度收入合计1056.46万元,支出合计1056.46万元。\n")
    assert [(r["unit_name"], r["fiscal_year"]) for r in _reps(page)] == [("眉山市第一幼儿园", 2023)]
    from pipeline.lexicon import pattern

    glued = "首页 >> 政府信息公开 >> 预决算公开 >> 市级单位决算 >> 正文2023年度眉山市第一幼儿园单位决算"
    assert pattern("segments", "titles.glued_breadcrumb").sub("", glued) == "2023年度眉山市第一幼儿园单位决算"


def test_paragraphs_opening_with_the_year_and_the_area() -> None:  # H 912, G 836
    texts = ["我县结合具体实际,对全县2024年 “三公”经费执行情况进行了结算。",
             "2024年旺苍县“三公”经费执行数2964.91万元。", "2025年旺苍县因公出国(境)费预算数30万元。"]
    assert ident.clean_unit("对全县") is None
    assert ident.year_area_opening(texts) == "旺苍县"
    # A body of the area opening the paragraph is no area's accounts (real-dev 104).
    assert ident.year_area_opening(["2019年普洱市审计局(本级)“三公”经费决算情况说明"]) is None


def test_paragraphs_opening_with_the_year_and_a_body() -> None:  # H 911
    # '2016年,市人大“三公”经费预算为…' (昆明 市人大, printed by its short name only)
    text = ("一、“三公”经费财政拨款支出决算总体情况\n2016年,市人大“三公”经费预算为168.53万元,其中:因公出国(境)费39万元、"
            "公务用车运行维护费119.5万元、国内公务接待费10万元。")
    assert _units(text) == ["市人大"]
    # a congress's session (昌吉市十届人大 on a budget report's cover) is no body
    assert not ident.is_org("昌吉市十届人大")


def test_a_toilet_is_no_institute() -> None:  # H 923
    assert ident.unit_from_title("农村厕所改造项目绩效评价报告") is None


def test_the_place_a_year_s_funds_are_handed_down_to() -> None:  # H 924
    page = "财政部《关于下达2021年农村环境整治资金预算的通知》(财资环〔2021〕54号),下达广西壮族自治区2021年中央农村环境整治专项资金共计5404万元。"
    assert ident.recipient_area([page]) == "广西壮族自治区"


def test_a_government_report_on_its_draft_accounts_is_a_report() -> None:  # G 837
    page = ("- [ 发布机构 ]\n- 巴南区财政局\n重庆市巴南区人民政府关于2022年决算(草案)的报告\n"
            "——2023年8月31日在十九届人大常委会第十三次会议上\n区财政局局长 周成清\n区人大常委会:\n"
            "一、全区收支决算情况\n(一)一般公共预算\n2022年一般公共预算收入403948万元,按自然口径增长2.1%。\n")
    assert [(r["unit_name"], r["fiscal_year"], r["report_kind"]) for r in _reps(page)] == \
        [("重庆市巴南区人民政府", 2022, "final_accounts")]


def test_a_town_s_execution_and_draft_budget_tables_are_a_report() -> None:  # G 804
    import importlib

    seg = importlib.import_module("pipeline.extract.segment")
    assert seg._kind_of("中庄镇2020年预算执行和2021年预算草案") == "final_accounts"


def test_a_year_printed_in_chinese_numerals() -> None:  # G 822
    import importlib

    seg = importlib.import_module("pipeline.extract.segment")
    assert seg._han_year(["具体收入项目情况如下: 二〇二四年二月大口径财政收入执行情况表 | 预 算 科 目 |"]) == 2024
    # A signature's full date is no year reported.
    assert seg._han_year(["二〇二四年三月五日"]) is None


def test_contents_entry_is_no_title_and_a_school_run_by_a_department_describes_itself() -> None:  # H 917
    page = ("第一部分 单位概况\n一、主要职责4\n第二部分 2022年度单位决算情况说明5\n一、收入支出决算总体情况说明5\n"
            "第一部分 单位概况\n一、主要职责\n宣汉县马渡关镇庆云学校属教育部门办的一所农村全日制九年一贯制学校,\n"
            "第二部分 2023年度 单位决算情况说明\n一、收入支出决算总体情况说明\n"
            "2023年度收、支总计1801.06万元。与2022年相比,收、支总计各减少4.99万元,下降0.28%。\n")
    assert [(r["unit_name"], r["fiscal_year"]) for r in _reps(page)] == [("宣汉县马渡关镇庆云学校", 2023)]


def test_a_text_speaking_as_one_body_is_its_publisher_s() -> None:  # H 919
    page = ("當前位置:首頁>公告公示\n日期:2024-05-30 15:24  來源:臨河區動物疫病預防控制中心\n分享到:\n"
            "強制撲殺補助資金支付2023年度績效自評報告\n一、基本情況\n"
            "(一)發放依據標準:按照《臨河區2023年畜間布病防控工作實施方案》要求,臨河區財政局下達我單位強制撲殺補助資金,"
            "單位以全區布病檢測數據為準撲殺陽性羊。我區共撲殺陽性羊1200只,臨河區下達資金64.5萬元,實際支付64.5萬元,執行率100%。\n")
    assert _units(page) == ["临河区动物疫病预防控制中心"]


def test_a_project_period_within_one_year_printed_one_cell_per_line() -> None:  # H 906
    import importlib

    seg = importlib.import_module("pipeline.extract.segment")
    lines = ["项目起止时间", "2021年   1    月起至     2021    年    12   月止", "计划安排资金", "(万元)", "55"]
    assert seg._fiscal_year("", lines, []) == 2021


def test_implementing_unit_sharing_its_cell_with_the_project_head() -> None:  # H 902
    text = ("马铃薯冲薯繁育示范推广项目绩效目标自评表(2022年度)项目总得分99分项目名称碟令薯樽轴示施项目实施单位/项目负责人"
            "原州区农技中心/杨勃兴自治区主管部门农业农村厅专项实施期2022年3月-2022年11月")
    assert sorted(ident.labelled_units([text]))[0] == (1, "原州区农技中心")


def test_the_report_s_own_heading_names_its_unit_in_full_under_a_short_page_title() -> None:  # H 918
    page = ("当前位置:首页  > 政府信息公开  > 法定主动公开内容  > 预算/决算  > 部门决算  > 文旅局\n"
            "井陉县文旅局2019年度项目绩效评价报告\n发布时间:2020-11-16    \n来源:文旅局    \n责任编辑:文旅局\n"
            "【字体: 】    打印\n\n井陉县文化广电体育和旅游局\n2019年度文旅专项资金项目自评报告\n \n"
            "根据《井陉县县级部门项目绩效自评管理办法》(井财〔2020〕9号),县文旅局本着强化绩效考核、提高资金效益的理念,"
            "对本部门项目资金实施了财政支出绩效自评价,形成本评价报告。\n一、基本情况\n(一)项目概况\n"
            "2019年,县文旅局共收到各类专项资金50万元,实际支出50万元。\n")
    assert _units(page) == ["井陉县文化广电体育和旅游局"]
    assert ident.same_place_short_form("井陉县文旅局", "井陉县文化广电体育和旅游局")
    # a bureau's office is not its bureau; another place's body is not the title's
    assert not ident.same_place_short_form("井陉县文旅局", "井陉县文旅局办公室")
    assert not ident.same_place_short_form("井陉县文旅局", "平山县文化广电体育和旅游局")



def test_a_form_evaluating_a_fund_a_year_after_its_allocation() -> None:  # H 901
    # the page's title names the fund by the year it was allocated; the form under it says which
    # year it evaluates
    text = ("隆阳区2021年中央化肥减量增效示范县项目补助资金绩效自评\n2022年度项目支出绩效自评表\n"
            "单位名称:隆阳区土壤肥料工作站 填报日期:2023年3月20日\n"
            "项目名称 | 隆阳区2021年中央化肥减量增效示范县项目补助资金 |\n"
            "年度财政资金总额 | 278.4449 | 30.00 | 10.77% | 2.16 |")
    assert [r["fiscal_year"] for r in _reps(text)] == [2022]
    # a form of the fund's own year keeps it
    assert [r["fiscal_year"] for r in _reps(text.replace("2022年度项目", "2021年度项目"))] == [2021]


# held-out set K: who reports when no unit field says so
def test_a_place_named_after_the_level_handing_it_a_fund() -> None:  # K 1212
    text = ("一、转移支付基本情况2023年自治区下达桂林市中央及自治区就业补助资金共33832.24万元,中央资金27853万元,"
            "自治区资金5643万元,各县(市、区)筹集资金336.24万元,")
    assert ident.recipient_area([text]) == "桂林市"
    # …but a department speaking as 我单位 reports, not the place it received the fund for (D 515)
    assert ident.recipient_area(["中央下达乌海市农村危房改造补助资金9.73万元,我单位组织开展了绩效自评"]) is None


def test_an_area_evaluating_the_transfers_it_received() -> None:  # K 1214
    text = ("根据《财政部关于开展2023年度中央对地方转移支付预算执行情况绩效自评工作的通知》等文件精神,"
            "广西壮族自治区对2023年度中央自然灾害救灾资金预算执行情况进行了绩效自评,现将自评情况总结汇报如下:")
    assert ident.evaluated_unit([text]) == "广西壮族自治区"


def test_a_report_title_in_a_contents_list_names_its_area() -> None:  # K 1225
    assert ident.report_title_unit(["目 录", "第一部分:关于祁阳县2019年财政决算(草案)的报告"]) == "祁阳县"


def test_a_speech_presented_on_behalf_of_a_government() -> None:  # K 1221
    assert ident.on_behalf_of(["各位代表、同志们:", "我受径山镇人民政府委托向大会作2021年度镇财政决算的报告,"]) == "径山镇人民政府"
    assert ident.on_behalf_of(["受市人民政府委托,现将2021年预算执行情况报告如下"]) is None  # no place printed


def test_the_one_place_whose_finances_a_text_speaks_of() -> None:  # K 1209, 1226
    assert ident.finance_subject_area(["“十三五”以来,壤塘县一般公共预算收入从2015年的2007万元上升到2020年的2468万元"]) == "壤塘县"
    assert ident.finance_subject_area(["峡江县财政顺利实现“双过半”", "今年以来,峡江县财政系统紧紧围绕全县工作大局"]) == "峡江县"
    # a finance bureau publishing, a body speaking as 我单位, a whole area or two places: none
    assert ident.finance_subject_area(["根据乌海市财政局《关于转发…的通知》,我单位组织开展了绩效自评"]) is None
    assert ident.finance_subject_area(["上半年全省一般公共预算收入479.89亿元"]) is None
    assert ident.finance_subject_area(["甲县一般公共预算收入1亿元", "乙县一般公共预算收入2亿元"]) is None


def test_a_name_cut_after_a_year_s_digits_or_inside_a_community() -> None:  # K 1228, 1229
    assert ident.clean_unit("年中山市政府") == "中山市政府"
    assert ident.org_in("固始县祖师庙镇仰天洼社区产业设施配套项目") != "固始县祖师庙镇仰天洼社"  # 社区 is a place
    text = ("固始县巩固拓展脱贫攻坚成果与乡村振兴有效衔接指挥部:\n"
            "根据《国务院办公厅关于转发财政部、国务院扶贫办、国家发展改革委扶贫项目资金绩效管理办法的通知》国办文[2018]35号"
            "文件精神,切实提高财政扶贫项目资金使用效益,落实资金监管责任。现将2024年固始县祖师庙镇仰天洼社区产业设施配套项目"
            "绩效目标自评报告如下:\n一、绩效目标分解下达情况\n因我镇所属仰天洼社区排水设施薄弱,安排项目资金56万元。\n"
            "附件:2024年固始县祖师庙镇仰天洼社区产业设施配套项目自评表[点击下载]\n固始县祖师庙镇人民政府\n2025年12月30日")
    assert _units(text) == ["固始县祖师庙镇人民政府"]


def test_an_excerpt_with_no_title_is_known_by_its_section_headings() -> None:  # K 1231
    text = ("一、部门情况\n(一)部门机构设置、职责\n孝义市中医院属于独立核算的事业单位,执行行政事业单位会计制度。\n"
            "(四)单位预算说明\n孝义市中医院为一级预算单位,本单位预算只包含本单位预算,不包括所属单位预算。\n"
            "二、收入预算说明\n(一)收入预算\n2022年收入预算1930.74万元,与上年相比增加12.23%。其中:\n"
            "一般公共预算收入1930.74万元,与上年相比增加12.23%。")
    assert [(r["report_kind"], r["fiscal_year"], r["unit_name"]) for r in _reps(text)] == [("budget", 2022, "孝义市中医院")]
    # one heading alone names no report
    assert _reps("(四)单位预算说明\n本单位预算只包含本单位预算。") == []


def test_a_body_publishing_its_accounts_on_its_website() -> None:  # K 1205
    assert ident.news_unit(["7月15日,卫生部在其网站公布“三公经费”情况及说明。2010年,卫生部“三公经费”财政拨款预算4732.23万元"]) == "卫生部"


def test_a_quarter_s_note_takes_the_year_its_metadata_row_was_written_in() -> None:  # K 1222
    text = ("[ 索 引  号 ] | tanchengczj/2021-0000068 | [ 文 号 ] | [ 发布机构 ] | 郯城县财政局 | |\n"
            "[ 成文日期 ] | 2021-04-05 | [ 公开日期 ] | 2021-04-05 | [ 有 效 性 ] |\n一、基本收支情况\n"
            "1-3月份,全县一般公共预算收入累计完成34069万元,占预算的21.1%,增长13.2%。全县一般公共预算支出累计完成136027万元,完成预算的26.8%,增长13.6%。其中民生支出113875万元,增长26.9%,民生支出占一般公共预算支出的83.7%。")
    assert [r["fiscal_year"] for r in _reps(text)] == [2021]


def test_the_whole_area_a_text_opens_by_describing() -> None:  # K 1210
    texts = ["吉林市是吉林省下辖地级市,是吉林省第二大城市。财政层面2021年全市完成一般公共预算收入95.03亿排在全省第二位。",
             "全年全市一般公共预算收入完成376.9亿元,比上年增长0.4%。"]
    assert ident.finance_subject_area(texts) == "吉林市"
    # the whole of another level (全省) is not the city the text opens with
    assert ident.finance_subject_area(["吉林市是吉林省下辖地级市。2021年全省一般公共预算收入完成…"]) is None
