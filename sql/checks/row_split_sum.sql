-- Along a row of a classification table, the parts printed in columns of their own add up to
-- the row's total (合计 = 基本支出 + 项目支出; 合计 = 人员经费 + 公用经费), when the table's named
-- columns are one complete partition (line_item_partitions, complete) and the row prints no
-- figure in a column no part names; a blank part prints 0.
WITH s AS (
    SELECT f.*, r.document_id,
           (printed_interval(f.amount_yuan, f.decimals, f.reported_unit)).half AS half,
           (printed_interval(f.total_yuan, f.total_decimals, f.reported_unit)).half AS total_half
    FROM fact_line_splits f JOIN reports r USING (report_id)
    WHERE NOT f.is_twin AND f.amount_yuan IS NOT NULL AND f.total_yuan IS NOT NULL
), g AS (
    SELECT document_id, report_id, total_source_ref, any_value(line_item) AS line_item,
           any_value(label_text) AS label_text, any_value(table_parts) AS table_parts,
           CAST(any_value(total_yuan) AS DOUBLE) AS expected, any_value(total_text) AS total_text,
           any_value(total_half) AS total_half, any_value(reported_unit) AS unit,
           sum(CAST(amount_yuan AS DOUBLE)) AS observed, sum(half) AS parts_half,
           string_agg(part || '=' || reported_text || ' @' || source_ref, '; ' ORDER BY source_ref) AS parts
    FROM s GROUP BY document_id, report_id, total_source_ref
), complete AS (
    SELECT DISTINCT list_sort(list(part)) AS ps FROM line_item_partitions WHERE complete GROUP BY whole, partition_id
)
SELECT g.document_id, g.report_id, NULL AS project_id, 'row_split_sum' AS check_name, 'error' AS severity,
       g.expected, g.observed, g.expected - g.observed AS difference, g.total_half + g.parts_half AS tolerance,
       abs(g.expected - g.observed) < 1e-6 OR abs(g.expected - g.observed) < g.total_half + g.parts_half - 1e-9 AS passed,
       format('{} ({}) 行合计印 {}{} @{}, 各列之和 {}{} ({}), 差 {}{}',
              coalesce(g.label_text, g.line_item), g.line_item, g.total_text, coalesce(g.unit, ''), g.total_source_ref,
              round(g.observed / unit_factor(g.unit), 4), coalesce(g.unit, '元'), g.parts,
              round((g.expected - g.observed) / unit_factor(g.unit), 4), coalesce(g.unit, '元')) AS detail,
       g.total_source_ref || '; ' || g.parts AS source_refs
FROM g
WHERE list_sort(string_split(g.table_parts, ' ')) IN (SELECT ps FROM complete)
