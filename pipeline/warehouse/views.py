"""Create the analysts' views from sql/views/ (one file per view, with Chinese comments).

Each file holds exactly one ``CREATE OR REPLACE VIEW`` plus its ``COMMENT ON VIEW`` and
``COMMENT ON COLUMN`` statements. DuckDB (2.x) keeps comments on views and on view columns
(``duckdb_views().comment``, ``duckdb_columns().comment``); ``CREATE OR REPLACE`` drops
them, which is why the comments live in the same file and are re-applied every time.
Files run in sorted order: helper views (00–09) come before the views built on them.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from pipeline.settings import SQL_DIR
from pipeline.warehouse.transaction import transaction

VIEWS_DIR = SQL_DIR / "views"
COMMENTS_DIR = SQL_DIR / "comments"

# The contract's views (stable names analysts rely on).
VIEW_NAMES = (
    "v_unit_year", "v_unit_yoy", "v_year_ranking", "v_project_execution", "v_indicator_attainment", "v_dq_summary",
)
# Building blocks the contract views use; published too, and documented the same way.
HELPER_VIEW_NAMES = ("v_dq_latest", "v_report_dq", "v_unit_report", "v_unit_line_year")

_CREATE = re.compile(r"CREATE\s+OR\s+REPLACE\s+VIEW\s+([A-Za-z_][A-Za-z0-9_]*)", re.I)


def view_files(views_dir: Path = VIEWS_DIR) -> list[Path]:
    return sorted(views_dir.glob("*.sql"))


def view_name(sql: str) -> str:
    names = _CREATE.findall(sql)
    if len(names) != 1:
        raise ValueError(f"a view file must create exactly one view, found {names or 'none'}")
    return names[0]


def all_view_names(views_dir: Path = VIEWS_DIR) -> list[str]:
    """Every view the files create, in creation order."""
    return [view_name(f.read_text(encoding="utf-8")) for f in view_files(views_dir)]


def create_views(con: duckdb.DuckDBPyConnection, views_dir: Path = VIEWS_DIR) -> list[str]:
    """Run every sql/views/*.sql in sorted order; return the names of the views created."""
    created = []
    # One transaction: on a file, each statement committed alone costs a write of the catalog
    # (~0.4 s for all views); a failure leaves the views as they were.
    with transaction(con):
        for f in view_files(views_dir):
            sql = f.read_text(encoding="utf-8")
            name = view_name(sql)
            try:
                con.execute(sql)  # DuckDB runs every statement of the string in turn
            except duckdb.Error as e:
                raise RuntimeError(f"creating view {name} from {f.name} failed: {e}") from e
            created.append(name)
    apply_table_comments(con)
    return created


def apply_table_comments(con: duckdb.DuckDBPyConnection, comments_dir: Path = COMMENTS_DIR) -> list[str]:
    """Chinese comments on the tables (sql/comments/*.sql), one statement at a time: a
    statement naming a column this warehouse does not have is skipped. Returns the skipped
    statements."""
    stmts = [stmt for f in (sorted(comments_dir.glob("*.sql")) if comments_dir.is_dir() else [])
             for stmt in _statements(f.read_text(encoding="utf-8"))]
    # All in one transaction when every statement applies (the usual case: one catalog write
    # instead of one per statement); otherwise again one at a time, skipping the misfits.
    try:
        with transaction(con):
            for stmt in stmts:
                con.execute(stmt)
        return []
    except (duckdb.CatalogException, duckdb.BinderException):
        pass  # rolled back
    skipped = []
    for stmt in stmts:
        try:
            con.execute(stmt)
        except (duckdb.CatalogException, duckdb.BinderException):
            skipped.append(stmt)
    return skipped


def _statements(sql: str) -> list[str]:
    """Split a comments file into statements: each ends with ';' at the end of a line
    (the comment texts themselves use the full-width '；')."""
    out, buf = [], []
    for line in sql.splitlines():
        if line.strip().startswith("--") and not buf:
            continue
        buf.append(line)
        if line.rstrip().endswith(";"):
            stmt = "\n".join(buf).strip()
            if stmt.strip(";").strip():
                out.append(stmt)
            buf = []
    if "\n".join(buf).strip():
        out.append("\n".join(buf).strip())
    return out


def missing_comments(con: duckdb.DuckDBPyConnection, names: list[str] | tuple[str, ...] | None = None) -> list[str]:
    """Views or view columns without a comment, as 'view' or 'view.column' (empty when all are documented)."""
    names = list(names or all_view_names())
    con.register("_bpw_names", __import__("pandas").DataFrame({"name": names}))
    try:
        views = con.execute(
            "SELECT n.name FROM _bpw_names n LEFT JOIN duckdb_views() v ON v.view_name = n.name "
            "WHERE v.comment IS NULL OR v.comment = ''"
        ).fetchall()
        cols = con.execute(
            "SELECT table_name || '.' || column_name FROM duckdb_columns() "
            "WHERE table_name IN (SELECT name FROM _bpw_names) AND (comment IS NULL OR comment = '') "
            "ORDER BY table_name, column_index"
        ).fetchall()
    finally:
        con.unregister("_bpw_names")
    return [r[0] for r in views] + [r[0] for r in cols]


def comments(con: duckdb.DuckDBPyConnection, name: str) -> dict[str, str]:
    """Column name → comment for a table or view (empty comment when none)."""
    rows = con.execute(
        "SELECT column_name, coalesce(comment, '') FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index",
        [name],
    ).fetchall()
    return dict(rows)
