"""Document-site previews of a self-evaluation form that printed the label column ahead of the
header (年度资金总额 其中:当年财政拨款 … 全年预算数 全年执行数 分值 执行率 得分 65.66 65.07 10 99% 9 …):
the figures after the header are those labels' rows only when there are exactly as many as the
labels times the header's fields; otherwise they stay unplaced. Real snippets (short quotes)."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text

# held-out C 402 (稷山县, 2020)
C402 = ("建档立卡个人缴费县级配套绩效自评表.xlsx\n稷山县项目支出绩效自评表 (2020年度) 项目名称 建档立卡个人缴费县级配套资金 "
        "主管部门 稷山县医疗保障局 项目资金 年初预算数 (万元) 年度资金总额 其中:当年财政拨款 实施单位 全年预算数 全年执行数 "
        "分值 执行率 得分 65.66 65.07 10 99% 9 65.66 65.07 — 99% — 上年结转资金 — — 其他资金 — — 预期目标 实际完成情况 "
        "提高医疗保障水平,推进因病致贫问题的根本性解决 年度总 体目标 一级 指标 二级指标 三级指标")
# held-out A 222 (区商务局, 2020): the header's annotation cut at a space ((20 分*执行率))
A222 = ("12---【市财政局、市商务局拨付2020年市级服务贸易发展资金的通知】项目自评表.doc\n2020 年市级服务贸易发展资金项目自评表 "
        "单位名称:区商务局 填报日期:2021 年 4 月 22 日 项目名称 2020 年市级服务贸易发展资金 主管部门 区商务局 项目类型 "
        "1、常年性项目 2、延续性项目 □ 预算执行 情况(万元) (20 分) 一级指标 年度财政 资金总额 项目实施单位 投资促进中心 □ "
        "3、一次性项目 □ 预算数 (A) 执行数(B) 执行率(B/A) 得分 (20 分*执行率) 285.84 285.84 100% 20 三级指标 年初目标值 (A)")
# held-out D 502 (稷山县, 2021): nine figures after the header for one label before it — whose
# they are is not printed (a 0 budget would be read otherwise)
D502 = ("基本公共卫生服务项目支出绩效自评表.xlsx\n稷山县项目支出绩效自评表 (2021年度) 项目名称 国家基本公共卫生服务 主管部门 "
        "稷山县卫生健康和体育局 年初预算 数 0 项目资金 (万元) 年度资金总额 实施单位 稷山县翟店镇卫生院 全年预算数 全年执行数 分值 "
        "执行率 得分 0 207.4538 10 100% 10 207.4538 — 100% — 其中:当年财政拨款 上年结转资金 其他资金 年度 总体 目标 一级 指标")


def _ex(text: str):
    return extract(read_text(text.encode("utf-8")), "d")


def test_two_labels_before_the_header_and_two_rows_of_figures() -> None:
    ex = _ex(C402)
    budgets = {(f["line_item"], f["stage"]): f["amount_yuan"] for f in ex.fact_budgets if f["origin"] == "table"}
    assert budgets == {("total", "adjusted"): Decimal("656600.00"), ("fiscal_current", "adjusted"): Decimal("656600.00")}
    execs = {f["line_item"]: (f["executed_yuan"], f["reported_rate_pct"]) for f in ex.fact_executions
             if f["origin"] == "table"}
    assert execs["total"] == (Decimal("650700.00"), Decimal("99"))
    assert {(f["component"], f["weight"], f["score"]) for f in ex.fact_scores} == {
        ("budget_execution", Decimal("10"), Decimal("9"))}


def test_a_label_over_two_cells_and_an_annotation_cut_at_a_space() -> None:
    ex = _ex(A222)
    assert {(f["line_item"], f["stage"], f["amount_yuan"]) for f in ex.fact_budgets if f["origin"] == "table"} == {
        ("total", "adjusted", Decimal("2858400.00"))}
    assert any(f["line_item"] == "total" and f["executed_yuan"] == Decimal("2858400.00") for f in ex.fact_executions)
    assert any(f["component"] == "budget_execution" and f["score"] == Decimal("20") for f in ex.fact_scores)


def test_figures_that_are_no_whole_rows_of_the_labels_stay_unplaced() -> None:
    ex = _ex(D502)
    assert not [f for f in ex.fact_budgets + ex.fact_executions if f["origin"] == "table"]
    assert not ex.fact_scores
    assert any(u["text"] == "207.4538" for u in ex.unrecognised)


def test_a_single_digit_right_after_the_header_keeps_the_run_unread() -> None:
    """'得分 5 65.66 …': the header takes a lone character after it for an OCR speck; when that is
    a digit it may be the run's first figure, so the run's count proves nothing."""
    text = C402.replace("得分 65.66", "得分 5 65.66")
    ex = _ex(text)
    assert not [f for f in ex.fact_budgets + ex.fact_executions if f["origin"] == "table"]
