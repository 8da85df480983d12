"""Values after a row label → the header's fields, or nothing.

The values are read in the header's order. When every field has its cell (a rendering that
keeps empty cells) they are taken by position. Otherwise every order-preserving way of
placing the printed values under the fields is tried — a percent only under a rate, a
figure printed with a money unit only under an amount, a rate only from a percent — and
readings an identity of the template rules out are dropped (执行率 against 执行数/预算数, a
score above its weight, C = A − B). A field gets a value only when every remaining reading
gives it the same value: a column's meaning is never guessed. Cells run together
('310.2154.741050%5') are split every way the template allows and go through the same test.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from decimal import Decimal

from pipeline.extract.templates.defs import Template, fields
from pipeline.extract.templates.stream import SCell
from pipeline.normalize.money import (
    SCORE_UNIT,
    half_width,
    money_unit_alternation,
    money_unit_names,
)
from pipeline.normalize.numbers import Number, parse_number

_RUN = re.compile(r"^[\d.%]+$")
_MONEY_UNITS = money_unit_names(headers_only=True)  # longest first
_MAX_READINGS = 5000
_UNIT_WORDS = re.compile(money_unit_alternation())


@dataclass(frozen=True)
class Tok:
    num: Number
    cell: SCell
    run: int = -1  # index of the run-together cell it was split from, else -1

    @property
    def pct(self) -> bool:
        return self.num.unit == "%"

    @property
    def money(self) -> bool:
        return self.num.unit in _MONEY_UNITS


def _fits(tok: Tok, field: str, strict: bool) -> bool:
    kind = fields()[field].kind
    if kind == "rate":
        return tok.pct or (not strict and tok.num.unit is None)
    if tok.pct:
        return False
    if kind == "money":
        return tok.num.unit is None or tok.money
    if kind == "points":
        return tok.num.unit in (None, SCORE_UNIT)
    if kind == "seq":
        return tok.num.unit is None and tok.num.decimals == 0 and 0 < tok.num.value < 100
    return False


def _half(n: Number) -> Decimal:
    return half_width(n.decimals)


def _holds(t: Template, a: dict[str, Tok], run: bool, flds: list[str] | tuple[str, ...] = ()) -> bool:
    """The template's identities, on the printed intervals (never a fixed tolerance)."""
    v = {k: x.num.value for k, x in a.items()}
    if "rate" in a and a["rate"].num.value > 0 and "executed" in flds and "executed" not in a:
        return False  # a positive 执行率 is 执行数 over a budget: its 执行数 is printed too
    if "rate" in a and a["rate"].num.value > 0 and t.rate_base and t.rate_base[0] in flds and t.rate_base[0] not in a:
        # …and over the budget the template names (全年预算数) when the form has that column: a
        # row printing one budget beside a rate prints that one (年初预算数 is the one left blank)
        return False
    if any(k in t.total_only or fields()[k].kind == "points" for k in a):
        w, s = a.get("weight"), a.get("score")
        if w is not None and (w.num.value > 100 or (s is not None and s.num.value > w.num.value + _half(w.num))):
            return False
        if s is not None and s.num.value > 100:
            return False  # scores are out of 100 at most
    for f in t.required:
        if f not in a and any(fields()[k].kind == "money" for k in a):
            return False
    for k, x in a.items():
        if fields()[k].kind == "rate" and x.num.value > 1000:
            return False
    for c, plus, minus in t.differences:
        if c in a and plus in a:
            m = v.get(minus, Decimal(0))
            tol = _half(a[c].num) + _half(a[plus].num) + (_half(a[minus].num) if minus in a else 0)
            if abs(v[c] - (v[plus] - m)) > tol:
                return False
    base = next((f for f in t.rate_base if f in a), None)
    if "rate" in a and "executed" in a and base is not None and v[base] > 0:
        e, b = a["executed"].num, a[base].num
        lo = (e.value - _half(e)) / (b.value + _half(b)) * 100
        hi = (e.value + _half(e)) / max(b.value - _half(b), Decimal("1e-9")) * 100
        r, rh = v["rate"], _half(a["rate"].num)
        if hi < r - rh or lo > r + rh:
            return False
    if run:
        money = [x.num.value for k, x in a.items() if fields()[k].kind == "money" and x.run >= 0]
        if money and (min(money) == 0 < max(money) or (min(money) > 0 and max(money) / min(money) > t.run_max_ratio)):
            return False
    return True


def split_run(text: str, k: int, max_decimals: int) -> list[list[str]]:
    """Every way to read `text` as k printed figures ('10050%5' → ['100', '50%', '5'] …)."""
    num = re.compile(rf"(?:0|[1-9]\d*)(?:\.\d{{1,{max_decimals}}})?%?")
    out: list[list[str]] = []

    def go(pos: int, acc: list[str]) -> None:
        if len(out) > _MAX_READINGS:
            return
        if len(acc) == k:
            if pos == len(text):
                out.append(list(acc))
            return
        for end in range(pos + 1, len(text) + 1):
            piece = text[pos:end]
            if num.fullmatch(piece) and not (end < len(text) and text[end] in ".%"):
                go(end, [*acc, piece])
    go(0, [])
    return out


@dataclass
class Reading:
    values: dict[str, Tok]
    leftover: list[Tok]
    reason: str | None  # why values were left unassigned


def _placements(t: Template, flds: list[str], toks: list[Tok], strict: bool, run: bool) -> list[dict[str, Tok]]:
    out = []
    for chosen in itertools.combinations(range(len(flds)), len(toks)):
        a = {flds[i]: tok for i, tok in zip(chosen, toks, strict=True)}
        if all(_fits(tok, f, strict) for f, tok in a.items()) and _holds(t, a, run, flds):
            out.append(a)
            if len(out) > _MAX_READINGS:
                break
    return out


_DIGITS = re.compile(r"\d{3,}")


def read_values(t: Template, header: list[str], cells: list[SCell], total_row: bool,
                by_position: bool = True, split_digits: bool = False) -> Reading:
    """Map the cells after a row label to the header's fields. `by_position=False`: the
    rendering drops empty cells (another row of the block printed fewer cells than fields),
    so a row's cell count fitting the header proves nothing about where its cells belong.
    On a row of points only (总分), a cell of bare digits no reading can place ('100100': a
    weight or a score above 100) is tried as figures run together (100 | 100); amounts have
    no such bound, so their cells are never split this way."""
    full = [f for f in header if fields()[f].kind != "text"]
    short = [f for f in full if f not in t.total_only]
    nums: list[Tok | None] = []
    runs: list[SCell] = []
    for c in cells:
        n = parse_number(c.text) if c.text else None
        if n is not None and n.unit == "%" and n.value > 1000:
            n = None  # '10001000100%': figures run together, not a rate
        if n is not None and split_digits and _DIGITS.fullmatch(c.text):
            n = None
        if n is not None:
            nums.append(Tok(n, c))
        elif c.text and _RUN.match(_UNIT_WORDS.sub("", c.text)):
            runs.append(c)
            nums.append(None)
        else:
            nums.append(None)
    if not runs and by_position:
        # By position, when the rendering kept every cell (empty ones too).
        for flds in (full, short):
            trailing = nums[len(flds):]
            if len(nums) >= len(flds) and not any(trailing):
                a = {f: x for f, x in zip(flds, nums, strict=False) if x is not None}
                if all(_fits(x, f, strict=False) for f, x in a.items()):
                    return Reading(a, [], None)
    toks_options = _expand(t, [(x, c) for x, c in zip(nums, cells, strict=True)], len(full))
    readings: list[dict[str, Tok]] = []
    best = 0
    for toks, run in toks_options:
        # Sub-rows print no total-only field (分值, 得分): only their own fields are tried.
        for flds in ((full,) if total_row else (short,)):
            if len(toks) > len(flds):
                continue
            got = _placements(t, flds, toks, strict=True, run=run)
            if got and run:
                # Cells run together: the reading that gives the most fields a value.
                if len(toks) < best:
                    continue
                if len(toks) > best:
                    readings, best = [], len(toks)
            readings.extend(got)
    if (not readings and not runs and not split_digits and all(fields()[f].kind == "points" for f in full)
            and any(_DIGITS.fullmatch(c.text) for c in cells)):
        return read_values(t, header, cells, total_row, by_position, split_digits=True)
    return _consensus(readings, [x for x, _ in [(n, 0) for n in nums] if x is not None])


def _expand(t: Template, pairs: list[tuple[Tok | None, SCell]], width: int) -> list[tuple[list[Tok], bool]]:
    """The printed values as token lists; a run-together cell as each way of splitting it."""
    options: list[list[Tok]] = [[]]
    run = False
    for i, (tok, c) in enumerate(pairs):
        if tok is not None:
            options = [[*o, tok] for o in options]
            continue
        if not c.text or not _RUN.match(_UNIT_WORDS.sub("", c.text)):
            continue
        run = True
        unit = next((u for u in _MONEY_UNITS if c.text.endswith(u)), "")
        body = c.text[: len(c.text) - len(unit)]
        new: list[list[Tok]] = []
        for o in options:
            for k in range(1, width - len(o) + 1):
                for parts in split_run(body, k, t.run_max_decimals):
                    nums = [parse_number(p) for p in parts]
                    if all(n is not None for n in nums):
                        new.append([*o, *(Tok(n, c, i) for n in nums if n is not None)])
        options = new[:_MAX_READINGS]
    return [(o, run) for o in options]


def _consensus(readings: list[dict[str, Tok]], printed: list[Tok]) -> Reading:
    if not readings:
        return Reading({}, printed, "no reading of the values fits the header's fields")
    agreed: dict[str, Tok] = {}
    # the fields in the order the readings give them (a set's order would vary with the hash
    # seed, and the facts' order with it: a re-run must store the same rows in the same order)
    keys = list(dict.fromkeys(f for r in readings for f in r))
    for f in keys:
        vals = {(r[f].num.text, id(r[f].cell)) if f in r else None for r in readings}
        if len(vals) == 1 and None not in vals:
            agreed[f] = readings[0][f]
    used = {id(x) for x in agreed.values()}
    left = [x for x in printed if id(x) not in used]
    reason = None
    if len(readings) > 1 and (left or len(agreed) < len(keys)):
        reason = f"{len(readings)} readings of the values fit the header; only the fields all agree on are taken"
    return Reading(agreed, left, reason)
