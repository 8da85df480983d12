"""Saved web pages (.html/.htm) → Document, read with lxml.

Government sites publish 自评表 and 决算说明 as article pages, often GB2312/GBK-encoded:
- the encoding comes from the bytes (BOM, valid UTF-8) and the page's own meta charset;
  GB2312/GBK are read as GB18030, the superset pages really use;
- site furniture (navigation, headers, footers, scripts, forms, share bars, link lists) is
  dropped before the article is read;
- headings and paragraphs become Paragraphs, `<table>`s become Tables on the printed grid
  (rowspan/colspan kept, vertical merges with the merged copies the other readers emit);
  old layout tables (tables holding tables) are read as containers, not as data.
A saved error or login page is refused (UNSUPPORTED_FORMAT) with words saying which it is.
Nothing is fetched: the parser never resolves entities or touches the network.
"""

from __future__ import annotations

import codecs
import csv
import re
from functools import lru_cache

from pipeline.ingest.errors import IngestError
from pipeline.model import Document, Paragraph, Table
from pipeline.readers.html_table import place_cells
from pipeline.settings import VOCAB_DIR

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_WS = re.compile(r"[ \t\r\n\f\v\u00a0\u3000\u200b\ufeff]+")

# Never article content: the whole subtree goes.
_DROP_TAGS = {
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "frame",
    "frameset", "select", "option", "button", "input", "textarea", "template", "svg", "object",
    "embed", "canvas", "map", "audio", "video", "head", "title", "meta", "link", "base",
}
# Tags that end a paragraph (text on either side is two paragraphs).
_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
    "pre", "center", "address", "figure", "figcaption", "hr", "br", "h1", "h2", "h3", "h4", "h5",
    "h6", "body", "html", "tr", "td", "th", "tbody", "thead", "tfoot", "caption", "fieldset", "table",
}
_HEADINGS = {f"h{i}": f"Heading {i}" for i in range(1, 7)}
_MAX_SPAN = 200  # untrusted input: bounded spans, as in html_table


@lru_cache(maxsize=1)
def _vocab() -> dict[str, list[re.Pattern[str]]]:
    out: dict[str, list[re.Pattern[str]]] = {}
    with open(VOCAB_DIR / "web_pages.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out.setdefault(row["role"], []).append(re.compile(row["pattern"]))
    return out


def _matches(role: str, text: str) -> bool:
    return any(p.search(text) for p in _vocab().get(role, ()))


def _norm_encoding(name: str) -> str | None:
    try:
        enc = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    # Pages labelled GB2312 or GBK routinely hold characters only GBK/GB18030 have.
    return "gb18030" if enc in ("gb2312", "gbk", "hz", "gb18030") else enc


def decode_html(data: bytes) -> tuple[str, str]:
    """(text, encoding): BOM, then the meta charset if the bytes decode with it, then UTF-8,
    then GB18030 (a stray byte is replaced, never fatal)."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace"), enc
    m = _META_CHARSET.search(data[:8192])
    declared = _norm_encoding(m.group(1).decode("ascii", "ignore")) if m else None
    tries = [e for e in (declared, "utf-8", "gb18030") if e and not e.startswith("utf-16")]
    for enc in dict.fromkeys(tries):
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    enc = declared if declared and declared != "utf-8" else "gb18030"
    return data.decode(enc, errors="replace"), enc


def _clean(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _is_furniture(el) -> bool:
    if el.tag in _DROP_TAGS:
        return True
    names = (el.get("class") or "").split() + [el.get("id") or ""]
    if any(n and _matches("furniture", n) for n in names):
        return True
    role = (el.get("role") or "").lower()
    if role in ("navigation", "banner", "contentinfo", "search", "menu", "menubar"):
        return True
    style = (el.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def _link_heavy(el) -> bool:
    """A list of links (a menu, 相关链接, 上一篇/下一篇) rather than running text."""
    text = _clean(el.text_content())
    if not text:
        return False
    links = el.xpath(".//a")
    linked = sum(len(_clean(a.text_content())) for a in links)
    return len(links) >= 3 and linked >= 0.6 * len(text)


def _cell_text(td) -> str:
    parts: list[str] = []

    def walk(el) -> None:
        if el.text:
            parts.append(el.text)
        for child in el:
            if isinstance(child.tag, str) and child.tag not in ("script", "style"):
                if child.tag in ("br", "p", "div", "li") and parts:
                    parts.append("\n")
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(td)
    lines = [_clean(x) for x in "".join(parts).split("\n")]
    return "\n".join(x for x in lines if x)


def _own_rows(table) -> list:
    """The table's own <tr>s (through thead/tbody/tfoot), never a nested table's."""
    rows = []
    for child in table:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(c for c in child if isinstance(c.tag, str) and c.tag == "tr")
    return rows


def _span(v: str | None) -> int:
    try:
        return max(1, min(int((v or "1").strip() or 1), _MAX_SPAN))
    except ValueError:
        return 1


class _Reader:
    def __init__(self) -> None:
        self.doc = Document(file_format="html")
        self.buf: list[str] = []
        self.style = ""
        self.n_para = 0
        self.n_table = 0

    def flush(self) -> None:
        text = _clean("".join(self.buf))
        self.buf = []
        if text:
            self.n_para += 1
            self.doc.blocks.append(Paragraph(index=self.n_para, text=text, style=self.style))
        self.style = ""

    def table(self, el) -> None:
        rows = [
            [(_cell_text(td), _span(td.get("rowspan")), _span(td.get("colspan")))
             for td in tr if isinstance(td.tag, str) and td.tag in ("td", "th")]
            for tr in _own_rows(el)
        ]
        cells = place_cells(rows)
        if not any(c.text for row in cells for c in row):
            return
        if len(cells) == 1 and len([c for c in cells[0] if c.text]) <= 1:
            # A one-cell box around text: a paragraph, not a table.
            self.buf.append(cells[0][0].text if cells[0] else "")
            self.flush()
            return
        self.n_table += 1
        caption = next((b.text for b in reversed(self.doc.blocks) if isinstance(b, Paragraph)), "")
        self.doc.blocks.append(Table(index=self.n_table, rows=cells, caption=caption))

    def walk(self, el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag:  # comments, processing instructions
            self.buf.append(el.tail or "")
            return
        if _is_furniture(el):
            self.buf.append(el.tail or "")
            return
        if tag == "table":
            self.flush()
            if el.xpath(".//table"):
                # A layout table: its cells are containers of the article.
                for tr in _own_rows(el):
                    for td in tr:
                        if isinstance(td.tag, str) and not _is_furniture(td) and not _link_heavy(td):
                            self.walk_children(td)
                            self.flush()
            else:
                cap = el.find("caption")
                if cap is not None:
                    self.buf.append(cap.text_content())
                    self.flush()
                self.table(el)
            self.buf.append(el.tail or "")
            return
        block = tag in _BLOCK_TAGS
        if block:
            self.flush()
            if tag in ("ul", "ol", "div", "section", "dl") and _link_heavy(el):
                self.buf.append(el.tail or "")
                return
        if tag in _HEADINGS:
            self.style = _HEADINGS[tag]
        self.walk_children(el)
        if block:
            self.flush()
        self.buf.append(el.tail or "")

    def walk_children(self, el) -> None:
        self.buf.append(el.text or "")
        for child in el:
            self.walk(child)


def _page_title(root) -> str:
    t = root.find(".//title")
    if t is None:
        return ""
    text = _clean(t.text_content())
    for pat in _vocab().get("title_suffix", ()):
        pieces = [x.strip() for x in pat.split(text) if x.strip()]
        if len(pieces) > 1:
            text = pieces[0]  # CMS titles read "article_column_site": the article comes first
    return text


def read_html(data: bytes) -> Document:
    import lxml.html
    from lxml import etree

    text, encoding = decode_html(data)
    text = _XML_DECL.sub("", text, count=1)
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True,
                                  recover=True, huge_tree=False)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as e:
        raise IngestError(
            "UNSUPPORTED_FORMAT",
            f"The file starts like a web page but holds nothing readable ({e}). Check the download and "
            "fetch the real report.",
            zh="文件开头像网页，但没有可读的内容。请检查下载结果，重新获取报告。") from e
    title = _page_title(root)
    has_password = bool(root.xpath(".//input[@type='password' or @type='PASSWORD']"))
    body = root.find("body")
    r = _Reader()
    r.walk(body if body is not None else root)
    r.flush()
    doc = r.doc
    body_text = "\n".join(b.text for b in doc.paragraphs)
    if title and title not in body_text.replace(" ", "") and title.replace(" ", "") not in body_text.replace(" ", ""):
        # The page's own title names the report when the article does not repeat it.
        doc.blocks.insert(0, Paragraph(index=0, text=title, style="Title"))
        for i, p in enumerate(doc.paragraphs, start=1):
            p.index = i
    _refuse_non_report(doc, title, has_password)
    doc.warnings.append(f"html encoding {encoding}")
    return doc


def _refuse_non_report(doc: Document, title: str, has_password: bool) -> None:
    """A saved error or login page has little text and no table: say which it is."""
    if any(True for _ in doc.tables):
        return
    text = _clean(" ".join(b.text for b in doc.paragraphs))
    if len(text) > 600:
        return
    sample = f"{title} {text}"
    if has_password or (_matches("login", sample) and len(text) < 200):
        raise IngestError(
            "UNSUPPORTED_FORMAT",
            f"This is a saved login page (“{title or text[:40]}”), not a report: the site asked to sign in "
            "instead of sending the file. Sign in, download the report again and put it in the input folder.",
            zh="这是保存下来的登录页面，不是报告：网站要求先登录，没有给出文件。请登录后重新下载报告，放入输入文件夹。")
    if _matches("error", sample) or not text:
        what = f"“{(title or text)[:60]}”" if (title or text) else "an empty page"
        raise IngestError(
            "UNSUPPORTED_FORMAT",
            f"This is a saved error page ({what}), not a report: the site sent an error instead of the "
            "file. Open the link in a browser, download the report itself and put it in the input folder.",
            zh="这是保存下来的错误页面，不是报告：网站返回了错误信息而不是文件。请在浏览器中打开链接，"
               "下载报告本身，放入输入文件夹。")
