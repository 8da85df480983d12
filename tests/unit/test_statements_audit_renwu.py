"""Running text of three 2026 部门预算 PDFs recorded in tests/audit/verdicts.csv (files not committed;
sentences as printed), each read wrongly into a fact an error finding was made of:

- 烟台市人民政府办公室 p.30: "预算资金5039.97万元，其中财政拨款4946.96万元" — 4946.96 is where the
  project spending's money comes from, not another 项目支出 level (nor the report's 财政拨款).
- 烟台市审计局 p.28: "比上年1.43万元，增加0.68%" — 1.43 is the change with its verb left out
  (1.43 / 208.89 = 0.68 %), or the earlier figure: the text does not say; it is never read.
- 杭州市交通运输局 p.14: "…其他政府性基金安排的支出（项）预算为10,493.00万元" — one classification
  line, not the whole 政府性基金."""

from __future__ import annotations

from pipeline.extract.statements import Flow, read_statements

YANTAI_OFFICE = ("烟台市人民政府办公室烟台市人民政府办公室2026年项目支出全面实施绩效目标管理，涉及预算项目支出10个，"
                 "预算资金5039.97 万元，其中财政拨款4946.96万元。")
YANTAI_AUDIT = ("以及其他费用。2026年本单位机关运行经费安排210.32万元，比上年1.43万元，增加0.68%。主要原因是人员增加。")
HANGZHOU = ("（3）其他支出（类）其他政府性基金及对应专项债务收入安排的支出（款）其他政府性基金安排的支出（项）"
            "预算为 10,493.00 万元，主要用于杭新景高速建德段和千黄高速淳安段通行费返还。比上年执行数减少 6,010.47 万"
            "元，下降 36.4%，主要原因是高铁开通后，高速公路车流量下降。")


def _read(text: str):
    flow = Flow()
    sts, _rates, changes = read_statements(text, "initial", flow)
    return {s.printed: s for s in sts}, changes, flow


def test_a_named_lines_source_of_money_is_its_part_not_another_level() -> None:
    got, _c, _f = _read(YANTAI_OFFICE)
    assert got["5039.97"].line_item == "project"
    part = got["4946.96"]
    assert part.part_of is got["5039.97"]
    assert part.line_item == "stated"  # not 项目支出, and not the report's 财政拨款


def test_a_figure_after_a_comparison_without_its_verb_is_not_read() -> None:
    got, changes, flow = _read(YANTAI_AUDIT)
    assert got["210.32"].line_item == "operating_costs" and got["210.32"].prior is None
    assert "1.43" not in got
    assert not changes
    assert any("1.43" == YANTAI_AUDIT[a:z] for a, z, _r in flow.skipped)


def test_the_prior_with_its_change_still_reads() -> None:
    got, changes, _f = _read("2026年本单位机关运行经费安排210.32万元，比上年208.89万元增加1.43万元，增长0.68%。")
    assert got["210.32"].prior is not None and got["210.32"].prior.printed == "208.89"
    assert changes and changes[0].printed == "1.43"


def test_a_fund_named_inside_a_classification_line_is_that_lines() -> None:
    got, changes, _f = _read(HANGZHOU)
    lv = got["10,493.00"]
    assert lv.line_item == "stated" and lv.item_label.endswith("(项)")
    assert changes and changes[0].level is lv


def test_a_fund_named_before_its_classification_still_is_the_fund() -> None:
    got, _c, _f = _read("2026年政府性基金预算支出221,493.00万元。")
    assert got["221,493.00"].line_item == "government_fund"
