"""The document as extraction reads it: traditional-script conversions back in simplified
characters, converter glosses dropped. Runs once, before segmentation."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache

from pipeline.extract.identity import words
from pipeline.extract.row_numbers import regrid
from pipeline.lexicon import pattern, word
from pipeline.model import Document, Paragraph, Table
from pipeline.normalize.document import fold_fullwidth_figures
from pipeline.normalize.money import money_unit_alternation
from pipeline.normalize.script import (
    collapse_doubled_punctuation,
    has_glosses,
    looks_traditional,
    strip_glosses,
    to_simplified,
)
from pipeline.settings import VOCAB_DIR


@lru_cache(maxsize=1)
def _lines_cfg() -> dict:
    return tomllib.loads((VOCAB_DIR / "statements.toml").read_text(encoding="utf-8"))["lines"]


def _append(prev: Paragraph, nxt: Paragraph) -> None:
    """nxt's text joins prev's; each printed line keeps its index, page and offset."""
    lines = prev.lines or ((prev.index, prev.page, 0),)
    left = prev.text.rstrip()
    right = nxt.text.lstrip()
    offset = len(left) - (len(nxt.text) - len(right))  # positions in nxt.text shift by this
    prev.lines = (*lines, *((i, pg, off + offset) for i, pg, off in (nxt.lines or ((nxt.index, nxt.page, 0),))))
    prev.text = left + right


def _printed_len(text: str) -> int:
    return len(text) - sum(1 for c in text if c.isspace())


def _typical_width(paras: list[Paragraph]) -> int:
    """The length of a full printed line: most prose lines of a wrapped text are this long."""
    # table rows printed as lines (`a | b |`, tab cells) are no prose: their width says nothing
    # printed width without spaces: a PDF that sets characters apart prints them in the same width
    widths = sorted(_printed_len(p.text) for p in paras if _printed_len(p.text) >= 10 and not re.search(r"[|\t]", p.text))
    return widths[int(len(widths) * 0.8)] if len(widths) >= 8 else 0


def _printed_lines(blocks: list) -> list[Paragraph]:
    """The page's printed lines: a sentence a PDF cut at each figure it set on a line of its own
    ('…收入完成' / '147.1' / '亿元,完成年度预算的' / '100.2' / '%,同比增长…') was one printed line,
    so its pieces count as one line of their joined length, never as short lines of their own.
    Only a figure between two lines, the one after opening with the figure's unit, a percent
    sign or closing punctuation (a table's cells printed one per line open with no unit)."""
    cfg = _lines_cfg()
    unit_next = re.compile(rf"{cfg['glued_start']}|^\s*(?:{cfg['figure_units_after']}|{cfg['figure_words_after']})")
    out: list[Paragraph] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if not isinstance(b, Paragraph) or not b.text.strip():
            i += 1
            continue
        text = b.text.strip()
        while i + 2 < len(blocks) and all(isinstance(x, Paragraph) for x in blocks[i + 1 : i + 3]) \
                and _BARE_FIGURE.match(blocks[i + 1].text) and unit_next.match(blocks[i + 2].text) \
                and not re.search(r"[|\t]", text + blocks[i + 2].text):
            text += blocks[i + 1].text.strip() + blocks[i + 2].text.strip()
            i += 2
        out.append(b if text == b.text.strip() else Paragraph(index=b.index, text=text))
        i += 1
    return out


def join_cut_lines(doc: Document) -> int:
    """Rejoin sentences cut over printed lines (PDF text, hard-wrapped pages):
    - a line ending on a word that announces a figure, followed by a line starting with one
      ("…自评得分" + "90 分，存在的问题");
    - a full-width prose line not ending a sentence, followed by one that does not start an
      outline item ("…占一般公共预算支出" + "的84.06%，同比减少…").
    A short line without a full stop is a heading, and lines of tables are never touched.
    The joined paragraph keeps every line's index and page for provenance (Paragraph.lines)."""
    cfg = _lines_cfg()
    dangling = tuple(cfg["dangling"])
    ends = cfg["sentence_end"]
    outline = re.compile(cfg["outline_start"])
    figure_start = re.compile(cfg["figure_start"])
    glued_start = re.compile(cfg["glued_start"])
    width = _typical_width(_printed_lines(doc.blocks))
    if width > cfg["max_line_width"]:
        width = 0  # paragraphs or a preview's page chunks, not printed lines
    cells = _cell_runs(doc.blocks)
    out: list = []
    joined = 0
    for b in doc.blocks:
        prev = out[-1] if out else None
        if isinstance(b, Paragraph) and isinstance(prev, Paragraph) and b.text.strip() and prev.text.strip():
            pt, nt = prev.text.rstrip(), b.text.strip()
            near = prev.page == b.page or (prev.page is not None and b.page == prev.page + 1)
            # only after prose: a short line ending 收入 followed by 1100万元 is a table printed one
            # cell per line (an indicator and its target), not a sentence cut before its figure
            cut_figure = (pt.endswith(dangling) and figure_start.match(nt) or glued_start.match(nt)) \
                and len(pt) >= cfg["prose_line"] and not re.search(r"[|\t]", pt + nt) and id(b) not in cells
            last_line = pt[prev.lines[-1][2]:] if prev.lines else pt
            # an outline heading with no clause mark ('二、2021年“三公”经费支出预算情况说明') is cut
            # only when it fills the line: a shorter one ends where its heading ends
            head = outline.match(last_line)
            heading = bool(head) and not _CLAUSE_MARK.search(re.sub(r"[%:：]", "", last_line[head.end():] if head else ""))
            share = cfg["full_heading"] if heading else cfg["full_line"]
            full = (width and _printed_len(last_line) >= share * width) or pt[-1] in cfg["continues"]
            wrapped = (full and pt[-1] not in ends
                       and not outline.match(nt) and re.search(r"[\u4e00-\u9fff]", nt)
                       and not re.search(r"[|\t]", pt + nt) and id(b) not in cells and not _metadata_line(nt)
                       and not re.search(words("site_welcome"), pt)  # '欢迎来到…频道' is the site's, not prose
                       and not (_chrome_line(last_line) and not _chrome_continues(nt)))
            if near and (cut_figure or wrapped):
                _append(prev, b)
                joined += 1
                continue
        out.append(b)
    doc.blocks = out
    return joined


_BARE_FIGURE = re.compile(r"^\s*[-−]?\d[\d,.]*\s*%?\s*$")
_CLAUSE_MARK = re.compile(r"[，,、。；;：:%]")


def join_figure_lines(doc: Document) -> int:
    """Figures a PDF set in another font, each on a line of its own inside its sentence
    ("…共涉及项目" / "84" / "个,预算资金" / "20117.74475" / "万元,项目实际支出金额…"): the figure and the
    fragment after it join the prose line before. Only after prose (a long line, or one holding a
    clause mark, or one joined already) and before a fragment of a sentence (holding a clause mark,
    or opening with the figure's unit),
    never between cells of a table (bars, tabs) or after a sentence's end."""
    cfg = _lines_cfg()
    ends = cfg["sentence_end"]
    blocks = doc.blocks
    out: list = []
    joined = 0
    i = 0
    while i < len(blocks):
        b = blocks[i]
        prev = out[-1] if out else None
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if isinstance(b, Paragraph) and _BARE_FIGURE.match(b.text) and isinstance(prev, Paragraph) \
                and isinstance(nxt, Paragraph) and prev.text.strip() and nxt.text.strip():
            pt, nt = prev.text.strip(), nxt.text.strip()
            # …or a label announcing its figure ("公务接待费为", "——部门收入" before "万元。…")
            # …or a line holding nothing but the figure's unit (a sentence ending '…决算数为' / '41885' / '元')
            glued = bool(re.match(cfg["glued_start"], nt)) or bool(re.fullmatch(rf"\s*(?:{cfg['figure_units_after']})\s*", nt))
            prose = len(pt) >= cfg["prose_line"] or _CLAUSE_MARK.search(pt) or prev.lines \
                or pt.endswith(tuple(cfg["dangling"])) or glued
            if prose and pt[-1] not in ends and re.search(r"[\u4e00-\u9fff]", pt) and not nt[0].isdigit() \
                    and (_CLAUSE_MARK.search(nt) or glued) and not re.search(r"[|\t]", pt + nt) \
                    and not re.match(cfg["outline_start"], nt):
                _append(prev, b)
                _append(prev, nxt)
                joined += 1
                i += 2
                continue
        out.append(b)
        i += 1
    doc.blocks = out
    return joined


def _metadata_line(text: str) -> bool:
    """A line of page metadata ('索  引  号: …', '发布机构 : 市财政局'): never a sentence's end."""
    squashed = re.sub(r"(?<=[\u4e00-\u9fff])[ \u3000\u00a0]+(?=[\u4e00-\u9fff])", "", text)
    fields = f"{words('metadata_field')}|{words('publisher_field')}"
    return bool(re.match(rf"^[\s•·\-|\[【]*(?:{fields})\s*[\]】]?\s*[:：|]", squashed))


_CRUMB = re.compile(r">>?|＞+|»|›")


def _chrome_line(text: str) -> bool:
    """A line of the site's page around the text — its menu ('首页 新闻中心 信息公开 …'), a
    breadcrumb or its crumbs ('当前位置: 首页 > 政务要闻 > 公示公告', '>> 政务公开 >> 重点领域'), a
    metadata line ('[ 成文日期 ] 2023-10-13 [ 发布日期 ]', '索 引 号 640106-106/2018-28365'): the site
    ends it, never the page's width, so it is no sentence cut over lines (a hard-wrapped page
    would otherwise run it onto the title under it)."""
    t = text.strip()
    if pattern("segments", "titles.site_menu").match(t) or pattern("segments", "titles.site_breadcrumb").match(t):
        return True
    if len(_CRUMB.findall(t)) >= 2 and not re.search(r"[。；;]", t):
        return True
    if _metadata_line(t):
        return True
    squashed = re.sub(r"(?<=[\u4e00-\u9fff])[ \u3000\u00a0]+(?=[\u4e00-\u9fff])", "", t)
    fields = f"{words('metadata_field')}|{words('publisher_field')}"
    # a row of labels and values printed without colons ('发布机构 X 责任部门 X 关 键 字', '公开方式 主动公开
    # 公开时限 长期公开 是否有效 有效'): three labels of three characters or more, or two with a publisher's
    labels = {m.group(0) for m in re.finditer(fields, squashed) if len(m.group(0)) >= 3}
    if not re.search(r"[。；;]", t) and (len(labels) >= 3 or len(labels) >= 2 and re.search(words("publisher_field"), squashed)):
        return True
    # a field in brackets, or followed by its code or date ('索引号 640106-…', '成文日期 2024-03-27')
    return bool(re.match(rf"^[\s•·\-|\[【]*(?:{fields})\s*(?:[\]】]|\s[\dA-Za-z])", squashed))


def _chrome_continues(text: str) -> bool:
    """A line carrying on a page-chrome line the page's width cut ('府文件>>按主题分类>>民政', '局)
    主题分类: 财政', '-03-27'): more crumbs, another metadata field, or no word to open with."""
    squashed = re.sub(r"(?<=[\u4e00-\u9fff])[ \u3000\u00a0]+(?=[\u4e00-\u9fff])", "", text)
    fields = f"{words('metadata_field')}|{words('publisher_field')}"
    return bool(_CRUMB.search(text) or re.search(fields, squashed) or not re.match(r"\s*[\u4e00-\u9fff]", text))


def _cell_runs(blocks: list) -> set[int]:
    """Paragraphs in a run of three or more short lines without a full stop: a table printed one
    cell per line ('经费项目' / '2017年度支出' / …), whose first cell is no wrapped sentence's end."""
    ends = _lines_cfg()["sentence_end"]
    short = [isinstance(b, Paragraph) and 0 < len(b.text.strip()) <= 16 and b.text.strip()[-1] not in ends
             for b in blocks]
    nonblank = [i for i, b in enumerate(blocks) if not (isinstance(b, Paragraph) and not b.text.strip())]
    out: set[int] = set()
    for k in range(len(nonblank) - 2):
        trio = nonblank[k : k + 3]
        if all(short[i] for i in trio):
            out.update(id(blocks[i]) for i in trio)
    out.update(_figure_rows(blocks, nonblank, ends))
    return out


_FIGURE_ROWS = 4  # figures on lines of their own a list prints, at least
_FIGURE_GAP = 4  # lines between two of them, at most (a label and a row's text cells)


def _figure_rows(blocks: list, nonblank: list[int], ends: str) -> set[int]:
    """A list printed one cell per line whose rows hold long text cells (支出内容 / 实际支出数 / 会计凭证号:
    '上半年重点优抚对象补助' / '67' / '1月31日33号凭证2月29日12号凭证…'): its figures stand on lines of their
    own every few lines, and no line between them ends a sentence; its lines are cells, never a
    wrapped sentence's parts (a voucher cell is not joined to the next row's label)."""
    figs = [k for k, i in enumerate(nonblank)
            if isinstance(blocks[i], Paragraph) and _BARE_FIGURE.match(blocks[i].text) and "%" not in blocks[i].text]
    out: set[int] = set()
    run: list[int] = []
    for k in [*figs, None]:
        if k is not None and run and k - run[-1] <= _FIGURE_GAP + 1:
            run.append(k)
            continue
        if len(run) >= _FIGURE_ROWS:
            span = [nonblank[j] for j in range(max(run[0] - 1, 0), run[-1] + 1)]
            texts = [blocks[i].text.strip() for i in span if isinstance(blocks[i], Paragraph)]
            if all(t and t[-1] not in ends for t in texts):
                out.update(id(blocks[i]) for i in span)
        run = [k] if k is not None else []
    return out


_INLINE_MIN = 200  # a paragraph this long holding scored headings inside it is a flattened page


def split_inline_headings(doc: Document) -> int:
    """A page flattened onto one line keeps its scored outline inside the line ('一、投入(14分)
    (一)项目立项(8分): (1)项目立项(2分) 我县…自评得2分。 (2)项目预算规范性(3分): …'): the line is cut
    back into paragraphs, each scored heading one of its own, so the scores are read under their
    headings as on the page. Each piece points at its characters of the printed line."""
    pat = re.compile(tomllib.loads((VOCAB_DIR / "statements.toml").read_text(encoding="utf-8"))["score"]["inline_heading"])
    out: list = []
    cut = 0
    for b in doc.blocks:
        if not isinstance(b, Paragraph) or len(b.text) < _INLINE_MIN or b.lines:
            out.append(b)
            continue
        heads = [m for m in pat.finditer(b.text) if m.start() > 0]
        if len(heads) < 2:
            out.append(b)
            continue
        bounds = sorted({0, len(b.text), *(m.start() for m in heads), *(m.end() for m in heads)})
        for a, e in zip(bounds, bounds[1:], strict=False):
            piece = b.text[a:e].rstrip()
            a += len(piece) - len(piece.lstrip())  # a piece starts at its first printed character
            piece = piece.strip()
            if piece:
                out.append(Paragraph(index=b.index, text=piece, page=b.page, style=b.style,
                                     lines=((b.index, b.page, -a),)))
        cut += 1
    doc.blocks = out
    return cut


# Characters set apart by spaces: three in a row, seen this many times in one paragraph.
_SPACED_OUT = re.compile(r"[\u4e00-\u9fff] [\u4e00-\u9fff] [\u4e00-\u9fff]")
_SPACED_OUT_MIN = 2
_C = r"[\u4e00-\u9fff]"
_M = r"[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20,.:;%()]"
# …whose spaces are closed where one side is a character standing alone ("经 费 总预 算" → "经费总预算")
# or a punctuation mark ("元 , 其中 :"); a space between two words ("局长 吴素芳") stays.
_SPACED_GAP = re.compile(rf"(?:(?<=^{_C})|(?<=\s{_C})) (?={_C})|(?<={_C}) (?={_C}(?:\s|$|{_M}))"
                         rf"|(?<={_C}|{_M}) (?={_M})|(?<={_M}) (?={_C})|(?<=\d) (?=[,:;，：；])|(?<=[,:;，：；]) (?=\d)")


_YEAR_WORD = re.escape(word("tables", "year_word"))
_YEAR_APART = re.compile(rf"(?<![\d.])(?:19|20)\d\d( )(?={_YEAR_WORD})")
# A title-shaped line whose only spaces set its year apart: a name of six characters or more
# (an organisation or area, not a part's number such as 第二部分), the year, 年 and words.
_SPACED_TITLE = re.compile(rf"^\s*\S*?[\u4e00-\u9fff（）()]{{6,}}(?P<a> )(?:19|20)\d\d(?P<b> )?{_YEAR_WORD}[\u4e00-\u9fff“”（）()]{{2,}}\s*$")


@lru_cache(maxsize=1)
def _figure_space() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    cfg = _lines_cfg()
    money, after = cfg["figure_units_after"], cfg["figure_words_after"]
    # …and between a word and the bare figure ending its sentence ('…得分合计 100。')
    before = re.compile(rf"(?<=[\u4e00-\u9fff])[ \u00a0]{{1,2}}(?=-?\d[\d,]*(?:\.\d+)?[ \u00a0]?(?:{money}))"
                        rf"|(?<=\d)[ \u00a0]{{1,2}}(?=(?:{after}))"
                        rf"|(?<=[\u4e00-\u9fff])[ \u00a0]{{1,2}}(?=-?\d[\d,]*(?:\.\d+)?[{re.escape(cfg['sentence_end'])}])")
    unit = re.compile(rf"(?<=\d)[ \u00a0]{{1,2}}(?=(?:{money}))")
    return before, unit, re.compile(cfg["prose_marks"])


def close_figure_spaces(doc: Document) -> int:
    """Spaces a PDF export or a web editor puts around figures ("完成预算 27 万元的 63.2%",
    "4753.66 万元", "2019 年度"): closed, so the sentence grammar reads a figure next to its words
    as if printed without spaces. Between a figure and its money unit always; between a word and
    a figure carrying a money unit or %, and between a figure and 年/月, only in running text (a
    sentence's punctuation): a header, a cell stream or a row of figures ("项目及编号 2016年度",
    "得分 9 年度总体目标", "年度资金总额 100 100 100%") keeps its spaces, and lines with cell marks
    (| or tabs) are left alone. Each closed space is kept in
    Paragraph.gaps, so provenance still counts it."""
    before, unit, prose = _figure_space()
    n = 0
    for b in doc.blocks:
        if not isinstance(b, Paragraph) or "|" in b.text or "\t" in b.text:
            continue
        spans = {m.span() for m in unit.finditer(b.text)}
        # a year set apart from its 年 ('2024 年项目支出…'), anywhere: a table reads it so too
        spans |= {m.span(1) for m in _YEAR_APART.finditer(b.text)}
        if (title := _SPACED_TITLE.match(b.text)) is not None:
            # a title a PDF set its year apart in ('临沧市云县正觉庵水库管理局 2023 年度部门决算')
            spans |= {title.span(k) for k in ("a", "b") if title.group(k)}
        if prose.search(b.text):
            spans |= {m.span() for m in before.finditer(b.text)}
            if len(_SPACED_OUT.findall(b.text)) >= _SPACED_OUT_MIN:
                # a PDF that set its characters apart ("经 费 总预 算 安 排 37337407.64 元 , 其中 :"):
                # every space between two characters, or a character and punctuation, is the PDF's
                spans |= {m.span() for m in _SPACED_GAP.finditer(b.text)}
        cuts = sorted(spans)
        if not cuts:
            continue
        text, gaps, dropped, prev = [], [], 0, 0
        for a, z in cuts:
            text.append(b.text[prev:a])
            dropped += z - a
            gaps.extend([a - dropped + (z - a)] * (z - a))  # the character after the cut, in the new text
            prev = z
        text.append(b.text[prev:])
        # printed lines joined before: their starts move left by what was dropped before them
        b.lines = tuple((i, pg, off - sum(z - a for a, z in cuts if z <= off) if off > 0 else off)
                        for i, pg, off in b.lines)
        b.gaps = (*b.gaps, *gaps)
        b.text = "".join(text)
        n += 1
    return n


def prepare(doc: Document) -> Document:
    if doc.prepared:
        return doc
    doc.prepared = True
    if fold_fullwidth_figures(doc):
        doc.warnings.append("figures printed in full-width digits were read as ASCII digits")
    # Traditional characters and pinyin glosses first: the steps after read words of the vocabulary
    # (时间: a metadata line no sentence runs into; 時(shí)間: is none until simplified).
    sample = "\n".join(b.text for b in doc.blocks[:400] if isinstance(b, Paragraph))
    trad, glossed = looks_traditional(sample), has_glosses(sample)
    if trad or glossed:
        _simplify(doc, trad, glossed)
    if restore_dash_years(doc):
        doc.warnings.append("a dash printed for the year character was read as that character")
    if carry_heading_units(doc):
        doc.warnings.append("figures listed under a heading printing their money unit were read in that unit")
    if join_cut_lines(doc):
        doc.warnings.append("sentences cut over printed lines were rejoined")
    if join_figure_lines(doc):
        doc.warnings.append("figures printed on lines of their own were rejoined to their sentences")
    if split_inline_headings(doc):
        doc.warnings.append("scored headings inside a line flattened from a page were set apart")
    if close_figure_spaces(doc):
        doc.warnings.append("spaces between figures and their words in running text were closed")
    if join_key_values(doc):
        doc.warnings.append("labels printed one cell per line were joined to their figures")
    if regrid_row_numbers(doc):
        doc.warnings.append("balance tables printing row numbers were rebuilt without them")
    return doc


@lru_cache(maxsize=1)
def _key_value() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    units = money_unit_alternation()
    return (re.compile(rf"^[\u4e00-\u9fff:：]{{2,14}}\s*(?:[（(](?:{units})[)）])?$"),
            re.compile(rf"^[（(](?:{units})[)）]$"), re.compile(r"^-?\d[\d,]*(?:\.\d+)?$"))


def _cell(b: object) -> str | None:
    """A paragraph's text as a lone cell ('计划安排资金', '(万元) |'), else None."""
    return b.text.strip().rstrip("|").strip() if isinstance(b, Paragraph) and not b.lines else None


def join_key_values(doc: Document) -> int:
    """A form printed one cell per line whose labels state their money unit ('计划安排资金' /
    '(万元)' / '55', or '实际支出 (万元) |' / '700 |'): each label, its unit and its figure are joined
    into one paragraph ('计划安排资金(万元)55'), which the sentence grammar reads like running text.
    Only a label whose unit is printed with it or on the line after is joined; trailing bars are
    dropped from the end of each piece (positions from a line's start stay those printed)."""
    label, unit, number = _key_value()
    blocks = doc.blocks
    out: list = []
    n = i = 0
    while i < len(blocks):
        a = _cell(blocks[i])
        if a and label.match(a) and not number.match(a):
            seq = [i]
            k = i + 1
            if not unit.search(a) and k < len(blocks) and (u := _cell(blocks[k])) and unit.match(u):
                seq.append(k)
                k += 1
            has_unit = len(seq) == 2 or bool(re.search(r"[（(]", a))
            if has_unit and k < len(blocks) and (v := _cell(blocks[k])) and number.match(v):
                seq.append(k)
                head = blocks[i]
                head.text = head.text.rstrip().rstrip("|").rstrip()
                for j in seq[1:]:
                    nxt = blocks[j]
                    nxt.text = nxt.text.rstrip().rstrip("|").rstrip()
                    _append(head, nxt)
                out.append(head)
                n += 1
                i = k + 1
                continue
        out.append(blocks[i])
        i += 1
    doc.blocks = out
    return n


@lru_cache(maxsize=1)
def _headed_values() -> tuple[re.Pattern[str], re.Pattern[str]]:
    units = money_unit_alternation()
    bracket = rf"[（(](?P<u>{units})[)）]"
    # a label (no digit: '2023年绩效调整资金' heads a block of its own) and one bare figure ending the line
    value = re.compile(r"^(?P<label>[\u4e00-\u9fff][^\d%％]{0,40}?)[:：]?\s*(?P<n>\d[\d,]*(?:\.\d+)?)\s*$")
    return re.compile(bracket), value


_HEADED_MIN = 3  # figures a block lists: one label with its figure is a table cell run on


def carry_heading_units(doc: Document) -> int:
    """Figures listed one per line under a heading that prints their money unit in brackets
    ('计划生育家庭特别扶助制度补助资金(万元)' / '年度预算资金总额: 321.25' / '其中:中央补助 166.00' /
    '市级资金 136.00'): each bare figure ending a line of the block is in that unit, so the
    sentence grammar reads the lines as it reads 'label 166.00万元'. A block needs several such
    lines right under the heading (or the heading's own line ending in one); any other line ends
    it. Returns the number of figures given their unit."""
    bracket, value = _headed_values()
    n = 0
    unit: str | None = None
    block: list[Paragraph] = []

    def close() -> int:
        if unit is not None and len(block) >= _HEADED_MIN:
            for b in block:
                b.text = b.text.rstrip() + unit
            return len(block)
        return 0

    for b in doc.blocks:
        t = b.text.strip() if isinstance(b, Paragraph) and not b.lines else ""
        v = value.match(t)
        u = bracket.search(v.group("label") if v else t)
        if u is not None:
            n += close()
            unit, block = u.group("u"), ([b] if v else [])
            if not v and not t.endswith(u.group(0)):
                unit = None  # a bracketed unit inside a sentence heads no list
        elif v and unit is not None:
            block.append(b)
        else:
            n += close()
            unit, block = None, []
    n += close()
    return n


def regrid_row_numbers(doc: Document) -> int:
    """Balance tables with 行次 columns, rebuilt as the two-sided grid (row_numbers.py)."""
    out: list = []
    n = 0
    for b in doc.blocks:
        got = regrid(b) if isinstance(b, Table) else None
        out.extend(got or [b])
        n += got is not None
    doc.blocks = out
    return n


def _texts(doc: Document):
    """Every paragraph and cell of the document, to read or rewrite in place: (owner, attribute)."""
    for b in doc.blocks:
        if isinstance(b, Paragraph):
            yield b, "text"
        elif isinstance(b, Table):
            for row in b.rows:
                for c in row:
                    yield c, "text"


def restore_dash_years(doc: Document) -> int:
    """A page that printed 年 as a dash (vocab/layout.toml [dash_year]): each dash in its place
    becomes 年, one character for one. Returns the texts changed (0 when the page shows no sign)."""
    sign, dash = pattern("layout", "dash_year.sign"), pattern("layout", "dash_year.dash")
    if not any(sign.search(getattr(o, a)) for o, a in _texts(doc)):
        return 0
    year = word("layout", "dash_year.year")
    n = 0
    for o, a in _texts(doc):
        t = dash.sub(year, getattr(o, a))
        n += t != getattr(o, a)
        setattr(o, a, t)
    return n


def _simplify(doc: Document, trad: bool, glossed: bool) -> None:
    def fix(s: str) -> str:
        if glossed:
            s = collapse_doubled_punctuation(strip_glosses(s))
        return to_simplified(s) if trad else s

    for b in doc.blocks:
        if isinstance(b, Paragraph):
            b.text = fix(b.text)
        elif isinstance(b, Table):
            b.caption = fix(b.caption)
            for row in b.rows:
                for c in row:
                    c.text = fix(c.text)
    doc.warnings.append(
        "text read in simplified characters" * trad + (" and " if trad and glossed else "")
        + "pinyin glosses dropped" * glossed
    )
