"""A converter that set a space after a thousands comma ('公务用车运行维护费1, 537.4万元') must not turn
the figure into its last group (537.4 stored, and a false 1000万 gap in the 三公 parts). Only a
group with decimals is joined across the space: '3, 100万元' may be a list. Real snippet from
held-out set J 1104 (重庆市黔江区本级 2017 “三公”经费决算)."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.normalize.numbers import find_numbers
from pipeline.readers.text import read_text
from tests.checks_harness import check_text, failures

J1104 = ("重庆市黔江区本级2017年“三公”经费决算汇总情况\n"
         "经汇总,2017年区本级一般公共预算财政拨款开支“三公”经费2,921.7万元,其中:因公出国(境)费35.6万元,"
         "公务接待费1,239.7万元,公务用车购置及运行维护费1,646.4万元(公务用车购置费109.0万元、"
         "公务用车运行维护费1, 537.4万元)。\n")


def test_the_figure_is_read_whole() -> None:
    ex = extract(read_text(J1104.encode("utf-8")), "d")
    got = {f["line_item"]: f["executed_yuan"] for f in ex.fact_executions}
    assert got["sangong_vehicle_operation"] == Decimal("15374000.00")
    df, _ = check_text(J1104)
    assert failures(df).empty


def test_only_a_group_with_decimals_joins_across_the_space() -> None:
    assert [n.value for _, _, n in find_numbers("运行维护费1, 537.4万元")] == [Decimal("1537.4")]
    assert [n.value for _, _, n in find_numbers("第3, 100万元")] == [Decimal("3"), Decimal("100")]
