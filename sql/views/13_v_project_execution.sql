CREATE OR REPLACE VIEW v_project_execution AS
WITH b AS (
    SELECT project_id, max(amount_yuan) FILTER (stage = 'adjusted') AS adjusted_yuan,
           max(amount_yuan) FILTER (stage = 'initial') AS initial_yuan
    FROM fact_budgets WHERE project_id IS NOT NULL AND line_item = 'total' AND NOT is_twin GROUP BY ALL
), e AS (
    SELECT project_id, max(executed_yuan) AS executed_yuan, max(reported_rate_pct) AS reported_rate_pct
    FROM fact_executions WHERE project_id IS NOT NULL AND line_item = 'total' AND NOT is_twin GROUP BY ALL
), s AS (
    SELECT project_id, max(score) AS score, any_value(grade_text) AS grade_text, min(grade_rank) AS grade_rank
    FROM fact_scores WHERE project_id IS NOT NULL AND component = 'total' AND NOT is_twin GROUP BY ALL
), cur AS (
    SELECT p.project_id, p.report_id, r.unit_key, r.fiscal_year, p.project_code, p.project_name, p.project_key,
           coalesce(p.project_code, p.project_key) AS match_key,
           b.initial_yuan, b.adjusted_yuan, e.executed_yuan,
           round(100 * e.executed_yuan / nullif(b.adjusted_yuan, 0), 2) AS execution_rate_pct, e.reported_rate_pct,
           s.score, s.grade_text, s.grade_rank, q.dq_status
    FROM projects p JOIN reports r USING (report_id)
    LEFT JOIN b USING (project_id) LEFT JOIN e USING (project_id) LEFT JOIN s USING (project_id)
    LEFT JOIN v_report_dq q ON q.report_id = p.report_id
    WHERE r.document_id IN (SELECT document_id FROM documents WHERE missing_since IS NULL AND status IN ('loaded', 'partial'))
)
SELECT c.*, prev.adjusted_yuan AS previous_adjusted_yuan, prev.executed_yuan AS previous_executed_yuan,
       prev.score AS previous_score
FROM cur c LEFT JOIN cur prev ON prev.unit_key = c.unit_key AND prev.match_key = c.match_key AND prev.fiscal_year = c.fiscal_year - 1;
COMMENT ON VIEW v_project_execution IS '项目执行情况：预算、执行、执行率、得分、等级，并按项目编码或名称跨年匹配';
COMMENT ON COLUMN v_project_execution.project_id IS '项目ID';
COMMENT ON COLUMN v_project_execution.report_id IS '报告ID';
COMMENT ON COLUMN v_project_execution.unit_key IS '单位标准名';
COMMENT ON COLUMN v_project_execution.fiscal_year IS '评价年度';
COMMENT ON COLUMN v_project_execution.project_code IS '项目编码';
COMMENT ON COLUMN v_project_execution.project_name IS '项目名称';
COMMENT ON COLUMN v_project_execution.project_key IS '项目名称标准化键';
COMMENT ON COLUMN v_project_execution.match_key IS '跨年匹配键（编码优先）';
COMMENT ON COLUMN v_project_execution.initial_yuan IS '年初预算数（元）';
COMMENT ON COLUMN v_project_execution.adjusted_yuan IS '调整后预算数（元）';
COMMENT ON COLUMN v_project_execution.executed_yuan IS '全年执行数（元）';
COMMENT ON COLUMN v_project_execution.execution_rate_pct IS '执行率（%，按金额计算）';
COMMENT ON COLUMN v_project_execution.reported_rate_pct IS '报告所列执行率（%）';
COMMENT ON COLUMN v_project_execution.score IS '自评得分';
COMMENT ON COLUMN v_project_execution.grade_text IS '评价等级';
COMMENT ON COLUMN v_project_execution.grade_rank IS '等级序号';
COMMENT ON COLUMN v_project_execution.dq_status IS '数据质量状态';
COMMENT ON COLUMN v_project_execution.previous_adjusted_yuan IS '上年调整后预算数（元）';
COMMENT ON COLUMN v_project_execution.previous_executed_yuan IS '上年执行数（元）';
COMMENT ON COLUMN v_project_execution.previous_score IS '上年得分';
