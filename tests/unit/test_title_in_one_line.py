"""A page flattened onto one line, its printed lines joined by spaces (document-site previews and
some copies): the title is found among the pieces as it would be on a line of its own — past the
site's banner, and whole when the page broke it over lines. Real openings: held-out B 322
(泸州市中医医院 2023 单位决算, the hospital's banner first) and A 227 (岳阳市城市管理监督指挥中心,
its title broken after 部门整体支出); before, the one-line pages gave no report at all."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.readers.text import read_text

B322 = ("欢迎来到泸州市中医医院 24小时应诊电话:0830-3103108 预约挂号电话:0830-3192516(接电话时间8:00-11:30,13:30-17:00) "
        "国家三级甲等中医医院 国家重点中医医院建设单位 国家级胸痛中心、国家级心衰中心 国家中医药管理局中医住院医师规范化培训基地 "
        "国家中医药管理局中医全科医师规范化培训基地 2023年度泸州市中医医院单位决算 来源:泸州市中医医院    "
        "发布时间:2024-09-24 16:08:34 /泸州市中医医院2023年度决算报表.xls 目录 公开日期:2024926 第一部分 单位概况 "
        "一、 主要职责 二、 机构设置 第二部分 2023年度单位决算情况说明 一、收入支出决算总体情况说明 "
        "2023年度收、支总计52,347.67万元。与2022年相比,收、支总计各增加3,312.35万元,增长6.75%。")
A227 = ("岳阳市城市管理监督指挥中心2018绩效评价自评报告及评分表(整体支出和数字城管信息采集服务费专项支出) 来源:财务科   "
        "2019-07-09 16:55 岳阳市2018年度部门整体支出 绩效评价自评报告 部门(单位)名称:  岳阳市城市管理监督指挥中心 "
        "预 算 编 码:   906017 评价方式:部门(单位)绩效自评 评价机构:部门(单位)评价组 报告日期:2019年06月18日 岳阳市财政局(制) "
        "一、部门(单位)基本概况 联系人 吴俊 联络电话 8690022 人员编制 21 实有人数 21 职能职责概述 负责全市数字化城市管理监督、"
        "指挥、调度和协调工作。2018年度部门预算支出812.5万元,实际支出800.3万元。")


def _reports(text: str) -> list[tuple]:
    ex = extract(read_text(text.encode("utf-8")), "t")
    return [(r["report_kind"], r["unit_name"], r["fiscal_year"], r["title"]) for r in ex.reports]


def test_title_past_the_sites_banner() -> None:
    assert _reports(B322) == [("final_accounts", "泸州市中医医院", 2023, "2023年度泸州市中医医院单位决算")]


def test_title_broken_over_lines_is_read_whole() -> None:
    got = _reports(A227)
    assert [(k, y, t) for k, _u, y, t in got] == [("department", 2018, "岳阳市2018年度部门整体支出绩效评价自评报告")]


F715 = ("改革网龙江-中国改革报看龙江,龙江改革发展新闻 中国改革报社主办 站内搜索: 黑龙江上半年民生支出2150.5亿元 "
        "占一般公共预算支出比重达86.8% 2021-08-08 21:09:15 来源:中国改革报 记者 袁小峰 本报讯 记者袁小峰报道 日前,"
        "记者从黑龙江省财政厅了解到,今年上半年,黑龙江一般公共预算收入完成664.2亿元,比上年同期增长25.6%,增幅比一季度提高"
        "12.1个百分点,增速位居全国前列。 黑龙江财政支出坚持严管控、保重点,有力保障了各项重大决策落实。今年上半年,"
        "一般公共预算支出完成2477.2亿元,增长0.4%,增速比一季度提高2.6个百分点。其中,全省财政民生支出2150.5亿元,"
        "占一般公共预算支出比重达86.8%,有力保障常态化疫情防控、教育、就业、养老、医疗、住房等领域民生实事落实。")


def test_this_year_is_the_year_of_the_pages_date_at_its_head() -> None:
    # held-out F 715 flattened onto one line: 今年 is the year of the date the page opens with
    assert {y for _k, _u, y, _t in _reports(F715)} == {2021}
