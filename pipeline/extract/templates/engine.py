"""One engine for the self-evaluation templates of vocab/templates/, on a cell stream.

The stream (stream.py) is the cells of any rendering in reading order. The engine finds a
funding header (a run of the template's field words: 年初预算数 全年预算数 全年执行数 分值 执行率
得分 …), then reads the rows after it, each anchored on its printed label (年度资金总额, 其中：当年
财政拨款 …, through vocab/line_item_synonyms.csv). The values after a label are read in the
header's order (align.py); what cannot be placed is reported with the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from pipeline.extract.templates.align import Reading, Tok, _fits, _holds, read_values
from pipeline.extract.templates.defs import (
    ScoreRow,
    Template,
    field_of,
    fields,
    header_key,
    templates,
)
from pipeline.extract.templates.stream import SCell
from pipeline.extract.vocabulary import clean_label, line_item_code, line_items, table_pattern
from pipeline.normalize.money import (
    BASE_MONEY_UNIT,
    detect_money_unit,
    half_width,
    money_unit_alternation,
)
from pipeline.normalize.numbers import Number, is_blank, parse_number

_ANNOT = re.compile(r"^[(（].*|^[A-Z](/[A-Z])?[)）]?$")
_JOIN = 3  # a label or header word printed over at most this many cells


@dataclass
class Row:
    label: str
    item: str
    reading: Reading
    cells: list[SCell]
    labels: dict[str, str] = field(default_factory=dict)  # a field's own printed label (paired rows)


@dataclass
class Block:
    """One funding block as read: the template, the header's fields, the rows."""

    template: Template
    header: list[str]
    unit: str | None
    rows: list[Row] = field(default_factory=list)
    breakdown: list[tuple[str, Tok, str]] = field(default_factory=list)  # (item, value, label)
    keys: dict[str, SCell] = field(default_factory=dict)
    unplaced: list[tuple[str, list[SCell], str]] = field(default_factory=list)  # label, cells, reason
    drops_cells: bool = False  # a row printed fewer cells than its fields: empty cells are not kept
    # Fund-source labels printed before the header with no figure after them (a preview that
    # wrote the label column ahead of the header): (item, label), in printed order.
    early: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Score:
    template: Template
    component: str
    reading: Reading
    label: str


def _joined(cells: list[SCell], i: int, k: int) -> str:
    return "".join(c.text for c in cells[i : i + k])


@cache
def _figure_with_unit() -> re.Pattern[str]:
    return re.compile(rf"[\d.%]+({money_unit_alternation()})?")


def _value_like(c: SCell) -> bool:
    t = c.text
    return t == "" or is_blank(t) or parse_number(t) is not None or bool(_figure_with_unit().fullmatch(t))


def _header_at(cells: list[SCell], i: int, allowed: tuple[str, ...]) -> tuple[list[str], int]:
    """The fields of a header starting at i, and where it ends."""
    out: list[str] = []
    j = i
    while j < len(cells):
        c = cells[j]
        # Inside a header: empty cells, annotations ((万元), (B/A)) and OCR specks ('1' for ')').
        if out and (c.empty or _ANNOT.match(c.text) or len(c.text) == 1):
            j += _annotation_cells(cells, j)
            continue
        hit = None
        for k in range(1, min(_JOIN, len(cells) - j) + 1):
            f = field_of(_joined(cells, j, k), allowed)
            if f is not None and f not in out:
                hit = (f, k)
                break
        if hit is None:
            break
        out.append(hit[0])
        j += hit[1]
    return out, j


def _annotation_cells(cells: list[SCell], j: int) -> int:
    """Cells an annotation at j takes: one, or up to its closing bracket when a rendering cut it
    at spaces ('(20 分*执行率)' → '(20' | '分*' | '执行率' | ')')."""
    t = cells[j].text
    if not t.startswith(("(", "（")) or ")" in t or "）" in t:
        return 1
    printed = 0
    for k in range(j + 1, len(cells)):
        if cells[k].empty and not cells[k].line_start:
            continue  # a header cell wrapped over the grid's lines ('执行率(全年' | … | '执行数/全年' | …)
        if cells[k].empty or _value_like(cells[k]) or printed > _JOIN:
            break
        printed += 1
        if cells[k].text.endswith((")", "）")):
            return k - j + 1
    return 1


def _is_header(flds: list[str]) -> bool:
    money = [f for f in flds if fields()[f].kind == "money"]
    return len(money) >= 2 and "executed" in flds or len(money) >= 1 and "executed" in flds and "rate" in flds


def _label_at(cells: list[SCell], i: int, t: Template) -> tuple[str, str, int] | None:
    """(item code, printed label, cells taken) for a fund-source label starting at i."""
    for k in range(1, min(_JOIN, len(cells) - i) + 1):
        if any(c.empty or _value_like(c) for c in cells[i : i + k]):
            continue
        text = _joined(cells, i, k)
        code = line_item_code(text)
        if code in t.lines:
            return code, text, k
    return None


def _ends(text: str, t: Template) -> bool:
    s = header_key(text)
    return any(s.startswith(e) for e in t.ends)


def _unit(cells: list[SCell], a: int, b: int) -> str | None:
    for c in cells[max(0, a) : b]:
        u = detect_money_unit(c.text) if BASE_MONEY_UNIT in c.text else None
        if u:
            return u
    return None


def _keys(cells: list[SCell], end: int, t: Template, start: int) -> dict[str, SCell]:
    out: dict[str, SCell] = {}
    for i in range(max(start, 0), min(end, len(cells) - 1)):
        s = header_key(cells[i].text)
        for name, pats in t.keys.items():
            if name not in out and any(p.match(s) for p in pats) and cells[i + 1].text:
                out[name] = cells[i + 1]
    return out


def choose(cells: list[SCell], i: int, report_kind: str) -> tuple[Template, list[str], int] | None:
    """The template whose field words cover the longest header at i (the report's own kind
    first on a tie)."""
    best: tuple[int, int, int, Template, list[str], int] | None = None
    for t in templates():
        flds, j = _header_at(cells, i, t.fields)
        if not _is_header(flds):
            continue
        rank = (len(flds), t.report_kind == report_kind, -t.priority)
        if best is None or rank > best[:3]:
            best = (*rank, t, flds, j)  # type: ignore[assignment]
    return (best[3], best[4], best[5]) if best else None


def read_blocks(cells: list[SCell], report_kind: str) -> tuple[list[Block], list[Score], set[int]]:
    """Every funding block and score row in the stream; the indices of the cells taken."""
    blocks: list[Block] = []
    taken: set[int] = set()
    i, prev_end = 0, 0
    while i < len(cells):
        got = choose(cells, i, report_kind) if not cells[i].empty else None
        if got is None:
            i += 1
            continue
        nxt = choose(cells, i + 1, report_kind) if i + 1 < len(cells) else None
        if nxt is not None and len(nxt[1]) > len(got[1]):
            # A title over the stage columns (年度预算数(万元) | 年初预算 | 调整后预算数 | …) is the
            # row-label column's header, not a field: the header starts after it.
            i += 1
            continue
        t, header, j = got
        header = header + _stray_fields(cells, i, j, t, header)
        blk = Block(t, header, _unit(cells, i - 4, j), keys=_keys(cells, i, t, prev_end),
                    early=_early_labels(cells, _back(cells, i, prev_end), i, t))
        taken.update(range(i, j))
        i = _read_rows(cells, j, blk, taken)
        _late_rows(cells, j, blk, taken)
        prev_end = i
        blocks.append(blk)
    if not blocks and (hb := _headless(cells, report_kind, taken)) is not None:
        blocks.append(hb)
    return blocks, _scores(cells, report_kind, blocks, taken), taken


def _rate_proves(vals: dict[str, Tok]) -> bool:
    """The printed rate is the executed amount over the full-year budget, to its printed decimals."""
    ex, ad, rate = vals.get("executed"), vals.get("adjusted"), vals.get("rate")
    if ex is None or ad is None or rate is None or rate.num.unit != "%" or not ad.num.value:
        return False
    half = Decimal(5) / Decimal(10) ** (rate.num.decimals + 1)
    return abs(ex.num.value / ad.num.value * 100 - rate.num.value) <= half + Decimal("0.01")


def _headless(cells: list[SCell], report_kind: str, taken: set[int]) -> Block | None:
    """A funding block whose header the excerpt cut off (it starts at or below 年度资金总额): the
    rows are read in the form's printed column order (template `headless`) only when the first
    fund-source row's printed rate proves it; every row must prove itself the same way, the
    others stay unplaced with the reason. Nothing is read where no rate is printed."""
    order = sorted((t for t in templates() if t.headless), key=lambda t: (t.report_kind != report_kind, t.priority))
    unproven: list[tuple[str, list[SCell], str]] = []
    for t in order:
        for i in range(len(cells)):
            if cells[i].empty or i in taken or (lab := _label_at(cells, i, t)) is None:
                continue
            if not any(p.match(header_key(lab[1])) for p in t.headless_labels):
                continue
            e = _values_after(cells, i + lab[2])
            blk = Block(t, list(t.headless), _unit(cells, i, i + lab[2]))
            vals = cells[i + lab[2] : e]
            r = read_values(t, blk.header, vals, total_row=lab[0] == "total")
            if not _rate_proves(r.values):
                if any(parse_number(v.text) for v in vals) and not unproven:
                    unproven.append((clean_label(lab[1]), vals, _NOT_PROVEN))
                continue
            got: set[int] = set()
            _read_rows(cells, i, blk, got)
            kept = []
            for row in blk.rows:
                v = row.reading.values
                if not v or (_rate_proves(v) and any(p.match(header_key(row.label)) for p in t.headless_labels)):
                    kept.append(row)
                else:
                    blk.unplaced.append((row.label, row.cells, _NOT_PROVEN))
            blk.rows = kept
            taken.update(got)
            return blk
    if unproven:
        # Figures of the form's rows without a header: left unrecognised, with the reason.
        return Block(order[0], [], None, unplaced=unproven)
    return None


_NOT_PROVEN = "a row of a form whose header is not printed: its printed rate does not prove its columns"


_STRAY = 40  # printed cells after a header searched for its stray field words


def _stray_fields(cells: list[SCell], i: int, j: int, t: Template, header: list[str]) -> list[str]:
    """Field words the rendering printed on a line of their own below the header's first rows
    (an .xls preview wrapping its last header cells under the label column: '年度资金总额 |
    620.82万元 | … | 100 | 100% | 10', then '得分' alone two lines below): the columns after the
    header's last, in the template's order, when nothing else is printed on their lines. Only
    fields the template prints after every field of the header, so no column moves; and only
    under a header printed as a row (a rendering of one cell per line prints every word alone)."""
    if all(c.line_start or c.empty for c in cells[i + 1 : j]):
        return []
    last = max((t.fields.index(f) for f in header if f in t.fields), default=len(t.fields))
    out: list[str] = []
    seen = 0
    k = j
    while k < len(cells) and seen < _STRAY:
        c = cells[k]
        k += 1
        if c.empty:
            continue
        seen += 1
        if _ends(c.text, t):
            break
        if not c.line_start:
            continue
        rest = next((x for x in cells[k:] if x.line_start or not x.empty), None)
        if rest is not None and not rest.line_start:
            continue  # something else printed on its line: a row, not a stray header word
        f = field_of(c.text, t.fields)
        if f is None or f in header or f in out or t.fields.index(f) <= last:
            continue
        if any(t.fields.index(g) < t.fields.index(f) and g not in header and g not in out
               for g in t.fields[last + 1:]):
            continue  # a field between the header's last and this one is missing: no order
        out.append(f)
        last = t.fields.index(f)
    return out


_ORDINAL = re.compile(r"^\d{1,2}[.、．]$")
_EARLY = 12  # cells before a header searched for its rows' labels


def _back(cells: list[SCell], i: int, floor: int) -> int:
    """Where the _EARLY printed (non-empty) cells before i begin, not before floor."""
    k, seen = i, 0
    while k > floor and seen < _EARLY:
        k -= 1
        seen += not cells[k].empty
    return k


def _early_labels(cells: list[SCell], a: int, b: int, t: Template) -> list[tuple[str, str]]:
    """Fund-source labels in cells[a:b] after the last figure there, each standing alone."""
    out: list[tuple[str, str]] = []
    k = a
    while k < b:
        c = cells[k]
        if not c.empty and _value_like(c):
            out = []  # figures: the labels before them are rows of their own
            k += 1
            continue
        lab = _label_at(cells[:b], k, t)
        if lab is None:
            k += 1
            continue
        out.append((lab[0], lab[1]))
        k += lab[2]
    return out


def _early_rows(cells: list[SCell], k: int, e: int, blk: Block) -> bool:
    """Figures right after the header with no label, where the labels were printed before the
    header: read when there are exactly as many figures as those labels times the header's
    fields (every cell kept), the first label the block's total, each row in printed order."""
    t = blk.template
    width = len([f for f in blk.header if fields()[f].kind != "text"])
    n = len(blk.early)
    while e > k and cells[e - 1].empty:
        e -= 1  # a grid row's trailing empty cells
    if blk.rows or blk.unplaced or not n or blk.early[0][0] != "total" or e - k != n * width \
            or len({code for code, _ in blk.early}) != n or any(cells[x].empty for x in range(k, e)):
        return False
    if k > 0 and cells[k - 1].text.isdigit():
        return False  # a digit the header took for an OCR speck may be the run's first figure
    for m, (code, label) in enumerate(blk.early):
        vals = cells[k + m * width : k + (m + 1) * width]
        r = read_values(t, blk.header, vals, total_row=code == "total")
        blk.rows.append(Row(clean_label(label), code, r, vals))
    blk.early = []
    return True


_LATE = 40  # cells after a header searched for row labels printed after their figures


def _orphan_labels(cells: list[SCell], a: int, t: Template) -> list[tuple[str, str, int]]:
    """Fund-source labels from a up to the block's end (a word ending it, the next header)
    printed with no figure after them: (item, label, position), in printed order."""
    out: list[tuple[str, str, int]] = []
    k, b = a, min(len(cells), a + _LATE)
    while k < b:
        c = cells[k]
        if not c.empty and (_ends(c.text, t) or choose(cells, k, t.report_kind) is not None):
            break
        lab = _label_at(cells, k, t)
        if lab is None:
            k += 1
            continue
        e = k + lab[2]
        while e < len(cells) and (cells[e].empty or _ANNOT.match(cells[e].text)):
            e += 1
        if e >= len(cells) or not _value_like(cells[e]):
            out.append((lab[0], lab[1], k))
        k += lab[2]
    return out


def _late_rows(cells: list[SCell], j: int, blk: Block, taken: set[int]) -> None:
    """Figures right after the header with no label, whose rows' labels the rendering printed
    later in the block with no figure after them (a PDF form flattened into one paragraph:
    `年初预算数 … 得分 250000.00 250000.00 215,457.6 10 8.62 250000.00 250000.00 215457.6 — 上年结转资金
    0 0 — 其他资金 0 0 — 年度资金总额 … 其中:当年财政拨款`). The run holds the first rows of the
    form, so the first such label must be the total; the run is cut into one row per label,
    each row printing at most one cell fewer than its fields. Read only when exactly one cut
    gives every row a reading the template's identities allow with no figure left over."""
    t = blk.template
    k = j
    while k < len(cells) and (cells[k].empty or _ANNOT.match(cells[k].text)):
        k += 1
    hit = next((u for u in blk.unplaced if u[0] == "unlabelled row" and u[1] and u[1][0] is cells[k]), None) \
        if k < len(cells) else None
    if hit is None or any(r.item == "total" for r in blk.rows):
        return
    vals = [c for c in hit[1] if not c.empty]
    e = k + len(hit[1])
    orphans = [o for o in _orphan_labels(cells, e, t) if o[0] not in {r.item for r in blk.rows}]
    if not orphans or orphans[0][0] != "total" or len({o[0] for o in orphans}) != len(orphans):
        return
    full = [f for f in blk.header if fields()[f].kind != "text"]
    widths = [len(full)] + [len([f for f in full if f not in t.total_only])] * (len(orphans) - 1)
    fits: list[list[tuple[Reading, list[SCell]]]] = []
    for cut in _cuts(len(vals), widths):
        pieces = [vals[a:b] for a, b in zip([0, *cut], [*cut, len(vals)], strict=True)]
        rs = [read_values(t, blk.header, p, total_row=n == 0, by_position=False) for n, p in enumerate(pieces)]
        if all(r.values and r.reason is None and not r.leftover for r in rs):
            fits.append(list(zip(rs, pieces, strict=True)))
    if len(fits) != 1:
        return
    blk.unplaced.remove(hit)
    blk.drops_cells = True
    blk.rows[:0] = [Row(clean_label(label), code, r, piece)
                    for (code, label, _pos), (r, piece) in zip(orphans, fits[0], strict=True)]
    if blk.unit is None:
        blk.unit = _unit(cells, e, orphans[-1][2] + 4)  # 年度资金总额 项目资金 (元): the unit printed with the labels
    taken.update(range(k, e))


def _cuts(n: int, widths: list[int]) -> list[list[int]]:
    """Every way to cut n figures into len(widths) consecutive rows, row m holding widths[m] or
    one fewer (one empty cell the rendering dropped): the cut positions."""
    out: list[list[int]] = []

    def go(m: int, pos: int, acc: list[int]) -> None:
        if m == len(widths):
            if pos == n:
                out.append(acc[:-1])
            return
        for w in (widths[m], widths[m] - 1):
            if w > 0 and pos + w <= n:
                go(m + 1, pos + w, [*acc, pos + w])
    go(0, 0, [])
    return out


def _values_after(cells: list[SCell], k: int) -> int:
    e = k
    while e < len(cells) and _value_like(cells[e]) and not cells[e].text.startswith(("(", "（")):
        if _ORDINAL.match(cells[e].text) and e + 1 < len(cells) and not _value_like(cells[e + 1]):
            break  # "1." before words: the numbering of a note printed after the row, not a value
        e += 1
    return e


def _read_rows(cells: list[SCell], k: int, blk: Block, taken: set[int]) -> int:
    t = blk.template
    in_breakdown = False
    unknown = 0
    while k < len(cells) and unknown < 4:
        c = cells[k]
        if c.empty or _ANNOT.match(c.text) or is_blank(c.text):
            k += 1
            continue
        if _ends(c.text, t) or choose(cells, k, t.report_kind) is not None:
            break
        if any(p.match(header_key(c.text)) for p in t.breakdown_headings):
            in_breakdown = True
            k = _values_after(cells, k + 1)  # a total printed with the heading is the row's own
            continue
        if (pr := _paired_row(cells, k, blk)) is not None:
            unknown = 0
            code, labels, r, vals, e = pr
            taken.update(range(k, e))
            blk.rows.append(Row(clean_label(next(iter(labels.values()))), code, r, vals,
                                {f: clean_label(x) for f, x in labels.items()}))
            k = e
            continue
        lab = _label_at(cells, k, t)
        if lab is None and _value_like(c):
            # Figures with no label before them (a rendering that printed the row's label
            # elsewhere): whose row they are is not printed here, unless the labels stand
            # before the header in the same number (see _early_rows).
            e = _values_after(cells, k)
            if _early_rows(cells, k, e, blk):
                taken.update(range(k, e))
                unknown = 0
                k = e
                continue
            blk.unplaced.append(("unlabelled row", cells[k:e], "figures printed without a row label"))
            unknown += 1
            k = max(e, k + 1)
            continue
        if lab is None:
            s = k + 1
            while s < len(cells) and _ANNOT.match(cells[s].text):
                s += 1
            e = _values_after(cells, s)
            if any(parse_number(x.text) or x.text[:1].isdigit() for x in cells[s:e]):
                blk.unplaced.append((c.text, cells[s:e], "row label not among the template's fund sources"))
            unknown += 1
            k = max(e, k + 1)
            continue
        unknown = 0
        code, label, n = lab
        while k + n < len(cells) and _ANNOT.match(cells[k + n].text):
            n += 1  # '年度资金总额 (万元):' — the annotation belongs to the label
        if blk.unit is None:
            blk.unit = _unit(cells, k, k + n)  # a unit printed in the label: 年度资金总额(元)
        e = _values_after(cells, k + n)
        vals = cells[k + n : e]
        taken.update(range(k, e))
        nonempty = [v for v in vals if v.text and not is_blank(v.text)]
        if in_breakdown and len(nonempty) == 1 and (num := parse_number(nonempty[0].text)) is not None:
            blk.breakdown.append((code, Tok(num, nonempty[0]), clean_label(label)))
        elif nonempty:
            r = read_values(t, blk.header, vals, total_row=code == "total", by_position=not blk.drops_cells)
            if not r.values and (tail := _tail_points(blk.header, nonempty)) is not None:
                r = _place_tail(blk, code, tail, r)
            blk.rows.append(Row(clean_label(label), code, r, vals))
            full = [f for f in blk.header if fields()[f].kind != "text"]
            short = [f for f in full if f not in t.total_only]
            if len(vals) < len(short) or (code == "total" and len(short) < len(vals) < len(full)):
                blk.drops_cells = True
        k = e
    return k


_TAIL = ("rate", "weight", "score")
_POINTS = re.compile(r"(?:0|[1-9]\d{0,2})(?:\.\d{1,2})?")


def _tail_points(header: list[str], printed: list[SCell]) -> dict[str, Tok] | None:
    """A row whose figures run together into one cell and whose leading amounts are cut (a
    preview that lost the digits before each point: '.32.06.579.27107.93' under 年初预算数 全年(调整)
    预算数 全年执行数 执行率 执行率权重 执行率得分): the header's last three fields, rate | weight | score,
    read from the run's end where score = rate × weight / 100 (within the printed rounding) fixes
    the split, and only where exactly one split of a tail does (79.27 | 10 | 7.93). The amounts
    before stay unplaced."""
    if len(header) < 3 or sorted(header[-3:]) != sorted(_TAIL) or not printed:
        return None
    cell = printed[-1]
    text = cell.text
    if not re.fullmatch(r"[\d.]+", text):
        return None
    fits: list[dict[str, Number]] = []
    n = len(text)
    for a in range(n - 2):
        for b in range(a + 1, n - 1):
            for c in range(b + 1, n):
                parts = (text[a:b], text[b:c], text[c:])
                if not all(_POINTS.fullmatch(x) for x in parts):
                    continue
                got = {f: parse_number(x) for f, x in zip(header[-3:], parts, strict=True)}
                if any(v is None for v in got.values()):
                    continue
                rate, w, sc = got["rate"], got["weight"], got["score"]
                if w.value > 100 or sc.value > w.value:  # type: ignore[union-attr]
                    continue
                tol = half_width(sc.decimals) + (w.value * half_width(rate.decimals)  # type: ignore[union-attr]
                                                 + rate.value * half_width(w.decimals)) / 100  # type: ignore[union-attr]
                if abs(rate.value * w.value / 100 - sc.value) <= tol:  # type: ignore[union-attr]
                    fits.append(got)  # type: ignore[arg-type]
    if len(fits) != 1:
        return None
    return {f: Tok(Number(v.value, v.text, v.decimals, "%" if f == "rate" else None), cell, 0)
            for f, v in fits[0].items()}


def _place_tail(blk: Block, code: str, tail: dict[str, Tok], r: Reading) -> Reading:
    """The tail's rate is its row's; its weight and score (the template's total-only fields,
    printed in cells merged down the block) are the total row's when the row is not."""
    only = [f for f in tail if f in blk.template.total_only]
    total = next((x for x in blk.rows if x.item == "total"), None)
    if code != "total" and only:
        if total is None or any(f in total.reading.values for f in only):
            return Reading({f: x for f, x in tail.items() if f not in only}, r.leftover, r.reason)
        total.reading.values.update({f: tail[f] for f in only})
        return Reading({f: x for f, x in tail.items() if f not in only}, r.leftover, r.reason)
    return Reading(tail, r.leftover, r.reason)


def _field_word_at(cells: list[SCell], i: int, f: str) -> int:
    """Cells taken by field f's own header word starting at i (预算数, 到位数, 执行数), else 0."""
    for k in range(1, min(_JOIN, len(cells) - i) + 1):
        if any(c.empty or _value_like(c) for c in cells[i : i + k]):
            break
        if field_of(_joined(cells, i, k), (f,)) == f:
            return k
    return 0


def _paired_row(cells: list[SCell], k: int, blk: Block) -> tuple[str, dict[str, str], Reading, list[SCell], int] | None:
    """A row printing each value after its own label, in the header's order: the field's word
    on the total row (预算数 6.84 到位数 6.84 执行数 6.84 100.00), one fund source repeated in
    every group below it (其中:财政资金 6.84 其中:财政资金 6.84 …). Values printed after the
    labelled ones go to the next fields in order (the unlabelled 预算执行进度). At least two
    labelled values naming one row: (item, each field's label, reading, value cells, end), else None."""
    t = blk.template
    flds = [f for f in blk.header if fields()[f].kind != "text"]
    j, codes = k, set()
    labels: dict[str, str] = {}
    placed: list[tuple[str, SCell]] = []
    labelled = 0
    for f in flds:
        if j >= len(cells):
            break
        n = _field_word_at(cells, j, f) if labelled == len(placed) else 0
        code, text = ("total", _joined(cells, j, n)) if n else (None, "")
        if not n and labelled == len(placed) and (lab := _label_at(cells, j, t)) is not None:
            code, n, text = lab[0], lab[2], lab[1]
        if n and codes and code not in codes:
            break  # the next row's label
        if n:
            codes.add(code)
        if not placed and not n:
            return None
        c = cells[j + n] if j + n < len(cells) else None
        if c is None or c.empty or not _value_like(c) or c.text.startswith(("(", "（")):
            if n:
                return None  # a label without its value
            break
        if n:
            labels[f] = text
        labelled += bool(n)
        placed.append((f, c))
        j += n + 1
    if labelled < 2 or len(codes) != 1:
        return None
    code = codes.pop()
    toks = {f: Tok(num, c) for f, c in placed if (num := parse_number(c.text)) is not None}
    if all(_fits(x, f, strict=False) for f, x in toks.items()) and _holds(t, toks, False, flds):
        reading = Reading(toks, [], None)
    else:
        reading = Reading({}, list(toks.values()), "values printed after their labels break the template's identities")
    return code, labels, reading, [c for _, c in placed], j


def _scores(cells: list[SCell], report_kind: str, blocks: list[Block], taken: set[int]) -> list[Score]:
    """Score rows (总分 100 96, 自评总分(分) 97.93) of the template the stream's blocks use,
    else of the report's kind."""
    ts = [b.template for b in blocks] or [t for t in templates() if t.report_kind == report_kind]
    out: list[Score] = []
    seen: set[str] = set()
    for t in ts[:1]:
        for sr in t.scores:
            for i, c in enumerate(cells):
                if i in taken or not c.text:
                    continue
                n = _score_label(cells, i, sr)
                if not n or (sr.under_scores and not _under_scores(cells, i, t)):
                    continue
                e = _values_after(cells, i + n)
                vals = cells[i + n : e]
                if not [v for v in vals if v.text] and sr.lone is not None and (k := _past_keys(cells, i + n)):
                    e = _values_after(cells, k)
                    vals = cells[k:e]
                    if sum(1 for v in vals if v.text) != 1:
                        continue  # only a lone figure is the displaced value
                if not [v for v in vals if v.text] or sr.component in seen:
                    continue
                r = read_values(t, _score_fields(t, sr, cells[:i], vals), vals, total_row=True)
                if sr.under_scores and not _holds(t, r.values, False):
                    continue  # 合计 | 1200 | 1100: amounts, not points
                if r.values:
                    seen.add(sr.component)
                    taken.update(range(i, e))
                    out.append(Score(t, sr.component, r, _joined(cells, i, n)))
    return out


_BACK = 400  # cells searched back from a 合计 row for the header it closes
_KEY_PAIRS = 3  # a form's key cells with their values printed between a label and its own value


def _past_keys(cells: list[SCell], k: int) -> int | None:
    """Where a label's value is printed when the rendering put the form's other keys with their
    values first (one cell per line: 自评得分 | 省级财政部门 | 四川省财政厅 | 省级主管部门 | 四川省市场监管局 |
    100, the label's cell spanning the rows those keys print on): after one to three pairs of a
    key cell (vocab/tables.toml self_eval.key_label) and its text value; else None."""
    key = table_pattern("self_eval.key_label")
    printed = [j for j in range(k, min(len(cells), k + 4 * _KEY_PAIRS)) if cells[j].text]
    pairs = 0
    at = 0
    while at + 1 < len(printed) and pairs < _KEY_PAIRS:
        name, value = cells[printed[at]], cells[printed[at + 1]]
        if _value_like(name) or _value_like(value) or not key.search(header_key(name.text)) \
                or key.search(header_key(value.text)):
            break
        pairs += 1
        at += 2
    if not pairs or at >= len(printed) or not _value_like(cells[printed[at]]):
        return None
    return printed[at]




def _under_scores(cells: list[SCell], i: int, t: Template) -> bool:
    """The nearest field word before cells[i] is a score column's (得分) printed right after a
    weight column's (分值), with no money or rate column among the header's cells before it: an
    indicator table's header (… 实际完成值 分值 得分), not a funding block's (全年执行数 分值 执行率 得分)."""
    for j in range(i - 1, max(-1, i - _BACK), -1):
        c = cells[j]
        if c.empty or _value_like(c) or len(c.text) > 12:
            continue
        f = field_of(c.text, t.fields)
        if f is None:
            continue
        if f != "score":
            return False
        head = [field_of(x.text, t.fields) for x in cells[max(0, j - 6) : j] if x.text and not _value_like(x)]
        return bool(head) and head[-1] == "weight" and not any(
            h is not None and fields()[h].kind in ("money", "rate") for h in head)
    return False


def _score_label(cells: list[SCell], i: int, sr: ScoreRow) -> int:
    """Cells a score row's label starting at i takes (a rendering may have cut it at a word the
    templates split on: 得分 | 合计), else 0."""
    for k in range(1, min(_JOIN, len(cells) - i) + 1):
        if any(x.empty or _value_like(x) for x in cells[i : i + k]):
            break
        if any(p.match(header_key(_joined(cells, i, k))) for p in sr.labels):
            return k
    return 0


def _score_fields(t: Template, sr: ScoreRow, before: list[SCell], vals: list[SCell]) -> list[str]:
    """A score row printing one figure (总分 | 71.7 | |||||, the label spanning the columns before
    it) under a table whose headers print 得分 and no 分值: the figure is the score (by position
    it would be taken for the weight). A label naming the field itself (得分合计 100: vocab's
    `lone`) says what its one figure is."""
    flds = sr.fields
    printed = [v for v in vals if v.text]
    if sr.lone is not None and len(printed) == 1 and (n := parse_number(printed[0].text)) is not None \
            and _holds(t, {sr.lone: Tok(n, printed[0])}, False):
        return [sr.lone]  # (10095 is no score: a weight and a score run together, read by the fields)
    if {"weight", "score"} <= set(flds) and sum(1 for v in vals if v.text) == 1:
        heads = {field_of(c.text, ("weight", "score")) for c in before if c.text and len(c.text) <= 20}
        if "score" in heads and "weight" not in heads:
            return ["score"]
    return list(flds)


def dimension(code: str) -> str | None:
    return next((r["dimension"] for r in line_items() if r["code"] == code), None)


def breakdown_stage(blk: Block, entries: list[tuple[str, Tok, str]]) -> str | None:
    """The stage whose 年度资金总额 the parts add up to: one stage, or several printing the
    same total (the same figures); None when no stage fits."""
    total = next((r for r in blk.rows if r.item == "total"), None)
    if total is None or not entries:
        return None
    s = sum((x.num.value for _, x, _ in entries), Decimal(0))
    half = sum(half_width(x.num.decimals) for _, x, _ in entries)
    fits: list[tuple[str, Decimal]] = []
    for st in blk.template.breakdown_stages:
        tok = total.reading.values.get(st)
        if tok is not None and abs(tok.num.value - s) <= half + half_width(tok.num.decimals):
            fits.append((st, tok.num.value))
    if not fits or len({v for _, v in fits}) != 1:
        return None
    return fits[0][0]
