"""Evaluate every identity check: residuals in DuckDB (sql/checks/*.sql), bands in Python.

Each SQL file returns one row per evaluation with the columns of `dq_results` (minus the
run columns). Failing identities are findings about documents, written as data.
"""

from __future__ import annotations

import json
from datetime import datetime

import duckdb
import pandas as pd

from pipeline.normalize.grades import default_bands, grade_for, grade_rank
from pipeline.settings import SQL_DIR

CHECK_NAMES = (
    "budget_stage_sum",
    "line_item_sum",
    "table_total",
    "execution_rate",
    "execution_within_budget",
    "narrative_matches_table",
    "score_sum",
    "score_within_weight",
    "weights_sum",
    "grade_band",
    "summary_counts",
    "duplicate_table_consistency",
)

COLUMNS = [
    "document_id", "report_id", "project_id", "check_name", "severity", "passed", "expected",
    "observed", "difference", "tolerance", "detail", "source_refs",
]


def residuals(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    frames = []
    for name in CHECK_NAMES:
        f = SQL_DIR / "checks" / f"{name}.sql"
        if f.exists():
            frames.append(con.execute(f.read_text(encoding="utf-8")).df())
    frames.append(grade_band(con))
    frames = [f for f in frames if not f.empty]
    df = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    if df.empty:
        return pd.DataFrame(columns=COLUMNS)
    df = df[COLUMNS].copy()
    for c in ("expected", "observed", "difference", "tolerance"):
        df[c] = pd.to_numeric(df[c], errors="coerce")
    # Checks that leave `passed` to us compare within the tolerance.
    missing = df["passed"].isna()
    df.loc[missing, "difference"] = df.loc[missing, "expected"] - df.loc[missing, "observed"]
    d, tol = df.loc[missing, "difference"].abs(), df.loc[missing, "tolerance"]
    # Printed values stand for half-open rounding intervals: touching intervals disagree.
    df.loc[missing, "passed"] = (d < 1e-9) | (d < tol - 1e-9)
    df["passed"] = df["passed"].astype(bool)
    sc = df["check_name"] == "summary_counts"
    df.loc[sc, "detail"] = df.loc[sc].apply(
        lambda r: f"正文说「{_subject_zh(r['detail'])}」为 {r['expected']:g} @{r['source_refs']}, 项目行统计为 "
        f"{r['observed']:.2f}".rstrip("0").rstrip("."),
        axis=1,
    )
    return df


def _subject_zh(subject: str) -> str:
    if subject == "projects:count":
        return "项目个数"
    if subject == "projects:avg_score":
        return "平均分"
    return f"{subject.split(':')[-1]}项目个数"


def grade_band(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Grade agrees with the score, using the bands the document states, else 90/80/60."""
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


def write_results(con: duckdb.DuckDBPyConnection, df: pd.DataFrame, run_id: str) -> int:
    out = df.copy()
    out.insert(0, "run_id", run_id)
    out.insert(1, "checked_at", datetime.now())
    cols = ["run_id", "checked_at", "report_id", "project_id", "check_name", "severity", "passed",
            "expected", "observed", "difference", "tolerance", "detail", "source_refs", "document_id"]
    out = out[cols].astype(object).where(pd.notna(out[cols]), None)
    con.register("_dq", out)
    try:
        con.execute("INSERT INTO dq_results SELECT * FROM _dq")
    finally:
        con.unregister("_dq")
    return len(out)
