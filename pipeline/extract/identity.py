"""Who reports, for which year: the words come from vocab/report_kinds.csv,
vocab/report_identity.csv and vocab/traditional_chars.csv; this module holds the rules. A rule
whose regex is itself made of words reads it whole from report_identity.csv (rule(role)).

Evidence is weighed in this order (a wrong unit is worse than none, so every rule refuses
masked or spam names and gives up rather than guess):
  1. the title ("2021年X局部门整体支出绩效自评表", "X局关于2023年度…报告");
  2. table cells (实施单位 > 单位名称 > 部门 > 主管部门), also run together with their labels;
  3. page metadata (发布机构, 来源) — only to complete a title that names a place or a bare
     suffix (厦门市 → 厦门市农业农村局, 林业局 → 零陵区林业局), never on its own: a county
     health bureau publishes its township hospitals' reports;
  4. the text itself: X（以下简称…）, X…我局, "X是…" in the unit's own description, the
     signature above the closing date, the speaker's byline, "X2020年“三公”…" openings.

The traditional-script table (one character to one character) is OpenCC's TSCharacters
(Apache-2.0) restricted to the CJK basic block.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from functools import cache

from pipeline.settings import VOCAB_DIR

_HAN = r"\u4e00-\u9fa5"


def _rows(name: str) -> list[dict[str, str]]:
    with open(VOCAB_DIR / name, encoding="utf-8") as f:
        return list(csv.DictReader(f))


@cache
def kind_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Report kinds by title wording, in priority order (the first match wins)."""
    return [(r["kind"], re.compile(r["pattern"])) for r in _rows("report_kinds.csv")]


@cache
def words(role: str) -> str:
    """The vocabulary of one role as a non-capturing alternation."""
    alts = [r["pattern"] for r in _rows("report_identity.csv") if r["role"] == role]
    return "(?:" + "|".join(alts) + ")"


@cache
def rule(role: str) -> str:
    """The one pattern of a role as written (a whole regex, or a piece of one)."""
    (pattern,) = [r["pattern"] for r in _rows("report_identity.csv") if r["role"] == role]
    return pattern


@cache
def rules(role: str) -> list[str]:
    """The patterns of a role that are whole regexes each (their groups share names)."""
    return [r["pattern"] for r in _rows("report_identity.csv") if r["role"] == role]


@cache
def unit_labels() -> list[tuple[str, int]]:
    """(label pattern, rank): cells naming the reporting unit; a lower rank is nearer to it."""
    return [(r["pattern"], int(r["rank"])) for r in _rows("report_identity.csv") if r["role"] == "unit_label"]


@cache
def _t2s() -> dict[int, str]:
    return {ord(r["traditional"]): r["simplified"] for r in _rows("traditional_chars.csv")}


# "經(jīng)費(fèi)": machine conversions gloss characters with pinyin in brackets.
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]")


def is_traditional(text: str) -> bool:
    """A page in traditional script: many characters that simplified text never uses."""
    han = [c for c in text if 0x4E00 <= ord(c) <= 0x9FFF]
    if len(han) < 20:
        return False
    table = _t2s()
    return sum(ord(c) in table for c in han) >= 0.04 * len(han)


def simplify(text: str, traditional: bool) -> str:
    """Pinyin glosses out and, on a traditional-script page, simplified characters."""
    s = _PINYIN.sub("", text)
    return s.translate(_t2s()) if traditional else s


# --- unit names ---------------------------------------------------------------------------


@cache
def org_pattern() -> re.Pattern[str]:
    """An organisation's name: the shortest run of characters ending in a suffix, optionally
    followed by a second one (县人民政府 + 办公室) and 本级."""
    suf = words("org_suffix")
    return re.compile(
        rf"({words('party_prefix')}?[{_HAN}]{{2,30}}?{suf}(?:[{_HAN}]{{0,10}}?{suf})?{words('own_level')}?)"
    )


@cache
def _org_end() -> re.Pattern[str]:
    # '上海市青浦区图书馆(上海市青浦区青杏科技图书馆)': a body's second name, in brackets after its first
    second = rf"(?:[（(][{_HAN}]{{2,30}}?(?:{words('org_suffix')})[)）])?"
    return re.compile(rf"(?:{words('org_suffix')}){second}{words('own_level')}?$")


@cache
def _area() -> re.Pattern[str]:
    """An area reporting as a whole: 鹿寨县, 绍兴市柯桥区, 凉山州州本级, 高新区(江海区), or an
    autonomous region by its short name (广西城乡居民…资金: 广西)."""
    return re.compile(
        rf"^((?:(?:[{_HAN}]{{1,10}}?{words('area_suffix')}){{1,3}}|{words('region_short')})"
        rf"(?:[（(][{_HAN}]{{2,8}}[)）])?{words('own_level')}?)"
    )


_MASKED = re.compile(r"[*＊xX×□�?？]")



def clean_unit(name: str | None) -> str | None:
    """A candidate as a unit name, or None when it is masked, spam or a phrase."""
    if not name:
        return None
    s = re.sub(r"^\d+[-—－]?", "", re.sub(r"\s", "", name)).strip("|:：,，。、")
    s = re.sub(rule("year_remnant"), "", s)  # '2019 年 中山市 政府…' cut after its year's digits
    # '(一)金寨县麻埠镇人民政府2023年度…': a paragraph's list number is no part of the name.
    s = re.sub(rule("paragraph_number"), "", s)
    s = s.rsplit(rule("possessive"), 1)[-1]  # '有“亚洲最大医院”之称的X医院': names do not contain 的
    s = re.sub(rule("list_lead"), "", s)  # '主要包括X局(本级)和…': the list's words are no part of it
    s = re.sub(words("included_units") + "$", "", s)  # 'X办公室（含所属二级单位）' reports as X办公室
    opened = max(s.rfind("("), s.rfind("（"))
    if opened > 0 and max(s.rfind(")"), s.rfind("）")) < opened:
        s = s[:opened]  # '宁国市财政局(市国资委' cut inside its bracket (、市金融监管局) is 宁国市财政局
    short_region = bool(re.fullmatch(words("region_short"), s))  # 广西: a name of two characters
    if not (3 <= len(s) <= 32 or short_region) or _MASKED.search(s) or re.search(words("not_a_name"), s):
        return None
    if not re.fullmatch(rf"[{_HAN}（）()]+", s):
        return None
    # '2020年,广州全市一般公共预算收入…': the whole of 广州市, printed with 全 before its level.
    s = re.sub(rf"^([{_HAN}]{{2,}}){rule('whole_area')}({words('area_suffix')})$", r"\1\2", s)
    if re.fullmatch(words("area_suffix"), s):
        return None  # '自治区' alone (2020年上半年自治区预算执行情况): a level, no place's name
    # '对全县2024年“三公”经费…': a preposition before 全县 (the whole county) is no place's name.
    if re.fullmatch(rf"[{words('not_name_start')}]{rule('whole_area')}(?:{words('area_suffix')})", s):
        return None
    return s


def org_prefix(text: str, sections: bool = False) -> str | None:
    """The longest unit name at the start of a cell value ('襄阳市中心医院填报日期…'); with
    sections, a bureau's section too ('农业工作科'), for the value of a unit label."""
    s = re.sub(r"\s", "", text)
    best = None
    suffix = f"{words('org_suffix')}|{words('section_suffix')}" if sections else words("org_suffix")
    for m in re.finditer(rf"(?:{suffix}){words('own_level')}?(?!{words('suffix_continued')})", s[:34]):
        cand = clean_unit(s[: m.end()])
        if cand:
            best = cand
    return best


def is_org(name: str) -> bool:
    return bool(_org_end().search(name))


def area_of(text: str) -> str | None:
    t = re.sub(r"\s", "", text)
    # '(天津市)和平区2021年财政收支情况': the higher place in brackets before the area reporting
    if (b := _BRACKETED.match(t)) and is_area(b.group(1)):
        t = t[b.end():]
    m = _area().match(t)
    if not m:
        return None
    if (u := clean_unit(m.group(1))) is None:
        # '广州市…', '杭州市…': a name ending in a level's character (州), too short to stand for an
        # area, is its city's when the level follows it.
        end = m.end(1)
        if (nxt := re.match(words("area_suffix"), t[end:])) and is_area(t[: end + nxt.end()]):
            return clean_unit(t[: end + nxt.end()])
    return u


_BRACKETED = re.compile(r"^[（(]([^)）]{2,10})[)）]")


def is_area(name: str) -> bool:
    return bool(re.fullmatch(_area().pattern[1:], name))


def org_in(text: str) -> str | None:
    m = org_pattern().search(text)
    return clean_unit(m.group(1)) if m else None


# '[ 成文日期 ] 2024-02-18' run onto the title line: the tail of a bracketed metadata label and
# its date are no part of the title ('] 2024-02-18重庆市璧山区2023年预算执行情况…').
# '监督索引号53092200433501000临沧市…' (the label dropped as page chrome): the index's code is none either.
_TITLE_DEBRIS = re.compile(r"^(?:[\]】](?:(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2})?|\d{8,}(?=[\u4e00-\u9fa5]))")


def unit_from_title(title: str) -> str | None:
    """The unit a title names, or the area of a compilation ('2019年度鹿寨县“三公”…')."""
    s = _TITLE_DEBRIS.sub("", re.sub(r"\s", "", title))
    # '适老化专区 无障碍浏览 注册 登录 更换背景' over the title: a site's banner is no place.
    s = re.sub(rf"^(?:{words('site_banner')})+", "", s)
    s = re.sub("^(?:" + words("title_lead") + ")+", "", s)  # "7.关于X区2021年…"
    # '附件1:《2019年度湖北省红十字会部门整体绩效自评表》.docx': an attachment's name in book-title
    # marks is the title itself, not a document it quotes.
    s = re.sub(r"^《([^《》]+)》(?:\.\w{2,4})?$", r"\1", s)
    m = re.match(rule("title_unit_year"), s)
    if m and (u := clean_unit(m.group("u"))) and (is_org(u) or is_area(u)):
        return u
    if two := re.match(rule("title_short_area"), s):
        return two.group("u")  # '渠县2024年财政总决算…': a county's name of two characters
    # '锡林郭勒盟城乡居民基本养老保险补助资金2022年度绩效自评报告': a place, then a fund's name
    # and no body: the place's own (transfer-payment) report.
    if m and (a := area_of(m.group("u"))) and re.search(words("fund_name"), m.group("u")[len(a):]) \
            and not org_in(m.group("u")):
        return a
    rest = re.sub(rule("title_year"), "", s)
    if rest != s:
        # "<year><unit or area><kind>": the name runs up to the quotes or the kind's words.
        head = re.split(rule("title_name_end"), rest, maxsplit=1)[0]
        if head and (u := org_prefix(head) or area_of(head)) and len(u) >= len(head) - 2:
            return u
    # A notice or law quoted in the title ('【市财政局、市商务局拨付…的通知】项目自评表') names
    # its issuers, not the reporter.
    s = re.sub(r"【[^】]*】|《[^》]*》", "", s)
    for m in org_pattern().finditer(s):
        # '全省52家免费开放博物馆纪念馆…': a count of bodies, not one; '…滨河家园垃圾转运站提升改造
        # 项目绩效自评报告': the body a project builds, not the one reporting
        if (m.start(1) and s[m.start(1) - 1].isdigit()) or re.match(words("project_object_after"), s[m.end(1):]):
            continue
        return clean_unit(m.group(1))
    # '搜索真正让“遂宁效率”成为“遂宁品牌”大英县总工会2020年度部门决算': a site's slogan joined over the
    # title; the title proper starts after its last closing quote
    k = max(s.rfind(q) for q in "”」』")
    if 0 < k < len(s) - 1 and re.match(rule("title_unit_year"), s[k + 1:]):
        return unit_from_title(s[k + 1:])
    return None


def extend(short: str, candidates: list[str]) -> str:
    """'林业局' printed in a title, '零陵区林业局' in the page metadata: the longer name when it
    ends like the short one (or starts with the place the title names)."""
    tails = [short[k:] for k in range(len(short) - 1) if is_area(short[k:])] if not is_org(short) else []
    # '永德县明朗中学' (实施单位) beside '临沧市永德县明朗中学' (部门): a name that opens with its
    # own place is whole as printed; a higher place another cell puts before it is not its name.
    placed = is_org(short) and bool(re.match(rf"[{_HAN}]{{2,6}}?{words('placed_level')}", short)) \
        and not re.match(words("short_level"), short)
    candidates = [c for c in candidates if not (placed and c.endswith(short) and is_area(c[: -len(short)]))]
    for c in candidates:
        if c != short and (c.endswith(short) or (is_org(c) and any(c.startswith(t) for t in tails))):
            return c
    # '雨花区…自评报告' over a form whose 部门名称 is 长沙市雨花区发展和改革局: a unit of that place.
    for c in candidates:
        if is_org(c) and any(len(t) >= 3 and t in c for t in tails):
            return c
    # '…决算公开说明-堤防处.pdf' over a text opening '曾都区河道堤防建设管理处 2021 年度…': a
    # short form keeps its full name's characters in order and ends alike.
    for c in candidates:
        if is_org(short) and is_org(c) and len(c) > len(short) >= 3 and c[-1] == short[-1] \
                and c[0] != short[0] and abbreviates(short, c):
            return c
    return short


def placed_by_title(unit: str, title: str) -> str | None:
    """'交通运输厅' named by the text, '海南省交通运输部门2022年“三公”经费…' its title: a body printed
    without a place whose name's words (all but its suffix) follow the place the title opens with
    is that place's body (海南省交通运输厅)."""
    if not is_org(unit) or area_of(unit) or re.match(words("short_level"), unit):
        return None
    flat = re.sub(r"\s", "", title)
    place = area_of(flat)
    suffix = re.search(rf"(?:{words('org_suffix')})$", unit)
    stem = unit[: suffix.start()] if suffix else ""
    if place and len(stem) >= 2 and flat[len(place):].startswith(stem):
        return clean_unit(place + unit)
    return None


def placed_short_form(area: str, names: list[str]) -> str | None:
    """'重庆市' titling the page, '市水利局' publishing it: 重庆市水利局 — a short form whose level is
    the area's own (市 of 重庆市) names that area's body. One such name only."""
    out = set()
    for n in names:
        lv = re.match(words("short_level"), n) if is_org(n) else None
        if lv and area.endswith(lv.group(0)) and (u := clean_unit(area + n[len(lv.group(0)):])):
            out.add(u)
    return out.pop() if len(out) == 1 else None


def same_place_short_form(short: str, full: str) -> bool:
    """'井陉县文旅局' (the page's title) of '井陉县文化广电体育和旅游局' (the report's heading): one
    place's body in short and in full — its characters in order, the same last one, the short
    body at least three characters and no part of the full one as printed (a bureau's office is
    not its bureau)."""
    place = area_of(short)
    return bool(place) and is_org(short) and is_org(full) and area_of(full) == place \
        and len(full) > len(short) and len(short) - len(place) >= 3 and full[-1] == short[-1] \
        and short[len(place):] not in full and abbreviates(short, full)


def full_form(short: str, texts: list[str]) -> str:
    """'市林业局' → '岳阳市林业局' (or '自治区文化和旅游厅' → '广西壮族自治区文化和旅游厅') when the texts print the name with its place in front of the
    level character, as a name of its own (after a number, a bracket or punctuation, never in
    the middle of a phrase). An unambiguous full form only: two places leave the short one."""
    lv = re.match(words("short_level"), short) if is_org(short) else None
    if not lv:
        return short
    pat = re.compile(rf"(?:^|[^{_HAN}])([{_HAN}]{{1,8}}){re.escape(short)}")
    # A place's name without a level of its own is short (日照, 齐齐哈尔): '省最记者从' before
    # 市发改委 on a shuffled page is no place.
    # '中共开江县委党校' for '县委党校': a party organ's place follows 中共 (kept in the name)
    party = re.compile(rf"^(?:{words('party_prefix')})")
    found = {m.group(1) + short for t in texts for m in pat.finditer(re.sub(r"\s", "", t))
             if is_area((p := party.sub("", m.group(1))) + lv.group(0)) and clean_unit(m.group(1) + short)
             and not re.match(rf"[{words('not_name_start')}]", m.group(1))
             and not re.search(words("not_in_place"), m.group(1))
             and (len(p) <= 4 or _area().match(p))}
    return found.pop() if len(found) == 1 else short


def abbreviates(short: str, full: str) -> bool:
    """'堤防处' of '曾都区河道堤防建设管理处', '市发改委' of '市发展和改革委员会': every
    character of the short form, in order, in the full name."""
    it = iter(full)
    return all(ch in it for ch in short)


def labelled_units(texts: list[str]) -> list[tuple[int, str]]:
    """(rank, unit) for every 'label value' found in the texts, labels run into their values
    ('项目单位文昌市林业局主管部门文昌市人民政府…') included."""
    labels = unit_labels()
    alt = "|".join(f"(?P<l{i}>{p})" for i, (p, _) in enumerate(labels))
    # Labels are scanned left to right, so 单位 is never read inside 实施单位; 本单位, 各部门
    # are the text's own words, not labels.
    # 主管部门 refused by its own lookbehind (中央主管部门) must not leave 部门 to be read as a label.
    pat = re.compile(rf"(?<![{rule('label_not_after')}])(?:{alt})(?:\|?[（(]{words('seal')}[)）])?[:：|]?")
    other = re.compile(rf"{words('other_level')}$")
    out: list[tuple[int, str]] = []
    for t in texts:
        s = re.sub(r"[\s|]+", "|", t)
        found = list(pat.finditer(s))
        for m, nxt in zip(found, [*found[1:], None], strict=False):
            rank = next(labels[i][1] for i in range(len(labels)) if m.group(f"l{i}"))
            if other.search(s[max(0, m.start() - 2) : m.start()]):
                continue  # 中央主管部门 / 上级单位: another level's authority, not the reporter
            if rank == 3 and not re.match(r"[|:：]", s[m.end() - 1 : m.end() + 1][-1:] or "x") \
                    and not re.search(r"[|:：]$", m.group(0)):
                continue  # a bare 部门 in running text ('财政部门以…') is not a label
            # The value stops where the next label or cell starts ('X局主管部门Y政府', 'X局 | Y').
            value = s[m.end() : min(m.end() + 40, nxt.start() if nxt else len(s))].lstrip("|")
            value = value.split("|", 1)[0]
            # '[155]濉溪县民政局': the department's code printed before its name.
            value = re.sub(rf"^{words('value_prefix')}", "", value)
            # A section (农业工作科) names the unit only as the form's filler, not as the
            # implementing unit under a bureau (实施单位 粮食调控储备与产业发展股).
            filler = re.match(words("filler_label"), m.group(0))
            u = org_prefix(value) or (org_prefix(value, sections=True) if filler else None)
            if u:
                out.append((rank, u))
    return out


def _starts(texts: list[str], pat: re.Pattern[str]) -> list[str]:
    return [m.group("u") for t in texts if (m := pat.search(re.sub(r"\s", "", t)))]


@cache
def _publisher() -> re.Pattern[str]:
    fields = f"{words('publisher_field')}|{words('site_welcome')}"
    # '[ 发布机构 ] 璧山区财政局 [ 有效性 ]': a label may stand in brackets before its value.
    # '发布机构: | 枞阳县卫生健康委员会 |': a label cell's colon, then the bar between the cells
    return re.compile(rf"(?:{fields})\s*[\]】]?\s*(?:[:：•·|\-]\s*){{0,2}}(?P<u>[{_HAN}（）()]{{3,32}})")


_SPACED = re.compile(rf"(?<![{_HAN}])[{_HAN}](?:[ \u3000\u00a0][{_HAN}]){{2,}}(?![{_HAN}])")


def publishers(texts: list[str]) -> list[str]:
    """Bodies named by 发布机构/来源 metadata (or the line after a bare 发布机构 label)."""
    # '发布机构: 水 利 局 文号:': a value letter-spaced to a width is the same name.
    texts = [_SPACED.sub(lambda m: re.sub(r"\s", "", m.group(0)), t) for t in texts]
    out = [u for t in texts for m in _publisher().finditer(t) if (u := org_prefix(m.group("u")))]
    # '发布机构' alone on its line, or bracketed ('• [ 发布机构 ]'), its value on the next line.
    bare = re.compile(rf"^[\s•·\-|]*[\[【]?\s*{words('publisher_field')}\s*[\]】]?[\s:：|]*$")
    for a, b in zip(texts, texts[1:], strict=False):
        if bare.match(a) and (u := org_prefix(b.strip(" •·-|"))):
            out.append(u)
    # '来源:厅规划财务处': a division of the body, named by the body's own short word, is no unit.
    return [u for u in out if not re.match(words("division_of_body"), u)]


def body_of_area(area: str, texts: list[str]) -> str | None:
    """'来源:岳阳县台创园' over '岳阳县2017年度部门“三公”经费预算情况表', the text's own table
    titled '台创园2017-度部门…': a body of the area the title names, whose name ends in no suffix
    bpw knows, publishes the page and titles its own table by its name less the place."""
    for t in texts:
        for m in _publisher().finditer(t):
            v = clean_unit(m.group("u"))
            rest = v[len(area):] if v and v.startswith(area) else ""
            if len(rest) >= 2 and not is_area(v) and any(
                    re.sub(r"\s", "", x).startswith(rest) and x is not t for x in texts):
                return v
    return None


@cache
def _byline() -> re.Pattern[str]:
    # The byline stands apart: a line of its own, or a run between spaces of a flattened page.
    return re.compile(rf"(?:^|\s)(?P<u>[{_HAN}]{{3,30}}?(?:{words('org_suffix')})){words('byline')}(?:\s|[{_HAN}]{{2,4}}\s|$)")


@cache
def _joint_byline() -> re.Pattern[str]:
    # '广州市番禺区政协副主席、财政局局长 NAME': the body after the last 、 of a speaker's posts.
    return re.compile(rf"(?:^|\s)(?P<head>[{_HAN}]{{3,30}}?)、(?P<u>[{_HAN}]{{2,20}}?(?:{words('org_suffix')})){words('byline')}"
                      rf"(?:\s|[{_HAN}]{{2,4}}\s|$)")


def byline_unit(texts: list[str]) -> str | None:
    """'绍兴市柯桥区财政局局长 NAME' under a budget-execution report's title; of a speaker
    holding two posts ('广州市番禺区政协副主席、财政局局长'), the body of the byline's post under
    the place the line opens with."""
    for t in texts:
        for m in _byline().finditer(t.strip()):
            if u := clean_unit(m.group("u")):
                return u
        for m in _joint_byline().finditer(t.strip()):
            u, place = clean_unit(m.group("u")), area_of(m.group("head"))
            if u and is_org(u) and not area_of(u) and place and (full := clean_unit(place + u)):
                return full
    return None





def self_described(texts: list[str]) -> str | None:
    """'北京市人民政府研究室是承担…', '观庄乡卫生院是一所…': the unit describing itself at a
    paragraph's start."""
    for t in texts:
        s = re.sub(r"\s", "", t)
        s = re.sub(rule("paragraph_number"), "", s)
        for m in re.finditer(words("self_verb"), s[:90]):
            # '(一)机构设置、职责。北京市人民政府研究室是承担…': the sentence the verb is in, and
            # '…设立北京市东城区人民法院,内设13个部门': the name a clause opens with; after a
            # citation ('根据《…规定》(…),X办事处主要履行…') the clause after the comma.
            head = re.split(words("self_clause_break"), s[: m.start()])[-1].rstrip("，,")
            for cand in (head, re.split(r"[，,]", head)[-1]):
                u = clean_unit(cand)
                if u and is_org(u) and org_in(u) == u and re.match(words("self_description"), s[m.start():]):
                    return u
    return None


def self_described_speaker(texts: list[str]) -> str | None:
    """'…本项目为南江县档案馆建设。南江县档案馆为县委直属…事业单位' in a text calling itself 我馆: a
    sentence inside a paragraph opening with a body describing itself, whose suffix is the one
    the text calls itself by (我馆 → …馆). Two such bodies name none."""
    flat = [re.sub(r"\s", "", t) for t in texts]
    suffixes = {m.group(0)[1:] for t in flat for m in re.finditer(words("first_person_org"), t)}
    found = {u for t in flat for sentence in re.split(r"[。；;]", t)
             if (u := self_described([sentence])) and any(u.endswith(suf) for suf in suffixes)}
    return found.pop() if len(found) == 1 else None


def composed_unit(texts: list[str]) -> str | None:
    """'二、部门预算单位构成 从单位构成看,区政协包括办公室、提案委员会…': the budget template's section on
    the units its budget covers names the unit, as printed (a short form too)."""
    for t in texts:
        for m in re.finditer(rule("unit_composition"), re.sub(r"\s", "", t)):
            if (u := clean_unit(m.group("u"))) and is_org(u) and org_in(u) in (None, u):
                return u
    return None


def dated_unit(texts: list[str]) -> str | None:
    """A cover flattened onto one line: the unit between the title and its bracketed date."""
    for t in texts:
        m = re.search(rule("dated_unit"), t[:400])
        if m and (u := clean_unit(m.group("u"))) and is_org(u) and org_in(u) == u:
            return u
    return None


def opening_unit(texts: list[str]) -> str | None:
    """'许镇镇2020年“三公”经费决算数…', '2022年凉山州州本级部门…': a paragraph opening with a
    unit or area and the year it reports on, or an area's own level (X本级) in a sentence."""
    for t in texts:
        s = re.sub(r"^[|•·]+", "", re.sub(r"\s", "", t))  # '| 牟定县2017年…': a table's bar before it
        # '标      题 西藏自治区发展和改革委员会2020年度…': a metadata label is no part of the name
        s = re.sub(rf"^(?:{words('title_field')})[:：|]*", "", s)
        # 20xx: essay sites blank the year of a report they repost; the opening still names its unit.
        m = re.match(rule("opening_unit_year"), s)
        # An area opens its own accounts ('许镇镇2020年“三公”经费决算数'), not a project's story.
        own_accounts = re.match(rule("own_accounts"), s[m.end():]) if m else None
        if m and (u := clean_unit(m.group("u"))) and (is_org(u) or (is_area(u) and own_accounts)):
            return u
        # '根据…决策部署和区政府工作安排,衢江区2016年一般公共预算安排“三公”经费决算数2364万元':
        # the clause after the opening's lead clause, when it opens the unit's own accounts.
        if re.match(words("lead_clause"), s):
            for c in re.finditer(r"[，,]", s[:200]):
                # '…要求,现将焦石镇2020年度“三公”经费决算情况公布如下': the verb is no part of it.
                rest = re.sub(f"^{words('disclosing_lead')}", "", s[c.end():])
                m = re.match(rule("opening_unit_year"), rest)
                if m and re.match(rule("own_accounts"), rest[m.end():]) \
                        and (u := clean_unit(m.group("u"))) and (is_org(u) or is_area(u)) and org_in(u) in (None, u):
                    return u
                # '根据《…通知》有关规定,广西壮族自治区住房和城乡建设厅、财政厅认真组织开展了2024年度…绩效自评
                # 工作': the body that did the self-evaluation (the first named of several)
                m = re.match(rule("self_evaluating"), rest)
                if m and (u := clean_unit(m.group("u"))) and (is_org(u) and org_in(u) == u or area_of(u) == u):
                    return u  # …or the area evaluating its funds (…要求,巩义市高度重视,认真组织开展…自评工作)
        m = re.search(rf"{rule('fiscal_year')}(?P<u>[{_HAN}]{{2,12}}?{words('own_level')})", s)
        if m and (u := clean_unit(m.group("u"))) and is_area(u):
            return u
    # '…重点工作。重庆市涪陵区武陵山乡人民政府(本级)2023年无使用政府性基金预算拨款安排的支出': a body
    # opening a sentence inside a paragraph with its own accounts, when no paragraph opens so.
    for t in texts:
        for part in re.split(r"[。；;]", re.sub(r"\s", "", t))[1:]:
            if u := _opening_own_accounts(part, areas=False):
                return u
    # '记者从市财政局了解到,东莞市2016年市本级“三公”决算汇总表…公布': after what a reporter heard, the
    # area (or body) whose own accounts the clause opens with.
    for t in texts:
        clauses = re.split(r"[，,]", re.sub(r"\s", "", t))
        for k, (prev, part) in enumerate(zip(clauses, clauses[1:], strict=False)):
            if not re.search(words("news_heard"), prev):
                continue
            if u := _opening_own_accounts(part, areas=True):
                return u
            # '…了解到,2023年,昆明市一般公共预算收入完成558亿元': the year a clause of its own, then
            # the area and its accounts.
            if re.fullmatch(rule("fiscal_year"), part) and k + 2 < len(clauses) \
                    and (u := year_area_opening([part + clauses[k + 2]])):
                return u
    return None


def _opening_own_accounts(text: str, areas: bool) -> str | None:
    """The body (or, with areas, the area) a text opens with, then its year and its own accounts
    ('X(本级)2023年无使用政府性基金预算…', '东莞市2016年市本级“三公”决算…')."""
    m = re.match(rule("opening_unit_year"), text)
    if not (m and re.match(rule("own_accounts"), text[m.end():]) and (u := clean_unit(m.group("u")))):
        return None
    return u if is_org(u) and org_in(u) == u or areas and is_area(u) and area_of(u) == u else None


def year_area_opening(texts: list[str]) -> str | None:
    """'2024年旺苍县“三公”经费执行数…', '2016年,市人大“三公”经费预算为…': paragraphs opening with the
    year, then an area or a body and its own accounts, all naming the same one (a last resort for
    a page naming no unit)."""
    pat = re.compile(rf"^{rule('fiscal_year')}(?:{rule('year_period')})?[，,]?(?P<u>[{_HAN}]{{1,12}}?(?:{words('area_suffix')}|{words('org_suffix')}))"
                     rf"(?={rule('own_accounts')})")
    found = set()
    for t in texts:
        s = re.sub(r"\s", "", t)
        if not (m := pat.match(s)) or len(m.group("u")) < 3 and not is_area(m.group("u")):
            continue
        u = clean_unit(m.group("u"))
        if u and is_area(u) and area_of(u) == u and not org_prefix(s[m.start("u"):]):
            found.add(u)  # 2019年普洱市审计局…: a body's name, not its area's
        elif u and is_org(u) and org_in(u) in (None, u):
            found.add(u)  # 市人大: a level and a two-character suffix, shorter than org_pattern's names
    return found.pop() if len(found) == 1 else None


def majority(cands: list[str]) -> str | None:
    if not cands:
        return None
    counts = Counter(cands)
    best = max(counts.values())
    return next(c for c in cands if counts[c] == best)


def speaks_as_unit(texts: list[str]) -> bool:
    """The text calls itself 我局, 我委, 我中心… (an organisation), not 我县, 我区 (an area):
    a report under a place's title written by one of its bodies."""
    area_end = re.compile(rf"(?:{words('area_suffix')})$")
    return any(not area_end.search(m.group(0)) and not re.fullmatch(rule("generic_self"), m.group(0))
               for t in texts for m in re.finditer(words("first_person"), t))


def speaks_as_area(texts: list[str]) -> bool:
    """The text calls its place 我县, 我市, 我区…: written for an area by one of its bodies."""
    area_end = re.compile(rf"(?:{words('area_suffix')})$")
    return any(area_end.search(m.group(0)) for t in texts for m in re.finditer(words("first_person"), t))


def named_by_short_name(candidates: list[str], texts: list[str]) -> str | None:
    """'县政协坚持…' on the site of 南县政协: the unit speaks of itself by its name less the
    place, which the publisher prints in full. Only an organisation's name (县政协, 区财政局)
    opening a clause counts, not a mention of another body in the middle of a sentence."""
    for c in candidates:
        m = _area().match(c)
        if not (m and is_org(c)) or len(c) - len(m.group(1)) < 2:
            continue
        short = m.group(1)[-1] + c[len(m.group(1)) :]  # 南县 + 政协 → 县政协
        pat = re.compile(rf"{rule('clause_start')}{re.escape(short)}"
                         rf"(?!{words('org_suffix')})")
        if any(pat.search(re.sub(r"\s", "", t)) for t in texts):
            return c
    return None


def evaluated_unit(texts: list[str]) -> str | None:
    """'我们对方城县动物疫病预防控制中心动物防疫专项经费进行了绩效评价': an evaluation
    commissioned by a finance bureau names the unit it evaluated right after 对."""
    did = words("evaluated")
    pat = re.compile(rf"{rule('evaluated_object')}(?:{rule('fiscal_year')})?(?P<rest>[{_HAN}（）()“”\"]{{4,60}}?){did}"
                     rf"[{_HAN}]{{0,6}}?(?:{rule('evaluation')})")
    # '…,市交通运输局对2021年度…建设实施情况进行了绩效自查': the subject evaluating itself.
    own = re.compile(words("self_evaluator"))
    for t in texts:
        for m in own.finditer(re.sub(r"\s", "", t)):
            # …or an area evaluating the transfers it received ('广西壮族自治区对2023年度中央…资金
            # 预算执行情况进行了绩效自评')
            if (u := clean_unit(m.group("u"))) and not re.search(words("finance_body"), u) and (
                    (is_org(u) and org_in(u) == u and not is_area(u)) or (is_area(u) and area_of(u) == u)):
                return u
    for t in texts:
        for m in pat.finditer(re.sub(r"\s", "", t)):
            if re.search(rule("fund_verb"), m.group("rest")):
                continue  # 对X局下达的资金进行评价: the fund, not a unit, is evaluated
            p = org_pattern().match(m.group("rest"))
            if p and (u := clean_unit(p.group(1))) and not is_area(u):
                return u
    return None


def compiled_area(texts: list[str]) -> str | None:
    """'经龙泉市财政局汇总，2018年龙泉市部门及乡镇政府…“三公”经费决算总额…': an area's units
    compiled together report as the area."""
    pat = re.compile(rf"{rule('fiscal_year')}(?:{rule('whole_area')})?(?P<u>[{_HAN}]{{2,12}}?(?:{words('area_suffix')})){words('compiled')}")
    for t in texts:
        for m in pat.finditer(re.sub(r"\s", "", t)):
            if (u := clean_unit(m.group("u"))) and is_area(u):
                return u
    return None


def speaking_area(texts: list[str]) -> str | None:
    """A text calling itself 我县 (or 我市, 我区…) that names one place of that level, as a name
    of its own ('…工程(芦山县)西川河…'): that place reports. Two such places: none."""
    area_end = re.compile(rf"(?:{words('area_suffix')})$")
    flat = [re.sub(r"\s", "", t) for t in texts]
    levels = {m.group(0)[1:] for t in flat for m in re.finditer(words("first_person"), t) if area_end.search(m.group(0))}
    places: set[str] = set()
    for lv in levels:
        pat = re.compile(rf"(?:^|[^{_HAN}])(?:[{_HAN}]{{2,3}}(?:{words('area_suffix')}))?([{_HAN}]{{2,3}}{lv})"
                         rf"(?![{_HAN}]{{0,2}}(?:{words('area_suffix')}))")
        # The place's own name holds no level or body ('县委县政府' is no county).
        inner = re.compile(f"{words('area_suffix')}|{words('org_suffix')}")
        places |= {m.group(1) for t in flat for m in pat.finditer(t)
                   if clean_unit(m.group(1)) and not inner.search(m.group(1)[:-1])}
    # Named once may be a phrase ('…,实施区群众'); the county the text is about recurs.
    # '其中自治区财政资金…' beside 我区: a level's bare name (自治区) is no place of its own.
    places = {p for p in places if not re.fullmatch(words("area_suffix"), p)}
    place = places.pop() if len(places) == 1 else None
    return place if place and sum(t.count(place) for t in flat) >= 2 else None


def is_sample_page(texts: list[str]) -> bool:
    """An essay-collection page reposting reports as samples ('…自评报告(汇总18篇)', '篇一')."""
    pat = re.compile(words("sample_page"))
    return any(pat.search(re.sub(r"\s", "", t)) for t in texts)


def after_sample_heading(text: str) -> str:
    """A sample's text without the collection's heading run into it ('1、2024年X报告(精选11篇)1根据…'
    → '1根据…'): what follows the last collection marker, or the whole text when it has none."""
    ends = [m.end() for m in re.finditer(words("sample_page"), text)]
    return text[ends[-1]:].lstrip("）)") if ends else text


def outline_unit(texts: list[str]) -> str | None:
    """'第一部分 镇康县木场乡人民政府概况': the overview heading of a disclosure's outline."""
    pat = re.compile(words("outline_unit"))
    for t in texts:
        if (m := pat.match(re.sub(r"\s", "", t))) and (u := clean_unit(m.group("u"))) and is_org(u):
            return u
    return None


def speaker_named(texts: list[str]) -> str | None:
    """'…对我处2022年度项目支出绩效进行了自评…南昌市烈士陵园管理处2022年度共有5个项目': the one
    organisation named whose suffix is the one the text calls itself by (我处 → …处). Two
    candidates (我局 beside 财政局 and 林业局) name none."""
    joined = re.sub(r"\s", "", "".join(texts))
    suffixes = {m.group(0)[1:] for m in re.finditer(words("first_person_org"), joined)}
    gives = re.compile(rf"[^，,。；;]*?{words('gives_to')}")  # matched at a position: no ^
    for suf in suffixes:
        # A body that gives, notifies or pays in its clause ('南昌市财政局关于…的通知', 'X局…将资金
        # 抵达我局账户') is not the one speaking.
        lead = re.compile(rf"^[{words('not_name_start')}]+")
        own = re.compile(rf"{words('own_level')}$")
        names = {u for m in org_pattern().finditer(joined)
                 if (u := clean_unit(lead.sub("", own.sub("", clean_unit(m.group(1)) or ""))))
                 and u.endswith(suf) and org_in(u) == u and not gives.match(joined, m.end())}
        # The same unit printed with and without its place is one name.
        longest = {n for n in names if not any(o != n and o.endswith(n) for o in names)}
        if len(longest) == 1:
            return longest.pop()
    return None


def news_unit(texts: list[str]) -> str | None:
    """A news story on a body's accounts: '福建省财政厅晒出2016年省级“三公”经费决算…', '记者从
    黑龙江省财政厅了解到': the body that discloses them or gives the figures."""
    for t in texts:
        s = re.sub(r"\s", "", t)
        for pat in rules("news_source"):
            for m in re.finditer(pat, s):
                # '记者从市发改委获悉': a short form names no place of its own, unless the text
                # prints it in full ('…,日照市发改委争取…').
                if (u := clean_unit(m.group("u"))) and is_org(u) and org_in(u) == u:
                    if not re.match(words("short_level"), u):
                        return u
                    if (full := full_form(u, texts)) != u:
                        return full
    return None


def report_title_unit(texts: list[str]) -> str | None:
    """'重庆市大足区人民政府关于2020年财政决算的报告' on a line of its own: the body presenting
    the report, for a page whose title names no report kind."""
    for t in texts:
        m = re.match(rule("report_title_line"), re.sub(r"\s", "", t))
        if m and (u := clean_unit(m.group("u"))) and is_org(u) and org_in(u) == u:
            return u
    # '关于祁阳县2019年财政决算(草案)的报告': the area whose report it is
    area = re.compile(rule("report_title_area").replace("{area}", f"(?:{words('area_suffix')})"))
    for t in texts:
        m = area.match(re.sub(r"\s", "", t))
        if m and (u := clean_unit(m.group("u"))) and is_area(u) and area_of(u) == u:
            return u
    return None


def breadcrumb_unit(texts: list[str]) -> str | None:
    """'首页 > 乡(镇)信息公开目录 > 寺下镇 > 财经信息': the township or department a site's
    directory leads to, whose page it is."""
    for t in texts:
        if (m := re.search(rule("breadcrumb_unit"), t)) and (u := clean_unit(m.group("u"))) \
                and (is_org(u) or is_area(u)):
            return u
    return None


def totals_area(texts: list[str]) -> str | None:
    """'全市一般公共预算收入…' over a table of the area's rows ('濮阳市 | 73795 |', then '市本级 |
    14070 |', then its counties): the area whose row stands over its own level's is the whole
    the text reports on."""
    whole = rule("whole_area")
    flat = [re.sub(r"\s", "", t).lstrip("|") for t in texts]
    for k, t in enumerate(flat):
        m = re.match(rf"([{_HAN}]{{2,12}}?(?:{words('area_suffix')}))\|", t)
        if not (m and (a := clean_unit(m.group(1))) and is_area(a)):
            continue
        level = re.search(rf"(?:{words('area_suffix')})$", a)
        lv = level.group(0) if level else ""
        own = re.compile(rf"^(?:{re.escape(a)}|{re.escape(lv)}){words('own_level')}\|")
        if lv and any(own.match(x) for x in flat[k + 1 : k + 6]) and any(whole + lv in x for x in flat[:k]):
            return a
    return None


def attached_unit(texts: list[str]) -> str | None:
    """'…附件:经开区2023年一般公共预算“三公”经费预算情况表.xlsx' closing an untitled account:
    the table it attaches names the unit (or area) whose accounts these are."""
    pat = re.compile(rf"{words('attachment_mark')}(?P<u>[{_HAN}（）()]{{2,30}}?){rule('fiscal_year')}")
    for t in texts:
        s = re.sub(r"\s", "", t)
        for m in pat.finditer(s):
            if re.match(rule("own_accounts"), s[m.end():]) and (u := clean_unit(m.group("u"))) \
                    and (is_org(u) or is_area(u)) and org_in(u) in (None, u):
                return u
    return None


def full_area(short: str, texts: list[str]) -> str:
    """'泉州台商区' in a title, '泉州台商投资区' in the text: a zone's short form (a name of four
    or more characters before its level) and the one full name the text prints, which starts
    with the whole short name and ends with its level. Two-character places (江宁区) are whole."""
    m = re.fullmatch(rf"([{_HAN}]{{4,10}})({words('area_suffix')})", short)
    if not m:
        return short
    pat = re.compile(rf"{re.escape(m.group(1))}[{_HAN}]{{1,4}}?{re.escape(m.group(2))}")
    found = {f.group(0) for t in texts for f in pat.finditer(re.sub(r"\s", "", t))
             if is_area(f.group(0)) and clean_unit(f.group(0))}
    return found.pop() if len(found) == 1 else short


def recipient_area(texts: list[str]) -> str | None:
    """'中央…分三批向广西下达城乡居民基本养老保险转移支付资金900304万元': an untitled transfer-payment
    self-evaluation naming no unit is the one place the funds are handed down to (or that
    receives the notice handing them down: '广西收到《财政部关于下达…资金预算的通知》')."""
    if _speaks_as_body(texts):
        return None  # '中央下达乌海市…资金' in a text by 我单位: a department of the place reports
    pats = [re.compile(r) for r in rules("recipient_area")]
    found = {u for t in texts for pat in pats for m in pat.finditer(re.sub(r"\s", "", t))
             if (u := clean_unit(m.group("u"))) and is_area(u) and area_of(u) == u}
    return found.pop() if len(found) == 1 else None


def _speaks_as_body(texts: list[str]) -> bool:
    """The text calls itself a body (我单位, 我局, 本部门), not a place (我县)."""
    return bool(re.search(f"{words('first_person_org')}|{words('generic_self')}|{rule('own_unit_word')}",
                          re.sub(r"\s", "", "".join(texts))))


def on_behalf_of(texts: list[str]) -> str | None:
    """'我受径山镇人民政府委托向大会作2021年度镇财政决算…的报告': the government a speech is
    presented for, when printed with its place (受市人民政府委托 names none)."""
    for t in texts:
        for m in re.finditer(rule("on_behalf"), re.sub(r"\s", "", t)):
            u = clean_unit(m.group("u"))
            if u and org_in(u) == u and not re.match(words("short_level"), u):
                return u
    return None


def finance_subject_area(texts: list[str]) -> str | None:
    """'壤塘县一般公共预算收入从2015年的2007万元…', '峡江县财政顺利实现“双过半”': a text naming no
    unit whose finances are those of the one place it names so (two places name none)."""
    joined = re.sub(r"\s", "", "".join(texts))
    if _speaks_as_body(texts):
        return None  # a body speaking of itself (我单位, 我局): the place is not who reports
    # '吉林市是吉林省下辖地级市…2021年全市完成一般公共预算收入…': the whole 市 is the place the text opens with
    opening = re.match(rule("opening_area"), re.sub(r"\s", "", texts[0])) if texts else None
    whole = {m.group("level") for m in re.finditer(rule("whole_finance"), joined)}
    if opening and (u := clean_unit(opening.group("u"))) and is_area(u) and area_of(u) == u and whole == {u[-1]}:
        return u
    found = {u for m in re.finditer(rule("finance_subject"), joined)
             if (u := clean_unit(m.group("u"))) and is_area(u) and area_of(u) == u and org_in(u) is None
             and len(core := re.sub(rule("region_level"), "", u)) >= 2
             and not re.search(f"^{rule('whole_area')}|{rule('not_place')}", core)
             and not re.match(words("not_place_verb"), core)}
    return found.pop() if len(found) == 1 else None


def finance_compiled_area(texts: list[str]) -> str | None:
    """'经绵竹市财政局汇总,2025年全市行政单位…“三公”经费预算总额…': the area whose finance body
    compiles its units' accounts reports as a whole; as its own level when the sentence says
    so ('经岳阳市财政局汇总,岳阳市本级部门…': 岳阳市本级, as real-dev's 凉山州州本级)."""
    pat = re.compile(rule("compiled_by"))
    for t in texts:
        s = re.sub(r"\s", "", t)
        for m in pat.finditer(s):
            if not ((a := clean_unit(m.group("u"))) and is_area(a) and area_of(a) == a):
                continue
            rest = s[m.end() : m.end() + 60]
            level = re.search(rf"(?:{words('area_suffix')})$", a)
            own = re.match(rf"[，,]?(?:{rule('fiscal_year')})?(?P<o>{re.escape(a)}{words('own_level')})", rest)
            if own and (o := clean_unit(own.group("o"))):
                return o
            if level and re.match(rf"[，,]?(?:{rule('fiscal_year')})?(?:{rule('whole_area')}{re.escape(level.group(0))}|{re.escape(a)})", rest):
                return a
    return None


def presenter_unit(texts: list[str]) -> str | None:
    """'——2019年9月2日在汕尾市第七届人民代表 / 大会常务委员会第二十八次会议上 / 汕尾市财政局 /
    主任、各位副主任、秘书长、各位委员:': a line holding an organisation's name alone, right above
    a speech's salutation, is the body presenting the report."""
    sal = re.compile(rule("salutation"))
    for a, b in zip(texts, texts[1:], strict=False):
        name = re.sub(r"\s", "", a).strip("|•·")
        if sal.match(re.sub(r"\s", "", b)) and len(name) <= 30 and (u := clean_unit(name)) \
                and is_org(u) and org_in(u) == u:
            return u
    return None


def region_by_level(title: str, texts: list[str]) -> str | None:
    """'2020年上半年自治区预算执行情况' (受自治区人民政府委托…), '1-6月,新疆地方生产总值…': a title naming
    an autonomous region by its level alone is that of the one region the text names by its short
    name (新疆). Two regions name none."""
    t = re.sub(r"\s", "", title or "")
    if not re.search(rule("region_level").rstrip("$"), t) or re.search(words("region_short"), t) \
            or unit_from_title(t):
        return None
    found = {m.group(0) for x in texts for m in re.finditer(words("region_short"), re.sub(r"\s", "", x))}
    return found.pop() if len(found) == 1 else None


def of_province(area: str, name: str) -> bool:
    """'湖北残疾人联合会' of 湖北省: an organisation named after a province printed without its
    level ('湖北' for 湖北省)."""
    m = re.fullmatch(rf"([{_HAN}]{{2,3}})({rule('province_level')})", area)
    return bool(m and is_org(name) and name.startswith(m.group(1)) and not name.startswith(area)
                and not is_area(name[: len(m.group(1)) + 1]) and org_in(name) == name)
