"""Performance-target tables (项目支出绩效目标表) printed in a 部门预算: planned figures, never a
self-evaluation's. A project's 资金总额 / 财政拨款 / 其他资金 are its initial budget, its indicators
keep their targets (≥90%, ≥5次 stay targets, never amounts) and their weights (分值权重, 指标权重),
and nothing is stored as executed or scored. Rows typed from the real PDFs (see each test), in the
cells pdfplumber reads from them (column numbers and spans kept)."""

from __future__ import annotations

import hashlib
from decimal import Decimal

from pipeline.extract import extract
from pipeline.extract.result import Extraction
from pipeline.model import Cell, Document, Paragraph, Table
from tests.checks_harness import check_document, failures

Row = list[tuple[int, str] | tuple[int, str, int]]


def _table(index: int, page: int, caption: str, rows: list[Row]) -> Table:
    cells = [[Cell(text=c[1], row=r, col=c[0], colspan=c[2] if len(c) > 2 else 1) for c in row]  # type: ignore[misc]
             for r, row in enumerate(rows, 1)]
    return Table(index=index, page=page, caption=caption, rows=cells)


def _doc(title: str, *blocks: Paragraph | Table) -> Document:
    return Document(file_format="pdf", blocks=[Paragraph(index=0, text=title, page=1), *blocks])


def _budgets(ex: Extraction) -> dict[tuple[str | None, str, str], str]:
    names = {p["project_id"]: p["project_name"] for p in ex.projects}
    return {(names.get(f["project_id"]), f["line_item"], f["stage"]): f["reported_text"] for f in ex.fact_budgets
            if "table=" in f["source_ref"]}


def _targets(ex: Extraction) -> dict[str, tuple]:
    return {f["name"]: (f["target_text"], f["target_op"], f["target_value"], f["target_unit"], f["weight"])
            for f in ex.fact_indicators}


# 2026年度泉州市公安局部门预算.pdf, page 26: the project is named in the title only, printed over
# two lines after the page number (301007_单位_项目名称 + 项目绩效目标表).
QUANZHOU = _table(12, 26, "合修缮改造项目绩效目标表", [
    [(1, "专项资金情\n况（万元）"), (2, "资金总额："), (3, "57.00", 3)],
    [(2, "财政拨款："), (3, "57.00", 3)],
    [(2, "其他资金："), (3, "0.00", 3)],
    [(1, "项目实施期\n目标"), (2, "1、分局巡特警反恐大队部已于2025年9月底搬迁至新址，需要对新的值班备勤场所进行改造装修。", 4)],
    [(1, "绩效目标指\n标"), (2, "一级指标"), (3, "二级指标"), (4, "三级指标"), (5, "目标值")],
    [(2, "成本指标"), (3, "经济成本指\n标"), (4, "预算执行率"), (5, "100%")],
    [(2, "产出指标"), (3, "时效指标"), (4, "备勤宿舍改造完成及时率"), (5, "100%")],
    [(3, "数量指标"), (4, "完成违章车辆停车场建设面积"), (5, "100%")],
    [(2, "效益指标"), (3, "社会效益指\n标"), (4, "强化违章车辆管理水平，提升机场\n辖区社会治理创新能力"), (5, "1次")],
])
QUANZHOU_TITLE = [Paragraph(index=1, text="2 2", page=26),
                  Paragraph(index=2, text="301007_泉州市公安局晋江国际机场分局_机场公安综", page=26),
                  Paragraph(index=3, text="合修缮改造项目绩效目标表", page=26)]
# The same document, page 52: the body's whole form; its 资金总额 81562.56 is not the budget tables'
# 收入合计 81206.56 (page 10), so it is not stored as the body's total.
QUANZHOU_BODY = _table(38, 52, "（2026年度）", [
    [(1, "部门名称"), (2, "泉州市公安局"), (3, "部门预算编码"), (4, "301", 2)],
    [(1, "年度预算安排（万\n元）"), (2, "资金总额"), (3, "81562.56", 3)],
    [(2, "项目支出"), (3, "29514.82", 3)],
    [(2, "基本支出"), (3, "52047.74", 3)],
    [(2, "其他资金"), (3, "0.00", 3)],
    [(1, "绩效目标指标"), (2, "一级指标"), (3, "二级指标"), (4, "三级指标"), (5, "目标值")],
    [(2, "一般性支出情况"), (3, "一般性支出情况"), (4, "“三公”经费控\n制率"), (5, "≤100%")],
    [(4, "“三公”经费违\n规使用次数"), (5, "≤0次")],
])
BUDGET_TITLE = "2026年度泉州市公安局部门预算"


def test_title_names_the_project_and_its_funds_are_its_initial_budget() -> None:
    ex = extract(_doc(BUDGET_TITLE, *QUANZHOU_TITLE, QUANZHOU, QUANZHOU_BODY), "q")
    assert _budgets(ex) == {
        ("机场公安综合修缮改造", "total", "initial"): "57.00",
        ("机场公安综合修缮改造", "fiscal", "initial"): "57.00",
        ("机场公安综合修缮改造", "other", "initial"): "0.00",
    }
    assert [p["implementing_unit"] for p in ex.projects] == ["泉州市公安局晋江国际机场分局"]
    assert not ex.fact_executions and not ex.fact_scores
    t = _targets(ex)
    assert t["备勤宿舍改造完成及时率"][:4] == ("100%", "=", 100.0, "%")
    assert t["“三公”经费违规使用次数"][:4] == ("≤0次", "<=", 0.0, "次")
    # target figures are no money facts
    assert not {f["reported_text"] for f in ex.fact_budgets} & {"100%", "1次", "100"}


def test_target_table_raises_no_identity_error() -> None:
    doc = _doc(BUDGET_TITLE, *QUANZHOU_TITLE, QUANZHOU, QUANZHOU_BODY)
    df, _ = check_document(doc, hashlib.sha256(repr(doc).encode()).hexdigest())
    assert failures(df).empty, failures(df)[["check_name", "detail"]]


def test_same_form_in_a_self_evaluation_is_not_read_as_a_budget() -> None:
    """Without the budget title the report is no 部门预算: the pairs carry no stage and stay unread."""
    ex = extract(_doc("机场公安综合修缮改造项目支出绩效自评表", QUANZHOU), "s")
    assert not ex.fact_budgets


# 2026年烟台市交通运输局部门预算.pdf, page 46: 项目名称 key, 年度预算资金总额, 其中：财政拨款.
YANTAI = _table(35, 46, "(2026年度)", [
    [(1, "项目名称"), (2, "实施公车统管", 4)],
    [(1, "主管部门及代码"), (2, "266_烟台市交通运输局"), (3, "实施单位"), (4, "烟台市交通运输局", 2)],
    [(1, "项目资金\n（万元）"), (2, "年度预算资金总额："), (3, "28.00", 3)],
    [(2, "其中：财政拨款"), (3, "28.00", 3)],
    [(2, "其他资金"), (3, "0.00", 3)],
    [(1, "总体目标"), (2, "通过安排实施公车统管费用，保障市级交通运输重点项目。", 4)],
    [(1, ""), (2, "一级指标"), (3, "二级指标"), (4, "三级指标"), (5, "指标值")],
    [(1, "绩效指标"), (2, "成本指标"), (3, "经济成本"), (4, "实施公车统管费用成本"), (5, "≤28万元")],
    [(1, "绩效指标"), (2, "产出指标"), (3, "数量指标"), (4, "使用公车次数"), (5, "≥300次")],
])


def test_yantai_annual_budget_total() -> None:
    ex = extract(_doc("2026年烟台市交通运输局部门预算", YANTAI), "y")
    assert _budgets(ex) == {
        ("实施公车统管", "total", "initial"): "28.00",
        ("实施公车统管", "fiscal", "initial"): "28.00",
        ("实施公车统管", "other", "initial"): "0.00",
    }
    t = _targets(ex)
    assert t["实施公车统管费用成本"][:4] == ("≤28万元", "<=", 28.0, "万元")  # a target, not a fact_budgets row
    assert t["使用公车次数"][:4] == ("≥300次", ">=", 300.0, "次")
    assert not ex.fact_executions


# 西安市司法局（汇总）2026年部门预算.pdf, page 50: 实施期资金总额 is the project's whole period,
# not the year's budget: left unread; 分值权重（90分） is each indicator's weight.
XIAN = _table(18, 50, "（2026年度）", [
    [(1, "项目名称", 3), (4, "司法行政业务培训", 4)],
    [(1, "主管部门", 3), (4, "西安市司法局", 4)],
    [(1, "资金金额\n（万元）", 3), (4, "实施期资金总额："), (5, "58.97", 2), (7, "执行率分\n值\n（10分）")],
    [(4, "其中：财政拨款"), (5, "58.97", 2)],
    [(4, "其他资金"), (5, "", 2)],
    [(1, "年\n度\n目\n标"), (2, "加强和规范我市司法所建设、人民调解、安置帮教、人民监督员等工作，促进\n社会和谐稳定。", 6)],
    [(1, "年\n度\n绩\n效\n指\n标"), (2, "一级指标"), (3, "二级指标"), (4, "三级指标", 2), (6, "指标值"), (7, "分值权重\n（90分）")],
    [(2, "成本指标"), (3, "经济成本"), (4, "人民调解员案件调解补贴（元/\n件）", 2), (6, "≤500"), (7, "5")],
    [(4, "人民监督员案件监督补贴（元/\n件）", 2), (6, "400"), (7, "5")],
    [(2, "产出指标"), (3, "数量指标"), (4, "人民调解案件数(件)", 2), (6, "≥1000"), (7, "10")],
    [(3, "质量指标"), (4, "人民调解案件完成率（%）", 2), (6, "≥90"), (7, "20")],
])


def test_xian_weights_read_and_period_total_left() -> None:
    ex = extract(_doc("西安市司法局2026年部门预算", XIAN), "x")
    assert not ex.fact_budgets and not ex.fact_executions
    t = _targets(ex)
    assert t["人民调解员案件调解补贴（元/ 件）"] == ("≤500", "<=", 500.0, None, Decimal("5"))
    assert t["人民调解案件完成率（%）"][1:3] == (">=", 90.0) and t["人民调解案件完成率（%）"][4] == Decimal("20")
    assert not any(f["component"] for f in ex.fact_scores if f.get("score") is not None)


# 重庆市人民政府办公厅2026年部门预算.pdf, page 24: one project per row group, its 当年财政拨款预算金额;
# indicators without levels (指标名称 | 指标性质 | 指标值 | 计量单位 | 指标权重(%)). The title of the
# page before (表十2026年部门整体绩效目标表) starts no self-evaluation report inside the budget.
CHONGQING = _table(12, 24, "资金主管部门：重庆市人民政府办公厅 单位：万元", [
    [(1, "序号"), (2, "项目名称"), (3, "当年财政拨款\n预算金额"), (4, "当年绩效目标"), (5, "指标名称"), (6, "指标性质"),
     (7, "指标值"), (8, "计量单位"), (9, "指标权重\n(%)")],
    [(1, "1"), (2, "市政府办公\n厅业务及日\n常运行项目"), (3, "8,534.17"),
     (4, "完成各项业务工作，分别\n达到工作要求，保障市政\n府办公厅的正常运转。"),
     (5, "民呼我为（“12345”）咨询一次性解答率"), (6, "≥"), (7, "70"), (8, "%"), (9, "15")],
    [(5, "“一件事一次办” 网站访问可达率"), (6, "≥"), (7, "90"), (8, "%"), (9, "15")],
    [(5, "市政府主要领导交办事项督查督办率"), (6, "＝"), (7, "100"), (8, "%"), (9, "15")],
])


def test_chongqing_rows_of_projects() -> None:
    ex = extract(_doc("重庆市人民政府办公厅2026年部门预算", Paragraph(index=1, text="表十2026年部门整体绩效目标表", page=22),
                      Paragraph(index=2, text="资金主管部门：重庆市人民政府办公厅 单位：万元", page=24), CHONGQING), "c")
    assert [r["report_kind"] for r in ex.reports] == ["budget"]
    assert _budgets(ex) == {("市政府办公厅业务及日常运行项目", "fiscal_current", "initial"): "8,534.17"}
    t = _targets(ex)
    assert t["“一件事一次办” 网站访问可达率"] == ("≥90%", ">=", 90.0, "%", Decimal("15"))
    assert t["市政府主要领导交办事项督查督办率"][1:3] == ("=", 100.0)
    names = {p["project_id"]: p["project_name"] for p in ex.projects}
    assert {names[f["project_id"]] for f in ex.fact_indicators} == {"市政府办公厅业务及日常运行项目"}


# 长沙市公安局2025年部门预算公开.pdf, page 24: 单位编码 | 单位（项目）名称 | 资金总额 | 绩效目标 over
# the indicator header; 指标值类型 is the comparator; the figures under 备注 stay unread.
CHANGSHA = _table(142, 24, "单位名称：长沙市公安局 单位：万元", [
    [(1, "单位编码"), (2, "单位（项目）名称"), (3, "资金总额"), (4, "绩效目标"), (5, "绩效指标", 9)],
    [(5, "一级指标"), (6, "二级指标"), (7, "三级指标"), (8, "指标值"), (9, "指标值内容"), (10, "评（扣）分标准"),
     (11, "度量单位"), (12, "指标值类型"), (13, "备注")],
    [(1, "106001"), (2, "大型警保卫及基础设施安全保护工作经费"), (3, "428.69"),
     (4, "发挥公安职能，切实做好大型警保\n卫及基础设施安全保护工作"), (5, "产出指标"), (6, "数量指标"),
     (7, "印发宣传手册、\n图画等资料"), (8, "10"), (9, "印发宣传手册、图画等资料"), (10, "完成目标得满分，每少一万份扣1分"),
     (11, "万份"), (12, "≥"), (13, "4")],
    [(6, "质量指标"), (7, "三电安全隐患整\n改完成率"), (8, "100"), (9, "三电安全隐患整改完成率100%"),
     (10, "三电安全隐患整改完成率100%得满\n分"), (11, "%"), (12, "="), (13, "6")],
    [(7, "警保卫任务质量"), (8, "符合要求"), (9, "警保卫任务质量符合要求"), (10, "符合要求得满分，否则不得分"),
     (11, ""), (12, "定性"), (13, "2")],
])
# Page 25 of the same file prints the project's row again: its amount is read once.
CHANGSHA_NEXT = _table(143, 25, "单位名称：长沙市公安局 单位：万元", [
    [(1, "单位编码"), (2, "单位（项目）名称"), (3, "资金总额"), (4, "绩效目标"), (5, "绩效指标", 9)],
    [(5, "一级指标"), (6, "二级指标"), (7, "三级指标"), (8, "指标值"), (9, "指标值内容"), (10, "评（扣）分标准"),
     (11, "度量单位"), (12, "指标值类型"), (13, "备注")],
    [(1, "106001"), (2, "大型警保卫及基础设施安全保护工作经费"), (3, "428.69"),
     (4, "发挥公安职能，切实做好大型警保\n卫及基础设施安全保护工作"), (5, "效益指标"), (6, "社会效益指标"),
     (7, "全省各地州市开展的交叉考评名次"), (8, "前三名"), (9, "全省各地州市开展的交叉考评名次"),
     (10, "获得前三名得满分，否则不得分"), (11, ""), (12, "定性"), (13, "2")],
])


def test_changsha_rows_of_projects_read_once() -> None:
    ex = extract(_doc("长沙市公安局2025年部门预算公开", CHANGSHA, CHANGSHA_NEXT), "h")
    assert _budgets(ex) == {("大型警保卫及基础设施安全保护工作经费", "total", "initial"): "428.69"}
    assert sum(f["reported_text"] == "428.69" for f in ex.fact_budgets) == 1
    t = _targets(ex)
    assert t["印发宣传手册、图画等资料"][0] == "≥10万份"  # the comparator of 指标值类型 joins the target
    assert t["三电安全隐患整改完成率"][:4] == ("=100%", "=", 100.0, "%")
    assert t["警保卫任务质量"][0] == "符合要求"
    assert all(f["weight"] is None and f["score"] is None for f in ex.fact_indicators)  # 备注 is no weight
    assert not ex.fact_executions and not ex.fact_scores
    assert "106001" not in {f["reported_text"] for f in ex.fact_budgets}


def _fuzhou(index: int, page: int, unit: str, amount: str, indicator: tuple[str, str]) -> Table:
    return _table(index, page, "1.项目支出绩效目标表", [
        [(1, "综合工作经费项目绩效目标表", 5)],
        [(1, "项目\n名称"), (2, "综合工作经费", 4)],
        [(1, "主管\n部门"), (2, "福州市医疗保障局", 2), (4, "实施单位"), (5, unit)],
        [(1, "专项\n资金\n情况（\n万元）"), (2, "资金总额", 2), (4, amount, 2)],
        [(2, "财政拨款", 2), (4, amount, 2)],
        [(2, "其他资金", 2), (4, "0.00", 2)],
        [(1, "绩效\n目标\n指标"), (2, "一级指标"), (3, "二级指标"), (4, "三级指标"), (5, "指标值")],
        [(2, "成本指标"), (3, "经济成本指标"), (4, indicator[0]), (5, indicator[1])],
    ])


def test_same_project_name_of_two_units_is_two_projects() -> None:
    """2026年度福州市医疗保障局部门预算.pdf, pages 30 and 37: 综合工作经费 of the bureau (260.00) and of
    its 基金中心 (1160.00) are two projects, each with its own budget."""
    ex = extract(_doc("2026年度福州市医疗保障局部门预算",
                      _fuzhou(15, 30, "福州市医疗保障\n局", "260.00", ("宣传成本控制率", "≤95%")),
                      _fuzhou(21, 37, "福州市医疗保障基\n金中心", "1160.00", ("人均工资标准", "≤4500元/人月"))), "f")
    units = {p["project_id"]: p["implementing_unit"] for p in ex.projects}
    got = {(units[f["project_id"]], f["line_item"]): f["reported_text"] for f in ex.fact_budgets}
    assert got == {
        ("福州市医疗保障局", "total"): "260.00", ("福州市医疗保障局", "fiscal"): "260.00",
        ("福州市医疗保障局", "other"): "0.00",
        ("福州市医疗保障基金中心", "total"): "1160.00", ("福州市医疗保障基金中心", "fiscal"): "1160.00",
        ("福州市医疗保障基金中心", "other"): "0.00",
    }
    by_name = {f["name"]: units[f["project_id"]] for f in ex.fact_indicators}
    assert by_name == {"宣传成本控制率": "福州市医疗保障局", "人均工资标准": "福州市医疗保障基金中心"}
    assert _targets(ex)["人均工资标准"][:4] == ("≤4500元/人月", "<=", 4500.0, "元/人月")


# 长沙市公安局2025年部门预算公开.pdf, page 23: the table opens on 合计 and the unit's own row
# (106001 | 长沙市公安局 | 40,233.95) before its projects; a scoring rule (…100%得满分，完成率低于
# 100%高于90%得4分…) is no achievement and no score.
CHANGSHA_FIRST = _table(141, 23, "单位名称：长沙市公安局 单位：万元", [
    [(1, "单位编码"), (2, "单位（项目）名称"), (3, "资金总额"), (4, "绩效目标"), (5, "绩效指标", 9)],
    [(5, "一级指标"), (6, "二级指标"), (7, "三级指标"), (8, "指标值"), (9, "指标值内容"), (10, "评（扣）分标准"),
     (11, "度量单位"), (12, "指标值类型"), (13, "备注")],
    [(1, "合计"), (2, ""), (3, "40,233.95"), *((c, "") for c in range(4, 14))],
    [(1, "106001"), (2, "长沙市公安局"), (3, "40,233.95"), *((c, "") for c in range(4, 14))],
    [(1, "106001"), (2, "大型警保卫及基础设施安全保护工作经费"), (3, "428.69"),
     (4, "发挥公安职能，切实做好大型警保\n卫及基础设施安全保护工作"), (5, "成本指标"), (6, "经济成本指\n标"),
     (7, "成本控制率"), (8, "100"), (9, "成本控制在总预算内"), (10, "成本控制在总预算内得满分，每超\n过5%扣5分"),
     (11, "%"), (12, "≤"), (13, "20")],
    [(6, "社会成本指\n标"), *((c, "") for c in range(7, 14))],
    [(5, "产出指标"), (6, "数量指标"), (7, "安全隐患排除率"), (8, "100"), (9, "安全隐患排除率100%"),
     (10, "安全隐患排除率100%得满分，完成\n率低于100%高于90%得4分，低于9\n0%高于80%得2分，低于80%不得分"),
     (11, "%"), (12, "="), (13, "6")],
])


def test_changsha_total_and_unit_rows_open_no_project() -> None:
    ex = extract(_doc("长沙市公安局2025年部门预算公开", CHANGSHA_FIRST), "h1")
    assert [p["project_name"] for p in ex.projects] == ["大型警保卫及基础设施安全保护工作经费"]
    assert _budgets(ex) == {("大型警保卫及基础设施安全保护工作经费", "total", "initial"): "428.69"}
    t = _targets(ex)
    assert t["成本控制率"][:4] == ("≤100%", "<=", 100.0, "%")
    assert t["安全隐患排除率"][:4] == ("=100%", "=", 100.0, "%")
    assert not ex.fact_executions and not ex.fact_scores


# 杭州市公安局2026年度部门预算.pdf, page 34 (表11：2026年市级部门项目支出绩效表): a project per row
# with its unit, amount and goal; 日常保障运行 of the bureau and of its 交通管理支队 are two projects.
HANGZHOU = _table(11, 34, "部门名称：杭州市公安局 单位:万元", [
    [(1, "单位名称"), (2, "项目名称"), (3, "金额"), (4, "绩效目标")],
    [(1, "杭州市公安局"), (2, "执法办案"), (3, "6,192.04"),
     (4, "打击、整治各类违法犯罪活动，做好各类治安、刑事案件的侦办、防控工作，为杭州经济\n社会高质量发展创造安全稳定的社会环境。")],
    [(1, "杭州市公安局"), (2, "公安事务综合业务管理"), (3, "2,751.23"),
     (4, "做好公安行政管理工作，完成民警、辅警培训和训练工作，加强警察公共关系建设和公安\n宣传，提升公安机关队伍素质，维护队伍稳定。")],
    [(1, "杭州市公安局"), (2, "日常保障运行"), (3, "28,772.44"),
     (4, "做好公安信息化建设和信息系统维护保养，确保公安数字化改革、智慧警务建设扎实有\n效，信息系统平稳运行。")],
    [(1, "杭州市公安局交通管理支队"), (2, "日常保障运行"), (3, "8,296.51"),
     (4, "根据公安交管工作日常运转保障需要，主要在基层中队业务用房，民警警服被装、装备、\n车辆采购等方面提供有力保障。")],
])
# 湖州市卫生健康委员会2026年部门预算.pdf, page 47: a row of ** under the header and the 合计 open no project.
HUZHOU = _table(21, 47, "507-湖州市卫生健康委员会 万元", [
    [(1, "单位名称"), (2, "项目名称"), (3, "金额"), (4, "项目总体绩效目标")],
    [(1, "**"), (2, "**"), (3, "**"), (4, "**")],
    [(1, "合计"), (2, ""), (3, "51,856.41"), (4, "")],
    [(1, "湖州市卫生健康发展中心"), (2, "公立医院改革与高质量发展示范项目"), (3, "2,260.95"),
     (4, "开展赴省内外开展人才招聘、线下现场推介宣传活动等活动不少于3次。")],
    [(1, "湖州市卫生健康发展中心"), (2, "医疗卫生行业综合管理"), (3, "319.90"),
     (4, "规范公立医院领导干部收入分配秩序，公立医院领导干部个人年度收入与岗位职责、工作业绩、绩效\n考核和社会评价等紧密联系。")],
])


def test_zhejiang_project_list_with_goals() -> None:
    ex = extract(_doc("杭州市公安局2026年度部门预算", HANGZHOU), "z")
    units = {p["project_id"]: (p["project_name"], p["implementing_unit"]) for p in ex.projects}
    got = {(*units[f["project_id"]], f["line_item"], f["stage"]): f["reported_text"] for f in ex.fact_budgets}
    assert got == {
        ("执法办案", "杭州市公安局", "total", "initial"): "6,192.04",
        ("公安事务综合业务管理", "杭州市公安局", "total", "initial"): "2,751.23",
        ("日常保障运行", "杭州市公安局", "total", "initial"): "28,772.44",
        ("日常保障运行", "杭州市公安局交通管理支队", "total", "initial"): "8,296.51",
    }
    assert not ex.fact_executions and not ex.fact_scores  # 不少于3次 in a goal is no achievement
    ex = extract(_doc("湖州市卫生健康委员会2026年部门预算", HUZHOU), "hz")
    assert {p["project_name"] for p in ex.projects} == {"公立医院改革与高质量发展示范项目", "医疗卫生行业综合管理"}
    assert sorted(f["reported_text"] for f in ex.fact_budgets) == ["2,260.95", "319.90"]
    assert not ex.fact_executions


def test_project_list_outside_a_budget_is_not_read() -> None:
    assert not extract(_doc("杭州市公安局2025年度项目支出绩效自评报告", HANGZHOU), "z2").fact_budgets

def test_the_whole_periods_funds_are_set_aside_with_their_reason() -> None:
    # XIAN's 实施期资金总额 58.97 and its 其中：财政拨款 58.97: no fact (the year's budget is not printed),
    # counted among the cells knowingly set aside, each kept in `unrecognised` with why
    from pipeline.extract.recognisers.self_eval import PERIOD_ASIDE

    ex = extract(_doc("西安市司法局2026年部门预算", XIAN), "x")
    assert not ex.fact_budgets
    aside = sorted((u["source_ref"], u["text"]) for u in ex.unrecognised if u["reason"] == PERIOD_ASIDE)
    assert aside == [("page=50;table=18;row=3;col=5", "58.97"), ("page=50;table=18;row=4;col=5", "58.97")]
    assert ex.numeric_cells_ignored >= 2


def test_the_years_total_after_the_periods_is_still_read() -> None:
    # a form printing both totals (实施期资金总额 | 120.00, then 年度资金总额 | 40.00 and its parts): the year's
    # block is read as before, only the period's figure is set aside
    from pipeline.extract.recognisers.self_eval import PERIOD_ASIDE

    rows = [list(r) for r in [
        [(1, "项目名称", 3), (4, "司法行政业务培训", 4)],
        [(1, "主管部门", 3), (4, "西安市司法局", 4)],
        [(1, "资金金额\n（万元）", 3), (4, "实施期资金总额："), (5, "120.00", 2)],
        [(4, "年度资金总额："), (5, "40.00", 2)],
        [(4, "其中：财政拨款"), (5, "40.00", 2)],
        [(4, "其他资金"), (5, "0.00", 2)],
    ]] + [[(c.col, c.text, c.colspan) for c in r] for r in XIAN.rows[5:]]
    ex = extract(_doc("西安市司法局2026年部门预算", _table(18, 50, "（2026年度）", rows)), "x")
    assert _budgets(ex) == {("司法行政业务培训", "total", "initial"): "40.00",
                            ("司法行政业务培训", "fiscal", "initial"): "40.00",
                            ("司法行政业务培训", "other", "initial"): "0.00"}
    assert [u["text"] for u in ex.unrecognised if u["reason"] == PERIOD_ASIDE] == ["120.00"]


# 长沙市信访局2026年部门预算公开.pdf, page 22 (项目支出绩效目标表): the unit code 126001 printed on the
# 合计's unit row and on each project's row under 单位编码 is a code, never an amount.
CHANGSHA_CODES = _table(9, 22, "部门名称：长沙市信访局 单位：万元", [
    [(1, "单位编码"), (2, "单位（项目）名称"), (3, "资金总额"), (4, "绩效目标"), (5, "绩效指标", 9)],
    [(5, "一级指标"), (6, "二级指标"), (7, "三级指标"), (8, "指标值"), (9, "指标值内容"), (10, "评（扣）分标准"),
     (11, "度量单位"), (12, "指标值类型"), (13, "备注")],
    [(1, "合计"), (3, "417.41")],
    [(1, "126001"), (2, "长沙市信访局"), (3, "417.41")],
    [(1, "126001"), (2, "基层及其他信访业务工作经费专项"), (3, "35.78"), (4, "根据年终考核及综合评价情况，分档次将信访工作经费调拨"),
     (5, "成本指标"), (6, "经济成本指标"), (7, "总成本"), (8, "35.78"), (9, "不超过预算"),
     (10, "偏离目标40%及以上不得分"), (11, "万元"), (12, "≤"), (13, "20")],
])


def test_a_code_column_holds_codes() -> None:
    ex = extract(_doc("长沙市信访局2026年部门预算公开", CHANGSHA_CODES), "c")
    left = {(u["source_ref"], u["text"]) for u in ex.unrecognised if u["what"] == "cell"}
    assert not [t for _, t in left if t == "126001"]
    assert ("page=22;table=9;row=4;col=3", "417.41") in left  # the unit's row: not read, not set aside
