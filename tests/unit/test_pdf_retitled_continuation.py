"""A table continued on the next page under its reprinted title (issue 14): 烟台市交通运输局
2026 部门预算 (山东, github calinchow-del/renwu 预算数据/) prints 公开表2 收入总体情况表 on
pp.9–10, each page opening with the table's title lines and its header row again. Read as two
tables, the 合计 45,761.72 on p.9 was compared with p.9's rows alone (8,520.72): a false
table_total. The geometry below is the pages' (A4 landscape, 595 pt high; rows abridged)."""

from __future__ import annotations

from pipeline.lexicon import pattern
from pipeline.model import Document, Table
from pipeline.readers.pdf import _assemble, _Line, _Part, _RawCell

TITLE = ["公开表2", "收入总体情况表", "部门（单位）：烟台市交通运输局 单位：万元"]
HEADER = ["科目编码", "科目名称", "合计", "一般公共预算收入"]
XS = [14.0, 80.0, 300.0, 420.0, 540.0]


def _row(page: int, top: float, texts: list[str]) -> list[_RawCell]:
    y = page * 10_000 + top
    return [_RawCell(XS[i], XS[i + 1], y, y + 14, t) for i, t in enumerate(texts)]


def _part(page: int, rows: list[list[str]], first: list[str] | None = None) -> _Part:
    body = [first or HEADER, *rows]
    return _Part(page, XS[0], XS[-1], 112.0, 512.0, [_row(page, 112 + 14 * i, r) for i, r in enumerate(body)])


def _title(page: int, lines: list[str]) -> list[tuple[int, float, object]]:
    return [(page, 66.0 + 14 * i, _Line(page, 300.0, 540.0, 66.0 + 14 * i, 76.0 + 14 * i, t))
            for i, t in enumerate(lines)]


def _tables(items) -> list[Table]:
    doc = Document(file_format="pdf")
    _assemble(doc, items, {9: 595.0, 10: 595.0})
    return [b for b in doc.blocks if isinstance(b, Table)]


P9 = [["", "合　计", "45,761.72", "39,664.33"], ["205", "教育支出", "63.55", "63.55"],
      ["208", "社会保障和就业支出", "6,732.72", "6,732.72"], ["210", "卫生健康支出", "1,724.45", "1,724.45"]]
P10 = [["212", "城乡社区支出", "80.34", "80.34"], ["214", "交通运输支出", "34,960.28", "28,947.23"],
       ["221", "住房保障支出", "2,196.37", "2,196.37"]]


def test_continuation_under_the_reprinted_title_is_one_table():
    items = [*_title(9, TITLE), (9, 112.0, _part(9, P9)), *_title(10, TITLE), (10, 112.0, _part(10, P10))]
    (t,) = _tables(items)
    codes = [r[0].text for r in t.rows if r and r[0].text.isdigit()]
    assert codes == ["205", "208", "210", "212", "214", "221"]
    assert sum(1 for r in t.rows if r[1].text == "科目名称") == 1  # the repeated header dropped


def test_another_title_starts_another_table():
    other = ["公开表3", "支出总体情况表", "部门（单位）：烟台市交通运输局 单位：万元"]
    items = [*_title(9, TITLE), (9, 112.0, _part(9, P9)), *_title(10, other), (10, 112.0, _part(10, P10))]
    assert len(_tables(items)) == 2


def test_project_forms_under_one_title_stay_apart():
    # 项目支出绩效目标表: every project's form opens with 项目名称 | <its name>, not a column header
    form = ["项目支出绩效目标表"]
    a = _part(9, [["项目类别", "专项", "", ""]], first=["项目名称", "交通战备专项", "", ""])
    b = _part(10, [["项目类别", "专项", "", ""]], first=["项目名称", "公路养护及业务等", "", ""])
    items = [*_title(9, form), (9, 112.0, a), *_title(10, form), (10, 112.0, b)]
    assert len(_tables(items)) == 2


def test_page_number_with_spaced_digits_is_furniture():
    # 重庆市商务委员会 2026 部门预算 prints its page numbers as '— 1 2 —' under each table, 福州市民政局
    # (本级) 2026 单位预算 as '1 8' (福建): both ended a table about to continue on the next page
    p = pattern("layout", "pages.page_number")
    assert p.search("— 1 2 —") and p.search("— 8 —") and p.search("1 8")
    assert not p.search("1 2 3") and not p.search("2026 2025")


def test_continuation_printed_a_few_points_aside_is_joined():
    # 西安市人力资源和社会保障局 2020年部门综合预算 (陕西) 表6 pp.35–36: p.36 prints the same grid
    # 4 pt to the right (53–779 pt, then 57–783 pt), with no title and no header
    head = ["部门经济科目编码", "部门经济科目名称", "合计", "公用经费支出"]
    p35 = _part(35, [["302", "商品和服务支出", "4464.76", "621.37"], ["30201", "办公费", "140.26", "52.72"]], first=head)
    rows36 = [["30203", "咨询费", "4.5", "0"], ["30204", "手续费", "4.44", "0.2"]]
    p36 = _Part(36, XS[0] + 4, XS[-1] + 4, 71.0, 518.0,
                [[_RawCell(XS[i] + 4, XS[i + 1] + 4, 36 * 10_000 + 71 + 14 * k, 36 * 10_000 + 85 + 14 * k, t)
                  for i, t in enumerate(r)] for k, r in enumerate(rows36)])
    doc = Document(file_format="pdf")
    _assemble(doc, [(35, 112.0, p35), (36, 71.0, p36)], {35: 595.0, 36: 595.0})
    (t,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert [r[0].text for r in t.rows] == ["部门经济科目编码", "302", "30201", "30203", "30204"]
    assert all(len(r) == 4 and r[2].col == 3 for r in t.rows)  # on the table's own columns
