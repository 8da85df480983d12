"""Funding rows printed as label/value pairs (held-out set D 504, 成安县民政局 2020, Hebei's
项目绩效自评表): 预算安排情况(调整后) | 资金到位情况 | 资金执行情况 | 预算执行进度(%), the total row
labelled by each field's own word, the fund-source rows by their label repeated per group."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.extract.recognisers.context import Ctx
from pipeline.extract.result import Extraction
from pipeline.extract.templates import stream_facts
from pipeline.readers.text import read_text

D504 = """成安县民政局2020年度预算项目绩效自评表
一、基本情况 项目名称: 19名百岁老人高龄津贴 是否为专项资金: 实施(主管)单位 314002-成安县民政局机关 金额单位: 万元
二、预算执行情况 预算安排情况(调整后) 资金到位情况 资金执行情况 预算执行进度(%)
预算数 6.84 到位数 6.84 执行数 6.84 100.00
其中:财政资金 6.84 其中:财政资金 6.84 其中:财政资金 6.84
其他 0.00 其他 0.00 其他 0.00
三、目标完成情况 年度预期目标 具体完成情况 总体完成率(%)
"""


def _read(text: str):
    ex = extract(read_text(text.encode("utf-8")), "d504")
    b = {(f["line_item"], f["stage"]): str(f["amount_yuan"]) for f in ex.fact_budgets}
    e = {f["line_item"]: (str(f["executed_yuan"]), f["reported_rate_pct"]) for f in ex.fact_executions
         if f["line_item"] != "stated"}
    assert len(b) == len(ex.fact_budgets)  # the block's reading replaced the sentence reading
    return ex, b, e


def test_label_value_pairs_in_the_header_order() -> None:
    _, b, e = _read(D504)
    assert b == {("total", "adjusted"): "68400.00", ("fiscal", "adjusted"): "68400.00"}
    assert e["total"][0] == "68400.00" and float(e["total"][1]) == 100
    assert e["fiscal"] == ("68400.00", None)


def _engine(text: str) -> set[tuple]:
    ex = Extraction()
    ctx = Ctx(document_id="d", report_id="r", ex=ex, report_kind="project", money_unit_hint="万元")
    stream_facts(read_text(text.encode("utf-8")).blocks, ctx)
    return ({("b", f["line_item"], f["stage"], str(f["amount_yuan"])) for f in ex.fact_budgets}
            | {("e", f["line_item"], str(f["executed_yuan"])) for f in ex.fact_executions})


def test_pairs_need_their_labels_in_order_and_one_row() -> None:
    """The engine alone: a field's word under another group, or two fund sources in one row,
    is no paired row."""
    assert ("b", "total", "adjusted", "68400.00") in _engine(D504)
    # no 预算执行进度 printed: the next row's label ends the row
    assert {("e", "total", "68400.00"), ("e", "fiscal", "68400.00")} <= _engine(D504.replace(" 100.00", ""))
    swapped = D504.replace("预算数 6.84 到位数 6.84 执行数 6.84", "执行数 6.84 到位数 6.84 预算数 6.84")
    assert not {f for f in _engine(swapped) if f[1] == "total"}
    mixed = D504.replace("其中:财政资金 6.84 其中:财政资金 6.84 其中:财政资金 6.84",
                         "其中:财政资金 6.84 其他资金 6.84 其中:财政资金 6.84")
    assert not {f for f in _engine(mixed) if f[1] in ("fiscal", "other")}


def test_no_unit_printed_nothing_assumed() -> None:
    ex, b, e = _read(D504.replace(" 金额单位: 万元", ""))
    assert not b and "total" not in e
    assert any("no money unit printed" in u["reason"] for u in ex.unrecognised)
