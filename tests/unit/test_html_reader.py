"""Saved web pages: encoding from the bytes and the meta charset, site furniture dropped,
headings, paragraphs and tables (rowspan/colspan) into the document model; saved error and
login pages refused with words saying which."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract import extract
from pipeline.ingest.errors import IngestError
from pipeline.ingest.process import FileTask, process_file
from pipeline.ingest.read import read_document
from pipeline.model import Paragraph, Table
from pipeline.readers.detect import detect_format
from pipeline.readers.html import decode_html, read_html
from pipeline.settings import Settings

PAGE = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>资源县教育局2022年度部门整体支出绩效自评报告_通知公告_资源县人民政府门户网站</title>
<script>var x = "<table><tr><td>999</td></tr></table>";</script><style>p {{ color: red }}</style></head>
<body><div class="header"><a href="/">首页</a> <a href="/a">政务公开</a> <a href="/b">办事服务</a></div>
<div id="nav"><ul><li><a href="/">首页</a></li><li><a href="/x">新闻</a></li><li><a href="/y">公开</a></li></ul></div>
<div class="article"><h1>资源县教育局2022年度部门整体支出绩效自评报告</h1>
<p>一、部门基本情况</p><p>局长朱镕基同志主持编制，2022年度预算资金1,200.00万元。<br>执行率91.67%。</p>
<table border="1"><tr><th rowspan="2">项目</th><th colspan="2">资金（万元）</th></tr>
<tr><th>年初预算数</th><th>执行数</th></tr>
<tr><td>合计</td><td>1,200.00</td><td>1,100.00</td></tr></table>
</div><div class="footer">版权所有：资源县人民政府&nbsp;网站标识码 4511000001</div>
<script>document.write("访问量 12345")</script></body></html>
"""


def page(charset: str = "gb2312", encoding: str = "gbk") -> bytes:
    return PAGE.format(charset=charset).encode(encoding)


def test_a_gbk_page_reads_as_its_article():
    data = page()
    assert detect_format(data) == "html"
    doc = read_document(data, Settings())
    assert doc.file_format == "html"
    paras = [b for b in doc.blocks if isinstance(b, Paragraph)]
    assert [p.text for p in paras] == [
        "资源县教育局2022年度部门整体支出绩效自评报告", "一、部门基本情况",
        "局长朱镕基同志主持编制，2022年度预算资金1,200.00万元。", "执行率91.67%。"]
    assert paras[0].style == "Heading 1" and [p.index for p in paras] == [1, 2, 3, 4]
    text = doc.text()
    for furniture in ("首页", "政务公开", "版权所有", "标识码", "var x", "999", "访问量", "color"):
        assert furniture not in text, furniture
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert table.texts() == [["项目", "资金（万元）"], ["年初预算数", "执行数"], ["合计", "1,200.00", "1,100.00"]]
    head = table.rows[0][0]
    assert (head.rowspan, head.colspan) == (2, 1) and table.rows[0][1].colspan == 2
    assert table.rows[1][0].merged_copy and table.rows[1][1].col == 2  # pushed right by the rowspan
    assert table.caption == "执行率91.67%。"


def test_figures_of_a_page_point_at_their_cells():
    doc = read_document(page(), Settings())
    ex = extract(doc, "html-test")
    (r,) = ex.reports
    assert (r["unit_name"], r["fiscal_year"]) == ("资源县教育局", 2022)
    budget = next(f for f in ex.fact_budgets if f["line_item"] == "total" and f["stage"] == "initial")
    assert str(budget["amount_yuan"]) == "12000000.00" and budget["source_ref"] == "table=1;row=3;col=2"


@pytest.mark.parametrize(("charset", "encoding"), [
    ("gb2312", "gbk"),          # labelled GB2312, holds GBK-only characters (镕)
    ("GBK", "gb18030"),
    ("gb18030", "gb18030"),
    ("utf-8", "gbk"),           # the label lies: the bytes decide
    ("utf-8", "utf-8"),
    ("x-unknown", "utf-8"),
])
def test_encoding_from_bytes_and_meta_charset(charset, encoding):
    text, _ = decode_html(page(charset, encoding))
    assert "局长朱镕基同志" in text and "资源县人民政府" in text


def test_a_page_without_charset_or_with_a_bom():
    body = "<html><body><p>绩效自评报告</p></body></html>"
    assert decode_html(body.encode("gb18030"))[0] == body
    assert decode_html(body.encode("utf-8-sig"))[0] == body
    assert decode_html(b"\xff\xfe" + body.encode("utf-16-le"))[0] == body


def test_layout_tables_are_containers_and_the_data_table_inside_is_read():
    html = """<html><head><meta charset="utf-8"><title>报告</title></head><body>
    <table width="960"><tr><td class="left"><a href="/1">预算公开</a><a href="/2">决算公开</a><a href="/3">绩效</a></td>
    <td><p>某局2022年度项目支出绩效自评表</p>
      <table border="1"><tr><td>一级指标</td><td>二级指标</td><td>分值</td></tr>
      <tr><td rowspan="2">产出指标</td><td>数量指标</td><td>20</td></tr>
      <tr><td>质量指标</td><td>30</td></tr></table>
    <p>单位负责人：张三</p></td></tr></table></body></html>"""
    doc = read_html(html.encode())
    # The page title comes first when the article does not repeat it.
    assert [b.text for b in doc.paragraphs] == ["报告", "某局2022年度项目支出绩效自评表", "单位负责人：张三"]
    (t,) = list(doc.tables)
    assert t.texts() == [["一级指标", "二级指标", "分值"], ["产出指标", "数量指标", "20"], ["质量指标", "30"]]
    assert [(c.text, c.col, c.merged_copy) for c in t.rows[2]] == [
        ("产出指标", 1, True), ("质量指标", 2, False), ("30", 3, False)]


@pytest.mark.parametrize(("html", "words"), [
    ("<!DOCTYPE html><html><head><title>404</title></head><body>页面不存在</body></html>", "error page"),
    ("<html><head><title>出错了</title></head><body><h1>您访问的页面不存在或已被删除</h1>"
     "<a href='/'>返回首页</a></body></html>", "error page"),
    ("<html><head><title>403 Forbidden</title></head><body><center><h1>403 Forbidden</h1></center>"
     "<hr><center>nginx</center></body></html>", "error page"),
    ("<html><head><meta charset=utf-8><title>统一身份认证</title></head><body><form>用户名<input name=u>"
     "密码<input type=password name=p><button>登录</button></form></body></html>", "login page"),
    ("<html><head><title></title></head><body><script>location.href='/x'</script></body></html>",
     "error page"),
])
def test_saved_error_and_login_pages_are_refused_in_words(html, words):
    with pytest.raises(IngestError) as e:
        read_document(html.encode("gbk"), Settings())
    assert e.value.code == "UNSUPPORTED_FORMAT"
    assert words in e.value.message
    assert ("错误页面" if words == "error page" else "登录页面") in e.value.message


def test_a_page_with_text_but_no_report_is_not_a_report(tmp_path: Path):
    html = "<html><head><title>资源县召开春季植树动员会</title></head><body><div class='article'>" + (
        "<p>3月12日上午，资源县召开春季植树造林动员大会，会议部署了今年的造林绿化任务。</p>" * 12) + "</div></body></html>"
    f = tmp_path / "news.htm"
    f.write_bytes(html.encode("gbk"))
    out = process_file(FileTask(path=f, rel="news.htm", size=f.stat().st_size), Settings())
    assert (out.document["status"], out.document["error_code"], out.document["file_format"]) == (
        "not_a_report", "NOT_A_REPORT", "html")


def test_an_error_page_saved_under_a_reports_name(tmp_path: Path):
    f = tmp_path / "2022年度绩效自评报告.pdf"
    f.write_bytes("<html><head><title>404 Not Found</title></head><body>页面不存在</body></html>".encode())
    out = process_file(FileTask(path=f, rel=f.name, size=f.stat().st_size), Settings())
    d = out.document
    assert (d["status"], d["error_code"], d["file_format"]) == ("failed", "UNSUPPORTED_FORMAT", "html")
    assert "error page" in d["error_message"] and "错误页面" in d["error_message"]


TAGS = st.sampled_from(["table", "tr", "td", "th", "p", "div", "br", "h1", "script", "nav", "tbody",
                        "span", "a", "ul", "li", "caption", "form", "input"])
ATTRS = st.sampled_from(["", ' rowspan="3"', ' colspan="0"', ' rowspan="99999"', ' colspan="x"',
                         ' class="footer"', ' style="display:none"', ' type="password"'])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(
    st.builds(lambda t, a: f"<{t}{a}>", TAGS, ATTRS),
    st.builds(lambda t: f"</{t}>", TAGS),
    st.text(max_size=12),
), max_size=60), st.sampled_from(["utf-8", "gbk", "gb18030"]))
def test_any_markup_is_read_or_refused_in_words(parts, encoding):
    data = ("<html><head><meta charset=" + encoding + "></head><body>" + "".join(parts)).encode(
        encoding, errors="replace")
    try:
        doc = read_html(data)
    except IngestError as e:
        assert e.code == "UNSUPPORTED_FORMAT" and len(e.message) > 30
        return
    for t in doc.tables:
        for row in t.rows:
            cols = [c.col for c in row]
            assert cols == sorted(cols) and len(set(cols)) == len(cols)
