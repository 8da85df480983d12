"""Self-evaluation tables flattened into a run of words.

Web pages, copy-paste and some text exports print the whole 项目支出绩效自评表 on one line
(or a few), cells separated by spaces: "项目名称 X 主管部门 Y … 项目资金 (万元) 年初预算数
全年预算数 全年执行数 分值 执行率 得分 年度资金总额: 90 90 89.97 10 99.97% 10 其中:本年财政拨款
… 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 产出指标 数量指标
培训人次 ≥50人次 50 8 8 … 总分 100 96". The header words tell the columns; this module
puts the words back into rows so the ordinary table recognisers can read them.

Rules are by the template's vocabulary, never by position in a particular document:
- key/value labels (项目名称, 主管部门, 实施单位 …) take the words up to the next label;
- the funding block: a row is a label followed by the numbers in it;
- an indicator row is [level words] name… target actual weight score: numbers are assigned
  from the right to the columns that hold numbers, the words before them to the rest.
"""

from __future__ import annotations

import re

from pipeline.extract.vocabulary import (
    FORM_TOTAL,
    LEVEL_SUFFIX,
    PART_WORDS,
    stage_of,
    table_pattern,
)
from pipeline.lexicon import either, pattern, pattern_text, word, words
from pipeline.normalize.money import money_unit_alternation, money_unit_names, unit_alternation
from pipeline.normalize.numbers import parse_number

_POINT = unit_alternation("score")
_KEYS = ("project_name", "competent_department", "implementing_unit")
_IND_COLUMNS = ("level1", "level2", "name", "target", "actual", "weight", "score", "reason")

_NUM = re.compile(r"^[-−－]?\d[\d,，]*(\.\d+)?%?$|^[—\-/－]$|^——$")
# Every word below is vocabulary: vocab/tables.toml (form keys, levels, totals, columns) and
# vocab/stages.csv (stage headers), read through pipeline/extract/vocabulary.py.
_KEY_LABEL = re.compile(
    "^(" + "|".join(pattern_text("tables", f"self_eval.{k}") for k in _KEYS)
    + "|" + either(words("tables", "self_eval.other_keys")) + ")[:：]?$"
)
_MONEY_STAGES = {"initial", "adjustment", "adjusted", "executed"}
_FUND_COLS = {"rate", "weight", "score"}
_FUND_LABEL = table_pattern("self_eval.fund_label")
_GOAL = table_pattern("self_eval.goal")
_GOAL_HDR = table_pattern("self_eval.goal_header")
_IND_HDR = {f: table_pattern(f"indicator_columns.{f}") for f in _IND_COLUMNS}
_WEIGHT_SUFFIX = pattern_text("tables", "levels.weighted", point=_POINT)
_L1_WORDS = words("tables", "levels.level1")
_L2_WORDS = words("tables", "levels.level2")
_L1 = re.compile(rf"^({either(_L1_WORDS)}){LEVEL_SUFFIX}({_WEIGHT_SUFFIX[:-1]})?$")
# Level-1 words that are never level-2 ones (成本 and 满意度 are both).
_L1_ONLY = re.compile(rf"^({either([w for w in _L1_WORDS if w not in _L2_WORDS])}){LEVEL_SUFFIX}")
_L2 = re.compile(rf"^({either(_L2_WORDS)}){LEVEL_SUFFIX}$")
_WEIGHTED = re.compile(_WEIGHT_SUFFIX)
_FUND_ROW = table_pattern("self_eval.fund_row")
_TOTAL = FORM_TOTAL
_REASON_WORD = table_pattern("self_eval.reason_word")
_UNIT_SUFFIX = re.compile(rf"^\(({money_unit_alternation()}|%|\d+(\.\d+)?(?:{_POINT}))\)")
_PART = re.compile(rf"^{PART_WORDS}[:：]?$")
_L1_HEAD, _L2_HEAD = word("tables", "indicator_headers.level1"), word("tables", "indicator_headers.level2")
_INDICATORS = word("tables", "self_eval.indicators")
_FUND_LABEL_DEFAULT = word("tables", "self_eval.fund_label_default")


def _is_stage(w: str) -> bool:
    return stage_of(w) in _MONEY_STAGES


def _is_fund_col(w: str) -> bool:
    return stage_of(w) in _FUND_COLS


def _tokens(text: str) -> tuple[list[str], set[int]]:
    """Words, with '(万元)'-style suffixes glued to the word before and '其中:' to the word
    after, and the indices of words that begin a printed line (row boundaries, when known)."""
    out: list[str] = []
    breaks: set[int] = set()
    for line in text.replace("（", "(").replace("）", ")").split("\n"):
        start = True
        for w in line.split():
            if out and _UNIT_SUFFIX.match(w):
                out[-1] += w
            elif out and _PART.match(out[-1]):
                out[-1] += w
            else:
                if start and out:
                    breaks.add(len(out))
                out.append(w)
            start = False
    return out, breaks


_MONEY_UNITS = frozenset(money_unit_names())


_HAN_WORD = re.compile(r"^[\u4e00-\u9fff]{1,4}$")


def _join_cut_headers(tokens: list[str], breaks: set[int]) -> tuple[list[str], set[int]]:
    """A stage header a PDF cell wrapped and the flattening cut at the wrap ('年初 预算数',
    '全年 执行数'): two words that make a stage or fund column together while the first alone
    does not are one word."""
    out: list[str] = []
    kept: set[int] = set()
    k = 0
    while k < len(tokens):
        w = tokens[k]
        if (k + 1 < len(tokens) and _HAN_WORD.match(w) and not (_is_stage(w) or _is_fund_col(w))
                and (_is_stage(w + tokens[k + 1]) or _is_fund_col(w + tokens[k + 1]))):
            w, step = w + tokens[k + 1], 2
        else:
            step = 1
        if k in breaks:
            kept.add(len(out))
        out.append(w)
        k += step
    return out, kept


def is_cell_figure(w: str) -> bool:
    """A cell's figure, bare or with the money unit a cell may print (150万, 125.25万元)."""
    if _NUM.match(w):
        return True
    n = parse_number(w) if w[:1].isdigit() else None
    return n is not None and n.unit in _MONEY_UNITS


def _level_of(tokens: list[str], i: int, have_l1: bool) -> str | None:
    """'level1', 'level2' or None for the word at i. 成本指标 and 满意度指标 are level-1 headings
    in some templates and level-2 in others: level 1 when weighted or followed by a level word."""
    w = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    if _L1_ONLY.match(w):
        return "level1"
    if _L1.match(w) and (_WEIGHTED.search(w) or _L2.match(nxt) or (_L1.match(nxt) and not have_l1)):
        return "level1"
    if _L2.match(w):
        return "level2"
    return None


def _find_fund_header(tokens: list[str]) -> tuple[int, int] | None:
    """[start, end) of the stage header words (年初预算数 全年预算数 全年执行数 分值 执行率 得分)."""
    for i, w in enumerate(tokens):
        if not _is_stage(w):
            continue
        j = i
        while j < len(tokens) and (_is_stage(tokens[j]) or _is_fund_col(tokens[j])):
            j += 1
        if sum(1 for w in tokens[i:j] if _is_stage(w)) >= 2:
            return i, j
    return None


def _find_ind_header(tokens: list[str], start: int) -> tuple[int, int, list[str]] | None:
    for i in range(start, len(tokens) - 2):
        if tokens[i] == _L1_HEAD and tokens[i + 1] == _L2_HEAD:
            j, fields = i, []
            while j < len(tokens):
                f = next((f for f, p in _IND_HDR.items() if p.search(tokens[j])), None)
                if f is None or f in fields:
                    break
                fields.append(f)
                j += 1
            if "name" in fields and ("target" in fields or "actual" in fields):
                return i, j, fields
    return None


def unflatten(text: str) -> tuple[str, list[list[str]], str] | None:
    """Split a flattened self-evaluation table out of `text`: (text before, rows, text after),
    or None when the words do not hold one."""
    if len(text) < 40:
        return None
    tokens, breaks = _join_cut_headers(*_tokens(text))
    fund = _find_fund_header(tokens)
    ind = _find_ind_header(tokens, fund[1] if fund else 0)
    if fund is None and ind is None:
        return None
    first = fund[0] if fund else ind[0]  # type: ignore[index]
    if fund and first > 0 and _FUND_LABEL.match(tokens[first - 1]):
        first -= 1
    # Key/value rows before the funding block; words before the first label are the prefix.
    k0 = next((k for k in range(first) if _KEY_LABEL.match(tokens[k])), first)
    prefix = " ".join(tokens[:k0])
    rows: list[list[str]] = []
    k = k0
    while k < first:
        j = k + 1
        while j < first and not _KEY_LABEL.match(tokens[j]):
            j += 1
        rows.append([tokens[k], " ".join(tokens[k + 1 : j])])
        k = j
    pos = first
    if fund:
        n_before = len(rows)
        pos = _funding_rows(tokens, first, fund, ind, rows)
        if ind is None and not any(_FUND_ROW.search(r[0]) for r in rows[n_before + 1 :]):
            return None  # stage words without fund-source rows: some other table
        if _dropped_cells(rows[n_before:]):
            # Where the dropped cells were is unknown: the block and what follows stay text,
            # for the template engine's cell stream to weigh the readings; the key rows stay.
            del rows[n_before:]
            return (prefix, rows, " ".join(tokens[first:])) if len(rows) >= 2 else None
    if ind:
        pos = _goal_rows(tokens, pos, ind[0], rows)
        n_before = len(rows)
        pos, starts = _indicator_rows(tokens, breaks, ind, rows)
        if not _plausible(rows[n_before + 1 :], ind[2], line_mode=bool(breaks), starts=starts):
            # A layout these rules do not know (e.g. a header printed on two lines): leave
            # the words as text rather than invent indicators.
            del rows[n_before:]
            pos = ind[0]
    if len(rows) < 2:
        return None
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    return prefix, rows, " ".join(tokens[pos:])


def _funding_rows(
    tokens: list[str], first: int, fund: tuple[int, int], ind: tuple[int, int, list[str]] | None, rows: list[list[str]]
) -> int:
    hs, he = fund
    label = tokens[first] if first < hs else _FUND_LABEL_DEFAULT
    rows.append([label, *tokens[hs:he]])
    ncols = he - hs
    end = ind[0] if ind else len(tokens)
    k = he
    while k < end:
        w = tokens[k]
        if _GOAL.match(w) or w == _INDICATORS or _TOTAL.match(w) and rows[-1][0] != label:
            break
        if is_cell_figure(w):  # a number without a label of its own: keep it in the row above
            rows[-1].append(w)
            k += 1
            continue
        if (kv := _LABEL_FIGURE.match(w)) is not None and is_cell_figure(kv.group(2)):
            rows.append([kv.group(1), kv.group(2)])  # 其中:一般公共预算:1873.66万元 — a label and its figure
            k += 1
            continue
        j = k + 1
        while j < end and is_cell_figure(tokens[j]) and j - k <= ncols:
            j += 1
        rows.append([w, *tokens[k + 1 : j]])
        k = j
    return k


# A word holding a label and its figure after a colon (项目支出:2985.5万元).
_LABEL_FIGURE = re.compile(r"^(.*[^\d:：])[:：]([-−]?\d[\d,]*(?:\.\d+)?\D{0,2})$")


def _dropped_cells(rows: list[list[str]]) -> bool:
    """The block's first row (年度资金总额) prints figures, but fewer than the header has columns:
    the rendering dropped empty cells (one cell per line, a flattened line), so a figure's column
    is not its position (32.4 | 31.69 | 10 | 97.80% | 9 under 年初预算数 … 得分 is 全年预算数 …)."""
    if len(rows) < 2:
        return False
    ncols = len(rows[0]) - 1
    figures = sum(1 for w in rows[1][1:] if is_cell_figure(w))
    return 0 < figures < ncols


def _goal_rows(tokens: list[str], pos: int, ind_start: int, rows: list[list[str]]) -> int:
    """年度总体目标 / 预期目标 / 实际完成情况 and the two texts, when printed before the indicators."""
    words = tokens[pos:ind_start]
    if words and words[-1] == _INDICATORS:
        words = words[:-1]
    if not words:
        return ind_start
    head = [words.pop(0)] if _GOAL.match(words[0]) else []
    while words and _GOAL_HDR.match(words[0]):
        head.append(words.pop(0))
    if head:
        rows.append(head)
    if words:
        rows.append(["", *words] if len(words) == 2 else ["", " ".join(words)])
    return ind_start


def _plausible(rows: list[list[str]], fields: list[str], line_mode: bool, starts: list[bool]) -> bool:
    col = {f: i for i, f in enumerate(fields)}
    body = [r for r in rows if not _TOTAL.match(r[0])]
    if not body:
        return False
    if line_mode and not all(starts):
        return False  # one printed row gave several: the columns were not understood
    def complete(r: list[str]) -> bool:
        has_name = "name" in col and r[col["name"]]
        has_value = any(r[col[f]] for f in ("target", "actual") if f in col)
        has_score = any(r[col[f]] for f in ("weight", "score") if f in col) or not ({"weight", "score"} & set(col))
        return bool(has_name and has_value and has_score)
    named = [r for r in body if "name" in col and r[col["name"]]]
    return bool(named) and sum(map(complete, named)) >= 0.7 * len(named)


def _indicator_rows(
    tokens: list[str], breaks: set[int], ind: tuple[int, int, list[str]], rows: list[list[str]]
) -> tuple[int, list[bool]]:
    """Indicator rows appended to `rows`; returns the next word's index and, per row, whether
    it began a printed line (always true when the line breaks are unknown)."""
    hs, he, fields = ind
    rows.append(tokens[hs:he])
    col = {f: i for i, f in enumerate(fields)}
    value_fields = [f for f in fields if f not in ("level1", "level2", "name", "reason")]
    numeric_tail = [f for f in value_fields if f in ("actual", "weight", "score")]
    min_run = sum(1 for f in ("weight", "score") if f in fields) or 1
    k, have_l1 = he, False
    starts: list[bool] = []
    while k < len(tokens):
        if _TOTAL.match(tokens[k]):
            j = k + 1
            while j < len(tokens) and is_cell_figure(tokens[j]):
                j += 1
            nums = tokens[k + 1 : j]
            row = [""] * len(fields)
            row[0] = tokens[k]
            for f, v in zip(reversed([f for f in ("weight", "score") if f in col]), reversed(nums), strict=False):
                row[col[f]] = v
            rows.append(row)
            return j, starts
        row = [""] * len(fields)
        row_start = k
        while k < len(tokens) and (lv := _level_of(tokens, k, have_l1)):
            if lv in col:
                row[col[lv]] = tokens[k]
            have_l1 = have_l1 or lv == "level1"
            k += 1
        # The row runs to the end of the first run of numbers long enough to hold its weight
        # and score (a shorter run is a numeric target or actual: "100% 达成预期 10 10"), or
        # to the end of the printed line.
        j = k
        while True:
            while j < len(tokens) and not is_cell_figure(tokens[j]) and not _TOTAL.match(tokens[j]) \
                    and _level_of(tokens, j, have_l1) is None and not (j > k and j in breaks):
                j += 1
            r = j
            while r < len(tokens) and is_cell_figure(tokens[r]) and not (r > j and r in breaks):
                r += 1
            ends = r >= len(tokens) or r in breaks or _TOTAL.match(tokens[r]) or _level_of(tokens, r, have_l1)
            if r - j >= min_run or r == j or ends:
                break
            j = r  # too short: part of the row's words
        words, nums = tokens[k:j], tokens[j:r]
        if not words and not nums:
            if any(row):
                rows.append(row)
            continue
        # Numbers fill the numeric columns from the right; words fill what is left.
        fill = list(zip(reversed(numeric_tail), reversed(nums), strict=False))
        extra = nums[: max(0, len(nums) - len(numeric_tail))]
        left = [f for f in value_fields if f not in {f for f, _ in fill}]
        words = words + extra
        for f in reversed(left):
            if len(words) <= 1:
                break
            row[col[f]] = words.pop()
        if "name" in col:
            row[col["name"]] = " ".join(words)
        for f, v in fill:
            row[col[f]] = v
        # After the score: the rest of the printed line, or one word that reads as a reason.
        tail = r
        while tail < len(tokens) and tail not in breaks and breaks:
            tail += 1
        if any(is_cell_figure(w) or _TOTAL.match(w) or _L1.match(w) or _L2.match(w) for w in tokens[r:tail]):
            tail = r  # the line goes on with more rows: it is not a row per line
        if tail == r and r < len(tokens) and _REASON_WORD.search(tokens[r]) and not _TOTAL.match(tokens[r]) \
                and _level_of(tokens, r, have_l1) is None and len(tokens[r]) <= 40:
            tail = r + 1
        if "reason" in col and tail > r:
            row[col["reason"]] = " ".join(tokens[r:tail])
            r = tail
        rows.append(row)
        starts.append(row_start in breaks or row_start == he or not breaks)
        k = r
    return k, starts


_HEADING = pattern("layout", "headings.flat_table")


def _is_prose(line: str) -> bool:
    s = line.strip()
    return len(s) > 60 and " " not in s or bool(_HEADING.match(s))


def gather_rows(lines: list[str], i: int) -> tuple[str, list[list[str]], str, int] | None:
    """The template printed one row per line with spaces between cells: from line i, take
    lines up to the total row (总分 …) or the first heading or paragraph of prose, and
    unflatten their words. Only when the lines hold the template's own labels (项目名称 /
    主管部门 or 一级指标 二级指标), so ordinary space-separated tables keep their reader.
    Returns (text before, rows, text after, index of the next line)."""
    first, _ = _tokens(lines[i])
    if not first or not (_KEY_LABEL.match(first[0]) or _L1_HEAD in first or _find_fund_header(first)):
        return None
    j, saw_ind, saw_key = i, False, False
    while j < len(lines) and j - i < 200:
        s = lines[j].strip()
        if j > i and (s and _is_prose(s) or lines[j].startswith("\t") or s.startswith("|")):
            break
        words, _ = _tokens(s)
        saw_key = saw_key or bool(words and _KEY_LABEL.match(words[0]))
        saw_ind = saw_ind or _L1_HEAD in words
        j += 1
        if saw_ind and any(_TOTAL.match(w) for w in words):
            break
        if j - i >= 8 and not (saw_key or saw_ind):
            return None
    if not (saw_ind or saw_key) or j - i < 3:
        return None
    found = unflatten("\n".join(lines[i:j]))
    if found is None:
        return None
    prefix, rows, suffix = found
    return prefix, rows, suffix, j

