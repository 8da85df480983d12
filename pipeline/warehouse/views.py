"""Create the analysts' views from sql/views/ (one file per view, with Chinese comments)."""

from __future__ import annotations

import duckdb

from pipeline.settings import SQL_DIR

VIEW_NAMES = (
    "v_unit_year", "v_unit_yoy", "v_year_ranking", "v_project_execution", "v_indicator_attainment", "v_dq_summary",
)


def create_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    created = []
    for f in sorted((SQL_DIR / "views").glob("*.sql")):
        con.execute(f.read_text(encoding="utf-8"))
        created.append(f.stem.split("_", 1)[1])
    return created
