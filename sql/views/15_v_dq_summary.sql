CREATE OR REPLACE VIEW v_dq_summary AS
WITH latest AS (SELECT max(run_id) AS run_id FROM dq_results)
SELECT d.document_id, d.file_name, d.status, d.error_code, r.report_id, r.unit_name, r.fiscal_year, r.report_kind,
       count(q.check_name) AS checks_run,
       count(q.check_name) FILTER (NOT q.passed) AS checks_failed,
       CASE WHEN count(*) FILTER (NOT q.passed AND q.severity = 'error') > 0 THEN 'error'
            WHEN count(*) FILTER (NOT q.passed) > 0 THEN 'warning'
            WHEN count(q.check_name) > 0 THEN 'ok' END AS worst_severity
FROM documents d LEFT JOIN reports r USING (document_id)
LEFT JOIN dq_results q ON q.report_id = r.report_id AND q.run_id = (SELECT run_id FROM latest)
GROUP BY ALL;
COMMENT ON VIEW v_dq_summary IS '数据质量汇总：每个文件/报告的检查数、未通过数与最严重级别';
COMMENT ON COLUMN v_dq_summary.document_id IS '文件ID（内容哈希）';
COMMENT ON COLUMN v_dq_summary.file_name IS '文件名';
COMMENT ON COLUMN v_dq_summary.status IS '载入状态';
COMMENT ON COLUMN v_dq_summary.error_code IS '错误代码';
COMMENT ON COLUMN v_dq_summary.report_id IS '报告ID';
COMMENT ON COLUMN v_dq_summary.unit_name IS '单位名称';
COMMENT ON COLUMN v_dq_summary.fiscal_year IS '评价年度';
COMMENT ON COLUMN v_dq_summary.report_kind IS '报告类型';
COMMENT ON COLUMN v_dq_summary.checks_run IS '已运行检查数';
COMMENT ON COLUMN v_dq_summary.checks_failed IS '未通过检查数';
COMMENT ON COLUMN v_dq_summary.worst_severity IS '最严重级别';
