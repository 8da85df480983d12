"""The 60 real pages of ../shared/real-dev, re-rendered the ways real copies of such pages print
them, must give the figures their own rendering gives: a PDF's text with spaces around figures,
every figure set on a line of its own (another font), sentences hard-wrapped at a page's width,
traditional characters. Held-out pages come in these renderings; before session 12 the figures-
on-their-own-lines rendering lost half the amounts and two thirds of the rates."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from pipeline.extract import extract
from pipeline.readers.text import read_text

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "real-dev"
pytestmark = pytest.mark.skipif(not (DEV / "expect.json").exists(), reason="../shared/real-dev not present")
_PROSE = re.compile(r"[|\t]")


def _prose(line: str) -> bool:
    return not _PROSE.search(line) and line.count(" ") <= 5


def spaced(text: str) -> str:
    """A PDF's text: a space between every figure and the characters beside it."""
    return "\n".join(re.sub(r"(?<=[\u4e00-\u9fff])(?=\d)|(?<=\d)(?=[\u4e00-\u9fff])", " ", ln) if _prose(ln) else ln
                     for ln in text.split("\n"))


def figure_lines(text: str) -> str:
    """Every money figure or rate of running text on a line of its own."""
    return "\n".join(re.sub(r"(?<=[\u4e00-\u9fff])(\d[\d,]*(?:\.\d+)?)(?=万元|元|%|亿元)", lambda m: "\n" + m.group(1) + "\n", ln)
                     if _prose(ln) else ln for ln in text.split("\n"))


def wrapped(text: str, width: int = 23) -> str:
    """Running text hard-wrapped at a page's width, never inside a figure."""
    out = []
    for ln in text.split("\n"):
        if not _prose(ln) or len(ln) < 30:
            out.append(ln)
            continue
        cur = ""
        for i, ch in enumerate(ln):
            cur += ch
            nxt = ln[i + 1] if i + 1 < len(ln) else ""
            if len(cur) >= width and not (ch.isdigit() and (nxt.isdigit() or nxt == ".")) and ch != ".":
                out.append(cur)
                cur = ""
        out.append(cur)
    return "\n".join(out)


def _figures(text: str) -> set[tuple[str, Decimal]]:
    ex = extract(read_text(text.encode("utf-8")), "d" * 64)
    got = {("amount", f["amount_yuan"]) for f in ex.fact_budgets if f["amount_yuan"] is not None}
    got |= {("amount", f["executed_yuan"]) for f in ex.fact_executions if f["executed_yuan"] is not None}
    got |= {("rate", f["reported_rate_pct"]) for f in ex.fact_executions if f["reported_rate_pct"] is not None}
    return got


@cache
def _expected() -> dict:
    return json.loads((DEV / "expect.json").read_text(encoding="utf-8"))["docs"]


# Share of the hand-read figures a page's own rendering gives that another rendering may lose,
# as measured in session 12 (before it, at 75ee8ae: spaced 8.6 %, figure_lines 55.1 %, wrapped 0 %;
# after: 5.4 %, 0 %, 0 % of 336). The spaced losses left are table-like lines of previews.
LIMITS = {"spaced": 0.06, "figure_lines": 0.01, "wrapped": 0.01}


@pytest.mark.parametrize("render", [spaced, figure_lines, wrapped], ids=lambda f: f.__name__)
def test_a_rendering_keeps_the_hand_read_figures(render) -> None:
    kept = lost = 0
    losses = []
    for name, d in sorted(_expected().items()):
        text = (DEV / name).read_text(encoding="utf-8")
        want = {("amount", Decimal(str(v)).quantize(Decimal("0.01"))) for v in d.get("amounts", [])} \
            | {("rate", Decimal(str(v))) for v in d.get("rates", [])}
        base = want & {(k, v.quantize(Decimal("0.01")) if k == "amount" else v) for k, v in _figures(text)}
        again = {(k, v.quantize(Decimal("0.01")) if k == "amount" else v) for k, v in _figures(render(text))}
        kept += len(base & again)
        lost += len(base - again)
        if base - again:
            losses.append((name, sorted(base - again)[:3]))
    assert lost <= LIMITS[render.__name__] * (kept + lost), losses
