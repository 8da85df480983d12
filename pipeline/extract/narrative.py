"""Facts stated in running text: amounts, rates, scores, grades, counts and averages.

Each pattern names what the figure is about (its `subject`), so the same figure found in
a table can be compared with it (narrative_matches_table).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.normalize.numbers import parse_number
from pipeline.normalize.text import to_halfwidth

_NUM = r"([-−]?\d[\d,，]*(?:\.\d+)?)"
_SP = r"\s*"

_U = r"(?:万元|元|亿元|万(?![\u4e00-\u9fa5])|亿(?![\u4e00-\u9fa5]))"

# (subject, kind, pattern, broad); the number is group "n". Only the first figure of each
# subject at report level becomes a report fact; all are kept as mentions. "Broad" wordings
# (资金总额, 拨付, 使用) describe a project as often as the unit: in a department report they
# stay mentions.
PATTERNS: list[tuple[str, str, re.Pattern[str], bool]] = [
    ("budget:initial:total", "amount", re.compile(rf"年初(?:预算|批复)(?:数|收入|支出)?(?:为|是)?{_SP}(?P<n>{_NUM[1:-1]}){_SP}(?P<u>{_U})"), False),
    ("budget:adjustment:total", "amount", re.compile(rf"(?:年度)?预算调整(?:数|收入|支出)?(?:为|是)?{_SP}(?P<n>{_NUM[1:-1]}){_SP}(?P<u>{_U})|年中(?:追加|调整)(?:预算)?{_SP}(?P<n2>{_NUM[1:-1]}){_SP}(?P<u2>{_U})"), False),
    ("budget:adjusted:total", "amount", re.compile(rf"(?:调整后预算|全年预算|(?<!年初)预算资金总额|全年预算总额)(?:数|收入|支出)?(?:为|是)?{_SP}(?P<n>{_NUM[1:-1]}){_SP}(?P<u>{_U})"), False),
    ("budget:adjusted:total", "amount", re.compile(rf"(?:调整后的?(?:项目)?预算(?:资金)?|(?<!年初预算)(?<!年初)资金总额|预算总额|总预算|(?<!支付)(?<!拨付)(?<!使用)(?<!支出)(?<!到位)项目资金(?:共|总额)?)(?:数)?(?:共|合计)?(?:为|是|达)?{_SP}(?P<n>{_NUM[1:-1]}){_SP}(?P<u>{_U})"), True),
    ("budget:initial:carryover", "amount", re.compile(rf"上年结转(?:资金)?(?:为)?{_SP}(?P<n>{_NUM[1:-1]}){_SP}(?P<u>{_U})"), False),
    ("executed:total", "amount", re.compile(rf"(?:全年执行数|实际支出(?:项目)?(?:资金)?|实际支付(?:项目资金)?|(?:本年|年度|部门|单位)(?:总)?支出决算(?:数|总额)?为?|支出决算总额为?|全年执行)(?:为|是)?{_SP}(?P<n>{_NUM[1:-1]}){_SP}(?P<u>{_U})"), False),
    ("executed:total", "amount", re.compile(rf"(?:执行金额|累计支出|已支出|(?:已|累计|实际)?(?:完成)?(?:拨付|支付)(?:使用)?(?:资金)?|(?:已|实际|累计)使用(?:资金)?|资金已使用)(?:共|合计)?(?:为|是|了)?{_SP}(?P<n>{_NUM[1:-1]}){_SP}(?P<u>{_U})"), True),
    ("rate:total", "rate", re.compile(rf"(?:预算)?执行率(?:为|是|达|达到)?{_SP}(?P<n>{_NUM[1:-1]}){_SP}(?P<u>%|％)"), False),
    ("rate:total", "rate", re.compile(rf"(?:支付率|资金使用率|预算执行进度|资金执行进度)(?:为|是|达|达到)?{_SP}(?P<n>{_NUM[1:-1]}){_SP}(?P<u>%|％)"), True),
    ("score:total", "score", re.compile(rf"(?<!项目)(?<!项目绩效)(?<!该项)(?<!指标)(?:(?:绩效)?自评总?|绩效|综合|(?:总体)?评价)(?:得分|评分|分|得)(?:为|是|[:：])?{_SP}(?P<n>{_NUM[1:-1]}){_SP}(?P<u>分)|总得分(?:为|是|[:：])?{_SP}(?P<n2>{_NUM[1:-1]}){_SP}(?P<u2>分)"), False),
    # "项目自评得分为100分" is the report's own score only in a single-project report.
    ("score:project", "score", re.compile(rf"项目(?:绩效|综合)?(?:自评)?(?:得分|评分|自评分)(?:为|是|[:：])?{_SP}(?P<n>{_NUM[1:-1]}){_SP}(?P<u>分)"), False),
]

_GRADE = re.compile(
    r"(?:自评结论|评价结论|绩效等级|评价等次|评价等级|自评等级|自评结果|评价结果|等级|等次|自评为|评定为|评价为|认定为)"
    r"(?:为|是|[:：])?\s*[“\"'「]?(?P<g>优秀|良好|合格|不合格|优|良|中|差|一等|二等|三等|四等)(?![的]?(?:项目|单位|个|和|、))"
)
_COMPONENT = re.compile(
    rf"(?:该指标分值|(?P<name>[\u4e00-\u9fa5]{{2,12}}?)(?:指标)?满分){_SP}(?P<w>\d+(?:\.\d+)?){_SP}分[，,]{_SP}(?:自评)?得分{_SP}(?P<s>\d+(?:\.\d+)?){_SP}分"
)
_PARTS = re.compile(r"得分(?:为)?\s*\d+(?:\.\d+)?\s*分[，,。]?\s*其中[:：](?P<body>[^。]+)")
_PART = re.compile(r"(?P<name>[\u4e00-\u9fa5]{2,14}?)(?:得分|得)?(?:为)?\s*(?P<n>\d+(?:\.\d+)?)\s*分")


def find_score_parts(text: str) -> list[tuple[str, str, int, int, int]]:
    """'自评得分95.47分，其中：预算执行情况得分5.47分，指标完成情况90分' →
    [(name, score_text, decimals, start, end)] for the parts after 其中."""
    m = _PARTS.search(text)
    if not m:
        return []
    out = []
    base = m.start("body")
    for p in _PART.finditer(m.group("body")):
        n = p.group("n")
        out.append((p.group("name").strip("，,、 "), n, len(n.split(".")[1]) if "." in n else 0,
                    base + p.start("n"), base + p.end("n")))
    return out


SCORE_ONLY = re.compile(rf"自评得分(?:为)?{_SP}(?P<n>\d+(?:\.\d+)?){_SP}分[。；;]?$")
_COUNT = re.compile(rf"共(?:对)?{_SP}(?P<n>\d+){_SP}个项目|自评的(?:\d{{4}}年度?)?项目(?:共)?{_SP}(?P<n2>\d+){_SP}个")
_AVG = re.compile(rf"平均(?:得)?分(?:为)?{_SP}(?P<n>\d+(?:\.\d+)?){_SP}分")
_GRADE_COUNT = re.compile(r"(?:自评|评级|等级)?为?[“\"]?(?P<g>一等|二等|三等|四等|优秀|良好|合格|不合格|优|良|中|差)[”\"]?的?项目(?:有)?\s*(?P<n>\d+)\s*个|(?P<g2>一等|二等|三等|四等|优秀|良好|合格|不合格)的?(?:项目)?(?:有)?\s*(?P<n2>\d+)\s*个")
_PROJECT_LINE = re.compile(r"^(?:\d+[.、．]\s*)?(?P<name>[^。；;，,]{2,60}?)[。.]\s*自评得分\s*(?P<s>\d+(?:\.\d+)?)\s*分[，,]\s*自评结论\s*(?P<g>[一二三四]等|优秀|良好|合格|不合格|优|良|中|差)")
_HEADING = re.compile(r"^[（(]?[一二三四五六七八九十\d]+[)）.、．]\s*(?P<h>[^。，,]{2,30})$")


@dataclass
class Mention:
    subject: str
    kind: str
    value: float
    text: str
    unit: str | None
    decimals: int
    start: int
    end: int
    broad: bool = False
    qualifier: str | None = None  # a fund source or class the clause is about (then not a total)
    printed: str = ""  # the characters as printed (text is their half-width form)

    def __post_init__(self) -> None:
        self.printed = self.printed or self.text


def _num(text: str, unit: str | None) -> tuple[float, int] | None:
    n = parse_number(text)
    if n is None:
        return None
    return float(n.value), n.decimals


# A clause about one fund source or one class ("一般公共预算财政拨款支出年初预算为…，支出决算为…")
# states that part's figures, not the report's totals.
_PART_QUALIFIER = re.compile(
    r"一般公共预算|政府性基金|国有资本经营|财政拨款(?!收入总计)|三公|机关运行|[（(](类|款|项)[)）]|"
    r"基本支出|人员经费|公用经费|(?<!部门)项目支出(?!合计)"
)
# In a project's own report, 项目支出 / 公用经费 name the project itself, not a part of it.
CLASS_WORDS = re.compile(r"^(基本支出|人员经费|公用经费|项目支出|项目)$")
# A sentence whose subject is a project ("国土空间规划编制项目年初预算…"), not the unit.
_PROJECT_SUBJECT = re.compile(r"^\s*(?:[（(]?\d{1,2}[)）.、．]\s*)?[^，,。；;：:]{2,40}?项目(?!支出|资金|总|共|数)")


# A paragraph explaining one classification item ("1、社会保障和就业支出（类）…（项）。…年初预算为…").
_CLASS_ITEM = re.compile(r"[（(](类|款|项)[)）]")


def _sentence_before(text: str, pos: int) -> str:
    start = max(text.rfind(ch, 0, pos) for ch in "。；;\n")
    return text[start + 1 : pos]


def _clause_before(text: str, pos: int) -> str:
    """The sentence up to pos, without parentheticals ("年初预算583.44万元（其中：项目支出…）")."""
    return re.sub(r"[（(][^（()）]*[)）]", "", _sentence_before(text, pos))


def find_mentions(printed: str) -> list[Mention]:
    # Full-width digits and signs (１３０６．９９万元) read like half-width ones; the change keeps
    # every character's position, so spans and printed texts still point at the original.
    text = to_halfwidth(printed)
    out: list[Mention] = []
    for subject, kind, pat, broad in PATTERNS:
        for m in pat.finditer(text):
            g = "n" if m.groupdict().get("n") else "n2"
            ug = "u" if g == "n" else "u2"
            raw = m.group(g)
            if raw is None:
                continue
            parsed = _num(raw, m.group(ug))
            if parsed is None:
                continue
            mention = Mention(subject, kind, parsed[0], raw, m.group(ug), parsed[1], m.start(g), m.end(g), broad,
                              printed=printed[m.start(g) : m.end(g)])
            if kind == "amount":
                q = _PART_QUALIFIER.search(_clause_before(text, m.start())) or _CLASS_ITEM.search(text[: m.start()])
                mention.qualifier = q.group(0) if q else None
            if mention.qualifier is None and _PROJECT_SUBJECT.match(_sentence_before(text, m.start())):
                mention.qualifier = "项目"  # "X项目年初预算…，自评得分…": one project's figures
            out.append(mention)
    spans: set[tuple[int, int]] = set()
    out.sort(key=lambda m: m.broad)  # a precise wording wins over a broad one on the same figure
    out = [m for m in out if (m.start, m.end) not in spans and not spans.add((m.start, m.end))]
    out.sort(key=lambda m: m.start)
    for m in _COUNT.finditer(text):
        g = "n" if m.group("n") else "n2"
        out.append(Mention("projects:count", "count", float(m.group(g)), m.group(g), "个", 0, m.start(g), m.end(g)))
    for m in _AVG.finditer(text):
        p = _num(m.group("n"), "分")
        if p:
            out.append(Mention("projects:avg_score", "average", p[0], m.group("n"), "分", p[1], m.start("n"), m.end("n")))
    if "项目" in text:
        for m in _GRADE_COUNT.finditer(text):
            g = m.group("g") or m.group("g2")
            ng = "n" if m.group("n") else "n2"
            out.append(Mention(f"projects:grade:{g}", "count", float(m.group(ng)), m.group(ng), "个", 0, m.start(ng), m.end(ng)))
    return out


def find_grade(text: str) -> tuple[str, int, int] | None:
    m = _GRADE.search(text)
    return (m.group("g"), m.start("g"), m.end("g")) if m else None


def find_components(text: str) -> list[tuple]:
    """'该指标分值 5 分，自评得分 4.5 分' / '预算编制指标满分26分，得分24分' →
    [(name|None, weight, weight_text, w_dec, score, score_text, s_dec, start, end)]."""
    out = []
    for m in _COMPONENT.finditer(text):
        w, s = parse_number(m.group("w")), parse_number(m.group("s"))
        if w is None or s is None:
            continue
        out.append((m.group("name"), float(w.value), m.group("w"), w.decimals, float(s.value), m.group("s"),
                    s.decimals, m.start("s"), m.end("s")))
    return out


def find_project_line(text: str) -> tuple[str, float, str, int, str, int, int] | None:
    m = _PROJECT_LINE.search(text)
    if not m:
        return None
    s = parse_number(m.group("s"))
    if s is None:
        return None
    return m.group("name").strip(), float(s.value), m.group("s"), s.decimals, m.group("g"), m.start("s"), m.end("s")


def heading_of(text: str) -> str | None:
    m = _HEADING.match(text.strip())
    return m.group("h").strip("：:。 ") if m else None
