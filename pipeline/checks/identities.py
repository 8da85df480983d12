"""Evaluate every identity check: residuals in DuckDB (sql/checks/*.sql), bands in Python.

Each SQL file returns one row per evaluation with the columns of `dq_results` (minus the
run columns). Failing identities are findings about documents, written as data.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING

import duckdb

from pipeline.checks.catalogue import check_names
from pipeline.normalize.grades import default_bands, grade_for, grade_rank
from pipeline.settings import SQL_DIR
from pipeline.warehouse import write

if TYPE_CHECKING:
    import pandas as pd

# Every check of the catalogue (sql/checks/rules.csv) and every SQL file in sql/checks/, so a
# new SQL file runs (and becomes a Dagster asset check) without touching this module.
CHECK_NAMES = check_names()

COLUMNS = [
    "document_id", "report_id", "project_id", "check_name", "severity", "passed", "expected",
    "observed", "difference", "tolerance", "detail", "source_refs", "status", "subject_key",
]


def _check_sql(name: str) -> str:
    return (SQL_DIR / "checks" / f"{name}.sql").read_text(encoding="utf-8")


def insert_residuals(con: duckdb.DuckDBPyConnection, table: str, run_id: str, threads: int = 1) -> int:
    """Evaluate every check inside DuckDB and append the rows to `table` (dq_results or a
    temporary twin): residuals never pass through Python objects, so memory does not grow with
    the warehouse. Returns the number of rows written.

    `threads` > 1 computes the checks' rows that many at a time, each on a cursor of its own
    (`_computed_elsewhere`); `con` still inserts every check's rows, in catalogue order, in its
    own transaction. Only for a `con` whose transaction has not changed what the checks read:
    the cursors see what is committed."""
    checked_at = datetime.now()
    before = con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
    names = [n for n in CHECK_NAMES if (SQL_DIR / "checks" / f"{n}.sql").exists()]
    if threads > 1 and len(names) > 1:
        computed = _computed_elsewhere(con, names, threads)
        try:
            for rows in computed:
                write.insert_check_rows(con, table, run_id, checked_at, f"SELECT * FROM {rows}")
        finally:
            computed.close()
    else:
        for name in names:
            write.insert_check_rows(con, table, run_id, checked_at, _check_sql(name))
    bands = grade_band(con)
    if not bands.empty:
        bands.insert(0, "run_id", run_id)
        bands.insert(1, "checked_at", checked_at)
        bands["status"] = bands["passed"].map({True: "passed", False: "failed"})
        write.insert_frame(con, table, bands)
    return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] - before


_COMPUTED = "_check_computed"  # the name under which `con` sees one check's rows from its cursor


def _computed_elsewhere(con: duckdb.DuckDBPyConnection, names: list[str], threads: int) -> Iterator[str]:
    """Each check's rows, computed on a cursor of `con` (a connection of its own to the same
    database) by `threads` threads at once, in `names` order: yields the name under which `con`
    reads the current check's rows (an Arrow stream of the cursor's temporary table, read
    batch by batch) until the next one is asked for.

    What a check costs is DuckDB planning its SQL (~10-60 ms of one core each, ~0.85 s for the
    catalogue on a 171-page 决算; its execution is a few ms), which holds no Python lock: on two
    idle cores two checks are planned at once. At most `threads` + 1 checks' rows wait."""
    from collections import deque
    from concurrent.futures import Future, ThreadPoolExecutor

    def compute(name: str) -> duckdb.DuckDBPyConnection:
        cur = con.cursor()
        try:
            cur.execute(f"CREATE TEMP TABLE _check_rows AS {_check_sql(name)}").fetchall()
        except BaseException:
            cur.close()
            raise
        return cur

    todo = iter(names)
    pending: deque[Future] = deque()
    with ThreadPoolExecutor(threads, thread_name_prefix="bpw-check") as pool:
        try:
            for name in todo:
                pending.append(pool.submit(compute, name))
                if len(pending) > threads:
                    break
            while pending:
                cur = pending.popleft().result()
                for name in todo:
                    pending.append(pool.submit(compute, name))
                    break
                try:
                    con.register(_COMPUTED, cur.sql("SELECT * FROM _check_rows").to_arrow_reader())
                    yield _COMPUTED
                finally:
                    con.unregister(_COMPUTED)
                    cur.close()  # its temporary table goes with it
        finally:
            for f in pending:  # a check failed (or the caller stopped): close what was computed
                if not f.cancel() and f.exception() is None:
                    f.result().close()


def residuals(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """All check rows as a DataFrame (tests and small warehouses)."""
    write.scratch_like(con, "_residuals", "dq_results")
    insert_residuals(con, "_residuals", "adhoc")
    df = con.execute(f"SELECT {', '.join(COLUMNS)} FROM _residuals").df()
    write.drop_scratch(con, "_residuals")
    # An incomplete check is no finding: it does not count as failed (see `status`).
    df["passed"] = df["passed"].fillna(True).astype(bool)
    return df


def grade_band(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Grade agrees with the score, using the bands the document states, else 90/80/60."""
    import pandas as pd

    rows = con.execute(
        """SELECT r.document_id, r.report_id, NULL AS project_id, CAST(r.score_total AS DOUBLE) AS score,
                  r.grade_text, r.grade_bands, r.source_ref
           FROM reports r WHERE r.score_total IS NOT NULL AND r.grade_text IS NOT NULL
           UNION ALL
           SELECT r.document_id, s.report_id, s.project_id, CAST(s.score AS DOUBLE), s.grade_text, r.grade_bands, s.source_ref
           FROM fact_scores s JOIN reports r USING (report_id)
           WHERE s.component = 'total' AND s.score IS NOT NULL AND s.grade_text IS NOT NULL AND NOT s.is_twin
             AND s.project_id IS NOT NULL"""
    ).fetchall()
    out = []
    for did, rid, pid, score, grade, bands_json, ref in rows:
        bands = _bands(bands_json)
        want_text, want_rank = grade_for(score, bands)
        got_rank = grade_rank(grade)
        out.append(
            {
                "document_id": did, "report_id": rid, "project_id": pid, "check_name": "grade_band",
                "severity": "error", "passed": got_rank is not None and got_rank == want_rank,
                "expected": want_rank, "observed": got_rank,
                "difference": (got_rank - want_rank) if got_rank and want_rank else None,
                "tolerance": 0.0,
                "detail": f"得分 {score:g} 按{'文件所列' if bands_json else '默认 90/80/60'}等级标准应为「{want_text}」, 文件写「{grade}」",
                "source_refs": ref,
            }
        )
    return pd.DataFrame(out)


def _bands(bands_json: str | None):
    if bands_json:
        try:
            from pipeline.normalize.grades import Band

            parsed = [Band(**b) for b in json.loads(bands_json)]
            if parsed:
                return parsed
        except (TypeError, ValueError):
            pass
    return default_bands()
