"""Great Expectations really fails a suite when a number is broken (no silent passes)."""

from __future__ import annotations

from dataclasses import replace

from pipeline.checks.gx_suites import FAMILIES, validate
from tests.checks_harness import check_text
from tests.synth import Spec, default_projects, report_text


def _suites(text: str) -> dict[str, dict]:
    df, _ = check_text(text)
    return {s["suite"]: s for s in validate(df)}


def test_clean_report_passes_every_suite_and_breaks_the_right_one():
    clean_text = report_text(replace(Spec(projects=default_projects())))
    clean = _suites(clean_text)
    assert set(clean) == {f"bpw_{f}" for f in FAMILIES}
    for name, s in clean.items():
        assert s["exception"] is None, s
        assert s["evaluated"] > 0, name
        assert s["success"], name

    broken = _suites(clean_text.replace("预算执行率94.97%", "预算执行率96.97%"))
    assert not broken["bpw_rates"]["success"]
    assert broken["bpw_rates"]["unexpected_count"] >= 1
    assert broken["bpw_amounts"]["success"] and broken["bpw_scores"]["success"]

    bad_score = _suites(clean_text.replace("\t20\n\t18\n", "\t20\n\t21\n"))
    assert not bad_score["bpw_scores"]["success"]


def test_every_family_fails_on_its_own_broken_number():
    clean_text = report_text(replace(Spec(projects=default_projects())))
    plants = {
        "bpw_amounts": ("\t其中：当年财政拨款\n\t480.00", "\t其中：当年财政拨款\n\t470.00"),
        "bpw_rates": ("预算执行率94.97%", "预算执行率96.97%"),
        "bpw_consistency": ("共对4个项目", "共对5个项目"),
        "bpw_scores": ("自评结论为“优秀”", "自评结论为“良好”"),
    }
    for suite, (old, new) in plants.items():
        assert old in clean_text
        result = _suites(clean_text.replace(old, new))
        assert not result[suite]["success"], suite
        assert result[suite]["exception"] is None
