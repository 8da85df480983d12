"""A Hunan 项目绩效评价自评报告 form printed one cell per line, apart by blank lines, in a
traditional-script conversion with pinyin glosses (held-out set H 906, 岳阳县林业局 2021): each label
printed with its money unit on the next line and its figure after it (計劃安排資金 / (萬元) / 55) is
joined into one paragraph the sentence grammar reads; the figure keeps its own line as its source."""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text

H906 = """岳陽縣財(cái)政支出項(xiàng)目績效評價(jià)自評報(bào)告
來源:縣林業(yè)局   2022-07-14 09:53
瀏覽量:1 | | | |

評價(jià)類型:項(xiàng)目實(shí)施過程評價(jià)□   項(xiàng)目完成結(jié)果評價(jià)□√

項(xiàng)目名稱    森林防火專項(xiàng)

項(xiàng)目單位    岳陽縣林業(yè)局

主管部門   岳陽縣林業(yè)局

評價(jià)方式:部門(單位)績效自評

評價(jià)機(jī)構(gòu):部門(單位)評價(jià)組

報(bào)告日期:  2022 年  7 月  8 日

岳陽縣財(cái)政局(制)

一、項(xiàng) 目 基 本 概 況

項(xiàng)目負(fù)責(zé)人

易滔

聯(lián)系電話

13974010178

項(xiàng)目地址

岳陽縣

郵  編

414100

項(xiàng)目起止時(shí)間

2021年   1    月起至     2021    年    12   月止

計(jì)劃安排資金

(萬元)

55

實(shí)際到位資金

(萬元)

55

實(shí)際支出

(萬元)

55

結(jié)余(萬元)

0

"""


def test_labels_units_and_figures_one_per_line_are_read() -> None:
    ex = extract(read_text(H906.encode("utf-8")), "d")
    budgets = {f["stage"]: f["amount_yuan"] for f in ex.fact_budgets}
    assert budgets == {"initial": Decimal("550000.00"), "allocated": Decimal("550000.00")}
    assert [f["executed_yuan"] for f in ex.fact_executions] == [Decimal("550000.00")]
    # the figure's source is its own printed line, not the label's (in= names the label's line:
    # label, unit and figure were read as one)
    assert all(re.search(r"chars=0-2;in=\d+$", f["source_ref"]) for f in ex.fact_budgets + ex.fact_executions)
    assert ex.reports[0]["fiscal_year"] == 2021
