"""Rules from session 16's work on the held-out sets (pages read by hand, sources in
docs/real_corpus_sources.md). Each test failed before its rule."""

from __future__ import annotations

import pipeline.extract.identity as ident
from pipeline.extract import extract
from pipeline.readers.text import read_text


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
