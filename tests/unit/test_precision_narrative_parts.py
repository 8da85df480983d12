"""narrative_matches_table on a sentence that gives a whole and its parts under one name (issue 14).

中共重庆市委宣传部 2026年部门预算 (重庆, github calinchow-del/renwu 预算数据/), p.5 and 表九 2026年政府采购
预算明细表 (p.24), read by hand: the sentence prints 政府采购预算总额 712.49 and then its parts 货物
486.50, 工程 0, 服务 225.99 and 一般公共预算拨款 504.98 (货物 480.50, 工程 0, 服务 24.48); the sentence
reader names all seven 政府采购. Compared with the table's 合计 712.49, the six parts were six false
errors: a sentence naming several different figures alike does not say which is the whole, so
those that disagree are incomplete, never errors; a single figure is still judged."""

from __future__ import annotations

from pipeline.model import Cell, Document, Paragraph, Table
from tests.unit.test_precision_disclosure import check_document

SENTENCE = ("（二）政府采购情况。所属各预算单位政府采购预算总额712.49万元：政府采购货物预算486.50万元、"
            "政府采购工程预算0万元、政府采购服务预算225.99万元；其中一般公共预算拨款政府采购504.98万元："
            "政府采购货物预算480.50万元、政府采购工程预算0万元、政府采购服务预算24.48万元。")
HEAD = ["项目编号", "项目", "总计", "一般公共预算拨款收入", "政府性基金预算拨款收入", "国有资本经营预算拨款收入",
        "财政专户管理资金收入", "事业收入", "上级补助收入", "附属单位上缴收入", "事业单位经营收入", "其他收入"]
ROWS = [HEAD,
        ["合计", "", "712.49", "504.98", "", "", "", "6.00", "", "", "", "201.51"],
        ["A", "货物", "486.50", "480.50", "", "", "", "6.00", "", "", "", ""],
        ["C", "服务", "225.99", "24.48", "", "", "", "", "", "", "", "201.51"]]


def _doc(sentence: str) -> Document:
    table = Table(index=1, page=24, caption="表九 2026年政府采购预算明细表 单位：万元",
                  rows=[[Cell(text=t, row=r, col=c) for c, t in enumerate(row, 1)] for r, row in enumerate(ROWS, 1)])
    return Document(file_format="pdf", blocks=[
        Paragraph(index=1, text="中共重庆市委宣传部2026年部门预算", page=1),
        Paragraph(index=2, text="2026年部门预算情况说明", page=5),
        Paragraph(index=3, text=sentence, page=5),
        Paragraph(index=4, text="表九", page=24),
        Paragraph(index=5, text="2026年政府采购预算明细表", page=24),
        Paragraph(index=6, text="单位名称：中共重庆市委宣传部 单位：万元", page=24),
        table,
    ])


def _narrative(sentence: str):
    df, _ = check_document(_doc(sentence))
    return df[df["check_name"] == "narrative_matches_table"]


def test_parts_named_like_their_whole_are_not_errors():
    n = _narrative(SENTENCE)
    assert not (n["status"] == "failed").any(), n[["detail", "status"]]


def test_a_lone_wrong_figure_is_still_found():
    n = _narrative("（二）政府采购情况。所属各预算单位政府采购预算总额722.49万元。")
    assert (n["status"] == "failed").any(), n[["detail", "status"]]


# 2026年度泉州市人民政府办公室部门预算 (福建) p.18: 六、政府性基金预算拨款支出预算表 prints 合计 0.00 | 0.00 |
# 0.00 (备注：本部门2026年没有使用政府性基金预算拨款安排的支出); p.24 says 基本支出5915.38万元.
FUND_ROWS = [["科目编码", "科目名称", "小计", "其中："], ["基本支出", "项目支出"], ["合计", "0.00", "0.00", "0.00"]]


def _fund_cells(rows: list[list[str]]) -> list[list[Cell]]:
    """The page's grid: 其中： spans the 基本支出 and 项目支出 columns, 合计 the code and name columns."""
    h, sub, total = rows
    return [[Cell(text=h[0], row=1, col=1, rowspan=2), Cell(text=h[1], row=1, col=2, rowspan=2),
             Cell(text=h[2], row=1, col=3, rowspan=2), Cell(text=h[3], row=1, col=4, colspan=2)],
            [Cell(text=h[0], row=2, col=1, merged_copy=True), Cell(text=h[1], row=2, col=2, merged_copy=True),
             Cell(text=h[2], row=2, col=3, merged_copy=True), Cell(text=sub[0], row=2, col=4), Cell(text=sub[1], row=2, col=5)],
            [Cell(text=total[0], row=3, col=1, colspan=2), *[Cell(text=t, row=3, col=c) for c, t in enumerate(total[1:], 3)]]]


FUND_TITLE = "2026年度政府性基金预算拨款支出预算表"


def _fund_doc(rows: list[list[str]], title: str = FUND_TITLE) -> Document:
    table = Table(index=1, page=18, caption=f"{title} 单位：万元", rows=_fund_cells(rows))
    return Document(file_format="pdf", blocks=[
        Paragraph(index=1, text="2026年度泉州市人民政府办公室部门预算", page=1),
        Paragraph(index=2, text="六、" + title[6:], page=18),
        Paragraph(index=3, text=title, page=18),
        Paragraph(index=4, text="单位：万元", page=18),
        table,
        Paragraph(index=5, text="备注：本部门2026年没有使用政府性基金预算拨款安排的支出。", page=18),
        Paragraph(index=6, text="2026年部门预算支出15184.81万元，其中基本支出5915.38万元，项目支出9269.43万元。", page=24),
    ])


def _fund_narrative(rows: list[list[str]], title: str = FUND_TITLE):
    df, _ = check_document(_fund_doc(rows, title))
    return df[df["check_name"] == "narrative_matches_table"]


def test_a_table_of_zeros_is_not_the_reports_figure():
    df, con = check_document(_fund_doc(FUND_ROWS))
    # a fund's table (政府性基金): its 合计 row is that fund's, never the department's 基本支出 (issue 14,
    # 'a sentence compared with a table of another scope'); compared with nothing
    assert con.execute("SELECT count(*) FROM fact_budgets WHERE origin = 'table' AND line_item = 'basic'").fetchone()[0] == 0
    n = df[df["check_name"] == "narrative_matches_table"]
    assert not (n["status"] == "failed").any(), n[["detail", "status"]]


def test_a_table_with_figures_is_still_compared():
    planted = [*FUND_ROWS[:2], ["合计", "15184.81", "5925.38", "9259.43"]]
    # the department's own table (支出预算总表) is compared with the text …
    n = _fund_narrative(planted, "2026年度部门支出预算总表")
    assert (n["status"] == "failed").any(), n[["detail", "status"]]
    # … a fund's table with the same figures is not: the text speaks of all funds
    n = _fund_narrative(planted)
    assert not (n["status"] == "failed").any(), n[["detail", "status"]]


# 杭州市交通运输局2026年度部门预算 (浙江) 表6 一般公共预算基本支出预算表 (p.32): the 合计 row prints
# 82,529.89 | 人员经费 67,627.51 | 日常公用支出 14,902.37, as the text (p.12) says; 工资福利支出 63,983.80
# is one economic class of 人员经费 (which also holds 对个人和家庭的补助), never 人员经费 itself.
ECON_ROWS = [["经济分类科目名称", "本年一般公共预算基本支出", "", ""], ["", "合计", "人员经费", "日常公用支出"],
             ["**", "1", "2", "3"], ["合计", "82,529.89", "67,627.51", "14,902.37"],
             ["工资福利支出", "63,983.80", "63,983.80", ""], ["商品和服务支出", "12,533.77", "", "12,533.77"]]


def test_economic_classes_are_not_personnel_or_operating_costs():
    table = Table(index=1, page=32, caption="表6：2026年市级部门一般公共预算基本支出预算表 单位：万元",
                  rows=[[Cell(text=t, row=r, col=c) for c, t in enumerate(row, 1)] for r, row in enumerate(ECON_ROWS, 1)])
    doc = Document(file_format="pdf", blocks=[
        Paragraph(index=1, text="杭州市交通运输局2026年度部门预算", page=1),
        Paragraph(index=2, text="2026年一般公共预算基本支出82,529.89万元，其中：", page=12),
        Paragraph(index=3, text="人员支出67,627.51万元，主要包括：基本工资、津贴补贴、奖金等。", page=12),
        Paragraph(index=4, text="日常公用支出14,902.37万元，主要包括：办公费、印刷费等。", page=12),
        Paragraph(index=5, text="表6：2026年市级部门一般公共预算基本支出预算表", page=32),
        table,
    ])
    df, con = check_document(doc)
    wrong = con.execute("SELECT line_item, reported_text FROM fact_budgets WHERE origin = 'table' "
                        "AND reported_text IN ('63,983.80', '12,533.77') AND line_item IN ('personnel', 'public_operating')").fetchall()
    assert not wrong, wrong
    n = df[df["check_name"] == "narrative_matches_table"]
    assert not (n["status"] == "failed").any(), n[["detail", "status"]]
