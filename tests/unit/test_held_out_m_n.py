"""Readings first missed on held-out sets M and N (session 12: real pages gathered from the
stored public web pages and read by hand, kept outside the repository). Each case is the page's
own wording, cut to what the rule needs."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.extract.identity import unit_from_title
from pipeline.extract.statements import read_statements
from pipeline.readers.text import read_text


def _units(text: str) -> list[str | None]:
    return [r["unit_name"] for r in extract(read_text(text.encode("utf-8")), "d").reports]


def test_a_rate_of_the_budget_named_before_its_kind_of_money() -> None:
    # N 1525 (常州市金坛第一人民医院): "完成全年预算收入的66.4%", 预算 before 收入
    st, rates, _ = read_statements("2020年完成业务收入44009万元,完成全年预算收入的66.4%,比上年同期减少16177万元,减少26.9%。", None)
    assert [(s.printed, s.rate[1] if s.rate else None) for s in st] == [("44009", "66.4")]


def test_the_quota_allocated_is_a_level() -> None:
    # M 1406 (紫金县司法局): 指标金额 is the quota the finance bureau allocated
    st, _, _ = read_statements("2020年度紫金县财政划给紫金县司法局一村(社区)一法律顾问经费,指标金额是110万元,实际拨付金额是108万元。", None)
    assert [(s.printed, s.measure) for s in st] == [("110", "allocated"), ("108", "executed")]


def test_a_count_of_bodies_in_a_title_is_no_unit() -> None:
    # M 1419: "关于申请全省52家免费开放博物馆纪念馆…的请示" named '家免费开放博物馆纪念馆'
    assert unit_from_title("关于申请全省52家免费开放博物馆纪念馆2018年度免费开放补助资金绩效评价结果应用经费下达的请示") is None


def test_the_body_a_project_builds_is_no_unit() -> None:
    # M 1423: the title names the station the project rebuilds; the page's 发布机构 reports
    assert unit_from_title("银川市兴庆区月牙湖乡滨河家园垃圾转运站提升改造项目绩效自评报告") is None
    assert unit_from_title("银川市兴庆区住房和城乡建设局2022年度项目绩效自评报告") == "银川市兴庆区住房和城乡建设局"


def test_the_provincial_finance_department_of_a_transfer_form_is_not_the_reporter() -> None:
    # M 1411 (安居区市场监管局, 区域绩效目标自评表): 省级财政部门 四川省财政厅 is another level's
    text = ("食品监管补助资金区域绩效目标自评表\n\n来源:安居区市场监管局 发布时间:2022-08-15 18:21\n\n"
            "食品监管补助资金区域绩效目标自评表\n\n专项名称\n\n食品监管补助资金\n\n中央主管部门\n\n市场监管总局\n\n"
            "自评得分\n\n省级财政部门\n\n四川省财政厅\n\n省级主管部门\n\n四川省市场监管局\n\n100\n\n预算执行情况\n\n"
            "预算数:\n\n2.38\n\n执行数:\n\n2.38\n\n20\n")
    assert "四川省财政厅" not in _units(text)


def test_spaced_out_characters_read_as_words() -> None:
    # N 1503 (梧州市民政局 2025 部门预算说明): a PDF that set characters apart; 同 比 增 加 was read as
    # a part of the total instead of its change
    text = ("2025年梧州市民政局部门预算说明\n另外,梧州市民政局下属共有 6 个事业单位,事业运行经 费 总预 算 安 排 37337407.64 元 , "
            "其中 : 基 本 支出 预 算 488180.64 元 , 项 目 支 出 预 算 36849227 元 , 同 比 增 加 27125219.46 元,增长 265.6%。\n")
    ex = extract(read_text(text.encode("utf-8")), "d")
    assert Decimal("27125219.46") not in {f["amount_yuan"] for f in ex.fact_budgets}
    assert {f["reported_text"] for f in ex.fact_budgets} == {"37337407.64", "488180.64", "36849227"}


def test_a_change_after_a_list_of_parts_is_not_paired_with_its_last_part() -> None:
    # N 1503: 27125219.46 is the change of 37337407.64 (265.6 %), not of the last part listed
    text = ("2025年梧州市民政局部门预算说明\n另外,梧州市民政局下属共有6个事业单位,事业运行经费总预算安排37337407.64元,"
            "其中:基本支出预算488180.64元,项目支出预算36849227元,同比增加27125219.46元,增长265.6%。\n")
    ex = extract(read_text(text.encode("utf-8")), "d")
    assert {f["reported_text"] for f in ex.fact_budgets} >= {"37337407.64", "488180.64", "36849227"}
    assert all(f["level_text"] != "36849227" for f in ex.fact_changes)
    # a part that has a change of its own keeps it ("其中:基本支出…,同比增加…;项目支出…,同比增加…")
    _, _, changes = read_statements("支出预算合计500万元,其中:基本支出预算300万元,同比增加10万元;项目支出预算200万元,同比增加20万元。", None)
    assert [(c.level.printed, c.printed) for c in changes] == [("300", "10"), ("200", "20")]


def test_a_threshold_is_no_level() -> None:
    # N 1511 (a news page on universities' accounts): "决算总收入超200亿的高校还有…" is a bound
    st, _, _ = read_statements("决算总收入超200亿的高校还有北京大学、浙江大学、上海交通大学,其2021年决算总收入分别为249.82亿、248.23亿元和236.08亿元。", None)
    assert [s.printed for s in st] == ["249.82", "248.23", "236.08"] and all(s.part_of is None for s in st)


def test_a_figure_given_as_a_reason_owns_no_list() -> None:
    # N 1505 (政协平凉市委员会办公室): the 25万元 in the reason for the growth is no whole of the
    # 包括 list after it
    text = ("2020年收入预算1058.28万元,比上年增加115.56万元,增长13%,增长的主要原因是:2020年转入人员6名,"
            "人员经费和公用经费均增加,新增预算委员履职补助25万元。包括:一般公共预算收入988.65万元,上年结转收入69.63万元。")
    st, _, _ = read_statements(text, None)
    assert all(s.part_of is None or s.part_of.printed != "25" for s in st)


def test_the_body_that_carried_out_the_self_evaluation_is_the_unit() -> None:
    # M 1413: "…有关规定,广西壮族自治区住房和城乡建设厅、财政厅认真组织开展了2024年度…绩效自评工作"
    from pipeline.extract.identity import opening_unit

    text = ("根据《财政部关于开展2024年度中央对地方转移支付预算执行情况绩效自评工作的通知》(财监〔2025〕1号)有关规定,"
            "广西壮族自治区住房和城乡建设厅、财政厅认真组织开展了2024年度中央财政城镇保障性安居工程补助资金绩效自评工作,自评情况如下:")
    assert opening_unit([text]) == "广西壮族自治区住房和城乡建设厅"


def test_a_score_given_as_the_mark_earned() -> None:
    # M 1414 (a city's 城镇保障性安居工程 news): "我市以99分的高分在全区各盟市中排名第一"
    from pipeline.extract.statements import read_scores

    got = read_scores("全区仅有三个盟市老旧小区改造补助资金绩效评价得分在90分以上,我市以99分的高分在全区各盟市中排名第一。")
    assert [(s.printed, s.total) for s in got] == [("99", True)]


def test_literal_line_breaks_and_figures_on_lines_of_their_own() -> None:
    # M 1425 (a document site's copy of a 交通运输局 2020 预算绩效情况说明): its line breaks printed
    # as "/r/n", each figure on a line of its own inside the sentence
    text = ("2020年度预算绩效情况说明/r/n1、预算绩效管理工作开展情况/r/n根据预算绩效管理要求,本部门组织对2020年度一般公共预算项目"
            "支出全面开展绩效自评,共涉及项目/r/n84/r/n个,预算资金/r/n20117.74475/r/n万元,项目实际支出金额/r/n17020.1125/r/n万元,"
            "占一般公共预算项目支出总额的/r/n84.6/r/n%。从评价情况来看,/r/n2020年度项目立项规范。")
    ex = extract(read_text(text.encode("utf-8")), "d")
    assert [f["reported_text"] for f in ex.fact_budgets] == ["20117.74475"]
    assert [f["reported_text"] for f in ex.fact_executions] == ["17020.1125"]
    # each figure still points at its own printed line
    assert ex.fact_budgets[0]["source_ref"].startswith("para=6;chars=0-11;")


def test_a_table_printed_one_cell_per_line_is_not_joined() -> None:
    from pipeline.extract.prepare import join_figure_lines
    from pipeline.model import Document, Paragraph

    cells = ["年度资金总额", "100", "执行率", "100%", "得分", "10"]
    doc = Document(blocks=[Paragraph(i, t) for i, t in enumerate(cells, start=1)])
    assert join_figure_lines(doc) == 0
    # …and a figure cell between a label cell and its unit cell is the one-cell-per-line form's (joined
    # as such: 计划安排资金 / 55 / 万元)


def test_a_label_announcing_its_figure_joins_it() -> None:
    # real-dev 141 re-rendered with each figure on a line of its own: "——部门收入" / "640.48" / "万元。…"
    from pipeline.extract.prepare import join_figure_lines
    from pipeline.model import Document, Paragraph

    lines = ["——部门收入", "640.48", "万元。学费等收入", "440", "万元;房租等其他收入", "140", "万元。", "公务接待费为", "111.43", "万元,比2020年减少"]
    doc = Document(blocks=[Paragraph(i, t) for i, t in enumerate(lines, start=1)])
    join_figure_lines(doc)
    assert [b.text for b in doc.blocks] == ["——部门收入640.48万元。学费等收入440万元;房租等其他收入140万元。", "公务接待费为111.43万元,比2020年减少"]
