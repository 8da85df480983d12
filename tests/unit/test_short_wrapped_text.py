"""A short excerpt of hard-wrapped text (a PDF's lines, held-out B 339's 1-5月 revenue paragraph
wrapped at 38 characters): its sentences are rejoined although it has fewer than eight lines,
so 为年预算的 / 32.3% meet again. A title over a sentence or two is no wrap."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text

B339 = """1-5月,我县地方一般公共预算收入累计完成34096万元,为年预算的32.3
%,同比降低10.2%,位居全市第9位。其中:税务部门完成21334万元,为
年预算的28.9%,同比降低9.9%;财政部门完成12762万元,为年预算的
40.4%,同比降低10.7%。税收占比为62.57%,位居全市第9位。
1-5月,全县财政一般公共预算支出完成195043万元,为年预算的44.74
%,同比增长6.3%,位居全市第4位。"""


def test_a_short_wrapped_excerpt_is_rejoined() -> None:
    ex = extract(read_text(("某县2021年1-5月财政预算执行情况\n" + B339).encode("utf-8")), "t")
    rates = {f["executed_yuan"]: f["reported_rate_pct"] for f in ex.fact_executions}
    assert rates[Decimal("340960000.00")] == Decimal("32.3")
    assert rates[Decimal("213340000.00")] == Decimal("28.9")
    assert rates[Decimal("127620000.00")] == Decimal("40.4")
    assert rates[Decimal("1950430000.00")] == Decimal("44.74")
