"""Unit and project names → keys that match across aliases and years."""

from __future__ import annotations

import re

from pipeline.normalize.text import to_halfwidth

_WS = re.compile(r"[\s\u3000]+")
_CODE = re.compile(r"^\d+[-－—_ ]*")
_BRACKETS = re.compile(r"[（(][^）)]*[)）]")


def unit_key(name: str) -> str:
    """Canonical short form: 中国共产党X委员会Y → 中共X委Y; 中共X委员会Y → 中共X委Y."""
    s = _WS.sub("", to_halfwidth(name or ""))
    s = _CODE.sub("", s)
    s = _BRACKETS.sub("", s)
    s = s.replace("中国共产党", "中共")
    # Only the party committee right after the place name: 中共X市委员会政法委员会 → 中共X市委政法委员会.
    s = re.sub(r"^中共(.+?(?:省|市|县|区|州|旗|盟|自治区))委员会", r"中共\1委", s)
    return s


_REGION = re.compile(r"^(?:中共|中国共产党)?((?:[\u4e00-\u9fa5]{2,6}?(?:省|自治区|市|州|盟))?(?:[\u4e00-\u9fa5]{1,12}?(?:县|区|市|旗)))")


def region_of(name: str) -> str | None:
    s = unit_key(name)
    m = _REGION.match(s)
    if not m:
        return None
    r = m.group(1)
    return r if len(r) >= 3 else None


_YEAR = re.compile(r"(19|20)\d\d\s*年度?")
_PUNCT = re.compile(r"[\s“”\"'‘’《》〈〉<>「」、，,。.:：;；!！?？\-—_·]")


def project_key(name: str) -> str:
    s = to_halfwidth(name or "")
    s = _YEAR.sub("", s)
    s = _BRACKETS.sub("", s)
    s = _PUNCT.sub("", s)
    s = re.sub(r"^(关于)?(申请|拨付)?", "", s)
    s = re.sub(r"(的)?请示$", "", s)
    return s
