"""The 说明's 收入预算 / 本年收入合计 (the text's `total_income`) is checked against the 收支总表's 本年收入合计
(`current_income`, the fund sources' total) or its 收入总计 (two-sided `total`), whichever agrees: before, the
two codes never met and the 说明's income total was compared with nothing (广州市信访局 2026: 说明 p.19
2026年本部门收入预算3,944.08万元, 收支总体情况表 pp.3–4 本年收入合计 3,944.08, 收入总计 3,944.08).

A synthetic 收支总表 in that layout, read by hand, with a carry-over so that 本年收入合计 and 收入总计 differ."""

from __future__ import annotations

from tests.checks_harness import check_text

TEXT = """广州市信访局2026年部门预算
收支总体情况表
单位名称：广州市信访局 单位：万元
| 收入 | | 支出 | |
| 项目 | 预算 | 项目 | 预算 |
| 一、预算拨款 | 3,944.08 | 一、一般公共服务支出 | 2,570.71 |
| 二、财政专户拨款 | 0.00 | 二、社会保障和就业支出 | 419.35 |
| 三、事业收入 | 0.00 | 三、卫生健康支出 | 3.97 |
| | | 四、住房保障支出 | 1,050.05 |
| 本年收入合计 | 3,944.08 | 本年支出合计 | 4,044.08 |
| 上年结转结余 | 100.00 | 年末结转结余 | 0.00 |
| 收入总计 | 4,044.08 | 支出总计 | 4,044.08 |
第三部分 2026年部门预算情况说明
一、部门预算收支增减变化情况
2026年本部门收入预算{income}万元，比上年增加286.07万元。
"""


def _rows(income: str):
    df, _ = check_text(TEXT.format(income=income))
    d = df[(df["check_name"] == "narrative_matches_table") & df["detail"].str.contains("收入预算")]
    return list(d["status"])


def test_the_texts_income_total_agrees_with_the_tables():
    assert _rows("3,944.08") == ["passed"]  # 本年收入合计
    assert _rows("4,044.08") == ["passed"]  # 收入总计: the words 收入预算 may name the whole


def test_a_planted_income_total_is_found():
    assert _rows("3,900.00") == ["failed"]
