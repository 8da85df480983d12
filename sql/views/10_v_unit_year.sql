CREATE OR REPLACE VIEW v_unit_year AS
WITH b AS (
    -- One figure per report, line item and stage: a table figure beats the same figure in text.
    SELECT report_id, stage, CAST(amount_yuan AS DECIMAL(18,2)) AS amount_yuan
    FROM (SELECT *, row_number() OVER (PARTITION BY report_id, stage ORDER BY origin = 'table' DESC, source_ref) AS rn
          FROM fact_budgets WHERE project_id IS NULL AND line_item = 'total' AND NOT is_twin)
    WHERE rn = 1
), pb AS (
    -- A stage the report states no total for (a special fund evaluated through its
    -- project table): the sum of its projects' totals.
    SELECT report_id, stage, sum(amount_yuan) AS amount_yuan
    FROM (SELECT *, row_number() OVER (PARTITION BY project_id, stage ORDER BY origin = 'table' DESC, source_ref) AS rn
          FROM fact_budgets WHERE project_id IS NOT NULL AND line_item = 'total' AND NOT is_twin)
    WHERE rn = 1 GROUP BY ALL
), e AS (
    SELECT report_id, executed_yuan, reported_rate_pct
    FROM (SELECT *, row_number() OVER (PARTITION BY report_id ORDER BY origin = 'table' DESC, executed_yuan IS NULL, source_ref) AS rn
          FROM fact_executions WHERE project_id IS NULL AND line_item = 'total' AND NOT is_twin)
    WHERE rn = 1
), per_report AS (
    SELECT r.report_id, r.unit_key, any_value(r.unit_name) AS unit_name, r.region, r.fiscal_year, r.report_kind,
           r.score_total, r.grade_text, r.grade_rank,
           coalesce(max(b.amount_yuan) FILTER (b.stage = 'initial'), max(pb.amount_yuan) FILTER (pb.stage = 'initial')) AS initial_yuan,
           coalesce(max(b.amount_yuan) FILTER (b.stage = 'adjustment'), max(pb.amount_yuan) FILTER (pb.stage = 'adjustment')) AS adjustment_yuan,
           coalesce(max(b.amount_yuan) FILTER (b.stage = 'adjusted'), max(pb.amount_yuan) FILTER (pb.stage = 'adjusted')) AS adjusted_yuan
    FROM reports r LEFT JOIN b USING (report_id) LEFT JOIN pb ON pb.report_id = r.report_id
    WHERE r.report_kind IN ('department', 'special_fund', 'project')
      AND r.document_id IN (SELECT document_id FROM documents WHERE missing_since IS NULL AND status IN ('loaded', 'partial'))
    GROUP BY ALL
)
SELECT p.unit_key, any_value(p.unit_name) AS unit_name, any_value(p.region) AS region, p.fiscal_year,
       sum(p.initial_yuan) AS initial_yuan, sum(p.adjustment_yuan) AS adjustment_yuan, sum(p.adjusted_yuan) AS adjusted_yuan,
       sum(e.executed_yuan) AS executed_yuan,
       round(100 * sum(e.executed_yuan) / nullif(sum(p.adjusted_yuan), 0), 2) AS execution_rate_pct,
       max(e.reported_rate_pct) AS reported_rate_pct,
       max(p.score_total) AS score, any_value(p.grade_text) AS grade_text, min(p.grade_rank) AS grade_rank,
       (SELECT count(*) FROM projects pr WHERE pr.report_id IN (SELECT report_id FROM reports r2 WHERE r2.unit_key = p.unit_key AND r2.fiscal_year = p.fiscal_year)) AS n_projects,
       sum(q.checks_failed) AS failed_identities,
       CASE WHEN max(q.errors) > 0 THEN 'error' WHEN max(q.checks_failed) > 0 THEN 'warning' ELSE 'ok' END AS dq_status
FROM per_report p LEFT JOIN e USING (report_id) LEFT JOIN v_report_dq q USING (report_id)
GROUP BY p.unit_key, p.fiscal_year;
COMMENT ON VIEW v_unit_year IS '单位年度汇总：预算、执行、得分、等级、项目数与数据质量';
COMMENT ON COLUMN v_unit_year.unit_key IS '单位标准名';
COMMENT ON COLUMN v_unit_year.unit_name IS '单位名称（原文）';
COMMENT ON COLUMN v_unit_year.region IS '地区';
COMMENT ON COLUMN v_unit_year.fiscal_year IS '评价年度';
COMMENT ON COLUMN v_unit_year.initial_yuan IS '年初预算数（元）';
COMMENT ON COLUMN v_unit_year.adjustment_yuan IS '预算调整数（元）';
COMMENT ON COLUMN v_unit_year.adjusted_yuan IS '调整后预算数（元）';
COMMENT ON COLUMN v_unit_year.executed_yuan IS '全年执行数（元）';
COMMENT ON COLUMN v_unit_year.execution_rate_pct IS '预算执行率（%，按金额计算）';
COMMENT ON COLUMN v_unit_year.reported_rate_pct IS '报告所列执行率（%）';
COMMENT ON COLUMN v_unit_year.score IS '自评得分';
COMMENT ON COLUMN v_unit_year.grade_text IS '评价等级（原文）';
COMMENT ON COLUMN v_unit_year.grade_rank IS '等级序号（1最好）';
COMMENT ON COLUMN v_unit_year.n_projects IS '项目数';
COMMENT ON COLUMN v_unit_year.failed_identities IS '未通过的勾稽检查数';
COMMENT ON COLUMN v_unit_year.dq_status IS '数据质量状态';
