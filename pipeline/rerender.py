"""The same table in the other renderings real web pages print it in.

A page's table reaches us as `|` rows, tab cells, one cell per line (with or without a
trailing bar), cells apart by blank lines, rows flattened onto one line of spaces, or `a | b |`
rows padded with runs of empty cells. A reader tuned on one rendering of a form may read
nothing of another: this module re-renders every `|` row of a real document in the others, so a
hand-read corpus measures what each rendering keeps (`python -m pipeline.rerender CORPUS…`). The
whole page is also re-rendered flattened onto one line and wrapped into PDF-width lines.

Re-rendering is exact only for rows printed whole on one line: a row the page already broke
over lines is re-rendered piece by piece, which a real page would not do. Dropping empty cells
(one cell per line, flattened rows) loses where they were: what those renderings lose is not
always recoverable.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

from pipeline.extract import extract
from pipeline.readers.text import read_text


def cells_of(line: str) -> list[str]:
    s = line.strip()
    s = s[1:] if s.startswith("|") else s
    s = s[:-1] if s.endswith("|") else s
    return [c.strip() for c in s.split("|")]


def is_row(line: str) -> bool:
    """A line of a `|` table: two bars, or one opening or closing it (a row cut over lines)."""
    s = line.strip()
    return s.count("|") >= 2 or s.startswith("|") or s.endswith("|")


# Each rendering turns one row's cells into the text the page would print.
RENDERINGS: dict[str, Callable[[list[str]], str]] = {
    "tabs": lambda cs: "\t".join(cs),
    # pages pad a row to the table's width; a lone cell (a row cut over lines) keeps its bar
    "padded_bars": lambda cs: " | ".join(cs) + (" | ||||" if sum(1 for c in cs if c) > 1 else " |"),
    "cell_per_line_bar": lambda cs: "\n".join(f"{c} |" for c in cs if c),
    "cell_per_line": lambda cs: "\n".join(c for c in cs if c),
    "blank_lines": lambda cs: "\n\n".join(cs),
    "flattened_rows": lambda cs: " ".join(c for c in cs if c),
}


def one_line(text: str) -> str:
    """The page's text flattened onto one line (document-site previews), its table rows kept."""
    lines = text.split("\n")
    prose = " ".join(ln.strip() for ln in lines if ln.strip() and not is_row(ln))
    return "\n".join([prose, *(ln for ln in lines if is_row(ln))])


def wrapped(text: str, width: int = 38) -> str:
    """Prose broken into lines of `width` characters, as PDF text exports print it."""
    out: list[str] = []
    for ln in text.split("\n"):
        out += [ln] if is_row(ln) or len(ln) <= width else [ln[i : i + width] for i in range(0, len(ln), width)]
    return "\n".join(out)


# Renderings of the whole page rather than of its table rows.
PAGE_RENDERINGS: dict[str, Callable[[str], str]] = {"one_line": one_line, "wrapped": wrapped}


def rerender(text: str, name: str) -> str:
    if name in PAGE_RENDERINGS:
        return PAGE_RENDERINGS[name](text)
    fn = RENDERINGS[name]
    return "\n".join(fn(cells_of(ln)) if is_row(ln) else ln for ln in text.split("\n"))


def table_rows(text: str) -> int:
    return sum(1 for ln in text.split("\n") if is_row(ln))


def figures(text: str, expected: dict) -> set[tuple[str, float]]:
    """The hand-read figures of `expected` (score_corpus's keys) that bpw extracts from text."""
    ex = extract(read_text(text.encode("utf-8")), "d")
    got = {
        "amounts": {f["amount_yuan"] for f in ex.fact_budgets} | {f["executed_yuan"] for f in ex.fact_executions},
        "rates": {f["reported_rate_pct"] for f in ex.fact_executions},
        "scores": {f["score"] for f in ex.fact_scores} | {f["score"] for f in ex.fact_indicators}
        | {r.get("score_total") for r in ex.reports},
    }
    out = set()
    for key, values in got.items():
        have = {round(float(v), 2) for v in values if v is not None}
        out |= {(key, round(float(v), 2)) for v in expected.get(key, []) if round(float(v), 2) in have}
    if expected.get("year") is not None and expected["year"] in {r.get("fiscal_year") for r in ex.reports}:
        out.add(("year", float(expected["year"])))
    return out


def losses(corpus: Path, names: list[str] | None = None, docs: list[str] | None = None) -> dict[str, dict[str, set]]:
    """Per rendering, per document (all, or `docs`): the figures read from the page's own text
    but not from the rendering (table renderings skip documents with fewer than three `|` rows)."""
    spec = json.loads((corpus / "expect.json").read_text(encoding="utf-8"))["docs"]
    spec = {d: v for d, v in spec.items() if docs is None or d in docs}
    out: dict[str, dict[str, set]] = {n: {} for n in names or [*RENDERINGS, *PAGE_RENDERINGS]}
    for doc, exp in sorted(spec.items()):
        text = (corpus / doc).read_text(encoding="utf-8", errors="replace")
        base = figures(text, exp)
        for n in out:
            if n in RENDERINGS and table_rows(text) < 3:
                continue  # table renderings: pages with a `|` table only
            out[n][doc] = base - figures(rerender(text, n), exp)
    return out


def main(argv: list[str]) -> int:
    for corpus in map(Path, argv or ["../shared/real-dev"]):
        for n, per_doc in losses(corpus).items():
            lost = {d: v for d, v in per_doc.items() if v}
            print(f"{corpus.name} {n:18} documents {len(per_doc)}, losing figures {len(lost)}"
                  + "".join(f"\n    {d}: {sorted(v)[:6]}" for d, v in lost.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
