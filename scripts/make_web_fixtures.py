"""Write the seeds as users download them from government sites: a saved web page
(tests/fixtures/html/NNN.html, GBK-encoded with site navigation, scripts and a footer around
the article) and, for the self-evaluation tables, a legacy Excel workbook
(tests/fixtures/xls/NNN.xls, merged cells kept). Both come from the DOCX fixtures, so the
golden tests can hold every format to the same figures. Needs xlwt (a dev dependency).

    python scripts/make_web_fixtures.py
"""

from __future__ import annotations

import html
from pathlib import Path

from pipeline.model import Document, Paragraph, Table
from pipeline.readers.docx import read_docx

FIX = Path(__file__).resolve().parents[1] / "tests" / "fixtures"

_HEAD = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<!-- saved from url=(0062)http://www.example.gov.cn/zwgk/czxx/jxpj/202306/t20230615.html -->
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<title>{title}_资源县人民政府门户网站</title>
<link rel="stylesheet" href="../css/style.css" /><style>.TRS_Editor p{{line-height:2}}</style>
<script type="text/javascript">var _hmt = _hmt || []; document.write("<table><tr><td>广告 100</td></tr></table>");</script>
</head><body>
<div class="top"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/bsfw/">办事服务</a> | <a href="/hdjl/">互动交流</a></div>
<div id="nav"><ul><li><a href="/">网站首页</a></li><li><a href="/zwgk/">政府信息公开</a></li>
<li><a href="/czxx/">财政信息</a></li><li><a href="/jxpj/">绩效评价</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 绩效评价</div>
<table width="100%" class="layout"><tr><td width="200" class="left"><ul class="menu">
<li><a href="/a">预算公开</a></li><li><a href="/b">决算公开</a></li><li><a href="/c">绩效评价</a></li></ul></td>
<td><div class="article"><div class="TRS_Editor">
"""
_FOOT = """</div></div><div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
<div class="xgxx"><a href="/p">上一篇：关于2021年度部门预算公开的说明</a><br /><a href="/n">下一篇：2023年政府采购意向公开</a></div>
</td></tr></table>
<div class="footer">主办单位：资源县人民政府办公室 &nbsp; 网站标识码：4511000001 &nbsp; 桂ICP备00000000号<br />
联系电话：0773-0000000 &nbsp; 地址：资源县资源镇</div>
<script>document.getElementById("visits").innerHTML = "访问量 12345";</script>
</body></html>
"""


def _table(t: Table) -> str:
    out = ['<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse">']
    for r_i, row in enumerate(t.rows):
        tag = "th" if r_i == 0 else "td"
        cells = []
        for c in row:
            if c.merged_copy:
                continue
            span = (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "") + (
                f' colspan="{c.colspan}"' if c.colspan > 1 else "")
            text = "<br />".join(html.escape(x) for x in c.text.split("\n"))
            cells.append(f'<{tag}{span}><p align="center"><span style="font-size:12px">{text}</span></p></{tag}>')
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def to_html(doc: Document, charset: str) -> bytes:
    title = next((b.text for b in doc.blocks if isinstance(b, Paragraph) and b.text.strip()), "报告")
    parts = [_HEAD.format(charset=charset, title=html.escape(title))]
    for i, b in enumerate(doc.blocks):
        if isinstance(b, Paragraph):
            text = html.escape(b.text)
            parts.append(f"<h1>{text}</h1>" if i == 0 else f'<p style="text-indent:2em">{text}</p>')
        else:
            parts.append(_table(b))
    parts.append(_FOOT)
    # Characters GBK lacks are written as character references, as CMS editors do.
    return "\n".join(parts).encode("gbk" if charset != "utf-8" else "utf-8", errors="xmlcharrefreplace")


def to_xls(doc: Document, path: Path) -> None:
    """The document's tables, each under its caption, in one sheet (as 自评表 attachments are)."""
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("自评表")
    r = 0
    for b in doc.blocks:
        if isinstance(b, Paragraph):
            if b.text.strip():
                ws.write(r, 0, b.text)
                r += 1
            continue
        width = b.n_cols
        for row in b.rows:
            for c in row:
                if c.merged_copy:
                    continue
                value: object = c.text
                if c.rowspan > 1 or c.colspan > 1:
                    ws.write_merge(r + c.row - 1, r + c.row + c.rowspan - 2, c.col - 1,
                                   c.col + c.colspan - 2, value)
                else:
                    ws.write(r + c.row - 1, c.col - 1, value)
        r += b.n_rows + 1
        del width
    wb.save(str(path))


def main() -> None:
    (FIX / "html").mkdir(exist_ok=True)
    (FIX / "xls").mkdir(exist_ok=True)
    for src in sorted((FIX / "docx").glob("*.docx")):
        doc = read_docx(src.read_bytes())
        charset = "gb2312" if src.stem in ("000", "002", "004") else "gbk"
        (FIX / "html" / f"{src.stem}.html").write_bytes(to_html(doc, charset))
        print(FIX / "html" / f"{src.stem}.html")
    doc = read_docx((FIX / "docx" / "001.docx").read_bytes())
    to_xls(doc, FIX / "xls" / "001.xls")
    print(FIX / "xls" / "001.xls")


if __name__ == "__main__":
    main()
