-- Helper view: data-quality status of every report, from its latest check run. Checks not
-- tied to a report (a table printed before the first report title) count for the first
-- report of their document.
CREATE OR REPLACE VIEW v_report_dq AS
WITH r AS (
    SELECT report_id, document_id,
           row_number() OVER (PARTITION BY document_id ORDER BY seq NULLS LAST, report_id) = 1 AS first_in_document
    FROM reports
), q AS (
    SELECT r.report_id, l.*
    FROM r JOIN v_dq_latest l
      ON l.report_id = r.report_id OR (l.report_id IS NULL AND r.first_in_document AND l.document_id = r.document_id)
)
SELECT r.report_id, r.document_id,
       max(q.run_id) AS dq_run_id,
       max(q.checked_at) AS dq_checked_at,
       count(q.check_name) AS checks_run,
       count(q.check_name) FILTER (q.passed) AS checks_passed,
       count(q.check_name) FILTER (NOT q.passed) AS checks_failed,
       count(q.check_name) FILTER (NOT q.passed AND q.severity = 'error') AS errors,
       count(q.check_name) FILTER (NOT q.passed AND q.severity <> 'error') AS warnings,
       string_agg(DISTINCT q.check_name, ',' ORDER BY q.check_name) FILTER (NOT q.passed) AS failed_checks,
       CASE WHEN count(q.check_name) FILTER (NOT q.passed AND q.severity = 'error') > 0 THEN 'error'
            WHEN count(q.check_name) FILTER (NOT q.passed) > 0 THEN 'warning' ELSE 'ok' END AS dq_status
FROM r LEFT JOIN q USING (report_id)
GROUP BY r.report_id, r.document_id;
COMMENT ON VIEW v_report_dq IS '报告数据质量状态（每份报告最近一次检查）';
COMMENT ON COLUMN v_report_dq.report_id IS '报告ID';
COMMENT ON COLUMN v_report_dq.document_id IS '文件ID（内容哈希）';
COMMENT ON COLUMN v_report_dq.dq_run_id IS '最近检查运行ID';
COMMENT ON COLUMN v_report_dq.dq_checked_at IS '最近检查时间';
COMMENT ON COLUMN v_report_dq.checks_run IS '已运行检查数';
COMMENT ON COLUMN v_report_dq.checks_passed IS '通过检查数';
COMMENT ON COLUMN v_report_dq.checks_failed IS '未通过检查数';
COMMENT ON COLUMN v_report_dq.errors IS '错误级未通过数';
COMMENT ON COLUMN v_report_dq.warnings IS '警告级未通过数';
COMMENT ON COLUMN v_report_dq.failed_checks IS '未通过的检查名称（逗号分隔）';
COMMENT ON COLUMN v_report_dq.dq_status IS '数据质量状态 ok/warning/error（无检查时为 ok，见已运行检查数）';
