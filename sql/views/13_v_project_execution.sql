CREATE OR REPLACE VIEW v_project_execution AS
WITH b AS (
    SELECT project_id, stage, amount_yuan
    FROM fact_budgets
    WHERE project_id IS NOT NULL AND line_item = 'total' AND NOT coalesce(is_twin, FALSE)
    QUALIFY row_number() OVER (PARTITION BY project_id, stage
                               ORDER BY amount_yuan IS NULL, coalesce(origin = 'table', FALSE) DESC, source_ref) = 1
), bp AS (
    SELECT project_id,
           max(amount_yuan) FILTER (stage = 'initial') AS initial_yuan,
           max(amount_yuan) FILTER (stage = 'adjustment') AS adjustment_yuan,
           max(amount_yuan) FILTER (stage = 'adjusted') AS adjusted_yuan
    FROM b GROUP BY project_id
), e AS (
    SELECT project_id, executed_yuan, reported_rate_pct
    FROM fact_executions
    WHERE project_id IS NOT NULL AND line_item = 'total' AND NOT coalesce(is_twin, FALSE)
    QUALIFY row_number() OVER (PARTITION BY project_id
                               ORDER BY executed_yuan IS NULL, coalesce(origin = 'table', FALSE) DESC, source_ref) = 1
), s AS (
    SELECT project_id,
           first(score ORDER BY coalesce(origin = 'table', FALSE) DESC, source_ref) FILTER (score IS NOT NULL) AS score,
           first(grade_text ORDER BY coalesce(origin = 'table', FALSE) DESC, source_ref) FILTER (grade_text IS NOT NULL) AS grade_text,
           first(grade_rank ORDER BY coalesce(origin = 'table', FALSE) DESC, source_ref) FILTER (grade_rank IS NOT NULL) AS grade_rank
    FROM fact_scores
    WHERE project_id IS NOT NULL AND component = 'total' AND NOT coalesce(is_twin, FALSE)
    GROUP BY project_id
), pdq AS (
    SELECT project_id, count(*) FILTER (NOT passed) AS failed_identities
    FROM v_dq_latest WHERE project_id IS NOT NULL GROUP BY project_id
), cur AS (
    SELECT p.project_id, p.report_id, ur.document_id, ur.unit_key, ur.unit_name, ur.region, ur.fiscal_year, ur.report_kind,
           p.project_code, p.project_name, p.project_key,
           coalesce(p.project_code, p.project_key) AS match_key,
           p.competent_department, p.implementing_unit,
           bp.initial_yuan, bp.adjustment_yuan, bp.adjusted_yuan, e.executed_yuan,
           round(100 * CAST(e.executed_yuan AS DOUBLE) / nullif(CAST(bp.adjusted_yuan AS DOUBLE), 0), 2) AS execution_rate_pct,
           CAST(e.reported_rate_pct AS DOUBLE) AS reported_rate_pct,
           s.score, s.grade_text, s.grade_rank,
           coalesce(pdq.failed_identities, 0) AS failed_identities,
           ur.dq_status
    FROM projects p JOIN v_unit_report ur USING (report_id)
    LEFT JOIN bp USING (project_id) LEFT JOIN e USING (project_id) LEFT JOIN s USING (project_id)
    LEFT JOIN pdq USING (project_id)
), prev AS (
    -- The same project of the same unit one fiscal year earlier: by project code, else by
    -- normalised name. One match per project (a code match first).
    SELECT c.project_id, p.project_id AS previous_project_id,
           CASE WHEN c.project_code IS NOT NULL AND p.project_code = c.project_code THEN 'project_code' ELSE 'project_key' END AS matched_by,
           p.fiscal_year AS previous_fiscal_year, p.adjusted_yuan AS previous_adjusted_yuan,
           p.executed_yuan AS previous_executed_yuan, p.execution_rate_pct AS previous_execution_rate_pct,
           p.score AS previous_score, p.grade_text AS previous_grade_text, p.dq_status AS previous_dq_status
    FROM cur c JOIN cur p
      ON p.fiscal_year = c.fiscal_year - 1 AND p.unit_key = c.unit_key
     AND ((c.project_code IS NOT NULL AND p.project_code = c.project_code) OR p.project_key = c.project_key)
    QUALIFY row_number() OVER (PARTITION BY c.project_id
                               ORDER BY coalesce(p.project_code = c.project_code, FALSE) DESC, p.report_kind = c.report_kind DESC,
                                        p.adjusted_yuan IS NULL, p.project_id) = 1
)
SELECT c.project_id, c.report_id, c.document_id, c.unit_key, c.unit_name, c.region, c.fiscal_year, c.report_kind,
       c.project_code, c.project_name, c.project_key, c.match_key, c.competent_department, c.implementing_unit,
       c.initial_yuan, c.adjustment_yuan, c.adjusted_yuan, c.executed_yuan, c.execution_rate_pct, c.reported_rate_pct,
       c.score, c.grade_text, c.grade_rank, c.failed_identities, c.dq_status,
       prev.previous_project_id, prev.matched_by, prev.previous_fiscal_year,
       prev.previous_adjusted_yuan, prev.previous_executed_yuan, prev.previous_execution_rate_pct,
       prev.previous_score, prev.previous_grade_text, prev.previous_dq_status
FROM cur c LEFT JOIN prev USING (project_id);
COMMENT ON VIEW v_project_execution IS '项目执行情况：每个项目的调整后预算、执行数、执行率、得分、等级，并在同一单位内按项目编码（无编码或编码不符时按标准化名称）与上一年同一项目匹配；金额单位为元';
COMMENT ON COLUMN v_project_execution.project_id IS '项目ID';
COMMENT ON COLUMN v_project_execution.report_id IS '报告ID';
COMMENT ON COLUMN v_project_execution.document_id IS '文件ID（内容哈希）';
COMMENT ON COLUMN v_project_execution.unit_key IS '单位标准名';
COMMENT ON COLUMN v_project_execution.unit_name IS '单位名称（原文）';
COMMENT ON COLUMN v_project_execution.region IS '地区';
COMMENT ON COLUMN v_project_execution.fiscal_year IS '评价年度';
COMMENT ON COLUMN v_project_execution.report_kind IS '报告类型';
COMMENT ON COLUMN v_project_execution.project_code IS '项目编码';
COMMENT ON COLUMN v_project_execution.project_name IS '项目名称';
COMMENT ON COLUMN v_project_execution.project_key IS '项目名称标准化键';
COMMENT ON COLUMN v_project_execution.match_key IS '跨年匹配键（有项目编码用编码，否则用名称标准化键）';
COMMENT ON COLUMN v_project_execution.competent_department IS '主管部门';
COMMENT ON COLUMN v_project_execution.implementing_unit IS '实施单位';
COMMENT ON COLUMN v_project_execution.initial_yuan IS '年初预算数（元）';
COMMENT ON COLUMN v_project_execution.adjustment_yuan IS '预算调整数（元）';
COMMENT ON COLUMN v_project_execution.adjusted_yuan IS '调整后预算数（元）';
COMMENT ON COLUMN v_project_execution.executed_yuan IS '全年执行数（元）';
COMMENT ON COLUMN v_project_execution.execution_rate_pct IS '执行率（%，执行数/调整后预算数）';
COMMENT ON COLUMN v_project_execution.reported_rate_pct IS '报告所列执行率（%）';
COMMENT ON COLUMN v_project_execution.score IS '自评得分';
COMMENT ON COLUMN v_project_execution.grade_text IS '评价等级（原文）';
COMMENT ON COLUMN v_project_execution.grade_rank IS '等级序号（1最好）';
COMMENT ON COLUMN v_project_execution.failed_identities IS '本项目未通过的勾稽检查数';
COMMENT ON COLUMN v_project_execution.dq_status IS '数据质量状态 ok/warning/error（所在报告）';
COMMENT ON COLUMN v_project_execution.previous_project_id IS '上年同一项目的项目ID';
COMMENT ON COLUMN v_project_execution.matched_by IS '跨年匹配方式 project_code/project_key';
COMMENT ON COLUMN v_project_execution.previous_fiscal_year IS '上一年度';
COMMENT ON COLUMN v_project_execution.previous_adjusted_yuan IS '上年调整后预算数（元）';
COMMENT ON COLUMN v_project_execution.previous_executed_yuan IS '上年执行数（元）';
COMMENT ON COLUMN v_project_execution.previous_execution_rate_pct IS '上年执行率（%）';
COMMENT ON COLUMN v_project_execution.previous_score IS '上年得分';
COMMENT ON COLUMN v_project_execution.previous_grade_text IS '上年评价等级';
COMMENT ON COLUMN v_project_execution.previous_dq_status IS '上年数据质量状态';
