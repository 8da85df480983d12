CREATE OR REPLACE VIEW v_unit_year AS
WITH cr AS (
    SELECT * FROM v_unit_report WHERE counted
), u AS (
    SELECT unit_key, fiscal_year,
           arg_min(unit_name, report_id) AS unit_name,
           arg_min(region, report_id) FILTER (region IS NOT NULL) AS region,
           min(report_kind) AS report_kind,
           count(*) AS n_reports,
           CAST(round(avg(score_total), 2) AS DECIMAL(6,2)) AS score,
           arg_min(grade_text, coalesce(score_total, 1e9)) FILTER (grade_text IS NOT NULL) AS grade_text,
           arg_min(grade_rank, coalesce(score_total, 1e9)) FILTER (grade_rank IS NOT NULL) AS grade_rank,
           CAST(sum(checks_run) AS BIGINT) AS checks_run,
           CAST(sum(checks_failed) AS BIGINT) AS failed_identities,
           CAST(sum(failed_errors) AS BIGINT) AS failed_errors,
           string_agg(DISTINCT failed_checks, ',') AS failed_checks,
           CASE WHEN bool_or(dq_status = 'error') THEN 'error' WHEN bool_or(dq_status = 'warning') THEN 'warning'
                ELSE 'ok' END AS dq_status
    FROM cr GROUP BY unit_key, fiscal_year
), np AS (
    -- Projects of every live report of the unit-year, each counted once (by code, else name key).
    SELECT ur.unit_key, ur.fiscal_year, count(DISTINCT coalesce(p.project_code, p.project_key, p.project_id)) AS n_projects
    FROM v_unit_report ur JOIN projects p USING (report_id)
    GROUP BY ALL
), acc AS (
    -- The accounts of a 部门预算 / 部门决算 unit-year, each line apart: a budget's figures are its
    -- 年初 (initial) ones, every other report's the executed ones; never one stage for another.
    SELECT t.unit_key, t.fiscal_year,
           CASE WHEN any_value(u.report_kind) = 'budget' THEN 'initial' ELSE 'executed' END AS accounts_stage,
           max(CASE WHEN u.report_kind = 'budget' THEN t.initial_yuan ELSE t.executed_yuan END)
               FILTER (t.line_item = 'total_income') AS total_income_yuan,
           max(CASE WHEN u.report_kind = 'budget' THEN t.initial_yuan ELSE t.executed_yuan END)
               FILTER (t.line_item = 'total_spending') AS total_spending_yuan,
           max(CASE WHEN u.report_kind = 'budget' THEN t.initial_yuan ELSE t.executed_yuan END)
               FILTER (t.line_item = 'basic') AS basic_yuan,
           max(CASE WHEN u.report_kind = 'budget' THEN t.initial_yuan ELSE t.executed_yuan END)
               FILTER (t.line_item = 'project') AS project_yuan,
           max(CASE WHEN u.report_kind = 'budget' THEN t.initial_yuan ELSE t.executed_yuan END)
               FILTER (t.line_item = 'carryover') AS carryover_yuan,
           max(CASE WHEN u.report_kind = 'budget' THEN t.initial_yuan ELSE t.executed_yuan END)
               FILTER (t.line_item = 'carryover_end') AS carryover_end_yuan,
           max(CASE WHEN u.report_kind = 'budget' THEN t.initial_yuan ELSE t.executed_yuan END)
               FILTER (t.line_item = 'grand_total') AS grand_total_yuan
    FROM v_unit_line_year t
    JOIN u ON t.unit_key IS NOT DISTINCT FROM u.unit_key AND t.fiscal_year IS NOT DISTINCT FROM u.fiscal_year
    GROUP BY t.unit_key, t.fiscal_year
)
SELECT u.unit_key, u.unit_name, u.region, u.fiscal_year, u.report_kind, u.n_reports,
       t.initial_yuan, t.adjustment_yuan, t.adjusted_yuan, t.executed_yuan, t.execution_rate_pct, t.reported_rate_pct,
       u.score, u.grade_text, u.grade_rank,
       coalesce(np.n_projects, 0) AS n_projects,
       u.checks_run, u.failed_identities, u.failed_errors, u.failed_checks, u.dq_status,
       acc.accounts_stage, acc.total_income_yuan, acc.total_spending_yuan, acc.basic_yuan, acc.project_yuan,
       acc.carryover_yuan, acc.carryover_end_yuan, acc.grand_total_yuan
FROM u
LEFT JOIN v_unit_line_year t
  ON t.unit_key IS NOT DISTINCT FROM u.unit_key AND t.fiscal_year IS NOT DISTINCT FROM u.fiscal_year AND t.line_item = 'total'
LEFT JOIN np ON np.unit_key IS NOT DISTINCT FROM u.unit_key AND np.fiscal_year IS NOT DISTINCT FROM u.fiscal_year
LEFT JOIN acc ON acc.unit_key IS NOT DISTINCT FROM u.unit_key AND acc.fiscal_year IS NOT DISTINCT FROM u.fiscal_year;
COMMENT ON VIEW v_unit_year IS '单位年度汇总：按单位标准名×评价年度的预算（年初/调整/调整后）、执行数、执行率、得分、等级、项目数与数据质量。同一单位年度有部门整体报告时只计部门整体报告，其次专项资金，再次单个项目报告；金额单位为元';
COMMENT ON COLUMN v_unit_year.unit_key IS '单位标准名（别名已归一）';
COMMENT ON COLUMN v_unit_year.unit_name IS '单位名称（原文）';
COMMENT ON COLUMN v_unit_year.region IS '地区';
COMMENT ON COLUMN v_unit_year.fiscal_year IS '评价年度';
COMMENT ON COLUMN v_unit_year.report_kind IS '计入的报告类型';
COMMENT ON COLUMN v_unit_year.n_reports IS '计入的报告数';
COMMENT ON COLUMN v_unit_year.initial_yuan IS '年初预算数（元）';
COMMENT ON COLUMN v_unit_year.adjustment_yuan IS '预算调整数（元）';
COMMENT ON COLUMN v_unit_year.adjusted_yuan IS '调整后预算数（元）';
COMMENT ON COLUMN v_unit_year.executed_yuan IS '全年执行数（元）';
COMMENT ON COLUMN v_unit_year.execution_rate_pct IS '预算执行率（%，执行数/调整后预算数）';
COMMENT ON COLUMN v_unit_year.reported_rate_pct IS '报告所列执行率（%）';
COMMENT ON COLUMN v_unit_year.score IS '自评得分（多份报告时取平均）';
COMMENT ON COLUMN v_unit_year.grade_text IS '评价等级（原文；多份报告时取得分最低者）';
COMMENT ON COLUMN v_unit_year.grade_rank IS '等级序号（1最好）';
COMMENT ON COLUMN v_unit_year.n_projects IS '项目数（按编码或名称去重）';
COMMENT ON COLUMN v_unit_year.checks_run IS '已运行勾稽检查数';
COMMENT ON COLUMN v_unit_year.failed_identities IS '未通过的勾稽检查数';
COMMENT ON COLUMN v_unit_year.failed_errors IS '错误级未通过数';
COMMENT ON COLUMN v_unit_year.failed_checks IS '未通过的检查名称';
COMMENT ON COLUMN v_unit_year.dq_status IS '数据质量状态 ok/warning/error';
COMMENT ON COLUMN v_unit_year.accounts_stage IS '以下收支各项所取阶段：预算单位为年初预算数（initial），其余为执行/决算数（executed）';
COMMENT ON COLUMN v_unit_year.total_income_yuan IS '本年收入合计（元，不含上年结转）';
COMMENT ON COLUMN v_unit_year.total_spending_yuan IS '本年支出合计（元，不含年末结转和结余）';
COMMENT ON COLUMN v_unit_year.basic_yuan IS '基本支出（元）';
COMMENT ON COLUMN v_unit_year.project_yuan IS '项目支出（元）';
COMMENT ON COLUMN v_unit_year.carryover_yuan IS '上年结转和结余（元）';
COMMENT ON COLUMN v_unit_year.carryover_end_yuan IS '年末结转和结余（元）';
COMMENT ON COLUMN v_unit_year.grand_total_yuan IS '收入支出总计（元，含结转）';
