CREATE OR REPLACE VIEW v_unit_yoy AS
WITH m AS (
    SELECT unit_key, fiscal_year, 'adjusted_yuan' AS measure, CAST(adjusted_yuan AS DOUBLE) AS value, dq_status FROM v_unit_year
    UNION ALL SELECT unit_key, fiscal_year, 'initial_yuan', CAST(initial_yuan AS DOUBLE), dq_status FROM v_unit_year
    UNION ALL SELECT unit_key, fiscal_year, 'executed_yuan', CAST(executed_yuan AS DOUBLE), dq_status FROM v_unit_year
    UNION ALL SELECT unit_key, fiscal_year, 'execution_rate_pct', CAST(execution_rate_pct AS DOUBLE), dq_status FROM v_unit_year
    UNION ALL SELECT unit_key, fiscal_year, 'score', CAST(score AS DOUBLE), dq_status FROM v_unit_year
)
SELECT c.unit_key, c.fiscal_year, c.measure AS line_item, c.value, p.value AS previous_value,
       c.value - p.value AS change_abs,
       round(100 * (c.value - p.value) / nullif(abs(p.value), 0), 2) AS change_pct,
       c.dq_status, p.dq_status AS previous_dq_status
FROM m c JOIN m p ON p.unit_key = c.unit_key AND p.measure = c.measure AND p.fiscal_year = c.fiscal_year - 1;
COMMENT ON VIEW v_unit_yoy IS '单位同比变化：按指标（预算、执行、执行率、得分）';
COMMENT ON COLUMN v_unit_yoy.unit_key IS '单位标准名';
COMMENT ON COLUMN v_unit_yoy.fiscal_year IS '评价年度';
COMMENT ON COLUMN v_unit_yoy.line_item IS '指标';
COMMENT ON COLUMN v_unit_yoy.value IS '本年值';
COMMENT ON COLUMN v_unit_yoy.previous_value IS '上年值';
COMMENT ON COLUMN v_unit_yoy.change_abs IS '增减额';
COMMENT ON COLUMN v_unit_yoy.change_pct IS '增减率（%）';
COMMENT ON COLUMN v_unit_yoy.dq_status IS '本年数据质量状态';
COMMENT ON COLUMN v_unit_yoy.previous_dq_status IS '上年数据质量状态';
