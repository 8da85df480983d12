"""Shared state and helpers of the table recognisers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from pipeline.extract.cells import (
    Val,
    real_cells,
    sq,
)
from pipeline.extract.result import Extraction
from pipeline.extract.vocabulary import LEVEL1, LEVEL2, TOTAL_LABEL  # noqa: F401
from pipeline.model import Cell, Table
from pipeline.normalize.grades import grade_rank
from pipeline.normalize.money import FACTORS, detect_money_unit, to_yuan
from pipeline.normalize.names import project_identity, project_key

# Indicator levels and total labels are vocab/tables.toml (re-exported for the recognisers).
CODE_LIKE = re.compile(r"^\d{6,}$")


@dataclass
class Ctx:
    document_id: str
    report_id: str
    ex: Extraction
    money_unit_hint: str | None = None  # from a caption/paragraph such as 单位：万元
    projects_by_name: dict[str, str] = field(default_factory=dict)
    used_cells: set[tuple[int, int, int]] = field(default_factory=set)
    ignored_cells: set[tuple[int, int, int]] = field(default_factory=set)
    # cells a reader knowingly leaves unread, with why (logged in `unrecognised` instead of the generic reason)
    left_cells: dict[tuple[int, int, int], str] = field(default_factory=dict)
    # cells a reader knowingly sets aside (counted as such), with why (kept in `unrecognised`)
    aside_cells: dict[tuple[int, int, int], str] = field(default_factory=dict)
    twin: bool = False
    next_project_seq: int = 0
    report_kind: str = "department"
    # (parent code, name) → functional code from the report's coded tables (class_names)
    class_names: dict[tuple[str, str], str] = field(default_factory=dict)
    titles: list[str] = field(default_factory=list)  # the paragraphs printed just before the table (its title)
    # Tables of a budget's target forms (绩效目标表): their sentences (指标值内容, 评分标准, 目标)
    # state what is planned or how it will be scored, never what was achieved.
    planned_tables: set[int] = field(default_factory=set)
    # A page listing several projects' evaluations, one numbered paragraph each (1、X项目,…总得分91.8分;
    # 2、Y项目,…): each paragraph's figures and score are its project's, none the report's own.
    multi_project: bool = False

    def use(self, v: Val | None) -> None:
        if v is not None:
            self.used_cells.add((v.cell.row, v.cell.col, id(v.cell)))

    def ignore(self, c: Cell) -> None:
        self.ignored_cells.add((c.row, c.col, id(c)))

    def leave(self, c: Cell, reason: str) -> None:
        self.left_cells[(c.row, c.col, id(c))] = reason

    def set_aside(self, c: Cell, reason: str) -> None:
        self.aside_cells[(c.row, c.col, id(c))] = reason


def _money(v: Val, unit: str) -> tuple[Decimal, str]:
    u = v.num.unit if v.num.unit in FACTORS else unit
    return to_yuan(v.value, u), u


def _find_row(table: Table, pred) -> int | None:
    for i, row in enumerate(table.rows):
        if pred([sq(c.text) for c in real_cells(row)]):
            return i
    return None


def _table_unit(table: Table, ctx: Ctx, header_texts: list[str]) -> str | None:
    for t in header_texts + [table.caption]:
        u = detect_money_unit(t)
        if u:
            return u
    return ctx.money_unit_hint


def _new_project(ctx: Ctx, name: str, code: str | None, ref: str, origin: str, **extra) -> str:
    key = project_key(name) if name else ""
    # the same project only when its code, or its name with its qualifiers, agrees (the key
    # without brackets is for matching across years)
    # (or, when the caller names one, its identity: a target form's project with its unit)
    lookup = code or extra.get("identity") or (project_identity(name) if name else "")
    if lookup and lookup in ctx.projects_by_name:
        return ctx.projects_by_name[lookup]
    ctx.next_project_seq += 1
    pid = f"{ctx.report_id}:p{ctx.next_project_seq}"
    ctx.ex.projects.append(
        {
            "project_id": pid,
            "report_id": ctx.report_id,
            "project_code": code,
            "project_name": name or None,
            "project_key": key or None,
            "competent_department": extra.get("competent_department"),
            "implementing_unit": extra.get("implementing_unit"),
            "source_ref": ref,
            "origin": origin,
        }
    )
    if lookup:
        ctx.projects_by_name[lookup] = pid
    return pid


def _label_value(table: Table, label_re: str) -> tuple[str, Cell] | None:
    for row in table.rows:
        cells = real_cells(row)
        for k, c in enumerate(cells[:-1]):
            if re.fullmatch(label_re, sq(c.text)):
                v = cells[k + 1].text.strip()
                if v:
                    return v, c
    return None


def _score(
    ctx: Ctx,
    project_id: str | None,
    component: str,
    weight: Val | None,
    score: Val | None,
    ref: str,
    parent: str | None = None,
    grade: str | None = None,
    origin: str = "table",
    weight_value: float | None = None,
) -> None:
    ctx.use(weight)
    ctx.use(score)
    ctx.ex.fact_scores.append(
        {
            "report_id": ctx.report_id,
            "project_id": project_id,
            "component": component,
            "weight": weight.value if weight else weight_value,
            "score": score.value if score else None,
            "grade_text": grade,
            "grade_rank": grade_rank(grade) if grade else None,
            "source_ref": ref,
            "parent": parent,
            "score_text": score.num.text if score else None,
            "score_decimals": score.num.decimals if score else None,
            "weight_decimals": weight.num.decimals if weight else 0,
            "origin": origin,
            "is_twin": ctx.twin,
        }
    )


def add_budget(ctx: Ctx, project_id: str | None, line_item: str, stage: str, v: Val, unit: str,
               table_kind: str, label: str | None = None) -> None:
    """One printed budget amount → a fact_budgets row (yuan, printed text, unit, place)."""
    yuan, u = _money(v, unit)
    ctx.ex.fact_budgets.append(
        {"report_id": ctx.report_id, "project_id": project_id, "line_item": line_item, "stage": stage,
         "amount_yuan": yuan, "reported_text": v.num.text, "reported_unit": u, "decimals": v.num.decimals,
         "source_ref": v.ref, "origin": "table", "table_kind": table_kind, "is_twin": ctx.twin,
         "label_text": label}
    )
    ctx.use(v)


def add_execution(ctx: Ctx, project_id: str | None, line_item: str, executed: Val | None, rate: Val | None,
                  unit: str, table_kind: str, label: str | None = None) -> None:
    """A printed executed amount and/or execution rate → a fact_executions row."""
    if executed is None and rate is None:
        return
    yuan, u = _money(executed, unit) if executed else (None, None)
    ctx.ex.fact_executions.append(
        {"report_id": ctx.report_id, "project_id": project_id, "line_item": line_item, "executed_yuan": yuan,
         "reported_rate_pct": rate.value if rate else None,
         "reported_text": executed.num.text if executed else None, "reported_unit": u,
         "decimals": executed.num.decimals if executed else None,
         "source_ref": executed.ref if executed else rate.ref,  # type: ignore[union-attr]
         "rate_text": rate.num.text if rate else None, "rate_decimals": rate.num.decimals if rate else None,
         "rate_source_ref": rate.ref if rate else None, "origin": "table", "table_kind": table_kind,
         "is_twin": ctx.twin, "label_text": label}
    )
    ctx.use(executed)
    ctx.use(rate)


def add_amount(ctx: Ctx, line_item: str, stage: str, v: Val, unit: str, table_kind: str,
               label: str | None = None, project_id: str | None = None) -> bool:
    """An amount of a budget stage or executed (report level unless a project is given);
    False for other stages."""
    if stage == "executed":
        add_execution(ctx, project_id, line_item, v, None, unit, table_kind, label)
    elif stage in ("initial", "adjustment", "adjusted"):
        add_budget(ctx, project_id, line_item, stage, v, unit, table_kind, label)
    else:
        return False
    return True
