"""Unit and project names → keys that match across aliases and years.

Unit key form: the short party form "中共{place}委{body}" (中共益阳市委组织部), half-width,
no whitespace, no bracketed remarks, no leading budget code. Long forms
"中国共产党X委员会Y", "中共X委员会Y" and the bare "X委Y" all fold to it.
"""

from __future__ import annotations

import re

from pipeline.normalize.text import squash

_CODE = re.compile(r"^\d{3,}[-—–_.、:：\s]*")  # "106001-" budget unit codes
_LABEL = re.compile(r"^(?:填报|预算|主管|实施|评价)?(?:单位|部门)(?:名称)?(?:\(盖章\))?[:：]")
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕|<[^>]*>|《|》")
_PLACE = r"(?:省|自治区|市|县|区|州|旗|盟)"
# Only the party committee right after the place name: 中共X市委员会政法委员会 → 中共X市委政法委员会.
_PARTY = re.compile(rf"^(?:中共)?(?P<place>[^委局厅办会部院]{{1,24}}?{_PLACE})委(?:员会)?")


def unit_key(name: str | None) -> str:
    """Canonical unit key; aliases of one unit share it (see the module docstring)."""
    s = squash(name)
    s = _BRACKETS.sub("", s)
    s = _CODE.sub("", s)
    s = _LABEL.sub("", s)
    s = s.replace("中国共产党", "中共")
    party = s.startswith("中共")
    m = _PARTY.match(s)
    if m and (party or _bare_party(s, m)):
        s = f"中共{m.group('place')}委" + s[m.end():]
    return s


def _bare_party(s: str, m: re.Match[str]) -> bool:
    """'益阳市委组织部' is the party committee's department; '某社区委员会' is not."""
    return not m.group("place").endswith(("社区", "小区", "园区", "景区", "街区", "片区"))


# Province, then city/prefecture, then county/district: each optional, in that order.
_NAME = r"[^局厅委部办会院所处室中心站队组]"
_REGION = re.compile(
    # 市 of 市场 (市场监督管理局) is not a city.
    rf"^(?P<r>(?:{_NAME}{{2,7}}?(?:省|自治区))?(?:{_NAME}{{2,10}}?(?:市(?!场)|州|盟|地区))?"
    rf"(?:{_NAME}{{2,12}}?(?:县|区|市(?!场)|旗))?)"
)


def region_of(name: str | None) -> str | None:
    """Best effort: '中共资源县委组织部' → '资源县', '广元市昭化区财政局' → '广元市昭化区'."""
    s = unit_key(name)
    s = re.sub(r"^中共", "", s)
    m = _REGION.match(s)
    r = m.group("r") if m else ""
    return r if len(r) >= 3 else None


_YEAR = re.compile(r"(?:19|20)\d\d\s*年度?")
_PUNCT = re.compile(r"[\s“”\"'‘’《》〈〉<>「」『』、，,。.:：;；!！?？\-—–_·~～/]")


def project_key(name: str | None) -> str:
    """Project name for matching across years: no years, brackets, quotes, punctuation,
    or request wrapping ('关于申请…的请示')."""
    s = squash(name)
    s = _YEAR.sub("", s)
    s = _BRACKETS.sub("", s)
    s = _PUNCT.sub("", s)
    s = re.sub(r"^(?:关于)?(?:申请|拨付|请求)?", "", s)
    s = re.sub(r"(?:的)?(?:请示|报告)$", "", s)
    return s
