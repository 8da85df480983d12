"""Precision on budget disclosures (issue 14): the causes of false alarms found on real 2026
部门预算 PDFs, rebuilt as small documents with the figures read by hand from those PDFs, and a
planted error beside each showing the check still finds a real one."""

from __future__ import annotations

import hashlib

import duckdb
import pandas as pd

from pipeline.checks.identities import insert_residuals
from pipeline.model import Cell, Document, Paragraph, Table
from tests.checks_harness import check_document as harness_check

# 无锡市交通运输局 2026 收支预算总表 (page 14), income side, 万元.
WUXI_INCOME = [
    ("一、一般公共预算拨款收入", "196,278.67"),
    ("二、政府性基金预算拨款收入", "143,999.00"),
    ("三、国有资本经营预算拨款收入", "32,640.00"),
    ("四、财政专户管理资金收入", ""),
    ("五、事业收入", ""),
    ("九、其他收入", "611,843.20"),
]
WUXI_SPENDING = [
    ("一、科学技术支出", "5,000.00"), ("二、社会保障和就业支出", "390.07"), ("三、卫生健康支出", "113.77"),
    ("四、城乡社区支出", "842,090.31"), ("五、交通运输支出", "103,827.76"), ("六、住房保障支出", "698.96"),
]
TOTAL = "984,760.87"


def _two_sided(income: list[tuple[str, str]], total: str = TOTAL) -> Document:
    rows = [["收入", "", "支出", ""], ["项目", "预算数", "项目", "预算数"]]
    for i in range(max(len(income), len(WUXI_SPENDING))):
        left = income[i] if i < len(income) else ("", "")
        right = WUXI_SPENDING[i] if i < len(WUXI_SPENDING) else ("", "")
        rows.append([*left, *right])
    rows.append(["本年收入合计", total, "本年支出合计", TOTAL])
    rows.append(["收入总计", total, "支出总计", TOTAL])
    table = Table(index=1, page=14, caption="公开01表 收支预算总表 单位：万元",
                  rows=[[Cell(text=t, row=r, col=c) for c, t in enumerate(row, 1)] for r, row in enumerate(rows, 1)])
    return Document(file_format="pdf", blocks=[
        Paragraph(index=1, text="无锡市交通运输局2026年度部门预算公开", page=1),
        Paragraph(index=2, text="公开01表 收支预算总表", page=14),
        Paragraph(index=3, text="单位：万元", page=14),
        table,
    ])


def check_document(doc: Document) -> tuple[pd.DataFrame, duckdb.DuckDBPyConnection]:
    return harness_check(doc, hashlib.sha256(repr(doc).encode()).hexdigest())


def _sums(df: pd.DataFrame) -> pd.DataFrame:
    """The 本年收入合计 sums, by their machine key (detail names them in words, for people)."""
    return df[(df["check_name"] == "line_item_sum") & (df["subject_key"] == "current_income:initial")]


def test_general_public_budget_income_row_is_a_child():
    """一般公共预算拨款收入 is mapped: the 本年收入合计 of 984,760.87 holds with all four parts."""
    df, _ = check_document(_two_sided(WUXI_INCOME))
    s = _sums(df)
    assert len(s) == 1 and s["passed"].all() and (s["status"] == "passed").all(), s[["detail", "status"]]
    assert "一、一般公共预算拨款收入 196,278.67" in s["detail"].iloc[0]
    assert s["detail"].iloc[0].startswith("本年收入合计（年初预算数）印 984,760.87万元")


def test_a_wrong_income_part_is_still_found():
    planted = [(lab, "611,843.30" if v == "611,843.20" else v) for lab, v in WUXI_INCOME]
    df, _ = check_document(_two_sided(planted))
    s = _sums(df)
    assert (s["status"] == "failed").any() and not s["passed"].all(), s[["detail", "status"]]


def test_unmapped_income_row_makes_the_sum_incomplete_not_an_error():
    """A row the reader cannot name (here a made-up 十、试点收入) may be a child: the sum that
    does not hold without it is `incomplete`, names the amount left out, and is no error."""
    income = [*WUXI_INCOME, ("十、试点收入", "100.00")]
    df, con = check_document(_two_sided(income, total="984,860.87"))
    s = _sums(df)
    assert (s["status"] == "incomplete").all() and len(s) == 1, s[["detail", "status"]]
    assert "100.00" in s["detail"].iloc[0] and "未完整核对" in s["detail"].iloc[0]
    assert s["passed"].all()  # residuals(): incomplete is never counted as failed
    # In dq_results it is neither passed nor failed (the contract: passed is null).
    insert_residuals(con, "dq_results", "run-1")
    got = con.execute("SELECT passed, severity FROM dq_results WHERE status = 'incomplete'").fetchall()
    assert got == [(None, "error")]
    assert con.execute("SELECT count(*) FROM dq_results WHERE NOT passed").fetchone()[0] == 0


def test_a_count_in_a_sentence_is_not_compared_with_projects_named_by_sentences():
    """Jiangsu 2018/2019: "本部门共0个项目实行绩效目标管理，涉及财政性资金合计0万元" was compared
    with one "project" read from that very sentence. Only a table's projects are rows."""
    doc = _two_sided(WUXI_INCOME)
    doc.blocks.append(Paragraph(index=4, page=12, text="（一）预算绩效目标设置情况说明"))
    doc.blocks.append(Paragraph(index=5, page=12,
                                text="2018年本部门共0个项目实行绩效目标管理，涉及财政性资金合计0万元。"))
    df, _ = check_document(doc)
    bad = df[(df["check_name"] == "summary_counts") & ~df["passed"]]
    assert bad.empty, bad[["detail"]]


def test_operating_costs_in_a_sentence_are_not_the_general_public_budget():
    """无锡 p.41: "一般公共预算机关运行经费预算支出 190.74 万元" is 机关运行经费, not the 196,278.67
    一般公共预算 income of the tables."""
    from pipeline.extract.statements import read_statements

    st, _rates, _changes = read_statements(
        "2026 年本单位一般公共预算机关运行经费预算支出 190.74 万元，与上年相比减少 8.41 万元，减少 4.22%。", "initial")
    assert [(s.line_item, str(s.value)) for s in st][:1] == [("operating_costs", "190.74")]
