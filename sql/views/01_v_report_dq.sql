-- Helper view: data-quality status of each report in the latest check run.
CREATE OR REPLACE VIEW v_report_dq AS
WITH latest AS (SELECT max(run_id) AS run_id FROM dq_results)
SELECT r.report_id,
       count(d.check_name) AS checks_run,
       count(d.check_name) FILTER (NOT d.passed) AS checks_failed,
       count(d.check_name) FILTER (NOT d.passed AND d.severity = 'error') AS errors,
       CASE WHEN count(*) FILTER (NOT d.passed AND d.severity = 'error') > 0 THEN 'error'
            WHEN count(*) FILTER (NOT d.passed) > 0 THEN 'warning' ELSE 'ok' END AS dq_status
FROM reports r LEFT JOIN dq_results d ON d.report_id = r.report_id AND d.run_id = (SELECT run_id FROM latest)
WHERE r.document_id IN (SELECT document_id FROM documents WHERE missing_since IS NULL AND status IN ('loaded', 'partial'))
GROUP BY r.report_id;
COMMENT ON VIEW v_report_dq IS '报告数据质量状态（最近一次检查）';
COMMENT ON COLUMN v_report_dq.report_id IS '报告ID';
COMMENT ON COLUMN v_report_dq.checks_run IS '已运行检查数';
COMMENT ON COLUMN v_report_dq.checks_failed IS '未通过检查数';
COMMENT ON COLUMN v_report_dq.errors IS '错误级未通过数';
COMMENT ON COLUMN v_report_dq.dq_status IS '数据质量状态 ok/warning/error';
