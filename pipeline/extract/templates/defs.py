"""Template definitions, read from vocab/templates/*.toml (data, not code).

A template says which fields its funding block may print (each field's kind, header words
and contract column come from fields.toml and vocab/stages.csv), which fund-source rows it
prints (their labels come from vocab/line_item_synonyms.csv), where the block ends, the
words a rendering may run together, and its score rows.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache, lru_cache

from pipeline.extract.vocabulary import stage_of
from pipeline.normalize.money import money_unit_alternation
from pipeline.settings import VOCAB_DIR

TEMPLATES_DIR = VOCAB_DIR / "templates"
# Annotations printed inside header cells: (万元), (A), (B/A), (D/C×100%), ①.
_ANNOTATION = re.compile(r"[（(](" + money_unit_alternation() + r"|%|[A-Za-z][A-Za-z/×*÷%0-9]*)[)）]|[①②③④⑤]")


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # money | rate | points | seq | text
    target: str  # contract column, "" when read but not stored
    headers: tuple[re.Pattern[str], ...]

    @property
    def stage(self) -> str | None:
        """'initial' for 'fact_budgets.stage=initial'."""
        return self.target.split("=", 1)[1] if "=" in self.target else None


@dataclass(frozen=True)
class ScoreRow:
    labels: tuple[re.Pattern[str], ...]
    fields: tuple[str, ...]
    component: str
    # The field one figure printed alone after the label fills: a label naming the score itself
    # (得分合计 100) prints the score; 总分 100 may be the weight or the score (None: not read).
    lone: str | None = None
    # A label that closes any table (合计): a score row only right under an indicator table's
    # header printing 分值 and 得分 (the nearest field words before it), never under a funding one.
    under_scores: bool = False


@dataclass(frozen=True)
class Template:
    name: str
    report_kind: str
    priority: int
    keys: dict[str, tuple[re.Pattern[str], ...]]
    fields: tuple[str, ...]
    total_only: frozenset[str]
    lines: frozenset[str]
    score_component: str
    ends: tuple[str, ...]
    split_words: tuple[str, ...]
    run_max_ratio: float
    run_max_decimals: int
    breakdown_headings: tuple[re.Pattern[str], ...] = ()
    breakdown_stages: tuple[str, ...] = ()
    scores: tuple[ScoreRow, ...] = field(default_factory=tuple)
    required: frozenset[str] = frozenset()
    rate_base: tuple[str, ...] = ("adjusted", "initial")
    differences: tuple[tuple[str, str, str], ...] = ()
    default_unit: bool = True  # amounts in 万元 when neither the block nor the page prints a unit
    # The form's printed column order, read for fund-source rows whose header the excerpt cut
    # off (only where a row's own printed rate proves the money columns; see engine._headless).
    headless: tuple[str, ...] = ()
    headless_labels: tuple[re.Pattern[str], ...] = ()  # the form's own row labels (never 合计 alone)


def _patterns(xs: list[str] | None) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(x) for x in xs or ())


@cache
def fields() -> dict[str, Field]:
    with open(TEMPLATES_DIR / "fields.toml", "rb") as f:
        data = tomllib.load(f)["fields"]
    return {
        name: Field(name, d["kind"], d.get("target", ""), _patterns(d.get("headers")))
        for name, d in data.items()
    }


@cache
def templates() -> tuple[Template, ...]:
    out = []
    for path in sorted(TEMPLATES_DIR.glob("*.toml")):
        if path.name == "fields.toml":
            continue
        with open(path, "rb") as f:
            d = tomllib.load(f)
        fu = d["funding"]
        bd = d.get("breakdown", {})
        out.append(Template(
            name=d["name"], report_kind=d["report_kind"], priority=int(d.get("priority", 9)),
            keys={k: _patterns(v) for k, v in d.get("keys", {}).items()},
            fields=tuple(fu["fields"]), total_only=frozenset(fu.get("total_only", ())),
            lines=frozenset(fu.get("lines", ())), score_component=fu.get("score_component", "budget_execution"),
            ends=tuple(fu.get("ends", ())),
            split_words=tuple(sorted(fu.get("split_words", ()), key=len, reverse=True)),
            run_max_ratio=float(fu.get("run_max_ratio", 10)), run_max_decimals=int(fu.get("run_max_decimals", 2)),
            breakdown_headings=_patterns(bd.get("headings")), breakdown_stages=tuple(bd.get("stages", ())),
            scores=tuple(ScoreRow(_patterns(s["labels"]), tuple(s["fields"]), s["component"], s.get("lone"),
                                  bool(s.get("under_scores", False)))
                         for s in d.get("scores", ())),
            required=frozenset(fu.get("required", ())), rate_base=tuple(fu.get("rate_base", ("adjusted", "initial"))),
            differences=tuple(tuple(x) for x in fu.get("differences", ())),
            default_unit=bool(fu.get("default_unit", True)),
            headless=tuple(fu.get("headless", ())), headless_labels=_patterns(fu.get("headless_labels")),
        ))
    return tuple(sorted(out, key=lambda t: t.priority))


def header_key(text: str) -> str:
    """A header cell's words without spaces and annotations."""
    return _ANNOTATION.sub("", re.sub(r"\s+", "", text)).replace("（", "(").replace("）", ")")


@lru_cache(maxsize=1 << 16)
def field_of(text: str, allowed: tuple[str, ...]) -> str | None:
    """The field a header cell names, among a template's fields: fields.toml's own header
    words first, then the shared stage vocabulary (vocab/stages.csv). A pure function of its
    arguments once the vocabulary is loaded, so remembered (the template engine asks the same
    question for every candidate header of every table)."""
    s = header_key(text)
    if not s:
        return None
    fs = fields()
    for name in allowed:
        if any(p.search(s) for p in fs[name].headers):
            return name
    st = stage_of(s)
    return st if st in allowed else None
