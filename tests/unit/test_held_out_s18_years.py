"""Held-out set V (session 18): years and reports of pages read by hand. Each excerpt is real
(trimmed), its year and unit read on the page."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.readers.text import read_text


def _reports(text: str) -> list[dict]:
    return extract(read_text(text.encode("utf-8")), "d").reports


# V 2320 (汨罗市文化旅游广电局): the page's title names the year it was published (2021-08-06); the
# cover and every heading give the accounts' year, 2020
MILUO = """索引号 499/2021-1978425 发布机构 市文化旅游广电局 公开范围 全部公开
生成日期 2021-08-06 公开日期 2021-08-06 公开方式 政府网站

汨罗市文旅广电局2021年度部门决算公开说明

2020年度
汨罗市文化旅游广电局
部门决算

目录
第一部分  汨罗市文化旅游广电局概况
第二部分  2020年度部门决算表
一、收入支出决算总表
第三部分  2020年度部门决算情况说明
一、收入支出决算总体情况说明
"""


def test_final_accounts_title_naming_its_publication_year() -> None:
    assert [r.get("fiscal_year") for r in _reports(MILUO)] == [2020]


def test_final_accounts_title_year_stays_when_the_page_was_published_later() -> None:
    later = MILUO.replace("2021-08-06", "2022-08-06")
    assert [r.get("fiscal_year") for r in _reports(later)] == [2021]


def test_final_accounts_title_year_stays_when_the_body_says_it_too() -> None:
    same = MILUO.replace("第三部分  2020年度", "第三部分  2021年度")
    assert [r.get("fiscal_year") for r in _reports(same)] == [2021]


# V 2319 (寻甸县林业和草原局): the title's year names the fund (2023年…补助资金), the bracketed period
# closing the title's lines the year evaluated
XUNDIAN = """寻甸县林业和草原局2023年异地造林补助资金项目支出绩效自评报告
寻甸县林业和草原局2023年异地造林补助资金项目支出绩效自评报告
(2024年度)
部门名称(公章):寻甸回族彝族自治县林业和草原局
项目名称: 2023年异地造林补助资金项目支出
绩效自评日期: 2025年5月
"""


def test_fund_year_title_over_a_later_period() -> None:
    assert [r.get("fiscal_year") for r in _reports(XUNDIAN)] == [2024]


# V 2323: a commissioned evaluation's excerpt starting at its cover's period line, no title
XINJIANG = """(2022-2024年度)
项目名称:自治区大气污染防治资金
实施单位(公章):各地州生态环境局、各企事业单位
主管部门(公章):自治区生态环境厅
委托单位:新疆维吾尔自治区财政厅
评价机构:新疆谱诚项目管理咨询有限公司
项目负责人(签章):顾涛
填报时间:2025年8月11日
(一)项目概况
1.项目背景
根据《中共中央国务院关于全面加强生态环境保护坚决打好污染防治攻坚战的意见》,中央财政设立大气污染防治资金,通过一般公共预算安排,专门用于支持大气污染防治和协同应对气候变化。
按照《财政部关于修改<大气污染防治资金管理办法〉的通知》(财资环〔2022〕106号)要求,防治资金重点支持范围包括北方地区冬季清洁取暖项目。
"""


def test_an_evaluation_cover_without_its_title_is_a_report_of_several_years() -> None:
    reps = _reports(XINJIANG)
    assert len(reps) == 1
    assert reps[0]["report_kind"] == "project"
    assert reps[0].get("fiscal_year") is None  # 2022-2024: no one year
    assert reps[0]["unit_name"] == "自治区生态环境厅"  # not 各地州生态环境局 (each of many units)


def test_cover_fields_of_a_notice_are_no_report() -> None:
    # two fields and no evaluation field: a notice listing a project, not an evaluation's cover
    text = "项目名称:农村公路养护\n主管部门:县交通运输局\n请各单位按时报送材料。\n"
    assert _reports(text) == []


# V 2322 (卓尼, a pinyin-glossed traditional mirror): the title's line and the metadata line under it
# stay apart (時(shí)間: is a metadata field once the page reads in simplified characters); verbatim
# head of the page, its blank lines kept
ZHUONI = 'xp123国产v日韩v亚洲,XUNLEIGE|XVIDEO_XVideos\n\n卓尼縣人民政府\n\n政府信息公開指南\n\n政府信息公開制度\n\n法定主動(dòng)公開內(nèi)容\n\n政府信息公開年報(bào)\n\n政府依申請(qǐng)公開\n\n卓尼教育和科學(xué)技術(shù)局 2022年度部門決算情況說(shuō)明\n\n時(shí)間:2023-10-19   作者:卓尼縣財(cái)政局 點(diǎn)擊數(shù):  \n\n\n目錄\n\n第一部分部門概況\n\n一、部門職責(zé)\n\n二、機(jī)構(gòu)設(shè)置\n\n第二部分2022年度部門決算表\n\n一、收入支出決算總表\n\n二、收入決算表\n\n三、支出決算表\n\n四、財(cái)政撥款收入支出決算總表\n\n五、一般公共預(yù)算財(cái)政撥款支出決算表\n\n六、一般公共預(yù)算財(cái)政撥款基本支出決算明細(xì)表\n\n七、政府性基金預(yù)算財(cái)政撥款收入支出決算表\n\n八、國(guó)有資本經(jīng)營(yíng)預(yù)算財(cái)政撥款支出決算表\n'


def test_glossed_traditional_title_is_not_run_into_its_metadata_line() -> None:
    reps = _reports(ZHUONI)
    assert [(r["unit_name"], r.get("fiscal_year")) for r in reps] == [("卓尼教育和科学技术局", 2022)]
    assert reps[0]["title"].endswith("部门决算情况说明")
