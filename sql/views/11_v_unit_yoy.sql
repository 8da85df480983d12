CREATE OR REPLACE VIEW v_unit_yoy AS
WITH m AS (
    SELECT unit_key, fiscal_year, line_item, line_item_label, measure, value, dq_status
    FROM (SELECT unit_key, fiscal_year, line_item, line_item_label, dq_status,
                 CAST(initial_yuan AS DOUBLE) AS initial_yuan, CAST(adjustment_yuan AS DOUBLE) AS adjustment_yuan,
                 CAST(adjusted_yuan AS DOUBLE) AS adjusted_yuan, CAST(executed_yuan AS DOUBLE) AS executed_yuan,
                 CAST(execution_rate_pct AS DOUBLE) AS execution_rate_pct
          FROM v_unit_line_year)
    UNPIVOT INCLUDE NULLS (value FOR measure IN (initial_yuan, adjustment_yuan, adjusted_yuan, executed_yuan, execution_rate_pct))
    UNION ALL
    SELECT unit_key, fiscal_year, 'total', '年度资金总额', 'score', CAST(score AS DOUBLE), dq_status FROM v_unit_year
)
SELECT c.unit_key, c.fiscal_year, p.fiscal_year AS previous_year, c.line_item, c.line_item_label, c.measure,
       c.value, p.value AS previous_value,
       round(c.value - p.value, 2) AS change_abs,
       round(100 * (c.value - p.value) / nullif(abs(p.value), 0), 2) AS change_pct,
       c.dq_status, p.dq_status AS previous_dq_status,
       c.dq_status = 'ok' AND p.dq_status = 'ok' AS both_ok
FROM m c JOIN m p
  ON p.unit_key = c.unit_key AND p.line_item = c.line_item AND p.measure = c.measure AND p.fiscal_year = c.fiscal_year - 1
WHERE c.value IS NOT NULL OR p.value IS NOT NULL;
COMMENT ON VIEW v_unit_yoy IS '单位同比变化：按单位、科目与度量（年初/调整/调整后预算、执行数、执行率、得分）与上一年比较的增减额和增减率';
COMMENT ON COLUMN v_unit_yoy.unit_key IS '单位标准名';
COMMENT ON COLUMN v_unit_yoy.fiscal_year IS '评价年度';
COMMENT ON COLUMN v_unit_yoy.previous_year IS '上一年度';
COMMENT ON COLUMN v_unit_yoy.line_item IS '科目代码（得分与总额为 total）';
COMMENT ON COLUMN v_unit_yoy.line_item_label IS '科目名称';
COMMENT ON COLUMN v_unit_yoy.measure IS '度量：initial_yuan 年初预算数（元）、adjustment_yuan 调整数（元）、adjusted_yuan 调整后预算数（元）、executed_yuan 执行数（元）、execution_rate_pct 执行率（%）、score 得分';
COMMENT ON COLUMN v_unit_yoy.value IS '本年值';
COMMENT ON COLUMN v_unit_yoy.previous_value IS '上年值';
COMMENT ON COLUMN v_unit_yoy.change_abs IS '增减额（本年值−上年值）';
COMMENT ON COLUMN v_unit_yoy.change_pct IS '增减率（%）';
COMMENT ON COLUMN v_unit_yoy.dq_status IS '本年数据质量状态';
COMMENT ON COLUMN v_unit_yoy.previous_dq_status IS '上年数据质量状态';
COMMENT ON COLUMN v_unit_yoy.both_ok IS '两年勾稽检查均通过';
