"""Grades: text → rank (1 best … 4 worst), and score bands stated by documents."""

from __future__ import annotations

import re
from dataclasses import dataclass

_RANKS = [
    (1, re.compile(r"^(优秀|优|一等|A|甲等)")),
    (2, re.compile(r"^(良好|良|二等|B|乙等)")),
    (4, re.compile(r"^(不合格|不及格|差|四等|D|较差)")),
    (3, re.compile(r"^(合格|及格|中等|中|一般|三等|C|丙等)")),
]


def grade_rank(text: str | None) -> int | None:
    if not text:
        return None
    s = re.sub(r"[\s“”\"'‘’「」]", "", text)
    s = re.sub(r"(等级|级|档)$", "", s)
    for rank, pat in _RANKS:
        if pat.match(s):
            return rank
    return None


@dataclass
class Band:
    low: float | None
    high: float | None
    low_inclusive: bool
    high_inclusive: bool
    grade_text: str
    rank: int

    def contains(self, score: float) -> bool:
        if self.low is not None and (score < self.low or (score == self.low and not self.low_inclusive)):
            return False
        if self.high is not None and (score > self.high or (score == self.high and not self.high_inclusive)):
            return False
        return True


def default_bands() -> list[Band]:
    return [
        Band(90, None, True, True, "优", 1),
        Band(80, 90, True, False, "良", 2),
        Band(60, 80, True, False, "中", 3),
        Band(None, 60, True, False, "差", 4),
    ]


_GRADE_WORD = r"(优秀|良好|合格|不合格|一等|二等|三等|四等|优|良|中|差)"
_BAND = re.compile(
    r"(?P<lo>\d+(?:\.\d+)?)\s*(?:分)?\s*(?:[（(]含[)）])?\s*(?:[-—–~～至]+\s*(?P<hi>\d+(?:\.\d+)?)\s*分?)?"
    r"\s*(?P<excl>[（(]不含\s*(?P<ex>\d+(?:\.\d+)?)\s*分?[)）])?\s*(?P<above>以上|以下)?\s*(?:[（(]不含\s*\d+(?:\.\d+)?\s*分?[)）])?"
    r"\s*(?:为|的为|属于|评为|定为)?\s*[“\"]?" + _GRADE_WORD
)


def parse_bands(text: str | None) -> list[Band]:
    """'90—100分为一等；80—90分（不含90分）为二等；…60分以下为四等' → bands."""
    if not text:
        return []
    bands: list[Band] = []
    for m in _BAND.finditer(text):
        g = m.group(m.lastindex) if m.lastindex else None
        grade = re.search(_GRADE_WORD, m.group(0)[::-1][:4][::-1]) or re.search(_GRADE_WORD + r"$", m.group(0))
        gtext = grade.group(1) if grade else g
        rank = grade_rank(gtext)
        if rank is None:
            continue
        lo = float(m.group("lo"))
        hi = float(m.group("hi")) if m.group("hi") else None
        if m.group("above") == "以下":
            bands.append(Band(None, lo, True, False, gtext, rank))
        elif hi is None:
            bands.append(Band(lo, None, True, True, gtext, rank))
        else:
            lo, hi = min(lo, hi), max(lo, hi)
            bands.append(Band(lo, hi, True, not m.group("excl") and rank == 1 or not m.group("excl") and hi >= 100, gtext, rank))
    if len({b.rank for b in bands}) < 2:
        return []
    return bands


def grade_for(score: float, bands: list[Band] | None = None) -> tuple[str | None, int | None]:
    for b in bands or default_bands():
        if b.contains(score):
            return b.grade_text, b.rank
    return None, None
