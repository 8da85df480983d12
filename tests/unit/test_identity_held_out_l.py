"""Who reports, held-out set L (texts not committed; lines as printed).

1304 (丰都县公安局 2021 部门决算): a sentence listing the units a department's accounts include
('…二级预算单位主要包括重庆市丰都县公安局(本级)和…') named the unit '主要包括重庆市丰都县公安局(本级)和…';
the list's words are no part of a name."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.readers.text import read_text

DEPARTMENT = ("[ 发布机构 ] | 丰都县公安局 |\n"
              "重庆市丰都县公安局2021年度部门决算情况说明\n一、部门基本情况\n(三)单位构成。\n"
              "从预算单位构成看,纳入本部门2021年度决算编制的二级预算单位主要包括重庆市丰都县公安局(本级)"
              "和重庆市丰都县公安局森林警察大队。\n二、部门决算情况说明\n"
              "1.总体情况。2021年度收入总计22,373.87万元,支出总计22,373.87万元。\n")


def test_a_list_of_included_units_names_no_unit_with_its_list_words() -> None:
    reports = extract(read_text(DEPARTMENT.encode("utf-8")), "d").reports
    assert [r["unit_name"] for r in reports] == ["重庆市丰都县公安局"]
