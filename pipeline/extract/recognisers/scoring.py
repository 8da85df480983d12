"""Scoring tables (评价指标/分值/得分): nested components, weights in labels, total."""

from __future__ import annotations

import re

from pipeline.extract.cells import (
    align,
    num_of,
    real_cells,
    sq,
    strip_weight,
    weight_in_label,
)
from pipeline.extract.recognisers.context import (
    TOTAL_LABEL,
    Ctx,
    _find_row,
    _new_project,
    _score,
)
from pipeline.extract.vocabulary import SCORE_TOTAL, stage_of, table_pattern
from pipeline.lexicon import word
from pipeline.model import Table
from pipeline.normalize.grades import grade_rank
from pipeline.normalize.names import project_key

_SCORING_TITLE = table_pattern("scoring.title")
_YEAR_PREFIX = table_pattern("scoring.year_prefix")
_PROJECT_SUFFIX = table_pattern("scoring.project_suffix")
# Any score header and any grade header (the summary table's words: one definition).
_ANY_SCORE = table_pattern("summary.score")
_GRADE_HEAD = table_pattern("summary.grade")
_DEDUCTION = word("tables", "scoring.deduction")


def _scoring_subject(table: Table, ctx: Ctx, hdr_i: int) -> str | None:
    """A scoring table titled '…X项目自评评分表' scores project X, not the report."""
    texts = [table.caption] + [c.text for r in table.rows[:hdr_i] for c in real_cells(r)]
    for t in texts:
        m = _SCORING_TITLE.search(sq(t))
        if not m:
            continue
        name = _YEAR_PREFIX.sub("", m.group("name"), count=1)  # drop the unit and year before it
        key = project_key(name)
        for known, pid in ctx.projects_by_name.items():
            if known and (known in key or key in known or project_key(_PROJECT_SUFFIX.sub("", name)) in known):
                return pid
        return _new_project(ctx, name, None, str(table.ref(table.rows[0][0])), "scoring_table")
    return None


# Weight columns hold points (分值, 权重 (分), 满分); 权重占比 is a share, not points.
_INDEX_CODE = re.compile(r"^([A-Z]\d{1,4}|\d{1,2}(?:\.\d{1,2}){1,3})(?=[\u4e00-\u9fa5])")
_WEIGHT_COL = table_pattern("scoring.weight")
_SCORE_COL = table_pattern("scoring.score")
_TARGET_COL = table_pattern("indicator_columns.target")
_ACTUAL_COL = table_pattern("indicator_columns.actual")


def read_scoring(table: Table, ctx: Ctx) -> bool:
    hdr_i = _find_row(
        table,
        lambda t: any(_WEIGHT_COL.search(x) for x in t)
        and any(_ANY_SCORE.search(x) for x in t)
        and not any(stage_of(x) in ("initial", "adjusted", "executed") for x in t)
        # An indicator block (指标值 … 实际完成值 … 分值 得分) whose own header was not read: its
        # first figures are targets and actuals, not weights and scores.
        and not (any(_TARGET_COL.search(x) for x in t) and any(_ACTUAL_COL.search(x) for x in t)),
    )
    if hdr_i is None:
        return False
    project_id = _scoring_subject(table, ctx, hdr_i)
    header = real_cells(table.rows[hdr_i])
    # Weight and score by their headers when each names one column; else by order.
    w_cols = [i for i, c in enumerate(header) if _WEIGHT_COL.search(sq(c.text))]
    s_cols = [i for i, c in enumerate(header) if _SCORE_COL.search(sq(c.text))]
    by_header = len(w_cols) == 1 and len(s_cols) == 1 and w_cols[0] < s_cols[0]
    grade_i = next((i for i, c in enumerate(header) if _GRADE_HEAD.search(sq(c.text))), None)
    path: list[str] = []
    seq: dict[str, int] = {}
    coded: list[tuple[str, str]] = []
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
        if TOTAL_LABEL.match(texts[0]) or texts[0].startswith(SCORE_TOTAL):
            amap = align(header, row)
            hw = num_of(table, amap.get(w_cols[0])) if by_header else None
            hs = num_of(table, amap.get(s_cols[0])) if by_header else None
            if hs is not None:
                weight, score = hw, hs
            else:
                pts = [(k, v) for k, v in nums if v.num.unit != "%"] or nums  # 得分率 is not a score
                weight = pts[0][1] if len(pts) >= 2 else None
                score = pts[-1][1]
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
        if by_header and len(nums) >= 2 and not any(_DEDUCTION in x for x in path):
            amap = align(header, row)
            hw, hs = num_of(table, amap.get(w_cols[0])), num_of(table, amap.get(s_cols[0]))
            if hw is not None or hs is not None:
                taken = {id(x.cell) for x in (hw, hs) if x is not None}
                nums = [(k, v) for k, v in nums if id(v.cell) not in taken]
                nums = [(-1, hw), (-1, hs)] + nums if hw is not None and hs is not None else nums
        lone_score = False
        if by_header and len(nums) == 1:
            amap = align(header, row)
            lone_score = nums[0][1].cell is amap.get(s_cols[0])
        if lone_score:
            # A score printed on a continuation row of its indicator, by its column.
            weight, score = None, nums[0][1]
            prev = next((f for f in reversed(ctx.ex.fact_scores)
                         if f["report_id"] == ctx.report_id and f["component"] == strip_weight(name)), None)
            if prev is not None and prev["score"] is None:
                ctx.use(score)
                prev.update(score=score.value, score_text=score.num.text, score_decimals=score.num.decimals,
                            source_ref=score.ref)
                continue
        elif any(_DEDUCTION in x for x in path) and len(nums) == 1:
            # 扣分项: the number is the most that can be deducted, not a score earned.
            weight, score, label_w = nums[0][1], None, None
        elif len(nums) >= 2:
            weight, score = nums[0][1], nums[1][1]
        elif label_w is not None:
            weight, score = None, nums[0][1]
        else:
            weight, score = nums[0][1], None
        comp = strip_weight(name)
        seq[comp] = seq.get(comp, 0) + 1
        if seq[comp] > 1:
            comp = f"{comp}#{seq[comp]}"
        # Index codes (A1 / A101, 1.1 / 1.1.2) nest rows printed in one column.
        if (m := _INDEX_CODE.match(sq(name))) is not None:
            code = m.group(1)
            parent = next((pc for c, pc in reversed(coded) if code != c and code.startswith(c)), parent)
            coded.append((code, comp))
        grade = texts[grade_i] if grade_i is not None and grade_i < len(texts) and grade_i not in dict(nums) else None
        _score(
            ctx,
            project_id,
            comp,
            weight,
            score,
            (score or weight).ref,  # type: ignore[union-attr]
            parent=(parent if parent in seq or "#" in (parent or "") else strip_weight(parent)) if parent else None,
            grade=grade or None,
            weight_value=label_w,
        )
        for _k, v in nums[2:]:
            ctx.ignore(v.cell)  # further score columns (e.g. 财政复核得分)
    return True
