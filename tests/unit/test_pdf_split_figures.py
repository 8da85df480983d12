"""Figures set in another font on a lower baseline are put back into their sentence (issue 13:
"numbers split from their sentences"). Geometry as printed on p.21–22 of 上海市普陀区财政局
2024年度部门决算 (GovBudgetChecker samples/good): 仿宋 text lines 12 pt high, Times digits 4.88 pt
lower, found by pdfplumber as a line of their own ("上海市普陀区财政局 年度收入支出总计 万元" /
"2024 2995.39"). A table's value column beside its label is left alone."""

from __future__ import annotations

from pipeline.readers.pdf import _rejoin_figures


def _chars(s: str, x: float, top: float, w: float, size: float = 12.0) -> list[dict]:
    out = []
    for ch in s:
        out.append({"text": ch, "x0": x, "x1": x + w, "top": top, "bottom": top + size, "doctop": top,
                    "upright": True, "size": size, "object_type": "char", "matrix": (1, 0, 0, 1, x, 0)})
        x += w
    return out


def _line(chars: list[dict], text: str) -> dict:
    return {"chars": chars, "text": text, "x0": min(c["x0"] for c in chars), "x1": max(c["x1"] for c in chars),
            "top": min(c["top"] for c in chars), "bottom": max(c["bottom"] for c in chars)}


def test_figures_in_the_gaps_of_a_sentence_go_back_in_order() -> None:
    text = (_chars("上海市普陀区财政局", 96.0, 183.05, 12.0) + _chars("年度收入支出总计", 228.0, 183.05, 12.0)
            + _chars("万元", 363.0, 183.05, 12.0))
    figures = _chars("2024", 204.0, 187.93, 6.0) + _chars("2995.39", 324.0, 187.93, 39 / 7)
    got = _rejoin_figures([_line(text, "上海市普陀区财政局 年度收入支出总计 万元"), _line(figures, "2024 2995.39")])
    assert [ln["text"] for ln in got] == ["上海市普陀区财政局2024年度收入支出总计2995.39万元"]


def test_a_figure_right_against_the_first_character_opens_the_line() -> None:
    # p.22: "449.52" (x 72–105) before "万元。决算数…" (from x 105), 4.87 pt lower
    text = _chars("万元。决算数小于预算数", 105.0, 267.12, 12.0)
    figure = _chars("449.52", 72.0, 271.99, 5.5)
    got = _rejoin_figures([_line(text, "万元。决算数小于预算数"), _line(figure, "449.52")])
    assert [ln["text"] for ln in got] == ["449.52万元。决算数小于预算数"]


def test_a_value_column_beside_its_label_stays_apart() -> None:
    # a table read as text: the label at the left, its value far to the right on the same height
    label = _chars("收入总计", 72.0, 300.0, 12.0)
    value = _chars("20,849.45", 420.0, 300.0, 5.5)
    got = _rejoin_figures([_line(label, "收入总计"), _line(value, "20,849.45")])
    assert [ln["text"] for ln in got] == ["收入总计", "20,849.45"]


def test_the_next_line_below_is_not_a_gap_filler() -> None:
    # the figures overlap their own line by 59 %; the next text line, 13.9 pt lower, by less than half
    own = _chars("支出总计减少", 72.0, 197.02, 12.0)
    figures = _chars("56.95", 144.0, 201.89, 5.4)
    below = _chars("以及项目支出中合同支付进度", 72.0, 210.87, 12.0)
    got = _rejoin_figures([_line(own, "支出总计减少"), _line(figures, "56.95"), _line(below, "以及项目支出中合同支付进度")])
    assert [ln["text"] for ln in got] == ["支出总计减少56.95", "以及项目支出中合同支付进度"]
