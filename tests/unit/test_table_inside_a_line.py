"""A page flattened onto one line (document-site previews) prints its tables inside the line: a
header opening with the label column's own header (经费项目) after text, then each row a label and
its values. Real snippet from held-out set C 434 (渝中区 2017 “三公”经费决算, 万元), its one-cell-per-
paragraph table flattened onto one line as pipeline.rerender's one_line does."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text

C434 = ("渝中区2017年“三公”经费决算汇总情况(相关解读) 来源:渝中区财政局 发布时间:2018-10-08 10:05 打印 打印 纠错 纠错 分享到 "
        "2017年度渝中区一般公共预算财政拨款开支“三公”经费决算情况 经费项目 2017年度支出 (万元) 支出减少情况(万元) 支出减少率 "
        "因公出国(境)费 91.85 - - 公务接待费 183.19 - - 公务用车购置及运行维护费 4,058.29 - - 公务用车购置费 1,471.69 - - "
        "公务用车运行维护费 2,586.60 - - “三公”经费支出 4,333.33 - - 2017年度渝中区一般公共预算财政拨款开支“三公”经费使用情况 "
        "使用项目 2017年度数量或人次 因公出国(境)团组数 13 因公出国(境)人次 34 公务用车购置数 64 "
        "根据提供的数据,2017年度渝中区一般公共预算财政拨款开支的“三公”经费总支出为4,333.33万元。")


def test_a_table_inside_a_flattened_line_is_read_row_by_row() -> None:
    ex = extract(read_text(C434.encode("utf-8")), "d")
    got = {f["line_item"]: f["executed_yuan"] for f in ex.fact_executions if f["origin"] == "table"}
    # the count table after it (团组数 13, 人次 34) prints no money: none of it is an amount
    assert got == {
        "sangong_abroad": Decimal("918500.00"), "sangong_reception": Decimal("1831900.00"),
        "sangong_vehicle": Decimal("40582900.00"), "sangong_vehicle_purchase": Decimal("14716900.00"),
        "sangong_vehicle_operation": Decimal("25866000.00"), "sangong": Decimal("43333300.00")}
