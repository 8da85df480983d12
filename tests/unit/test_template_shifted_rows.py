"""Self-evaluation funding blocks whose grid columns are not the form's, on real renderings
(held-out set D): the table recogniser leaves them to the template engine, which reads the
block as a cell stream anchored on its row labels — with the money unit its header prints,
and nothing where the values could sit under more than one field."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.readers.text import read_text


def _facts(text: str):
    ex = extract(read_text(text.encode("utf-8")), "d")
    budgets = {(f["line_item"], f["stage"], str(f["amount_yuan"])) for f in ex.fact_budgets}
    execs = {(f["line_item"], str(f["executed_yuan"]), str(f["reported_rate_pct"])) for f in ex.fact_executions}
    scores = {(f["component"], str(f["weight"]), str(f["score"])) for f in ex.fact_scores}
    return ex, budgets, execs, scores


# D 505 (云南 永德县, 2022): `|` rows whose row labels were moved to the end of the row before,
# the 年初预算数 cell of the total row dropped, amounts in 元 per the block's title cell.
D505 = """2022年度项目支出绩效自评表 | 部门:临沧市永德县明朗中学 |
|
|
| 公开14表 | 项目名称 | 义务教育营养改善计划专项资金 | 主管部门 | 永德县教育体育局 | 实施单位 | 永德县明朗中学 | 项目资金 (元) |
| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | 年度资金总额 |
| 387664.62 | 387664.62 | 10 | 100% | 10 | 其中:当年财政 拨款 |
| 387664.62 | 387664.62 | — |
| — | 上年结转 资金 |
|
|
| — |
| — | 其他资金 | — | — | — | — |
| — | 年度 总体 目标 | 预期目标 | 实际完成情况 | 确保每一个学生都能享受到国家政策福利,改善学生体质 | 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 产出指标 | 数量指标 | 学生受资助人数 | ≧ | 735 | 人次 | 735 | 10 | 10 |
| 质量指标 | 营养改善计划覆盖率 | ≧ | 100 | % | 100% | 10 | 10 |
| 时效指标 | 资金到位及时率 | ≧ | 100 | % | 100% | 10 | 7 |
| 成本指标 | 生均补助标准达标率 | ═ | 100 | % | 100% | 10 | 10 |
"""


def test_labels_moved_to_the_row_before_and_a_unit_in_the_block_title() -> None:
    ex, budgets, execs, scores = _facts(D505)
    # 387664.62 元, never ×10000: the unit is the block's (项目资金 (元)).
    assert ("total", "387664.62", "100.0000") in execs or ("total", "387664.62", "100") in execs
    assert not any(float(v) > 1e6 for _, _, v in budgets)
    assert not any(e[1] != "None" and float(e[1]) > 1e6 for e in execs)
    # The total row printed five values for six fields: 387664.62 is 全年执行数 in every
    # reading (a positive 执行率 needs its 执行数), and the other 387664.62 全年预算数, the budget
    # the template measures 执行率 against (the 年初预算数 cell is the one dropped).
    assert {b for b in budgets if b[0] == "total"} == {("total", "adjusted", "387664.62")}
    # The sub-row's values are not read by position (the block drops empty cells).
    assert not any(b[0] == "fiscal_current" for b in budgets)
    assert any(c == "budget_execution" and float(w) == 10 and float(s) == 10 for c, w, s in scores)
    assert any("readings of the values fit the header" in u["reason"] for u in ex.unrecognised)
    # The indicator rows' targets (≧ | 100 | % | 100%) are no weights and scores of a
    # component named by the comparator.
    assert {c for c, _, _ in scores} <= {"budget_execution", "total"}


# D 507 (济南 历城区, 2019): a table flattened with spaces; the grid a reader made of it keeps
# the labels in other columns than the values.
D507 = """区级部门预算项目支出绩效自评表
( 2019 年度)
主管部门(盖章):                                       单位:万元
项目名称 商品和服务支出 主管部门 济南市历城区文化和旅游局
项目实施单位 济南市历城区文化馆 项目负责人 田延青 联系电话 88894492
年度总体目标 年初设定目标 年度总体目标完成情况综述
历城区文化馆免费开放 用于历城区文化馆全年免费开放,主要支付招聘合同人员工资,确保我馆全年正常免费开放和群众文化工作开展。
项目预算
执行情况
(10分)
  年初预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分 得分计算方法
年度资金总额 45 45 10 100% 10 执行率*该指标分值,最高不得超过分值上限。
其中:财政拨款 45 45 - - -
      其他资金     - - -



一级
指标
"""


def test_flattened_block_the_table_recogniser_cannot_align() -> None:
    _, budgets, execs, scores = _facts(D507)
    assert ("total", "initial", "450000.00") in budgets
    assert ("total", "450000.00", "100.0000") in execs or ("total", "450000.00", "100") in execs
    assert any(c == "budget_execution" and float(w) == 10 and float(s) == 10 for c, w, s in scores)


def test_a_unit_printed_in_the_total_label() -> None:
    """The money unit may be printed in the fund-source label instead of the header (the 元 of
    505 moved there): honoured in a grid and in a cell stream, never the 万元 default."""
    grid = ("项目支出绩效自评表\n| 项目名称 | 营养改善计划 |\n"
            "| 项目资金 | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
            "| 年度资金总额(元) | 387664.62 | 387664.62 | 387664.62 | 10 | 100% | 10 |\n"
            "| 其中:当年财政拨款 | 387664.62 | 387664.62 | 387664.62 | — | — | — |\n| 年度总体目标 | 完成 |\n")
    one_per_line = grid.replace(" | ", "\n").replace("| ", "").replace(" |", "")
    for text in (grid, one_per_line):
        _, budgets, execs, _ = _facts(text)
        assert ("total", "adjusted", "387664.62") in budgets
        assert any(e[0] == "total" and e[1] == "387664.62" for e in execs)


# D 502 (稷山县, 2021): a document-site preview of a spreadsheet, labels and values out of
# order — 年度资金总额 printed before the header, the figures after it with no label.
D502 = ("基本公共卫生服务项目支出绩效自评表.xlsx\n稷山县项目支出绩效自评表 (2021年度) 项目名称 国家基本公共卫生服务 "
        "主管部门 稷山县卫生健康和体育局 年初预算 数 0 项目资金 (万元) 年度资金总额 实施单位 稷山县翟店镇卫生院 "
        "全年预算数 全年执行数 分值 执行率 得分 0 207.4538 10 100% 10 207.4538 — 100% — "
        "其中:当年财政拨款 上年结转资金 其他资金 年度 总体 目标 一级 指标 —\n")


def test_figures_without_their_row_label_are_not_placed() -> None:
    """Under 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 the first figures would read 全年预算数 0
    beside 执行率 100%: whose row they are is not printed, so nothing is stored."""
    ex, budgets, execs, scores = _facts(D502)
    assert not budgets and not [e for e in execs if e[0] != "stated"]
    assert not any(c == "budget_execution" for c, _, _ in scores)
    assert any("figures printed without a row label" in u["reason"] for u in ex.unrecognised)
