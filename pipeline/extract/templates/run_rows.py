"""A listing's rows run together in one paragraph (document-site previews): a header of stage
words run together (序号各设区市名称全年预算数全年执行数预算执行率), then rows of a name and its figures
run into one another and into the rate that closes the row (4省射击运动管理 中心120111.4092.83%).

Where one figure ends and the next begins is not printed; the rate says it. A row is split into
budget | executed | rate only where executed / budget rounds to the printed rate, and only where
one split does — with several, the splits whose executed and rate print the decimals the table's
unambiguous rows print (a column prints its figures alike); with none or still several, its
figures stay in `unrecognised` with the reason. A table may run over paragraphs (a preview's page
marks 2、 3、 start new ones): rows continue until prose starts. Each row is a `listed` line named
by its row (the units or areas a transfer was spread over), its budget of the header's stage,
its execution and its rate. The header's words and a row's shape are vocab/layout.toml [run_rows].
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from pipeline.extract.cells import Val
from pipeline.extract.recognisers.context import Ctx, add_budget, add_execution
from pipeline.extract.templates.align import split_run
from pipeline.extract.templates.columns import LISTED
from pipeline.extract.vocabulary import stage_of, stage_words
from pipeline.lexicon import pattern, words
from pipeline.model import Block, Cell, Paragraph
from pipeline.normalize.money import DEFAULT_MONEY_UNIT, detect_money_unit
from pipeline.normalize.numbers import Number, parse_number

_MAX_WORD = 10  # a stage word is at most this long (全年预算数(调整后))
_NAME = "template:run_rows"


@dataclass
class _Row:
    para: Paragraph
    name: str
    run: str
    start: int  # where the run starts in the paragraph
    splits: list[tuple[Number, Number, Number]]


def _stage_words(text: str, pos: int) -> tuple[list[str], int]:
    """The stage words printed one after another from `pos`: their stages and where they end."""
    stages: list[str] = []
    while pos < len(text):
        for n in range(min(_MAX_WORD, len(text) - pos), 1, -1):
            st = stage_of(text[pos : pos + n])
            if st is not None and re.fullmatch(r"[\u4e00-\u9fff()（）%]+", text[pos : pos + n]):
                stages.append(st)
                pos += n
                break
        else:
            break
    return stages, pos


def _header(text: str) -> tuple[str, int] | None:
    """The budget stage of a header run together in `text` and where the header ends."""
    shape = list(words("layout", "run_rows.shape"))
    budgets = words("layout", "run_rows.budget_stages")
    # only a paragraph naming the closing column (执行率) and printing a percent can hold one: every
    # other paragraph of a long document is passed over without scanning its characters
    if "%" not in text or not stage_words(shape[-1]).search(text):
        return None
    for m in re.finditer(r"[\u4e00-\u9fff]", text):
        stages, end = _stage_words(text, m.start())
        if len(stages) == len(shape) and stages[0] in budgets and stages[1:] == shape[1:]:
            return stages[0], end
    return None


def _fits(b: Number, e: Number, r: Number) -> bool:
    """executed / budget rounds to the printed rate (each figure within its printed rounding)."""
    if b.value <= 0 or e.value < 0:
        return False
    half = lambda n: Decimal(5) / Decimal(10) ** (n.decimals + 1)  # noqa: E731
    lo = (e.value - half(e)) / (b.value + half(b)) * 100
    hi = (e.value + half(e)) / (b.value - half(b)) * 100 if b.value > half(b) else Decimal("Infinity")
    return lo <= r.value + half(r) and r.value - half(r) <= hi


def _splits(run: str) -> list[tuple[Number, Number, Number]]:
    out = []
    for parts in split_run(run[:-1].replace(",", ""), 3, 2):
        nums = [parse_number(p) for p in parts]
        if all(n is not None for n in nums):
            b, e, r = nums  # type: ignore[misc]
            if _fits(b, e, r):
                out.append((b, e, r))
    return out


def _rows(paras: list[Paragraph]) -> tuple[str, list[_Row], str] | None:
    """The header's stage, the rows after it (over paragraphs until prose starts) and the text
    before the header (for its money unit)."""
    row, prose = pattern("layout", "run_rows.row"), pattern("layout", "run_rows.prose")
    for k, p in enumerate(paras):
        head = _header(p.text)
        if head is None:
            continue
        stage, pos = head
        rows: list[_Row] = []
        for q in paras[k:]:
            text = q.text
            start = pos if q is p else 0
            stop = prose.search(text, start)
            end = stop.start() if stop else len(text)
            for m in row.finditer(text, start, end):
                rows.append(_Row(q, m.group("name").strip(), m.group("run"), m.start("run"), _splits(m.group("run"))))
            if stop:
                break
        return stage, rows, p.text[: pos]
    return None


def _decimals(rows: list[_Row]) -> tuple[set[int], set[int]]:
    """The decimals the executed and rate columns print in rows only one split fits."""
    sure = [r.splits[0] for r in rows if len(r.splits) == 1]
    return {e.decimals for _b, e, _r in sure}, {r.decimals for _b, _e, r in sure}


def _cell_refs(r: _Row, nums: tuple[Number, Number, Number]) -> list[str] | None:
    """Each figure's own characters in the paragraph (the run split where the rate proved it)."""
    if "," in r.run:
        return None  # thousands separators were dropped before splitting: spans would not map
    out, pos = [], r.start
    for n in nums:
        k = r.para.text.find(n.text, pos)
        if k != pos:
            return None
        out.append(str(r.para.ref(k, k + len(n.text))))
        pos = k + len(n.text)
    return out


def run_rows_facts(blocks: list[Block], ctx: Ctx) -> set[str]:
    """Reads a listing run together in the paragraphs of `blocks`; the refs of its figures."""
    paras = [b for b in blocks if isinstance(b, Paragraph)]
    got = _rows(paras)
    if got is None:
        return set()
    stage, rows, before = got
    if len(rows) < 2:
        return set()
    unit = detect_money_unit(before) or ctx.money_unit_hint or DEFAULT_MONEY_UNIT
    e_dec, r_dec = _decimals(rows)
    used: set[str] = set()
    for r in rows:
        splits = r.splits if len(r.splits) == 1 else [
            s for s in r.splits if s[1].decimals in e_dec and s[2].decimals in r_dec]
        ref = str(r.para.ref(r.start, r.start + len(r.run)))
        if len(splits) != 1:
            reason = "no split of the figures run together fits the rate" if not splits else \
                "several splits of the figures run together fit the rate"
            ctx.ex.unrecognised.append({"document_id": ctx.document_id, "report_id": ctx.report_id,
                                        "source_ref": ref, "what": "cell", "reason": f"{r.name}: {reason}",
                                        "text": r.run[:100]})
            continue
        b, e, rate = splits[0]
        refs = _cell_refs(r, (b, e, rate)) or [ref] * 3
        vals = [Val(n, Cell(text=n.text, row=r.para.index, col=k + 1), x)
                for k, (n, x) in enumerate(zip((b, e, rate), refs, strict=True))]
        add_budget(ctx, None, LISTED, stage, vals[0], unit, _NAME, r.name)
        add_execution(ctx, None, LISTED, vals[1], vals[2], unit, _NAME, r.name)
        # the rate is measured against its own row's budget, never another row's of the listing
        ctx.ex.fact_executions[-1]["rate_base_ref"] = refs[0]
        used.update(refs)
    return used
