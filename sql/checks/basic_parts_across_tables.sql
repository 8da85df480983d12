-- 基本支出 = 人员经费 + 公用经费 across two tables of the same money: the 基本支出 column of the
-- 一般公共预算财政拨款支出表 (its 合计 row) is what the 一般公共预算财政拨款基本支出表 closes with
-- 人员经费合计 + 公用经费合计 (中共上海市普陀区委社会工作部 2024 决算: 基本支出 105.58 on p.12 against
-- 95.36 + 10.23 = 105.59 on p.13). The money is read from each table's title (the last paragraph ending
-- in 表 above it on its page, as class_total_across_tables reads it): both of 一般公共预算, one a table
-- of a part (基本支出), the other not (项目支出 neither). The 支出表 of all the department's money
-- (支出决算表) prints the same 基本支出 when its 合计 equals the 一般公共预算 table's: the other money then
-- spends nothing, so none of its 基本支出 either. Each side is what the table itself says it is: the
-- 基本支出 column is the one the table's own class rows are split in (fact_line_splits part basic), its
-- figure the 合计 row's (table_sums, the row whose total column prints the table's total too); the
-- 人员经费合计 and 公用经费合计 are the closing row of the 基本支出表 (classification._part_totals), one
-- each. One 基本支出表 and one 一般公共预算 支出表 per report and stage, else nothing is compared (a
-- document printing several units' tables pairs no figures). Same stage, this year's figures.
WITH t AS (
    SELECT * FROM table_titles()  -- sql/schema/26_table_titles.sql
), titled AS (
    SELECT * FROM t WHERE title IS NOT NULL
), closing AS (
    -- the 基本支出表's closing 人员经费合计 / 公用经费合计 (a labelled row outside the coded rows)
    SELECT r.document_id, x.report_id, x.line_item, 'executed' AS stage, x.executed_yuan AS v, x.reported_text AS txt,
           x.reported_unit AS unit, x.decimals, x.source_ref,
           TRY_CAST(regexp_extract(x.source_ref, 'table=(\d+)', 1) AS INTEGER) AS table_index
    FROM fact_executions x JOIN reports r USING (report_id)
    WHERE x.origin = 'table' AND x.table_kind = 'classification' AND NOT x.is_twin AND x.project_id IS NULL
      AND coalesce(x.period, 'current') = 'current' AND x.line_item IN ('personnel', 'public_operating')
      AND x.executed_yuan IS NOT NULL
    UNION ALL
    SELECT r.document_id, x.report_id, x.line_item, x.stage, x.amount_yuan, x.reported_text, x.reported_unit,
           x.decimals, x.source_ref, TRY_CAST(regexp_extract(x.source_ref, 'table=(\d+)', 1) AS INTEGER)
    FROM fact_budgets x JOIN reports r USING (report_id)
    WHERE x.origin = 'table' AND x.table_kind = 'classification' AND NOT x.is_twin AND x.project_id IS NULL
      AND coalesce(x.period, 'current') = 'current' AND x.line_item IN ('personnel', 'public_operating')
      AND x.amount_yuan IS NOT NULL
), parts AS (
    SELECT c.document_id, c.report_id, c.stage, c.table_index, any_value(tt.title) AS title,
           max(CASE WHEN line_item = 'personnel' THEN CAST(v AS DOUBLE) END) AS personnel,
           max(CASE WHEN line_item = 'public_operating' THEN CAST(v AS DOUBLE) END) AS public_operating,
           max(CASE WHEN line_item = 'personnel' THEN txt END) AS personnel_txt,
           max(CASE WHEN line_item = 'public_operating' THEN txt END) AS public_txt,
           max(CASE WHEN line_item = 'personnel' THEN source_ref END) AS personnel_ref,
           max(CASE WHEN line_item = 'public_operating' THEN source_ref END) AS public_ref,
           sum((printed_interval(v, decimals, unit)).half) AS half,
           min((printed_interval(v, decimals, unit)).half) AS min_half,
           any_value(unit) AS unit
    FROM closing c JOIN titled tt ON tt.document_id = c.document_id AND tt.table_index = c.table_index
    WHERE regexp_matches(tt.title, '基本支出') AND regexp_matches(tt.title, '一般公共预算')
    GROUP BY c.document_id, c.report_id, c.stage, c.table_index
    HAVING count(*) FILTER (WHERE line_item = 'personnel') = 1 AND count(*) FILTER (WHERE line_item = 'public_operating') = 1
       AND count(DISTINCT coalesce(unit, '')) = 1
), basic_tables AS (
    SELECT p.* FROM parts p
    WHERE (SELECT count(*) FROM parts q WHERE q.report_id = p.report_id AND q.stage = p.stage) = 1
), split_cols AS (
    -- a spending table's 基本支出 column, as its class rows are read (one part, one total column, one stage)
    SELECT r.document_id, s.report_id, TRY_CAST(regexp_extract(s.source_ref, 'table=(\d+)', 1) AS INTEGER) AS table_index,
           TRY_CAST(regexp_extract(s.source_ref, ';col=(\d+)', 1) AS INTEGER) AS pcol,
           any_value(TRY_CAST(regexp_extract(s.total_source_ref, ';col=(\d+)', 1) AS INTEGER)) AS tcol,
           any_value(s.stage) AS stage, any_value(s.reported_unit) AS unit
    FROM fact_line_splits s JOIN reports r USING (report_id)
    WHERE s.table_kind = 'classification' AND NOT s.is_twin AND coalesce(s.period, 'current') = 'current'
      AND regexp_matches(s.source_ref, 'table=\d+;row=\d+;col=\d+') AND regexp_matches(s.total_source_ref, 'table=\d+;row=\d+;col=\d+')
    GROUP BY ALL
    HAVING count(DISTINCT s.part) = 1 AND any_value(s.part) = 'basic'
       AND count(DISTINCT regexp_extract(s.total_source_ref, ';col=(\d+)', 1)) = 1
       AND count(DISTINCT s.stage) = 1 AND count(DISTINCT coalesce(s.reported_unit, '')) = 1
), spending AS (
    -- its 合计 row: the 基本支出 cell and the total cell of the same row
    SELECT sc.*, tt.title, b.total_value * unit_factor(sc.unit) AS basic_v,
           (printed_interval(b.total_value * unit_factor(sc.unit), b.total_decimals, sc.unit)).half AS basic_half,
           b.total_text AS basic_txt, tot.total_value * unit_factor(sc.unit) AS total_v, b.page,
           concat_ws(';', 'page=' || b.page, 'table=' || sc.table_index, 'row=' || b.total_row, 'col=' || sc.pcol) AS basic_ref,
           CASE WHEN regexp_matches(tt.title, '一般公共预算') THEN 'appropriation' ELSE 'department' END AS money
    FROM split_cols sc
    JOIN titled tt ON tt.document_id = sc.document_id AND tt.table_index = sc.table_index
    JOIN table_sums b ON b.document_id = sc.document_id AND b.table_index = sc.table_index AND b.col_index = sc.pcol
    JOIN table_sums tot ON tot.document_id = sc.document_id AND tot.table_index = sc.table_index
                       AND tot.col_index = sc.tcol AND tot.total_row = b.total_row
    WHERE regexp_matches(tt.title, '支出') AND NOT regexp_matches(tt.title, '基本支出|项目支出|收入|政府性基金|国有资本经营|三公|政府采购|机关运行|明细')
      AND (regexp_matches(tt.title, '一般公共预算') OR NOT regexp_matches(tt.title, '财政拨款'))
      -- a 合计 printed at the top and again at the foot (or on each page): its first
      AND NOT EXISTS (SELECT 1 FROM table_sums e WHERE e.document_id = sc.document_id AND e.table_index = sc.table_index
                        AND e.col_index = sc.pcol AND e.total_row < b.total_row)
), appropriation AS (
    SELECT s.* FROM spending s
    WHERE s.money = 'appropriation'
      AND (SELECT count(*) FROM spending q WHERE q.report_id = s.report_id AND q.stage = s.stage
             AND q.money = 'appropriation') = 1
), compared AS (
    SELECT a.* FROM appropriation a
    UNION ALL
    -- all the department's money, when it is all the appropriation's (the same 合计 as printed)
    SELECT s.* FROM spending s JOIN appropriation a ON a.report_id = s.report_id AND a.stage = s.stage
    WHERE s.money = 'department' AND abs(s.total_v - a.total_v) < 1e-6
), judged AS (
    SELECT c.document_id, c.report_id, c.stage, coalesce(c.unit, '') = coalesce(p.unit, '') AS same_unit, c.title AS basic_title, c.basic_v, c.basic_half, c.basic_txt, c.basic_ref,
           p.title AS parts_title, p.personnel + p.public_operating AS parts_v, p.half AS parts_half, p.min_half,
           p.personnel_txt, p.public_txt, p.personnel_ref, p.public_ref, p.unit
    FROM compared c JOIN basic_tables p ON p.report_id = c.report_id AND p.stage = c.stage
)
SELECT document_id, report_id, NULL AS project_id, 'basic_parts_across_tables' AS check_name, 'error' AS severity,
       basic_v AS expected, parts_v AS observed, basic_v - parts_v AS difference, basic_half + parts_half AS tolerance,
       abs(basic_v - parts_v) < 1e-6 OR abs(basic_v - parts_v) < basic_half + parts_half - 1e-9 AS passed,
       format('基本支出（{}）: {} 印 {}{} @{}; {} 人员经费合计 {} + 公用经费合计 {} = {}{} (@{}; @{})',
              stage_zh(stage), basic_title, basic_txt, coalesce(unit, ''), basic_ref, parts_title, personnel_txt,
              public_txt, round(parts_v / unit_factor(unit), 4), coalesce(unit, '元'), personnel_ref, public_ref) AS detail,
       basic_ref || '; ' || personnel_ref || '; ' || public_ref AS source_refs,
       'basic:' || stage AS subject_key,
       -- three figures printed in one unit: the finest printed among them (judged as printed only so)
       CASE WHEN same_unit THEN printed_sum_agrees(basic_v, parts_v, list_half(basic_half, min_half, NULL)) END AS printed_ok,
       list_half(basic_half, min_half, NULL) AS printed_tol
FROM judged
