"""Split a document into the logical reports it holds, with kind, unit, year and title.

A title is a short run of up to three short paragraphs (titles wrap) that names a report
kind. A title of another kind than the current report starts a new report; project tables
and attachments stay with the report they follow.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from pipeline.model import Document, Paragraph, Table
from pipeline.normalize.names import unit_key

# Order matters: the first matching kind wins.
KIND_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("special_fund", re.compile(r"专项(资金|经费).{0,6}绩效(自评|评价)")),
    (
        "department",
        re.compile(
            r"部门(整体)?(支出|预算)?绩效(自评|评价)|整体支出绩效(自评|评价|目标自评)|部门整体绩效|单位整体支出绩效"
            r"|整体支出[及和与]项目支出绩效"
        ),
    ),
    ("special_fund", re.compile(r"(补助|转移支付|专项|衔接)[^，。]{0,20}资金.{0,12}绩效(自评|评价)")),
    ("project", re.compile(r"项目(支出)?绩效(自评|目标自评)|绩效目标自评表|项目自评报告")),
    ("final_accounts", re.compile(r"决算(情况)?说明|部门决算|单位决算")),
    ("budget", re.compile(r"(部门|单位)预算(公开)?$|预算公开|(部门|单位)预算(情况)?说明")),
    ("department", re.compile(r"^(\d{4}年度?)?绩效自评报告$")),
    # Titles that name neither template: "X中心2024年度项目支出绩效单位自评报告",
    # "X镇人民政府2024年度绩效自评报告", "X补助资金2023年度绩效自评报告".
    ("project", re.compile(r"(项目|经费).{0,12}绩效.{0,4}(自评|评价)(总结)?(报告|表|情况)")),
    ("department", re.compile(r"绩效.{0,4}(自评|评价)(总结)?报告$")),
]

_YEAR = re.compile(r"(20\d\d|19\d\d)\s*年(度)?(?!\s*\d{1,2}\s*月)")
_UNIT_LABEL = re.compile(
    r"(部门|单位|预算单位|主管部门|填报单位|评价单位|被评价单位)(?:[（(]单位[)）])?(名称)?(?:[（(]盖章[)）])?\s*[:：]\s*(\S[^\n]{1,40})"
)
# A unit name ends in an organisation suffix, optionally followed by a second one
# (县人民政府 + 办公室, 市委 + 组织部); 部门 is a word, not a suffix.
_SUFFIX = (
    r"(?:委员会|人民政府|常委会|政协|委|局|办公厅|厅|办公室|办|部(?![门分])|院|馆|中心|站|所|队|社|署|处|"
    r"学校|小学|中学|幼儿园|大学|学院|联合会|协会|公司|街道办事处)"
)
_UNIT_IN_TEXT = re.compile(
    r"((?:中国共产党|中共)?[\u4e00-\u9fa5]{2,30}?" + _SUFFIX + r"(?:[\u4e00-\u9fa5]{0,10}?" + _SUFFIX + r")?)"
)
# The label run into its value: "部门(单位)名称长沙市雨花区发展和改革局", "实施单位219001-X局".
_UNIT_GLUED = re.compile(
    r"(?:(?:部门|单位)(?:[（(]单位[)）])?名称|实施单位|主管部门|预算单位)[:：]?(?:\d+[-—－])?(?P<u>"
    + _UNIT_IN_TEXT.pattern[1:-1] + ")"
)
# Web-page furniture glued before a title: "• 浏览量• 主题词保山市…", "发布机构：…".
_CHROME = re.compile(r"^.*(主题词|浏览量|浏览次数|阅读次数|发布日期|发布时间|发布机构|索引号|文号|来源)[:：]?\s*|^[•·\-\s]+")
_TITLE_NOISE = re.compile(
    r"^(附件\s*\d*[:：]?\s*|\d+[.、．]\s*|第[一二三四五六七八九十\d]+(部分|章|节|篇)\s*)|关于报送.*$|关于.*的函$"
    r"|[（(]?\s*(20\d\d)\s*年度?\s*[)）]?"
)


@dataclass
class Segment:
    kind: str
    title: str
    start: int  # block index where the report starts
    end: int  # exclusive
    title_para: int | None = None
    unit_name: str | None = None
    fiscal_year: int | None = None


def _kind_of(text: str) -> str | None:
    s = re.sub(r"\s", "", text)
    for kind, pat in KIND_PATTERNS:
        if pat.search(s):
            return kind
    return None


_SECTION = re.compile(r"^\s*([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）])")


def _is_short(p: Paragraph) -> bool:
    t = p.text.strip().strip("|").strip()
    if _SECTION.match(t):
        return False  # "二、项目绩效自评工作开展情况" is a section heading, not a title
    if re.search(r"^.{2,}[:：]", t) and not t.startswith("附件"):
        return False  # "部门名称：…", "…包括：无" are labels, not titles
    return 0 < len(t) <= 45 and not t.endswith(("。", "；", ";"))


def _title_at(blocks: list, i: int) -> tuple[str, str, int] | None:
    """A title starting at block i: (kind, title text, blocks used)."""
    window: list[str] = []
    for j in range(i, min(i + 3, len(blocks))):
        b = blocks[j]
        if not isinstance(b, Paragraph) or not _is_short(b):
            break
        window.append(b.text.strip())
        kind = _kind_of("".join(window))
        if kind:
            if len(window) > 1 and _kind_of(window[-1]) is None and _kind_of("".join(window[:-1])):
                continue
            title = _CHROME.sub("", "".join(w.strip("|# ") for w in window))
            title = re.sub(r"\.(docx?|pdf|wps|txt)$", "", title, flags=re.I).strip("| ")
            used = j - i + 1
            # A cover whose year is set apart ("X局 / 年度部门决算 / 2024"): the year belongs to it.
            nxt = blocks[j + 1] if j + 1 < len(blocks) else None
            if isinstance(nxt, Paragraph) and _BARE_YEAR.match(nxt.text) and not _YEAR.search(title):
                title, used = f"{title} {nxt.text.strip()}", used + 1
            return kind, title, used
    return None


_BARE_YEAR = re.compile(r"^\s*(19|20)\d\d\s*(年度?)?\s*$")
_REPORTED_AS = re.compile(r"现将(?P<t>[^，。；]{4,80}?(?:报告|情况|结果))(?:报告)?如下")


def _title_in_opening(blocks: list) -> tuple[str, str, int] | None:
    """No title line: the opening sentence often names the report ("现将2022年X局…项目绩效
    自评总结报告如下"). Returns (kind, title, block index)."""
    seen = 0
    for i, b in enumerate(blocks):
        if not isinstance(b, Paragraph):
            continue
        seen += 1
        if seen > 15:
            break
        m = _REPORTED_AS.search(re.sub(r"\s", "", b.text))
        if m:
            kind = _kind_of(m.group("t")) or _kind_of(m.group("t") + "报告")
            if kind:
                return kind, m.group("t"), i
    return None


def _unit_from_title(title: str) -> str | None:
    s = re.sub(r"\s", "", title)
    # "<unit><year>年度<kind>": the whole prefix is the unit when it ends like one (the
    # lazy search below would stop at 委 in 中共X区委社会工作部).
    m = re.match(r"^(?:附件\d*[:：]?|第[一二三四五六七八九十\d]+(?:部分|章|节|篇))?(?P<u>[\u4e00-\u9fa5（）()]{4,40}?)(?:19|20)\d\d年", _CHROME.sub("", s))
    if m and re.search(_SUFFIX + r"$", m.group("u")):
        return m.group("u")
    s = _TITLE_NOISE.sub("", _CHROME.sub("", s))
    m = _UNIT_IN_TEXT.search(s)
    return m.group(1) if m else None


def _year_from(text: str) -> int | None:
    m = _YEAR.search(text) or re.search(r"(?<!\d)(20\d\d)\s*$", text)
    return int(m.group(1)) if m else None


def _majority_year(texts: list[str]) -> int | None:
    counts: Counter[int] = Counter()
    for t in texts:
        # Document numbers such as 〔2023〕2号 and dates are publication, not evaluation, years.
        t = re.sub(r"[〔\[［(（]20\d\d[〕\]］)）]", "", t)
        for m in _YEAR.finditer(t):
            counts[int(m.group(1))] += 1
    if not counts:
        return None
    best = max(counts.values())
    return min(y for y, c in counts.items() if c == best)


def _another_unit(kind: str, cur: Segment, title: str) -> bool:
    """A compilation of several units' reports: the same kind of title naming another unit
    starts a new report (project tables inside a department report never do)."""
    if kind != cur.kind or kind == "project":
        return False
    a, b = _unit_from_title(cur.title), _unit_from_title(title)
    if not (a and b):
        return False
    ka, kb = unit_key(a), unit_key(b)
    # 省委办公厅 / 江苏省委办公厅, 上海市规划和自然资源局 / 上海市普陀区规划和自然资源局: one unit.
    return not (ka in kb or kb in ka or ka[-4:] == kb[-4:])


def segment(doc: Document) -> list[Segment]:
    blocks = doc.blocks
    segs: list[Segment] = []
    i = 0
    while i < len(blocks):
        found = _title_at(blocks, i)
        if found:
            kind, title, used = found
            cur = segs[-1] if segs else None
            if cur is None or (kind != cur.kind and not (kind == "project" and cur.kind != "project")) \
                    or _another_unit(kind, cur, title):
                if cur is not None:
                    cur.end = i
                para = blocks[i].index if isinstance(blocks[i], Paragraph) else None
                segs.append(Segment(kind, title, i, len(blocks), title_para=para))
            i += used
            continue
        i += 1
    if not segs and (opening := _title_in_opening(blocks)):
        kind, title, i = opening
        segs.append(Segment(kind, title, 0, len(blocks), title_para=blocks[i].index))
    if not segs:
        return []
    # Content before the first title belongs to the first report (cover pages, unit names).
    segs[0].start = 0
    for s in segs:
        _fill_identity(s, blocks)
    # A report whose unit could not be found inherits the document's most common unit.
    common = Counter(s.unit_name for s in segs if s.unit_name).most_common(1)
    for s in segs:
        if not s.unit_name and common:
            s.unit_name = common[0][0]
    return segs


def _fill_identity(s: Segment, blocks: list) -> None:
    paras = [b.text for b in blocks[s.start : s.end] if isinstance(b, Paragraph)]
    head = paras[:12]
    s.fiscal_year = _year_from(s.title) or _majority_year(paras[:40])
    unit = _unit_from_title(s.title)
    if not unit:
        # "部门：X" is printed above every table of a disclosure; a line wrapped by the PDF
        # ("X办" + "公厅") must not outvote the others, so the most frequent form wins.
        labelled = Counter(
            m.group(3).strip().split()[0] for t in paras[:80] if (m := _UNIT_LABEL.search(t))
        )
        if labelled:
            best = max(labelled.values())
            unit = next(u for u in labelled if labelled[u] == best)
    if not unit:
        for t in head:
            m = _UNIT_GLUED.search(re.sub(r"\s", "", t))
            if m:
                unit = m.group("u")
                break
    if not unit:
        # Short paragraphs just before/at the title often carry the unit name alone.
        for t in head[:3]:
            if len(t) <= 30:
                m = _UNIT_IN_TEXT.fullmatch(re.sub(r"\s", "", t))
                if m:
                    unit = m.group(1)
                    break
    if not unit:
        for b in blocks[s.start : s.end]:
            if isinstance(b, Table):
                for row in b.texts():
                    for k, c in enumerate(row[:-1]):
                        if re.sub(r"\s", "", c) in ("主管部门", "预算单位", "单位名称", "部门名称"):
                            v = re.sub(r"^\d+-", "", row[k + 1].strip())
                            if v:
                                unit = v
                                break
                    if unit:
                        break
            if unit:
                break
    if not unit:
        counts = Counter(
            m.group(1)
            for t in paras[:60]
            for m in _UNIT_IN_TEXT.finditer(t)
            if m.group(1).startswith(("中共", "中国共产党"))
        )
        if counts:
            unit = counts.most_common(1)[0][0]
    if not unit:
        unit = _unit_from_body(paras)
    s.unit_name = unit


_GIVES = re.compile(r"下达|拨付|批复|转发|印发|下发|通知|要求|安排|给|向|对")
_SHORT_NAME = re.compile(r"[（(]以下简称")
_DATE_LINE = re.compile(r"^\s*(19|20)\d\d\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?\s*$")


def _unit_from_body(paras: list[str]) -> str | None:
    """A unit the text names itself: "X局（以下简称…）", "X局…由我局管理" (the last unit
    named before 我局/我委/我校…), or the signature above the date at the end."""
    for t in paras[:20]:
        for sentence in re.split(r"[。；;]", re.sub(r"\s", "", t)):
            units = [m for m in _UNIT_IN_TEXT.finditer(sentence) if "我" not in m.group(1)]
            for m in units:
                if _SHORT_NAME.match(sentence, m.end()):
                    return m.group(1)
            for me in re.finditer(r"我(局|委|办|院|校|中心|厅|部|所|站|馆|镇|乡)", sentence):
                # The clause's subject, calling itself 我局 further on; not "市财政局下达我局".
                before = [m for m in _UNIT_IN_TEXT.finditer(sentence[: me.start()])
                          if m.group(1).endswith(me.group(1))
                          and (m.start() == 0 or sentence[m.start() - 1] in "，,：:（(、")
                          and not _GIVES.search(sentence[m.end() : me.start()])]
                if before:
                    return before[-1].group(1)
    tail = paras[-10:]
    for a, b in zip(tail, tail[1:], strict=False):
        if _DATE_LINE.match(b) and (m := _UNIT_IN_TEXT.fullmatch(re.sub(r"\s", "", a))):
            return m.group(1)
    return None


_EVALUATION = re.compile(r"绩效.{0,6}(自评|评价)|自评得分|自评结论|预算执行率|绩效目标完成")


def looks_like_evaluation(doc: Document) -> bool:
    """Running text that speaks of a performance self-evaluation (for documents whose title
    is missing or unreadable: they still get a report when a figure is found)."""
    return any(_EVALUATION.search(p.text) for _, p in zip(range(60), doc.paragraphs, strict=False))


def untitled_segment(doc: Document) -> Segment:
    texts = [b.caption for b in doc.tables] + [c.text for t in doc.tables for r in t.rows[:3] for c in r]
    texts += [p.text for p in doc.paragraphs]
    joined = "\n".join(texts)
    named = next((k for t in texts[:40] for part in re.split(r"[，。；]", t) if (k := _kind_of(part))), None)
    if named:
        kind = named
    elif _EVALUATION.search(joined):
        kind = "project" if re.search(r"项目|专项|经费", joined[:2000]) else "department"
    else:
        kind = "final_accounts" if "决算" in joined else "budget" if "预算" in joined else "project"
    seg = Segment(kind, "", 0, len(doc.blocks))
    _fill_identity(seg, doc.blocks)
    seg.fiscal_year = seg.fiscal_year or _majority_year(texts)
    if not seg.unit_name:
        for t in texts:
            m = _UNIT_LABEL.search(t)
            if m:
                seg.unit_name = re.split(r"\s|单位[:：]", m.group(3).strip())[0] or None
                if seg.unit_name:
                    break
    return seg
