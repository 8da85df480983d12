"""Pages typed in a full-width input mode print every figure that way (２０１９年度, ６．２０万元,
３９．８６％). The year, amount and rate patterns are written with ASCII digits: re-rendered so,
real-dev lost the fiscal year of 57 of its 60 documents, a flattened self-evaluation form (118)
stopped being a table and 104's 增加(减少)０万元 looked like a choice left unmade. Figures are
folded to ASCII, one character for one, before the layouts are told apart."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.extract import extract
from pipeline.model import Document, Paragraph, Table
from pipeline.normalize.text import fold_figures
from pipeline.readers.text import read_text

REAL_DEV = Path(__file__).resolve().parents[2].parent / "shared" / "real-dev"


def fullwidth(text: str) -> str:
    """The rendering: ASCII digits, '.' and '%' typed full-width."""
    return re.sub(r"[0-9%]", lambda m: chr(ord(m.group()) + 0xFEE0), text).replace(".", "\uff0e")


def test_fold_is_one_character_for_one() -> None:
    s = "\uff12\uff10\uff11\uff19\u5e74\uff16\uff0e\uff12\uff10\u4e07\u5143\uff0c\uff13\uff19\uff0e\uff18\uff16\uff05"
    t = fold_figures(s)
    assert t == "2019\u5e746.20\u4e07\u5143\uff0c39.86%"  # the full-width comma is no figure: kept
    assert len(t) == len(s)


def _facts(doc: Document) -> list[tuple]:
    ex = extract(doc, "d")
    out = []
    for table in ("fact_budgets", "fact_executions", "fact_scores", "fact_shares", "fact_changes", "fact_line_splits"):
        for f in getattr(ex, table):
            out.append((table, *(str(f.get(k)) for k in ("stage", "amount_yuan", "line_item", "score",
                                                        "reported_rate_pct", "fiscal_year"))))
    years = sorted(str(r.get("fiscal_year")) for r in ex.reports)
    return sorted(out) + years


@pytest.mark.skipif(not REAL_DEV.is_dir(), reason="../shared/real-dev is not beside the clone")
@pytest.mark.parametrize("name", ["104.txt", "118.txt", "115.txt", "124.txt", "134.txt"])
def test_a_full_width_page_gives_the_facts_of_the_printed_one(name: str) -> None:
    raw = (REAL_DEV / name).read_text(encoding="utf-8")
    printed = _facts(read_text(raw.encode("utf-8")))
    assert printed, name
    assert _facts(read_text(fullwidth(raw).encode("utf-8"))) == printed


def test_other_readers_fold_before_extraction() -> None:
    """A DOCX or HTML page reaches extraction through prepare(), which folds its cells too."""
    text = fullwidth("2021\u5e74\u5ea6\u9879\u76ee\u652f\u51fa\u5408\u8ba1 12.5 \u4e07\u5143")
    doc = Document(blocks=[Paragraph(1, text), Table(index=1)])
    from pipeline.extract.prepare import prepare

    prepare(doc)
    assert doc.blocks[0].text.startswith("2021")
    assert "12.5" in doc.blocks[0].text
