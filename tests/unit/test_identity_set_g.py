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
