"""One test per identity rule (pipeline/extract/identity.py, vocab/report_identity.csv)."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.extract import identity as ident
from pipeline.readers.text import read_text


def _rep(text: str) -> dict:
    reps = extract(read_text(text.encode("utf-8")), "t").reports
    assert reps, "no report"
    return reps[0]


def test_traditional_page_is_simplified_and_pinyin_dropped() -> None:
    page = "烏魯木齊市政務(wù)服務(wù)中心2023年度部門決算公開說明\n" + "一般公共預算財政撥款支出決算為58.21萬元。" * 3
    r = _rep(page)
    assert (r["unit_name"], r["fiscal_year"], r["report_kind"]) == ("乌鲁木齐市政务服务中心", 2023, "final_accounts")


def test_simplified_text_is_left_alone() -> None:
    assert not ident.is_traditional("本年度财政拨款收入合计五百万元，比上年增加十万元，主要是人员经费增加。")


def test_area_of_a_compilation_is_the_unit() -> None:
    r = _rep("2019年度鹿寨县“三公”经费支出决算情况\n经县财政局汇总，2019年“三公”经费决算支出数为1165.08万元。")
    assert (r["unit_name"], r["fiscal_year"]) == ("鹿寨县", 2019)


def test_own_level_kept_as_printed() -> None:
    r = _rep("2019年普洱市审计局(本级)“三公”经费决算情况说明\n“三公”经费支出决算数为6.20万元。")
    assert r["unit_name"] == "普洱市审计局(本级)"


def test_publisher_completes_a_title_naming_a_place() -> None:
    page = ("发布机构 厦门市农业农村局 文 号\n厦门市2021年农业生产发展资金使用情况绩效自评报告\n"
            "中央下达我市农业生产发展资金1969万元。")
    assert _rep(page)["unit_name"] == "厦门市农业农村局"


def test_publisher_alone_is_not_the_unit() -> None:
    page = "发布机构 | 隆德县卫生健康局 |\n2022年度部门决算说明\n本年支出合计100万元。"
    assert _rep(page)["unit_name"] is None


def test_publisher_completes_a_bare_suffix() -> None:
    page = "发布机构: 零陵区林业局\n2021年林业局部门整体支出绩效自评表\n年度资金总额 4753.66万元"
    assert _rep(page)["unit_name"] == "零陵区林业局"


def test_implementing_unit_cell_beats_project_title_and_supervisor() -> None:
    page = ("2023年马鹿坑国有林场新建野生动物收容所建设项目支出绩效自评表\n"
            "主管部门 | 临沧市自然资源局 | 实施单位 | 临沧市临翔区林业和草原局 |\n年度资金总额 | 32.4 | 31.69 |")
    assert _rep(page)["unit_name"] == "临沧市临翔区林业和草原局"


def test_labels_run_into_values() -> None:
    got = ident.labelled_units(["项目单位临湘市文化旅游广电局主管部门临湘市人民政府评价方式"])
    assert got == [(1, "临湘市文化旅游广电局"), (4, "临湘市人民政府")]


def test_bare_department_word_in_prose_is_no_label() -> None:
    assert ident.labelled_units(["全省各级财政部门以习近平新时代中国特色社会主义思想为指导"]) == []


def test_masked_unit_is_refused() -> None:
    assert ident.clean_unit("****林业局") is None
    assert ident.org_prefix("**市交通运输局") is None


def test_byline_of_a_budget_execution_report() -> None:
    page = ("关于绍兴市柯桥区2021年财政预算执行情况及2022年财政预算草案的报告\n绍兴市柯桥区财政局局长    \n"
            "各位代表：\n2021年一般公共预算收入147.1亿元，完成年度预算的100.2%。")
    r = _rep(page)
    assert (r["unit_name"], r["fiscal_year"]) == ("绍兴市柯桥区财政局", 2021)


def test_short_name_introduces_the_unit() -> None:
    page = ("近日，有“亚洲最大医院”之称的郑州大学第一附属医院(下简称郑大一附院)公布了2021年度单位决算。\n"
            "郑大一附院是一所医院。2021年收入合计218.78亿元，财政拨款9.8亿元，年初预算数200亿元。")
    assert _rep(page)["unit_name"] == "郑州大学第一附属医院"


def test_unit_describing_itself() -> None:
    assert ident.self_described(["(一)机构设置", "观庄乡卫生院是一所集医疗、预防、保健为一体的卫生院。"]) == "观庄乡卫生院"


def test_opening_names_an_area_only_for_its_own_accounts() -> None:
    assert ident.opening_unit(["许镇镇2020年“三公”经费决算数共计35.5万元"]) == "许镇镇"
    assert ident.opening_unit(["临城县2021年度财政衔接资金统筹整合使用道路建设项目"]) is None


def test_year_in_brackets_of_a_form() -> None:
    page = "部门整体支出绩效自评表\n（2023年度）\n部门 | 金寨县茶谷和美丽乡村建设服务中心 |\n年度资金总额 | 329.77 |"
    r = _rep(page)
    assert (r["unit_name"], r["fiscal_year"]) == ("金寨县茶谷和美丽乡村建设服务中心", 2023)


def test_compared_year_is_not_the_reported_year() -> None:
    page = ("2019年，市本级“三公”经费预算为3328万元。同口径比2018年减少830万元。公务接待费同口径比2018年减少38万元，"
            "公务用车购置费同口径比2018年减少334万元。")
    assert _rep(page)["fiscal_year"] == 2019


def test_publication_metadata_year_is_not_the_fiscal_year() -> None:
    page = "发布时间：2024-06-12\n发布日期：2024年06月12日\n一、基本情况\n2023年度一般公共预算财政拨款“三公”经费支出决算为5.48万元。"
    assert _rep(page)["fiscal_year"] == 2023


def test_document_site_file_name_is_not_the_title() -> None:
    page = ("《重庆市梁平区林业局2022年度部门整体绩效自评表.docx》由会员分享,可在线阅读\n"
            "1、重庆市梁平区林业局2023年度部门整体绩效自评表主管部门重庆市梁平区林业局自评总分97.93")
    r = _rep(page)
    assert (r["unit_name"], r["fiscal_year"]) == ("重庆市梁平区林业局", 2023)


def test_report_wording_keeps_a_report_without_title_or_figure() -> None:
    page = "按照规定，现将2024年一般公共预算“三公”经费支出预算说明如下：公务用车运行维护费14.01万元，公务接待费0万元。"
    assert extract(read_text(page.encode("utf-8")), "t").reports


def test_a_notice_is_not_a_report() -> None:
    page = "巡察通告\n按照市委统一部署，市委第三巡察组对市卫生健康委党委开展巡察。现将有关事项通告如下。"
    assert extract(read_text(page.encode("utf-8")), "t").reports == []
