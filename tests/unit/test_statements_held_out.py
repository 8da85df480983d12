"""Statements of held-out set D (real pages, figures read by hand): each rule with its snippet."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text


def _ex(page: str):
    return extract(read_text(page.encode("utf-8")), "t")


def test_rate_against_the_adjusted_spending_budget() -> None:
    # 533 (Nanjing 江宁区 决算草案): 完成调整后支出预算的96.3% is the execution rate of 251.45亿元.
    ex = _ex("关于江宁区2022年区级决算草案的报告\n"
             "2022年全区完成一般公共预算支出251.45亿元,完成调整后支出预算的96.3%,同比下降6.87%。")
    [e] = ex.fact_executions
    assert (e["executed_yuan"], e["reported_rate_pct"]) == (Decimal("25145000000.00"), Decimal("96.3"))


def test_last_years_balance_is_carried_over_income() -> None:
    # 534 (a fund budget): 上年结余1885万元 is income carried over, not money left unspent.
    ex = _ex("2023年政府性基金预算\n"
             "2023年政府性基金收入预算1434万元,上级补助收入1331万元,上年结余1885万元;2023年政府性基金支出总计3319万元。")
    carried = [b for b in ex.fact_budgets if b["line_item"] == "carryover"]
    assert [b["amount_yuan"] for b in carried] == [Decimal("18850000.00")]


SANGONG_ACCOUNTS = (
    "一、“三公”经费财政拨款支出总体情况说明。\n"
    "2018年度本部门一般公共预算财政拨款安排的“三公”经费支出2.05万元,较上年2.08减少0.03万元,减少了1.44%,"
    "原因为严格落实中央八项规定精神,厉行节约;其中:因公出国(境)支出0万元;公务用车购置支出0万元;"
    "公务用车运行维护费用支出0万元;公务接待费支出2.05万元,占“三公”经费的100%。\n"
    "二、“三公”经费财政拨款支出与年初预算对比情况。\n"
    "2018年度本部门一般公共预算财政拨款安排的“三公\"经费支出2.05万元,年初预算为2.95万元,差值为0.9万元。\n"
)


def test_untitled_sangong_spending_against_its_budget_is_an_account() -> None:
    # Held-out B 334: no title; spending set against 年初预算 is a final account, and 安排的
    # only says where the money came from: 2.05万元 is spent, 2.95万元 budgeted.
    ex = _ex(SANGONG_ACCOUNTS)
    assert ex.reports[0]["report_kind"] == "final_accounts"
    spent = {(e["line_item"], e["executed_yuan"]) for e in ex.fact_executions}
    assert ("sangong", Decimal("20500.00")) in spent
    budgeted = {(b["line_item"], b["amount_yuan"]) for b in ex.fact_budgets}
    assert ("sangong", Decimal("29500.00")) in budgeted and ("sangong", Decimal("20500.00")) not in budgeted


def test_a_budget_arranged_for_spending_stays_a_budget() -> None:
    ex = _ex("2023年部门预算说明\n2023年一般公共预算财政拨款安排的“三公”经费预算为5.00万元。")
    assert [(b["line_item"], b["amount_yuan"]) for b in ex.fact_budgets] == [("sangong", Decimal("50000.00"))]


def test_a_rate_on_another_basis_is_not_the_changes_own() -> None:
    # E 631 (广州番禺 预算执行报告): 减收34,086万元 is the raw change; 0.67 % is 剔除留抵退税后同口径.
    ex = _ex("关于番禺区2022年预算执行情况的报告\n"
             "2022年全区一般公共预算收入1,042,625万元,完成年度预算的100.99%,比2021年减收34,086万元,"
             "剔除留抵退税后同口径增长0.67%。其中:税收收入720,801万元,同比减收92,021万元,剔除留抵退税后同口径下降 6.07%。")
    cuts = [c for c in ex.fact_changes if c.get("word") == "减收"]
    assert len(cuts) == 2 and all(c.get("change_pct") is None for c in cuts)


def test_a_list_after_a_bracket_belongs_to_its_owner_never_to_a_figure_inside() -> None:
    # E 604 (岳阳县, one cell per line run together): 其中 after the bracket is not 畅通工程's;
    # 高标准农田建设400万元 is a project's amount, not a per-unit standard.
    ex = _ex("农田建设项目绩效自评表\n年度资金总额: 854万(高标准农田建设400万元,示范建设295万元,畅通工程159万元) "
             "其中:财政拨款 854万854万(高标准农田建设400万元,示范建设295万元,畅通工程159万元)\n")
    by_ref = {b["source_ref"]: b for b in ex.fact_budgets}
    assert "400" in {b["reported_text"] for b in ex.fact_budgets}
    for b in ex.fact_budgets:
        whole = by_ref.get(b.get("part_of") or "")
        assert whole is None or whole["reported_text"] != "159", b


def test_a_bracket_after_a_figure_set_aside_has_no_owner() -> None:
    # E 612 (丰都县 决算): 791 is 年终结余's part (set aside as unspent), not 365's.
    ex = _ex("丰都县人民政府关于2021年决算情况的报告\n全县一般公共预算本级支出623396万元,下降11.44%,加上:上解支出33067万元、"
             "债务还本支出268007万元、安排预算稳定调节基金365万元、年终结余4558万元(其中:本级791万元),支出总计929393万元。")
    assert not [b for b in ex.fact_budgets if b.get("part_of") and b["reported_text"] == "791"]


def test_a_rate_pairs_with_the_execution_of_its_own_paragraph() -> None:
    # E 621 (Guangdong): 784.685 paid in 2023; the 34.3 % is 233.64 of the 680.315 carried over.
    ex = _ex("一、绩效目标分解下达情况\n"
             "(一)2023年中央下达水稻集中育秧设施建设项目预算资金1465万元(该项目为两年期项目)。2023年完成支付784.685万元。\n"
             "(二)2024年结转2023年水稻集中育秧设施建设项目资金合计680.315万元,全年预算执行数合计233.64万元。预算执行率34.3% 。\n")
    paired = [e for e in ex.fact_executions if e.get("reported_rate_pct") is not None and e.get("executed_yuan") is not None]
    assert all(e["executed_yuan"] != Decimal("7846850.00") for e in paired)


def test_a_total_printed_without_unit_before_its_parts_and_its_rate() -> None:
    # E 614 (广西): 1032849.44 takes the unit of the parts its bracket lists; 95.61 % is its rate
    # (1032849.44 / 1080245.79), not the rate of 其他资金, the last part in the bracket.
    ex = _ex("广西城乡居民基本养老保险补助资金转移支付2022年度绩效自评报告\n"
             "2022年,我区城乡居民基本养老保险全年预算数1080245.79万元,全区执行数1032849.44(含中央资金689139.31万元,"
             "地方资金332524.99万元,其他资金11185.14万元),总预算执行率95.61%。")
    rated = [e for e in ex.fact_executions if e.get("executed_yuan") is not None and e.get("reported_rate_pct") is not None]
    assert [(e["executed_yuan"], e["reported_rate_pct"]) for e in rated] == [(Decimal("10328494400.00"), Decimal("95.61"))]


def test_a_bracket_after_a_change_lists_parts_of_the_level_before_the_change() -> None:
    # B 335 (临翔区审计局): the bracket after 较上年减少0.09万元,下降% lists 3.44's parts, not 三公's.
    ex = _ex("2018年临翔区审计局“三公”经费支出决算说明\n2018年临翔区审计局一般公共预算财政拨款“三公”经费支出决算汇总数为6.09万元,"
             "较上年减少0.99万元,下降13.98%。其中:因公出国(境)费为0万元。公务接待费为2.65万元。"
             "公务用车购置及运行维护费为3.44万元,较上年减少0.09万元,下降%(其中:公务用车购置费0万元,较上年增加(减少)0万元,"
             "增长(下降)0%;公务用车运行维护费3.44万元,较上年减少0.09万元,下降2.55%)。")
    rows = ex.fact_budgets + ex.fact_executions
    by_ref = {r["source_ref"]: r for r in rows}
    ops = [r for r in rows if r.get("line_item") == "sangong_vehicle_operation"]
    assert ops and all(by_ref[r["part_of"]]["line_item"] != "sangong" for r in ops if r.get("part_of"))
