"""The document as extraction reads it: traditional-script conversions back in simplified
characters, converter glosses dropped. Runs once, before segmentation."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache

from pipeline.model import Document, Paragraph, Table
from pipeline.normalize.script import has_glosses, looks_traditional, strip_glosses, to_simplified
from pipeline.settings import VOCAB_DIR

# The next line carries the figure the line before was about to state ("90 分，…").
_FIGURE_START = re.compile(r"^\s*[\d０-９][\d,，.．]*\s*(?:分|万元|元|亿元|千元|%|％)")


@lru_cache(maxsize=1)
def _dangling() -> tuple[str, ...]:
    cfg = tomllib.loads((VOCAB_DIR / "statements.toml").read_text(encoding="utf-8"))
    return tuple(cfg["lines"]["dangling"])


def join_cut_lines(doc: Document) -> int:
    """Rejoin a sentence cut between two lines of PDF text ("…自评得分" + "90 分，存在的问题"):
    the first line ends on a word that announces a figure and the next starts with one. The
    joined paragraph keeps the first line's index; character offsets run across both."""
    out: list = []
    joined = 0
    for b in doc.blocks:
        prev = out[-1] if out else None
        if (isinstance(b, Paragraph) and isinstance(prev, Paragraph) and prev.page == b.page
                and prev.text.rstrip().endswith(_dangling()) and _FIGURE_START.match(b.text)):
            prev.text = prev.text.rstrip() + b.text.lstrip()
            joined += 1
            continue
        out.append(b)
    doc.blocks = out
    return joined


def prepare(doc: Document) -> Document:
    if join_cut_lines(doc):
        doc.warnings.append("lines cut before their figure were rejoined")
    sample = "\n".join(b.text for b in doc.blocks[:400] if isinstance(b, Paragraph))
    trad, glossed = looks_traditional(sample), has_glosses(sample)
    if not (trad or glossed):
        return doc

    def fix(s: str) -> str:
        if glossed:
            s = strip_glosses(s)
        return to_simplified(s) if trad else s

    for b in doc.blocks:
        if isinstance(b, Paragraph):
            b.text = fix(b.text)
        elif isinstance(b, Table):
            b.caption = fix(b.caption)
            for row in b.rows:
                for c in row:
                    c.text = fix(c.text)
    doc.warnings.append(
        "text read in simplified characters" * trad + (" and " if trad and glossed else "")
        + "pinyin glosses dropped" * glossed
    )
    return doc
