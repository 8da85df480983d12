-- The 项 paragraphs of a 部门决算's 一般公共预算财政拨款支出决算具体情况 add up to the budget the section
-- states: 一般公共预算财政拨款支出年初预算为 2,993.92万元，支出决算为 2,940.05万元 … 其中：1、一般公共服务支出（类）
-- 财政事务（款）行政运行（项）。…年初预算为 1,560.05万元，支出决算为 1,511.89万元 … (上海市普陀区财政局 2024
-- 决算 p.21-22: the eleven 年初预算 add up to 2,993.93). Nothing in the text says the list is complete
-- (many units describe their main 项 only); the 决算 table proves it: the 支出决算 of the paragraphs, one
-- each, are the figures of the 项 rows (7-digit codes) of the 一般公共预算财政拨款支出决算表 — as many, the
-- same figures as printed — so every 项 the table prints is described. The stated budget (年初预算, or
-- 全年/调整后预算, each stage on its own) is compared with the paragraphs' budgets of that stage, every
-- paragraph stating one. A 项 budgeted and not spent may be printed in neither (the 决算 table has no
-- row for it), so a sum off beyond rounding is incomplete, never an error; within rounding the figures
-- judged as printed are a tail (printed_balance). The stated budget: one figure per stage in the
-- document's statements of 一般公共预算财政拨款 (line item general_public_budget); the paragraphs after it.
WITH t AS (
    SELECT * FROM table_titles()  -- sql/schema/26_table_titles.sql
), whole AS (
    SELECT r.document_id, any_value(x.report_id) AS report_id, x.stage, any_value(CAST(x.amount_yuan AS DOUBLE)) AS v,
           any_value((printed_interval(x.amount_yuan, x.decimals, x.reported_unit)).half) AS half,
           any_value(x.reported_text) AS txt, any_value(x.reported_unit) AS unit, any_value(x.source_ref) AS ref,
           min(CAST(regexp_extract(x.source_ref, 'para=(\d+)', 1) AS INTEGER)) AS para
    FROM fact_budgets x JOIN reports r USING (report_id)
    WHERE x.origin = 'statement' AND x.line_item = 'general_public_budget' AND x.stage IN ('initial', 'adjusted')
      AND NOT x.is_twin AND x.project_id IS NULL AND coalesce(x.period, 'current') = 'current' AND x.amount_yuan IS NOT NULL
    GROUP BY r.document_id, x.stage HAVING count(DISTINCT x.amount_yuan) = 1
), start AS (
    SELECT document_id, min(para) AS para FROM whole GROUP BY ALL
), item_facts AS (
    -- figures of a paragraph naming its 项 (…（类）…（款）…（项）), after the stated budget
    SELECT r.document_id, x.stage, CAST(x.amount_yuan AS DOUBLE) AS v, x.decimals, x.reported_unit AS unit,
           (printed_interval(x.amount_yuan, x.decimals, x.reported_unit)).half AS half,
           CAST(regexp_extract(x.source_ref, 'para=(\d+)', 1) AS INTEGER) AS para
    FROM fact_budgets x JOIN reports r USING (report_id)
    WHERE x.origin = 'statement' AND x.line_item = 'stated' AND regexp_matches(x.label_text, '[(（]项[)）]$')
      AND NOT x.is_twin AND x.project_id IS NULL AND coalesce(x.period, 'current') = 'current' AND x.amount_yuan IS NOT NULL
    UNION ALL
    SELECT r.document_id, 'executed', CAST(x.executed_yuan AS DOUBLE), x.decimals, x.reported_unit,
           (printed_interval(x.executed_yuan, x.decimals, x.reported_unit)).half,
           CAST(regexp_extract(x.source_ref, 'para=(\d+)', 1) AS INTEGER)
    FROM fact_executions x JOIN reports r USING (report_id)
    WHERE x.origin = 'statement' AND x.line_item = 'stated' AND regexp_matches(x.label_text, '[(（]项[)）]$')
      AND NOT x.is_twin AND x.project_id IS NULL AND coalesce(x.period, 'current') = 'current' AND x.executed_yuan IS NOT NULL
), items AS (
    SELECT i.* FROM item_facts i JOIN start s ON s.document_id = i.document_id AND i.para > s.para
), spent AS (
    SELECT document_id, list_sort(list(v)) AS vs, list_sort(list(para)) AS paras, count(*) AS n
    FROM items WHERE stage = 'executed' GROUP BY ALL HAVING count(DISTINCT para) = count(*)
), table_items AS (
    -- the 项 rows of the 一般公共预算财政拨款支出决算表 (its title on its page), one table per document
    SELECT r.document_id, list_sort(list(CAST(x.executed_yuan AS DOUBLE))) AS vs, count(DISTINCT x.source_ref) AS n,
           count(DISTINCT TRY_CAST(regexp_extract(x.source_ref, 'table=(\d+)', 1) AS INTEGER)) AS n_tables,
           regexp_extract(min(x.source_ref), '^(page=\d+;)?table=\d+', 0) AS ref
    FROM fact_executions x JOIN reports r USING (report_id)
    JOIN t ON t.document_id = r.document_id AND t.table_index = TRY_CAST(regexp_extract(x.source_ref, 'table=(\d+)', 1) AS INTEGER)
    WHERE x.origin = 'table' AND NOT x.is_twin AND x.project_id IS NULL AND coalesce(x.period, 'current') = 'current'
      AND regexp_matches(x.line_item, '^func:\d{7}$') AND x.executed_yuan IS NOT NULL
      AND regexp_matches(t.title, '一般公共预算') AND regexp_matches(t.title, '支出')
      AND NOT regexp_matches(t.title, '基本支出|项目支出|收入|政府性基金|国有资本经营|三公|政府采购|机关运行')
    GROUP BY r.document_id
), proven AS (
    SELECT s.document_id, s.paras, s.n, ti.ref AS table_ref FROM spent s JOIN table_items ti USING (document_id)
    WHERE ti.n_tables = 1 AND ti.n = s.n AND ti.vs = s.vs AND s.n >= 2
), sums AS (
    -- each paragraph states one budget of the stage
    SELECT i.document_id, i.stage, sum(i.v) AS s, sum(i.half) AS halves, min(i.half) AS min_half, count(*) AS n,
           any_value(p.table_ref) AS table_ref, count(DISTINCT coalesce(i.unit, '')) AS units, any_value(i.unit) AS unit
    FROM items i JOIN proven p USING (document_id)
    WHERE i.stage <> 'executed'
    GROUP BY i.document_id, i.stage
    HAVING list_sort(list(i.para)) = any_value(p.paras)
), judged AS (
    SELECT w.*, s.s, s.halves, s.min_half, s.n, s.table_ref, s.units, s.unit AS parts_unit
    FROM whole w JOIN sums s USING (document_id, stage)
)
SELECT document_id, report_id, NULL AS project_id, 'item_paragraphs_sum' AS check_name, 'error' AS severity,
       v AS expected, s AS observed, v - s AS difference, half + halves AS tolerance,
       abs(v - s) < 1e-6 OR abs(v - s) < half + halves - 1e-9 AS passed,
       NOT (abs(v - s) < 1e-6 OR abs(v - s) < half + halves - 1e-9) AS incomplete,
       format('一般公共预算财政拨款支出（{}）所述 {}{} @{}, 其下 {} 个项段落（与决算表的项行一一对应 @{}）之和 {}{}, 差 {}{}',
              stage_zh(stage), txt, coalesce(unit, ''), ref, n, table_ref, round(s / unit_factor(unit), 4), coalesce(unit, '元'),
              round((v - s) / unit_factor(unit), 4), coalesce(unit, '元')) AS detail,
       ref AS source_refs, 'general_public_budget:' || stage AS subject_key,
       CASE WHEN units = 1 AND coalesce(unit, '') = coalesce(parts_unit, '')
            THEN printed_sum_agrees(v, s, list_half(half, min_half, NULL)) END AS printed_ok,
       list_half(half, min_half, NULL) AS printed_tol
FROM judged
