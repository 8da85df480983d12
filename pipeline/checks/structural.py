"""Structural checks on the warehouse itself. These block the views when they fail."""

from __future__ import annotations

import duckdb

# name → SQL returning the number of offending rows
STRUCTURAL: dict[str, str] = {
    "documents_key_unique": "SELECT count(*) - count(DISTINCT document_id) FROM documents",
    "reports_key_unique": "SELECT count(*) - count(DISTINCT report_id) FROM reports",
    "projects_key_unique": "SELECT count(*) - count(DISTINCT project_id) FROM projects",
    "every_document_has_status": "SELECT count(*) FROM documents WHERE status IS NULL OR status NOT IN ('loaded','partial','failed','not_a_report','duplicate')",
    "failed_documents_have_error_code": "SELECT count(*) FROM documents WHERE status IN ('failed','not_a_report','duplicate','partial') AND error_code IS NULL",
    "reports_resolve_document": "SELECT count(*) FROM reports r LEFT JOIN documents d USING (document_id) WHERE d.document_id IS NULL",
    "projects_resolve_report": "SELECT count(*) FROM projects p LEFT JOIN reports r USING (report_id) WHERE r.report_id IS NULL",
    "facts_resolve_report": """SELECT (SELECT count(*) FROM fact_budgets f WHERE report_id NOT IN (SELECT report_id FROM reports))
        + (SELECT count(*) FROM fact_executions f WHERE report_id NOT IN (SELECT report_id FROM reports))
        + (SELECT count(*) FROM fact_indicators f WHERE report_id NOT IN (SELECT report_id FROM reports))
        + (SELECT count(*) FROM fact_scores f WHERE report_id NOT IN (SELECT report_id FROM reports))""",
    "facts_resolve_project": """SELECT (SELECT count(*) FROM fact_budgets WHERE project_id IS NOT NULL AND project_id NOT IN (SELECT project_id FROM projects))
        + (SELECT count(*) FROM fact_executions WHERE project_id IS NOT NULL AND project_id NOT IN (SELECT project_id FROM projects))
        + (SELECT count(*) FROM fact_scores WHERE project_id IS NOT NULL AND project_id NOT IN (SELECT project_id FROM projects))""",
    "report_kind_valid": "SELECT count(*) FROM reports WHERE report_kind NOT IN ('department','special_fund','project','final_accounts','budget')",
    "stage_valid": "SELECT count(*) FROM fact_budgets WHERE stage NOT IN ('initial','adjustment','adjusted','allocated')",
    "line_item_known": """SELECT (SELECT count(*) FROM fact_budgets WHERE line_item NOT IN (SELECT code FROM line_items))
        + (SELECT count(*) FROM fact_executions WHERE line_item NOT IN (SELECT code FROM line_items))""",
    "money_not_nan": """SELECT (SELECT count(*) FROM fact_budgets WHERE amount_yuan IS NULL OR isnan(CAST(amount_yuan AS DOUBLE)))
        + (SELECT count(*) FROM fact_executions WHERE executed_yuan IS NOT NULL AND isnan(CAST(executed_yuan AS DOUBLE)))""",
    "source_ref_present": """SELECT (SELECT count(*) FROM fact_budgets WHERE source_ref IS NULL OR source_ref = '')
        + (SELECT count(*) FROM fact_executions WHERE source_ref IS NULL OR source_ref = '')
        + (SELECT count(*) FROM fact_indicators WHERE source_ref IS NULL OR source_ref = '')
        + (SELECT count(*) FROM fact_scores WHERE source_ref IS NULL OR source_ref = '')""",
    "grade_rank_valid": "SELECT count(*) FROM reports WHERE grade_rank IS NOT NULL AND grade_rank NOT BETWEEN 1 AND 4",
}


def run_structural(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """name → offending row count (0 means the check passed)."""
    return {name: int(con.execute(sql).fetchone()[0]) for name, sql in STRUCTURAL.items()}


# What each structural check guards, for the Dagster UI and the report (Chinese, then English).
DESCRIPTIONS: dict[str, str] = {
    "documents_key_unique": "每个文件只有一行（document_id 唯一）— Each document has one row (document_id unique).",
    "reports_key_unique": "报告编号唯一 — report_id is unique.",
    "projects_key_unique": "项目编号唯一 — project_id is unique.",
    "every_document_has_status": "每个文件都有有效状态（已入库/部分/失败/非报告/重复）— Every document has a valid status.",
    "failed_documents_have_error_code": "未完整入库的文件都有错误代码 — Every document not fully loaded carries an error code.",
    "reports_resolve_document": "每份报告都对应一个文件 — Every report points to an existing document.",
    "projects_resolve_report": "每个项目都对应一份报告 — Every project points to an existing report.",
    "facts_resolve_report": "每条预算、执行、指标、得分记录都对应一份报告 — Every fact row points to an existing report.",
    "facts_resolve_project": "带项目编号的记录都对应一个项目 — Every fact with a project_id points to an existing project.",
    "report_kind_valid": "报告类型取值合法 — report_kind is one of the contract's values.",
    "stage_valid": "预算阶段取值合法（年初/调整/调整后/下达）— Budget stage is one of the contract's values.",
    "line_item_known": "每个科目代码都在 line_items 中 — Every line item code is in line_items.",
    "money_not_nan": "金额不为空、不为 NaN — No money amount is null or NaN.",
    "source_ref_present": "每条记录都注明出处（页、表、行、列或段落）— Every fact says where it is printed.",
    "grade_rank_valid": "等级序号在 1–4 之间 — grade_rank is between 1 and 4.",
}


def description(name: str) -> str:
    return DESCRIPTIONS.get(name, name)
