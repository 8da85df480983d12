"""Figures of held-out pages whose printed inconsistency bpw missed: each reading rule read on a
verbatim excerpt, and the check it feeds found on a planted error (and passed on the clean text)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipeline.extract.statements import read_statements
from pipeline.pipeline_run import check, ingest
from pipeline.settings import Settings

SCORED = "某某县某某项目2019年度绩效自评报告\n"


def _read(text: str, default: str | None = None):
    sts, rates, _changes = read_statements(text, default, None)
    return [(s.printed, s.measure) for s in sts], sts, rates


def _failed(tmp_path: Path, name: str, text: str, title: str = SCORED) -> set[str]:
    raw = tmp_path / name / "raw"
    raw.mkdir(parents=True)
    (raw / "doc.txt").write_text(title + text, encoding="utf-8")
    settings = Settings(raw_dir=raw, warehouse=tmp_path / name / "wh.duckdb")
    check(settings, ingest(settings), use_gx=False)
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        rows = con.execute("SELECT check_name, passed FROM dq_results WHERE severity = 'error'").fetchall()
    finally:
        con.close()
    return {c for c, ok in rows if ok is False} | {f"evaluated:{c}" for c, _ in rows}


# set U 2202 (湖北省红十字会), verbatim: 总额 closes the total's name, 实际执行 says its stage
EXECUTED_TOTAL = ("(二)红十字人道主义救助经费绩效自评综述:项目年预算批复金额为900万元,实际执行资金总额977万元,"
                  "资金执行率为100%,其中,77万元为社会募集款专项资金。\n")


def test_a_stage_word_before_a_totals_name_decides_its_stage() -> None:
    got, _, _ = _read(EXECUTED_TOTAL)
    assert got[:2] == [("900", "initial"), ("977", "executed")]
    # with no stage word before it, 资金总额 stays a budget
    got, _, _ = _read("年度资金总额620.82万元,全年执行数620.82万元。")
    assert got == [("620.82", "initial"), ("620.82", "executed")]


FIRST_PROJECT = "(一)红十字事业发展工作经费绩效自评综述:项目全年预算数1290.00万元,执行数为1206.01万元,资金执行率为93.49%。\n"


def test_an_executed_total_over_its_budget_breaks_a_printed_full_rate(tmp_path) -> None:
    bad = _failed(tmp_path, "broken", FIRST_PROJECT + EXECUTED_TOTAL)
    assert "execution_rate" in bad
    ok = _failed(tmp_path, "clean", FIRST_PROJECT + EXECUTED_TOTAL.replace("977万元", "900万元").replace("其中,77万元", "其中,7万元"))
    assert "evaluated:execution_rate" in ok and "execution_rate" not in ok


# set U 2213 (弥勒市委办), verbatim: the parts under 其中 name no stage, so they are the whole's budget
LISTED_UNDER_BUDGET = ("中国共产党弥勒市委员会办公室(以下简称“市委办”)2023年实施项目共4个,项目预算资金150万元。"
                       "其中:年初预算批复的项目3个,项目资金150万元,(上级专款对下转移)2023年中央疫情防控财力补助资金1个,"
                       "项目资金0.24万元。\n")


def test_a_part_listed_under_a_level_takes_its_stage() -> None:
    got, sts, _ = _read(LISTED_UNDER_BUDGET, "executed")
    assert got == [("150", "initial"), ("150", "initial"), ("0.24", "initial")]
    assert sts[1].part_of is sts[0] and sts[2].part_of is sts[0]
    # a bracket after a change lists no parts of the level before it: each part keeps its own stage
    got, sts, _ = _read("全县一般公共预算收入增加34008万元(上级补助收入增加文化事业建设费20万元),支出增加34135万元"
                        "(上解支出增加了身份证工本费23万元、新入职消防员培训经费2万元)。", "executed")
    assert [s.part_of for s in sts if s.printed in ("23", "2")] == [None, None]


def test_parts_under_a_budget_exceeding_it_are_found(tmp_path) -> None:
    text = ("某某局2023年实施项目共3个,项目预算资金150万元。其中:年初预算批复的项目2个,项目资金120万元,"
            "上级专款对下转移项目1个,项目资金40万元。\n")
    title = "某某县某某局2023年度部门整体支出绩效自评报告\n"
    assert "stated_parts_sum" in _failed(tmp_path, "broken", text, title)
    ok = _failed(tmp_path, "clean", text.replace("40万元", "30万元"), title)
    assert "evaluated:stated_parts_sum" in ok and "stated_parts_sum" not in ok


def test_a_figure_in_a_sentence_listing_parts_is_no_report_total() -> None:
    from pipeline.extract.narrative import find_mentions

    # 项目资金150万元 after 其中 is one of the parts, not the project's budget
    got = [(m.printed, m.qualifier) for m in find_mentions(LISTED_UNDER_BUDGET) if m.kind == "amount"]
    assert got == [("150", "其中"), ("0.24", "其中")]
    got = [(m.printed, m.qualifier) for m in find_mentions("项目资金150万元,已支付120万元。") if m.kind == "amount"]
    assert ("150", None) in got
