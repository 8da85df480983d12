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
