"""A results table with weighted criteria, its cells run together in a paragraph (a preview of a
国际金融组织贷款 evaluation's results: 评价准则 权重(%) 评价分值(百分制) 加权平均得分 绩效等级, then
'相关性20%100.0020.00高度相关效率50%77.3938.70…项目绩效100%/82.68').

Each criterion prints its weight w (a percent), its own score s out of 100 and its weighted score
ws = w × s / 100; the row with weight 100 % prints the total. Where s ends and ws begins is not
printed: the identity says it, and a row is read only where exactly one split fits. The total is
stored only when every criterion row was read, their weights add up to 100 % and their weighted
scores add up to the total (each figure within its printed rounding): then it is the report's
score, and each criterion is its part (分值 = its weight in points of the 100, 得分 = its weighted
score); each criterion's own score out of 100 is stored beside it (origin 'criterion', no part of
any sum). A criterion's name is not stored when a grade column runs into it ('高度相关效率': where
the grade ends is not printed): it is named by its row number. Anything else stays in
`unrecognised` with the reason. The header and row shapes are vocab/layout.toml [weighted_scores].
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.extract.cells import Val
from pipeline.extract.recognisers.context import Ctx, _score
from pipeline.extract.templates.align import split_run
from pipeline.lexicon import pattern
from pipeline.model import Block, Cell, Paragraph
from pipeline.normalize.money import half_width
from pipeline.normalize.numbers import Number, parse_number

_HUNDRED = Decimal(100)
# fact_scores.origin of a criterion's own score out of 100: no part of the total (its weighted
# score, origin 'table', is), so score_sum and weights_sum leave it out
CRITERION = "criterion"


def _fits(w: Number, s: Number, ws: Number) -> bool:
    """ws = w × s / 100 within the printed rounding of all three."""
    tol = half_width(ws.decimals) + (w.value * half_width(s.decimals) + s.value * half_width(w.decimals)) / _HUNDRED
    return s.value <= _HUNDRED and abs(w.value * s.value / _HUNDRED - ws.value) <= tol


def _read_row(w: Number, run: str) -> tuple[Number | None, Number] | list[str] | None:
    """(score, weighted) of one row's figures after its weight; None when none or several
    readings fit (the reasons' words are the caller's)."""
    text = run.strip(" |")
    if text.startswith("/"):
        ws = parse_number(text.lstrip("/ |"))
        return (None, ws) if ws is not None else None
    parts = [p for p in re.split(r"[\s|]+", text) if p]
    if len(parts) == 2:
        splits = [parts]
    elif len(parts) == 1:
        splits = split_run(parts[0], 2, 2)
    else:
        return None
    fits = []
    for a, b in splits:
        s, ws = parse_number(a), parse_number(b)
        if s is not None and ws is not None and _fits(w, s, ws):
            fits.append((s, ws))
    return fits[0] if len(fits) == 1 else None


def weighted_facts(blocks: list[Block], ctx: Ctx) -> set[str]:
    """Reads a weighted results table run together in a paragraph of `blocks`; the refs used."""
    header, row, prose = (pattern("layout", f"weighted_scores.{k}") for k in ("header", "row", "prose"))
    used: set[str] = set()
    for p in (b for b in blocks if isinstance(b, Paragraph)):
        h = header.search(p.text)
        if h is None:
            continue
        stop = prose.search(p.text, h.end())
        end = stop.start() if stop else len(p.text)
        rows = [(m, parse_number(m.group("w"))) for m in row.finditer(p.text, h.end(), end)]
        read = [(m, w, _read_row(w, m.group("run"))) for m, w in rows if w is not None]
        total = [(m, w, r) for m, w, r in read if w.value == _HUNDRED]
        parts = [(m, w, r) for m, w, r in read if w.value != _HUNDRED]
        ok = len(total) == 1 and total[0][2] is not None and len(read) == len(rows) and len(parts) >= 2 \
            and all(r is not None and r[0] is not None for _, _, r in parts)
        if ok:
            t = total[0][2][1]  # type: ignore[index]
            wsum = sum((w.value for _, w, _ in parts), Decimal(0))
            ssum = sum((r[1].value for _, _, r in parts), Decimal(0))  # type: ignore[index]
            tol = half_width(t.decimals) + sum((half_width(r[1].decimals) for _, _, r in parts), Decimal(0))  # type: ignore[index]
            ok = wsum == _HUNDRED and abs(ssum - t.value) <= tol
        ref = lambda m, p=p: str(p.ref(m.start(), m.end()))  # noqa: E731
        if not ok:
            for m, _w, _r in read:
                ctx.ex.unrecognised.append({
                    "document_id": ctx.document_id, "report_id": ctx.report_id, "source_ref": ref(m),
                    "what": "cell", "text": m.group(0)[:100],
                    "reason": "weighted criteria: the weights, scores and weighted scores do not read as one table "
                              "(a split of figures run together that no identity fixes, or sums that do not match)"})
            continue
        tm, _tw, (_ts, tws) = total[0]  # type: ignore[misc]
        for k, (m, w, (_s, ws)) in enumerate(parts, start=1):  # type: ignore[misc]
            wv = Val(Number(w.value, w.text, w.decimals, None), Cell(text=w.text, row=p.index, col=1), ref(m))
            sv = Val(ws, Cell(text=ws.text, row=p.index, col=3), ref(m))
            _score(ctx, None, f"row{k}", wv, sv, ref(m))
            used.add(ref(m))
            if _s is not None:
                # the criterion's own score on its 100-point scale, beside its part of the total
                _score(ctx, None, f"row{k}", None, Val(_s, Cell(text=_s.text, row=p.index, col=2), ref(m)), ref(m),
                       origin=CRITERION)
        _score(ctx, None, "total", None, Val(tws, Cell(text=tws.text, row=p.index, col=3), ref(tm)), ref(tm))
        used.add(ref(tm))
    return used
