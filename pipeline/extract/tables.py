"""Table recognisers: find what a table means from its header words, not its position.

Each recogniser looks for its header vocabulary anywhere in the table and reads the rows
under it; a table may hold several blocks (the project self-evaluation table holds a
funding block, a goals block, an indicator block and a total row).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from pipeline.extract.cells import (
    Val,
    align,
    flat,
    num_of,
    real_cells,
    sq,
    strip_weight,
    weight_in_label,
)
from pipeline.extract.result import Extraction
from pipeline.extract.vocabulary import clean_label, line_item_code, stage_of
from pipeline.model import Cell, Table
from pipeline.normalize.grades import grade_rank
from pipeline.normalize.money import detect_money_unit, to_yuan
from pipeline.normalize.names import project_key
from pipeline.normalize.targets import judge_attained, parse_target

LEVEL1 = re.compile(r"^(产出|效益|满意度|成本|决策|过程|效果|管理|产出效果)(指标)?$")
LEVEL2 = re.compile(
    r"^(数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度|满意度|经济成本|社会成本|生态环境成本|经济|社会|生态)(指标)?$"
)
TOTAL_LABEL = re.compile(r"^(合计|总计|小计|总分|合计得分|总得分|得分合计|分值合计)$")
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
    twin: bool = False
    next_project_seq: int = 0
    report_kind: str = "department"

    def use(self, v: Val | None) -> None:
        if v is not None:
            self.used_cells.add((v.cell.row, v.cell.col, id(v.cell)))

    def ignore(self, c: Cell) -> None:
        self.ignored_cells.add((c.row, c.col, id(c)))


def _money(v: Val, unit: str) -> tuple[Decimal, str]:
    u = v.num.unit if v.num.unit in ("万元", "元", "亿元", "千元") else unit
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


# --------------------------------------------------------------------------- project / department self-evaluation table


def _new_project(ctx: Ctx, name: str, code: str | None, ref: str, origin: str, **extra) -> str:
    key = project_key(name) if name else ""
    lookup = code or key
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


def read_self_eval(table: Table, ctx: Ctx) -> bool:
    """Project (or department-as-a-whole) self-evaluation table."""
    fund_hdr = _find_row(
        table,
        lambda t: sum(1 for x in t if stage_of(x) in ("initial", "adjusted", "executed")) >= 2,
    )
    ind_hdr = _find_row(
        table,
        lambda t: ("三级指标" in t or "二级指标" in t)
        and "一级指标" in t
        and any(_ind_field(x) in ("target", "actual") for x in t),
    )
    if fund_hdr is None and ind_hdr is None:
        return False
    before = (len(ctx.ex.fact_budgets), len(ctx.ex.fact_executions), len(ctx.ex.fact_indicators))
    name = _label_value(table, r"项目名称|项目\(政策\)名称|政策名称")
    if name is None and ind_hdr is None and not _has_fund_rows(table, fund_hdr):
        return False
    project_id = None
    if name:
        comp = _label_value(table, r"主管部门")
        impl = _label_value(table, r"实施单位")
        project_id = _new_project(
            ctx,
            flat(name[0]) or "",
            None,
            str(table.ref(name[1])),
            "self_eval_table",
            competent_department=flat(comp[0]) if comp else None,
            implementing_unit=flat(impl[0]) if impl else None,
        )
    if fund_hdr is not None:
        _read_funding(table, fund_hdr, ctx, project_id)
    if ind_hdr is not None:
        _read_indicators(table, ind_hdr, ctx, project_id)
    after = (len(ctx.ex.fact_budgets), len(ctx.ex.fact_executions), len(ctx.ex.fact_indicators))
    return after != before or project_id is not None


def _has_fund_rows(table: Table, hdr_i: int | None) -> bool:
    """Rows under the stage header are labelled with fund sources (年度资金总额, 财政拨款…)
    other than a bare 合计."""
    if hdr_i is None:
        return False
    labels = {line_item_code(c.text) for r in table.rows[hdr_i + 1 :] for c in real_cells(r)[:2] if sq(c.text)}
    return bool(labels - {None, "total"}) or any(
        re.search(r"资金总额", sq(c.text)) for r in table.rows[hdr_i + 1 :] for c in real_cells(r)[:2])


_BLOCK_END = re.compile(r"总体目标|绩效指标|一级指标|目标完成|年度目标|实施内容")
_SUB_HEADING = re.compile(r"^(按|其中)?.{0,6}(性质|来源|用途)分?[:：]?$")


def _read_funding(table: Table, hdr_i: int, ctx: Ctx, project_id: str | None) -> None:
    header = table.rows[hdr_i]
    hcells = real_cells(header)
    fields = {i: stage_of(c.text) for i, c in enumerate(hcells)}
    unit = _table_unit(table, ctx, [c.text for c in hcells]) or "万元"
    exec_weight = exec_score = None
    for row in table.rows[hdr_i + 1 :]:
        cells = real_cells(row)
        texts = [sq(c.text) for c in cells]
        label_cell = next(
            (c for c in cells if sq(c.text) and not num_of(table, c) and line_item_code(c.text)),
            None,
        )
        if label_cell is None:
            if any(stage_of(t) for t in texts) or not any(texts):
                continue
            if _BLOCK_END.search("".join(texts)) or not any(num_of(table, c) for c in cells):
                if _SUB_HEADING.match("".join(texts[:2])):
                    continue  # 按收入性质分 / 按支出性质分: sub-headings inside the block
                break  # the funding block has ended (年度总体目标, 绩效指标 …)
            continue  # amounts under a label we do not know: left for the coverage log
        item = line_item_code(label_cell.text)
        amap = align(header, row)
        values: dict[str, Val] = {}
        for i, f in fields.items():
            if f and i in amap:
                v = num_of(table, amap[i])
                if v is not None:
                    values[f] = v
        base = {"report_id": ctx.report_id, "project_id": project_id, "line_item": item}
        for stage in ("initial", "adjustment", "adjusted"):
            if stage in values:
                v = values[stage]
                yuan, u = _money(v, unit)
                ctx.ex.fact_budgets.append(
                    base
                    | {
                        "stage": stage,
                        "amount_yuan": yuan,
                        "reported_text": v.num.text,
                        "reported_unit": u,
                        "decimals": v.num.decimals,
                        "source_ref": v.ref,
                        "origin": "table",
                        "table_kind": "self_eval",
                        "is_twin": ctx.twin,
                    }
                )
                ctx.use(v)
        ex_v, rate_v = values.get("executed"), values.get("rate")
        if ex_v or rate_v:
            yuan, u = _money(ex_v, unit) if ex_v else (None, None)
            ctx.ex.fact_executions.append(
                base
                | {
                    "executed_yuan": yuan,
                    "reported_rate_pct": rate_v.value if rate_v else None,
                    "reported_text": ex_v.num.text if ex_v else None,
                    "reported_unit": u,
                    "decimals": ex_v.num.decimals if ex_v else None,
                    "source_ref": ex_v.ref if ex_v else rate_v.ref,  # type: ignore[union-attr]
                    "rate_text": rate_v.num.text if rate_v else None,
                    "rate_decimals": rate_v.num.decimals if rate_v else None,
                    "rate_source_ref": rate_v.ref if rate_v else None,
                    "origin": "table",
                    "table_kind": "self_eval",
                    "is_twin": ctx.twin,
                }
            )
            ctx.use(ex_v)
            ctx.use(rate_v)
        if item == "total" and ("weight" in values or "score" in values):
            exec_weight, exec_score = values.get("weight"), values.get("score")
    if exec_weight or exec_score:
        ref = (exec_score or exec_weight).ref  # type: ignore[union-attr]
        _score(ctx, project_id, "budget_execution", exec_weight, exec_score, ref, origin="table")


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


_IND_FIELDS = [
    ("level1", re.compile(r"^一级指标$")),
    ("level2", re.compile(r"^二级指标$")),
    ("name", re.compile(r"^三级指标$|^指标名称$|^绩效指标$")),
    ("target", re.compile(r"指标值|目标值|预期值|年度目标|预期目标")),
    ("actual", re.compile(r"实际完成值|完成值|实际值|完成情况|实际完成")),
    ("weight", re.compile(r"^分值$|^权重$|^指标分值$")),
    ("score", re.compile(r"^得分$|^自评得分$|^评分$")),
    ("reason", re.compile(r"偏差|原因|改进措施|备注")),
]


def _ind_field(text: str) -> str | None:
    s = sq(text)
    for f, pat in _IND_FIELDS:
        if pat.search(s):
            return f
    return None


def _read_indicators(table: Table, hdr_i: int, ctx: Ctx, project_id: str | None) -> None:
    header = table.rows[hdr_i]
    hcells = real_cells(header)
    fields = {i: _ind_field(c.text) for i, c in enumerate(hcells)}
    level1 = level2 = None
    level1_weights: dict[str, float] = {}
    indicator_total: Decimal = Decimal(0)
    for row in table.rows[hdr_i + 1 :]:
        cells = real_cells(row)
        texts = [sq(c.text) for c in cells]
        nonempty = [t for t in texts if t]
        if not nonempty:
            continue
        # A total row closes the block: 总分 | 100 | 97.13
        if TOTAL_LABEL.match(nonempty[0]) or (nonempty[0].startswith("总分")):
            nums = [num_of(table, c) for c in cells]
            nums = [v for v in nums if v is not None]
            if nums:
                weight = nums[0] if len(nums) >= 2 else None
                score = nums[-1]
                _score(ctx, project_id, "total", weight, score, score.ref)
            break
        amap = align(header, row)
        got: dict[str, Cell] = {}
        for i, f in fields.items():
            if f and i in amap and f not in got:
                got[f] = amap[i]
        # Level labels update the context: by their column first (成本指标 is a level-1
        # heading in some provinces and a level-2 one in others), else by vocabulary.
        l1_cell, l2_cell = got.get("level1"), got.get("level2")
        for c in cells:
            t = strip_weight(c.text)
            if not t:
                continue
            as_l1 = c is l1_cell or (c is not l2_cell and LEVEL1.match(t) and not (level1 and LEVEL2.match(t)))
            if as_l1 and (LEVEL1.match(t) or c is l1_cell) and c is not got.get("name"):
                level1 = t if t.endswith("指标") else t + "指标"
                level2 = None
                w = weight_in_label(c.text)
                if w is not None:
                    level1_weights[level1] = w
            elif LEVEL2.match(t) or c is l2_cell:
                level2 = t if t.endswith("指标") else t + "指标"
        name = sq(got["name"].text) if "name" in got else ""
        if LEVEL1.match(strip_weight(name)) or LEVEL2.match(strip_weight(name)):
            name = ""
        target = got.get("target")
        actual = got.get("actual")
        wv = num_of(table, got.get("weight"))
        sv = num_of(table, got.get("score"))
        if not name and not (target and sq(target.text)) and not (actual and sq(actual.text)):
            continue
        if not (target and sq(target.text)) and not (actual and sq(actual.text)) and not wv and not sv:
            continue  # a placeholder row such as "指标1：" with nothing in it
        tgt = parse_target(target.text) if target else None
        attained = judge_attained(tgt, actual.text) if (tgt and actual) else None
        act_num = None
        if actual is not None:
            from pipeline.normalize.numbers import parse_number

            an = parse_number(actual.text)
            act_num = an
        anchor = got.get("name") or target or actual or cells[0]
        ctx.ex.fact_indicators.append(
            {
                "report_id": ctx.report_id,
                "project_id": project_id,
                "level1": level1,
                "level2": level2,
                "name": flat(got["name"].text) if "name" in got else None,
                "target_text": flat(target.text) if target else None,
                "target_op": tgt.op if tgt else None,
                "target_value": float(tgt.value) if tgt and tgt.value is not None else None,
                "target_unit": tgt.unit if tgt else None,
                "actual_text": flat(actual.text) if actual else None,
                "actual_value": float(act_num.value) if act_num else None,
                "actual_unit": act_num.unit if act_num else None,
                "weight": wv.value if wv else None,
                "score": sv.value if sv else None,
                "attained": attained,
                "deviation_reason": flat(got["reason"].text) if "reason" in got else None,
                "source_ref": str(table.ref(anchor)),
                "weight_text": wv.num.text if wv else None,
                "score_text": sv.num.text if sv else None,
                "weight_decimals": wv.num.decimals if wv else None,
                "score_decimals": sv.num.decimals if sv else None,
                "is_twin": ctx.twin,
            }
        )
        for c in (target, actual):
            ctx.use(num_of(table, c))  # in fact_indicators as text and value
        ctx.use(wv)
        ctx.use(sv)
        if sv is not None:
            indicator_total += sv.value
    for l1, w in level1_weights.items():
        ctx.ex.fact_scores.append(
            {
                "report_id": ctx.report_id,
                "project_id": project_id,
                "component": l1,
                "weight": w,
                "score": None,
                "grade_text": None,
                "grade_rank": None,
                "source_ref": str(table.ref(table.rows[hdr_i][0])),
                "parent": "indicators",
                "score_text": None,
                "score_decimals": None,
                "weight_decimals": 0,
                "origin": "label",
                "is_twin": ctx.twin,
            }
        )


# --------------------------------------------------------------------------- summary table (项目自评汇总表)


_SUMMARY_FIELDS = [
    ("seq", re.compile(r"^序号$")),
    ("code", re.compile(r"项目(编码|代码|编号)")),
    ("name", re.compile(r"^项目名称$|^项目$")),
    ("unit", re.compile(r"预算单位|实施单位|主管部门|单位名称")),
    ("grade", re.compile(r"结论|等级|等次")),
    ("score", re.compile(r"得分|自评分")),
    ("adj_rate", re.compile(r"调整率")),
    ("reason", re.compile(r"原因|备注|说明")),
]


def _summary_field(text: str) -> str | None:
    s = sq(text)
    st = stage_of(s)
    if st and "调整率" not in s:
        return st
    for f, pat in _SUMMARY_FIELDS:
        if pat.search(s):
            return f
    return None


def read_summary(table: Table, ctx: Ctx, narrative_budget_yuan: Decimal | None) -> bool:
    hdr_i = _find_row(
        table,
        lambda t: any(x in ("项目名称", "项目") for x in t)
        and any(re.search(r"得分|自评分", x) for x in t)
        and not any(x in ("一级指标", "三级指标") for x in t),
    )
    if hdr_i is None:
        return False
    header = table.rows[hdr_i]
    hcells = real_cells(header)
    fields = {i: _summary_field(c.text) for i, c in enumerate(hcells)}
    unit = _table_unit(table, ctx, [c.text for c in hcells])
    body = table.rows[hdr_i + 1 :]
    if unit is None:
        unit = _infer_unit(table, body, header, fields, narrative_budget_yuan)
    data_rows: list[int] = []
    for ri, row in enumerate(body, start=hdr_i + 1):
        cells = real_cells(row)
        texts = [sq(c.text) for c in cells]
        if not any(texts):
            continue
        if TOTAL_LABEL.match(texts[0] or (texts[1] if len(texts) > 1 else "")):
            _table_total(table, ctx, header, fields, ri, data_rows)
            continue
        amap = align(header, row)
        got = {f: amap[i] for i, f in fields.items() if f and i in amap}
        name = got.get("name")
        if name is None or not sq(name.text):
            continue
        code = sq(got["code"].text) if "code" in got else None
        pid = _new_project(ctx, flat(name.text) or "", code or None, str(table.ref(name)), "summary_table")
        data_rows.append(ri)
        for f in ("seq", "code"):
            if f in got:
                ctx.ignore(got[f])
        base = {"report_id": ctx.report_id, "project_id": pid, "line_item": "total"}
        for stage in ("initial", "adjustment", "adjusted"):
            v = num_of(table, got.get(stage))
            if v is not None:
                yuan, u = _money(v, unit)
                ctx.ex.fact_budgets.append(
                    base
                    | {
                        "stage": stage,
                        "amount_yuan": yuan,
                        "reported_text": v.num.text,
                        "reported_unit": u,
                        "decimals": v.num.decimals,
                        "source_ref": v.ref,
                        "origin": "table",
                        "table_kind": "summary",
                        "is_twin": ctx.twin,
                    }
                )
                ctx.use(v)
        ev, rv = num_of(table, got.get("executed")), num_of(table, got.get("rate"))
        if ev or rv:
            yuan, u = _money(ev, unit) if ev else (None, None)
            ctx.ex.fact_executions.append(
                base
                | {
                    "executed_yuan": yuan,
                    "reported_rate_pct": rv.value if rv else None,
                    "reported_text": ev.num.text if ev else None,
                    "reported_unit": u,
                    "decimals": ev.num.decimals if ev else None,
                    "source_ref": (ev or rv).ref,  # type: ignore[union-attr]
                    "rate_text": rv.num.text if rv else None,
                    "rate_decimals": rv.num.decimals if rv else None,
                    "rate_source_ref": rv.ref if rv else None,
                    "origin": "table",
                    "table_kind": "summary",
                    "is_twin": ctx.twin,
                }
            )
            ctx.use(ev)
            ctx.use(rv)
        sv = num_of(table, got.get("score"))
        grade = sq(got["grade"].text) if "grade" in got else ""
        if sv or grade:
            _score(ctx, pid, "total", None, sv, (sv.ref if sv else str(table.ref(got["grade"]))), grade=grade or None)
        av = num_of(table, got.get("adj_rate"))
        if av is not None:
            ctx.ignore(av.cell)
    return True


def _infer_unit(table, body, header, fields, narrative_budget_yuan) -> str:
    """No unit printed: 万元 by convention, unless the amounts only make sense in 元.

    The check compares the column total with the report's own stated budget: a project
    list whose sum in 万元 would exceed the whole unit's budget tenfold is printed in 元.
    """
    if narrative_budget_yuan:
        total = Decimal(0)
        for row in body:
            amap = align(header, row)
            for i, f in fields.items():
                if f == "adjusted" and i in amap:
                    v = num_of(table, amap[i])
                    if v is not None and not TOTAL_LABEL.match(sq(row[0].text)):
                        total += v.value
        if total * 10000 > 10 * narrative_budget_yuan:
            return "元"
    return "万元"


_NOT_SUMMED = ("seq", "code", "rate", "adj_rate", "score", "grade", "name", "unit", "reason")


def _column_values(table: Table, header: list[Cell], data_rows: list[int], col_i: int) -> list[Val]:
    out = []
    for ri in data_rows:
        v = num_of(table, align(header, table.rows[ri]).get(col_i))
        if v is not None:
            out.append(v)
    return out


def _align_total(table, header, fields, data_rows, totals: list[Val]) -> list[tuple[int, Val]]:
    """Which columns do the printed totals belong to?

    合计 rows are often printed with merged leading cells, so position alone misleads.
    Among the summable numeric columns, take the run of consecutive columns where the most
    printed totals match their column's sum; on a tie, the leftmost run.
    """
    cands = []
    for i in range(len(real_cells(header))):
        if fields.get(i) in _NOT_SUMMED:
            continue
        vals = _column_values(table, header, data_rows, i)
        if len(vals) >= max(1, len(data_rows) // 2):
            cands.append(i)
    k = len(totals)
    if not cands:
        return []
    if k > len(cands):
        totals = totals[-len(cands):]
        k = len(totals)
    best, best_score = 0, -1
    for start in range(len(cands) - k + 1):
        score = 0
        for j in range(k):
            vals = _column_values(table, header, data_rows, cands[start + j])
            s = sum(v.value for v in vals)
            half = sum(Decimal(5) * Decimal(10) ** (-(v.num.decimals + 1)) for v in vals)
            half += Decimal(5) * Decimal(10) ** (-(totals[j].num.decimals + 1))
            if abs(s - totals[j].value) <= half:
                score += 1
        if score > best_score:
            best, best_score = start, score
    return [(cands[best + j], totals[j]) for j in range(k)]


def _table_total(table: Table, ctx: Ctx, header: list[Cell], fields, total_ri: int, data_rows: list[int]) -> None:
    """A 合计 row: record, per numeric column, the printed total and the parts above it.

    The total row is often printed with merged leading cells, so its numbers are aligned
    to the numeric columns of the data rows from the left of the first amount column.
    """
    total_row = real_cells(table.rows[total_ri])
    tnums = [(c, num_of(table, c)) for c in total_row]
    tnums = [(c, v) for c, v in tnums if v is not None]
    if not tnums or not data_rows:
        return
    hcells = real_cells(header)
    pairs = _align_total(table, header, fields, data_rows, [v for _, v in tnums])
    for col_i, tv in pairs:
        parts: list[Val] = []
        for ri in data_rows:
            amap = align(header, table.rows[ri])
            v = num_of(table, amap.get(col_i))
            if v is not None:
                parts.append(v)
        if not parts:
            continue
        half = sum(Decimal(5) * Decimal(10) ** (-(p.num.decimals + 1)) for p in parts)
        ctx.ex.table_sums.append(
            {
                "document_id": ctx.document_id,
                "report_id": ctx.report_id,
                "table_index": table.index,
                "total_row": tv.cell.row,
                "col_index": tv.cell.col,
                "column_label": sq(hcells[col_i].text) if col_i < len(hcells) else None,
                "total_text": tv.num.text,
                "total_value": float(tv.value),
                "total_decimals": tv.num.decimals,
                "parts_sum": float(sum(p.value for p in parts)),
                "parts_halfwidth": float(half),
                "parts_count": len(parts),
                "first_row": parts[0].cell.row,
                "last_row": parts[-1].cell.row,
                "page": table.page,
            }
        )
        ctx.use(tv)


# --------------------------------------------------------------------------- scoring table (评价指标/分值/得分)


_SCORING_TITLE = re.compile(r"(?:\d{4}年度?)?(?P<name>[^，。；]{2,40}?项目)(?:支出)?(?:绩效)?(?:自评)?评分表")


def _scoring_subject(table: Table, ctx: Ctx, hdr_i: int) -> str | None:
    """A scoring table titled '…X项目自评评分表' scores project X, not the report."""
    texts = [table.caption] + [c.text for r in table.rows[:hdr_i] for c in real_cells(r)]
    for t in texts:
        m = _SCORING_TITLE.search(sq(t))
        if not m:
            continue
        name = re.sub(r"^.*?(?:\d{4}年度?)", "", m.group("name"))  # drop the unit and year before it
        key = project_key(name)
        for known, pid in ctx.projects_by_name.items():
            if known and (known in key or key in known or project_key(re.sub(r"项目$", "", name)) in known):
                return pid
        return _new_project(ctx, name, None, str(table.ref(table.rows[0][0])), "scoring_table")
    return None


def read_scoring(table: Table, ctx: Ctx) -> bool:
    hdr_i = _find_row(
        table,
        lambda t: any(re.search(r"分值|权重", x) for x in t)
        and any(re.search(r"得分|自评分", x) for x in t)
        and not any(stage_of(x) in ("initial", "adjusted", "executed") for x in t),
    )
    if hdr_i is None:
        return False
    project_id = _scoring_subject(table, ctx, hdr_i)
    header = real_cells(table.rows[hdr_i])
    grade_i = next((i for i, c in enumerate(header) if re.search(r"等次|等级|结论", sq(c.text))), None)
    path: list[str] = []
    seq: dict[str, int] = {}
    # A grade printed once in a merged cell beside all rows is the table's overall grade.
    overall_grade = None
    if grade_i is not None:
        grades = [sq(real_cells(r)[grade_i].text) for r in table.rows[hdr_i + 1 :]
                  if len(real_cells(r)) > grade_i and sq(real_cells(r)[grade_i].text)]
        if len(grades) == 1 and grade_rank(grades[0]):
            overall_grade, grade_i = grades[0], None
    for row in table.rows[hdr_i + 1 :]:
        cells = real_cells(row)
        texts = [sq(c.text) for c in cells]
        if not any(texts):
            continue
        vals = [(k, num_of(table, c)) for k, c in enumerate(cells)]
        nums = [(k, v) for k, v in vals if v is not None]
        labels = [(k, t) for k, t in enumerate(texts) if t and num_of(table, cells[k]) is None]
        if not nums:
            continue
        first_num = nums[0][0]
        short_labels = [t for k, t in labels if k < first_num and len(t) <= 30]
        if TOTAL_LABEL.match(texts[0]) or texts[0].startswith("总分"):
            weight = nums[0][1] if len(nums) >= 2 else None
            score = nums[-1][1]
            grade = texts[grade_i] if grade_i is not None and grade_i < len(texts) else overall_grade
            _score(ctx, project_id, "total", weight, score, score.ref, grade=grade or None)
            continue
        if short_labels:
            # Labels at the left: the last one names this row; earlier ones are parents.
            depth = len(short_labels)
            path = path[: max(0, len(path) - depth)] if len(cells) < len(header) else []
            path = (path + short_labels)[-3:]
        name = path[-1] if path else f"row{cells[0].row}"
        parent = path[-2] if len(path) >= 2 else None
        label_w = weight_in_label(name)
        if label_w is None and len(nums) == 1:
            # '项目效果(25分) | 目标实现 | … | 25': the weight sits in a parent label.
            label_w = next((w for w in (weight_in_label(x) for x in reversed(path)) if w is not None), None)
        if len(nums) >= 2:
            weight, score = nums[0][1], nums[1][1]
        elif label_w is not None:
            weight, score = None, nums[0][1]
        else:
            weight, score = nums[0][1], None
        comp = strip_weight(name)
        seq[comp] = seq.get(comp, 0) + 1
        if seq[comp] > 1:
            comp = f"{comp}#{seq[comp]}"
        grade = texts[grade_i] if grade_i is not None and grade_i < len(texts) and grade_i not in dict(nums) else None
        _score(
            ctx,
            project_id,
            comp,
            weight,
            score,
            (score or weight).ref,  # type: ignore[union-attr]
            parent=strip_weight(parent) if parent else None,
            grade=grade or None,
            weight_value=label_w,
        )
        for _k, v in nums[2:]:
            ctx.ignore(v.cell)  # further score columns (e.g. 财政复核得分)
    return True


# --------------------------------------------------------------------------- expense table by class / fund source


def read_line_items(table: Table, ctx: Ctx) -> bool:
    hdr_i = _find_row(
        table, lambda t: sum(1 for x in t if stage_of(x) in ("initial", "adjusted", "executed")) >= 1
    )
    if hdr_i is None:
        return False
    header = table.rows[hdr_i]
    hcells = real_cells(header)
    fields = {i: stage_of(c.text) for i, c in enumerate(hcells)}
    unit = _table_unit(table, ctx, [c.text for c in hcells]) or "万元"
    items = {line_item_code(real_cells(r)[0].text) for r in table.rows[hdr_i + 1 :] if real_cells(r)}
    if not items - {None, "total"}:
        return False  # only a 合计 row is known: a table of other things with a total
    found = False
    for row in table.rows[hdr_i + 1 :]:
        cells = real_cells(row)
        if not cells:
            continue
        item = line_item_code(cells[0].text)
        if item is None:
            if clean_label(cells[0].text):
                ctx.ex.unrecognised.append(
                    {
                        "document_id": ctx.document_id,
                        "report_id": ctx.report_id,
                        "source_ref": str(table.ref(cells[0])),
                        "what": "row",
                        "reason": "row label is not in the line-item vocabulary",
                        "text": cells[0].text[:200],
                    }
                )
            continue
        amap = align(header, row)
        base = {"report_id": ctx.report_id, "project_id": None, "line_item": item}
        for i, f in fields.items():
            v = num_of(table, amap.get(i)) if i in amap else None
            if v is None or f is None:
                continue
            yuan, u = _money(v, unit)
            common = {"reported_text": v.num.text, "reported_unit": u, "decimals": v.num.decimals,
                      "source_ref": v.ref, "origin": "table", "table_kind": "line_items", "is_twin": ctx.twin}
            if f in ("initial", "adjustment", "adjusted"):
                ctx.ex.fact_budgets.append(base | {"stage": f, "amount_yuan": yuan} | common)
            elif f == "executed":
                ctx.ex.fact_executions.append(
                    base | {"executed_yuan": yuan, "reported_rate_pct": None, "rate_text": None,
                            "rate_decimals": None, "rate_source_ref": None} | common
                )
            else:
                continue
            ctx.use(v)
            found = True
    return found


# --------------------------------------------------------------------------- classification tables (功能分类 / 经济分类)

_CODE = re.compile(r"^(\d{3})(\d{2})?(\d{2})?$")
_TOTAL_COLUMN = re.compile(r"^(合计|金额|小计|总计|预算数|决算数|本年支出|支出合计|年初预算|全年支出)")


def _row_code(cells: list[Cell]) -> tuple[str, int] | None:
    """The classification code of a row ('2010601', or 类/款/项 printed in three cells) and
    the index of the first cell after it."""
    parts: list[str] = []
    k = 0
    while k < len(cells) and k < 3:
        t = sq(cells[k].text)
        if not t:
            if parts:
                break
            k += 1
            continue
        if (not parts and re.fullmatch(r"\d{3}(\d{2}){0,2}", t)) or (parts and re.fullmatch(r"\d{2}", t)):
            parts.append(t)
            k += 1
            continue
        break
    code = "".join(parts)
    return (code, k) if _CODE.match(code) else None


def read_classification(table: Table, ctx: Ctx) -> bool:
    coded = [(i, rc) for i, row in enumerate(table.rows) if (rc := _row_code(real_cells(row)))]
    if len(coded) < 3:
        return False
    first = coded[0][0]
    hdr_i = next((i for i in range(first - 1, -1, -1) if any(
        _TOTAL_COLUMN.match(sq(c.text)) or stage_of(c.text) for c in real_cells(table.rows[i]))), None)
    header = real_cells(table.rows[hdr_i]) if hdr_i is not None else []
    unit = _table_unit(table, ctx, [c.text for c in header]) or "万元"
    caption = table.caption + " " + " ".join(c.text for r in table.rows[: max(first, 1)] for c in real_cells(r))
    default_stage = "executed" if ctx.report_kind == "final_accounts" or "决算" in caption else "initial"
    econ = "经济分类" in caption or "经济科目" in caption
    found = False
    for i, (code, k) in coded:
        cells = real_cells(table.rows[i])
        prefix = "econ" if econ or code[0] in "35" else "func" if code[0] == "2" else None
        if prefix is None:
            continue
        label = next((flat(c.text) for c in cells[k:] if sq(c.text) and num_of(table, c) is None), None)
        nums = [(j, num_of(table, c)) for j, c in enumerate(cells) if j >= k]
        nums = [(j, v) for j, v in nums if v is not None]
        if not nums:
            continue
        for c in cells[:k]:
            ctx.ignore(c)  # the code cells themselves
        # The first amount is the row total unless a header names the column's stage.
        for n_i, (j, v) in enumerate(nums):
            head = _header_above(header, cells[j]) if header else ""
            stage = stage_of(head) if head else None
            if stage is None and n_i == 0:
                stage = default_stage
            if stage not in ("initial", "adjustment", "adjusted", "executed"):
                continue
            yuan, u = _money(v, unit)
            common = {"report_id": ctx.report_id, "project_id": None, "line_item": f"{prefix}:{code}",
                      "reported_text": v.num.text, "reported_unit": u, "decimals": v.num.decimals,
                      "source_ref": v.ref, "origin": "table", "table_kind": "classification",
                      "is_twin": ctx.twin, "label_text": label}
            if stage == "executed":
                ctx.ex.fact_executions.append(common | {"executed_yuan": yuan, "reported_rate_pct": None,
                                                        "rate_text": None, "rate_decimals": None,
                                                        "rate_source_ref": None})
            else:
                ctx.ex.fact_budgets.append(common | {"stage": stage, "amount_yuan": yuan})
            ctx.use(v)
            found = True
    return found


def _header_above(header: list[Cell], cell: Cell) -> str:
    for h in header:
        if h.col <= cell.col < h.col + h.colspan:
            return h.text
    return ""


# --------------------------------------------------------------------------- any other table with a 合计 row


def read_generic_totals(table: Table, ctx: Ctx) -> bool:
    """A table no recogniser understood may still print 合计/小计 rows: check them against
    the rows above (back to the header or the previous total). Nothing becomes a fact."""
    found = False
    hdr_i = next((i for i, r in enumerate(table.rows) if not any(num_of(table, c) for c in real_cells(r))), None)
    if hdr_i is None:
        return False
    header = table.rows[hdr_i]
    start = hdr_i + 1
    for ri in range(start, len(table.rows)):
        cells = real_cells(table.rows[ri])
        label = next((sq(c.text) for c in cells if sq(c.text)), "")
        if not TOTAL_LABEL.match(label):
            continue
        data_rows = [i for i in range(start, ri) if any(num_of(table, c) for c in real_cells(table.rows[i]))]
        if len(data_rows) >= 2:
            before = len(ctx.ex.table_sums)
            _table_total(table, ctx, header, {}, ri, data_rows)
            found = found or len(ctx.ex.table_sums) > before
        start = ri + 1
    return found
