"""Document → reports, projects and facts. Plain Python: no DuckDB, no Dagster."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from functools import cache

from pipeline.extract import narrative as nar
from pipeline.extract import tables as tb
from pipeline.extract.cells import holds_amount, is_numeric, real_cells, sq
from pipeline.extract.duplicates import merge_text_scores_into_tables
from pipeline.extract.panels import split_panels
from pipeline.extract.prepare import prepare
from pipeline.extract.rate_fractions import read_fraction_rates
from pipeline.extract.recognisers.classification import class_names
from pipeline.extract.result import Extraction
from pipeline.extract.segment import (
    Segment,
    is_about_a_report,
    looks_like_evaluation,
    looks_like_report,
    segment,
    untitled_segment,
)
from pipeline.extract.set_aside import (
    EMPTY_TABLE,
    column_numbers,
    empty_note,
    empty_table,
    note_stated_empty,
    per_unit,
    row_ordinals,
)
from pipeline.extract.statement_facts import (
    add_cell_statements,
    add_statement_facts,
    said_statements,
    states_levels,
)
from pipeline.extract.statements import Flow, listed_project
from pipeline.extract.table_names import named_apart, table_names
from pipeline.extract.templates import read_templates
from pipeline.extract.vocabulary import stage_of, table_pattern
from pipeline.lexicon import pattern, word
from pipeline.model import Document, Paragraph, SourceRef, Table
from pipeline.normalize.grades import grade_rank, parse_bands
from pipeline.normalize.money import (
    DEFAULT_MONEY_UNIT,
    SCORE_UNIT,
    detect_money_unit,
    money_unit_alternation,
    printed_value,
    to_yuan,
    unit_alternation,
    unit_label_pattern,
)
from pipeline.normalize.names import project_key, region_of, unit_key
from pipeline.normalize.numbers import parse_number

__all__ = ["extract", "Extraction"]

_SEQ_OR_CODE = re.compile(r"^\d{1,3}$|^\d{9,}$")
_REMARKS = table_pattern("labels.remarks")
# A column headed 单位编码 / 项目编码 (vocab/tables.toml self_eval.row_code): its figures are codes.
_CODE_COLUMN = table_pattern("self_eval.row_code")
# Set aside knowingly (counted among the ignored cells), yet kept in `unrecognised` with its reason:
# a remark is no fact of the table, and the table does not say what such a figure counts.
_UNDER_REMARKS = ("set aside: a figure in a remarks column (tables.toml labels.remarks): "
                  "the table does not say what it counts")


def _same_paragraph(a: str | None, b: str | None) -> bool:
    """Both in one table, or in one paragraph as read (a sentence rejoined over printed lines
    is one paragraph: its refs name the first line `in=`)."""
    pa, pb = (re.search(r"(?:para|table)=\d+", x or "") for x in (a, b))
    ia, ib = (re.search(r"in=(\d+)", x or "") for x in (a, b))
    if ia or ib:
        return bool(pa and pb and (ia.group(1) if ia else pa.group(0)[5:]) == (ib.group(1) if ib else pb.group(0)[5:])
                    and pa.group(0).startswith("para") and pb.group(0).startswith("para"))
    return bool(pa and pb and pa.group(0) == pb.group(0))


def _report_id(document_id: str, seq: int) -> str:
    # Content-addressed, so re-runs and renamed files keep the same id.
    return f"{document_id[:16]}-r{seq}"


def extract(doc: Document, document_id: str) -> Extraction:
    ex = Extraction()
    doc = prepare(doc)
    # A checklist about a report quotes it; its figures are no unit's (the inspector's sheet).
    about_a_report = is_about_a_report(doc)
    segs = [] if about_a_report else segment(doc)
    # A page without a title is a report when its vocabulary says so, or when its sentences
    # state budget or spending figures with their stage (an excerpt starting mid-report).
    # Asked only of untitled pages: reading the opening's sentences costs a titled report for nothing.
    report_words = cache(lambda: looks_like_report(doc) or states_levels(doc))
    if not segs and not about_a_report \
            and (any(True for _ in doc.tables) or looks_like_evaluation(doc) or report_words()):
        # Tables but no title (a PDF of budget tables): still a report if a recogniser
        # understands a table; its kind, unit and year come from the tables' own text.
        measures = {s.measure for s in said_statements(doc)}
        segs = [untitled_segment(doc, executed_only=measures == {"executed"})]
    seen_tables: dict[tuple, tuple[Table, frozenset[str]]] = {}
    for seq, s in enumerate(segs, start=1):
        _extract_segment(doc, document_id, s, seq, ex, seen_tables)
    if segs and not any(
        (ex.fact_budgets, ex.fact_executions, ex.fact_indicators, ex.fact_scores, ex.fact_mentions)
    ):
        if not any(s.title for s in segs) and not report_words():
            ex.reports.clear()  # no title, no figure, no report vocabulary: not a report
        else:
            # A titled report whose figures are elsewhere (e.g. the tables in another PDF).
            for r in ex.reports:
                ex.unrecognised.append(
                    {"document_id": document_id, "report_id": r["report_id"], "source_ref": r["source_ref"],
                     "what": "report", "reason": "report recognised by its title or wording but no figure was extracted",
                     "text": r["title"]}
                )
    read_fraction_rates(ex)  # 执行率 printed 0.958 for 27.8/29
    return ex.validate()  # typed facts: unknown keys raise, implausible figures → unrecognised


def _extract_segment(
    doc: Document, document_id: str, s: Segment, seq: int, ex: Extraction, seen_tables: dict
) -> None:
    rid = _report_id(document_id, seq)
    report = {
        "report_id": rid,
        "document_id": document_id,
        "report_kind": s.kind,
        "unit_name": s.unit_name,
        "unit_key": unit_key(s.unit_name) if s.unit_name else None,
        "region": region_of(s.unit_name) if s.unit_name else None,
        "fiscal_year": s.fiscal_year,
        "title": s.title or None,
        "score_total": None,
        "grade_text": None,
        "grade_rank": None,
        "source_ref": f"para={s.title_para}" if s.title_para else None,
        "seq": seq,
        "grade_bands": None,
    }
    ex.reports.append(report)
    ctx = tb.Ctx(document_id=document_id, report_id=rid, ex=ex, report_kind=s.kind)
    # Side-by-side panels of one printed table are read as tables of their own.
    blocks = [x for b in doc.blocks[s.start : s.end] for x in (split_panels(b) if isinstance(b, Table) else [b])]
    ctx.class_names = class_names([b for b in blocks if isinstance(b, Table)])
    listed = {n for b in blocks if isinstance(b, Paragraph) and (n := listed_project(b.text))}
    ctx.multi_project = len(listed) >= 2
    seen_subjects: set[str] = set()
    stated: dict[tuple, str] = {}  # levels stated in the text, kept once per report
    flow = Flow()  # the stage the text is speaking of, carried across paragraphs
    heading: str | None = None
    bands = None
    prev_texts: list[str] = []
    recent: list[str] = []  # the last three paragraphs: a table's title and unit lines
    taken_tables: set[int] = set()
    # the table just read and how many paragraphs followed it: a note right under
    # it (注：本表本年无发生额) may state that it is empty
    under: tuple[Table, int] | None = None
    for b in blocks:
        if isinstance(b, Paragraph):
            if under is not None:
                if b.page == under[0].page and (note := empty_note(b.text)):
                    note_stated_empty(ex, document_id, rid, under[0], note)
                    under = None
                else:
                    under = (under[0], under[1] + 1) if under[1] < 1 else None
            prev_texts = [*prev_texts[-1:], b.text]
            recent = [*recent[-2:], b.text]
            text = b.text
            u = detect_money_unit(text) if len(text) < 30 and _UNIT_LABEL.search(text) else None
            if u is None and (mu := _AMOUNT_UNIT.search(text)):
                u = mu.group(1)  # "… 金额单位: 万元" at the end of a longer line
            if u:
                ctx.money_unit_hint = u
            if ctx.money_unit_hint and _inline_pairs(ctx, b):
                continue
            h = nar.heading_of(text)
            if h:
                heading = h
            if bands is None and _BAND_TRIGGER.search(text):
                parsed = parse_bands(text)
                if parsed:
                    bands = parsed
            flow.scored_part = flow.scored_part or nar.heading_score(text) is not None
            _narrative(ctx, b, heading, seen_subjects, report)
            add_statement_facts(ctx, report, b, stated, flow)
            # A project's conclusion ("N.项目。自评得分90分，自评结论一等") is not the report's grade.
            g = nar.find_grade(text) if nar.find_project_line(text) is None \
                and not (ctx.multi_project and listed_project(text)) else None
            if g and report["grade_text"] is None:
                report["grade_text"] = g[0]
                report["grade_rank"] = grade_rank(g[0])
            continue
        if not isinstance(b, Table):
            continue
        if len(prev_texts) == 2 and _UNIT_CAPTION.fullmatch(b.caption):
            b.caption = f"{prev_texts[0]} {b.caption}"  # the title sits above the unit line
        sig = tuple(
            tuple(t for c in real_cells(r) if (t := sq(c.text)) and not is_numeric(c.text)) for r in b.rows
        )
        names = table_names([*recent, b.caption])
        first, first_names = seen_tables.get(sig, (None, frozenset())) if sum(len(x) for x in sig) >= 6 else (None, None)
        if first is not None and not _mostly_same_numbers(first, b):
            first = None  # the same template filled with other figures (one table per year, per survey)
        if first is not None and named_apart(first_names, names):
            first = None  # the same rows and figures under another table's name: two tables
        ctx.twin = first is not None
        ctx.titles = [*recent, b.caption]
        ctx.used_cells.clear()
        ctx.ignored_cells.clear()
        ctx.left_cells.clear()
        ctx.aside_cells.clear()
        if first is not None:
            _twin_mentions(ctx, first, b)
        else:
            seen_tables[sig] = (b, names)
        if b.caption and bands is None:
            bands = parse_bands(b.caption) or None
        kind = None
        if tb.read_summary(b, ctx, _stated_budget(ex, rid)):
            kind = "summary"
        elif tb.read_two_sided(b, ctx):
            kind = "two_sided"
        elif tb.read_self_eval(b, ctx):
            kind = "self_eval"
        elif tb.read_scoring(b, ctx):
            kind = "scoring"
        elif tb.read_column_items(b, ctx):
            kind = "column_items"
        elif tb.read_classification(b, ctx):
            kind = "classification"
        elif tb.read_fund_matrix(b, ctx):
            kind = "fund_matrix"
        elif tb.read_line_items(b, ctx):
            kind = "line_items"
        else:
            tb.read_generic_totals(b, ctx)
            if empty_table(b):
                _note_empty(ctx, b)
        _count_coverage(ctx, b, kind)
        under = (b, 0)
        if kind:
            taken_tables.add(b.index)
        # Footnotes of summary tables often state the grade bands.
    read_templates(blocks, ctx, taken_tables)  # self-evaluation templates in any rendering
    add_cell_statements(ctx, report, blocks, stated)  # sentences written inside table cells
    _finish_report(ex, report, bands)
    merge_text_scores_into_tables(ex, rid, document_id)


def _numbers(t: Table) -> list[str]:
    return [sq(c.text) for r in t.rows for c in real_cells(r) if is_numeric(c.text)]


def _mostly_same_numbers(a: Table, b: Table) -> bool:
    """A table printed twice carries (nearly) the same figures; a misprint changes a few."""
    na, nb = _numbers(a), _numbers(b)
    if not na or len(na) != len(nb):
        return not na and not nb
    return sum(x == y for x, y in zip(na, nb, strict=True)) * 2 >= len(na)


def _count_coverage(ctx: tb.Ctx, table: Table, kind: str | None) -> None:
    """Every numeric cell ends up in a fact, is knowingly ignored (序号, codes), or is logged
    in `unrecognised` with the reason — the coverage figure of the issue tracker."""
    ex = ctx.ex
    numbering = column_numbers(table) | row_ordinals(table)
    # columns headed 备注 in the table's first lines: a figure there is set aside with that reason
    remarks = {k for row in table.rows[:6] for c in real_cells(row) if _REMARKS.match(sq(c.text))
               for k in range(c.col, c.col + c.colspan)}
    # columns headed 单位编码 in the table's first lines: a whole number there is a code, never an amount
    codes = {c.col for row in table.rows[:6] for c in real_cells(row)
             if c.colspan == 1 and _CODE_COLUMN.match(sq(c.text))}
    for row in table.rows:
        for c in row:
            if c.merged_copy or not holds_amount(c.text):
                continue
            ex.numeric_cells += 1
            key = (c.row, c.col, id(c))
            if key in ctx.used_cells:
                ex.numeric_cells_used += 1
            elif key in ctx.ignored_cells or (_SEQ_OR_CODE.match(sq(c.text)) and c.col <= 2) or per_unit(c.text) \
                    or id(c) in numbering or (c.col in codes and sq(c.text).isdigit()):
                ex.numeric_cells_ignored += 1
            elif (c.col in remarks and key not in ctx.left_cells) or key in ctx.aside_cells:
                # a remark, or a figure its reader set aside: counted so, kept with the reason (never a fact)
                ex.numeric_cells_ignored += 1
                ex.unrecognised.append({"document_id": ctx.document_id, "report_id": ctx.report_id,
                                        "source_ref": str(table.ref(c)), "what": "cell" if kind else "table",
                                        "reason": ctx.aside_cells.get(key, _UNDER_REMARKS),
                                        "text": c.text[:100]})
            else:
                ex.unrecognised.append(
                    {
                        "document_id": ctx.document_id,
                        "report_id": ctx.report_id,
                        "source_ref": str(table.ref(c)),
                        "what": "cell" if kind else "table",
                        "reason": ctx.left_cells.get(key) or (
                            f"numeric cell not mapped by the {kind} recogniser" if kind
                            else "no recogniser matched this table"),
                        "text": c.text[:100],
                    }
                )


def _note_empty(ctx: tb.Ctx, table: Table) -> None:
    """An empty table: its zeros are set aside, and the table is noted as empty."""
    for row in table.rows:
        for c in real_cells(row):
            if holds_amount(c.text) and (c.row, c.col, id(c)) not in ctx.used_cells:
                ctx.ignore(c)
    ctx.ex.unrecognised.append({
        "document_id": ctx.document_id, "report_id": ctx.report_id,
        "source_ref": str(SourceRef(page=table.page, table=table.index)), "what": "table",
        "reason": EMPTY_TABLE, "text": " ".join(ctx.titles[-3:-1])[:100],  # its title lines
    })


def _stated_budget(ex: Extraction, rid: str) -> Decimal | None:
    for f in ex.fact_budgets:
        if f["report_id"] == rid and f["project_id"] is None and f["line_item"] == "total" and f["stage"] == "adjusted":
            return f["amount_yuan"]
    return None


def _narrative(ctx: tb.Ctx, p: Paragraph, heading: str | None, seen: set[str], report: dict) -> None:
    text = p.text
    if (hm := nar.heading_score(text)) is not None:
        # '一、资金保障方面，指标评价得分12': the heading's part scores what its lines state
        n = hm.group("n")
        a = p.text.find(n, p.text.find(hm.group("name")) + len(hm.group("name")))
        ctx.ex.fact_scores.append(
            {
                "report_id": ctx.report_id, "project_id": None, "component": hm.group("name"),
                "weight": None, "score": Decimal(n), "grade_text": None, "grade_rank": None,
                "source_ref": str(p.ref(a, a + len(n))), "parent": None, "score_text": n,
                "score_decimals": len(n.split(".")[1]) if "." in n else 0,
                "weight_decimals": None, "origin": "narrative", "is_twin": False,
            }
        )
        return
    comps = nar.find_components(text)
    for name, w, _wt, wd, s, st, sd, a, z in comps:
        ctx.ex.fact_scores.append(
            {
                "report_id": ctx.report_id, "project_id": None, "component": name or heading or f"para{p.index}",
                "weight": w, "score": s, "grade_text": None, "grade_rank": None,
                "source_ref": str(p.ref(a, z)), "parent": None, "score_text": st,
                "score_decimals": sd, "weight_decimals": wd, "origin": "narrative", "is_twin": False,
            }
        )
    if comps and not any(c[0] for c in comps):
        return
    if not comps and heading and report["score_total"] is not None:
        # Under a numbered sub-heading, "自评得分8分" scores that heading (bonus items
        # such as 工作表现加减分指标 print no weight).
        m = nar.SCORE_ONLY.search(text)
        if m:
            ctx.ex.fact_scores.append(
                {
                    "report_id": ctx.report_id, "project_id": None,
                    "component": "bonus" if nar.BONUS.search(heading) else heading,
                    "weight": None, "score": Decimal(m.group("n")), "grade_text": None, "grade_rank": None,
                    "source_ref": str(p.ref(m.start("n"), m.end("n"))), "parent": heading, "score_text": m.group("n"),
                    "score_decimals": len(m.group("n").split(".")[1]) if "." in m.group("n") else 0,
                    "weight_decimals": None, "origin": "narrative", "is_twin": False,
                }
            )
            return
    pl = nar.find_project_line(text)
    if pl:
        name, sv, stext, sdec, grade, a, z = pl
        ctx.ex.fact_mentions.append(
            {
                "document_id": ctx.document_id, "report_id": ctx.report_id, "project_id": None,
                "kind": "score", "subject": f"project_score:{project_key(name)}", "value": sv,
                "reported_text": stext, "reported_unit": SCORE_UNIT, "decimals": sdec,
                "source_ref": str(p.ref(a, z)), "origin": "narrative",
            }
        )
        return
    _score_parts(ctx, p, seen)
    listed = ctx.multi_project and listed_project(text) is not None  # one of several projects': not the report's
    for m in nar.find_mentions(text):
        ref = str(p.ref(m.start, m.end))
        single = report["report_kind"] in ("project", "special_fund") and not ctx.multi_project
        if m.qualifier and not (single and nar.CLASS_WORDS.match(m.qualifier)):
            m.subject = f"part:{m.subject}"  # about one fund source or class: kept, never a total
        if m.subject == "score:project" and single:
            m.subject = "score:total"
        if m.kind == "score" and m.value > 150:
            continue  # not a score on any scale these reports use
        # Broad wordings and project scores in a department report are about a project.
        own = not (m.broad and not single) and m.subject != "score:project" and not m.subject.startswith("part:") \
            and not listed
        ctx.ex.fact_mentions.append(
            {
                "document_id": ctx.document_id, "report_id": ctx.report_id, "project_id": None,
                "kind": m.kind, "subject": m.subject, "value": m.value, "reported_text": m.printed,
                "reported_unit": m.unit, "decimals": m.decimals, "source_ref": ref, "origin": "narrative",
                "scope": "other" if m.subject in seen or not own else "report",
            }
        )
        if m.subject in seen or not own:
            continue
        seen.add(m.subject)
        if m.subject.startswith("budget:"):
            _, stage, item = m.subject.split(":")
            ctx.ex.fact_budgets.append(
                {
                    "report_id": ctx.report_id, "project_id": None, "line_item": item, "stage": stage,
                    "amount_yuan": to_yuan(Decimal(m.text.replace(",", "").replace("，", "").replace(" ", "")), m.unit),
                    "reported_text": m.printed, "reported_unit": m.unit, "decimals": m.decimals,
                    "source_ref": ref, "origin": "narrative", "table_kind": None, "is_twin": False,
                }
            )
        elif m.subject == "executed:total" and (row := _narrative_execution(ctx)) is not None \
                and row["executed_yuan"] is None:
            # The rate came first ("执行率97%，已支付…"): one fact for both.
            row.update(executed_yuan=to_yuan(Decimal(m.text.replace(",", "").replace("，", "").replace(" ", "")), m.unit),
                       reported_text=m.printed, reported_unit=m.unit, decimals=m.decimals, source_ref=ref)
        elif m.subject == "executed:total":
            ctx.ex.fact_executions.append(
                {
                    "report_id": ctx.report_id, "project_id": None, "line_item": "total",
                    "executed_yuan": to_yuan(Decimal(m.text.replace(",", "").replace("，", "").replace(" ", "")), m.unit),
                    "reported_rate_pct": None, "reported_text": m.printed, "reported_unit": m.unit,
                    "decimals": m.decimals, "source_ref": ref, "rate_text": None, "rate_decimals": None,
                    "rate_source_ref": None, "origin": "narrative", "table_kind": None, "is_twin": False,
                }
            )
        elif m.subject == "rate:total":
            row = _narrative_execution(ctx)
            vals = {"reported_rate_pct": Decimal(m.text), "rate_text": m.printed,
                    "rate_decimals": m.decimals, "rate_source_ref": ref}
            # A rate pairs with the execution stated in its own paragraph; one paragraphs away
            # is another year's or another fund's ("2023年完成支付784.685万元" / "…执行率34.3%").
            if row is not None and not _same_paragraph(row["source_ref"], ref):
                row = None
            if row is not None:
                row.update(vals)
            else:
                ctx.ex.fact_executions.append(
                    {"report_id": ctx.report_id, "project_id": None, "line_item": "total",
                     "executed_yuan": None, "reported_text": None, "reported_unit": None, "decimals": None,
                     "source_ref": ref, "origin": "narrative", "table_kind": None, "is_twin": False} | vals
                )
        elif m.subject == "score:total" and report["score_total"] is None and report["report_kind"] not in ("final_accounts", "budget"):
            report["score_total"] = Decimal(m.text)
            ctx.ex.fact_scores.append(
                {
                    "report_id": ctx.report_id, "project_id": None, "component": "total",
                    "weight": None, "score": Decimal(m.text), "grade_text": None, "grade_rank": None,
                    "source_ref": ref, "parent": None, "score_text": m.printed, "score_decimals": m.decimals,
                    "weight_decimals": None, "origin": "narrative", "is_twin": False,
                }
            )


_AMOUNT_UNIT = re.compile(
    re.escape(word("unit_labels", "amount")) + rf"\s*[:：]\s*({money_unit_alternation()})"
)
_UNIT_LABEL = re.compile(unit_label_pattern())
_UNIT_CAPTION = re.compile(rf"\s*(?:{unit_label_pattern()})[:：]\s*\S{{1,6}}\s*")
_BAND_TRIGGER = pattern("grades", "words.band_trigger", point=f"(?:{unit_alternation('score')})")
_PAIR = re.compile(r"(?P<label>[\u4e00-\u9fa5]{2,8})\s*[:：]?\s*(?P<n>-?\d[\d,]*(?:\.\d+)?)(?![\d.%])")


def _inline_pairs(ctx: tb.Ctx, p: Paragraph) -> bool:
    """'预算数 6.84 到位数 6.84 执行数 6.84 100.00': a table row printed as label–amount pairs
    on one line (the money unit stated above). Only when two or more labels name stages."""
    text = p.text.strip()
    if len(text) > 120:
        return False
    pairs = [(m, stage_of(m.group("label"))) for m in _PAIR.finditer(text)]
    staged = [(m, st) for m, st in pairs if st in ("initial", "adjusted", "executed")]
    rest = _PAIR.sub("", text)
    if len({st for _, st in staged}) < 2 or re.search(r"[\u4e00-\u9fa5]{2,}", rest):
        return False
    unit = ctx.money_unit_hint or DEFAULT_MONEY_UNIT
    for m, st in staged:
        n = parse_number(m.group("n"))
        if n is None:
            continue
        ref = str(p.ref(m.start("n"), m.end("n")))
        yuan = to_yuan(n.value, unit)
        if st == "executed":
            ctx.ex.fact_executions.append(
                {"report_id": ctx.report_id, "project_id": None, "line_item": "total", "executed_yuan": yuan,
                 "reported_rate_pct": None, "reported_text": n.text, "reported_unit": unit, "decimals": n.decimals,
                 "source_ref": ref, "rate_text": None, "rate_decimals": None, "rate_source_ref": None,
                 "origin": "narrative", "table_kind": None, "is_twin": False, "label_text": m.group("label")})
        else:
            ctx.ex.fact_budgets.append(
                {"report_id": ctx.report_id, "project_id": None, "line_item": "total", "stage": st,
                 "amount_yuan": yuan, "reported_text": n.text, "reported_unit": unit, "decimals": n.decimals,
                 "source_ref": ref, "origin": "narrative", "table_kind": None, "is_twin": False,
                 "label_text": m.group("label")})
    return True


def _narrative_execution(ctx: tb.Ctx) -> dict | None:
    return next(
        (f for f in ctx.ex.fact_executions if f["report_id"] == ctx.report_id
         and f["origin"] == "narrative" and f["project_id"] is None and f["line_item"] == "total"),
        None,
    )


def _score_parts(ctx: tb.Ctx, p: Paragraph, seen: set[str]) -> None:
    """'…得分95.47分，其中：预算执行情况得分5.47分，指标完成情况90分': the stated parts of the
    total, once per report (score_sum compares them with the total)."""
    for name, st, sd, a, z in nar.find_score_parts(p.text):
        if f"part:{name}" in seen:
            continue
        seen.add(f"part:{name}")
        ctx.ex.fact_scores.append(
            {
                "report_id": ctx.report_id, "project_id": None, "component": name, "weight": None,
                "score": Decimal(st), "grade_text": None, "grade_rank": None,
                "source_ref": str(p.ref(a, z)), "parent": None, "score_text": st,
                "score_decimals": sd, "weight_decimals": None, "origin": "narrative", "is_twin": False,
            }
        )


def _twin_mentions(ctx: tb.Ctx, first: Table, second: Table) -> None:
    """A table printed twice: pair up its numeric cells by position for the consistency check."""
    for r1, r2 in zip(first.rows, second.rows, strict=False):
        for c1, c2 in zip(real_cells(r1), real_cells(r2), strict=False):
            for t, c, origin in ((first, c1, "table"), (second, c2, "twin")):
                from pipeline.normalize.numbers import parse_number

                n = parse_number(c.text)
                if n is None:
                    continue
                ctx.ex.fact_mentions.append(
                    {
                        "document_id": ctx.document_id, "report_id": ctx.report_id, "project_id": None,
                        "kind": "twin", "subject": f"twin:t{first.index}:r{c1.row}c{c1.col}",
                        "value": float(n.value), "reported_text": n.text, "reported_unit": n.unit,
                        "decimals": n.decimals, "source_ref": str(t.ref(c)), "origin": origin,
                    }
                )


def _whole(score_fact: dict) -> bool:
    """A table's total scores the whole evaluation unless its full mark says it covers one
    dimension only (a 过程指标 table totalling 25 points)."""
    w = score_fact.get("weight")
    return w is None or float(w) >= 100


def _finish_report(ex: Extraction, report: dict, bands) -> None:
    rid = report["report_id"]
    if bands:
        report["grade_bands"] = json.dumps(
            [b.__dict__ if hasattr(b, "__dict__") else b for b in bands], ensure_ascii=False, default=str
        )
    totals = [f for f in ex.fact_scores if f["report_id"] == rid and f["project_id"] is None
              and f["component"] == "total" and f["origin"] == "table" and not f["is_twin"] and _whole(f)]
    if not totals and report["report_kind"] == "project":
        # A single-project report is scored by its project's table.
        pids = {p["project_id"] for p in ex.projects if p["report_id"] == rid}
        if len(pids) == 1:
            totals = [f for f in ex.fact_scores if f["report_id"] == rid and f["project_id"] in pids
                      and f["component"] == "total" and f["origin"] == "table" and not f["is_twin"]]
    if report["score_total"] is None and totals and totals[0]["score"] is not None:
        report["score_total"] = totals[0]["score"]
    if report["grade_text"] is None and totals and totals[0]["grade_text"]:
        report["grade_text"] = totals[0]["grade_text"]
        report["grade_rank"] = totals[0]["grade_rank"]
    # Table-side mentions, so narrative figures can be compared with the same table figure.
    keymap = {p["project_id"]: p["project_key"] for p in ex.projects if p["report_id"] == rid}
    for f in ex.fact_budgets:
        if f["report_id"] == rid and f["origin"] == "table" and f["project_id"] is None and not f["is_twin"]:
            _mention(ex, report, f"budget:{f['stage']}:{f['line_item']}", "amount",
                     printed_value(f["amount_yuan"], f["reported_unit"]),
                     f, f["reported_text"], f["decimals"])
    for f in ex.fact_executions:
        if f["report_id"] == rid and f["origin"] == "table" and f["project_id"] is None and not f["is_twin"]:
            if f["executed_yuan"] is not None:
                _mention(ex, report, f"executed:{f['line_item']}", "amount",
                         printed_value(f["executed_yuan"], f["reported_unit"]),
                         f, f["reported_text"], f["decimals"])
            if f["reported_rate_pct"] is not None and f["line_item"] == "total":
                _mention(ex, report, "rate:total", "rate", float(f["reported_rate_pct"]),
                         {"source_ref": f["rate_source_ref"]}, f["rate_text"], f["rate_decimals"])
    for f in ex.fact_scores:
        if f["report_id"] == rid and f["origin"] == "table" and f["component"] == "total" and not f["is_twin"] \
                and f["score"] is not None and _whole(f):
            subject = f"project_score:{keymap.get(f['project_id'])}" if f["project_id"] else "score:total"
            _mention(ex, report, subject, "score", float(f["score"]), f, f["score_text"], f["score_decimals"])


def _mention(ex, report, subject, kind, value, f, text, decimals) -> None:
    ex.fact_mentions.append(
        {
            "document_id": report["document_id"], "report_id": report["report_id"], "project_id": None,
            "kind": kind, "subject": subject, "value": value, "reported_text": text,
            "reported_unit": f.get("reported_unit"), "decimals": decimals,
            "source_ref": f.get("source_ref"), "origin": "table",
        }
    )
