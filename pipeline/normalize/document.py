"""Normalisations of a whole read document, shared by the readers and prepare()."""

from __future__ import annotations

from pipeline.model import Document, Paragraph, Table
from pipeline.normalize.text import fold_figures


def fold_fullwidth_figures(doc: Document) -> int:
    """Full-width digits (２０２１年度, ９８．５％) become ASCII in every paragraph and cell, one
    character for one so positions stay those printed. Returns the blocks changed."""
    n = 0
    for b in doc.blocks:
        if isinstance(b, Paragraph):
            t = fold_figures(b.text)
            n += t != b.text
            b.text = t
        elif isinstance(b, Table):
            b.caption = fold_figures(b.caption)
            for row in b.rows:
                for c in row:
                    t = fold_figures(c.text)
                    n += t != c.text
                    c.text = t
    return n
