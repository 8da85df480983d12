"""Money figures stated in running text, read by one grammar over the vocabulary.

A paragraph is cut into sentences; each money figure (a number with a money unit) gets a
*label*: the words of its clause before it. The vocabulary (vocab/statements.toml,
vocab/statement_items.csv) decides from the label what the figure is:

- a level: budget (initial/adjusted), allocation (下达/到位), execution, income — with the
  line item it is about (三公经费, 基本支出, 本年收入合计, 中央 share, …);
- a change (比上年减少 X万元) with its stated percentage, kept with the level it qualifies;
- an estimate, a bound or a per-unit standard: not an amount, skipped.

Rates (执行率 X%, 完成预算的 X%) join the executed figure before them. Parts listed after
其中/包括 name the figure they belong to. Nothing here knows a word: the words are data.
"""

from __future__ import annotations

import csv
import re
import tomllib
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path

from pipeline.lexicon import entry, word
from pipeline.normalize.money import unit_alternation
from pipeline.normalize.text import to_halfwidth

# a percentage followed at once by another (…23.51%、38.28%): a list of them
_PCT_LIST_NEXT = re.compile(r"\s*[、,]\s*\d[\d.]*\s*%")
# a bracketed aside ending a rate's label ("为预算的(包括本级预算和上级专项)69.5%"): what the
# budget covers, not part of the wording that makes the percentage a rate
_ASIDE_TAIL = re.compile(r"[(（][^()（）\d%％]{1,30}[)）]\s*$")
# …or inside it: '为调整预算(以下简称“预算”)的97.9%' names the rate without its aside
_ASIDE = re.compile(r"[(（][^()（）\d%％]{1,30}[)）]")
# …or joined by a word (133.1%和43.7%): any character but a digit, a percent or a clause break
_PCT_JOINED_NEXT = re.compile(r"\s*[^\d%。；;，,]{1,2}\s*\d[\d.]*\s*%")

VOCAB = Path(__file__).resolve().parents[2] / "vocab"


@dataclass(frozen=True)
class Grammar:
    units: dict[str, int]
    bare: frozenset[str]
    bare_needs: tuple[str, ...]
    breaks: str
    item_breaks: str
    change_before: tuple[str, ...]
    change_pattern: re.Pattern[str]
    change_start: re.Pattern[str]
    other_basis: tuple[str, ...]
    reason_words: tuple[str, ...]
    budget_base: tuple[str, ...]
    prior_period: re.Pattern[str]
    prior_growth: tuple[str, ...]
    unitless_list: re.Pattern[str]
    unspent_before: tuple[str, ...]
    carried_in: re.Pattern[str]
    returned_words: tuple[str, ...]
    to_date: tuple[str, ...]
    to_date_months: re.Pattern[str]
    list_announced: tuple[str, ...]
    list_item_end: tuple[str, ...]
    balance_before: re.Pattern[str]
    allocation: re.Pattern[str]
    prior_before: re.Pattern[str]
    budget_compared: re.Pattern[str]
    prior_named: re.Pattern[str]
    respectively: tuple[str, ...]
    over_budget: tuple[str, ...]
    relief_before: re.Pattern[str]
    statistic: re.Pattern[str]
    both_directions: re.Pattern[str]
    budget_gap: re.Pattern[str]
    outcome_items: frozenset[str]
    joiners: tuple[str, ...]
    year_glue: str
    approx_before: tuple[str, ...]
    approx_after: tuple[str, ...]
    standard_words: tuple[str, ...]
    target_clause: tuple[str, ...]
    covered_words: tuple[str, ...]
    standard_not: tuple[str, ...]
    measures: tuple[tuple[str, tuple[str, ...]], ...]
    sum_words: tuple[str, ...]
    sum_verbs: tuple[str, ...]  # a sum word before one of these still sums (共计下达)
    rate_words: tuple[str, ...]
    rate_not: tuple[str, ...]
    rate_named_base: tuple[tuple[str, tuple[str, ...]], ...]
    rate_patterns: tuple[re.Pattern[str], ...]
    rate_after_figure: re.Pattern[str]
    rate_change_words: tuple[str, ...]
    standalone_rate_words: tuple[str, ...]
    kind_measures: frozenset[str]
    measure_tails: tuple[str, ...]
    threshold_before: tuple[str, ...]
    cell_target_before: tuple[str, ...]
    part_words: tuple[str, ...]
    part_closers: tuple[str, ...]
    part_after: tuple[str, ...]
    announced_parts: re.Pattern[str]
    name_splitters: re.Pattern[str]
    count_words: dict[str, int]
    name_verbs: tuple[str, ...]
    share_words: tuple[str, ...]
    share_tier: re.Pattern[str]
    share_trim: tuple[str, ...]
    share_keep: tuple[str, ...]
    items: tuple[tuple[re.Pattern[str], str, bool], ...]
    generic_items: frozenset[str]
    neutral: tuple[str, ...]
    attributive: re.Pattern[str]
    figure: re.Pattern[str]
    percent: re.Pattern[str]
    project_subject: re.Pattern[str]
    counted: re.Pattern[str]
    year: re.Pattern[str]
    prior_marker: re.Pattern[str]
    as_of: re.Pattern[str]
    class_path: re.Pattern[str]
    class_mark: re.Pattern[str]
    prior_then_rate: re.Pattern[str]
    self_words: tuple[str, ...]
    label_tail: str
    damaged_before: str
    document_number_open: str  # a figure right after one of these is run into a document number
    comparison_only: re.Pattern[str]  # a change's clause words that name no item (同比, 较上年, 比预算)
    flows: tuple[str, ...]  # 收入, 支出: the flow a change's clause names picks its level
    bare_noise: re.Pattern[str]
    project_word: str
    report_stage: dict
    outline: re.Pattern[str]
    family: dict[str, frozenset[str]]  # line item → every item a partition of it may list
    up: tuple[str, ...]
    down: tuple[str, ...]


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    cfg = tomllib.loads((VOCAB / "statements.toml").read_text(encoding="utf-8"))
    glue = cfg["glue"]
    mu = dict(cfg["money_units"])
    bare = frozenset(mu.pop("bare", []))
    bare_needs = tuple(mu.pop("bare_needs", []))
    units = {k: int(v) for k, v in mu.items()}
    bare_after = glue["bare_unit_after"].replace("{measures}", unit_alternation("measure"))
    alt = "|".join(
        re.escape(u) + (bare_after if u in bare else "") for u in sorted(units, key=len, reverse=True)
    )
    # "实际到位资金(万元)84.74": the unit printed in brackets before the figure (a label cell).
    money = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True) if u not in bare)
    changes = "|".join(re.escape(w) for w in sorted(cfg["exclude"]["change_before"], key=len, reverse=True))
    # "1, 537.4万元": a converter set a space after the thousands comma (only with decimals: "3, 100"
    # may be a list)
    number = r"(?<![\d.])(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:, \d{3})+\.\d+|\d+(?:\.\d+)?)"
    with (VOCAB / "statement_items.csv").open(encoding="utf-8") as f:
        items = tuple((re.compile(r["pattern"]), r["code"], bool(r["generic"])) for r in csv.DictReader(f))
    ex, rate = cfg["exclude"], cfg["rate"]
    return Grammar(
        flows=tuple(cfg["direction"]["flows"]),
        units=units, bare=bare, bare_needs=bare_needs, breaks=cfg["clause"]["breaks"], item_breaks=cfg["clause"]["items"],
        change_before=tuple(ex["change_before"]), change_pattern=re.compile(ex["change_pattern"]), change_start=re.compile(ex["change_start"]),
        other_basis=tuple(ex["other_basis"]), reason_words=tuple(ex["reason_words"]),
        budget_base=tuple(ex["budget_base"]), prior_period=re.compile(ex["prior_period"]), prior_growth=tuple(ex["prior_growth"]),
        unitless_list=re.compile(ex["unitless_list"]), unspent_before=tuple(ex["unspent_before"]),
        carried_in=re.compile(ex["carried_in"]),
        returned_words=tuple(ex["returned_words"]), to_date=tuple(cfg["to_date"]["words"]),
        to_date_months=re.compile(cfg["to_date"]["months"]),
        list_announced=tuple(cfg["to_date"]["list_announced"]), list_item_end=tuple(cfg["to_date"]["list_item_end"]), balance_before=re.compile(ex["balance_before"]),
        allocation=re.compile(cfg["allocation"]["pattern"]), prior_before=re.compile(ex["prior_before"]),
        budget_compared=re.compile(ex["budget_compared"]),
        prior_named=re.compile(ex["prior_named"]), respectively=tuple(ex["respectively"]), over_budget=tuple(ex["over_budget"]),
        relief_before=re.compile(ex["relief_before"]), statistic=re.compile(ex["statistic"]), both_directions=re.compile(ex["both_directions"]),
        budget_gap=re.compile(ex["budget_gap"]),
        outcome_items=frozenset(cfg["outcome"]["items"]),
        joiners=tuple(ex["joiners"]),
        year_glue=ex["year_glue"], approx_before=tuple(ex["approx_before"]),
        approx_after=tuple(ex["approx_after"]), standard_words=tuple(ex["standard_words"]),
        target_clause=tuple(ex["target_clause"]),
        covered_words=tuple(ex["covered_words"]),
        standard_not=tuple(ex.get("standard_not", ())),
        measures=tuple((m["name"], tuple(m["words"])) for m in cfg["measure"]),
        sum_words=tuple(cfg["sum"]["words"]), sum_verbs=tuple(cfg["sum"].get("verbs_after", ())), rate_words=tuple(rate["words"]), rate_not=tuple(rate["not_words"]),
        rate_named_base=tuple((st, tuple(ws)) for st, ws in rate.get("named_base", {}).items()),
        rate_patterns=tuple(re.compile(p) for p in rate.get("patterns", [])),
        rate_after_figure=re.compile(rate["after_figure"]),
        rate_change_words=tuple(rate["change_words"]), standalone_rate_words=tuple(rate["standalone_words"]),
        threshold_before=tuple(rate["threshold_before"]) + tuple(rate.get("formula_before", ())),
        cell_target_before=tuple(cfg["cells"]["target_before"]),
        kind_measures=frozenset(m["name"] for m in cfg["measure"] if m.get("kind_of_money")),
        measure_tails=tuple(cfg["measure_tail"]["words"]),
        part_words=tuple(cfg["parts"]["words"]), part_closers=tuple(cfg["parts"]["closers"]),
        part_after=tuple(cfg["parts"]["after_figure"]),
        announced_parts=re.compile(cfg["parts"]["announced"]),
        name_splitters=re.compile("|".join(map(re.escape, cfg["parts"]["name_splitters"]))),
        count_words=dict(cfg["parts"]["count_words"]),
        name_verbs=tuple(cfg["parts"]["name_verbs"]),
        share_words=tuple(cfg["share"]["words"]), share_trim=tuple(cfg["share"]["trim"]),
        share_keep=tuple(cfg["share"].get("keep", ())), share_tier=re.compile(cfg["share"]["tier"]), items=items,
        generic_items=frozenset(code for _p, code, generic in items if generic),
        neutral=tuple(cfg["neutral"]["words"]),
        attributive=re.compile(rf"{cfg['neutral']['attributive']}(?=.*(?:{'|'.join(cfg['neutral']['words'])}))"),
        # a figure printed without its unit right before a bracket listing its parts in one
        # ("全区执行数1032849.44(含中央资金689139.31万元,…)") is in that unit
        # "支出70,734,万元": a stray comma between a figure and its unit (never a clause break: no clause
        # starts with a unit)
        figure=re.compile(rf"{number}\s*(?:{glue['stray_before_unit']}\s*)?(?P<u>{alt})|[(（](?P<bu>{money})[)）]\s*{number.replace('?P<n>', '?P<bn>')}{glue['bracket_number_after']}"
                          rf"|[(（](?P<ku>{money})[)）]{number.replace('?P<n>', '?P<kn>')}\s*\Z"
                          rf"|{number.replace('?P<n>', '?P<ln>')}(?=[(（](?:{'|'.join(cfg['parts']['words'])})[^()（）\d]{{0,20}}"
                          rf"\d[\d,]*(?:\.\d+)?\s*(?P<lu>{money}))"
                          # "较上年2.08减少0.03万元": an earlier figure printed without its unit right
                          # before the change, in the change's unit (kept only after a comparison)
                          rf"|{number.replace('?P<n>', '?P<pn>')}"
                          rf"{glue['prior_number_after'].replace('{changes}', changes).replace('{money}', money)}"),
        percent=re.compile(rf"{number}\s*(?P<u>%|％)"),
        project_subject=re.compile(cfg["subject"]["project"]), counted=re.compile(cfg["subject"]["counted"]),
        year=re.compile(cfg["subject"]["year"]), prior_marker=re.compile(cfg["subject"]["prior_marker"]),
        as_of=re.compile(cfg["subject"]["as_of"]),
        class_path=re.compile(cfg["subject"]["class_path"]), class_mark=re.compile(cfg["subject"]["class_mark"]),
        prior_then_rate=re.compile(glue["prior_then_rate"].replace("{changes}", changes)),
        self_words=tuple(cfg["subject"]["self_words"]), label_tail=glue["label_tail"], damaged_before=glue["damaged_before"],
        document_number_open=glue["document_number_open"],
        comparison_only=re.compile("|".join([ex["prior_period"], *map(re.escape, (*ex["comparison_words"], *ex["budget_base"]))])),
        bare_noise=re.compile(glue["bare_noise"]), project_word=glue["project_word"],
        report_stage=cfg["report_stage"],
        outline=re.compile(cfg["lines"]["outline_start"]),
        family=_families(),
        up=tuple(cfg["direction"]["up"]), down=tuple(cfg["direction"]["down"]),
    )


def partitions() -> list[tuple[str, frozenset[str]]]:
    """(whole, parts) from vocab/statement_partitions.csv: the parts that add up to the whole."""
    with (VOCAB / "statement_partitions.csv").open(encoding="utf-8") as f:
        return [(r["whole"], frozenset(r["parts"].split())) for r in csv.DictReader(f)]


@lru_cache(maxsize=1)
def complete_partitions() -> frozenset[tuple[str, frozenset[str]]]:
    """(whole, parts) of the partitions vocab/statement_partitions.csv marks complete."""
    with (VOCAB / "statement_partitions.csv").open(encoding="utf-8") as f:
        return frozenset((r["whole"], frozenset(r["parts"].split())) for r in csv.DictReader(f)
                         if r["complete"] == "yes")


def _families() -> dict[str, frozenset[str]]:
    fam: dict[str, set[str]] = {}
    for whole, parts in partitions():
        fam.setdefault(whole, set()).update(parts)
    return {k: frozenset(v) for k, v in fam.items()}


@dataclass
class Statement:
    """One money figure with what the text says it is."""

    value: Decimal  # as printed, in its unit
    unit: str
    factor: int
    decimals: int
    printed: str
    start: int
    end: int
    label: str  # the clause words before it
    measure: str  # initial | adjusted | allocated | executed | income
    measure_said: bool  # False when inherited from the sentence or the report
    line_item: str  # a code of vocab/line_items.csv, or 'stated' (label kept)
    item_label: str  # the words that named the line item
    sentence: int
    part_of: Statement | None = None  # the figure it is listed under (其中…)
    project: str | None = None  # the project the sentence is about, when its subject is one
    rate: tuple[Decimal, str, int, int, int] | None = None  # value, printed, decimals, start, end
    rate_base: Statement | None = None  # the budget level the rate is stated against
    rate_elsewhere: bool = False  # its rate is measured against a budget stated in another sentence
    period: str = "current"  # 'prior' for the earlier figure a level is compared with
    prior: Statement | None = None  # that earlier figure, when printed
    share: tuple | None = None  # (whole, value, printed, decimals, start, end): 占 X% of whole
    # (line item, name as printed, value, printed, decimals, start, end): 占 X% of a whole the
    # text names but whose level it does not state (占一般公共预算支出的84.06%)
    share_of_named: tuple | None = None
    is_rate_base: bool = False  # the budget a stated rate was measured against
    cells_run: bool = False  # followed at once by another figure: table cells run together
    year: int | None = None  # the year its sentence speaks of (2021年度…), when it says one
    ref: str | None = None  # set by the caller once the figure is placed (source_ref)
    level_of: Statement | None = None  # for an earlier period's figure: the level it is the prior of
    parts_complete: bool = False  # its 其中 list names every part the text announced (主要有A、B二类支出)
    # a percentage change printed before its amount (同比增长10.85%,增收2,798万元): (direction, pct),
    # waiting for that amount in the same clause run
    pending_pct: tuple[int, tuple[Decimal, str, int, int, int]] | None = None
    in_reason: bool = False  # stated inside the reason for a change (…增长的主要原因是:…新增补助25万元)

    @property
    def yuan(self) -> Decimal:
        return (self.value * self.factor).quantize(Decimal("0.01"))


@dataclass
class Change:
    """比上年减少 X万元，下降 Y%: a change of `level` against an earlier figure (not printed)."""

    level: Statement
    direction: int  # +1 up, -1 down
    word: str
    value: Decimal | None  # None: no change amount printed (the earlier figure is)
    printed: str
    unit: str
    factor: int
    decimals: int
    start: int
    end: int
    pct: tuple[Decimal, str, int, int, int] | None = None  # value, printed, decimals, start, end
    base: str = "prior"  # what it is measured against: the earlier period, or the budget (比预算数减少)
    group: int = 0  # changes listed "respectively" (分别减少X和Y) share a number: paired with levels in order
    against: Statement | None = None  # the budget printed as what it is compared with (较预算数339万元减少…)


@dataclass
class Share:
    """占 X%: `part` as a share of `whole` (named after 占, else the figure it is listed under)."""

    part: Statement
    whole: Statement
    value: Decimal
    printed: str
    decimals: int
    start: int
    end: int


@dataclass
class Rate:
    value: Decimal
    printed: str
    decimals: int
    start: int
    end: int
    label: str
    sentence: int
    joined: bool = False  # True when it became the rate of a stated level


_PENDING_GAP = re.compile(r"[\s%,，、]")


def listed_project(text: str) -> str | None:
    """The project a numbered paragraph opens with ("1、哈拉布拉乡…农田道路建设项目,铺建…"), or None
    (a heading such as "1.项目基本情况" names none)."""
    t = to_halfwidth(text)
    n = _LIST_NUMBER.match(t)
    m = _listed_name().match(t[n.end():].lstrip()) if n else None
    if m is None:
        return None
    # a rule's wording ("4.50万元以上的新增项目…", "5.如项目为新建信息化项目,…") is no name: it holds
    # figures, or the project word before its end
    name = m.group("name").strip()
    w = word("narrative", "projects.word")
    return None if re.search(r"\d", name) or w in name[: -len(w)] else name


_LIST_NUMBER = re.compile(r"^\s*[(]?\d{1,2}[).、．]")


@cache
def _listed_name() -> re.Pattern[str]:
    # the name runs to the first project word followed by a comma ("…村内干道,巷道路面硬化建设项目,
    # 哈拉布拉乡…": a name may hold one), at least four characters before it
    w = re.escape(word("narrative", "projects.word"))
    return re.compile(rf"^(?P<name>[^。；;:：]{{4,60}}?{w})(?=[,，、])")


def _listed_by_word(whole: Statement, sent: str, a: int, m: re.Match, opens: bool, si: int, g: Grammar) -> bool:
    """A part word (其中, 包括) opened the list the figure at `m` is in, after `whole` in its sentence
    or at the sentence's start (…3328万元。其中,…), not a bracket."""
    if whole.sentence != si:
        return opens
    return any(w in sent[max(0, whole.end - a) : m.start()] for w in g.part_words)


def _to_date(text: str, g: Grammar) -> bool:
    """The text speaks of a part of the year gone by (上半年, 1-6月)."""
    return any(w in text for w in g.to_date) or bool(g.to_date_months.search(text))


def _decimals(s: str) -> int:
    return len(s.split(".")[1]) if "." in s else 0


def _ends_with(label: str, words: tuple[str, ...]) -> bool:
    lab = label.rstrip(grammar().label_tail)
    return any(lab.endswith(w) for w in words)


def _without(label: str, words: tuple[str, ...]) -> str:
    for w in words:
        label = label.replace(w, " ")
    return label


def _nearest(label: str, words: tuple[str, ...]) -> tuple[int, str] | None:
    """The word of `words` that ends nearest the end of label: (end position, word)."""
    best: tuple[int, str] | None = None
    for w in words:
        i = label.rfind(w)
        if i >= 0 and (best is None or i + len(w) > best[0] or (i + len(w) == best[0] and len(w) > len(best[1]))):
            best = (i + len(w), w)
    return best


def _mask_items(label: str, g: Grammar) -> str:
    """The label with every specific line item's words blanked (same length): 一般公共预算
    names a fund, it does not say at which stage a figure is."""
    chars = list(label)
    for pat, _code, generic in g.items:
        if generic:
            continue  # 支出决算, 预算收入: the stage word is part of the total's name
        for m in pat.finditer(label):
            chars[m.start() : m.end()] = "\x00" * (m.end() - m.start())
    return "".join(chars)


def _measure_of(label: str, g: Grammar, mask: bool = True) -> str | None:
    alloc = list(g.allocation.finditer(label))
    label = _mask_items(label, g) if mask else label
    # '财政拨款安排的“三公”经费支出': a stage word qualifying the spending named after it says
    # where the money came from, not at which stage the figure is.
    label = re.sub(g.attributive, lambda m: " " * len(m.group(0)), label)
    # (end, length, -order, measure): the word ending nearest the end decides; of two ending there,
    # the longer ("完成总投资" over "总投资": one is the other's tail, the longer says more)
    found = _measure_hits(label, g, (alloc[-1].end(), len(label), 1, "allocated", "") if alloc else None)
    if not found:
        return None
    # 收入 names what kind of money, not its stage: a stage word beside it decides
    # ("全县完成财政总收入4348万元" is what was collected, "预算收入" what was budgeted).
    staged = [f for f in found if f[3] not in g.kind_measures]
    best = max(staged or found)
    if best[4] in g.measure_tails:
        # "实际执行资金总额977万元": 总额 only closes the total's name; a stage word before it decides
        tail = best[0] - len(best[4])
        earlier = [f for f in _measure_hits(label[:tail], g, None) if f[3] not in g.kind_measures]
        if earlier:
            return max(earlier)[3]
    return best[3]


def _measure_hits(label: str, g: Grammar, alloc: tuple[int, int, int, str, str] | None,
                  ) -> list[tuple[int, int, int, str, str]]:
    """(end, length, -order, measure, word) of each measure's word ending nearest the end of label."""
    found = [alloc] if alloc else []
    for order, (name, words) in enumerate(g.measures):
        hit = _nearest(label, words)
        if hit:
            found.append((hit[0], len(hit[1]), -order, name, hit[1]))
    return found


def _item_of(text: str, g: Grammar) -> tuple[str, str, int] | None:
    """The line item whose words end nearest the end of text: (code, words, end). A generic
    total (支出预算, 资金总额) names the figure only when no specific item is in the text
    (因公出国(境)费支出决算 is 因公出国(境)费)."""
    best: tuple[int, int, int, str, str] | None = None
    for pat, code, generic in g.items:
        for m in pat.finditer(text):
            key = (0 if generic else 1, m.end(), m.end() - m.start())
            if best is None or key > best[:3]:
                best = (*key, code, m.group(0))
    if best is not None and best[0] == 0 and not _bare(text[: best[1] - best[2]], grammar()):
        return None  # "工资福利支出预算": 支出预算 is the stage of 工资福利支出, not the total
    return (best[3], best[4], best[1]) if best else None


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in re.finditer(r"[。！？!?\n]|；(?=\s*[（(]?[一二三四五六七八九十\d])", text):
        out.append((start, m.end()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


@dataclass
class Flow:
    """What the text said last, carried from sentence to sentence and paragraph to paragraph
    of one report: a list of parts (其中，…) often follows its total's sentence, and a
    line stating only "公务接待费2.30万元" continues the stage of the lines before it."""

    measure: str | None = None
    # The latest level per (line item, measure): a later sentence's change or rate about
    # "“三公”经费决算数" refers to it.
    levels: dict[tuple[str, str], Statement] = field(default_factory=dict)
    named_levels: list[Statement] = field(default_factory=list)  # every level so far, in order
    last: Statement | None = None  # the last current level stated
    whole: Statement | None = None  # the whole of the list of parts last opened (其中)
    pending: list[Statement] = field(default_factory=list)  # a list announced at a paragraph's end
    # a paragraph about a part of the year gone by announced a list ("上半年,…支出1532.7亿元…主要支出
    # 科目情况如下:"): its items on the next lines ("社会保障和就业支出314.5亿元,…;") are of that period too
    to_date_list: bool = False
    # a top-level heading stated its part's score ('一、资金保障方面，指标评价得分12'): a score stated
    # below it without a name or a total's word scores an item of that part, not the report
    scored_part: bool = False

    # the reporting unit's own names (深圳市审计局): in a label they name the reporter, not a line
    self_names: tuple[str, ...] = ()
    # money figures read but not placed: (start, end, reason), drained by the caller into
    # `unrecognised` so nothing printed is silently dropped
    skipped: list[tuple[int, int, str]] = field(default_factory=list)

    def skip(self, start: int, end: int, reason: str) -> None:
        self.skipped.append((start, end, reason))

    def open_list(self, last: Statement, g: Grammar) -> list[Statement]:
        """The figures a list of parts opened after `last` may belong to: itself, the whole
        it is part of, then the other levels of its sentence (the budget beside an
        execution)."""
        # another level of the sentence only when it states the same line (the budget beside
        # an execution): "…税收收入39029元；…上级补助405490万元，其中：返还性收入…" lists parts of
        # 上级补助, never of the 税收收入 before it
        if last.in_reason:
            # a figure given as the reason for a change ("…增长的主要原因是:…新增预算委员履职补助25万元。
            # 包括:…") is no whole: a list after it is of the level the paragraph is about
            return []
        cands = [last, _root(last)] + [s for s in self.sentence_levels if s.sentence == last.sentence
                                       and s.line_item == last.line_item
                                       and (s.line_item != "stated" or s.item_label == last.item_label)]
        seen: list[Statement] = []
        for c in cands:
            if c.period == "current" and all(c is not x for x in seen):
                seen.append(c)
        self.whole = next((c for c in seen if c.line_item in g.family), None)
        return seen

    sentence_levels: list[Statement] = field(default_factory=list)  # levels of the current paragraph

    # Outline headings that state their full mark, by level: a score under one scores it.
    headings: dict[int, Heading] = field(default_factory=dict)
    total_heading: bool = False  # the paragraph before was a form total's label alone ("(一)自评得分")
    # the line items listed so far under each whole (by id): a later line that is itself the
    # sum of some of them is a subtotal, not one more part
    parts: dict[int, list[str]] = field(default_factory=dict)
    # the parts the paragraph announces by name and number ("主要有A、B二类支出"): (names, ...)
    announced: list[tuple[str, ...]] = field(default_factory=list)
    # wholes (by id) whose list of parts nets a decrease (其中:…X调减2.66万元,…): their parts are
    # no bound on them, so none is kept as their part
    netted: set[int] = field(default_factory=set)


def _other_partition(whole: Statement, code: str, flow: Flow, g: Grammar) -> bool:
    """A part about to be listed under `whole` that sums parts already listed there, or that a
    part already listed sums ("其中:…公务用车运行维护费3.4万元,公务用车购置费0万元" and later
    "公务用车购置及运行费预算3.4万元"): the same money counted in another partition of the whole."""
    listed = flow.parts.get(id(whole), [])
    def sums(whole: str, part: str) -> bool:
        return any(w == whole and part in ps for w, ps in complete_partitions())
    return any(sums(code, p) or sums(p, code) for p in listed)


def _direction(word: str, g: Grammar) -> int:
    if any(word.endswith(w) or w in word for w in g.down):
        return -1
    if any(word.endswith(w) or w in word for w in g.up):
        return 1
    return 0


def _root(st: Statement, out: list[Statement] | None = None) -> Statement:
    return st.part_of if st.part_of is not None else st


def _bare(label: str, g: Grammar) -> bool:
    """A label saying only how or when (实际支出为, 完成预算, 2019年), naming nothing: the figure
    is about what the figure before it was about. "基本工资" names something else."""
    rest = label
    for w in sorted({w for _, ws in g.measures for w in ws} | set(g.neutral) | set(g.sum_words) | set(g.self_words),
                    key=len, reverse=True):
        rest = rest.replace(w, "")
    rest = g.bare_noise.sub("", rest)
    return len(rest) < 2


def _scan_lists(between: str, last: Statement | None, parts_open: list[Statement],
                brackets: list[list[Statement]], flow: Flow, g: Grammar, adjacent: bool = True) -> list[Statement]:
    """Lists of parts opened and closed in the text between two figures: 其中/包括 open one
    after the figure before; a bracket right after a figure breaks that figure down
    ("一般公共预算拨款3300.69万元（经费拨款3266.69万元…）"); its closing ends what it opened."""
    if last is not None and between.lstrip().startswith(g.part_after):
        parts_open = [last]  # "在收入合计218.78亿元中，…": its parts follow
    i = 0
    owners: list[Statement | None] = []
    while i < len(between):
        ch = between[i]
        if ch in "(（":
            brackets.append(parts_open)
            # the figure right before the bracket owns it; a figure set aside there (an unspent
            # 年终结余4558万元) leaves the bracket without an owner
            owner = last if last is not None and adjacent and not between[:i].strip(" ，,") else None
            owners.append(owner)
            parts_open = [owner] if owner is not None else []
        elif ch in ")）":
            parts_open = brackets.pop() if brackets else []
            # "854万(…畅通工程159万元) 其中:…": a list opened after the bracket is its owner's,
            # never the last figure inside it (no owner read: no list)
            last = owners.pop() if owners else None

        elif last is not None and any(between.startswith(w, i) for w in g.part_words):
            # inside a bracket, 其中 lists parts of the bracket's owner ("年终结余4558万元(其中:本级
            # 791万元)": not of a figure read before it when the owner was set aside)
            in_owner = owners[-1] if owners and owners[-1] is not None else (last if brackets and adjacent else None)
            parts_open = flow.open_list(last, g) if not brackets else ([in_owner] if in_owner is not None else [])
            # "收入包括:…政府性基金预算拨款收入1000万元;支出包括:…": a list naming the other flow
            # than the figure before it is not that figure's (its whole is not printed there)
            named = [w for w in g.flows if w in between[:i]]
            if len(named) == 1 and named[0] not in last.label and any(w in last.label for w in g.flows):
                parts_open = []
        i += 1
    return parts_open


def _listed_after_part_word(before: str, a: int, si: int, out: list[Statement], g: Grammar) -> list[Statement]:
    """The levels of the sentence read after its last 其中/包括 (before the current figure)."""
    at = max((before.rfind(w) for w in g.part_words), default=-1)
    if at < 0:
        return []
    return [x for x in out if x.sentence == si and x.period == "current" and x.start >= a + at]


def _whole_for(cands: list[Statement], item: str | None, measure: str, g: Grammar) -> Statement | None:
    """The figure a listed part belongs to: the first candidate of its measure whose
    partition (when the vocabulary has one) names the part's line item."""
    same = [c for c in cands if c.measure == measure]
    for c in same:
        if item is not None and item in g.family.get(c.line_item, ()):
            return c  # the vocabulary says this is one of its parts
    if same and same[0].line_item in entry("statements", "parts.own_wholes"):
        return same[0]  # 机关运行经费…其中：…公务接待费: every line listed is that whole's own part
    if item is not None and item not in g.generic_items:
        # a line the vocabulary names but not as a part of any candidate (公务接待费 after
        # 公务用车运行维护费…主要包括…): a sibling, not a part
        return None
    return same[0] if same else None  # a part the vocabulary does not name: the nearest whole


# A thousands comma inside a figure (245,800万元): no clause break.
_GROUPING = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


def _last_break(text: str, end: int, g: Grammar, start: int = 0) -> int:
    """Where the last clause break before `end` (from `start`) is, -1 if none; the comma
    grouping a figure's thousands ('完成年初预算245,800万元的59.74%') breaks no clause."""
    masked = _GROUPING.sub("_", text[:end]) if "," in text[start:end] else text
    return max(masked.rfind(ch, start, end) for ch in g.breaks)


def read_statements(printed: str, default_measure: str | None,
                    flow: Flow | None = None) -> tuple[list[Statement], list[Rate], list[Change]]:
    """Every money figure in the paragraph with its reading, and every execution rate."""
    g = grammar()
    flow = flow or Flow()
    text = to_halfwidth(printed)
    out: list[Statement] = []
    rates: list[Rate] = []
    changes: list[Change] = []
    flow.sentence_levels = [s for s in flow.sentence_levels if s is flow.last]  # sentence indices restart
    flow.announced = _announcements(text, g)
    if flow.last is not None:
        flow.last.sentence = -1  # the paragraph before: its "sentence" is the one just read
    if flow.whole is not None and _restarts_list(text, flow.whole, g):
        flow.whole = None
        flow.pending = []
    para_year: int | None = None  # the year the paragraph's sentences so far speak of
    for si, (a, z) in enumerate(_sentences(text)):
        sent = text[a:z]
        para_year = para_year if (y := _year_of(sent, g)) is None else para_year or y
        subj = g.project_subject.match(sent)
        prev_end = 0
        last: Statement | None = None
        parts_open: list[Statement] = []  # the figures a 其中 list may belong to, best first
        last_fig_end = -1  # where the last level's figure (with its unit) ends in the sentence
        set_aside = False  # a figure set aside (unspent, estimate) since the last level
        brackets: list[list[Statement]] = []  # the lists open outside each bracket
        group: list[Change] = []  # the changes listed "respectively" last (分别减少0.18亿元和0.56亿元)
        group_open = False  # the figure just read was one of them: a joined figure after it is another
        flat: list[tuple[Statement, re.Match[str]]] = []  # a form's columns flattened: (first figure, second)
        group_dead = False  # …and they could not be paired with levels: every one is set aside
        standard_before = False  # the figure just read was a per-unit standard: one only reached after it is too
        opens = any(sent.lstrip(" ,，").startswith(w) for w in g.part_words)
        if flow.pending:
            parts_open, flow.pending = flow.pending, []  # "…其中：" ended the paragraph before
            first = g.figure.search(sent)
            if first is not None and any(w in sent[: first.start()] for w in entry("statements", "parts.new_block_words")):
                # "本级资金(包括结转结余) 73.25 / 其中: / …补助资金(万元) / 年度预算资金总额: 763.00": a form's
                # empty 其中 row, then the next block's total — no part of the list left open
                parts_open = []
        elif opens and flow.last is not None:
            # "…3328万元。其中，因公出国（境）费50万元": parts of the previous sentence's figure,
            # even when "其中：" ends the paragraph before.
            parts_open = flow.open_list(flow.last, g)
        elif (whole := _named_whole_among(sent, flow, g)) is not None:
            # "…三公经费支出决算中,因公出国(境)费支出决算0.00万元,公务接待费…": among a line whose
            # level the report stated before, its parts
            parts_open = [whole]
        n_before = len(out)
        events = sorted(
            [(m.start(), "f", m) for m in g.figure.finditer(sent)] + [(m.start(), "p", m) for m in g.percent.finditer(sent)],
            key=lambda e: e[0],
        )
        for _, kind, m in events:
            cut = _last_break(sent, m.start(), g, prev_end)
            clause_start = max(cut + 1, prev_end)
            label = sent[clause_start : m.start()]
            for name in flow.self_names:
                label = label.replace(name, "")  # "2026年深圳市审计局部门预算收入": the reporter's own name
            if kind == "f" and m.group("pn") is not None and not _prior_label(label, g):
                continue  # a unitless number before a change is an earlier figure only after 较上年
            # 其中 before this clause (in the text since the last figure) opens a list of parts.
            between = sent[prev_end : m.start()]
            parts_open = _scan_lists(between, last, parts_open, brackets, flow, g, adjacent=not set_aside)
            # after a semicolon, a clause stating its own stage ("；完成政府性基金支出…") is a
            # new statement, not another part ("；事业收入186.06亿元，占85.05%" is, and so is
            # "其中:税收收入39029元,下降12%;非税收入49406万元": 收入 names a kind of money, no stage)
            semicolon = not brackets and bool(re.search(r"[;；]", between))
            if kind == "p":
                # the clause the percentage closes, back to its own break (not the last figure's)
                pcut = _last_break(sent, m.start(), g)
                wide = g.figure.sub("", sent[pcut + 1 : m.start()])
                since = sent[prev_end : m.start()]
                _percent(m, wide, since, a, si, out, rates, changes, g, flow)
                prev_end = m.end()
                continue
            run_label = sent[prev_end : m.start()].strip()
            if out and out[-1].sentence == si and not out[-1].cells_run and last_fig_end == prev_end and prev_end > 0 \
                    and run_label and run_label == out[-1].label and not any(ch in run_label for ch in g.breaks):
                # "中央财政165万元中央财政84.5万元省级财政43万元…": one label printed again at once with
                # another figure — two columns of a form flattened, which column is which not printed
                out[-1].cells_run = True
                flow.skip(out[-1].start, out[-1].end, _FLAT_COLUMNS)
                flow.skip(a + m.start(), a + m.end(), _FLAT_COLUMNS)
                flat.append((out[-1], m))
                prev_end = last_fig_end = m.end()
                continue
            if out and last_fig_end == prev_end and prev_end > 0 and not sent[prev_end : m.start()].strip():
                # "5亿元5亿元6.47亿元": table cells run together, not a sentence — none is a level
                out[-1].cells_run = True
                flow.skip(out[-1].start, out[-1].end, "table cells run together, not a sentence")
                flow.skip(a + m.start(), a + m.end(), "table cells run together, not a sentence")
                prev_end = last_fig_end = m.end()
                continue
            gn = next(k for k in ("n", "bn", "kn", "ln", "pn") if m.group(k) is not None)
            n, u = m.group(gn), m.group("u") or m.group("bu") or m.group("ku") or m.group("lu") or m.group("pu")
            ns, ne = m.start(gn), m.end(gn)
            if a + ns > 0 and text[a + ns - 1] in g.document_number_open \
                    and _GLUED_YEAR.match(n):
                flow.skip(a + ns, a + ne, "a figure run into a document number (its year and number before the amount)")
                prev_end = m.end()
                continue
            if a + ns > 0 and text[a + ns - 1] in g.damaged_before:
                flow.skip(a + ns, a + ne, "a figure after a character the page could not decode: its first digits may be lost")
                prev_end = m.end()
                continue
            if _negative(sent, ns):
                # "省直达-13.27万元": a negative figure keeps its sign (never 5-10万元, a range)
                n, ns, label = "-" + n, ns - 1, label.rstrip(_MINUS)
            if (lst := g.unitless_list.search(sent[prev_end : m.start()])) and not label.strip(" ,，、"):
                label = lst.group(1)  # "各减少1267.86，2570.97万元": the list's clause speaks for it
            listed_money = last is not None and last.unit != u and last.unit.startswith(u) \
                and not re.match(r"[\u4e00-\u9fff]", sent[m.end() : m.end() + 1])
            if u in g.bare and not any(w in label for w in g.bare_needs) and not listed_money:
                # (…儿童福利院50万元;社会福利院58万元;…救助站86万。: a list of sums in 万元 ends with
                # its last one in 万, closed by punctuation — still money)
                prev_end = m.end()
                continue
            if (year := _glued_year(sent, m, gn, para_year, g)) is not None:
                # "与2019498.83万元相比": the year the figure is compared with, its 年 lost
                ns, n = ns + 4, n[4:]
                label = f"{label}{year}{g.year_glue}"
            if _prior_label(label, g) and g.prior_then_rate.match(sent, m.end()):
                # "比上年1.43万元，增加0.68%": no verb after the figure, only a rate in the next clause —
                # the earlier period's figure, or the change with its verb left out; the text does not say
                flow.skip(a + ns, a + ne, "after a comparison, a figure without its verb before a rate: the earlier "
                          "period's figure or the change")
                prev_end = m.end()
                continue
            if _prior_label(label, g):
                # "…2918.96万元，比上年2665.56万元增加…": the earlier figure of a level, never a level
                # itself — of the level before it in its sentence (not the budget a rate was
                # measured against), else of the one its words name in the sentences before.
                owner = _prior_owner(label, si, out, flow, g)
                if owner is None or owner.prior is not None:
                    flow.skip(a + ns, a + ne, "an earlier period's figure whose current level is not stated")
                else:
                    owner.prior = Statement(
                        value=Decimal(n.replace(",", "").replace(" ", "")), unit=u, factor=g.units[u], decimals=_decimals(n),
                        printed=printed[a + ns : a + ne], start=a + ns, end=a + ne, label=label.strip(),
                        measure=owner.measure, measure_said=False, line_item=owner.line_item,
                        item_label=owner.item_label, sentence=si, period="prior", project=owner.project,
                    )
                    owner.prior.level_of = owner
                    out.append(owner.prior)
                prev_end = m.end()
                continue
            after = sent[m.end() : m.end() + 3]
            before = label.rstrip()
            if g.both_directions.search(label):
                # "较2016年…预算数减少(增加)0.11万元": a template printing both directions — a change
                # whose direction is unknown, never a level
                flow.skip(a + ns, a + ne, "a change printed with both directions (a template's wording)")
                prev_end = m.end()
                group_open = False
                continue
            listed = group_open and label.strip(" ,，") in g.joiners  # "分别减少0.18亿元和0.56亿元"
            group_open = False
            is_change = _is_change(label, g) or listed
            clause = re.split(r"[,，;；。:：]", _GROUPING.sub("_", label))[-1]  # the figure's own clause, since its last comma
            standard = any(w in _without(label, g.standard_not) for w in g.standard_words) \
                or (standard_before and _bare(label, g) and label.strip().endswith(g.cell_target_before)) \
                or any(w in clause for w in g.target_clause)
            # "人均不低于10元…,加1分,达到20元": a further step of the standard (never 每人500元,共计50万元)
            standard_before = False
            if g.statistic.search(clause) or (g.statistic.search(sent[: m.start()]) and _item_of(label, g) is None
                                              and _measure_of(label, g) is None and not _ends_with(label, g.sum_words)):
                # "全年地区生产总值达1248.2亿元", "社会消费品零售总额513.1亿元": an economy's statistic in
                # a news story or a government's report, neither a budget, spending nor income (nor
                # its change); so is a figure naming nothing after one in its sentence ("…GDP位居全国
                # 第28位,…与排名第1位的广东省(124369.67亿元)差距悬殊")
                flow.skip(a + ns, a + ne, "an economic statistic (output, investment, retail sales, residents' "
                          "income), not a budget figure")
                set_aside = True
                prev_end = m.end()
                continue
            if not is_change and (any(w in label for w in g.returned_words) or g.balance_before.search(label)):
                # "(退回市…债券资金5336万元后…)", "(累计稳定调节基金43429万元)": neither a level nor a change
                flow.skip(a + ns, a + ne, "money given or taken back, or a fund's standing balance, not a level")
                set_aside = True
                prev_end = m.end()
                continue
            if (
                is_change
                or (_ends_with(label, g.unspent_before) and _item_of(label[-12:], g) is None
                    and not _carried_in(label, para_year, g))
                or any(before.endswith(w) for w in g.approx_before)
                or any(after.startswith(w) for w in g.approx_after)
                or standard
                or g.relief_before.search(label)
            ):
                if is_change:
                    # The level before it in its sentence (not a budget a rate was measured
                    # against), unless its own clause names another line ("其中：因公出国（境）费
                    # 支出0元；公务接待费支出决算减少275元"); never a level of another year.
                    closed = _closed_brackets(sent[: m.start()])
                    # a figure inside brackets closed before the change is a part of the level the
                    # change is about ("…维护费2712万元(其中:…运行维护费2712万元),比预算数减少107万元")
                    cand = next((x for x in reversed(out) if x.sentence == si and x.period == "current"
                                 and not x.is_rate_base
                                 and not any(o < x.start - a < c for o, c in closed)), None)
                    pri = next((x for x in reversed(out) if x.sentence == si), None)
                    if pri is not None and pri.period == "prior" and pri.level_of is not None:
                        # "比上年财政总收入238960.28万元减少…": the level whose earlier figure it printed
                        cand = pri.level_of
                    named = _item_of(label, g)
                    d = _nearest(label, g.change_before)
                    own = clause[: clause.rfind(d[1])] if d and d[1] in clause else clause
                    # what the clause names once its comparison words are gone (同比, 较上年, 比预算)
                    own = g.comparison_only.sub("", own)
                    if parts_open and named is None and not _bare(own, g) and not listed \
                            and not any(w in label for w in g.respectively):
                        # "下达1.53万元,其中:…,国家级森林生态效益补偿资金调减2.66万元,造林补助2.42万元": a
                        # listed item's change, its level not printed — never the whole's; a list
                        # with a decrease nets it, so its other parts may add up to more than it
                        if _direction(d[1] if d else "", g) < 0:
                            flow.netted.update(id(c) for c in parts_open)
                        flow.skip(a + ns, a + ne, "a change of an item listed among a figure's parts, its level not printed")
                        prev_end = m.end()
                        continue
                    if cand is not None and (named is None or named[0] == cand.line_item):
                        level = cand
                    else:
                        level = _level_named(sent[: m.start()], out, flow, g)
                    if level is not None and not _same_year(level.year, _year_of(sent[: m.start()], g) or para_year):
                        level = None
                    if any(w in sent[: m.start()] for w in g.other_basis + g.reason_words):
                        # a change on another basis (剔除…因素), or a part of the change a reason
                        # explains (因为…减少了X): not the change of the level printed before it
                        level = None
                    d = _nearest(label, g.change_before)
                    word = group[-1].word if listed and group else d[1] if d else label.rstrip()[-1:]
                    if (gap := g.budget_gap.search(label)) is not None:
                        word = gap.group("w")  # "决算数大于预算数55.93万元": the execution above its budget
                    if listed or any(w in label for w in g.respectively):
                        # "…购置费0.14亿元和…运行费1.27亿元,…,分别减少0.18亿元和0.56亿元": the k changes
                        # listed are those of the k levels before them, in order; fewer levels: none
                        group = group if listed else []
                        first = group[0].start if group else a + ns
                        levels = [x for x in out if x.sentence == si and x.period == "current" and x.start < first
                                  and not x.is_rate_base and not any(o < x.start - a < c for o, c in closed)]
                        k = len(group) + 1
                        group_dead = (listed and group_dead) or len(levels) < k or level is None
                        if group_dead:
                            for c in group:
                                changes.remove(c)
                                flow.skip(c.start, c.end, "changes listed respectively, more than the levels before them")
                            group, level = [], None
                        else:
                            for c, lv in zip(group, levels[-k:], strict=False):
                                c.level = lv
                            level = levels[-1]
                        group_open = True
                    against = None
                    skip_reason = "a change whose level is not stated (or is of another year)"
                    if level is not None and g.budget_compared.search(level.label) and not group_open:
                        # "公务接待费为122万元,…,较预算数339万元减少217万元": the figure before the change
                        # is the budget compared with; the change is that of the level before it
                        against = level
                        level = next((x for x in reversed(out) if x.sentence == si and x.period == "current"
                                      and x.start < against.start and x is not against and not x.is_rate_base
                                      and not g.budget_compared.search(x.label)
                                      and not any(o < x.start - a < c for o, c in closed)), None)
                    listed = _listed_after_part_word(sent[: m.start()], a, si, out, g)
                    if level is not None and against is None and not group_open and len(listed) >= 2 \
                            and level is listed[-1] and not any(c.level in listed for c in changes) \
                            and not re.search("[；;]", text[listed[-2].end : level.start]):
                        # "总预算安排37337407.64元,其中:基本支出预算488180.64元,项目支出预算36849227元,同比增加
                        # 27125219.46元": after a list of parts none of which had a change of its own, the change
                        # is the whole's or the last part's; the text does not say which (parts apart by
                        # semicolons each have their own clause: a change in the last one's is that part's)
                        skip_reason = "a change after a list of parts: of the whole or of its last part"
                        level = None
                    if level is not None and _direction(word, g):
                        since = sent[max(level.end - a, 0) : m.start()] if level.end >= a else label
                        if any(w in label for w in g.budget_base) or g.prior_period.search(label):
                            since = label  # its own clause names what it is measured against (同比增收)
                        # 比预算数 is this year's budget; 比2021年预算 / 比上年预算 the earlier period's. A clause
                        # closed by its rate (占调整预算数115.8%,增支42991万元,增长10.3%) names the rate's
                        # base, not this change's
                        since = re.sub(r"[^,，;；]*\d%", "", since)
                        base = "budget" if against is not None or word in g.over_budget or (
                            any(w in since for w in g.budget_base) and not g.prior_period.search(since)) else "prior"
                        changes.append(Change(level, _direction(word, g), word, Decimal(n.replace(",", "").replace(" ", "")), n, u,
                                              g.units[u], _decimals(n), a + ns, a + ne, base=base,
                                              group=(group[0].start if group else a + ns) if group_open else 0,
                                              against=against))
                        if group_open:
                            group.append(changes[-1])
                        elif level.pending_pct is not None and level.pending_pct[0] == changes[-1].direction \
                                and not _PENDING_GAP.sub("", text[level.pending_pct[1][4] : a + ns]).replace(word, "", 1):
                            # "同比增长14.6%,增收4,376万": the percentage printed just before is this change's
                            changes[-1].pct = level.pending_pct[1]
                            level.pending_pct = None
                    else:
                        flow.skip(a + ns, a + ne, skip_reason)
                else:
                    flow.skip(a + ns, a + ne, "an estimate, a bound, a per-unit standard, a tax relief or an unspent "
                              "amount, not a level")
                    set_aside = True
                    standard_before = standard
                prev_end = m.end()
                continue
            measure = _measure_of(label, g)
            if measure == "allocated" and parts_open and not brackets and parts_open[0].measure not in g.kind_measures \
                    and parts_open[0].sentence == si and any(parts_open[0] is x for x in out) \
                    and not _measure_hits(_mask_items(label, g), g, None):
                # "…村卫生室实施基本药物制度补助471.23元,其中中央补助189.63万元": in a list of parts its
                # sentence opens, a level's name (中央补助) says who funds it, not its stage — the part is
                # money of its whole's stage (a form's lines, one a paragraph, are left as they were read)
                measure = None
            said = measure is not None
            # "上半年,全国一般公共预算支出136571亿元": a paragraph about a part of the year gone by states
            # what came in or went out so far, where the report's default stage would make it a budget
            to_date = flow.to_date_list or _to_date(text[: a + m.start()], g)
            if to_date and measure in g.kind_measures and default_measure == "initial":
                measure = "executed"
            summed = _ends_with(label, g.sum_words) or any(
                label.rstrip().endswith(v) and label.rstrip()[: -len(v)].rstrip().endswith(g.sum_words) for v in g.sum_verbs)
            if measure is None and summed and last is not None:
                measure = last.measure
            if measure is None and parts_open and not brackets and not to_date \
                    and parts_open[0].measure not in g.kind_measures and _listed_by_word(parts_open[0], sent, a, m, opens, si, g) \
                    and (last is None or last is parts_open[0] or last.measure == parts_open[0].measure):
                # "省级下达我市…专项资金3020万元,其中:一般项目资金1520万元,专项资金360万元": a part listed
                # under a whole, its stage not said, is money of the whole's stage (never the report's
                # default stage of spending); after a part of another measure (包括本年收入…,上年结转结余0万元),
                # that part's
                measure = parts_open[0].measure
            if measure is None and any(w in _mask_items(label, g) for w in g.neutral):
                # "…下达X万元，已支出Y万元": spending named without a stage is the report's
                # default stage (budget in a 预算 disclosure), else what was spent.
                measure = "executed" if to_date else default_measure or "executed"
            if measure is None and last is None and _listed_under_money(sent, clause_start, prev_end, label, g):
                # "一是纳入清单管理项目资金,包含城乡环境综合整治78,000万元、美丽乡村建设60,000万元": the items of
                # money named without a stage (its sum not printed) are at the stage that money would be
                measure = "executed" if to_date else default_measure or "executed"
            if measure is None and last is not None and not label.strip(" ") and clause_start > prev_end:
                # "…年度金额(提前下达):208万元资金使用情况(万元)合计:109.8万元": a figure right after a
                # colon takes the stage its heading names, not the figure's before it
                measure = _measure_of(sent[prev_end:clause_start], g)
            if measure is None and last is not None:
                # after "…完成95808万元,占预算80641万元的118.8%": the execution's stage, not its budget's
                measure = (flow.last if last.is_rate_base and flow.last is not None else last).measure
            if measure is None:
                measure = _measure_of(sent[: m.start()], g) or flow.measure
                if measure == "income" and any(w in label for w in g.neutral):
                    measure = None  # 支出 after a line about income is not income
            if measure is None:
                # 一般公共预算收入198.03亿元 opening a report: the item's own words are all it says.
                measure = "executed" if to_date else _measure_of(label, g, mask=False) or default_measure
            if measure is None and any(w in label for w in g.neutral):
                measure = "executed"  # spending stated without a stage, outside a budget disclosure
            if measure is None:
                flow.skip(a + m.start(), a + m.end(), "the text does not say whether this is a budget, an allocation "
                          "or an execution")
                prev_end = m.end()
                continue
            if semicolon and said and measure not in g.kind_measures:
                parts_open = []
            item = _item_of(label, g)
            if item is None and _carried_in(label, para_year, g):
                item = ("carryover", label.strip()[-10:], 0)  # last year's money brought in
            if item is not None and summed and label[: item[2] - len(item[1])].rstrip().endswith("、"):
                # "该项目中央、省级、县级预算共安排546.23万元": the last of the items listed, summed with
                # the others, names their total, not itself
                item = ("total", label.strip()[-10:], 0)
            if item is not None and (path := _class_line(label, item, g)) is not None:
                # "…其他政府性基金安排的支出（项）预算为10,493.00万元": the words name a classification line
                # the figure is of, not the fund (or line) whose name is part of that line's
                item = ("stated", path, 0)
            if item is not None and item[0] in g.generic_items and last is not None and last.sentence == si \
                    and last.line_item not in g.generic_items and last.line_item != "stated" and _bare(
                        label[: item[2] - len(item[1])], g) and not any(w in item[1] for w in g.sum_words) \
                    and not any(w in between for w in g.part_words):
                # "“三公”经费支出年初预算为…，支出决算为…": a total's name after a named line is its stage;
                # one that sums (…、年终结余4558万元,支出总计929393万元) is the list's total
                item = (last.line_item, last.item_label, item[2])
            bare = _bare(label, g)
            if item is None and bare and last is not None and parts_open and last.part_of is not None:
                # "…费支出决算为7.8万元，完成预算10万元": a listed part's budget beside its execution
                item = (last.line_item, last.item_label, 0)
            if parts_open and label.lstrip(" ,，:：").startswith(g.part_closers):
                parts_open = []  # progress on the whole (目前…已拨付), not another part of it
            sum_of_list = summed and bare and parts_open and not label.lstrip(" ,，:：").startswith(g.part_words)
            if sum_of_list:
                # "…终南敬老院改造提升支出19.9983万元,包括…(works, no figures),总计支出69.9776万元;…": a bare
                # sum after a list adds up the figures before it — never a part of the last one,
                # and it closes the list
                parts_open = []
            whole = _whole_for(parts_open, item[0] if item else None, measure, g)
            if whole is None and parts_open and _announced_name(label, flow, g) is not None:
                # a part the text announced by name belongs to the figure its list is under,
                # whatever the vocabulary calls it (部门预算项目支出 is 项目支出 there)
                whole = next((c for c in parts_open if c.measure == measure), None)
            if not parts_open and item is not None and flow.whole is not None:
                # A list opened by 其中 continues while its lines name parts of its whole
                # ("其中：因公出国（境）费…。公务用车购置费…；公务接待费…").
                if item[0] not in g.family.get(flow.whole.line_item, ()):
                    flow.whole = None  # a line about something else ends the list
                elif measure == flow.whole.measure:
                    whole = flow.whole
            if item is None and summed:
                item = ("total", label.strip()[-10:], 0)  # "共计84.47万元": the sum of the figures before
            if item is None and bare and last is not None and not parts_open:
                item = (last.line_item, last.item_label, 0)
            if item is None and bare:
                item = _item_of(sent[: m.start()], g)  # the sentence's subject (“三公”经费…，实际支出为…)
                if item is not None and g.counted.match(sent[item[2]: m.start()]):
                    item = None  # a count of things (项目支出评价4个) is no subject of money
            if (item is None or item[0] in g.generic_items) and bare:
                paths = list(g.class_path.finditer(text[: a + m.start()]))
                if paths:
                    # the paragraph's classification line (…行政运行（项）): its figure, kept with
                    # that line's words, never the report's total (支出决算 → 本年支出合计)
                    item = ("stated", paths[-1].group(0).strip(), 0)
            code, words = (item[0], item[1]) if item else ("stated", label.strip()[-20:])
            if whole is not None and code in g.generic_items and whole.line_item not in (*g.generic_items, "stated") \
                    and code not in g.family.get(whole.line_item, ()):
                # "预算资金5039.97万元，其中财政拨款4946.96万元" under a 项目支出 level: where that line's money
                # comes from, not the report's 财政拨款 — a part kept with its own words
                code, words = "stated", label.strip()[-20:]
            if code != "stated" and clause.lstrip().startswith(g.covered_words):
                code, words = "stated", label.strip()[-20:]  # the money a measure covers (涉及…), not that line's level
            if not said and code in g.outcome_items:
                measure = "executed"  # "…安排预算稳定调节基金13.3亿元、结转下年6.39亿": what the year left, not a plan
            if (earlier := _year_before(label, code, measure, si, out, g)) is not None:
                # "公务接待费2016年预算8万元,2015年预算12.5万元;对比减少4.35万元": the same line's figure
                # of the year before, stated after this year's, is its prior, never a level
                earlier.prior = Statement(
                    value=Decimal(n.replace(",", "").replace(" ", "")), unit=u, factor=g.units[u], decimals=_decimals(n),
                    printed=printed[a + ns : a + ne], start=a + ns, end=a + ne, label=label.strip(),
                    measure=measure, measure_said=said, line_item=code, item_label=words, sentence=si,
                    period="prior", project=earlier.project, year=earlier.year - 1 if earlier.year else None,
                )
                earlier.prior.level_of = earlier
                out.append(earlier.prior)
                prev_end = m.end()
                continue
            if whole is not None and _other_partition(whole, code, flow, g):
                whole = None
            st = Statement(
                value=Decimal(n.replace(",", "").replace(" ", "")), unit=u, factor=g.units[u], decimals=_decimals(n),
                printed=printed[a + ns : a + ne], start=a + ns, end=a + ne,
                label=label.strip(), measure=measure, measure_said=said, line_item=code, item_label=words,
                sentence=si, part_of=whole, project=subj.group("name").strip() if subj else None,
                year=_year_of(sent[: m.start()], g) or para_year,
                in_reason=any(w in sent[: m.start()] for w in g.reason_words),
            )
            out.append(st)
            if whole is not None:
                flow.parts.setdefault(id(whole), []).append(code)
            last = st
            last_fig_end = m.end()
            set_aside = False
            flow.last = st
            flow.sentence_levels.append(st)
            flow.measure = measure
            flow.levels[(st.line_item, st.measure)] = st
            flow.named_levels.append(st)
            prev_end = m.end()
        if flat:
            _flattened_columns(flat, out, text, a, flow)
        _unitless_parts(out, si, text, a, z, g)
        if len(out) == n_before and parts_open and (opens or any(sent.rstrip(" :：").endswith(w) for w in g.part_words)):
            flow.pending = parts_open  # a list announced, its parts on the next lines
        own = [c for c in parts_open if c.line_item in entry("statements", "parts.own_wholes")]
        if own and z == len(text) and not text.rstrip().endswith(tuple(entry("statements", "lines.sentence_end"))):
            flow.pending = own  # a list of a whole's own parts cut at the line's end goes on below
    tail = text.rstrip()
    flow.to_date_list = (_to_date(text, g) and tail.endswith(g.list_announced)) \
        or (flow.to_date_list and tail.endswith(g.list_item_end))
    out = [x for x in out if not x.cells_run]
    for x in out:
        if x.part_of is not None and id(x.part_of) in flow.netted:
            x.part_of = None
    _loosen_mixed_lists(out)
    _mark_announced_lists(out, flow, g)
    _mark_class_lists(out, g)
    _mark_economic_class_lists(out, g)
    _mark_named_partitions(out, g)
    for si, (a, z) in enumerate(_sentences(text)):
        _mark_added_total(text, a, z, si, out, changes, flow, g)
    _mark_counted_lists(text, out)
    return out, rates, changes


def _listed_under_money(sent: str, clause_start: int, prev_end: int, label: str, g: Grammar) -> bool:
    """The figure's clause opens a list (包含, 包括) right after a clause without a figure that names
    money without a stage and ends on that word (…项目资金,包含A 78,000万元、B 60,000万元)."""
    if not label.lstrip(" ,，").startswith(tuple(entry("statements", "neutral.list_open"))):
        return False
    cut = clause_start - 1  # the break closing the clause before
    start = _last_break(sent, cut, g) + 1 if cut > 0 else -1
    if cut <= 0 or start < prev_end or start >= cut:
        return False
    before = sent[start:cut]
    return _mask_items(before, g).rstrip().endswith(g.neutral) and _measure_of(before, g) is None


def _unitless_parts(out: list[Statement], si: int, text: str, a: int, z: int, g: Grammar) -> None:
    """"共计支出6.77万元,具体内容包括:市场监督管理专项1.29万元,市场监督执法3.1万元;消费者权益保护0.17;药品事务
    0.18万元;其他市场监督管理事务0.41;…": an item of a list of a figure's parts printed without its unit,
    between items in one unit, is in that unit — read only when the parts add up to the whole with
    it and not without it (1.29 + 3.1 + 0.17 + 0.18 + 0.41 + 0.2 + 1.25 + 0.17 = 6.77)."""
    wholes: dict[int, list[Statement]] = {}
    for s in out:
        if s.sentence == si and s.part_of is not None and s.period == "current" and s.start >= a:
            wholes.setdefault(id(s.part_of), []).append(s)
    item = re.compile(entry("statements", "parts.unitless_item"))
    for parts in wholes.values():
        whole = parts[0].part_of
        if len(parts) < 2 or len({(p.unit, p.measure) for p in parts}) != 1 or whole is None:
            continue
        first = parts[0]
        found: list[tuple[re.Match[str], int]] = []
        for i, p in enumerate(parts):
            end = parts[i + 1].start if i + 1 < len(parts) else z
            found += [(m, p.end) for m in item.finditer(text, p.end, end)]
        if not found:
            continue
        have = sum((p.yuan for p in parts), Decimal(0))
        extra = [Decimal(m.group("n")) * first.factor for m, _ in found]
        if have == whole.yuan or have + sum(extra, Decimal(0)) != whole.yuan:
            continue
        for m, _ in found:
            label = m.group("label")
            code, words = (it[0], it[1]) if (it := _item_of(label, g)) else ("stated", label.strip()[-20:])
            st = replace(first, value=Decimal(m.group("n")), decimals=_decimals(m.group("n")), printed=m.group("n"),
                         start=m.start("n"), end=m.end("n"), label=label, line_item=code, item_label=words,
                         measure_said=False, rate=None, rate_base=None, prior=None, share=None, share_of_named=None,
                         ref=None, pending_pct=None, parts_complete=False)
            out.insert(next((k for k, x in enumerate(out) if x.start > st.start), len(out)), st)


_FLAT_COLUMNS = "a form's columns flattened: the same label twice, columns unknown"


def _flattened_columns(flat: list[tuple[Statement, re.Match[str]]], out: list[Statement], text: str, a: int,
                       flow: Flow) -> None:
    """"资金情况(万元)年度金额(提前下达):208万元资金使用情况(万元)合计:109.8万元中央财政165万元中央财政84.5万元
    省级财政43万元省级财政25.3万元": a form's two columns flattened row by row, each row's label printed
    once per column, right after the two columns' totals. Which figure is in which column is read only
    when the identities say so: the first figures of the rows add up to the first total and the second
    ones to the second (165 + 43 = 208, 84.5 + 25.3 = 109.8); each is then a part of its column's total,
    at its stage. Otherwise every figure stays set aside (the columns are not known)."""
    firsts = [f for f, _ in flat]
    if len(flat) < 2 or firsts[0] not in out:
        return
    i = out.index(firsts[0])
    if i < 2 or out[i : i + len(firsts)] != firsts:
        return
    t1, t2 = out[i - 2], out[i - 1]
    if any(t.cells_run or t.period != "current" or t.sentence != firsts[0].sentence or t.part_of is not None
           for t in (t1, t2)) or t1.measure == t2.measure:
        return
    if any(ch.isdigit() for ch in text[t2.end : firsts[0].start]):
        return  # another figure between the totals and the rows
    seconds: list[Statement] = []
    for first, m in flat:
        gn = next(k for k in ("n", "bn", "kn", "ln", "pn") if m.group(k) is not None)
        n, u = m.group(gn), m.group("u") or m.group("bu") or m.group("ku") or m.group("lu") or m.group("pu")
        if n.startswith("-") or u != first.unit:
            return
        seconds.append(replace(first, value=Decimal(n.replace(",", "").replace(" ", "")), unit=u, decimals=_decimals(n),
                               printed=text[a + m.start(gn) : a + m.end(gn)], start=a + m.start(gn), end=a + m.end(gn)))
    if sum((f.yuan for f in firsts), Decimal(0)) != t1.yuan or sum((s.yuan for s in seconds), Decimal(0)) != t2.yuan:
        return
    for f, s, (_, m) in zip(firsts, seconds, flat, strict=True):
        for st, total in ((f, t1), (s, t2)):
            st.cells_run, st.part_of, st.measure, st.measure_said, st.rate = False, total, total.measure, False, None
            flow.parts.setdefault(id(total), []).append(st.line_item)
        flow.skipped = [k for k in flow.skipped
                        if k not in ((f.start, f.end, _FLAT_COLUMNS), (a + m.start(), a + m.end(), _FLAT_COLUMNS))]
    for k, s in enumerate(seconds):
        out.insert(out.index(firsts[k]) + 1, s)


def _loosen_mixed_lists(out: list[Statement]) -> None:
    """"公务用车购置及运行维护费11167万元(其中,公务用车购置费255万元,公务用车运行维护费7922万元,其他
    交通工具购置144万元,其他交通费用2846万元)": a list whose named parts make a whole partition of the
    vocabulary and which goes on with parts it does not name breaks the whole down its own way —
    the named parts are not all of it. No part of such a list is kept as the whole's (parts printed as
    0 change nothing: 其中基本支出…,项目支出…,上缴上级支出0万元 keeps its list)."""
    for whole in {id(x.part_of): x.part_of for x in out if x.part_of is not None}.values():
        parts = [x for x in out if x.part_of is whole]
        named = frozenset(x.line_item for x in parts if x.line_item != "stated")
        if any(x.line_item == "stated" and x.value != 0 for x in parts) and any(w == whole.line_item and named >= ps for w, ps in complete_partitions()):
            for x in parts:
                x.part_of = None


def _announcements(text: str, g: Grammar) -> list[tuple[str, ...]]:
    """"主要有部门预算项目支出、专项预算支出二类支出": the parts a text announces, by name, when it
    names as many as the number it says (never a list whose count and names disagree)."""
    out = []
    for m in g.announced_parts.finditer(text):
        names = tuple(n.strip() for n in g.name_splitters.split(m.group("names")) if n.strip())
        n = m.group("n")
        if len(names) >= 2 and len(set(names)) == len(names) and len(names) == (int(n) if n.isdigit() else g.count_words[n]):
            out.append(names)
    return out


def _announced_name(label: str, flow: Flow, g: Grammar) -> str | None:
    """The announced part a figure's label names: the label, less its list words and punctuation,
    ends with exactly that name."""
    words = label.strip(" ,，、:：;；")
    for w in g.part_words:
        words = words.removeprefix(w).strip(" ,，、:：")
    for w in g.name_verbs:
        words = words.removesuffix(w)
    return next((n for names in flow.announced for n in names if words == n), None)


def _mark_announced_lists(out: list[Statement], flow: Flow, g: Grammar) -> None:
    """A whole whose listed parts are, one each, exactly the parts the paragraph announced (and
    no other figure is listed under it) has all its parts listed: their sum must equal it."""
    if not flow.announced:
        return
    for whole in {id(x.part_of): x.part_of for x in out if x.part_of is not None}.values():
        named = [_announced_name(x.label, flow, g) for x in out if x.part_of is whole]
        if None not in named and any(sorted(named) == sorted(names) for names in flow.announced):
            whole.parts_complete = True


@cache
def _functional_classes() -> tuple[re.Pattern[str], ...]:
    with (VOCAB / "functional_classes.csv").open(encoding="utf-8") as f:
        return tuple(re.compile(r["pattern"]) for r in csv.DictReader(f))


def _mark_class_lists(out: list[Statement], g: Grammar) -> None:
    """"支出预算…1643.29万元,其中:一般公共服务支出1147.08万元,社会保障和就业支出160.85万元,…": a
    whole broken down by functional class (类, vocab/functional_classes.csv), three classes or more
    and nothing else listed under it: every yuan of spending is in one class, so the classes the
    text lists are all of it — their sum must equal it."""
    classes = _functional_classes()
    stage = entry("statements", "parts.class_stage_suffix")
    for whole in {id(x.part_of): x.part_of for x in out if x.part_of is not None}.values():
        parts = [x for x in out if x.part_of is whole]
        names = [re.sub(stage, "", re.split(r"[,，:：;；、]", x.label)[-1].strip()) for x in parts]
        if len(parts) >= 3 and all(any(c.match(n) for c in classes) for n in names):
            whole.parts_complete = True


@cache
def _economic_classes() -> tuple[tuple[str, str], ...]:
    """(name, code) of the economic classes (类, three-digit codes of vocab/class_names.csv), longest first."""
    with (VOCAB / "class_names.csv").open(encoding="utf-8") as f:
        rows = [(r["name"], r["code"]) for r in csv.DictReader(f) if r["scheme"] == "econ" and len(r["code"]) == 3]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


def _mark_economic_class_lists(out: list[Statement], g: Grammar) -> None:
    """"基本支出2956.36万元,其中:工资福利支出2424.00万元,商品和服务支出432.65万元,对个人和家庭的补助93.12万元,
    其他资本性支出6.5万元": a whole broken down by economic class (类 of vocab/class_names.csv; a name
    ending with a class's, 其他资本性支出, is of that class), three classes or more, each once, and
    nothing else listed under it: every yuan spent is of one class, so the classes listed are all of it."""
    classes = _economic_classes()
    stage = entry("statements", "parts.class_stage_suffix")
    for whole in {id(x.part_of): x.part_of for x in out if x.part_of is not None}.values():
        parts = [x for x in out if x.part_of is whole]
        names = [re.sub(stage, "", re.split(r"[,，:：;；、]", x.label)[-1].strip()) for x in parts]
        codes = [next((c for n, c in classes if name.endswith(n)), None) for name in names]
        if len(parts) >= 3 and None not in codes and len(set(codes)) == len(codes):
            whole.parts_complete = True


def _mark_named_partitions(out: list[Statement], g: Grammar) -> None:
    """"太原1-2月财政收入为93.18亿…其中税收收入71.45亿元,下降5.3%;非税收入21.72亿元": a whole of a flow
    whose list names, one each and nothing else, the parts of a partition by name
    (statements.toml parts.named_partitions: revenue is tax or non-tax) has all its parts listed."""
    whole_words = tuple(entry("statements", "parts.named_partition_whole_word"))
    for names in entry("statements", "parts.named_partitions"):
        for whole in {id(x.part_of): x.part_of for x in out if x.part_of is not None}.values():
            parts = [x for x in out if x.part_of is whole]
            named = [next((n for n in names if _printed_under(x.label, n, g)), None) for x in parts]
            if None not in named and sorted(named) == sorted(names) and any(w in whole.label for w in whole_words):
                whole.parts_complete = True


def _mark_added_total(text: str, a: int, z: int, si: int, out: list[Statement], changes: list[Change],
                      flow: Flow, g: Grammar) -> None:
    """"全市地方一般公共预算支出1,996,786万元(含…),完成预算的87.7%,加上上解上级支出98,524万元、债务还本支出
    195,664万元,调出资金增加10,239万元,按规定安排…385,123万元,全市地方一般公共预算总支出2,686,338万元。": the
    one money figure before 加上 and every one after it (outside brackets) make the total closing the
    sentence, whose label names a total — a list known complete. A figure after an adding verb in
    that list (调出资金增加10,239万元) is one more amount added, not a change. Anything less clear
    (another figure before the word, a figure left unread, a change of a level): nothing is marked."""
    sent = text[a:z]
    at = min((k for w in entry("statements", "parts.added_words") if (k := sent.find(w)) >= 0), default=-1)
    if at < 0:
        return
    inside = _closed_brackets(sent)
    figs = [m for m in g.figure.finditer(sent) if not any(o < m.start() < c for o, c in inside)]
    before = [m for m in figs if m.end() <= at]
    after = [m for m in figs if m.start() > at]
    if len(before) != 1 or len(after) < 2:
        return
    here = {x.start - a: x for x in out if x.sentence == si and x.period == "current"}

    def read(m: re.Match) -> Statement | None:
        return next((x for k, x in here.items() if m.start() <= k < m.end()), None)

    first, total = read(before[0]), read(after[-1])
    totals = tuple(entry("statements", "parts.added_total_words"))
    if first is None or total is None or first.part_of is not None or total.part_of is not None \
            or not any(w in total.label for w in totals) \
            or any(c.level is first or c.level is total for c in changes) \
            or sent[after[-1].end():].strip(" 。.,，"):
        return
    parts: list[Statement] = [first]
    for m in after[:-1]:
        x = read(m)
        if x is None:
            x = _added_figure(sent, a, m, parts[-1], g)
            if x is None or any(c.start <= a + m.start() < c.end or a + m.start() <= c.start < a + m.end()
                                for c in changes):
                return
        if x.part_of is not None or x.value < 0 or any(w in x.label for w in totals):
            return  # a total on the way (…总收入442751万元,加上年结余…,收入总计…): two sums, not one list
        parts.append(x)
    for x in parts:
        if all(x is not y for y in out):
            out.append(x)
            flow.skipped = [s for s in flow.skipped if not (x.start <= s[0] < x.end or s[0] <= x.start < s[1])]
        x.part_of = total
    total.parts_complete = True


def _mark_counted_lists(text: str, out: list[Statement]) -> None:
    """"…实施项目共4个,项目预算资金150万元。其中:年初预算批复的项目3个,项目资金150万元,(…)…补助资金1个,项目资金
    0.24万元": the whole's sentence counts its things before its figure, each part's clause counts
    its own (one count each, of the same measure word) and the counts add up to the whole's —
    the parts listed are all of it."""
    count = re.compile(entry("statements", "parts.counted_part"))
    starts = [a for a, _ in _sentences(text)]
    for whole in {id(x.part_of): x.part_of for x in out if x.part_of is not None}.values():
        parts = sorted((x for x in out if x.part_of is whole), key=lambda x: x.start)
        if len(parts) < 2 or whole.parts_complete or parts[0].start < whole.end:
            continue
        begin = max((s for s in starts if s <= whole.start), default=0)
        own = list(count.finditer(text, begin, whole.start))
        if not own:
            continue
        total, word = int(own[-1].group(1)), own[-1].group(2)
        counts, prev = [], whole.end
        for x in parts:
            found = list(count.finditer(text, prev, x.start))
            if len(found) != 1 or found[0].group(2) != word or any(
                    y is not x and prev <= y.start < x.start for y in out):
                break
            counts.append(int(found[0].group(1)))
            prev = x.end
        else:
            if sum(counts) == total:
                whole.parts_complete = True


def _added_figure(sent: str, a: int, m: re.Match, like: Statement, g: Grammar) -> Statement | None:
    """'调出资金增加10,239万元' in a list opened by 加上: the amount the clause adds, kept with its name."""
    clause = sent[_last_break(sent, m.start(), g) + 1 : m.start()]
    verb = next((v for v in entry("statements", "parts.added_verbs") if clause.endswith(v)), None)
    if verb is None or len(clause) - len(verb) < 2:
        return None
    gn = next(k for k in ("n", "bn", "kn", "ln", "pn") if m.group(k) is not None)
    n, u = m.group(gn), m.group("u") or m.group("bu") or m.group("ku") or m.group("lu") or m.group("pu")
    if u is None or u not in g.units:
        return None
    name = clause[: -len(verb)].strip(" ,，、")
    return replace(like, value=Decimal(n.replace(",", "").replace(" ", "")), unit=u, factor=g.units[u],
                   decimals=_decimals(n), printed=m.string[m.start(gn) : m.end(gn)], start=a + m.start(gn),
                   end=a + m.end(gn), label=clause.strip(), measure_said=False, line_item="stated", item_label=name,
                   part_of=None, rate=None, rate_base=None, prior=None, share=None, share_of_named=None,
                   is_rate_base=False, cells_run=False, ref=None, level_of=None, parts_complete=False,
                   pending_pct=None, in_reason=False, measure=like.measure)


_MINUS = "-−"
_GLUED_YEAR = re.compile(r"(?:19|20)\d{3,}")  # a year with more digits run on after it


def _carried_in(label: str, year: int | None, g: Grammar) -> bool:
    """'2023年结转' in a sentence about 2024: last year's money carried into the year reported."""
    m = g.carried_in.search(label)
    return m is not None and year is not None and int(m.group(1)) < year


def _named_whole_among(sent: str, flow: Flow, g: Grammar) -> Statement | None:
    """A sentence opening "<a line, at a stage>中," before its first figure: that line's level
    stated earlier in the report at that stage, whose parts the sentence lists."""
    first = g.figure.search(sent)
    if first is None:
        return None
    head = sent[: first.start()]
    k = max(head.rfind(w) for w in g.part_after)
    if k <= 0 or any(ch in head[:k] for ch in g.breaks):
        return None
    item, measure = _item_of(head[:k], g), _measure_of(head[:k], g)
    if item is None or measure is None or item[0] in g.generic_items:
        return None
    return flow.levels.get((item[0], measure))


def _negative(sent: str, at: int) -> bool:
    """A minus sign right before the figure at `at`, not a range's dash after a figure or a year."""
    return at > 0 and sent[at - 1] in _MINUS and (at < 2 or not (sent[at - 2].isdigit() or sent[at - 2] in _MINUS + "."))


def _is_change(label: str, g: Grammar) -> bool:
    """The label makes its figure a change (比上年减少, 较上年增, 减少了…), not a level."""
    return _ends_with(label, g.change_before) or bool(g.change_pattern.search(label)) \
        or bool(g.change_start.match(label)) or bool(g.budget_gap.search(label))


def _prior_label(label: str, g: Grammar) -> bool:
    """The label introduces an earlier period's figure: 比上年, 较上年同期, 比上年财政总收入."""
    if g.prior_before.search(label):
        return True
    named = g.prior_named.search(label)
    # 比上年增加经费50万元 is a change, not an earlier figure
    return named is not None and not _is_change(label, g) and not any(w in named.group("name") for w in g.change_before)


def _glued_year(sent: str, m: re.Match, gn: str, para_year: int | None, g: Grammar) -> int | None:
    """"与2019498.83万元相比": after a comparison word, a year of the paragraph's past glued to the
    figure it compares with (its 年 lost). Only a year up to five before the paragraph's own, and
    only when the rest is a figure of its own (no leading zero): 比200000万元 is a figure."""
    n = m.group(gn)
    if gn != "n" or para_year is None or "," in n or not g.prior_marker.search(sent[: m.start(gn)]):
        return None
    whole, rest = n.split(".")[0], n[4:]
    if len(whole) < 6 or not (para_year - 5 <= int(whole[:4]) < para_year):
        return None
    return int(whole[:4]) if not rest.startswith("0") or rest.startswith("0.") else None


def _prior_owner(label: str, si: int, out: list[Statement], flow: Flow, g: Grammar) -> Statement | None:
    """The level an earlier period's figure is the prior of: the last level of its sentence that
    no rate was measured against ("完成95808万元,占预算80641万元的118.8%,较上年同期80641万元…"
    is 95808's); with none, the level of the sentences before that its words name ("…实现财政
    总收入203541.54万元…。比上年财政总收入238960.28万元…"), or, naming none, the last figure
    of the sentence just before ("…总计424.71万元。与2019年498.83万元相比").
    """
    here = [x for x in out if x.sentence == si and x.period == "current"]
    if here:
        return next((x for x in reversed(here) if not x.is_rate_base), None)
    before = ([flow.last] if flow.last is not None and all(flow.last is not x for x in out) else []) + out
    named = g.prior_named.search(label)
    if named:
        name = named.group("name").rstrip(g.label_tail)
        return next((x for x in reversed(before) if x.period == "current" and
                     (x.label.rstrip(g.label_tail).endswith(name) or x.item_label.endswith(name))), None)
    last = before[-1] if before else None
    if last is not None and last.period == "current" and last.sentence == si - 1:
        return last
    return None


def _restarts_list(text: str, whole: Statement, g: Grammar) -> bool:
    """A heading, or a paragraph naming the list's whole again before its first figure
    ("2022年度“三公”经费支出决算中，…"), starts a new account: the old list is closed."""
    first = g.figure.search(text)
    if first is None:
        return bool(g.outline.match(text))
    head = text[: first.start()]
    return any(code == whole.line_item for pat, code, _generic in g.items for _m in pat.finditer(head))


def _year_of(before: str, g: Grammar) -> int | None:
    """The year a sentence speaks of: its first 20xx年 that is not a comparison base (比2021年)."""
    for m in g.year.finditer(before):
        if not g.prior_marker.search(before[max(0, m.start() - 4) : m.start()]):
            return int(m.group(1))
    return None


def _year_before(label: str, code: str, measure: str, si: int, out: list[Statement], g: Grammar) -> Statement | None:
    """The level of this sentence a figure whose own clause names the year before it is the prior
    of: the sentence's last current level, of the same line and stage, with no prior yet."""
    ly = _year_of(label, g)
    last = next((x for x in reversed(out) if x.sentence == si and x.period == "current" and not x.is_rate_base), None)
    if ly is None or last is None or last.prior is not None or last.year is None or ly != last.year - 1:
        return None
    return last if last.line_item == code and last.measure == measure else None


def _class_line(label: str, item: tuple[str, str, int], g: Grammar) -> str | None:
    """The classification line a label names when the line item's words sit inside it, before one of
    its level marks ("其他政府性基金安排的支出（项）"): that line's words; else None."""
    if not g.class_mark.search(label, item[2]):
        return None
    paths = list(g.class_path.finditer(label))
    return paths[-1].group(0).strip() if paths else None


def _same_year(a: int | None, b: int | None) -> bool:
    return a is None or b is None or a == b


def _level_named(before: str, out: list[Statement], flow: Flow, g: Grammar) -> Statement | None:
    """The level a change without one in its sentence is about: the level its words name
    ("三公经费决算数比2020年增加…"), else the whole of the last list stated ("…其中人员经费…，
    公用经费…。比上年增加654万元")."""
    item = _item_of(before, g)
    measure = _measure_of(before, g)
    if item is not None:
        # A change naming an item whose level was never stated is not judged.
        hit = flow.levels.get((item[0], measure)) if measure else None
        return hit or next((v for (i, _m), v in reversed(flow.levels.items()) if i == item[0]), None)
    current = [s for s in out if s.period == "current"]
    if not current:
        return None
    last = current[-1]
    # "收入总计…,支出总计687.8万元。与2015年决算数相比,收入增加…": the change's clause names its flow;
    # the level is the last one of that flow, never one of the other.
    clause = re.split(r"[,，;；。:：]", _GROUPING.sub("_", before))[-1]
    flow_words = [w for w in g.flows if w in clause]
    if len(flow_words) == 1 and flow_words[0] not in last.label:
        return next((s for s in reversed(current) if flow_words[0] in s.label
                     and not any(w in s.label for w in g.flows if w != flow_words[0])), None)
    # "基本支出…，其中人员经费…，公用经费…。比上年增加…": after a sentence enumerating parts,
    # the change is the whole's; a line stating one part ("1．一般公共服务支出…。与上年相比
    # 增加…") speaks of itself.
    whole = last.part_of
    siblings = [s for s in current if s.part_of is whole and s.sentence == last.sentence]
    return whole if whole is not None and len(siblings) >= 2 else last


def _closed_brackets(text: str) -> list[tuple[int, int]]:
    """(open, close) positions of the bracket pairs closed in text."""
    out, stack = [], []
    for k, ch in enumerate(text):
        if ch in "(（":
            stack.append(k)
        elif ch in ")）" and stack:
            out.append((stack.pop(), k))
    return out


def _item_between(sent: str, a: int, z: int, g: Grammar) -> bool:
    """A list's item break (；) printed between positions a and z of the sentence."""
    return any(ch in sent[max(a, 0) : max(z, 0)] for ch in g.item_breaks)


def _next_rate(m: re.Match, a: int, label: str, si: int, rates: list[Rate], g: Grammar) -> bool:
    """"…资金执行99.97%;桂花村美丽乡村项目99.89%,响洪甸水毁修复项目95.6%": right after a rate of its
    sentence that stands alone (no money figure in the sentence), a percentage beside a bare name (no
    change, share or rate word) is the next of a list of such rates."""
    last = rates[-1] if rates else None
    if last is None or last.sentence != si or last.end > a + m.start() or last.joined \
            or g.figure.search(m.string, 0, m.start()):
        return False  # only a list of rates standing alone ("比2021年增添3.8%" after 为预算的100% is none)
    between = m.string[last.end - a : m.start()]
    name = label.strip(" ,，、;；")
    return not g.figure.search(between) and not g.percent.search(between) and 2 <= len(name) <= 24 \
        and between.lstrip(" %％").startswith(tuple(",，、;；")) and name == between.strip(" %％,，、;；") \
        and not any(w in name for w in g.rate_change_words + g.share_words + g.rate_words + g.threshold_before)


def _listed_rate(m: re.Match, label: str, g: Grammar) -> bool:
    """"支付率低于全省(67.3%)平均进度的有:高新区41.8%,,市本级51.4%": a percentage listed after a
    colon whose clause names a rate, each beside the name of what it is the rate of (no money
    figure, no change or share word between): that rate."""
    colon = max(m.string.rfind(c, 0, m.start()) for c in ":：")
    if colon < 0 or g.figure.search(m.string, colon, m.start()):
        return False
    head = m.string[max(m.string.rfind(c, 0, colon) for c in "。；;，,") + 1 : colon]
    name = label.strip(" ,，、")
    return any(w in head for w in g.rate_words) and 0 < len(name) <= 12 \
        and not any(w in name for w in g.rate_change_words + g.share_words + g.rate_words)


def _share(label: str, pct: tuple, si: int, out: list[Statement], flow: Flow, g: Grammar,
           aside: list[Statement] | None = None, before: tuple[str, int] | None = None) -> None:
    """占 X%: the share of the figure before it in its sentence (not one in a bracket closed
    before the share: `aside`), of the whole named after 占 (its level stated earlier in the
    report) or, with no name, of the figure it is listed under."""
    at = max(label.rfind(w) for w in g.share_words)
    part = next((s for s in reversed(out) if s.sentence == si and s.period == "current"
                 and not any(s is x for x in aside or ())), None)
    if at < 0 or part is None or part.share is not None:
        return
    # a clause closed by a semicolon since the figure (…7,086.06万元，占…28.93%；货物采购授予中小企业合同
    # 金额占…4.07%): the share's subject is the new clause's, a figure the sentence does not print
    if before is not None and any(x in before[0][max(0, part.end - before[1]):] for x in g.list_item_end):
        return
    # The whole as named, less the words around a name (的, 比重 …); a name the vocabulary knows
    # only with its 总额 (收入预算总额) is tried before the one trimmed of it.
    named = label[at + 1 :].strip()
    words = named
    for w in g.share_trim:
        words = words.replace(w, "")
    keep_total = named
    for w in g.share_trim:
        if w not in g.share_keep:
            keep_total = keep_total.replace(w, "")
    item = _item_of(keep_total, g) if keep_total != words else None
    if item is not None:
        words = keep_total
    if words:
        item = item or _item_of(words, g)
        if item is None or not _bare(words[: item[2] - len(item[1])], g):
            return  # a whole the vocabulary cannot name (占全市…) is not compared
        if part.part_of is not None and part.part_of.line_item != item[0]:
            part.part_of = None  # its share names its whole: not the list it seemed to be in
        whole = flow.levels.get((item[0], part.measure)) or next(
            (v for (i, _m), v in reversed(flow.levels.items()) if i == item[0]), None)
        # "项目支出总额656.93万元。其中,本级项目支出385.58万元…占项目支出总额比例100%": of the
        # levels of that line, the one printed under the very name the share gives
        whole = next((v for v in reversed(flow.named_levels) if v.line_item == item[0] and v is not part
                      and any(w in keep_total for w in g.share_keep)
                      and v.label.rstrip(g.label_tail).endswith(keep_total)), whole)
        if whole is not None and g.share_tier.search(_without_item(whole)) and not g.share_tier.search(
                words[: item[2] - len(item[1])]):
            return  # one tier's level, not the whole the share names
        if whole is None:
            # "…一般公共预算总支出安排6571.85亿元…其中,省本级支出1478.55亿元,占总支出的22.5%": no level of
            # the line the vocabulary reads the words as, but a figure of the paragraph printed under
            # those very words (less its stage): that figure is the whole
            whole = next((v for v in reversed(out) if v is not part and v.period == "current"
                          and v.start < part.start and v.yuan > part.yuan
                          and _printed_under(v.label, words, g)), None)
        if whole is None:
            part.share_of_named = (item[0], words, *pct)
            return
    else:
        whole = part.part_of
    if whole is not None and whole is not part:
        part.share = (whole, *pct)


def _printed_under(label: str, words: str, g: Grammar) -> bool:
    """A level's label ends with `words` (a name of at least three characters) once the stage
    words closing it are dropped ('…一般公共预算总支出安排' is printed under 总支出)."""
    if len(words) < 3:
        return False
    lab = label.rstrip(g.label_tail)
    stage = sorted({w for name, ws in g.measures if name not in g.kind_measures for w in ws}, key=len, reverse=True)
    while not lab.endswith(words) and (w := next((w for w in stage if lab.endswith(w) and lab != w), None)) is not None:
        lab = lab[: -len(w)].rstrip(g.label_tail)
    return lab.endswith(words)


def _without_item(st: Statement) -> str:
    """A level's label up to the words naming its line ('旗级' of '旗级一般公共预算收入累计完成')."""
    k = st.label.rfind(st.item_label) if st.item_label else -1
    return st.label[:k] if k > 0 else ""


def _named_prior(label: str, si: int, out: list[Statement], g: Grammar) -> Statement | None:
    """"2025年当年预算执行数为1690.69万元，2026年预算安排1434.89万元，比2025年预算执行数减少1.10%":
    a change whose comparison names an earlier year, when its sentence states exactly one figure
    of that year and, after it, a figure of a later year. That earlier figure becomes the later
    one's prior (period 'prior'); the later figure is returned. Anything less clear: None."""
    named = [int(m.group(1)) for m in g.year.finditer(label)
             if g.prior_marker.search(label[max(0, m.start() - 4) : m.start()])]
    if len(named) != 1:
        return None
    year = named[0]
    same = [x for x in out if x.sentence == si and x.period == "current" and x.prior is None]
    earlier = [x for x in same if _year_of(x.label, g) == year]
    if len(earlier) != 1:
        return None
    later = [x for x in same if x.start > earlier[0].start and (_year_of(x.label, g) or 0) > year]
    if not later:
        return None
    level, prior = later[-1], earlier[0]
    prior.period = "prior"
    level.prior = prior
    return level


def _level_before_base(m: re.Match, a: int, si: int, out: list[Statement], closed: list[tuple[int, int]],
                       g: Grammar, flow: Flow) -> Statement | None:
    """"一般公共预算收入31751万元,完成预算数31220万元的101.7%": a rate whose own clause prints the
    budget it is measured against, after a level of the same line whose stage no word said (the
    fund's name 一般公共预算 made it look like a budget): that level is what was collected — the
    figure the rate measures. Its stage is corrected to executed; anything less clear: None."""
    clause = a + _last_break(m.string, m.start(), g) + 1
    here = [s for s in out if s.sentence == si and s.period == "current" and s.rate is None
            and not any(o < s.start - a < c for o, c in closed)]
    base = next((s for s in reversed(here) if s.start >= clause and s.measure in ("initial", "adjusted")
                 and s.measure_said), None)
    if base is None:
        return None
    before = [s for s in here if s.start < clause]
    lv = before[-1] if before else None
    if lv is None or lv.measure_said or lv.line_item != base.line_item or lv.line_item == "stated" \
            or lv.part_of is not None or lv.measure not in ("initial", "adjusted"):
        return None
    return _restage_executed(lv, flow)


def _level_before_named_budget(si: int, out: list[Statement], g: Grammar, flow: Flow) -> Statement | None:
    """"一般公共预算收入117.31亿元,为预期的106.3%": a rate whose words name the budget it is
    measured against (为预算的, 完成年初预算的, 为预期的, 占任务数的) without printing it, right after a
    named line's level whose stage no word said (the fund's name 一般公共预算 made it look like a
    budget): that level is what was collected or spent. The last figure read must be that level."""
    lv = out[-1] if out else None
    if lv is None or lv.sentence != si or lv.period != "current" or lv.rate is not None or lv.measure_said \
            or lv.line_item in ("stated", *g.generic_items) or lv.part_of is not None \
            or lv.measure not in ("initial", "adjusted") or lv.is_rate_base:
        return None
    return _restage_executed(lv, flow)


def _restage_executed(lv: Statement, flow: Flow) -> Statement:
    """A level first read at a budget stage is what was spent: moved to `executed` in the flow."""
    if flow.levels.get((lv.line_item, lv.measure)) is lv:
        del flow.levels[(lv.line_item, lv.measure)]
    lv.measure = "executed"
    flow.levels[(lv.line_item, lv.measure)] = lv
    return lv


def _spent_before_rate(label: str, si: int, out: list[Statement], g: Grammar, flow: Flow) -> Statement | None:
    """"全市中央直达资金总量为48.67亿元,支出19.28亿元,支付率为39.62%": spending named without a stage
    (支出, 资金), after a budget of the same line in its sentence and right before a payment or
    execution rate, is what was spent — not another budget at the report's default stage. Only its
    stage is corrected: the rate stays on its own (measured against a budget the text may state
    elsewhere; 39.62 % vs 19.28/48.67 = 39.61 % is within rounding but would be filed as an error)."""
    if not any(w in label for w in g.standalone_rate_words):
        return None
    here = [s for s in out if s.sentence == si and s.period == "current"]
    if len(here) < 2:
        return None
    lv, base = here[-1], here[-2]
    if lv.measure_said or lv.rate is not None or lv.part_of is not None or lv.measure not in ("initial", "adjusted") \
            or base.line_item != lv.line_item or base.measure not in ("initial", "adjusted", "allocated") \
            or not any(w in _mask_items(lv.label, g) for w in g.neutral) or not _bare(lv.label, g):
        return None
    return _restage_executed(lv, flow)


def _percent(m: re.Match, label: str, since: str, a: int, si: int, out: list[Statement],
             rates: list[Rate], changes: list[Change], g: Grammar, flow: Flow) -> None:
    n = m.group("n")
    value = Decimal(n.replace(",", "").replace(" ", ""))
    pct = (value, n, _decimals(n), a + m.start("n"), a + m.end("n"))
    tail = changes[-1] if changes else None
    # "分别减少0.18亿元和0.56亿元,下降133.1%和43.7%": a list of percentages after changes listed
    # respectively pairs with them in order (the first only when another percentage follows it)
    grouped = [c for c in changes if tail is not None and tail.group and c.group == tail.group]
    last_change = next((c for c in grouped if c.pct is None), None) if grouped \
        else tail if tail is not None and tail.pct is None else None
    if last_change is not None and grouped and last_change is grouped[0] and not _PCT_JOINED_NEXT.match(m.string, m.end()):
        last_change = None
    if last_change is not None and (tail.end < a or g.figure.search(m.string[tail.end - a : m.start()])):
        # a change of another sentence, or another figure was read since the change ("减少0.09万元，
        # 下降%（其中：…购置费0万元，…增长（下降）0%"): this percentage is that figure's clause's
        last_change = None
    if last_change is not None and not grouped and _PCT_LIST_NEXT.match(m.string, m.end()):
        # "各减少1267.86，2570.97万元，各下降23.51%、38.28%": a list of percentages pairs with
        # the listed changes in order; only its last belongs to the change read last
        return
    if last_change is not None and last_change.end <= a + m.start():
        # "减少1.5万元(42.86%)" or "，下降5.2%": the change's own percentage.
        gap = since.strip(" ()（）,，、")
        if grouped and gap in g.joiners:
            gap = ""  # "…133.1%和43.7%": the next of the list
        if any(w in gap for w in g.other_basis):
            return  # "减收34,086万元,剔除留抵退税后同口径增长0.67%": a rate on another basis
        # "超收3078万元,同比增长14.2%": growth on the year before, not the excess over the budget's
        # …but after a change against a budget printed in its own clause (较预算数339万元减少217万元,下降64%)
        # a bare 下降 is that change's own percentage
        other_period = last_change.base == "budget" and (bool(g.prior_period.search(gap)) or (
            gap in g.prior_growth and last_change.against is None))
        if not other_period and (not gap or _ends_with(gap, g.rate_change_words) or gap in g.rate_change_words):
            last_change.pct = pct
            return
    if _ends_with(label, g.rate_change_words) or any(w in label for w in g.rate_change_words):
        # "培训费2023年预算2万元，较2022年预算1.50万元增长75%": a percentage of a level whose earlier
        # figure is printed, with no change amount.
        lv = next((x for x in reversed(out) if x.sentence == si and x.period == "current"
                   and not x.is_rate_base), None)  # not the budget a rate was measured against
        if lv is not None and lv.prior is None:
            lv = _named_prior(label, si, out, g) or lv
        d = _nearest(label, g.rate_change_words)
        word = d[1] if d else ""
        if lv is not None and lv.prior is not None and _direction(word, g) and \
                not any(c.level is lv for c in changes):
            changes.append(Change(lv, _direction(word, g), word, None, "", lv.unit, lv.factor, 0, *pct[3:],
                                  pct=pct))
        elif lv is not None and lv.prior is None and _direction(word, g) and not any(c.level is lv for c in changes):
            lv.pending_pct = (_direction(word, g), pct)  # its amount may follow (…增长10.85%,增收2,798万元)
        return
    if label.rstrip().endswith(g.threshold_before):
        return  # a threshold a rule sets or a formula's factor, not a rate the report states
    if any(w in label for w in g.rate_not):
        return  # how far an indicator was met ("指标完成率99.14%"), not a rate of the budget
    # "上级补助收入2.67亿元,,完成44.8%": 完成 alone right after a money figure of its sentence
    after_figure = bool(g.rate_after_figure.search(label)) and bool(since.strip(" ,，")) and \
        bool(g.rate_after_figure.search(since.strip(" ,，"))) and any(s.sentence == si and s.period == "current" for s in out)
    plain = _ASIDE.sub("", label)
    if not any(w in label for w in g.rate_words) and not any(p.search(plain) for p in g.rate_patterns) \
            and not after_figure and not _listed_rate(m, label, g) and not _next_rate(m, a, label, si, rates, g):
        # a part closed in a bracket before the share is an aside of the figure before it
        # ("财政拨款收入61239.09万元(其中,一般公共预算…,国有资本经营预算0.00万元),占收入合计100.0%")
        closed = _closed_brackets(m.string[: m.start()])
        aside = [s for s in out if s.sentence == si and any(o < s.start - a < c for o, c in closed)]
        _share(label, pct, si, out, flow, g, aside, (m.string[: m.start()], a))
        return
    rate = Rate(value, n, _decimals(n), a + m.start("n"), a + m.end("n"), label.strip(), si)
    rates.append(rate)
    # The figure a rate measures: the executed (or, in budget-execution reports, received)
    # level stated before it in its sentence.
    # Not a part listed in a bracket closed before the rate ("执行数1032849.44(含…其他资金11185.14万元),
    # 总预算执行率95.61%": the rate is the whole's).
    closed = _closed_brackets(m.string[: m.start()])
    # Not a figure of last year ("累计完成146845万元,比上年同期144987万元增收…,完成年初预算245800万元的
    # 59.74%": the rate is this year's).
    ex = next((s for s in reversed(out) if s.sentence == si and s.measure in ("executed", "income")
               and s.period != "prior" and not any(o < s.start - a < c for o, c in closed)), None)
    if ex is not None and (whole := ex.part_of) is not None and whole.rate is None and whole.measure == ex.measure \
            and sum(1 for s in out if s.part_of is whole and s is not ex and s.rate is None) >= 1:
        # "实际支付355.16万元,其中:中央248.74万元、省级74.71万元、县级31.71万元,执行率65%": a rate after
        # the last of a list whose other parts print none closes the list: it is the whole's.
        ex = whole
    if ex is None:
        ex = _level_before_base(m, a, si, out, closed, g, flow)
    if ex is None and any(p.search(plain) for p in g.rate_patterns):
        ex = _level_before_named_budget(si, out, g, flow)
    if ex is None:
        _spent_before_rate(label, si, out, g, flow)
    if ex is not None and ex.rate is None:
        ex.rate = (value, n, rate.decimals, rate.start, rate.end)
        rate.joined = True
        # "支出决算为17.06万元，完成预算27万元的63.2%": the budget it is measured against.
        # (a part listed under another figure is no base of a whole: 县级66.96万元(…2024年配套50万元) is
        # not what 实际支付355.16万元 is measured against)
        ex.rate_base = next((s for s in reversed(out) if s.sentence == si and s.line_item == ex.line_item
                             and s.measure in ("initial", "adjusted", "allocated")
                             and (s.part_of is None or ex.part_of is not None)
                             and not (ex.line_item == "stated" and _item_between(m.string, s.end - a, ex.start - a, g))),
                            None)
        budgets = [s for s in out if s.sentence == si and s.period == "current"
                   and s.measure in ("initial", "adjusted", "allocated")]
        clause = a + _last_break(m.string, m.start(), g) + 1
        named = next((st for st, ws in g.rate_named_base if any(w in label for w in ws)), None)
        if named is not None and (ex.rate_base is None or ex.rate_base.measure != named):
            # "年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元，完成年初预算的95.89%": a rate naming
            # its budget's stage is of the sentence's figure of that stage, when the sentence states one
            ex.rate_base = next((s for s in reversed(budgets) if s.measure == named and s.start < ex.start
                                 and s.line_item == ex.line_item), ex.rate_base)
        if ex.rate_base is None:
            # "完成区…会议批准收入调整预算37.5亿元的104.3%": the budget printed in the rate's own clause
            ex.rate_base = next((s for s in reversed(budgets) if s.start >= clause), None)
        if ex.rate_base is None and len(budgets) == 1 and budgets[0].start < ex.start and _bare(ex.label, g) \
                and any(p.search(label) for p in g.rate_patterns):
            # "…支出年初预算数为1255.37万元,支出决算数为2112.86万元,完成年初预算的100%": the one budget
            # of the sentence, before an execution naming nothing else, is what 完成预算 measures against
            ex.rate_base = budgets[0]
        if ex.rate_base is not None:
            ex.rate_base.is_rate_base = True
            if flow.last is ex.rate_base:
                # what follows ("。其中:公共财政预算收入43101万元") continues the execution, not its budget
                flow.last, flow.measure = ex, ex.measure
        # "资金支付18501.096万元，未支703万元，支付率95%": an execution or payment rate whose
        # budget is stated elsewhere in the report.
        ex.rate_elsewhere = ex.rate_base is None and any(w in label for w in g.standalone_rate_words)


# --- Scores stated in running text -------------------------------------------------------


@dataclass(frozen=True)
class ScoreGrammar:
    score: re.Pattern[str]
    form_total: re.Pattern[str]
    form_total_max: float
    not_before: tuple[str, ...]
    total_words: tuple[str, ...]
    label_trim: re.Pattern[str]
    heading: re.Pattern[str]
    self_words: tuple[str, ...]
    total_heading: re.Pattern[str]
    total_alone: re.Pattern[str]
    won: re.Pattern[str]
    respectively: re.Pattern[str]
    respectively_item: re.Pattern[str]
    respectively_sep: re.Pattern[str]


@lru_cache(maxsize=1)
def score_grammar() -> ScoreGrammar:
    full = tomllib.loads((VOCAB / "statements.toml").read_text(encoding="utf-8"))
    cfg, glue = full["score"], full["glue"]
    words = "|".join(re.escape(w) for w in sorted(cfg["words"], key=len, reverse=True))
    trim = "|".join(re.escape(w) for w in cfg["label_trim"])
    return ScoreGrammar(
        score=re.compile(rf"(?P<w>{words}){glue['score_tail']}"),
        form_total=re.compile(rf"(?P<w>{'|'.join(map(re.escape, cfg['form_total_words']))}){glue['form_total_tail']}"),
        form_total_max=float(cfg["form_total_max"]),
        not_before=tuple(cfg["not_before"]), total_words=tuple(cfg["total_words"]),
        label_trim=re.compile(rf"(?:{trim})+$"), heading=re.compile(cfg["heading"]),
        self_words=tuple(cfg["self_words"]),
        total_heading=re.compile(cfg["total_heading"]), total_alone=re.compile(cfg["total_alone"]),
        won=re.compile(cfg["won"]),
        respectively=re.compile(rf"(?P<w>{words}){cfg['respectively']}"),
        respectively_item=re.compile(cfg["respectively_item"]), respectively_sep=re.compile(cfg["respectively_sep"]),
    )


@dataclass
class Score:
    value: Decimal
    printed: str
    decimals: int
    start: int
    end: int
    component: str | None  # named by its own clause; None: the heading it is under
    total: bool
    about_project: bool = False  # its sentence or label is about one project (项目自评得分…)
    # its sentence states an execution rate before it ("全年执行300万元,执行率100%,自评分20分"): the
    # score of the form's budget-execution row
    of_rate: bool = False


@dataclass
class Heading:
    name: str
    weight: Decimal
    printed: str
    decimals: int
    level: int
    ref: str = ""  # where the heading is printed (set by the caller)


def _heading_level(num: str) -> int:
    """一、 → 1, (一) → 2, 1. / 1、 → 3, (1) → 4: the numbering of Chinese report outlines."""
    bracket = num[0] in "(（"
    chinese = bool(re.search(r"[一二三四五六七八九十]", num))
    return (2 if bracket else 1) if chinese else (4 if bracket else 3)


def read_heading(printed: str) -> Heading | None:
    m = score_grammar().heading.match(to_halfwidth(printed))
    if not m:
        return None
    w = m.group("w")
    return Heading(m.group("name").strip(), Decimal(w), w, _decimals(w), _heading_level(m.group("num")))


def _respectively(text: str, printed: str, sg: ScoreGrammar) -> list[Score]:
    """Scores stated respectively: each the score of its item, named inline (租赁住房保障90分) or
    by the names listed before the score word, in order, when as many are listed."""
    out: list[Score] = []
    for m in sg.respectively.finditer(text):
        items, pos = [], m.end()
        while (it := sg.respectively_item.match(text, pos)) is not None:
            items.append(it)
            sep = sg.respectively_sep.match(text[it.end():])
            if sep is None:
                break
            pos = it.end() + sep.end()
        if len(items) < 2:
            continue
        sent = max(text.rfind(ch, 0, m.start()) for ch in "。；;\n") + 1
        clause = max(text.rfind(ch, sent, m.start()) for ch in ",，:：") + 1
        listed = [x.strip() for x in text[clause : m.start()].split(_LIST_COMMA) if x.strip()]
        for k, it in enumerate(items):
            name = it.group("name").strip() or (listed[k] if len(listed) == len(items) else "")
            if not name:
                continue
            n = it.group("n")
            out.append(Score(Decimal(n), printed[it.start("n") : it.end("n")], _decimals(n), it.start("n"),
                             it.end("n"), name, False, False))
    return out


_LIST_COMMA = "\u3001"


def read_scores(printed: str) -> list[Score]:
    """Every score stated in the paragraph ("…规范。自评得2分", "X绩效自评分数为73.18分")."""
    sg = score_grammar()
    g = grammar()
    text = to_halfwidth(printed)
    out: list[Score] = []
    prev = 0
    for m in sg.score.finditer(text):
        cut = max(text.rfind(ch, 0, m.start()) for ch in g.breaks + "。、")
        label = text[max(cut + 1, prev) : m.start()].strip()
        prev = m.end()
        if any(label.endswith(w) or m.group("w").startswith(w) for w in sg.not_before):
            continue
        n = m.group("n")
        total = any(w in label + m.group("w") for w in sg.total_words)
        name = sg.label_trim.sub("", re.sub(r"^[（(]?[一二三四五六七八九十\d]{1,3}[)）.、．]\s*", "", label)).strip()
        sent_start = max(text.rfind(ch, 0, m.start()) for ch in "。；;\n") + 1
        about = bool(g.project_subject.match(text[sent_start:])) or g.project_word in label + m.group("w")
        of_rate = bool(re.search(rf"(?:{'|'.join(map(re.escape, g.standalone_rate_words))})\D{{0,3}}\d+(?:\.\d+)?%",
                                 text[sent_start : m.start()]))
        out.append(Score(Decimal(n), printed[m.start("n") : m.end("n")], _decimals(n), m.start("n"), m.end("n"),
                         name if len(name) >= 2 and not name.endswith(sg.self_words) else None, total, about,
                         of_rate))
    out.extend(_respectively(text, printed, sg))
    taken = {x.start for x in out}
    for m in sg.form_total.finditer(text):
        n = m.group("n")
        if m.start("n") in taken or float(n) > sg.form_total_max:
            continue
        out.append(Score(Decimal(n), printed[m.start("n") : m.end("n")], _decimals(n), m.start("n"), m.end("n"),
                         None, True, False))
        taken.add(m.start("n"))
    for m in sg.won.finditer(text):
        # "我市以99分的高分在全区各盟市中排名第一": the score the evaluation gave the reporter
        n = m.group("n")
        if m.start("n") not in taken:
            out.append(Score(Decimal(n), printed[m.start("n") : m.end("n")], _decimals(n), m.start("n"), m.end("n"),
                             None, True, False))
    return out
