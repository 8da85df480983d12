-- Helper view: budgets by stage and executed amounts per unit × fiscal year × line item,
-- summed over the reports counted for the unit-year (v_unit_report.counted). One figure per
-- report, line item and stage: a table figure beats the same figure in running text, and
-- rows from a second printing of a table (is_twin) never count.
CREATE OR REPLACE VIEW v_unit_line_year AS
WITH cr AS (
    SELECT * FROM v_unit_report WHERE counted
), b AS (
    SELECT report_id, line_item, stage, amount_yuan
    FROM fact_budgets
    -- a prior-period figure quoted for comparison and figures of unnamed lines are not the year's
    WHERE project_id IS NULL AND NOT coalesce(is_twin, FALSE) AND coalesce(period, 'current') = 'current'
      AND line_item NOT IN ('stated', 'listed')  -- unnamed lines: their label, not a line item
    QUALIFY row_number() OVER (PARTITION BY report_id, line_item, stage
                               ORDER BY amount_yuan IS NULL, coalesce(origin = 'table', FALSE) DESC, source_ref) = 1
), pb AS (
    -- A report that states no total of its own (a special fund evaluated through its
    -- project table): the sum of its projects' totals, one figure per project and stage.
    SELECT report_id, 'total' AS line_item, stage, sum(amount_yuan) AS amount_yuan
    FROM (SELECT report_id, project_id, stage, amount_yuan FROM fact_budgets
          WHERE project_id IS NOT NULL AND line_item = 'total' AND NOT coalesce(is_twin, FALSE)
          QUALIFY row_number() OVER (PARTITION BY project_id, stage
                                     ORDER BY amount_yuan IS NULL, coalesce(origin = 'table', FALSE) DESC, source_ref) = 1)
    GROUP BY ALL
), e AS (
    SELECT report_id, line_item, executed_yuan, reported_rate_pct
    FROM fact_executions
    WHERE project_id IS NULL AND NOT coalesce(is_twin, FALSE) AND coalesce(period, 'current') = 'current'
      AND line_item NOT IN ('stated', 'listed')  -- unnamed lines: their label, not a line item
    QUALIFY row_number() OVER (PARTITION BY report_id, line_item
                               ORDER BY executed_yuan IS NULL, coalesce(origin = 'table', FALSE) DESC, source_ref) = 1
), pe AS (
    SELECT report_id, 'total' AS line_item, sum(executed_yuan) AS executed_yuan
    FROM (SELECT report_id, project_id, executed_yuan FROM fact_executions
          WHERE project_id IS NOT NULL AND line_item = 'total' AND NOT coalesce(is_twin, FALSE)
          QUALIFY row_number() OVER (PARTITION BY project_id
                                     ORDER BY executed_yuan IS NULL, coalesce(origin = 'table', FALSE) DESC, source_ref) = 1)
    GROUP BY ALL
), keys AS (
    SELECT report_id, line_item FROM b UNION SELECT report_id, line_item FROM pb
    UNION SELECT report_id, line_item FROM e UNION SELECT report_id, line_item FROM pe
), per_report AS (
    SELECT k.report_id, k.line_item,
           coalesce(max(b.amount_yuan) FILTER (b.stage = 'initial'), max(pb.amount_yuan) FILTER (pb.stage = 'initial')) AS initial_yuan,
           coalesce(max(b.amount_yuan) FILTER (b.stage = 'adjustment'), max(pb.amount_yuan) FILTER (pb.stage = 'adjustment')) AS adjustment_yuan,
           coalesce(max(b.amount_yuan) FILTER (b.stage = 'adjusted'), max(pb.amount_yuan) FILTER (pb.stage = 'adjusted')) AS adjusted_yuan,
           coalesce(max(e.executed_yuan), max(pe.executed_yuan)) AS executed_yuan,
           max(e.reported_rate_pct) AS reported_rate_pct
    FROM keys k
    LEFT JOIN b ON b.report_id = k.report_id AND b.line_item = k.line_item
    LEFT JOIN pb ON pb.report_id = k.report_id AND pb.line_item = k.line_item
    LEFT JOIN e ON e.report_id = k.report_id AND e.line_item = k.line_item
    LEFT JOIN pe ON pe.report_id = k.report_id AND pe.line_item = k.line_item
    GROUP BY k.report_id, k.line_item
)
SELECT cr.unit_key, cr.fiscal_year, p.line_item, any_value(li.label_zh) AS line_item_label,
       any_value(li.dimension) AS dimension,
       CAST(sum(p.initial_yuan) AS DECIMAL(18,2)) AS initial_yuan,
       CAST(sum(p.adjustment_yuan) AS DECIMAL(18,2)) AS adjustment_yuan,
       CAST(sum(p.adjusted_yuan) AS DECIMAL(18,2)) AS adjusted_yuan,
       CAST(sum(p.executed_yuan) AS DECIMAL(18,2)) AS executed_yuan,
       round(100 * CAST(sum(p.executed_yuan) AS DOUBLE) / nullif(CAST(sum(p.adjusted_yuan) AS DOUBLE), 0), 2) AS execution_rate_pct,
       CASE WHEN count(*) = 1 THEN CAST(max(p.reported_rate_pct) AS DOUBLE) END AS reported_rate_pct,
       count(DISTINCT p.report_id) AS n_reports,
       CAST(sum(cr.checks_failed) AS BIGINT) AS failed_identities,
       CASE WHEN bool_or(cr.dq_status = 'error') THEN 'error' WHEN bool_or(cr.dq_status = 'warning') THEN 'warning'
            ELSE 'ok' END AS dq_status
FROM per_report p JOIN cr USING (report_id)
LEFT JOIN line_items li ON li.code = p.line_item
GROUP BY cr.unit_key, cr.fiscal_year, p.line_item;
COMMENT ON VIEW v_unit_line_year IS '单位年度分科目预算与执行：按资金来源、支出类别、功能分类科目（表格优先，不重复计数）';
COMMENT ON COLUMN v_unit_line_year.unit_key IS '单位标准名';
COMMENT ON COLUMN v_unit_line_year.fiscal_year IS '评价年度';
COMMENT ON COLUMN v_unit_line_year.line_item IS '科目代码';
COMMENT ON COLUMN v_unit_line_year.line_item_label IS '科目名称';
COMMENT ON COLUMN v_unit_line_year.dimension IS '科目维度（资金来源/支出类别/功能分类）';
COMMENT ON COLUMN v_unit_line_year.initial_yuan IS '年初预算数（元）';
COMMENT ON COLUMN v_unit_line_year.adjustment_yuan IS '预算调整数（元）';
COMMENT ON COLUMN v_unit_line_year.adjusted_yuan IS '调整后预算数（元）';
COMMENT ON COLUMN v_unit_line_year.executed_yuan IS '全年执行数（元）';
COMMENT ON COLUMN v_unit_line_year.execution_rate_pct IS '预算执行率（%，按金额计算）';
COMMENT ON COLUMN v_unit_line_year.reported_rate_pct IS '报告所列执行率（%，仅一份报告时）';
COMMENT ON COLUMN v_unit_line_year.n_reports IS '计入的报告数';
COMMENT ON COLUMN v_unit_line_year.failed_identities IS '计入报告未通过的勾稽检查数';
COMMENT ON COLUMN v_unit_line_year.dq_status IS '数据质量状态 ok/warning/error';
