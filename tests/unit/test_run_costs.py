"""Issue 17, session 17: cuts in what one `bpw run` pays, each giving exactly what it replaced.

- Page helpers for one large PDF only on cores the machine's load leaves idle
  (`settings.idle_page_workers`); BPW_PAGE_WORKERS still fixes the number.
- Pure functions of the vocabulary remembered: the money-unit alternation, `stage_of`, and the
  template engine's figure-with-unit pattern (asked ~9 000–50 000 times on a 171-page 决算).
"""

from __future__ import annotations

import re

import pytest

from pipeline.extract import vocabulary
from pipeline.extract.templates import engine
from pipeline.extract.templates.stream import SCell
from pipeline.normalize import money
from pipeline.settings import Settings, idle_page_workers


@pytest.mark.parametrize(
    ("load", "cores", "configured", "want"),
    [
        (0.0, 2, 2, 2),  # idle box: every core
        (1.3, 2, 2, 2),  # a core idle most of the time: one helper
        (1.6, 2, 2, 1),  # less than half a core idle: read alone
        (4.0, 2, 2, 1),  # oversubscribed: read alone
        (13.0, 2, 2, 1),
        (0.0, 16, 16, 16),
        (10.0, 16, 16, 7),  # six cores idle: the read and six helpers
        (10.0, 16, 4, 4),  # never more than configured
        (0.0, 2, 1, 1),  # one configured stays one
    ],
)
def test_page_workers_follow_the_idle_cores(load, cores, configured, want):
    assert idle_page_workers(configured, load=load, cores=cores) == want


def test_page_workers_without_a_load_average_keep_the_configured_number(monkeypatch):
    def no_load():
        raise OSError("no load average here")

    monkeypatch.setattr("os.getloadavg", no_load)
    assert idle_page_workers(4) == 4


def test_bpw_page_workers_fixes_the_number(monkeypatch):
    monkeypatch.setattr("os.getloadavg", lambda: (50.0, 50.0, 50.0))
    monkeypatch.setenv("BPW_PAGE_WORKERS", "3")
    assert Settings().pages_now() == 3  # the operator's number, whatever the load
    monkeypatch.delenv("BPW_PAGE_WORKERS")
    assert Settings(page_workers=3).pages_now() == 1  # by load: a busy box reads alone
    monkeypatch.setattr("os.getloadavg", lambda: (0.0, 0.0, 0.0))
    assert Settings(page_workers=3).pages_now() == min(3, 1 + (__import__("os").cpu_count() or 1))


def test_money_unit_alternation_is_the_vocabulary_longest_first():
    for headers_only in (True, False):
        names = [u.unit for u in money.units().values()
                 if u.kind == "money" and (u.in_headers or not headers_only)]
        want = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        assert money.money_unit_alternation(headers_only) == want
        assert money.money_unit_alternation(headers_only) is money.money_unit_alternation(headers_only)
    pct = sorted((u.unit for u in money.units().values() if u.kind == "percent"), key=len, reverse=True)
    assert money.unit_alternation("percent") == "|".join(re.escape(n) for n in pct)


def test_remembered_stage_of_answers_as_the_function():
    # Every header word of the stage vocabulary, with the noise stage_of strips, and words that
    # name no stage: the remembered answer is the function's own.
    texts = ["", "合计", "预算执行", "项目名称", "全年预算数(万元)", "年初预算数 （万元）",
             "调整后预算数①", "全年执行数", "执行率(%)", "2024年预算数"]
    texts += ["年初预算数", "调整数", "调整后预算数", "全年预算数(调整后)", "决算数", "实际支出数", "全年执行金额",
              "预算数（年初）", "年度预算", "追加数"]
    for t in texts:
        assert vocabulary.stage_of(t) == vocabulary.stage_of.__wrapped__(t), t
        assert vocabulary.stage_of(t) == vocabulary.stage_of.__wrapped__(t), t  # from the cache


@pytest.mark.parametrize("text", ["", "12.5", "80%", "1,234.50", "12万元", "3.2元", "12亿元", "万元",
                                  "12万", "-", "abc", "12.5分", "１２", "12.5%万元"])
def test_figure_with_unit_pattern_matches_as_before(text):
    before = text == "" or bool(re.fullmatch(rf"[\d.%]+({money.money_unit_alternation()})?", text))
    now = text == "" or bool(engine._figure_with_unit().fullmatch(text))
    assert now == before
    cell = SCell(text=text, ref="", line_start=True, cell=None)  # type: ignore[arg-type]
    assert engine._value_like(cell) == (
        text == "" or engine.is_blank(text) or engine.parse_number(text) is not None or before)
