"""Split a document into the logical reports it holds, with kind, unit, year and title.

A title is a short run of up to three short paragraphs (titles wrap) that names a report
kind. A title of another kind than the current report starts a new report; project tables
and attachments stay with the report they follow.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache

from pipeline.extract import identity as ident
from pipeline.lexicon import pattern, word, words
from pipeline.model import Document, Paragraph, Table
from pipeline.normalize.names import unit_key

_YEAR = pattern("segments", "years.year")
# Web-page furniture glued before a title: "• 浏览量• 主题词保山市…", "发布机构：…".
_CHROME = pattern("segments", "titles.web_chrome")


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
    kind = _title_kind(text)
    return None if kind == _NO_REPORT else kind


_NO_REPORT = "none"  # the kind of vocab/report_kinds.csv rows naming documents about reports
# A file name's extension ending a line ('…单位预算.pdf', a document site's '…评估报告.docx').
_FILE_EXTENSION = re.compile(r"\.(?:docx?|pdf|wps|txt|xlsx?)\s*$", re.I)


def _title_kind(text: str) -> str | None:
    # A file name ('…单位预算.pdf') is titled by its stem.
    s = _FILE_EXTENSION.sub("", re.sub(r"\s", "", text))
    for kind, pat in ident.kind_patterns():
        if pat.search(s):
            return kind
    return None


def is_about_a_report(doc: Document) -> bool:
    """A checklist an inspector filled in about a report ('2026年度普陀区部门预算公开情况检查表'):
    its first title says so; the figures it quotes are no unit's report."""
    blocks, _ = _view(list(doc.blocks)[:40])
    texts = [b.text for b in blocks if isinstance(b, Paragraph)][:10]
    texts += [c.text for b in blocks if isinstance(b, Table) for r in b.rows[:3] for c in r][:10]
    texts += [b.caption for b in blocks if isinstance(b, Table) and b.caption][:3]
    return any(_title_kind(t) == _NO_REPORT for t in texts if 0 < len(t.strip()) <= 60)


_SECTION = re.compile(r"^\s*([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）])")


# "关于X县2022年预算执行情况…的报告——2022年12月18日在X县第六届人民代表大会…上": the
# occasion after the dash is no part of the title (and makes a joined line look long).
_OCCASION = re.compile(r"(?<=.{8})(?:——|--|—(?=\s*(?:19|20)\d\d)).*$")


_EMPTY_CELLS = " \t\u3000|"


def _title_part(text: str) -> str:
    """A line as a title's part: its occasion dropped, and the label of a page-metadata field
    whose value is the title ('名称: | X局2021年度部门决算情况说明 |')."""
    # Empty cells around it ('X局2019年…说明 |  |  | ', a `|` row without its outer bars) are no part.
    return _OCCASION.sub("", _title_field().sub("", text.strip(_EMPTY_CELLS)))


@cache
def _title_field() -> re.Pattern[str]:
    # '标      题 西藏自治区文物局…自评报告': a label letter-spaced to a width stands apart from its
    # value by spaces alone.
    spaced = "|".join("[ \u3000]+".join(map(re.escape, w)) for w in ident.words("title_field")[3:-1].split("|")
                      if len(w) > 1)
    return re.compile(rf"^[\s|•·]*[\[【]?(?:(?:{ident.words('title_field')})[\]】]?\s*[:：|]+|(?:{spaced})[ \u3000]+)[\s|]*")


def _is_short(p: Paragraph) -> bool:
    t = _title_part(p.text).strip("|").strip()
    if _SECTION.match(t):
        return False  # "二、项目绩效自评工作开展情况" is a section heading, not a title
    if re.search(r"^.{2,}[:：]", t) and not t.startswith(word("segments", "titles.attachment")):
        return False  # "部门名称：…", "…包括：无" are labels, not titles
    # A line ending in a comma is a sentence running on ('…九年一贯制学校,'), never a title's part.
    return 0 < len(t) <= 45 and not t.endswith(("。", "；", ";", "，", ","))


def _is_banner(text: str) -> bool:
    """A line of a site's banner words only ('信息正文', '适老化 无障碍浏览'), a site's menu
    ('首页 新闻中心 信息公开 …') or breadcrumb ('首页 >> 部门信息公开 >> X局 >> 正文') or a contents
    entry with its page number: no title's part."""
    if pattern("segments", "titles.site_menu").match(text) or pattern("segments", "titles.contents_entry").match(text) \
            or pattern("segments", "titles.site_breadcrumb").match(text):
        return True
    return bool(re.fullmatch(rf"(?:{ident.words('site_banner')})+", re.sub(r"[\s|•·]", "", text)))


def _title_at(blocks: list, i: int) -> tuple[str, str, int, int] | None:
    """A title starting at block i: (kind, title text, blocks used, the block its text starts at)."""
    prev = blocks[i - 1] if i > 0 else None
    if isinstance(prev, Paragraph) and _label_alone(prev.text) and isinstance(blocks[i], Paragraph) \
            and not _YEAR.search(blocks[i].text) and ident.unit_from_title(blocks[i].text) is None:
        return None  # a metadata label's value printed on the next line ('公开目录' / '绩效自评报告')
    window: list[str] = []
    first = i
    for j in range(i, min(i + 3, len(blocks))):
        b = blocks[j]
        if not isinstance(b, Paragraph) or not _is_short(b) or _is_metadata(b.text) or _is_banner(b.text):
            break  # page metadata above a title is not part of it (发布机构 | X局 |)
        window.append(_title_part(b.text))
        kind = _kind_of("".join(window))
        if kind:
            if len(window) > 1 and _kind_of(window[-1]) is None and _kind_of("".join(window[:-1])):
                continue
            if len(window) > 1 and _kind_of(window[-1]) and (u := ident.unit_from_title(window[-1])) \
                    and (ident.is_org(u) or ident.is_area(u) and _YEAR.search(window[-1])
                         and not any(re.search(ident.words("title_wraps"), w) for w in window[:-1])) \
                    or len(window) > 1 and _kind_of(window[-1]) \
                    and re.match(ident.words("about_lead"), window[-1]):
                # The line naming kind and unit (or place and year) is the whole title; the lines
                # above it are a banner ('国家…培训基地' over '2023年度泸州市中医医院单位决算', a site's
                # name and '政府信息公开' over '昌都市卡若区2022年度…评价报告') or a meeting's
                # papers ('县人大常委会 / 会议材料' over '关于2020年县本级财政决算的报告').
                window, first = window[-1:], j
            title = _CHROME.sub("", "".join(w.strip("|# ") for w in window))
            title = _FILE_EXTENSION.sub("", title).strip("| ")
            used = j - i + 1
            # A cover whose year is set apart ("X局 / 年度部门决算 / 2024"): the year belongs to it.
            nxt = blocks[j + 1] if j + 1 < len(blocks) else None
            if isinstance(nxt, Paragraph) and _BARE_YEAR.match(nxt.text) and not _YEAR.search(title):
                title, used = f"{title} {nxt.text.strip()}", used + 1
            return kind, title, used, first
    return None


_BARE_YEAR = pattern("segments", "years.bare_year")
_REPORTED_AS = pattern("segments", "titles.reported_as")


def _opening_paragraphs(blocks: list, n: int) -> list[tuple[int, Paragraph]]:
    """The first n paragraphs of the blocks, each with its position."""
    return [(i, b) for i, b in enumerate(blocks) if isinstance(b, Paragraph)][:n]


def _title_in_opening(blocks: list) -> tuple[str, str, int] | None:
    """No title line: the opening sentence often names the report ("现将2022年X局…项目绩效
    自评总结报告如下"). Returns (kind, title, block index)."""
    for i, b in _opening_paragraphs(blocks, 15):
        m = _REPORTED_AS.search(re.sub(r"\s", "", b.text))
        if m:
            kind = _kind_of(m.group("t")) or _kind_of(m.group("t") + word("segments", "titles.report_word"))
            if kind:
                return kind, m.group("t"), i
    return None


def _section_title(blocks: list) -> tuple[str, str, int] | None:
    """No title line and no opening naming the report: numbered section headings of a disclosure
    ('(四)单位预算说明', '二、收入预算说明') — the kind one of them names, when two or more speak of
    its stage. Returns (kind, heading, block index)."""
    heads = [(m.group("h"), i) for i, b in _opening_paragraphs(blocks, 40)
             if (m := pattern("segments", "titles.section_heading").match(b.text.strip()))]
    for h, i in heads:
        kind = _kind_of(h)
        stage = pattern("segments", "titles.section_stage").search(h)
        if kind and stage and sum(1 for x, _ in heads if stage.group(0) in x) >= 2:
            return kind, h, i
    return None


def _year_from(text: str) -> int | None:
    m = _YEAR.search(text) or re.search(r"(?<!\d)(20\d\d)\s*$", text)
    return int(m.group(1).replace(" ", "")) if m else None


def _majority_year(texts: list[str]) -> int | None:
    counts: Counter[int] = Counter()
    fiscal: set[int] = set()
    for t in texts:
        # Document numbers such as 〔2023〕2号 and dates are publication, not evaluation, years.
        t = re.sub(r"[〔\[［(（]20\d\d[〕\]］)）]", "", t)
        # "比2018年减少…", "较2023年预算": the year compared with, not the one reported.
        t = pattern("segments", "years.compared_year").sub("", t)
        for m in _YEAR.finditer(t):
            counts[int(m.group(1).replace(" ", ""))] += 1
            if m.group(2):
                fiscal.add(int(m.group(1).replace(" ", "")))
    if not counts:
        return None
    best = max(counts.values())
    tied = [y for y, c in counts.items() if c == best]
    # '12项2019年度市级预算资金' beside '开展2020年…评价工作', '2022年度教育补助…调整到2023年上半年发放':
    # in a tie, the one year written as a fiscal year (年度) is the one reported, the other a
    # calendar year the work was done or moved to.
    if len(tied) > 1 and len(named := [y for y in tied if y in fiscal]) == 1:
        return named[0]
    # A tie is a comparison with the year before (2016年度 | 2017年度): the later one reports.
    return max(tied)


def _another_unit(kind: str, cur: Segment, title: str) -> bool:
    """A compilation of several units' reports: the same kind of title naming another unit
    starts a new report (project tables inside a department report never do)."""
    if kind != cur.kind or kind == "project":
        return False
    a, b = ident.unit_from_title(cur.title), ident.unit_from_title(title)
    if not (a and b):
        return False
    ka, kb = unit_key(a), unit_key(b)
    # 省委办公厅 / 江苏省委办公厅, 上海市规划和自然资源局 / 上海市普陀区规划和自然资源局: one unit.
    return not (ka in kb or kb in ka or ka[-4:] == kb[-4:])


def _view(blocks: list) -> tuple[list, bool]:
    """The blocks as titles and identity are read from them: pinyin glosses dropped,
    traditional script simplified, document-site furniture (file names with their upload
    years, '由会员分享') blanked. Block positions are kept, so segments index both."""
    head = "".join(b.text for b in blocks[:300] if isinstance(b, Paragraph))
    trad = ident.is_traditional(head)
    junk = re.compile(ident.words("site_junk"))
    crumbs = pattern("segments", "titles.glued_breadcrumb")
    out = [
        replace(b, text="" if junk.search(b.text) and len(b.text) <= _FURNITURE_MAX
                else ident.simplify(crumbs.sub("", b.text), trad))
        if isinstance(b, Paragraph) else b
        for b in blocks
    ]
    return out, trad


# A line of document-site furniture is short; a longer one holding its words is a page flattened
# onto one line, the furniture run together with the report (real-dev 106 as one line): kept.
_FURNITURE_MAX = 300


_SENTENCE = pattern("segments", "titles.sentence")
_GLUED_END = pattern("segments", "titles.glued_end")


@cache
def _meta_run() -> re.Pattern[str]:
    return re.compile(rf"^(?:[^\s:：]{{1,12}}\s+[-–]\s+)?(?:[-–•·\s]*(?:{_meta_fields()})\s*[:：]\s*[^\s]*\s*)+")


def _glued_title(blocks: list) -> tuple[str, str, int] | None:
    """A title run into the text that follows it (document-site previews: '1、X局2023年度部门
    整体绩效自评表主管部门X局…'): the opening up to the end of the first kind's wording."""
    seen = 0
    for i, b in enumerate(blocks):
        if not isinstance(b, Paragraph) or not b.text.strip():
            continue
        seen += 1
        if seen > 15:
            break
        # A page flattened onto one line opens with its metadata ('- 索引号: … - 发布机构: X - 文号: -'):
        # the title comes after it.
        text = _meta_run().sub("", b.text) if len(b.text) > _FURNITURE_MAX else b.text
        t = re.sub(r"^(?:\d+[、.．]|[《|#\s])+", "", re.sub(r"\s", "", text))[:90]
        hits = [(m.end(), k) for k, pat in ident.kind_patterns() if (m := pat.search(t))]
        if not hits:
            continue
        end, kind = min(hits)
        m = _GLUED_END.match(t[end:])
        title = t[: end + (m.end() if m else 0)]
        # A sentence that names a report ("根据《…通知》", "受…委托，现将…") is not its title.
        if len(title) <= 70 and not _SECTION.match(title) and not _SENTENCE.search(title):
            return kind, title, i
    return _title_in_one_line(blocks)


def _title_in_one_line(blocks: list) -> tuple[str, str, int] | None:
    """A page flattened onto one line, its lines joined by spaces (the site's banner first:
    '欢迎来到X医院 … 2023年度X医院单位决算 来源:…'): the first run of one or two space-apart
    pieces that reads as a title on a line of its own would."""
    for i, b in enumerate(blocks[:15]):
        if not isinstance(b, Paragraph) or len(b.text) <= _FURNITURE_MAX and not _before_cut_table(blocks, i):
            continue
        pieces = [p for p in re.split(r"[ \u3000]{1,}", b.text[:1500]) if p]
        for k in range(len(pieces)):
            found: dict[int, tuple[str, str]] = {}
            for n in (1, 2, 3):
                cand = "".join(pieces[k : k + n])
                if k + n > len(pieces) or not 4 <= len(cand) <= 45 or _is_metadata(cand) \
                        or _SENTENCE.search(cand) or _SECTION.match(cand) or re.search(r"[。；;，,]", cand):
                    continue
                if (kind := _kind_of(cand)) and not (n > 1 and (_kind_of(pieces[k]) or _names_itself(pieces[k + n - 1]))):
                    found[n] = (kind, cand)  # a banner before a whole title is no part of it
            if not found:
                continue
            # A piece naming kind and year or unit is a whole title; else the longest window (a
            # title the page broke over lines), else the piece alone.
            n = 1 if 1 in found and _names_itself(found[1][1]) else max(found)
            kind, cand = found[n]
            return kind, _CHROME.sub("", cand), i
        return None
    return None


_CUT_MIN, _CUT_PIECES = 150, 12


def _before_cut_table(blocks: list, i: int) -> bool:
    """A one-line page whose flattened form the text reader cut out into a grid: what was
    before the form (banner, metadata, title) is a paragraph of its own, shorter than a whole
    page but still many space-apart pieces, right before the grid."""
    b = blocks[i]
    return (len(b.text) > _CUT_MIN and b.text.count(" ") >= _CUT_PIECES and i + 1 < len(blocks)
            and isinstance(blocks[i + 1], Table))


def _names_itself(title: str) -> bool:
    """A title printing its year or its unit: whole by itself."""
    return bool(_YEAR.search(title)) or ident.unit_from_title(title) is not None


_CONTENTS_HEADING = pattern("segments", "titles.contents_heading")
_CONTENTS_LINE_MAX = 40


def _contents_lines(blocks: list) -> set[int]:
    """The lines of a table of contents ('目 录' / '第一部分 部门概况' / '第二部分 2021年度部门决算
    情况说明' …), when the body prints its headings again: entries, not titles — the report's
    title is where the body prints it, with its unit beside it."""
    out: set[int] = set()
    for k, b in enumerate(blocks):
        if not (isinstance(b, Paragraph) and _CONTENTS_HEADING.match(b.text)):
            continue
        entries: dict[str, int] = {}
        stop = len(blocks)
        for j in range(k + 1, len(blocks)):
            t = blocks[j]
            key = re.sub(r"\s", "", t.text) if isinstance(t, Paragraph) else ""
            if not key or len(key) > _CONTENTS_LINE_MAX or key in entries:
                stop = j  # the body starts, or prints its first heading again
                break
            entries[key] = j
        rest = {re.sub(r"\s", "", t.text) for t in blocks[stop:] if isinstance(t, Paragraph)}
        if len(entries) >= 2 and any(e in rest for e in entries):
            out.update(entries.values())
    return out


def segment(doc: Document) -> list[Segment]:
    blocks, trad = _view(list(doc.blocks))
    # A contents list's entries are not titles, unless the excerpt prints no title but them.
    segs = _titled(blocks, _contents_lines(blocks)) or _titled(blocks, set())
    if not segs and (opening := _title_in_opening(blocks) or _glued_title(blocks) or _section_title(blocks)):
        kind, title, i = opening
        segs.append(Segment(kind, title, 0, len(blocks), title_para=blocks[i].index))
    if not segs:
        return []
    # Content before the first title belongs to the first report (cover pages, unit names).
    segs[0].start = 0
    for s in segs:
        _fill_identity(s, blocks, trad)
    # A report whose unit could not be found inherits the document's most common unit.
    common = Counter(s.unit_name for s in segs if s.unit_name).most_common(1)
    for s in segs:
        if not s.unit_name and common:
            s.unit_name = common[0][0]
    return segs


def _titled(blocks: list, contents: set[int]) -> list[Segment]:
    """The reports the titles found among blocks start (none on the lines of contents)."""
    segs: list[Segment] = []
    i = 0
    while i < len(blocks):
        found = _title_at(blocks, i) if i not in contents else None
        if found:
            kind, title, used, first = found
            cur = segs[-1] if segs else None
            if cur is not None and _only_metadata(blocks[cur.start + 1 : i]):
                # A cover title over page metadata, then the page's own contents heading
                # ('关于X市2019年预算执行情况和2020年预算草案的报告' / 索引号… / '2020年政府预算公开目录'):
                # one report, under its first title.
                i += used
                continue
            if cur is None or (kind != cur.kind and not (kind == "project" and cur.kind != "project")) \
                    or _another_unit(kind, cur, title):
                if cur is not None:
                    cur.end = i
                para = blocks[first].index if isinstance(blocks[first], Paragraph) else None
                segs.append(Segment(kind, title, i, len(blocks), title_para=para))
            i += used
            continue
        i += 1
    return segs


def _only_metadata(part: list) -> bool:
    """Nothing but blank lines and page metadata (索引号, 发布机构 …) between two titles."""
    return all(isinstance(b, Paragraph) and (not b.text.strip() or _is_metadata(b.text)) for b in part)


def _fill_identity(s: Segment, blocks: list, trad: bool) -> None:
    part = blocks[s.start : s.end]
    paras = [b.text for b in part if isinstance(b, Paragraph) and b.text.strip()]
    rows = [ident.simplify(" | ".join(r), trad) for b in part if isinstance(b, Table) for r in b.texts()[:12]]
    sample = ident.is_sample_page(paras[:12])
    if sample:
        # An essay site's title carries its collection date; the reposted text its own (often
        # blanked 20xx) year. The collection's headings say nothing of the report.
        # (a line whose text runs on past the collection's heading is the sample's own: kept, its
        # heading cut below, whatever its length — '1、…(精选11篇)1根据…,我馆成立了…')
        paras = [t for t in paras if len(t) > _FURNITURE_MAX or not ident.is_sample_page([t])
                 or len(ident.after_sample_heading(t)) > _SAMPLE_TEXT_MIN]
        # Nor does the page's own title line, another report's the site files it under (held-out B 312).
        paras = [t for t in paras if re.sub(r"\s", "", t) != re.sub(r"\s", "", s.title or "")]
        # Nor the collection's file name on its own line, nor its heading run into the first sample
        # ('2024年项目支出绩效评估报告.docx' / '1、2024年…评估报告(精选11篇)1根据…20xx年…': U 2216).
        paras = [t for t in (ident.after_sample_heading(t) for t in paras)
                 if t and not _FILE_EXTENSION.search(t)]
    s.fiscal_year = _fiscal_year("" if sample else s.title, paras, rows)
    s.unit_name = _unit_of(s, paras, rows, _beside_title(s, blocks))


_SAMPLE_TEXT_MIN = 45  # longer than a title line: a paragraph of the sample's text


_PAREN_YEAR = pattern("segments", "years.bracketed_year")
_LABELLED_YEAR = pattern("segments", "years.labelled_year")


def _fiscal_year(title: str, paras: list[str], rows: list[str]) -> int | None:
    """The title's year, else a bracketed （2022年度） of a form, else the most frequent year of
    the text (page metadata and dates are publication, not evaluation, years)."""
    y = _year_from(title) if title else None
    body = [t for t in paras[:40] + rows[:20] if not _is_metadata(t)]
    if y:
        # '…关于2024年财政支出绩效评价结果的通报' over '对2023年度…项目支出开展了绩效自评': the
        # evaluated year is reported, the title's is the year the evaluation was done.
        if pattern("segments", "years.results_title").search(re.sub(r"\s", "", title)):
            for t in body[:10]:
                if (m := pattern("segments", "years.evaluated_year").search(re.sub(r"\s", "", t))) \
                        and int(m.group(1)) < y:
                    return int(m.group(1))
        if pattern("segments", "years.final_accounts_title").search(title) and _metadata_year(paras) == y:
            said = {int(m.group(1)) for t in body if t.strip() != title.strip()
                    for m in pattern("segments", "years.accounts_year").finditer(t)}
            if said == {y - 1}:
                return y - 1  # the title names the year published; every heading the accounts' year
        if (m := pattern("segments", "years.fund_year").search(re.sub(r"\s", "", title))) and int(m.group(1)) == y:
            # …or the bracketed period closing the title's lines ('…补助资金项目支出绩效自评报告（2024年度）')
            later = {int(f.group(1)) for t in body[:10]
                     if (f := pattern("segments", "years.form_title").search(t) or _closing_period(t, rows))}
            if len(later) == 1 and (z := later.pop()) > y:
                return z
        return y
    if _several_years(body):
        return None
    for t in body:
        if m := (_PAREN_YEAR.search(t) if _form_year_row(t, rows) else None) or _LABELLED_YEAR.search(t):
            return int(m.group(1))
    # A form printed one cell per line: its period's label and value on lines of their own.
    if m := pattern("segments", "years.period_year").search("\n".join(body)):
        return int(m.group(1))
    # the page's metadata may be printed as a table row ('[ 成文日期 ] | 2021-04-05 | [ 公开日期 ] | …')
    return _majority_year(body) or _han_year(body) or _month_period_year(body) \
        or _publication_year(paras[:40] + [r for r in rows[:6] if _is_metadata(r)])


def _closing_period(text: str, rows: list[str]) -> re.Match[str] | None:
    """A form's bracketed period ending a line (a title's lines joined with it: '…自评报告（2024年度）')."""
    t = text.strip(" |")
    m = _PAREN_YEAR.search(t[-12:]) if _form_year_row(text, rows) else None
    return m if m and m.end() == len(t[-12:]) else None


def _metadata_year(paras: list[str]) -> int | None:
    """The year of the page's publication date in its metadata lines ('生成日期 2021-08-06 公开日期
    2021-08-06'), when they give one only."""
    years = {int(m.group(1)) for t in paras[:12] if _is_metadata(t)
             for m in pattern("segments", "years.publication_date").finditer(t)}
    return years.pop() if len(years) == 1 else None


def _several_years(texts: list[str]) -> bool:
    """A cover's period of several years ('(2022-2024年度)' in its opening lines): no one year's report."""
    return any(pattern("segments", "years.range_period").match(t.strip(" |")) for t in texts[:6])


def _month_period_year(texts: list[str]) -> int | None:
    """A month's account naming no year but its month's ('2020年5月,杨陵区财政总收入完成…'):
    that year, when one only is printed so."""
    years = {int(m.group(1)) for t in texts for m in pattern("segments", "years.month_period").finditer(t)}
    return years.pop() if len(years) == 1 else None


def _form_year_row(text: str, rows: list[str]) -> bool:
    """Where a bracketed year is a form's period: a paragraph, or a table row of one or two cells
    ('（2022年度）' under a form's title). In a row of a listing it belongs to a name (R 1922's
    信安湖…维护项目(2021年度) | 318 | 良: a project of last year's evaluated in 2022)."""
    return text not in rows or sum(1 for c in text.split("|") if c.strip()) <= 2


def _han_year(texts: list[str]) -> int | None:
    """A text whose only year is in Chinese numerals ('二〇二四年二月大口径财政收入执行情况表'):
    that year, when one only is printed."""
    digits = {ch: str(d) for d, chars in enumerate(words("segments", "years.han_digits")) for ch in chars}
    years = {int("".join(digits[c] for c in m.group(1))) for t in texts
             for m in pattern("segments", "years.han_year").finditer(t)}
    years = {y for y in years if 1990 <= y <= 2099}
    return years.pop() if len(years) == 1 else None


def _publication_year(paras: list[str]) -> int | None:
    """A text naming no year but speaking of 今年 ('今年上半年…'): the year of its publication
    date in the page's metadata ('2021-08-08 21:09:15 来源:…')."""
    if not any(pattern("segments", "years.this_year").search(t) for t in paras if not _is_metadata(t)):
        return None
    # …or at the head of a page flattened onto one line, where the metadata runs into the text
    # …or a short line with a date and its time of day (a byline: 'Sou Hu Cai Jing·2025-07-10 00:43')
    stamp = pattern("segments", "years.publication_stamp")
    heads = [t if _is_metadata(t) or stamp.search(t) else t[:_FURNITURE_MAX] for t in paras
             if _is_metadata(t) or len(t) > _FURNITURE_MAX or stamp.search(t)]
    years = {int(m.group(1)) for t in heads for m in pattern("segments", "years.publication_date").finditer(t)}
    return years.pop() if len(years) == 1 else None


def _beside_title(s: Segment, blocks: list) -> list[str]:
    """The lines just above and below a title, past its wrapped parts and its occasion or
    date line: where a cover or a speech prints its unit on a line of its own."""
    k = next((i for i, b in enumerate(blocks) if isinstance(b, Paragraph) and b.index == s.title_para), None)
    if k is None:
        return []
    title = re.sub(r"\s", "", s.title)
    out: list[str] = []
    before = [b for b in blocks[max(0, k - 3) : k] if isinstance(b, Paragraph) and b.text.strip(" |")]
    if before and not _is_metadata(before[-1].text) and not (len(before) > 1 and _is_metadata(before[-2].text)):
        out.append(before[-1].text)
    after = [b for b in blocks[k + 1 : k + 8] if isinstance(b, Paragraph) and b.text.strip(" |")]
    for b in after:
        t = re.sub(r"\s", "", b.text)
        if _title_part(t) in title or t.startswith(("——", "--")) or pattern("segments", "speech.occasion").fullmatch(t) \
                or pattern("segments", "speech.date_line").search(t[:24]):
            continue  # the title's wrapped lines, its occasion, the date
        out.append(b.text)
        break
    # A speech's presenter is printed under its occasion line, which may stand further down,
    # after the page's metadata and contents ('——2020年1月5日在…会议上' / '鄂州市财政局').
    paras = [b for b in blocks[k + 1 : k + 60] if isinstance(b, Paragraph) and b.text.strip(" |")]
    for a, b in zip(paras, [*paras[1:], None], strict=False):
        occasion = re.match(rf"^\s*{ident.words('occasion_line')}(?P<rest>.*)$", a.text)
        if occasion:  # the presenter may be run onto the occasion line by the page's layout
            rest = occasion.group("rest").strip(" |")
            if rest or b is not None:
                out.append(rest or b.text)
            break
    return out


@cache
def _meta_fields() -> str:
    """The labels of page metadata fields, as one alternation."""
    return f"{ident.words('metadata_field')}|{ident.words('publisher_field')}"


# Labels letter-spaced to a width ('索  引  号:', '文      号:') are the same labels.
_LETTER_SPACED = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000\u00a0]+(?=[\u4e00-\u9fff])")


def _is_metadata(text: str) -> bool:
    if len(text) > _FURNITURE_MAX:
        return False  # a page flattened onto one line: its metadata run on into the report
    text = _LETTER_SPACED.sub("", text)
    # '发布机构：X', '发布机构 | X |', or a label alone on its line, bare or bracketed ('• [ 有效性 ]').
    if re.match(rf"^[\s•·\-|]*{ident.words('site_welcome')}", text):
        return True  # '欢迎来到X网站!': the site's welcome, never part of a title
    return bool(re.search(rf"(?:^|[\s|•·\-])[\[【]?\s*(?:{_meta_fields()})\s*[\]】]?\s*[:：|]", text)) \
        or _bare_label(text) or _label_row(text)


def _label_row(text: str) -> bool:
    """A row of metadata labels and values printed without colons ('发布机构 金凤区财政局 责任部门
    金凤区财政局 关 键 字 …'): three labels of three or more characters, or two with a publisher."""
    found = {m.group(0) for m in re.finditer(_meta_fields(), text) if len(m.group(0)) >= 3}
    return len(found) >= 3 or len(found) >= 2 and re.search(ident.words("publisher_field"), text) is not None


def _label_alone(text: str) -> bool:
    """A metadata label alone on its line, bare or bracketed ('• [ 有效性 ]', '- 公开目录'): its value,
    if any, is on the next line."""
    return _bare_label(_LETTER_SPACED.sub("", text))


def _bare_label(squashed: str) -> bool:
    return bool(re.match(rf"^[\s•·\-|]*[\[【]?\s*(?:{_meta_fields()})\s*[\]】]?[\s:：|]*$", squashed))


_COMPILED = pattern("segments", "units.compiled")


def _cell_runs(paras: list[str]) -> list[str]:
    """Forms rendered one cell per line ('实施单位 (盖章) |' then '青神县发展和改革局 |'): runs
    of short lines joined back into rows, so a label meets the value on the next line."""
    runs: list[list[str]] = [[]]
    for t in paras:
        if len(t.strip(" |")) <= 30:
            runs[-1].append(t.strip(" |"))
        elif runs[-1]:
            runs.append([])
    return [" | ".join(r) for r in runs if len(r) > 1]


def _lone_name(lines: list[str]) -> str | None:
    """A line holding nothing but an organisation's name (not a salutation's: '渠县人大常委会:'
    names whom the report is addressed to, N 1527)."""
    for t in lines:
        t = t.strip(" |•·")
        if len(t) <= 30 and not re.search(r"[:：]$", t) \
                and (u := ident.clean_unit(t)) and ident.is_org(u) and ident.org_in(u) == u:
            return u
    return None


def _unit_of(s: Segment, paras: list[str], rows: list[str], beside: list[str] | None = None) -> str | None:
    unit = _unit_named(s, paras, rows, beside)
    # '交通运输厅2022年…' under the title '海南省交通运输部门2022年…': the title's place is the body's.
    if unit and s.title and (placed := ident.placed_by_title(unit, s.title)):
        return placed
    # '市林业局' (the text's own short form) is the 岳阳市林业局 the page names in full elsewhere.
    return ident.full_form(unit, paras[:80] + rows) if unit else None


def _unit_named(s: Segment, paras: list[str], rows: list[str], beside: list[str] | None = None) -> str | None:
    head = paras[:40]
    # A long paragraph is prose, or a form flattened onto one line whose labels open it.
    short = [t if len(t) <= 400 else t[:300] for t in paras[:80]]
    labelled = ident.labelled_units(rows + short + _cell_runs(paras[:120]))
    top = min((r for r, _ in labelled), default=None)
    label = ident.majority([u for r, u in labelled if r == top])
    # No title naming a report kind: a line titling a government's report names its presenter.
    titled = ident.unit_from_title(s.title) if s.title else ident.report_title_unit(head[:15])
    # (a page listing its contents first prints the byline under the occasion line further down:
    # 鄂州市财政局局长 NAME, set T 2108)
    byline = ident.byline_unit(head[:12]) or ident.byline_unit(beside or []) or _lone_name(beside or []) \
        or ident.presenter_unit(head[:12])
    if byline and (not titled or ident.is_area(titled)):
        return byline  # the official or body who presents the report speaks for the unit
    # A text calling itself 我局 is one body's report under its place's title, not the area's.
    as_unit = ident.speaks_as_unit(head[:20])
    opening = "".join(head[:8])
    # (a page's metadata printed one field per line can fill the first lines: the text under the
    # title opens too — '开远市2017年“三公”经费预算情况说明' / '2017年全市“三公”经费的预算总额…', U 2204)
    flat_title = re.sub(r"\s", "", s.title or "")
    at = next((i for i, t in enumerate(head) if flat_title and re.sub(r"\s", "", t) == flat_title), None)
    if at is not None and at >= 8:
        opening += "".join(head[at : at + 4])
    # page metadata printed as a table ('发布机构: | 枞阳县卫生健康委员会 | 主题分类: | …') names it too
    publishers = ident.publishers(head + rows[:12])
    # '首页 >> 部门信息公开 >> 牟定县交通运输局 >> 正文': the department whose directory holds the page
    if (crumb := ident.breadcrumb_unit(head[:6])) and ident.is_org(crumb):
        publishers.append(crumb)
    # A compilation of the area's units: the area reports, unless one of its bodies other than
    # the finance body (which publishes every unit's accounts: '来源:渝中区财政局' over the
    # district's 三公 summary) publishes it ('来源:市生态环境局' on 南昌市生态环境局's site, held-out B 314).
    own = [p for p in publishers if not re.search(ident.words("finance_body"), p)]
    # '2016年湖南省级三公经费公开' over '经湖南省财政厅汇总,湖南省本级部门…': the title's area, as
    # the compiling sentence names its own level (湖南省本级, as real-dev's 凉山州州本级).
    if titled and ident.is_area(titled) and (whole := ident.finance_compiled_area(head[:12])) \
            and whole != titled and whole.startswith(titled):
        return whole
    if titled and ident.is_area(titled) and _COMPILED.search(opening) and (word("segments", "units.compiled_word") in opening or not as_unit) \
            and ident.extend(titled, own) == titled:
        return titled
    near = [*publishers, *(u for _, u in sorted(labelled, key=lambda x: x[0])), *filter(None, (
        byline, ident.self_described(head), _unit_from_body(paras), ident.opening_unit(head),
        ident.dated_unit(head[:4])))]  # the cover's unit over its date (…自评报告 江西省体育局 二O二二年三月)
    if titled and ident.is_org(titled):
        # '井陉县文旅局2019年度…' as the page's title, '井陉县文化广电体育和旅游局' heading the
        # report itself on a line of its own: the report's own heading names it in full (a
        # form's 单位名称 cell does not: the title's short form stands, set F 712).
        if (heading := _lone_name(head[:12])) and ident.same_place_short_form(titled, heading):
            return heading
        # '陵水县政府办2019年度部门决算' heading the text, '名称: 陵水黎族自治县人民政府办公室2019年度部门决算…'
        # in the page's metadata: the page's own title field prints in full the name the heading
        # shortens (its characters in order, the same first one).
        if (full := _title_field_unit(head[:12])) and len(full) > len(titled) and full[0] == titled[0] \
                and ident.is_org(full) and ident.abbreviates(titled, full):
            return full
        # '宣城市公安局禁毒项目…自评表' over a form printing 主管部门 宣城市公安局 实施单位 禁毒支队: the
        # title's body supervises, the implementing unit named without a place is one of its own.
        # (the supervising department's label, 主管部门, is the farthest rank in vocab/report_identity.csv)
        farthest = max(r for _, r in ident.unit_labels())
        supervised = any(u == titled for r, u in labelled if r == farthest) and not ident.area_of(label or "")
        if label and top is not None and top <= 2 and s.kind in ("project", "special_fund") \
                and not (label in titled or titled in label) and not supervised:
            return ident.extend(label, near)  # a project's title names the project, its form the unit
        return ident.extend(titled, near)
    if titled:  # a place: the unit of that place the page names, or the area as a whole
        # The finance body publishes its place's reports ('来源:海林市财政局' over '海林市2024年度…
        # 补助资金绩效评价工作自评报告'): as the page's publisher it does not name the reporting
        # unit, unless the text says the finance body evaluated itself (我市财政局对…进行了绩效自评).
        # A government's budget or accounts are the finance body's own report (巫溪县2022年预算执行…的说明
        # published by 巫溪县财政局), as real-dev reads them.
        # '隆阳区…补助资金绩效自评' published by 隆阳区农业农村局 (发文机构) over a form whose 单位名称 is
        # 隆阳区土壤肥料工作站: the form names the unit of the place, not the page's publisher.
        if label and top is not None and top <= 2 and label != titled and ident.extend(titled, [label]) == label:
            return label
        keeps = s.kind in ("budget", "final_accounts") or re.search(ident.words("finance_self"), "".join(head[:20]))
        unit = ident.extend(titled, [u for u in near if keeps or u in own or u not in publishers])
        if unit == titled:  # '泉州台商区' in the title, '泉州台商投资区' in the text
            unit = titled = ident.full_area(titled, head)
        if unit == titled and (body := ident.body_of_area(titled, head)):
            return body
        if unit == titled and (body := ident.placed_short_form(titled, publishers)):
            return body
        # '湖北省残疾人事业发展补助资金…自评报告' over '湖北残疾人联合会(以下简称“省残联”)成立…':
        # the body the text names as itself, the province printed without its level.
        if unit == titled and (named := _unit_from_body(paras)) and ident.of_province(titled, named):
            return named
        if not (as_unit and ident.is_area(unit)):
            return unit
    if label:
        return ident.extend(label, near)  # '市农业农村局' on the form, '宣城市农业农村局' publishing it
    for t in paras[:3]:
        # Short paragraphs just before/at the title often carry the unit name alone.
        if u := _lone_name([t]):
            return u
    # '920平山县下口镇财政所 |' over '预算年度:2025 |': a form's heading, its unit over its year's field
    for a, b in zip(paras[:12], paras[1:13], strict=False):
        if _LABELLED_YEAR.match(b.strip(" |")) and (u := _lone_name([a])):
            return u
    return (_unit_from_body(paras) or ident.outline_unit(head) or ident.report_title_unit(head[:15])
            or ident.dated_unit(head[:4])
            or ident.evaluated_unit(head[:12])
            or ident.self_described(paras[:80]) or ident.self_described_speaker(paras[:80])
            or ident.speaker_named(head)
            or ident.named_by_short_name(publishers, head) or ident.opening_unit(head)
            or ident.composed_unit(head) or ident.attached_unit(head)
            # '临河区财政局下达我单位…' under '来源:临河区动物疫病预防控制中心': a text speaking as one body
            # is its one publisher's, not the area's it also calls 我区.
            or (_publisher_fallback(publishers) or _speaking_publisher(publishers, head) if as_unit else None)
            or ident.speaking_area(head)
            or ident.news_unit(head[:12]) or ident.breadcrumb_unit(head[:6])
            or _publisher_fallback(publishers, ident.speaks_as_area(head[:20]))
            or (_title_area(s.title) if as_unit else ident.compiled_area(head[:12]) or _first_line_area(paras))
            or ident.totals_area(head + rows) or ident.recipient_area(head[:12])
            or ident.finance_compiled_area(head[:12]) or ident.year_area_opening(head)
            or ident.on_behalf_of(head[:6]) or ident.finance_subject_area(head[:12])
            or ident.region_by_level(s.title, head))


def _title_field_unit(lines: list[str]) -> str | None:
    """The unit the page's metadata title field names ('名  称: X办公室2019年度部门决算…')."""
    label = re.compile(rf"^[•·\-|\[【]*(?:{ident.words('title_field')})[\]】]?[:：|]+")
    for t in lines:
        flat = re.sub(r"\s", "", t)
        if (m := label.match(flat)) and (u := ident.unit_from_title(flat[m.end():])):
            return u
    return None


def _speaking_publisher(publishers: list[str], texts: list[str]) -> str | None:
    """'发布机构: 省文物局' over a text calling itself 我局 and printing no place: the one publisher
    whose suffix is the one the text speaks by, as printed (never the finance body, which
    publishes other bodies' texts)."""
    flat = [re.sub(r"\s", "", t) for t in texts]
    suffixes = {m.group(0)[1:] for t in flat for m in re.finditer(ident.words("first_person_org"), t)}
    names = {p for p in publishers if ident.is_org(p) and any(p.endswith(x) for x in suffixes)
             and not re.search(ident.words("finance_body"), p)}
    return names.pop() if len(names) == 1 else None


def _publisher_fallback(publishers: list[str], for_area: bool = False) -> str | None:
    """A page naming no unit of its own but its publisher ('来源:天津市东丽区财政局'): the body
    that publishes it reports, when the page names one publisher only."""
    # Only a full name, its place first ('财政局', '区财政局' may be any place's) — or, on a page
    # speaking for its place (我县), a bare body's name as printed ('发布机构: 水 利 局'), unless
    # it is the finance body's, which publishes every unit's accounts (a hospital's '来源: 财务部'
    # is its own department).
    names = {p for p in publishers if ident.is_org(p) and not re.match(ident.words("short_level"), p)
             and (ident.area_of(p) or (for_area and not re.search(ident.words("finance_body"), p)))}
    return names.pop() if len(names) == 1 else None


def _title_area(title: str) -> str | None:
    """A text speaking as 我局 that never names itself: the place its title opens with
    ('盘山县大气转移支付2020年度绩效自评报告' → 盘山县), the nearest name the page gives."""
    s = re.sub(rf"^{ident.words('attachment_mark')}", "", re.sub(r"\s", "", title or ""))
    return ident.area_of(s)


def _first_line_area(paras: list[str]) -> str | None:
    """An untitled page whose first line starts with a place ('龙感湖管理区专项转移支付2023年度…')."""
    # Page metadata and a site's welcome line ('欢迎来到南县政协网站') are not the report's text.
    t = next((p for p in paras[:3] if not _is_metadata(p)), "")
    return ident.area_of(t) if len(t) <= 45 and not _SENTENCE.search(t) else None


_DATE_LINE = pattern("segments", "years.date_line")


def _unit_from_body(paras: list[str]) -> str | None:
    """A unit the text names itself: "X局（以下简称…）", "X局…由我局管理" (the last unit
    named before 我局/我委/我校…), "X开展…本部门…", or the signature above the date at the end."""
    short = re.compile(rf"[（(]{ident.words('short_name')}")
    first = re.compile(ident.words("first_person"))
    for t in paras[:20]:
        for sentence in re.split(r"[。；;]", re.sub(r"\s", "", t)):
            for m in ident.org_pattern().finditer(sentence):
                if short.match(sentence, m.end()) and (u := ident.clean_unit(m.group(1))):
                    return u
            for me in first.finditer(sentence):
                # The clause's subject, calling itself 我局 further on; not "市财政局下达我局".
                own = me.group(0)[1:]
                before = [m for m in ident.org_pattern().finditer(sentence[: me.start()])
                          if (m.group(1).endswith(own) or own in words("segments", "units.generic_self"))
                          and (m.start() == 0 or sentence[m.start() - 1] in "，,：:（(、")
                          and not re.search(ident.words("gives_to"), sentence[m.end() : me.start()])]
                if before and (u := ident.clean_unit(before[-1].group(1))):
                    return u
    tail = paras[-10:]
    for a, b in zip(tail, tail[1:], strict=False):
        if _DATE_LINE.match(b) and (m := ident.org_pattern().fullmatch(re.sub(r"\s", "", a))):
            return ident.clean_unit(m.group(1))
    # A signature run into the text before it: "…无中共保山市委办公室2018年6月5日".
    if tail and (m := pattern("segments", "units.signature_dated").search(re.sub(r"\s", "", tail[-1]))):
        for k in range(len(m.group("u")) - 3, -1, -1):
            cand = m.group("u")[k:]
            if (u := ident.clean_unit(cand)) and ident.is_org(u) and ident.org_in(u) == u \
                    and cand.startswith(words("segments", "units.party")):
                return u
    return None


_EVALUATION = pattern("segments", "kinds.evaluation")


def looks_like_evaluation(doc: Document) -> bool:
    """Running text that speaks of a performance self-evaluation (for documents whose title
    is missing or unreadable: they still get a report when a figure is found)."""
    return any(_EVALUATION.search(p.text) for _, p in zip(range(60), doc.paragraphs, strict=False))


_AMOUNT = pattern("segments", "kinds.amount")


def looks_like_report(doc: Document) -> bool:
    """A budget or performance report by its vocabulary: several of the report words of
    vocab/report_identity.csv and a money amount in the opening text, or several header
    words of a performance form. Notices and gazettes published under budget-like file
    names use one such word at most."""
    blocks, _ = _view(list(doc.blocks)[:200])
    text = "\n".join(b.text for b in blocks if isinstance(b, Paragraph))
    text += "\n".join(c.text for b in blocks if isinstance(b, Table) for r in b.rows[:30] for c in r)
    flat = re.sub(r"\s", "", text)
    found = {m.group(0) for m in re.finditer(ident.words("report_word"), flat)}
    # A blank form, or a form's tail, prints no amount but several of its header words.
    # Two of its words and several amounts make a short account too ('1-4月,全市一般公共预算收入
    # 700.4亿元…完成年初预算36.7%').
    amounts = len(_AMOUNT.findall(text))
    return (len(found) >= 3 and amounts >= 1) or (len(found) >= 2 and amounts >= 3) or _is_form(flat) \
        or _is_cover([b.text for b in blocks if isinstance(b, Paragraph)])


def _is_cover(paras: list[str]) -> bool:
    """An evaluation report's cover without its title (an excerpt starting at the cover's period
    line): at least four of its fields each opening a line with its colon (项目名称:, 主管部门(公章):,
    委托单位:, 评价机构:), one of them a field only an evaluation prints."""
    field = re.compile(rf"^\s*({ident.words('cover_field')})\s*(?:[（(][\u4e00-\u9fa5]{{1,4}}[)）])?\s*[:：]")
    found = {m.group(1) for t in paras[:20] if (m := field.match(t))}
    return len(found) >= 4 and any(re.fullmatch(ident.words("cover_evaluation_field"), f) for f in found)


def _is_form(text: str) -> bool:
    """Several header words of a performance form (a blank form, or a form's tail)."""
    return len({m.group(0) for m in re.finditer(ident.words("form_word"), re.sub(r"\s", "", text))}) >= 4


def untitled_segment(doc: Document, executed_only: bool = False) -> Segment:
    """The one report of a page without a title. `executed_only`: the figures whose stage the
    text says are all spent or collected ('累计支出', '收入完成'), so one whose stage it leaves
    unsaid ('市本级支出879.1万元') is an execution too, whatever budget words are about."""
    blocks, trad = _view(list(doc.blocks))
    texts = [ident.simplify(b.caption, trad) for b in doc.tables]
    texts += [ident.simplify(c.text, trad) for t in doc.tables for r in t.rows[:3] for c in r]
    texts += [b.text for b in blocks if isinstance(b, Paragraph)]
    joined = "\n".join(texts)
    named = next(((k, part) for t in texts[:40] for part in re.split(r"[，。；,]", t) if (k := _kind_of(part))),
                 None)
    accounts = pattern("segments", "kinds.final_accounts_words").search(joined)
    if named:
        kind = named[0]
        if kind == "budget" and word("segments", "kinds.budget_word") not in named[1] and accounts:
            kind = "final_accounts"  # '“三公”经费支出情况说明' over spending set against its budget
    elif _EVALUATION.search(joined) or _is_form(joined) or _is_cover(texts):
        kind = "project" if pattern("segments", "kinds.project_words").search(joined[:2000]) else "department"
    elif pattern("segments", "kinds.budget_sections").search(joined):
        kind = "budget"
    else:
        kind = ("final_accounts" if accounts or executed_only
                else "budget" if word("segments", "kinds.budget_word") in joined else "project")
    seg = Segment(kind, "", 0, len(blocks))
    _fill_identity(seg, blocks, trad)
    # (a collection's heading is no text of the report: '…2022年上半年公开发表的讲话文章-215篇(第130/280页)')
    opening = [t for t in texts if not _is_metadata(t) and not ident.is_sample_page([t])]
    if not _several_years(opening):
        seg.fiscal_year = seg.fiscal_year or _majority_year(opening)
    return seg
