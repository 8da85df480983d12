"""Every SQL block of docs/analysts.md runs on the sample warehouse, with the answers it shows."""

from __future__ import annotations

import re
import shutil

import duckdb
import pytest

from pipeline.pipeline_run import check, ingest, publish
from pipeline.settings import REPO_ROOT, Settings

GUIDE = REPO_ROOT / "docs" / "analysts.md"
QUERIES = re.findall(r"```sql\n(.*?)```", GUIDE.read_text(encoding="utf-8"), flags=re.S)


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("guide")
    shutil.copytree(REPO_ROOT / "data" / "raw", tmp / "raw")
    s = Settings(raw_dir=tmp / "raw", warehouse=tmp / "wh" / "warehouse.duckdb", workers=2)
    summary = ingest(s)
    check(s, summary, use_gx=False)
    assert publish(s, summary)
    c = duckdb.connect(str(s.warehouse), read_only=True)
    yield c
    c.close()


def test_guide_has_at_least_ten_questions():
    assert len(QUERIES) >= 10


@pytest.mark.parametrize("sql", QUERIES, ids=[f"q{i + 1}" for i in range(len(QUERIES))])
def test_guide_query_runs(con, sql):
    con.execute(sql).fetchall()


def test_guide_answers(con):
    rows = con.execute(QUERIES[0]).fetchall()
    assert [(r[0], r[1], float(r[4])) for r in rows] == [("中共资源县委组织部", 2022, 54.74)]
    rows = con.execute(QUERIES[1]).fetchall()
    assert [r[0] for r in rows] == ["离休及处级退休干部人员春节慰问费", "农村党员远程教育经费", "关心下一代工作委员会经费"]
    failed = {(r[0], r[1]) for r in con.execute(QUERIES[3]).fetchall()}
    assert ("001_yy_zzb_2022.docx", "score_sum") in failed and ("000_zy_zzb_2022.pdf", "table_total") in failed
    grades = con.execute(QUERIES[9]).fetchall()
    assert [(g, n, float(a)) for g, n, a in grades] == [("一等", 27, 94.40), ("二等", 13, 85.96)]
    assert con.execute(QUERIES[8]).fetchall() == []


def _answers() -> list[tuple[int, list[str], list[list[str]]]]:
    """(query index, header, rows) for every answer table the guide prints under a query."""
    text = GUIDE.read_text(encoding="utf-8")
    parts = re.split(r"```sql\n.*?```", text, flags=re.S)
    out = []
    for i, after in enumerate(parts[1:]):
        after = re.split(r"\n#{2,3} ", after)[0]
        lines = [ln.strip() for ln in after.splitlines() if ln.strip().startswith("|")]
        if len(lines) >= 2:
            cells = [[c.strip() for c in ln.strip("|").split("|")] for ln in lines]
            out.append((i, cells[0], cells[2:]))
    return out


def _same(printed: str, value, shortened: bool) -> bool:
    if printed == "" or printed == "…":
        return True
    actual = "" if value is None else str(value)
    if printed.endswith("…") or shortened:
        return actual.startswith(printed.rstrip("…").rstrip())
    try:
        number = float(printed.replace(",", ""))
    except ValueError:
        return actual == printed
    decimals = len(printed.split(".")[1]) if "." in printed else 0
    return value is not None and round(float(value), decimals) == round(number, decimals)


def test_every_printed_answer_is_what_its_query_returns(con):
    """The guide cannot drift: each answer table printed under a query is that query's result,
    row by row (a row of … stands for the remaining rows, its filled cells holding for each)."""
    answers = _answers()
    assert len(answers) >= 6
    for i, header, printed in answers:
        rows = con.execute(QUERIES[i]).fetchall()
        shortened = ["shortened" in h for h in header]
        rest = next((k for k, p in enumerate(printed) if p[0] == "…"), None)
        shown = printed if rest is None else printed[:rest]
        if rest is None:
            assert len(rows) == len(shown), (f"Q{i + 1}", len(rows), rows[len(shown):][:3])
        for p, r in zip(shown, rows, strict=False):
            assert all(_same(c, v, s) for c, v, s in zip(p, r, shortened, strict=True)), (f"Q{i + 1}", p, r)
        if rest is not None:
            for r in rows[len(shown):]:
                assert all(_same(c, v, False) for c, v in zip(printed[rest][1:], r[1:], strict=True)), (f"Q{i + 1}", r)


def test_answers_stated_in_words(con):
    text = GUIDE.read_text(encoding="utf-8")
    assert "None in the samples" in text and con.execute(QUERIES[2]).fetchall() == []
    assert "All five samples load" in text and con.execute(QUERIES[8]).fetchall() == []
