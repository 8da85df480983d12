"""A 三公 table printed one cell per line under its title, with page furniture (打印 / 纠错 / 分享到)
above it: the title is not glued to the header's first cell, the furniture is no title, and the
table is read. Real snippet: 渝中区 2017 “三公”经费决算 (figures read by hand)."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text

PAGE = "\n\n".join([
    "渝中区2017年“三公”经费决算汇总情况(相关解读)", "来源:渝中区财政局 发布时间:2018-10-08 10:05", "打印 打印", "纠错 纠错",
    "分享到", "2017年度渝中区一般公共预算财政拨款开支“三公”经费决算情况", "经费项目", "2017年度支出 (万元)",
    "支出减少情况(万元)", "支出减少率", "因公出国(境)费", "91.85", "-", "-", "公务接待费", "183.19", "-", "-",
    "公务用车购置及运行维护费", "4,058.29", "-", "-", "公务用车购置费", "1,471.69", "-", "-", "公务用车运行维护费",
    "2,586.60", "-", "-", "“三公”经费支出", "4,333.33", "-", "-",
    "根据提供的数据,2017年度渝中区一般公共预算财政拨款开支的“三公”经费总支出为4,333.33万元,"
    "与上年相比减少了1,276.52万元,下降了22.75%。这表明在2017年度渝中区严格控制了“三公”经费的支出,"
    "压减一般性支出,厉行节约。",
    "2017年度渝中区一般公共预算财政拨款开支“三公”经费使用情况", "使用项目", "2017年度数量或人次", "因公出国(境)团组数",
    "13", "因公出国(境)人次", "34", "公务用车购置数", "64", "公务用车保有量", "694", "国内公务接待批次", "1,599",
    "国内公务接待人次", "16,718", "国(境)外公务接待情况", "政策原文:", "渝中区2017年“三公”经费决算汇总情况",
    "扫一扫在手机打开当前页",
])


def test_title_stays_apart_from_the_cells_below_it_and_the_table_is_read() -> None:
    ex = extract(read_text(PAGE.encode("utf-8")), "t")
    titles = [r["title"] for r in ex.reports]
    assert not any("纠错" in t or "经费项目" in t for t in titles)
    got = {f["line_item"]: f["executed_yuan"] for f in ex.fact_executions if f["origin"] == "table"}
    assert got["sangong"] == Decimal("43333300.00") and got["sangong_abroad"] == Decimal("918500.00")


def test_a_lone_bar_is_an_empty_cell_of_a_one_cell_per_line_table() -> None:
    # 杜集区政府办 2021 三公 table (Anhui): 因公出国(境)费 budget 20, its 决算 cell left empty.
    lines = ["一、2021年度一般公共预算财政拨款“三公”经费支出决算表", "单位:万元", "项 目 |", "预 算 数 |", "决 算 数 |",
             "合 计 |", "49.9 |", "7.69 |", "因公出国(境)费 |", "20 |", "|", "公务接待费 |", "14.9 |", "5.21 |",
             "公务用车购置及运行维护费 |", "15 |", "2.48 |", "二、情况说明",
             "杜集区政府办2021年度一般公共预算财政拨款“三公”经费支出决算7.69万元,完成预算的15.41%。"]
    ex = extract(read_text("\n".join(lines).encode("utf-8")), "t")
    got = {f["line_item"]: f["amount_yuan"] for f in ex.fact_budgets if f["origin"] == "table"}
    assert got["sangong_abroad"] == Decimal("200000.00") and got["sangong"] == Decimal("499000.00")
