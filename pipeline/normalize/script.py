"""Traditional-script pages and their pinyin glosses, read as the simplified text they render.

Government pages are often re-posted through traditional-script converters that also add a
pinyin gloss after some characters ("政務(wù)服務(wù)中心"). The vocabulary is simplified, so
such text is read in simplified characters with the glosses dropped. Digits and punctuation
are untouched, so every printed figure keeps its characters.
"""

from __future__ import annotations

import re
from functools import lru_cache

# A gloss is lower-case pinyin (tone marks allowed) in brackets right after a Han character.
_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])[(（]([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüń]{1,7})[)）]")
_HAN = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def _converter():  # noqa: ANN202 - opencc's own type
    try:
        import opencc
    except ImportError:  # the dependency is declared; keep text as printed if it is missing
        return None
    return opencc.OpenCC("t2s")


def strip_glosses(text: str) -> str:
    """'政務(wù)服務(wù)' → '政務服務'. Only pinyin-like brackets after a Han character go."""
    return _GLOSS.sub("", text)


# A comma the converter left before another mark: "75.20億元,,分配率99.5%,。" (a half-width
# comma after each gloss it dropped).
_DOUBLED = re.compile(r",+(?=[,，。、；;:：])")


def collapse_doubled_punctuation(text: str) -> str:
    """'總額75.20億元,,分配率99.5%,。' → '總額75.20億元,分配率99.5%。'"""
    return _DOUBLED.sub("", text)


def to_simplified(text: str) -> str:
    """Character-for-character t2s conversion: the result has the same length, so positions
    found in it point at the same characters of the printed text."""
    conv = _converter()
    if conv is None or not _HAN.search(text):
        return text
    out = conv.convert(text)
    if len(out) == len(text):
        return out
    return "".join(conv.convert(ch) for ch in text)


def looks_traditional(text: str, threshold: float = 0.02) -> bool:
    """True when enough Han characters change under t2s to call the text traditional. A
    simplified page has a few characters t2s would still touch; a converted page has many."""
    conv = _converter()
    han = _HAN.findall(text[:20000])
    if conv is None or len(han) < 20:
        return False
    sample = "".join(han)
    changed = sum(a != b for a, b in zip(sample, conv.convert(sample), strict=False))
    return changed / len(han) >= threshold


def has_glosses(text: str) -> bool:
    return len(_GLOSS.findall(text[:20000])) >= 3
