"""The controlled vocabulary, read from the CSV files in vocab/ (also loaded into the warehouse)."""

from __future__ import annotations

import csv
import re
from functools import cache, lru_cache

from pipeline.lexicon import either, pattern, word, words
from pipeline.normalize.money import money_unit_alternation, unit_alternation
from pipeline.normalize.text import squash
from pipeline.settings import VOCAB_DIR


def _rows(name: str) -> list[dict[str, str]]:
    with open(VOCAB_DIR / name, encoding="utf-8") as f:
        return list(csv.DictReader(f))


@cache
def line_items() -> list[dict[str, str]]:
    return _rows("line_items.csv")


@cache
def _parents() -> dict[str, str]:
    return {r["code"]: r["parent_code"] for r in line_items() if r["parent_code"]}


@cache
def dimension_of(code: str) -> str | None:
    """The dimension vocab/line_items.csv gives a line item (fund_source, expense_class …)."""
    return next((r["dimension"] for r in line_items() if r["code"] == code), None)


def is_part_of(code: str, ancestor: str) -> bool:
    """`code` lies under `ancestor` in the line_items tree (vocab/line_items.csv)."""
    seen = 0
    while code in _parents() and seen < 20:
        code = _parents()[code]
        if code == ancestor:
            return True
        seen += 1
    return False


@cache
def _synonyms() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(r["pattern"]), r["code"]) for r in _rows("line_item_synonyms.csv")]


@cache
def _stages() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(r["pattern"]), r["field"]) for r in _rows("stages.csv")]


@cache
def stage_words(field: str) -> re.Pattern[str]:
    """The header words of one stage (vocab/stages.csv) found anywhere in a text, not as a whole
    cell: a cheap test before reading a header run together with others."""
    alts = [a.lstrip("^").rstrip("$") for pat, f in _stages() if f == field for a in pat.pattern.split("|")]
    return re.compile("|".join(f"(?:{a})" for a in alts))


def table_pattern(key: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern of vocab/tables.toml, its {money} and {point} slots filled from money_units.csv."""
    return pattern(
        "tables", key, flags, money=f"(?:{money_unit_alternation()})", point=f"(?:{unit_alternation('score')})"
    )


# 其中 / 含 before a part of the row above (vocab/tables.toml).
PART_WORDS = "(?:" + either(words("tables", "labels.part")) + ")"
LEVEL_SUFFIX = word("tables", "levels.suffix")
_LEVEL_SUFFIX = re.escape(LEVEL_SUFFIX)
# Indicator levels (产出指标 › 数量指标), with or without their suffix 指标.
LEVEL1 = re.compile(rf"^({either(words('tables', 'levels.level1'))})({_LEVEL_SUFFIX})?$")
LEVEL2 = re.compile(rf"^({either(words('tables', 'levels.level2'))})({_LEVEL_SUFFIX})?$")
# The total row of a self-evaluation form (总分 100 96), and every total label of a table.
FORM_TOTAL = re.compile(rf"^({either(words('tables', 'totals.form'))})[:：]?$")
TOTAL_LABEL = re.compile(rf"^({either(words('tables', 'totals.form') + words('tables', 'totals.more'))})$")
SCORE_TOTAL = word("tables", "totals.score")
# A caption naming final accounts (决算).
FINAL_WORD = word("tables", "captions.final")

_LABEL_NOISE = re.compile(
    rf"^{PART_WORDS}[:：]?|^[（(]?[一二三四五六七八九十\d]+[)）.、．]|[（(](" + money_unit_alternation() + r")[)）]|[\s　:：]"
)


def clean_label(text: str) -> str:
    """'其中：当年财政拨款　' → '当年财政拨款'; '（一）财政拨款小计' → '财政拨款小计'."""
    s = text.replace("\n", "")
    for _ in range(3):
        s2 = _LABEL_NOISE.sub("", s)
        if s2 == s:
            break
        s = s2
    return s


def line_item_code(label: str) -> str | None:
    s = clean_label(label)
    if s.startswith(word("tables", "labels.functional")) or re.match(r"^\d{3}(\d{2}){0,2}", s):
        # A code is a 3-, 5- or 7-digit run; a bare number as label (a data cell shifted
        # into the label column, '5711' / '14032') is a code only under a known class.
        m = re.match(r"^(\d{3}(?:\d{2}){0,2})(?![\d.])", s.replace(" ", ""))
        if m and (not s.replace(" ", "").isdigit() or m.group(1)[:3] in _class_codes()):
            return f"func:{m.group(1)}"
        if m or s.replace(" ", "").isdigit():
            return None
    for pat, code in _synonyms():
        if pat.search(s):
            return code
    return None


@cache
def _class_codes() -> frozenset[str]:
    """Class codes of the functional classification (2xx) and revenue classes (101–110)."""
    return frozenset(r["code"] for r in _rows("functional_classes.csv")) | {str(c) for c in range(101, 111)}


# Whitespace, a bracketed unit ((万元), (%), (km)) and circled numbers around a stage header.
_HEADER_NOISE = re.compile(
    r"[\s　\n]|[（(](" + money_unit_alternation() + r"|%|[A-Za-z][A-Za-z/×*÷%0-9]*)[)）]|[①②③④⑤]"
)


@lru_cache(maxsize=1 << 15)
def stage_of(header: str) -> str | None:
    """The budget stage a header names (vocab/stages.csv), or None. A pure function of the text
    once the vocabulary is loaded, so remembered (~50 000 calls on a 171-page 决算, most of them
    repeats: the summary and run-together readers try every header and every word window)."""
    s = _HEADER_NOISE.sub("", header).replace("（", "(").replace("）", ")")
    for pat, field in _stages():
        if pat.search(s):
            return field
    return None


@cache
def _functional_classes() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(r["pattern"]), r["code"]) for r in _rows("functional_classes.csv")]


def functional_class_by_name(label: str) -> str | None:
    """'一、一般公共服务支出' / '社会保障和就业（类）支出' → 'func:201' (class names of the
    government functional classification; older names map to the same code)."""
    s = table_pattern("labels.class_mark").sub("", clean_label(label))
    for pat, code in _functional_classes():
        if pat.match(s):
            return f"func:{code}"
    return None


@cache
def _national_names() -> dict[tuple[str, str, str], str]:
    """(scheme, parent code, name) → code of the national 政府收支分类科目, from vocab/class_names.csv
    (names real PDFs print beside their codes); a name two codes share under one parent is left out."""
    seen: dict[tuple[str, str, str], set[str]] = {}
    for r in _rows("class_names.csv"):
        code = r["code"]
        seen.setdefault((r["scheme"], code[:-2] if len(code) > 3 else "", r["name"]), set()).add(code)
    return {key: next(iter(codes)) for key, codes in seen.items() if len(codes) == 1}


def class_key(label: str) -> str:
    """A class name as vocab/class_names.csv keeps it: half-width, no spaces, numbering or （类） mark."""
    return clean_label(table_pattern("labels.class_mark").sub("", squash(label)))


def national_class_code(scheme: str, parent: str, label: str) -> str | None:
    """The code of the class printed as `label` under `parent` ('' for a 类) in the national
    classification `scheme` ('func' or 'econ'); None when the checked names do not give exactly one."""
    return _national_names().get((scheme, parent, class_key(label)))


class ClassPath:
    """Reads class rows printed by name only (科学技术支出, then 技术研究与开发, then 科技成果转化与扩散)
    in order, giving each the code the national names give it under the 类 and 款 above it. A name
    the checked names do not place leaves the 款 unknown, so no 项 below it is placed under the 款
    before it (行政运行 is a 项 of nearly every 款): those rows stay unread until the next 款 or 类."""

    def __init__(self, scheme: str) -> None:
        self.scheme = scheme
        self.cls = self.sec = ""

    def code(self, label: str) -> str | None:
        top = functional_class_by_name(label) if self.scheme == "func" else None
        top = top[5:] if top else national_class_code(self.scheme, "", label)
        # a 类 or 款 is printed once: its name again inside it names the row under it (其他支出 229, then
        # 22999, then 2299999; 其他一般公共服务支出 20199, then 2019999)
        hits = {c for parent in (self.sec, self.cls) if parent
                and (c := national_class_code(self.scheme, parent, label)) not in (None, self.sec)}
        if top is not None and not (top == self.cls and hits):
            self.cls, self.sec = top, ""
            return top
        if len(hits) != 1:
            # a name both a 项 and a 款 might be: no code is certain
            self.sec = ""
            return None
        code = hits.pop()
        if len(code) == 5:
            self.sec = code
        return code


# Fund sources that split 财政拨款; printed under 年初结转和结余 they split the carry-over.
_FISCAL_PARTS = {"fiscal", "fiscal_current", "general_public_budget", "government_fund", "state_capital"}


class FundRows:
    """Reads fund-source row labels in order, so that '一般公共预算财政拨款' printed under
    '年初结转和结余' is known as part of the carry-over, not of this year's appropriation."""

    def __init__(self) -> None:
        self.under_carryover = False

    def code(self, label: str) -> str | None:
        item = line_item_code(label)
        if item == "carryover":
            self.under_carryover = True
        elif item in _FISCAL_PARTS and self.under_carryover:
            return None
        elif item is not None:
            self.under_carryover = False
        return item
