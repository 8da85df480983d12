"""Each comparison is made once, between figures of one place of one document, and says what it
compares (issue 14, the warning family and its audit: tests/audit/warning_verdicts.csv).

Rows as printed on real pages (tests/unit/test_row_split_sum.py has their sources); two documents
of one run print their tables at the same place (table=1;row=4;col=3 in both)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipeline.pipeline_run import check, ingest
from pipeline.settings import Settings
from tests.unit.test_row_split_sum import PUTUO, WUXI


def _run(tmp_path: Path, docs: dict[str, str]) -> duckdb.DuckDBPyConnection:
    raw = tmp_path / "raw"
    raw.mkdir()
    for name, text in docs.items():
        (raw / name).write_text(text, encoding="utf-8")
    settings = Settings(raw_dir=raw, warehouse=tmp_path / "wh.duckdb")
    check(settings, ingest(settings), use_gx=False)
    return duckdb.connect(str(settings.warehouse), read_only=True)


def test_row_split_sum_pairs_a_row_only_with_its_own_documents_columns(tmp_path):
    # 无锡 (合计 = 基本 + 项目, 基本 = 人员 + 公用 on 5 rows) and 普陀 (合计 = 基本 + 项目 on 8 rows) in
    # one run: the same table=1;row=R;col=C in both documents once made every 普陀 row that shares a
    # place with a 无锡 row be judged twice (and with 无锡's nested 基本支出 case)
    con = _run(tmp_path, {"wuxi.txt": WUXI, "putuo.txt": PUTUO})
    got = con.execute("""SELECT d.file_name, count(*), count(DISTINCT q.detail), bool_and(q.passed)
                         FROM dq_results q JOIN documents d USING (document_id)
                         WHERE q.check_name = 'row_split_sum' GROUP BY ALL ORDER BY 1""").fetchall()
    assert got == [("putuo.txt", 8, 8, True), ("wuxi.txt", 10, 10, True)]
