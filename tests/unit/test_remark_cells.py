"""A remark column written as sentences (the national form's 原因 cell: '1.预算执行率=…未达到90%的
需说明原因；2.…') is one cell: its figures start no row, so the fund-source rows after it are read.
Snippets from real Sichuan forms (大英县司法局 2023, pipe rows; 青神县发展和改革局 2023, one cell
per line), figures read by hand."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text

REMARK = ("1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内);"
          "2.年中发生预算调整的(追加或调减),应单独说明理由;3.其他资金包括:社会投入资金、银行贷款.")

PIPE_ROWS = f"""部门预算项目支出绩效自评表(2023年度) | ||||||||||
项目名称 | 51092324T000010263357-2023年全县安可替代补助资金项目 | |||||||||
主管部门 | 大英县司法局部门 | 实施单位 | 大英县司法局 | |||||||
预算执行情况(10分) | 年度预算数(万元) | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因 | ||
总额 | 0.00 | 3.36 | 3.36 | 100.00% | 10 | 10 | {REMARK} | |||
其中:财政资金 | 0.00 | 3.36 | 3.36 | 100.00% | / | / | ||||
财政专户管理资金 | 0.00 | 0.00 | 0.00 | 0.00% | / | / | ||||
单位资金 | 0.00 | 0.00 | 0.00 | 0.00% | / | / | ||||
其他资金 | / | / | ||||||||
绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析 |
"""


def _execs(text: str) -> dict[str, tuple[Decimal, Decimal]]:
    ex = extract(read_text(text.encode("utf-8")), "t")
    return {f["line_item"]: (f["executed_yuan"], f["reported_rate_pct"]) for f in ex.fact_executions}


def test_pipe_rows_after_a_prose_remark_cell_are_read() -> None:
    e = _execs(PIPE_ROWS)
    assert e["total"] == (Decimal("33600.00"), Decimal("100.00"))
    assert e["fiscal"] == (Decimal("33600.00"), Decimal("100.00"))
    assert e["fiscal_special_account"] == (Decimal("0.00"), Decimal("0.00"))
    assert e["unit_funds"] == (Decimal("0.00"), Decimal("0.00"))


def test_one_cell_per_line_after_a_prose_remark_cell_is_read() -> None:
    rows = [line for line in PIPE_ROWS.splitlines()[:4]]
    cells = ["总额", "238.93", "251.89", "251.89", "100.00%", "10", "", REMARK,
             "其中:财政资金", "238.93", "251.89", "251.89", "100.00%", "/", "/",
             "财政专户管理资金", "0.00", "0.00", "0.00", "0.00%", "/", "/",
             "单位资金", "0.00", "0.00", "0.00", "0.00%", "/", "/", "其他资金"]
    text = "\n".join(rows) + "\n" + "\n".join(f"{c} |" for c in cells) + "\n绩效指标(90分) |\n"
    e = _execs(text)
    assert e["total"] == (Decimal("2518900.00"), Decimal("100.00"))
    assert e["fiscal_special_account"] == (Decimal("0.00"), Decimal("0.00"))
