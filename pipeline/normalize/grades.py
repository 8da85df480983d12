"""Grades: text → rank (1 best … 4 worst), and the score bands a document states.

Bands use floats (not Decimal) because they travel through JSON between the extractor
and the grade_band check (`Band(**json.loads(...))`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.lexicon import either, entry, word, words
from pipeline.normalize.text import squash

# Grade words by rank (vocab/grades.toml). Multi-character words also match as a prefix
# ("优秀单位", "一等（优秀）"); single characters only whole, or "中共…" would read as a grade.
_VOCAB: dict[str, int] = {w: int(rank) for rank, ws in entry("grades", "ranks").items() for w in ws}
_PREFIX_WORDS = sorted((w for w in _VOCAB if len(w) >= 2), key=len, reverse=True)
_GRADE_WORD = "(" + either(list(_VOCAB)) + ")"
_SUFFIX = re.compile("(" + either(words("grades", "words.suffix")) + ")$")
_LEVEL = re.compile(re.escape(word("grades", "words.level")) + "$")
_INCL = re.escape(word("grades", "words.includes"))
_EXCL = re.escape(word("grades", "words.excludes"))
_NEG = re.escape(word("grades", "words.negation"))
_POINT = re.escape(word("grades", "words.point"))
_BELOW = re.compile(either(words("grades", "words.below")))


def grade_words(multi_char: bool = False) -> list[str]:
    """The grade words of vocab/grades.toml written in Han characters (A–D are read only in
    grade cells); with `multi_char`, only those of two or more (a lone 中 is not a grade in
    running text such as 其中12个)."""
    return [w for w in _VOCAB if not w.isascii() and (len(w) >= 2 or not multi_char)]


def grade_rank(text: str | None) -> int | None:
    """'优'/'优秀'/'一等'/'A' → 1 … '差'/'不合格'/'四等'/'D' → 4; quotes and 等级/级 ignored."""
    s = re.sub(r"[“”\"'‘’「」『』。，,.;；:：]", "", squash(text))
    s = re.sub(r"\([^)]*\)$", "", s) or s
    if not s:
        return None
    for cand in (s, _SUFFIX.sub("", s), _LEVEL.sub("", s)):
        if cand.upper() in _VOCAB:
            return _VOCAB[cand.upper()]
    for w in _PREFIX_WORDS:
        if s.startswith(w):
            return _VOCAB[w]
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
        score = float(score)
        if self.low is not None and (score < self.low or (score == self.low and not self.low_inclusive)):
            return False
        if self.high is not None and (score > self.high or (score == self.high and not self.high_inclusive)):
            return False
        return True


def default_bands() -> list[Band]:
    """The usual rule when a document states none (vocab/grades.toml: 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60)."""
    return [
        Band(b.get("low"), b.get("high"), True, "high" not in b, b["grade"], b["rank"])
        for b in entry("grades", "default_bands")
    ]


_N = r"(\d+(?:\.\d+)?)"
_CLAUSE_SPLIT = re.compile(r"[;；,，、。\n]")
_GRADE_AT = re.compile("(?:" + either(words("grades", "words.verbs")) + r")?[“\"']?" + _GRADE_WORD)


def parse_bands(text: str | None) -> list[Band]:
    """'90—100分为一等等级；80—90分（不含90分）为二等等级；…；60分以下（不含60分）为四等等级'
    or '90分（含）以上为优、80-90分为良、60-80分为中、60分以下为差' → bands.

    Returns [] unless at least two grades are stated, so a stray sentence is not a rule.
    """
    if not text:
        return []
    bands = [b for c in _CLAUSE_SPLIT.split(squash(text)) if (b := _band(c))]
    if len({b.rank for b in bands}) < 2:
        return []
    _resolve_shared_edges(bands)
    return bands


def _band(clause: str) -> Band | None:
    g = None
    for m in _GRADE_AT.finditer(clause):
        if grade_rank(m.group(1)) and not re.search(r"\d", clause[m.end():]):
            g = m  # the grade named after the numbers
    if g is None:
        return None
    head, grade = clause[: g.start()], g.group(1)
    # A note's list number ("2.自评等级：90—100分为一等") is not a score.
    head = re.sub(r"^\(?\d{1,2}[.、)．]", "", head)
    rank = grade_rank(grade)
    nums = [float(x) for x in re.findall(_N, re.sub(rf"\((?:{_NEG})?{_INCL}{_N}?(?:{_POINT})?\)", "", head))]
    excluded = {float(x) for x in re.findall(_EXCL + _N, head)}
    if not nums or rank is None:
        return None
    if len(nums) >= 2:
        lo, hi = sorted(nums[-2:])  # the two figures nearest the grade
        return Band(lo, hi, lo not in excluded, hi not in excluded and _explicit_incl(head, hi, True), grade, rank)
    n = nums[0]
    if _BELOW.search(head):
        return Band(None, n, True, n not in excluded and _explicit_incl(head, n, False), grade, rank)
    # "90分以上", "90分（含）以上", "≥90分", or a bare "90分为优": a lower bound.
    return Band(n, None, n not in excluded and ">" not in head.replace(">=", ""), True, grade, rank)


def _explicit_incl(head: str, n: float, default: bool) -> bool:
    """An upper end is inclusive when printed so ('含90分', '(含)'), else `default`."""
    num = f"{n:g}"
    if re.search(rf"(?<!{_NEG}){_INCL}{num}|{num}(?:{_POINT})?\({_INCL}\)|≤", head):
        return True
    return default


def _resolve_shared_edges(bands: list[Band]) -> None:
    """Where two bands share an edge and both include it, the better grade keeps it
    ('90—100分为一等；80—90分为二等': 90 is 一等)."""
    for a in bands:
        for b in bands:
            if a is b or a.rank >= b.rank:
                continue
            if a.low is not None and a.low == b.high and a.low_inclusive and b.high_inclusive:
                b.high_inclusive = False


def grade_for(score: float, bands: list[Band] | None = None) -> tuple[str | None, int | None]:
    """The grade whose band holds the score (document's bands, else 90/80/60)."""
    for b in bands or default_bands():
        if b.contains(score):
            return b.grade_text, b.rank
    return None, None
