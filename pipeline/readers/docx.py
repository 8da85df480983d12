"""DOCX reports → Document.

The body XML is walked directly (w:p and w:tbl in document order) instead of going through
python-docx's table API: `row.cells` repeats merged cells and `table.cell(r, c)` is slow,
while reading `w:tc` with its `gridSpan`/`vMerge` is fast and keeps the printed grid.

- Paragraphs: every non-empty body paragraph gets a 1-based index (the TXT reader numbers its
  non-empty lines the same way); text inside tables belongs to the cells, not to paragraphs.
- Tables: one Cell per `w:tc` at its grid column (1-based, after `gridBefore`, spans from
  `gridSpan`); a `vMerge` continuation becomes Cell(text=<origin text>, merged_copy=True) and
  the origin's rowspan grows. Nested tables become their own Table (nested_in = parent index),
  placed right after the parent.
- Text: w:t, tabs, breaks; deleted text (w:delText) and mc:Fallback copies are skipped.

python-docx parses with lxml's `resolve_entities=False`; external references are never
followed.
"""

from __future__ import annotations

import io

from docx import Document as _open_docx

from pipeline.model import Cell, Document, Paragraph, Table

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _q(tag: str) -> str:
    return f"{{{_W}}}{tag}"


W_P, W_TBL, W_TR, W_TC = _q("p"), _q("tbl"), _q("tr"), _q("tc")
W_T, W_TAB, W_BR, W_CR = _q("t"), _q("tab"), _q("br"), _q("cr")
W_PPR, W_TCPR, W_TRPR, W_RPR = _q("pPr"), _q("tcPr"), _q("trPr"), _q("rPr")
W_DEL, W_DELTEXT, W_NOBREAKHYPHEN = _q("del"), _q("delText"), _q("noBreakHyphen")
W_SDT, W_SDTCONTENT, W_CUSTOMXML, W_SMARTTAG = (
    _q("sdt"),
    _q("sdtContent"),
    _q("customXml"),
    _q("smartTag"),
)
W_SDTPR = _q("sdtPr")
W_VAL = _q("val")
MC_FALLBACK = f"{{{_MC}}}Fallback"

# Containers whose children are walked as if they were the parent's own.
_TRANSPARENT = {W_SDT, W_SDTCONTENT, W_CUSTOMXML, W_SMARTTAG}
# Subtrees never read: deleted runs, properties, alternate-content fallbacks.
_SKIP = {W_DEL, W_DELTEXT, W_PPR, W_RPR, W_TCPR, W_TRPR, W_SDTPR, MC_FALLBACK}


def _children(el):
    """Child elements, looking through sdt/customXml wrappers."""
    for ch in el:
        tag = ch.tag
        if tag in _TRANSPARENT:
            yield from _children(ch)
        elif isinstance(tag, str):
            yield ch


def _para_text(p) -> str:
    parts: list[str] = []

    def walk(el) -> None:
        for ch in el:
            tag = ch.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == W_T:
                if ch.text:
                    parts.append(ch.text)
            elif tag == W_TAB:
                parts.append("\t")
            elif tag in (W_BR, W_CR):
                parts.append("\n")
            elif tag == W_NOBREAKHYPHEN:
                parts.append("-")
            elif tag == W_P or tag == W_TBL:
                # A text box's paragraphs inside a drawing: keep their text inline.
                parts.append(" ")
                walk(ch)
            else:
                walk(ch)

    walk(p)
    return "".join(parts)


def _style_id(p) -> str | None:
    ppr = p.find(W_PPR)
    if ppr is None:
        return None
    ps = ppr.find(_q("pStyle"))
    return ps.get(W_VAL) if ps is not None else None


def _int_prop(parent, tag: str, default: int) -> int:
    if parent is None:
        return default
    el = parent.find(_q(tag))
    if el is None:
        return default
    try:
        return max(int(el.get(W_VAL, default)), 0)
    except (TypeError, ValueError):
        return default


class _Reader:
    def __init__(self, style_names: dict[str, str], default_style: str = "") -> None:
        self.doc = Document(file_format="docx")
        self.style_names = style_names
        self.default_style = default_style
        self.n_para = 0
        self.n_table = 0
        self.last_para = ""

    def body(self, body) -> None:
        for el in _children(body):
            if el.tag == W_P:
                self.paragraph(el)
            elif el.tag == W_TBL:
                self.table(el, None)

    def paragraph(self, p) -> None:
        text = _para_text(p).strip()
        if not text:
            return
        self.n_para += 1
        sid = _style_id(p)
        style = self.style_names.get(sid, sid) if sid else self.default_style
        self.doc.blocks.append(Paragraph(index=self.n_para, text=text, style=style))
        self.last_para = text

    def table(self, tbl, nested_in: int | None) -> None:
        self.n_table += 1
        t = Table(index=self.n_table, nested_in=nested_in, caption=self.last_para)
        nested: list = []
        above: dict[int, Cell] = {}  # grid column → cell printed there in the row above
        r = 0
        for tr in _children(tbl):
            if tr.tag != W_TR:
                continue
            r += 1
            col = 1 + _int_prop(tr.find(W_TRPR), "gridBefore", 0)
            row: list[Cell] = []
            this_row: dict[int, Cell] = {}
            for tc in _children(tr):
                if tc.tag != W_TC:
                    continue
                tcpr = tc.find(W_TCPR)
                span = max(_int_prop(tcpr, "gridSpan", 1), 1)
                vmerge = tcpr.find(_q("vMerge")) if tcpr is not None else None
                origin = above.get(col)
                if vmerge is not None and vmerge.get(W_VAL, "continue") != "restart" and (
                    origin is not None
                ):
                    origin.rowspan += 1
                    cell = Cell(text=origin.text, row=r, col=col, colspan=span, merged_copy=True)
                    this_row[col] = origin
                else:
                    paras: list[str] = []
                    for ch in _children(tc):
                        if ch.tag == W_P:
                            paras.append(_para_text(ch))
                        elif ch.tag == W_TBL:
                            nested.append(ch)
                    cell = Cell(text="\n".join(paras).strip(), row=r, col=col, colspan=span)
                    this_row[col] = cell
                row.append(cell)
                col += span
            above = this_row
            t.rows.append(row)
        self.doc.blocks.append(t)
        for n in nested:
            self.table(n, t.index)


def read_docx(data: bytes) -> Document:
    d = _open_docx(io.BytesIO(data))
    style_names: dict[str, str] = {}
    default_style = ""
    try:
        from docx.styles import BabelFish

        for s in d.styles.element.iter(_q("style")):
            sid = s.get(_q("styleId"))
            name = s.find(_q("name"))
            if sid and name is not None and name.get(W_VAL):
                ui = BabelFish.internal2ui(name.get(W_VAL))  # 'heading 1' → 'Heading 1'
                style_names[sid] = ui
                if s.get(_q("type")) == "paragraph" and s.get(_q("default")) in ("1", "true", "on"):
                    default_style = ui
    except Exception:  # noqa: BLE001 - a broken styles part must not lose the text
        pass
    reader = _Reader(style_names, default_style)
    reader.body(d.element.body)
    return reader.doc
