CREATE OR REPLACE VIEW v_dq_summary AS
WITH doc_only AS (
    -- Checks not tied to a report, for documents in which no report was found.
    SELECT document_id, max(run_id) AS dq_run_id, max(checked_at) AS dq_checked_at,
           count(*) AS checks_run, count(*) FILTER (passed) AS checks_passed,
           count(*) FILTER (NOT passed) AS checks_failed,
           count(*) FILTER (NOT passed AND severity = 'error') AS errors,
           count(*) FILTER (NOT passed AND severity <> 'error') AS warnings,
           string_agg(DISTINCT check_name, ',' ORDER BY check_name) FILTER (NOT passed) AS failed_checks
    FROM v_dq_latest WHERE report_id IS NULL GROUP BY document_id
), s AS (
    SELECT d.document_id, d.file_name, d.file_format, d.status, d.error_code, d.error_message,
           d.missing_since IS NOT NULL AS missing,
           r.report_id, r.report_kind, r.unit_name, r.unit_key, r.fiscal_year,
           coalesce(q.dq_run_id, o.dq_run_id) AS dq_run_id,
           coalesce(q.dq_checked_at, o.dq_checked_at) AS dq_checked_at,
           coalesce(q.checks_run, o.checks_run, 0) AS checks_run,
           coalesce(q.checks_passed, o.checks_passed, 0) AS checks_passed,
           coalesce(q.checks_failed, o.checks_failed, 0) AS checks_failed,
           coalesce(q.errors, o.errors, 0) AS failed_errors,
           coalesce(q.warnings, o.warnings, 0) AS failed_warnings,
           coalesce(q.failed_checks, o.failed_checks) AS failed_checks
    FROM documents d
    LEFT JOIN reports r USING (document_id)
    LEFT JOIN v_report_dq q ON q.report_id = r.report_id
    LEFT JOIN doc_only o ON r.report_id IS NULL AND o.document_id = d.document_id
)
SELECT *,
       CASE WHEN failed_errors > 0 THEN 'error' WHEN failed_warnings > 0 THEN 'warning' END AS worst_severity,
       CASE WHEN status NOT IN ('loaded', 'partial') THEN NULL
            WHEN failed_errors > 0 THEN 'error' WHEN failed_warnings > 0 THEN 'warning' ELSE 'ok' END AS dq_status
FROM s;
COMMENT ON VIEW v_dq_summary IS '数据质量汇总：每个文件×报告的载入状态、最近一次勾稽检查的运行数、未通过数与最严重级别（含未能载入的文件）';
COMMENT ON COLUMN v_dq_summary.document_id IS '文件ID（内容哈希）';
COMMENT ON COLUMN v_dq_summary.file_name IS '文件名（相对输入目录）';
COMMENT ON COLUMN v_dq_summary.file_format IS '文件格式';
COMMENT ON COLUMN v_dq_summary.status IS '载入状态 loaded/partial/failed/not_a_report/duplicate';
COMMENT ON COLUMN v_dq_summary.error_code IS '错误代码';
COMMENT ON COLUMN v_dq_summary.error_message IS '错误说明';
COMMENT ON COLUMN v_dq_summary.missing IS '文件已不在输入目录';
COMMENT ON COLUMN v_dq_summary.report_id IS '报告ID';
COMMENT ON COLUMN v_dq_summary.report_kind IS '报告类型';
COMMENT ON COLUMN v_dq_summary.unit_name IS '单位名称';
COMMENT ON COLUMN v_dq_summary.unit_key IS '单位标准名';
COMMENT ON COLUMN v_dq_summary.fiscal_year IS '评价年度';
COMMENT ON COLUMN v_dq_summary.dq_run_id IS '最近检查运行ID';
COMMENT ON COLUMN v_dq_summary.dq_checked_at IS '最近检查时间';
COMMENT ON COLUMN v_dq_summary.checks_run IS '已运行检查数';
COMMENT ON COLUMN v_dq_summary.checks_passed IS '通过检查数';
COMMENT ON COLUMN v_dq_summary.checks_failed IS '未通过检查数';
COMMENT ON COLUMN v_dq_summary.failed_errors IS '错误级未通过数';
COMMENT ON COLUMN v_dq_summary.failed_warnings IS '警告级未通过数';
COMMENT ON COLUMN v_dq_summary.failed_checks IS '未通过的检查名称';
COMMENT ON COLUMN v_dq_summary.worst_severity IS '未通过检查中最严重级别 error/warning（全部通过时为空）';
COMMENT ON COLUMN v_dq_summary.dq_status IS '数据质量状态 ok/warning/error（文件未载入时为空）';
