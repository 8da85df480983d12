"""Text normalisation shared by readers' tests and extractors."""

from __future__ import annotations

import re
import unicodedata

_WS = re.compile(r"[\s\u3000\u00a0\u200b\ufeff]+")


def to_halfwidth(s: str) -> str:
    """Full-width ASCII (digits, letters, punctuation) → half-width; Chinese untouched."""
    out = []
    for ch in s:
        o = ord(ch)
        if 0xFF01 <= o <= 0xFF5E:
            out.append(chr(o - 0xFEE0))
        elif o == 0x3000:
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def normalize_text(s: str) -> str:
    return _WS.sub(" ", unicodedata.normalize("NFC", to_halfwidth(s or ""))).strip()


def squash(s: str) -> str:
    """Remove all whitespace: cell texts compare equal across TXT, DOCX and PDF renderings."""
    return _WS.sub("", to_halfwidth(s or ""))
