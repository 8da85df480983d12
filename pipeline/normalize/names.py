"""Unit and project names → keys that match across aliases and years.

Unit key form: the short party form "中共{place}委{body}" (中共益阳市委组织部), half-width,
no whitespace, no bracketed remarks, no leading budget code. Long forms
"中国共产党X委员会Y", "中共X委员会Y" and the bare "X委Y" all fold to it.
"""

from __future__ import annotations

import re

from pipeline.lexicon import either, pattern, word, words
from pipeline.normalize.text import squash

_CODE = re.compile(r"^\d{3,}[-—–_.、:：\s]*")  # "106001-" budget unit codes
_LABEL = pattern("names", "unit.label")
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕|<[^>]*>|《|》")
_PARTY_LONG, _PARTY_SHORT = word("names", "unit.party_long"), word("names", "unit.party")
_COMMITTEE, _COMMITTEE_LONG = word("names", "unit.committee"), word("names", "unit.committee_long")
_PLACE = "(?:" + either(words("names", "unit.place")) + ")"
# Only the party committee right after the place name: 中共X市委员会政法委员会 → 中共X市委政法委员会.
_PARTY = re.compile(
    rf"^(?:{_PARTY_SHORT})?(?P<place>[^{word('names', 'unit.not_place')}]{{1,24}}?{_PLACE})"
    rf"{_COMMITTEE}(?:{_COMMITTEE_LONG})?"
)


def unit_key(name: str | None) -> str:
    """Canonical unit key; aliases of one unit share it (see the module docstring)."""
    s = squash(name)
    s = _BRACKETS.sub("", s)
    s = _CODE.sub("", s)
    s = _LABEL.sub("", s)
    s = s.replace(_PARTY_LONG, _PARTY_SHORT)
    party = s.startswith(_PARTY_SHORT)
    m = _PARTY.match(s)
    if m and (party or _bare_party(s, m)):
        s = f"{_PARTY_SHORT}{m.group('place')}{_COMMITTEE}" + s[m.end():]
    return s


def _bare_party(s: str, m: re.Match[str]) -> bool:
    """'益阳市委组织部' is the party committee's department; '某社区委员会' is not."""
    return not m.group("place").endswith(words("names", "unit.not_party_after"))


# Province, then city/prefecture, then county/district: each optional, in that order.
_REGION = pattern("names", "region.pattern", name=f"[^{word('names', 'region.body_chars')}]")


def region_of(name: str | None) -> str | None:
    """Best effort: '中共资源县委组织部' → '资源县', '广元市昭化区财政局' → '广元市昭化区'."""
    s = unit_key(name)
    s = s.removeprefix(_PARTY_SHORT)
    m = _REGION.match(s)
    r = m.group("r") if m else ""
    return r if len(r) >= 3 else None


_YEAR = pattern("names", "project.year")
_PUNCT = re.compile(r"[\s“”\"'‘’《》〈〉<>「」『』、，,。.:：;；!！?？\-—–_·~～/]")


def project_key(name: str | None) -> str:
    """Project name for matching across years: no years, brackets, quotes, punctuation,
    or request wrapping ('关于申请…的请示')."""
    s = squash(name)
    s = _YEAR.sub("", s)
    s = _BRACKETS.sub("", s)
    s = _PUNCT.sub("", s)
    s = pattern("names", "project.request_head").sub("", s)
    s = pattern("names", "project.request_tail").sub("", s)
    return s


def project_identity(name: str | None) -> str:
    """A project's name as it identifies the project within a report: like project_key but
    its bracketed qualifiers kept, for they tell projects apart (…（政府采购部分）项目 and
    …（非政府采购部分）项目 are two projects). Only spacing, quotes, punctuation, the year and
    request wrapping are left out."""
    s = squash(name)
    s = _YEAR.sub("", s)
    s = _PUNCT.sub("", s)
    s = pattern("names", "project.request_head").sub("", s)
    s = pattern("names", "project.request_tail").sub("", s)
    return s
