"""Classification tables that print their classes by name only (issue 13, 杭州): each row takes the code
the checked national names (vocab/class_names.csv, names real PDFs print beside their codes) give it under
the 类 and 款 above it; a name they do not place stays unread with its reason, and so do the 项 under it
(行政运行 is a 项 of nearly every 款: never placed under the 款 before).

Rows as printed on 杭州市气象局2026年度部门预算 (PDF in /tmp/audit-docs/renwu, never committed), read by
hand from the page. The names: scripts/class_names_vocab.py over the 274 PDFs of the renwu repository
(预算数据/, session 14) and the shared budget PDFs."""

from __future__ import annotations

import csv
from collections import defaultdict

from pipeline.extract import extract
from pipeline.extract.vocabulary import ClassPath
from pipeline.ingest.read import read_document
from pipeline.settings import VOCAB_DIR, Settings


def _extract(text: str):
    return extract(read_document(text.encode("utf-8"), Settings()), "d")


def _td(*cells: str) -> str:
    return "<tr>" + "".join(c if c.startswith("<td") else f"<td>{c}</td>" for c in cells) + "</tr>"


def _row(name: str, *figures: str, width: int = 7) -> str:
    return _td(name, *figures, *[""] * (width - len(figures)))


# p.17 表3 2026年市级部门支出预算总表 (the whole table).
TABLE3 = "\n".join([
    "杭州市气象局2026年度部门预算", "表3：2026年市级部门支出预算总表", "部门名称：杭州市气象局 单位:万元", "<table>",
    _td('<td rowspan="2">功能分类科目名称</td>', '<td rowspan="2">总计</td>', '<td colspan="2">基本支出</td>',
        '<td rowspan="2">项目支出</td>', '<td rowspan="2">事业单位经营支出</td>', '<td rowspan="2">上缴上级支出</td>',
        '<td rowspan="2">对附属单位补助支出</td>'),
    _td("人员支出", "日常公用支出"),
    _td("**", "1", "2", "3", "4", "5", "6", "7"),
    _row("合计", "5,876.67", "2,906.80", "838.27", "2,131.61"),
    _row("科学技术支出", "28.00", "", "", "28.00"),
    _row("技术研究与开发", "28.00", "", "", "28.00"),
    _row("科技成果转化与扩散", "28.00", "", "", "28.00"),
    _row("社会保障和就业支出", "396.67", "395.77", "0.90"),
    _row("行政事业单位养老支出", "396.67", "395.77", "0.90"),
    _row("行政单位离退休", "193.24", "192.34", "0.90"),
    _row("机关事业单位基本养老保险缴费支出", "135.62", "135.62"),
    _row("机关事业单位职业年金缴费支出", "67.81", "67.81"),
    _row("卫生健康支出", "80.52", "80.52"),
    _row("行政事业单位医疗", "80.52", "80.52"),
    _row("行政单位医疗", "61.17", "61.17"),
    _row("事业单位医疗", "19.35", "19.35"),
    _row("自然资源海洋气象等支出", "5,371.48", "2,430.50", "837.37", "2,103.61"),
    _row("气象事务", "5,371.48", "2,430.50", "837.37", "2,103.61"),
    _row("行政运行", "2,617.19", "1,907.01", "710.18"),
    _row("气象事业机构", "650.68", "523.49", "127.19"),
    _row("气象服务", "2,103.61", "", "", "2,103.61"),
    "</table>",
])

# p.20 表6 2026年市级部门一般公共预算基本支出预算表 (its first 17 rows).
TABLE6 = "\n".join([
    "杭州市气象局2026年度部门预算", "表6：2026年市级部门一般公共预算基本支出预算表", "部门名称：杭州市气象局 单位：万元",
    "<table>",
    _td('<td rowspan="2">经济分类科目名称</td>', '<td colspan="3">本年一般公共预算基本支出</td>'),
    _td("合计", "人员经费", "日常公用支出"),
    _td("**", "1", "2", "3"),
    _td("合计", "3,745.07", "2,906.80", "838.27"),
    _td("工资福利支出", "2,709.90", "2,709.90", ""),
    _td("基本工资", "98.00", "98.00", ""),
    _td("津贴补贴", "454.81", "454.81", ""),
    _td("其他社会保障缴费", "7.30", "7.30", ""),
    _td("住房公积金", "209.04", "209.04", ""),
    _td("医疗费", "21.61", "21.61", ""),
    _td("商品和服务支出", "760.37", "", "760.37"),
    _td("办公费", "50.01", "", "50.01"),
    _td("维修(护)费", "30.00", "", "30.00"),
    _td("对个人和家庭的补助", "249.90", "196.90", "53.00"),
    _td("离休费", "101.29", "101.29", ""),
    _td("医疗费补助", "7.80", "7.80", ""),
    _td("其他对个人和家庭的补助", "57.46", "4.46", "53.00"),
    _td("资本性支出", "24.90", "", "24.90"),
    _td("办公设备购置", "24.90", "", "24.90"),
    "</table>",
])


def _amounts(ex) -> dict[str, str]:
    return {f["line_item"]: f["reported_text"] for f in ex.fact_budgets if f["table_kind"] == "classification"}


def test_functional_classes_by_name_take_the_national_codes():
    ex = _extract(TABLE3)
    got = _amounts(ex)
    assert got["func:206"] == "28.00" and got["func:20604"] == "28.00" and got["func:2060404"] == "28.00"
    assert got["func:20805"] == "396.67" and got["func:2080501"] == "193.24"
    assert got["func:2080505"] == "135.62" and got["func:2080506"] == "67.81"
    assert got["func:21011"] == "80.52" and got["func:2101101"] == "61.17" and got["func:2101102"] == "19.35"
    assert got["func:220"] == "5,371.48"
    assert all(f["stage"] == "initial" for f in ex.fact_budgets if f["table_kind"] == "classification")
    parts = {(r["line_item"], r["part"]): r["reported_text"] for r in ex.fact_line_splits}
    assert parts[("func:2080501", "personnel")] == "192.34" and parts[("func:2080501", "public_operating")] == "0.90"
    assert parts[("func:2060404", "project")] == "28.00"


def test_a_name_the_checked_names_place_now_reads_its_rows():
    ex = _extract(TABLE3)
    got = _amounts(ex)
    # 气象事务 (22005) and its 项 are printed beside their codes in five PDFs of the renwu repository
    # (session 14's names): 行政运行 under it is 2200501, never 2010101
    assert got["func:22005"] == "5,371.48" and got["func:2200501"] == "2,617.19"
    assert got["func:2200504"] == "650.68" and got["func:2200509"] == "2,103.61"
    assert not [u for u in ex.unrecognised if "vocab/class_names.csv" in u["reason"]]
    # every row placed: the 合计 is compared with the classes read
    assert ex.table_sums


def test_a_name_that_may_be_a_section_or_an_item_stays_unread_with_its_reason():
    # 杭州市交通运输局2026年度部门预算 p.35 表8 政府性基金预算支出预算表: 公路水路运输 under 超长期特别国债安排的支出
    # is a 项 there (2149801) but the name of a 款 of 交通运输支出 too (21401): no code is certain
    rows = [_td("交通运输支出", "177.92", "", "177.92"), _td("超长期特别国债安排的支出", "177.92", "", "177.92"),
            _td("公路水路运输", "177.92", "", "177.92")]
    text = "\n".join([
        "杭州市交通运输局2026年度部门预算", "表8：2026年市级部门政府性基金预算支出预算表", "部门名称：杭州市交通运输局 单位：万元",
        "<table>", _td('<td rowspan="2">功能分类科目名称</td>', '<td colspan="3">本年政府性基金预算支出</td>'),
        _td("合 计", "基本支出", "项目支出"), _td("**", "1", "2", "3"), _td("合计", "177.92", "", "177.92"),
        _td("科学技术支出", "0.00", "", "0.00"), _td("技术研究与开发", "0.00", "", "0.00"),
        *rows, "</table>"])
    ex = _extract(text)
    got = _amounts(ex)
    assert got["func:214"] == "177.92" and got["func:21498"] == "177.92"
    assert "func:21401" not in got and "func:2149801" not in got
    left = [u for u in ex.unrecognised if "vocab/class_names.csv" in u["reason"]]
    assert left and all(u["source_ref"].split(";")[1] == left[0]["source_ref"].split(";")[1] for u in left)


def test_economic_classes_by_name():
    ex = _extract(TABLE6)
    got = _amounts(ex)
    assert got["econ:301"] == "2,709.90" and got["econ:30101"] == "98.00" and got["econ:30102"] == "454.81"
    assert got["econ:30113"] == "209.04" and got["econ:30114"] == "21.61"  # 医疗费 under 301, not 30307
    assert got["econ:30213"] == "30.00" and got["econ:30307"] == "7.80" and got["econ:31002"] == "24.90"
    assert got["econ:303"] == "249.90" and got["econ:30301"] == "101.29"
    # 其他社会保障缴费 is printed beside 30112 (2026 PDFs) and 30104 (江苏 2017): two codes, no code
    assert "7.30" not in got.values()


def test_the_vocabulary_gives_one_code_per_name_under_a_parent():
    codes: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    with open(VOCAB_DIR / "class_names.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            assert r["scheme"] in ("func", "econ") and len(r["code"]) in (3, 5, 7)
            codes[(r["scheme"], r["code"][:-2] if len(r["code"]) > 3 else "", r["name"])].add(r["code"])
    assert all(len(c) == 1 for c in codes.values())



def test_a_class_or_section_named_again_inside_it_is_the_row_under_it():
    # 杭州市交通运输局2026年度部门预算 p.26 表3, the label column from 一般公共服务支出 to 国防支出 and the
    # last three rows: a 款 is printed once, so its name again under it is its 项
    path = ClassPath("func")
    got = [path.code(n) for n in ("一般公共服务支出", "社会工作事务", "其他社会工作事务支出", "其他一般公共服务支出",
                                  "其他一般公共服务支出", "国防支出", "其他支出",
                                  "其他政府性基金及对应专项债务收入安排的支出", "其他政府性基金安排的支出")]
    # 社会工作事务 (20139) and its 项, and 其他政府性基金安排的支出 (2290401), printed beside their codes in the
    # renwu repository's PDFs (session 14's names)
    assert got == ["201", "20139", "2013999", "20199", "2019999", "203", "229", "22904", "2290401"]
    path = ClassPath("func")
    assert [path.code(n) for n in ("其他支出", "其他支出", "其他支出")] == ["229", "22999", "2299999"]
