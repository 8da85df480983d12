"""Amounts rules from session 18's work on the held-out sets (pages read by hand, sources in
docs/real_corpus_sources.md). Each test failed before its rule."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.extract.statements import Flow, read_statements
from pipeline.readers.text import read_text


def _ex(text: str):
    return extract(read_text(text.encode("utf-8")), "d")


def _levels(text: str, default: str | None = None) -> list[tuple[str, str, str | None]]:
    out, _rates, _changes = read_statements(text, default, Flow())
    return [(s.printed, s.measure, s.part_of.printed if s.part_of else None) for s in out]


# S 2029 (a 四川 transfer-payment self-evaluation form flattened onto one line, read by hand): the
# funds block prints two columns (年度金额 | 资金使用情况), each row's label once per column. The
# first figures of the rows add up to the first total (165 + 43 = 208), the second to the
# second (84.5 + 25.3 = 109.8): each is a part of its column's total, at its stage.
_FORM = ("专项名称普惠金融发展专项资金省级主管部门四川省财政厅资金情况(万元)年度金额(提前下达):208万元资金使用情况(万元)"
         "合计:109.8万元中央财政165万元中央财政84.5万元省级财政43万元省级财政25.3万元年度总体目标目标1:支持农村金融"
         "组织体系建设,扩大农村金融服务覆盖面,绩效目标完成情况一级指标二级指标三级指标指标值完成值权重得分产出指标数量指标"
         "创业担保贷款发放额增长率≥10%115.25%20%20质量指标创业担保贷款回收率≥90%98.70%20%20得分合计100。\n")


def test_a_forms_flattened_columns_are_read_when_each_adds_up_to_its_total() -> None:
    assert _levels(_FORM) == [("208", "allocated", None), ("109.8", "executed", None),
                              ("165", "allocated", "208"), ("84.5", "executed", "109.8"),
                              ("43", "allocated", "208"), ("25.3", "executed", "109.8")]
    ex = _ex(_FORM)
    assert sorted(f["amount_yuan"] for f in ex.fact_budgets) == [430000, 1650000, 2080000]
    assert sorted(f["executed_yuan"] for f in ex.fact_executions) == [253000, 845000, 1098000]
    assert all(f["reported_rate_pct"] is None for f in ex.fact_executions)


def test_flattened_columns_that_do_not_add_up_stay_set_aside() -> None:
    # 省级财政 40 (not 43): 165 + 40 is not 208 — which figure is in which column is not known
    assert _levels(_FORM.replace("省级财政43万元", "省级财政40万元")) == [("208", "allocated", None),
                                                                ("109.8", "executed", None)]
    flow = Flow()
    read_statements(_FORM.replace("省级财政43万元", "省级财政40万元"), None, flow)
    assert len([k for k in flow.skipped if "columns" in k[2]]) == 4


# Q 1807 (福建省住建厅's letter on its 2018 special funds, read by hand): the funds evaluated are
# named by a stage-less word (项目资金, its sum not printed) and their items listed after 包含.
# Each item is money of that word's stage — spent, in a report that is no budget disclosure.
_SCOPE = ("2018年专项支出绩效评价资金范围包括两个部分:一是纳入清单管理项目资金,包含城乡环境综合整治78,000万元、"
          "美丽乡村建设60,000万元、乡镇污水处理厂配套管网20,000万元、农村危房改造13,750万元;二是2018年度部门业务费"
          "5,577.84万元和家园清洁行动4,500万元(含省发改委1000万元)。")


def test_items_listed_under_money_named_without_a_stage_take_its_stage() -> None:
    assert [(p, m) for p, m, _ in _levels(_SCOPE)] == [
        ("78,000", "executed"), ("60,000", "executed"), ("20,000", "executed"), ("13,750", "executed"),
        ("5,577.84", "executed"), ("4,500", "executed"), ("1000", "executed")]
    # …in a budget disclosure, budgeted
    assert {m for _, m, _ in _levels(_SCOPE, "initial")} == {"initial"}


def test_a_list_after_a_clause_naming_no_money_stays_unread() -> None:
    # 包括 after words naming no money (两个部分, 三个地区): the figures' stage is not said
    assert _levels("本次评价包括三个地区,包括城区78,000万元、郊区60,000万元。") == []
    # …nor after a clause that holds a figure of its own
    assert _levels("项目资金1000万元,包括城区78,000万元、郊区60,000万元。")[0][1] == "executed"


# R 1922 (a city finance bureau's notice of its 2022 evaluations, read by hand; a spam mirror, the
# city's name replaced — here restored to plain names): a list of the evaluated projects with their
# money (资金量, no stage said) and each one's grade, no score column. Each row is a project; its
# money is at the report's default stage of spending (what was spent, outside a budget disclosure).
_GRADED = ("为落实市委、市政府《关于全面推进预算绩效管理的实施意见》精神,我局组织开展了2022年重点项目绩效评价工作,"
           "现将评价情况通报如下:\n"
           "2022年共对9个重点项目进行了评价,其中项目支出评价4个、政策评价3个、部门整体评价2个,涉及部门单位7个,"
           "资金17815.56万元。具体评价结果情况如下:\n"
           "序号 | 主管部门(单位) | 项目名称 | 资金量 (万元) | 评价等级 |\n"
           "1 | 市委直属机关工作委员会 | 红色物业联盟工作专项经费 | 2059 | 良 |\n"
           "2 | 市体育局 | 世界围棋圣地专项 | 1424.74 | 良 |\n"
           "6 | 市文化广电旅游局 | 民宿产业政策配套(2019年为“乡旅游工作经费”) | 1600 | 中 |\n")


def test_a_list_of_graded_projects_with_their_money() -> None:
    ex = _ex(_GRADED)
    names = {p["project_id"]: p["project_name"] for p in ex.projects}
    table = {names[f["project_id"]]: f["executed_yuan"] for f in ex.fact_executions if f["project_id"]}
    assert table == {"红色物业联盟工作专项经费": 20590000, "世界围棋圣地专项": 14247400,
                     "民宿产业政策配套(2019年为“乡旅游工作经费”)": 16000000}
    assert sorted(s["grade_text"] for s in ex.fact_scores) == ["中", "良", "良"]
    assert not ex.fact_budgets


def test_a_project_list_with_money_but_no_grade_or_score_is_not_read_as_one() -> None:
    # without a grade (or score) column nothing says the rows are evaluated projects
    page = _GRADED.replace(" | 评价等级 |", " | 备注 |").replace(" | 良 |", " | 无 |").replace(" | 中 |", " | 无 |")
    assert not [f for f in _ex(page).fact_executions if f["project_id"]]


# V 2304 (大英县市场监督管理局 2019 决算说明, a mirror's middle page, read by hand): a list of the
# reception spending's parts in 万元, two of them printed without their unit (0.17; 0.41;). With them
# the parts add up to the whole (1.29+3.1+0.17+0.18+0.41+0.2+1.25+0.17 = 6.77): they are in 万元 too.
_RECEPTION = ("国内公务接待88批次,903人次(不包括陪同人员),共计支出6.77万元,具体内容包括:市场监督管理专项1.29万元,"
              "市场监督执法3.1万元;消费者权益保护0.17;药品事务0.18万元;其他市场监督管理事务0.41;卫生健康0.2万元;"
              "行政运行1.25万元;事业运行0.17万元。")


def test_a_listed_part_printed_without_its_unit_when_the_parts_add_up_with_it() -> None:
    got = [(p, m, w) for p, m, w in _levels(_RECEPTION, "executed")]
    assert [p for p, _, _ in got] == ["6.77", "1.29", "3.1", "0.17", "0.18", "0.41", "0.2", "1.25", "0.17"]
    assert all(w == "6.77" for _, _, w in got[1:])
    assert {m for _, m, _ in got} == {"executed"}


def test_unitless_list_items_that_do_not_add_up_stay_unread() -> None:
    # 0.42 instead of 0.41: the parts no longer add up with them — the bare figures could be anything
    printed = [p for p, _, _ in _levels(_RECEPTION.replace("0.41;", "0.42;"), "executed")]
    assert printed == ["6.77", "1.29", "3.1", "0.18", "0.2", "1.25", "0.17"]  # 0.17 with its 万元 only
