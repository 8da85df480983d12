"""A change measured against a budget printed in its own clause: held-out N 1522 (迪庆州州本级
“三公”经费说明) prints "公务接待费为122万元,较上年144万元减少22万元,下降15%,较预算数339万元减少
217万元,下降64%". 339 is the budget compared with, 217 the difference of 122 from it, 64% = 217/339.
Read as 339's own change (earlier figure 339 + 217 = 556, 39 %), it was a false alarm."""

from __future__ import annotations

from tests.audit.test_audit_rules import run_text

HEAD = "迪庆州州本级2020年度“三公”经费支出决算情况说明\n"
TEXT = ("2020年度“三公”经费支出决算中,公务接待费支出决算为122万元,较上年144万元减少22万元,下降15%,"
        "较预算数339万元减少{change}万元,下降{pct}%,全年国内公务接待批次为1039次。\n")


def _changes(change: str, pct: str) -> list[tuple[str, float, float]]:
    df = run_text(HEAD + TEXT.format(change=change, pct=pct))
    d = df[df["check_name"] == "change_matches_figures"]
    return sorted((s, round(e, 2), round(o, 2)) for s, e, o in zip(d["status"], d["expected"], d["observed"], strict=True))


def test_the_change_against_the_printed_budget_agrees() -> None:
    assert _changes("217", "64") == [("passed", 15.0, 15.28), ("passed", 64.0, 64.01)]


def test_a_wrong_percentage_against_the_printed_budget_is_found() -> None:
    assert ("failed", 60.0, 64.01) in _changes("217", "60")


def test_a_change_that_is_not_the_difference_from_the_printed_budget_is_found() -> None:
    assert any(s == "failed" for s, _e, _o in _changes("200", "59"))
