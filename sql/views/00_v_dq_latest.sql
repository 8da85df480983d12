-- Helper view: the identity-check results that count, i.e. those of the latest check run
-- of each report (of each document for checks not tied to a report).
CREATE OR REPLACE VIEW v_dq_latest AS
SELECT q.run_id, q.checked_at, q.document_id, q.report_id, q.project_id, q.check_name, q.severity, q.passed,
       q.expected, q.observed, q.difference, q.tolerance, q.detail, q.source_refs, q.subject_key
FROM dq_results q
QUALIFY q.run_id = arg_max(q.run_id, q.checked_at)
        OVER (PARTITION BY coalesce('r:' || q.report_id, 'd:' || q.document_id, '-'));
COMMENT ON VIEW v_dq_latest IS '最新勾稽检查结果：每份报告（无报告时每个文件）只保留最近一次检查运行的结果';
COMMENT ON COLUMN v_dq_latest.run_id IS '检查运行ID';
COMMENT ON COLUMN v_dq_latest.checked_at IS '检查时间';
COMMENT ON COLUMN v_dq_latest.document_id IS '文件ID（内容哈希）';
COMMENT ON COLUMN v_dq_latest.report_id IS '报告ID';
COMMENT ON COLUMN v_dq_latest.project_id IS '项目ID（空表示报告层级）';
COMMENT ON COLUMN v_dq_latest.check_name IS '检查名称';
COMMENT ON COLUMN v_dq_latest.severity IS '严重级别 error/warning';
COMMENT ON COLUMN v_dq_latest.passed IS '是否通过';
COMMENT ON COLUMN v_dq_latest.expected IS '应有值';
COMMENT ON COLUMN v_dq_latest.observed IS '实际值';
COMMENT ON COLUMN v_dq_latest.difference IS '差额';
COMMENT ON COLUMN v_dq_latest.tolerance IS '容差（按印刷小数位计算的半宽）';
COMMENT ON COLUMN v_dq_latest.detail IS '说明（含数值与出处）';
COMMENT ON COLUMN v_dq_latest.source_refs IS '出处';
COMMENT ON COLUMN v_dq_latest.subject_key IS '检查对象键（机器用）：如 current_income:initial；说明列以印出的名称书写';
