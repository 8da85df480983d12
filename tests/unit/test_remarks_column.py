"""A figure in a column headed 备注 (remarks) is set aside with that reason (issue 13): 长沙's 项目支出绩效目标表
print 20, 6, 1, 4 … there, most likely weights, but the table never says so. It is no fact, it is counted
among the cells knowingly set aside (coverage), and it stays in `unrecognised` with the reason.

The first rows of 长沙市公安局2025年部门预算公开 p.23 2025年项目支出绩效目标表 (PDF in /tmp/audit-docs/renwu,
never committed), as printed, read by hand."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.ingest.read import read_document
from pipeline.settings import Settings

TEXT = """长沙市公安局2025年部门预算公开
2025年项目支出绩效目标表
单位名称：长沙市公安局 单位：万元
| 单位编码 | 单位（项目）名称 | 资金总额 | 绩效目标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 指标值内容 | 评（扣）分标准 | 度量单位 | 指标值类型 | 备注 |
| 合计 | | 40,233.95 | | | | | | | | | | |
| 106001 | 大型警保卫及基础设施安全保护工作经费 | 428.69 | 发挥公安职能，切实做好大型警保卫及基础设施安全保护工作 | 成本指标 | 经济成本指标 | 成本控制率 | 100 | 成本控制在总预算内 | 成本控制在总预算内得满分，每超过5%扣5分 | % | ≤ | 20 |
| 106001 | 大型警保卫及基础设施安全保护工作经费 | 428.69 | 发挥公安职能，切实做好大型警保卫及基础设施安全保护工作 | 产出指标 | 数量指标 | 安全隐患排除率 | 100 | 安全隐患排除率100% | 安全隐患排除率100%得满分 | % | = | 6 |
| 106001 | 大型警保卫及基础设施安全保护工作经费 | 428.69 | 发挥公安职能，切实做好大型警保卫及基础设施安全保护工作 | 产出指标 | 数量指标 | 警保卫活动次数 | 10 | 警保卫活动次数 | 完成目标得满分，每少一次扣1分 | 次 | ≥ | 4 |
"""


def test_a_figure_under_remarks_is_left_with_that_reason():
    ex = extract(read_document(TEXT.encode("utf-8"), Settings()), "d")
    left = {u["text"]: u["reason"] for u in ex.unrecognised}
    assert all("remarks column" in left[t] for t in ("20", "6", "4"))
    facts = [f["reported_text"] for f in ex.fact_budgets + ex.fact_executions]
    assert not {"20", "6", "4"} & set(facts)


def test_a_remark_is_counted_as_set_aside_not_as_unread():
    ex = extract(read_document(TEXT.encode("utf-8"), Settings()), "d")
    remarks = [u for u in ex.unrecognised if "remarks column" in u["reason"]]
    assert len(remarks) == 3 and all(u["reason"].startswith("set aside") for u in remarks)
    unread = ex.numeric_cells - ex.numeric_cells_used - ex.numeric_cells_ignored
    # the three remarks are among the set-aside cells: without the rule they would be unread
    assert ex.numeric_cells_ignored >= 3
    assert unread == len([u for u in ex.unrecognised if u["what"] == "cell" and "remarks column" not in u["reason"]])
