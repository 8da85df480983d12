"""Facts stated in running text: amounts, rates, scores, grades, counts and averages.

Each pattern names what the figure is about (its `subject`), so the same figure found in
a table can be compared with it (narrative_matches_table).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.lexicon import either, entry, fill, pattern, word, words
from pipeline.normalize.grades import grade_words
from pipeline.normalize.money import (
    money_unit_alternation,
    money_unit_names,
    unit_alternation,
    units,
)
from pipeline.normalize.numbers import parse_number
from pipeline.normalize.text import to_halfwidth

_NUM = r"([-−]?\d[\d,，]*(?:\.\d+)?)"
_SP = r"\s*"
_HAN = r"\u4e00-\u9fa5"
# Money units as printed in running text (vocab/money_units.csv): bare 万/亿 only when no Han
# character follows (万亩, 万人 are not money).
_U = "(?:" + money_unit_alternation(headers_only=True) + "|" + "|".join(
    rf"{re.escape(u)}(?![{_HAN}])" for u in money_unit_names() if u not in money_unit_names(headers_only=True)
) + ")"
_SLOTS = {
    "num": _NUM[1:-1], "sp": _SP, "money": _U, "percent": f"(?:{unit_alternation('percent')})",
    "point": f"(?:{unit_alternation('score')})",
    "grade": either(grade_words()), "grade_words": either(grade_words(multi_char=True)),
}


def _pattern(key: str) -> re.Pattern[str]:
    return pattern("narrative", key, **_SLOTS)


# (subject, kind, pattern, broad); the number is group "n". Only the first figure of each
# subject at report level becomes a report fact; all are kept as mentions (vocab/narrative.toml).
PATTERNS: list[tuple[str, str, re.Pattern[str], bool]] = [
    (p["subject"], p["kind"], re.compile(fill(p["pattern"], **_SLOTS)), bool(p.get("broad", False)))
    for p in entry("narrative", "patterns")
]

_GRADE = pattern("narrative", "grade.pattern", labels=either(words("narrative", "grade.labels")), **_SLOTS)
_COMPONENT = _pattern("scores.component")
_PARTS = _pattern("scores.parts")
_PART = _pattern("scores.part")
_PROJECT = word("narrative", "projects.word")
_COUNTER = word("narrative", "projects.counter")
_POINT = next(u.unit for u in units().values() if u.kind == "score")
BONUS = re.compile(either(words("narrative", "scores.bonus")))


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


SCORE_ONLY = _pattern("scores.only")
_HEADING_SCORE = _pattern("scores.heading")
_HEADING_NOT = re.compile(either(words("narrative", "scores.heading_not")))


def heading_score(text: str) -> re.Match[str] | None:
    """'一、资金保障方面，指标评价得分12' → its match (groups name, n): a part's own score stated
    by its top-level heading; None for any other line (a heading about the whole evaluation)."""
    m = _HEADING_SCORE.match(text.strip())
    return m if m is not None and not _HEADING_NOT.search(m.group("name")) else None
_COUNT = _pattern("projects.count")
_AVG = _pattern("scores.average")
_GRADE_COUNT = _pattern("projects.grade_count")
_PROJECT_LINE = _pattern("projects.line")
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


# A clause about one fund source or one class states that part's figures, not the report's totals.
_PART_QUALIFIER = _pattern("parts.qualifier")
# In a project's own report, 项目支出 / 公用经费 name the project itself, not a part of it.
CLASS_WORDS = _pattern("parts.class_words")
# A sentence whose subject is a project, not the unit.
_PROJECT_SUBJECT = _pattern("projects.subject")
# A paragraph explaining one classification item ("1、社会保障和就业支出（类）…（项）。…年初预算为…").
_CLASS_ITEM = _pattern("parts.class_item")
# A figure followed by the next item of a list ("…资金774万元、…资金240万元"): a part, not a total.
_LIST_NEXT = _pattern("parts.list_next")


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
                if mention.qualifier is None and (nxt := _LIST_NEXT.match(text, m.end())):
                    mention.qualifier = nxt.group(0)[:1]
            if mention.qualifier is None and _PROJECT_SUBJECT.match(_sentence_before(text, m.start())):
                mention.qualifier = _PROJECT  # "X项目年初预算…，自评得分…": one project's figures
            out.append(mention)
    spans: set[tuple[int, int]] = set()
    out.sort(key=lambda m: m.broad)  # a precise wording wins over a broad one on the same figure
    out = [m for m in out if (m.start, m.end) not in spans and not spans.add((m.start, m.end))]
    out.sort(key=lambda m: m.start)
    for m in _COUNT.finditer(text):
        g = "n" if m.group("n") else "n2"
        out.append(Mention("projects:count", "count", float(m.group(g)), m.group(g), _COUNTER, 0, m.start(g), m.end(g)))
    for m in _AVG.finditer(text):
        p = _num(m.group("n"), _POINT)
        if p:
            out.append(Mention("projects:avg_score", "average", p[0], m.group("n"), _POINT, p[1], m.start("n"), m.end("n")))
    if _PROJECT in text:
        for m in _GRADE_COUNT.finditer(text):
            g = m.group("g") or m.group("g2")
            ng = "n" if m.group("n") else "n2"
            out.append(Mention(f"projects:grade:{g}", "count", float(m.group(ng)), m.group(ng), _COUNTER, 0, m.start(ng), m.end(ng)))
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
