"""Synthetic reports whose identities all hold (合成测试数据, plainly marked as such).

Used to plant single errors (each must be caught by the right check at the right place)
and to build multi-year, multi-unit corpora with known answers. The text follows the
DOCX-export shape of the real seeds: cells on lines starting with a tab, rows separated by
a blank line, tables ended by two blank lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from pipeline.normalize.money import unit_factor

D2 = Decimal("0.01")


def q2(x: Decimal) -> Decimal:
    return x.quantize(D2, rounding=ROUND_HALF_UP)


@dataclass
class Project:
    code: str
    name: str
    adjusted: Decimal  # 万元
    executed: Decimal
    score: Decimal

    @property
    def rate(self) -> Decimal:
        return q2(100 * self.executed / self.adjusted) if self.adjusted else Decimal(0)

    @property
    def grade(self) -> str:
        return "一等" if self.score >= 90 else "二等" if self.score >= 80 else "三等"


@dataclass
class Spec:
    unit: str = "中共示例县委员会组织部"
    year: int = 2022
    initial: Decimal = Decimal("500.00")
    adjustment: Decimal = Decimal("120.50")
    carryover: Decimal = Decimal("20.00")
    executed: Decimal = Decimal("589.30")
    projects: list[Project] = field(default_factory=list)
    indicator_scores: tuple[Decimal, ...] = (Decimal(20), Decimal(20), Decimal(10), Decimal(20), Decimal(18))
    indicator_weights: tuple[int, ...] = (20, 20, 10, 20, 20)
    print_twice: bool = False
    # Layout variants of the self-evaluation table (the same figures, printed differently).
    headers: tuple[str, str, str] = ("年初预算数", "全年预算数", "全年执行数")
    column_order: tuple[int, ...] = (0, 1, 2)  # permutation of the three amount columns
    money_unit: str = "万元"
    score_columns: bool = True
    with_codes: bool = True

    @property
    def adjusted(self) -> Decimal:
        return self.initial + self.adjustment

    @property
    def rate(self) -> Decimal:
        return q2(100 * self.executed / self.adjusted)

    @property
    def exec_score(self) -> Decimal:
        return min(Decimal(10), q2(self.rate / 10))

    @property
    def score(self) -> Decimal:
        return self.exec_score + sum(self.indicator_scores)

    @property
    def grade(self) -> str:
        return "优秀" if self.score >= 90 else "良好" if self.score >= 80 else "合格"


def default_projects(seed: int = 0) -> list[Project]:
    names = ["干部教育培训经费", "基层党建工作经费", "人才工作专项经费", "党员教育管理经费"]
    out = []
    for i, n in enumerate(names):
        adj = q2(Decimal(40 + 10 * i + seed))
        exe = q2(adj * Decimal("0.9") + i)
        out.append(Project(f"4503292100000{seed:02d}{i:04d}", n, adj, exe, Decimal(95 - 4 * i)))
    return out


def _row(cells: list[object]) -> str:
    return "\n".join("\t" + str(c) for c in cells)


def _table(rows: list[list[object]]) -> str:
    return "\n\n".join(_row(r) for r in rows) + "\n\n\n"


def _money(s: Spec, v: Decimal) -> object:
    """A 万元 figure printed in the table's unit (factors from vocab/money_units.csv)."""
    return v if s.money_unit == "万元" else q2(v * unit_factor("万元") / unit_factor(s.money_unit))


def self_eval_table(s: Spec) -> str:
    fiscal = (s.initial - s.carryover, s.adjusted - s.carryover, s.executed - s.carryover)
    lines = {
        "年度资金总额": (s.initial, s.adjusted, s.executed),
        "其中：当年财政拨款": fiscal,
        "上年结转资金": (s.carryover, s.carryover, s.carryover),
    }
    order = s.column_order
    tail_head = ["分值", "执行率", "得分"] if s.score_columns else ["执行率"]
    rows: list[list[object]] = [
        ["主管部门", s.unit, "实施单位", s.unit],
        [f"项目资金（{s.money_unit}）", "", *[s.headers[i] for i in order], *tail_head],
    ]
    for label, vals in lines.items():
        amounts = [_money(s, vals[i]) for i in order]
        if label == "年度资金总额":
            tail = [10, f"{s.rate}%", s.exec_score] if s.score_columns else [f"{s.rate}%"]
        else:
            tail = ["", "", ""] if s.score_columns else [""]
        rows.append(["", label, *amounts, *tail])
    rows.append(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"])
    inds = [
        ("产出指标(50分)", "数量指标", "开展培训次数", "≥6次", "8次"),
        ("", "质量指标", "培训合格率", "≥95%", "98%"),
        ("", "时效指标", "按期完成率", "100%", "100%"),
        ("效益指标(20分)", "社会效益指标", "干部能力提升", "有效提升", "有效提升"),
        ("满意度指标(20分)", "服务对象满意度指标", "参训人员满意度", "≥90%", "88%"),
    ]
    for (l1, l2, name, tgt, act), w, sc in zip(inds, s.indicator_weights, s.indicator_scores, strict=True):
        rows.append([l1, l2, name, tgt, act, w, sc, "未达到预期" if sc < w else ""])
    rows.append(["总分", 100, s.score])
    return _table(rows)


def summary_table(s: Spec) -> str:
    code_h = ["项目编码"] if s.with_codes else []
    rows: list[list[object]] = [["序号", *code_h, "项目名称", "调整后预算数", "全年执行数", "预算执行率（%）", "自评得分", "自评结论"]]
    for i, p in enumerate(s.projects, start=1):
        code = [p.code] if s.with_codes else []
        rows.append([i, *code, p.name, p.adjusted, p.executed, p.rate, p.score, p.grade])
    blank = [""] if s.with_codes else []
    rows.append(["合计", *blank, "", sum(p.adjusted for p in s.projects), sum(p.executed for p in s.projects), "", "", ""])
    return _table(rows)


def report_text(s: Spec) -> str:
    if not s.projects:
        s.projects = default_projects()
    avg = q2(sum(p.score for p in s.projects) / len(s.projects))
    n1 = sum(1 for p in s.projects if p.grade == "一等")
    n2 = sum(1 for p in s.projects if p.grade == "二等")
    lines = [
        f"{s.year}年度{s.unit}部门整体支出绩效自评报告",
        "（合成测试数据，非真实报告 SYNTHETIC TEST DATA）",
        "一、预算基本情况",
        f"{s.year}年我部年初预算{s.initial}万元，年度预算调整{s.adjustment}万元，调整后预算{s.adjusted}万元，"
        f"全年执行数{s.executed}万元，预算执行率{s.rate}%。",
        "二、自评结论",
        f"我部整体支出自评得分为{s.score}分，自评结论为“{s.grade}”。",
        f"我部共对{len(s.projects)}个项目开展了自评，平均分为{avg}分，自评为一等的项目有{n1}个，二等的项目有{n2}个。",
    ]
    for i, p in enumerate(s.projects, start=1):
        lines.append(f"{i}.{p.name}。自评得分{p.score}分，自评结论{p.grade}，主要用于开展相关工作。")
    lines += ["附件1", "部门整体支出绩效自评表", ""]
    text = "\n".join(lines) + "\n" + self_eval_table(s)
    text += "附件2\n项目自评汇总表（单位：万元）\n\n" + summary_table(s)
    if s.print_twice:
        text += "附件3\n项目自评汇总表（单位：万元）\n\n" + summary_table(s)
    text += "注：自评等级：90分（含）以上为一等；80—90分为二等；60—80分为三等；60分以下为四等。\n"
    return text
