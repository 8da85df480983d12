"""Plant one wrong number into a correct synthetic report: the right check must fail, at
the right place, and nothing else may raise an error-severity finding."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from tests.checks_harness import check_text, failures
from tests.synth import Spec, default_projects, report_text


def _spec(**kw) -> Spec:
    return replace(Spec(projects=default_projects()), **kw)


def test_correct_report_has_no_error_findings():
    df, _ = check_text(report_text(_spec()))
    assert len(df) > 40  # every family evaluated
    assert failures(df).empty, failures(df)[["check_name", "detail"]].to_string()


def test_correct_report_printed_twice_is_consistent():
    df, _ = check_text(report_text(_spec(print_twice=True)))
    assert (df["check_name"] == "duplicate_table_consistency").sum() > 0
    assert failures(df).empty


# (description, replace-old, replace-new, count, expected check, expected place in source_refs)
PLANTS = [
    ("narrative adjusted budget", "调整后预算620.50万元", "调整后预算621.50万元", 1, "budget_stage_sum", "para=4"),
    ("narrative rate", "预算执行率94.97%", "预算执行率96.97%", 1, "execution_rate", "para=4"),
    ("narrative vs table total", "全年执行数589.30万元", "全年执行数598.30万元", 1, "narrative_matches_table", "para=4"),
    ("table fund source child", "\t其中：当年财政拨款\n\t480.00", "\t其中：当年财政拨款\n\t470.00", 1, "line_item_sum", "table=1;row=3"),
    ("table execution rate", "\t94.97%", "\t93.97%", 1, "execution_rate", "table=1;row=3;col=7"),
    ("indicator score above weight", "\t20\n\t18\n", "\t20\n\t21\n", 1, "score_within_weight", "table=1"),
    # six parts printed without decimals tolerate up to ±3 together: plant a 4-point error
    ("indicator score breaks the total", "\t20\n\t18\n", "\t20\n\t14\n", 1, "score_sum", "table=1"),
    ("indicator weight breaks the full mark", "\t20\n\t18\n", "\t25\n\t18\n", 1, "weights_sum", "table=1"),
    ("summary total row", "\t合计\n\t\n\t\n\t220.00", "\t合计\n\t\n\t\n\t220.10", 1, "table_total", "table=2"),
    ("summary project rate", "\t40.00\n\t36.00\n\t90.00", "\t40.00\n\t36.00\n\t90.10", 1, "execution_rate", "table=2;row=2"),
    ("narrative project score", "1.干部教育培训经费。自评得分95分", "1.干部教育培训经费。自评得分96分", 1, "narrative_matches_table", "para=8"),
    ("stated project count", "共对4个项目", "共对5个项目", 1, "summary_counts", "para=7"),
    ("stated average score", "平均分为89.00分", "平均分为88.00分", 1, "summary_counts", "para=7"),
    ("grade disagrees with score", "自评结论为“优秀”", "自评结论为“良好”", 1, "grade_band", ""),
]


@pytest.mark.parametrize("desc,old,new,count,check,where", PLANTS, ids=[p[0] for p in PLANTS])
def test_planted_error_is_found(desc, old, new, count, check, where):
    text = report_text(_spec())
    assert text.count(old) == count, f"fixture changed: {old!r} found {text.count(old)}×"
    df, _ = check_text(text.replace(old, new))
    bad = failures(df)
    hit = bad[bad["check_name"] == check]
    assert not hit.empty, f"{check} did not fire; failures: {bad[['check_name', 'detail']].to_string()}"
    assert hit["source_refs"].str.contains(where, regex=False).any(), hit[["source_refs", "detail"]].to_string()


def test_twin_table_inconsistency():
    text = report_text(_spec(print_twice=True))
    last = text.rfind("\t合计\n\t\n\t\n\t220.00")
    text = text[:last] + text[last:].replace("\t合计\n\t\n\t\n\t220.00", "\t合计\n\t\n\t\n\t229.00", 1)
    df, _ = check_text(text)
    bad = failures(df)
    assert "duplicate_table_consistency" in set(bad["check_name"])


def test_overspending_is_a_warning_not_an_error():
    s = _spec(executed=Decimal("630.00"))
    df, _ = check_text(report_text(s))
    warn = df[(~df["passed"]) & (df["check_name"] == "execution_within_budget")]
    assert not warn.empty and set(warn["severity"]) == {"warning"}


def test_detection_rate_over_all_plants():
    """Every planted error is found (the rate reported in the issue note)."""
    found = 0
    for _, old, new, _, check, _ in PLANTS:
        df, _ = check_text(report_text(_spec()).replace(old, new))
        found += int(check in set(failures(df)["check_name"]))
    assert found == len(PLANTS)
