"""Text normalisation shared by readers, extractors and tests.

Only full-width ASCII (U+FF01–FF5E) and the ideographic space are folded, so the mapping
is one character to one character: offsets found in normalised text are offsets into the
original string, which is what `source_ref` chars= needs.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Whitespace the regex \s misses or that PDFs/DOCX leave behind (nbsp, zero-width, BOM).
_WS = re.compile(r"[\s\u3000\u00a0\u2009\u202f\u200b\ufeff]+")


# Full-width ASCII U+FF01–FF5E → U+0021–007E, the ideographic space → a plain space.
_HALFWIDTH = {o: o - 0xFEE0 for o in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
# The characters `_HALFWIDTH` maps: most strings hold none, and a regex finds that in C where
# str.translate with a dict looks every character up (~40 000 calls on a 171-page 决算).
_FOLDABLE = re.compile("[\u3000\uff01-\uff5e]")


def to_halfwidth(s: str) -> str:
    """Full-width ASCII (digits, letters, punctuation) → half-width; Chinese untouched.

    Length-preserving: the ideographic space becomes a plain space, nothing is dropped.
    """
    if _FOLDABLE.search(s) is None:
        return s
    return s.translate(_HALFWIDTH)


# Full-width digits, point and percent sign (２０２１年，９８．５％) → ASCII, length-preserving:
# the year, amount and rate patterns are written with ASCII digits, and pages typed in a
# full-width input mode print every figure that way.
_FIGURES = {0xFF10 + i: 0x30 + i for i in range(10)} | {0xFF0E: 0x2E, 0xFF05: 0x25}


def fold_figures(s: str) -> str:
    """Full-width digits, '．' and '％' → ASCII; every other character untouched."""
    return s.translate(_FIGURES)


def normalize_text(s: str | None) -> str:
    """Half-width ASCII, composed Unicode, whitespace runs collapsed to one space, trimmed."""
    return _WS.sub(" ", unicodedata.normalize("NFC", to_halfwidth(s or ""))).strip()


# Extraction squashes the same cell and label texts many times over (~150 k calls on a
# 163-page budget); a bounded cache makes the repeats free.
@lru_cache(maxsize=1 << 15)
def squash(s: str | None) -> str:
    """Remove all whitespace: cell texts compare equal across TXT, DOCX and PDF renderings."""
    return _WS.sub("", unicodedata.normalize("NFC", to_halfwidth(s or "")))
