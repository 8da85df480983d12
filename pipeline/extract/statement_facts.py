"""Statements in running text (see statements.py) → budget and execution facts.

Every money level stated in a paragraph becomes a fact with origin 'statement', its line item,
its printed label and its sentence as source. Figures a paragraph pattern already turned into
a report-level fact are not repeated; a level repeated with the same value is kept once.
Changes and parts stay attached (change_* and part_of) for the identity checks.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.extract.recognisers.context import Ctx, _new_project
from pipeline.extract.statements import (
    Flow,
    Score,
    Statement,
    grammar,
    listed_project,
    read_heading,
    read_scores,
    read_statements,
    score_grammar,
)
from pipeline.lexicon import entry, pattern, words
from pipeline.model import Paragraph
from pipeline.normalize.text import to_halfwidth

# The stage a level is recorded at, per measure. Income in a budget disclosure is budgeted
# income; elsewhere it is income received (an actual, kept beside executions).
_BUDGET_STAGE = {"initial": "initial", "adjusted": "adjusted", "allocated": "allocated"}


def default_measure(report_kind: str | None, title: str | None) -> str | None:
    """What a level stated without a stage word is: budget in a 预算 disclosure, execution in
    决算 accounts, undecided elsewhere."""
    t = title or ""
    words = grammar().report_stage
    if any(w in t for w in words["final_words"]) or report_kind == "final_accounts":
        return "executed"
    if report_kind == "budget" and not any(w in t for w in words["execution_words"]):
        return "initial"
    return None


def add_statement_facts(ctx: Ctx, report: dict, p: Paragraph, seen: dict[tuple, str], flow: Flow,
                        in_cell: bool = False) -> int:
    """Adds the paragraph's stated levels to `ex`; `seen` (per report) maps a level's key to
    its source_ref so repeats are kept once; `flow` carries the stage from paragraph to
    paragraph. Returns the number of facts added."""
    ex, rid = ctx.ex, report["report_id"]
    if _total_after_heading(ctx, report, p, flow):
        return 0
    heading = read_heading(p.text)
    if heading is not None:
        # A new heading closes the deeper ones it follows.
        flow.headings = {lvl: h for lvl, h in flow.headings.items() if lvl < heading.level}
        # a heading cut out of a flattened line points at its characters (pieces share the line)
        heading.ref = str(p.ref(0, len(p.text)) if p.lines else p.ref())
        flow.headings[heading.level] = heading
        return 0
    _add_scores(ctx, report, p, seen, flow)
    single = report.get("report_kind") in ("project", "special_fund") and not ctx.multi_project
    taken = _placed_refs(ex, rid, seen)
    if report.get("unit_name") and not flow.self_names:
        flow.self_names = (report["unit_name"],)
    statements, rates, changes = read_statements(p.text, default_measure(report.get("report_kind"), report.get("title")), flow)
    _drain_skipped(ex, report, p, flow)
    refs: list[str] = [str(p.ref(s.start, s.end)) for s in statements]
    for s, ref in zip(statements, refs, strict=True):
        s.ref = ref
    added = 0
    targets = grammar().cell_target_before if in_cell else ()
    year = report.get("fiscal_year")
    for s in statements:
        as_of = grammar().as_of.search(s.label)
        if s.period == "current" and as_of is not None and year and int(as_of.group(1)) < year:
            # "截止2013年已安排项目经费380万元" in a 2017 report: what stood at the end of an earlier
            # year, never one of the report's own levels
            s.period = "prior"
    for s, ref in zip(statements, refs, strict=True):
        if ref in taken:
            _note_rate_base(ex, rid, s, ref, report, p)
            if s.parts_complete:
                # the figure another reader placed is the whole the text announced the parts of
                for f in (*ex.fact_budgets, *ex.fact_executions):
                    if f["source_ref"] == ref and f["report_id"] == rid:
                        f["parts_complete"] = True
            continue
        if targets and s.label.rstrip(grammar().label_tail).endswith(targets):
            continue  # an indicator's target written in a cell, not a level
        # In a department or disclosure report, a sentence about one project states its figures.
        project = s.project if s.project and not single else None
        if s.part_of is not None and s.part_of.line_item in entry("statements", "parts.own_wholes"):
            s.item_label, s.line_item = s.item_label or s.label, "stated"  # that whole's own part
        key = (project, s.period, s.measure, s.line_item, s.yuan, s.item_label if s.line_item == "stated" else "")
        if key in seen:
            # The level stated again: its parts, shares and changes refer to the one kept, and
            # a rate stated only the second time ("本年收入1205.11万元，完成年初预算的70%") is its rate.
            s.ref = seen[key]
            if s.parts_complete and _para_number(s.ref) is not None and _para_number(s.ref) == (_para_number(ref) or 0) - 1:
                # "1.基本支出2956.36万元,其中:…" right after "其中:基本支出2956.36万元": the parts listed all of
                # it are the kept figure's (stated_parts_sum reads them in the paragraph printing it again);
                # a figure kept further back may have other breakdowns listed under it (seed 003)
                for f in (*ex.fact_budgets, *ex.fact_executions):
                    if f["source_ref"] == s.ref and f["report_id"] == rid:
                        f["parts_complete"] = True
            if s.rate is not None:
                kept = next((f for f in ex.fact_executions if f["source_ref"] == s.ref and f["report_id"] == rid), None)
                if kept is not None and kept["reported_rate_pct"] is None:
                    kept |= {k: v for k, v in _execution(s, p).items() if k != "executed_yuan"}
                    if kept["rate_base_ref"] == "report" and report.get("report_kind") in ("budget", "final_accounts"):
                        kept["rate_base_ref"] = None
            continue
        seen[key] = ref
        whole = s.part_of.ref if s.part_of is not None else None
        pid = _new_project(ctx, project, None, ref, "statement") if project else None
        common = {
            "report_id": rid, "project_id": pid, "line_item": s.line_item,
            "reported_text": s.printed, "reported_unit": s.unit, "decimals": s.decimals,
            "source_ref": ref, "origin": "statement", "table_kind": None, "is_twin": False,
            "label_text": (s.item_label or s.label)[-60:], "part_of": whole, "period": s.period,
            "parts_complete": True if s.parts_complete else None,
        }
        # Income in a budget disclosure is budgeted income, unless a rate measures it against
        # the budget ("税收收入3511万元，占年初预算8465万元的41.5%": collected so far).
        collected = s.rate is not None or (s.part_of is not None and s.part_of.rate is not None)
        income_budget = s.measure == "income" and report.get("report_kind") == "budget" and not collected
        if s.measure in _BUDGET_STAGE or income_budget:
            ex.fact_budgets.append(common | {"stage": _BUDGET_STAGE.get(s.measure, "initial"), "amount_yuan": s.yuan})
        else:
            row = common | _execution(s, p)
            if row["rate_base_ref"] == "report" and report.get("report_kind") in ("budget", "final_accounts"):
                row["rate_base_ref"] = None  # a disclosure's rates are of revenue against unstated budgets
            ex.fact_executions.append(row)
        added += 1
    _drop_broken_lists(ex, rid, statements)
    for s in statements:
        if s.share_of_named is not None and s.ref is not None:
            # a share of a whole named but not stated: kept for share_sum (the shares of one
            # whole's parts), never compared with a figure
            item, named, value, printed, dec, a, z = s.share_of_named
            ex.fact_shares.append({
                "report_id": rid, "project_id": None, "line_item": s.line_item, "part_source_ref": s.ref,
                "part_yuan": s.yuan, "part_text": s.printed, "part_unit": s.unit, "part_decimals": s.decimals,
                "whole_line_item": item, "whole_text": named[-60:],
                "share_pct": value, "share_text": printed, "share_decimals": dec, "source_ref": str(p.ref(a, z)),
                "origin": "statement",
            })
        if s.share is None or s.ref is None or s.share[0].ref is None:
            continue
        whole, value, printed, dec, a, z = s.share
        ex.fact_shares.append({
            "report_id": rid, "project_id": None, "line_item": s.line_item, "part_source_ref": s.ref,
            "part_yuan": s.yuan, "part_text": s.printed, "part_unit": s.unit, "part_decimals": s.decimals,
            "whole_line_item": whole.line_item, "whole_source_ref": whole.ref, "whole_yuan": whole.yuan,
            "whole_text": whole.printed, "whole_unit": whole.unit, "whole_decimals": whole.decimals,
            "share_pct": value, "share_text": printed, "share_decimals": dec, "source_ref": str(p.ref(a, z)),
            "origin": "statement",
        })
    for c in changes:
        lv = c.level
        if lv.ref is None:
            continue
        row = {
            "report_id": rid, "project_id": None, "line_item": lv.line_item, "level_source_ref": lv.ref,
            "level_yuan": lv.yuan, "level_text": lv.printed, "level_unit": lv.unit, "level_decimals": lv.decimals,
            "direction": c.direction, "word": c.word, "base": c.base,
            "change_yuan": (c.value * c.factor).quantize(Decimal("0.01")) if c.value is not None else None,
            "reported_text": c.printed or None, "reported_unit": c.unit if c.value is not None else None,
            "decimals": c.decimals if c.value is not None else None, "change_pct": None, "pct_text": None,
            "pct_decimals": None, "pct_source_ref": None, "source_ref": str(p.ref(c.start, c.end)),
            "origin": "statement", "prior_yuan": None, "prior_text": None, "prior_unit": None,
            "prior_decimals": None, "prior_source_ref": None,
        }
        if (pr := c.against if c.against is not None else lv.prior if c.base == "prior" else None) is not None \
                and pr.ref is not None:  # 超收 X (against the budget) is not against the earlier period's
            row |= {"prior_yuan": pr.yuan, "prior_text": pr.printed, "prior_unit": pr.unit, "prior_decimals": pr.decimals,
                    "prior_source_ref": pr.ref}
        if c.pct is not None:
            v, printed, dec, a, z = c.pct
            row |= {"change_pct": v, "pct_text": printed, "pct_decimals": dec, "pct_source_ref": str(p.ref(a, z))}
        ex.fact_changes.append(row)
    for r in rates:
        # A rate stated on its own ("资金补贴完成率17%"): kept with its label, no amount.
        ref = str(p.ref(r.start, r.end))
        if r.joined or ref in taken or ("rate", r.value, r.label) in seen:
            continue
        seen[("rate", r.value, r.label)] = ref
        if _generic_rate(r.label):
            ex.unrecognised.append({"document_id": ctx.document_id, "report_id": rid, "source_ref": ref,
                                    "what": "figure", "text": r.printed,
                                    "reason": f"{r.label[-30:]}: a completion rate naming no money (a work target's?)"})
            continue
        ex.fact_executions.append({
            "report_id": rid, "project_id": None, "line_item": "stated", "executed_yuan": None,
            "reported_rate_pct": r.value, "reported_text": None, "reported_unit": None, "decimals": None,
            "source_ref": ref, "rate_text": r.printed, "rate_decimals": r.decimals, "rate_source_ref": ref,
            "origin": "statement", "table_kind": None, "is_twin": False, "label_text": r.label[-60:],
            "part_of": None, "rate_base_ref": None, "period": "current",
        })
        added += 1
    return added


def _para_number(ref: str | None) -> int | None:
    m = re.match(r"para=(\d+);", ref or "")
    return int(m.group(1)) if m else None


def _drop_broken_lists(ex, rid: str, statements: list[Statement]) -> None:
    """A whole read as having all its parts listed keeps that reading only while each part is a fact
    listed under it: a part stated before (kept at its first place, 全县一般公共预算支出91759万元 again
    before 加上…) or placed by another reader is no fact under it, and the parts left fall short."""
    for s in statements:
        if not s.parts_complete or s.ref is None:
            continue
        facts = [f for f in (*ex.fact_budgets, *ex.fact_executions) if f["report_id"] == rid]
        listed = {f["source_ref"] for f in facts if f.get("part_of") == s.ref}
        if any(x.ref not in listed for x in statements if x.part_of is s):
            for f in facts:
                if f["source_ref"] == s.ref:
                    f["parts_complete"] = None


def _placed_refs(ex, rid: str, seen: dict) -> set[str]:
    """Where the report's budget and execution facts are printed, kept up to date in `seen`
    by reading only the rows added since the last paragraph (not every row, every paragraph)."""
    refs: set[str] = seen.setdefault(("_placed", rid), set())
    start_b, start_e = seen.get(("_scanned", rid), (0, 0))
    for f in ex.fact_budgets[start_b:]:
        if f["report_id"] == rid:
            refs.add(f["source_ref"])
    for f in ex.fact_executions[start_e:]:
        if f["report_id"] == rid:
            refs.add(f["source_ref"])
            if f.get("rate_source_ref"):
                refs.add(f["rate_source_ref"])
    seen[("_scanned", rid)] = (len(ex.fact_budgets), len(ex.fact_executions))
    return refs


def _execution(s: Statement, p: Paragraph) -> dict:
    row = {"executed_yuan": s.yuan, "reported_rate_pct": None, "rate_text": None, "rate_decimals": None,
           "rate_source_ref": None, "rate_base_ref": None}
    if s.rate is not None:
        value, printed, dec, a, z = s.rate
        row |= {"reported_rate_pct": value, "rate_text": printed, "rate_decimals": dec,
                "rate_source_ref": str(p.ref(a, z)),
                "rate_base_ref": s.rate_base.ref if s.rate_base else ("report" if s.rate_elsewhere else None)}
    return row


BUDGET_EXECUTION = "budget_execution"  # the component code of the form's funds-execution row


def _add_scores(ctx: Ctx, report: dict, p: Paragraph, seen: dict[tuple, str], flow: Flow) -> None:
    """Scores stated in running text → fact_scores (origin 'statement'): named by their own
    clause, else by the outline heading they are under (with its full mark as weight)."""
    ex, rid = ctx.ex, report["report_id"]
    taken = {f["source_ref"] for f in ex.fact_scores if f["report_id"] == rid}
    # a component the paragraph patterns already stored (满分…得分…) is not stored again
    values = {(f["component"], f["score"]) for f in ex.fact_scores if f["report_id"] == rid and f["origin"] != "statement"}
    taken_sections = taken
    single = report.get("report_kind") in ("project", "special_fund") and not ctx.multi_project
    listed = listed_project(p.text) if ctx.multi_project else None
    for sc in read_scores(p.text):
        ref = str(p.ref(sc.start, sc.end))
        if ref in taken and flow.headings and not sc.total and sc.component is None:
            _rescope_total(ex, report, ref, flow)
        if listed and ref not in taken and (sc.total or sc.component is None):
            # one of several projects listed: its total score is that project's
            pid = _new_project(ctx, listed, None, ref, "statement")
            _score_row(ex, rid, "total", None, None, sc, ref)
            ex.fact_scores[-1]["project_id"] = pid
            continue
        if ref in taken or (sc.about_project and not single):
            continue  # a project's score in a department report is that project's (a mention)
        if sc.component is None and not sc.total and sc.of_rate and not flow.headings:
            key = ("score", BUDGET_EXECUTION, sc.value, "")
            if key not in seen:
                seen[key] = ref
                _score_row(ex, rid, BUDGET_EXECUTION, None, None, sc, ref)
            continue
        if not sc.total and sc.component is None and flow.scored_part and not flow.headings:
            # an unnamed item's score under a part that stated its own: not the report's total
            ex.unrecognised.append({"document_id": ctx.document_id, "report_id": rid, "source_ref": ref,
                                    "what": "figure", "text": sc.printed,
                                    "reason": "a score under a part that states its own score, naming no item"})
            continue
        if sc.total or (sc.component is None and not flow.headings):
            if report["score_total"] is None and report.get("report_kind") not in ("final_accounts", "budget"):
                report["score_total"] = sc.value
                _score_row(ex, rid, "total", None, None, sc, ref)
            continue
        under = flow.headings[max(flow.headings)] if sc.component is None else None
        component = sc.component or under.name
        parent = None
        if under is not None:
            higher = [lvl for lvl in flow.headings if lvl < under.level]
            if higher:
                section = flow.headings[max(higher)]
                parent = section.name
                _section_row(ex, rid, section, flow, taken_sections)
        key = ("score", component, sc.value, ref if under is not None else "")
        if key in seen or (component, sc.value) in values:
            continue
        seen[key] = ref
        _score_row(ex, rid, component, under, parent, sc, ref)


def _total_after_heading(ctx: Ctx, report: dict, p: Paragraph, flow: Flow) -> bool:
    """"(一)自评得分" then, alone on the next line, "100分。": the report's total score. True when the
    paragraph was that value (nothing else to read in it)."""
    sg = score_grammar()
    text = to_halfwidth(p.text)
    if not text.strip():
        return False
    after, flow.total_heading = flow.total_heading, bool(sg.total_heading.match(text))
    m = sg.total_alone.match(text) if after else None
    if m is None or report["score_total"] is not None or report.get("report_kind") in ("final_accounts", "budget"):
        return False
    n = m.group("n")
    sc = Score(Decimal(n), p.text[m.start("n") : m.end("n")], len(n.split(".")[1]) if "." in n else 0,
               m.start("n"), m.end("n"), None, True)
    report["score_total"] = sc.value
    _score_row(ctx.ex, report["report_id"], "total", None, None, sc, str(p.ref(sc.start, sc.end)))
    return True


def _score_row(ex, rid: str, component: str, under, parent: str | None, sc, ref: str) -> None:
    ex.fact_scores.append({
        "report_id": rid, "project_id": None, "component": component[:60],
        "weight": under.weight if under is not None else None, "score": sc.value, "grade_text": None,
        "grade_rank": None, "source_ref": ref, "parent": parent, "score_text": sc.printed,
        "score_decimals": sc.decimals, "weight_decimals": under.decimals if under is not None else None,
        "origin": "statement", "is_twin": False,
    })


def _note_rate_base(ex, rid: str, s: Statement, ref: str, report: dict, p: Paragraph) -> None:
    """A figure a paragraph pattern already placed: its rate still gets the budget this
    grammar found for it (or 'report' when that budget is stated elsewhere); and an executed
    figure placed without a rate gets the rate the grammar read as its own ("已拨付资金269.30万元,
    资金拨付率96%": the pattern took the amount only)."""
    if s.rate is None:
        return
    disclosure = report.get("report_kind") in ("budget", "final_accounts")
    base = s.rate_base.ref if s.rate_base else ("report" if s.rate_elsewhere else None)
    for f in ex.fact_executions:
        if f["report_id"] != rid or f["source_ref"] != ref:
            continue
        if f.get("reported_rate_pct") is None and f.get("executed_yuan") == s.yuan:
            f |= {k: v for k, v in _execution(s, p).items() if k != "executed_yuan"}
            if disclosure:
                f["rate_base_ref"] = None  # a disclosure's rates are of revenue against unstated budgets
        elif not disclosure and f.get("reported_rate_pct") is not None and f.get("rate_base_ref") is None:
            f["rate_base_ref"] = base


class _CellText:
    """A table cell that holds running text ("本项目共申请预算资金2026400元，其中…"), read like a
    paragraph; its figures point at the cell and the characters within it."""

    def __init__(self, table, cell) -> None:
        self.text = cell.text
        self._where = str(table.ref(cell))

    def ref(self, start: int | None = None, end: int | None = None) -> str:
        return f"{self._where};chars={start}-{end}" if start is not None else self._where


def add_cell_statements(ctx: Ctx, report: dict, blocks: list, seen: dict[tuple, str]) -> int:
    """Sentences written inside table cells (a template's 目标/完成情况 cells, a flattened page)
    read by the same grammar. Only cells with a sentence's worth of words: a label or an
    amount cell is the table recognisers' business."""
    from pipeline.model import Table

    added = 0
    for b in blocks:
        if not isinstance(b, Table) or b.index in ctx.planned_tables:
            continue
        for row in b.rows:
            for c in row:
                if c.merged_copy or len(re.findall(r"[\u4e00-\u9fff]", c.text)) < _CELL_SENTENCE_HAN:
                    continue
                added += add_statement_facts(ctx, report, _CellText(b, c), seen, Flow(), in_cell=True)
    return added


# Han characters a cell needs before its text is read as sentences.
_CELL_SENTENCE_HAN = 15


def _section_row(ex, rid: str, section, flow: Flow, taken: set[str]) -> None:
    """The outline section a scored item sits in ("(一)项目立项(8分)"), as a component with its
    full mark and no score of its own: score_within_weight holds its items' scores to it."""
    if section.ref in taken:
        return
    taken.add(section.ref)
    higher = [lvl for lvl in flow.headings if lvl < section.level]
    ex.fact_scores.append({
        "report_id": rid, "project_id": None, "component": section.name[:60], "weight": section.weight,
        "score": None, "grade_text": None, "grade_rank": None, "source_ref": section.ref,
        "parent": flow.headings[max(higher)].name if higher else None, "score_text": None,
        "score_decimals": None, "weight_decimals": section.decimals, "origin": "statement", "is_twin": False,
    })


def _rescope_total(ex, report: dict, ref: str, flow: Flow) -> None:
    """"(1)项目立项(2分) … 自评得2分": a score printed under an outline item that states its mark
    scores that item, not the report; a paragraph pattern that took it for the total is undone."""
    under = flow.headings[max(flow.headings)]
    higher = [lvl for lvl in flow.headings if lvl < under.level]
    for f in ex.fact_scores:
        if f["report_id"] == report["report_id"] and f["source_ref"] == ref and f["component"] == "total":
            f.update(component=under.name[:60], weight=under.weight, weight_decimals=under.decimals,
                     parent=flow.headings[max(higher)].name if higher else None, origin="statement")
            if report["score_total"] == f["score"]:
                report["score_total"] = None


def _drain_skipped(ex, report: dict, p, flow: Flow) -> None:
    """Money figures of the paragraph that are not levels, with the reason, into unrecognised."""
    for a, z, reason in flow.skipped:
        ex.unrecognised.append({
            "document_id": report["document_id"], "report_id": report["report_id"],
            "source_ref": str(p.ref(a, z)), "what": "figure", "reason": f"running text: {reason}",
            "text": p.text[max(0, a - 20) : z + 4][:100],
        })
    flow.skipped.clear()


def states_levels(doc, at_least: int = 2, paragraphs: int = 200) -> bool:
    """True when the opening text states budget, allocation or execution figures with their
    stage said in words (a report excerpt that starts mid-report, without a title), or one
    such figure of a budget line item the vocabulary names: a news item's one account
    ('全市“三公”经费累计支出2780.7万元', '一般公共预算收入完成558亿元'), not a sum of money
    named only by a generic word ('下达补助资金100万元'); or a figure of a line only public finance
    has, its stage said or not ('2021年吉林省地方一般公共预算收入1144.0亿元,比上年增长5.4%'), on a
    page printing several amounts (one amount alone is no account)."""
    said = []
    public = frozenset(words("segments", "kinds.public_finance_lines"))
    public_named = False
    for s in _opening_statements(doc, paragraphs):
        if _said(s):
            said.append(s)
            if len(said) >= at_least or s.line_item not in (None, "stated"):
                return True
        elif s.line_item in public and s.period == "current":
            public_named = True
    if not public_named:
        return False
    from pipeline.model import Paragraph

    amount = pattern("segments", "kinds.amount")
    return sum(len(amount.findall(b.text)) for b in doc.blocks[:paragraphs] if isinstance(b, Paragraph)) >= 3


def _said(s) -> bool:
    return s.measure_said and s.measure != "income"


def said_statements(doc, paragraphs: int = 200):
    """The opening text's statements whose stage is said in words (budget, allocation or
    execution; income is not a stage), lazily."""
    return (s for s in _opening_statements(doc, paragraphs) if _said(s))


def _opening_statements(doc, paragraphs: int = 200):
    """Every statement of the opening text's paragraphs, lazily."""
    from pipeline.model import Paragraph

    flow = Flow()
    for b in doc.blocks[:paragraphs]:
        if isinstance(b, Paragraph):
            sts, _rates, _changes = read_statements(b.text, None, flow)
            yield from sts


def _generic_rate(label: str) -> bool:
    """A rate on its own labelled only by a generic word (完成率 280%) that names no money."""
    generic, specific = words("statements", "rate.generic_words"), words("statements", "rate.words")
    money = words("statements", "rate.money_words")
    named = [w for w in specific if w in label]
    return bool(named) and all(any(w in n for w in generic) for n in named) and not any(w in label for w in money)
