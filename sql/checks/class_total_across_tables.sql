-- The same functional class is printed with the same figure in every table of the same money:
-- the national 部门预算/决算 tables print the spending by class again and again — the 收入支出总表
-- and the 支出表 (all the department's money), the 财政拨款收入支出总表 and the 一般公共预算财政拨款
-- 支出表 (the appropriation; one and the same money when the report has no 政府性基金 or 国有资本经营
-- money). A class printed 326.71 in two of them and 326.72 in three (上海市普陀区财政局 2024 决算) is
-- printed differently for the same money. Each table's money is read from its title (the last
-- paragraph ending in 表 above it on its page): 一般公共预算 / 政府性基金 / 国有资本经营 / 财政拨款, else all the
-- department's; income tables (收入…表 without 支出), tables of a part (基本支出, 项目支出), 政府采购
-- and 三公 tables are left out. Same stage, this year's figures, twins aside; two figures agree when
-- their printed intervals overlap.
WITH t AS (
    SELECT * FROM table_titles()  -- sql/schema/26_table_titles.sql
), scoped AS (
    SELECT t.*,
           CASE WHEN contains(title, '一般公共预算') THEN 'appropriation'
                WHEN contains(title, '政府性基金') THEN 'government_fund'
                WHEN contains(title, '国有资本经营') THEN 'state_capital'
                WHEN contains(title, '财政拨款') THEN 'appropriation_all'
                ELSE 'department' END AS money
    FROM t
    WHERE title IS NOT NULL
      AND NOT (regexp_matches(title, '收入') AND NOT regexp_matches(title, '支出'))
      AND NOT regexp_matches(title, '基本支出|项目支出|政府采购|三公|机关运行|明细')
), other_funds AS (
    -- a report with 政府性基金 or 国有资本经营 money: its appropriation is more than 一般公共预算
    SELECT DISTINCT report_id FROM fact_executions
    WHERE line_item IN ('government_fund', 'state_capital') AND executed_yuan <> 0
    UNION
    SELECT DISTINCT report_id FROM fact_budgets
    WHERE line_item IN ('government_fund', 'state_capital') AND amount_yuan <> 0
), f AS (
    SELECT r.document_id, x.report_id, x.line_item, 'executed' AS stage, CAST(x.executed_yuan AS DOUBLE) AS v,
           (printed_interval(x.executed_yuan, x.decimals, x.reported_unit)).half AS half,
           x.reported_text, x.reported_unit, x.source_ref,
           TRY_CAST(regexp_extract(x.source_ref, 'table=(\d+)', 1) AS INTEGER) AS table_index
    FROM fact_executions x JOIN reports r USING (report_id)
    WHERE x.origin = 'table' AND NOT x.is_twin AND x.project_id IS NULL AND coalesce(x.period, 'current') = 'current'
      AND x.line_item LIKE 'func:%' AND x.executed_yuan IS NOT NULL
    UNION ALL
    SELECT r.document_id, x.report_id, x.line_item, x.stage, CAST(x.amount_yuan AS DOUBLE),
           (printed_interval(x.amount_yuan, x.decimals, x.reported_unit)).half,
           x.reported_text, x.reported_unit, x.source_ref,
           TRY_CAST(regexp_extract(x.source_ref, 'table=(\d+)', 1) AS INTEGER)
    FROM fact_budgets x JOIN reports r USING (report_id)
    WHERE x.origin = 'table' AND NOT x.is_twin AND x.project_id IS NULL AND coalesce(x.period, 'current') = 'current'
      AND x.line_item LIKE 'func:%' AND x.amount_yuan IS NOT NULL
), tf AS (
    SELECT f.*, s.title,
           CASE WHEN s.money = 'appropriation_all' AND f.report_id NOT IN (SELECT report_id FROM other_funds)
                THEN 'appropriation' ELSE s.money END AS money
    FROM f JOIN scoped s ON s.document_id = f.document_id AND s.table_index = f.table_index
), per_table AS (
    -- one figure per table (a code printed twice in one table is that table's own business)
    SELECT document_id, report_id, money, stage, line_item, table_index,
           arg_min(v, source_ref) AS v, arg_min(half, source_ref) AS half, arg_min(reported_text, source_ref) AS txt,
           arg_min(reported_unit, source_ref) AS unit, min(source_ref) AS ref, any_value(title) AS title
    FROM tf GROUP BY ALL
), grp AS (
    SELECT document_id, report_id, money, stage, line_item, count(*) AS n,
           max(v - half) AS lo_max, min(v + half) AS hi_min, max(v) AS v_max, min(v) AS v_min,
           string_agg(format('{} {}{} @{}', title, txt, coalesce(unit, ''), ref), '; ' ORDER BY ref) AS places,
           string_agg(ref, '; ' ORDER BY ref) AS refs
    FROM per_table GROUP BY ALL HAVING count(*) >= 2
)
SELECT g.document_id, g.report_id, NULL AS project_id, 'class_total_across_tables' AS check_name, 'error' AS severity,
       g.v_max AS expected, g.v_min AS observed, g.v_max - g.v_min AS difference, 0.0 AS tolerance,
       (g.v_max - g.v_min < 1e-6 OR g.lo_max < g.hi_min - 1e-9) AS passed,
       format('{}（{}）在 {} 张表中印出: {}', coalesce(li.label_zh, g.line_item), stage_zh(g.stage), g.n, g.places) AS detail,
       g.refs AS source_refs,
       g.line_item || ':' || g.stage || ':' || g.money AS subject_key
FROM grp g LEFT JOIN line_items li ON li.code = g.line_item
