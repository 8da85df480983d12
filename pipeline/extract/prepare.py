"""The document as extraction reads it: traditional-script conversions back in simplified
characters, converter glosses dropped. Runs once, before segmentation."""

from __future__ import annotations

from pipeline.model import Document, Paragraph, Table
from pipeline.normalize.script import has_glosses, looks_traditional, strip_glosses, to_simplified


def prepare(doc: Document) -> Document:
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
