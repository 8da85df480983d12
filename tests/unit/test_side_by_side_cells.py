"""A balance table printed side by side with one figure column a side (收入 | 执行数 | 支出 |
执行数), one cell per line apart by blank lines: the cells pair up (a label, its figure), the
income pair first in each row, and a side left empty prints only a longer run of blank lines.
Its numbered rows (一、本级收入, 二、转移性收入) add up to 总计, so the unnumbered rows under each are
that row's own lines and are summed into it. Real snippet: 彭水苗族土家族自治县 2022年全县一般
公共预算收支平衡表 (held-out L 1309, figures read by hand; text not committed)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.readers.text import read_text
from tests.checks_harness import check_text, failures

PAIRS = ["收    入", "执行数", "支    出", "执行数",
         "总   计", "846531", "总   计", "846531",
         "一、本级收入", "167500", "一、本级支出", "701553",
         "税收", "83660", "二、转移性支出", "144978",
         "非税", "83840", "上解支出", "11336",
         "二、转移性收入", "679031", "地方政府债务还本支出", "68100",
         "上级补助收入", "455354", "安排预算稳定调节基金", "22500",
         "调入资金", "69100", "结转下年支出", "43042",
         "动用预算稳定调节基金", "2157"]
TAIL = ["地方政府债务收入", "117254", "上年结转", "35166"]
HEAD = "关于彭水苗族土家族自治县2022年预算执行情况和2023年预算草案的报告\n\n2022年全县一般公共预算收支平衡表\n\n单位:万元\n\n"
PROSE = "\n\n\n\n——全县一般公共预算收入完成16.75亿元,增长23%。\n"


def _text(figures: dict[str, str] | None = None) -> str:
    cells = [(figures or {}).get(c, c) for c in PAIRS]
    # the rows whose spending side is empty: a longer run of blank lines after their figure
    return HEAD + "\n\n".join(cells) + "\n\n\n\n" + "\n\n\n\n".join("\n\n".join(TAIL[k : k + 2]) for k in (0, 2)) + PROSE


def test_the_grid_is_rebuilt_row_by_row() -> None:
    rows = next(iter(read_text(_text().encode("utf-8")).tables)).texts()
    assert rows[1] == ["总   计", "846531", "总   计", "846531"]
    assert rows[3] == ["税收", "83660", "二、转移性支出", "144978"]
    assert rows[8:] == [["动用预算稳定调节基金", "2157", "", ""], ["地方政府债务收入", "117254", "", ""],
                        ["上年结转", "35166", "", ""]]


def test_every_figure_is_read_and_the_table_adds_up() -> None:
    df, con = check_text(_text())
    got = {r[0] for r in con.execute("SELECT reported_text FROM fact_executions WHERE origin = 'table'").fetchall()}
    assert got == {c for c in PAIRS + TAIL if c.isdigit()}
    assert con.execute("SELECT executed_yuan FROM fact_executions WHERE line_item = 'higher_grants' "
                       "AND origin = 'table'").fetchone()[0] == Decimal("4553540000.00")
    assert failures(df).empty


@pytest.mark.parametrize(("cell", "planted"), [("83840", "83480"), ("43042", "43024")])
def test_a_line_that_does_not_add_up_to_its_numbered_row_is_found(cell: str, planted: str) -> None:
    df, _con = check_text(_text({cell: planted}))
    assert list(failures(df)["check_name"]) == ["table_total"]
