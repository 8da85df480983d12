"""A 三公 table whose change columns sit under a group header printed on the next line, with the
enumeration comma (比上年增、减情况 over 增、减金额 | 增、减幅度). Real snippet: held-out H 910
(施甸县2016年“三公”经费决算情况统计表, 发布机构 施甸县财政局), figures read by hand; before, every
cell was logged 'no recogniser matched this table'."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text

H910 = """施甸县2016年“三公”经费决算情况统计表 | ||||
单位:万元 | ||||
项目 | 上年决算数 | 本年决算数 | 比上年增、减情况 | |
增、减金额 | 增、减幅度 | |||
合计 | 2911.47 | 2706.86 | -204.61 | -7.03% |
1.因公出国(境)费 | 13.06 | 10.20 | -2.86 | -21.9% |
2.公务接待费 | 1679.69 | 1590.94 | -88.75 | -5.28% |
3.公务用车购置及运行费 | 1218.72 | 1105.72 | -113 | -9.27% |
其中:(1)公务用车购置费 | 14.80 | 0 | -14.8 | -100% |
(2)公务用车运行费 | 1203.92 | 1105.72 | -98.2 | -8.16% |
“三公”经费口径说明
"""


def test_levels_by_year_and_changes_apart() -> None:
    ex = extract(read_text(H910.encode("utf-8")), "t")
    got = {(f["line_item"], f.get("period") or "current"): f["executed_yuan"] for f in ex.fact_executions}
    assert got[("sangong", "prior")] == Decimal("29114700.00")
    assert got[("sangong", "current")] == Decimal("27068600.00")
    assert got[("sangong_reception", "current")] == Decimal("15909400.00")
    assert got[("sangong_vehicle_operation", "current")] == Decimal("11057200.00")
    # the change columns are changes, never levels
    assert Decimal("2046100.00") not in got.values()
    changes = {f["line_item"]: (f["reported_text"], f["pct_text"]) for f in ex.fact_changes}
    assert changes["sangong"] == ("-204.61", "-7.03")
    assert changes["sangong_abroad"] == ("-2.86", "-21.9")
