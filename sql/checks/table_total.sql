-- A printed 合计/小计 row equals the sum of the rows above it, per column (rounding intervals of
-- every printed figure). Where it holds only within rounding, the same sum as printed is a
-- printed_balance row (a tail left unbalanced, 尾差未调平).
-- A two-sided 收支总表 (收入 | 支出; 财政拨款收入支出决算总表 too) prints its functional classes (类) down
-- the spending side and 本年支出合计 below them: that total is the sum of the class rows of its column
-- (普陀区规划和自然资源局 2024 决算 p.12: 754.75 + 236.63 + 3,832.36 + 4,461.67 + 461.08 = 9,746.49 against
-- 9,746.50). Only where every figure of that column above the total is a class the reader placed (a
-- figure it did not place means a line it did not understand), and the column has no table_sums row of
-- its own. Beyond rounding the sum is incomplete, never an error: a table continued from an earlier
-- page may hold the first classes apart.
WITH cls AS (
    SELECT r.document_id, f.report_id, f.reported_text, f.decimals,
           CAST(regexp_extract(f.source_ref, 'table=(\d+)', 1) AS INTEGER) AS t,
           CAST(regexp_extract(f.source_ref, ';row=(\d+)', 1) AS INTEGER) AS rw,
           CAST(regexp_extract(f.source_ref, ';col=(\d+)', 1) AS INTEGER) AS c
    FROM (SELECT report_id, line_item, source_ref, reported_text, decimals, is_twin FROM fact_executions
          UNION ALL BY NAME
          SELECT report_id, line_item, source_ref, reported_text, decimals, is_twin FROM fact_budgets) f
    JOIN reports r USING (report_id)
    WHERE regexp_matches(f.line_item, '^func:\d{3}$') AND NOT coalesce(f.is_twin, FALSE)
      AND regexp_matches(f.source_ref, 'table=\d+;row=\d+;col=\d+')
), cc AS (
    SELECT document_id, t, c, any_value(report_id) AS report_id, count(*) AS n, min(rw) AS first_row, max(rw) AS last_row,
           round(sum(TRY_CAST(replace(reported_text, ',', '') AS DOUBLE)), 6) AS parts_sum,
           sum((printed_interval(1, decimals, NULL)).half) AS parts_halfwidth, max(decimals) AS parts_decimals,
           list(rw) AS rows
    FROM cls GROUP BY document_id, t, c HAVING count(DISTINCT report_id) = 1 AND count(DISTINCT rw) = count(*)
), tot AS (
    -- the 本年支出合计 row below the classes, its figure in the classes' column
    SELECT cc.*, l.row_index AS total_row, v.text AS total_text, v.page,
           TRY_CAST(replace(v.text, ',', '') AS DOUBLE) AS total_value,
           length(regexp_extract(v.text, '\.(\d+)$', 1)) AS total_decimals
    FROM cc JOIN cells l ON l.document_id = cc.document_id AND l.table_index = cc.t AND l.col_index < cc.c
                        AND l.row_index > cc.last_row
                        AND regexp_matches(regexp_replace(l.text, '\s', '', 'g'), '^(本年)?支出合计$')
    JOIN cells v ON v.document_id = cc.document_id AND v.table_index = cc.t AND v.row_index = l.row_index
                AND v.col_index = cc.c AND NOT v.merged_copy
    WHERE TRY_CAST(replace(v.text, ',', '') AS DOUBLE) IS NOT NULL
), whole AS (
    -- every figure of the column above the total is one of its classes
    SELECT tot.* FROM tot
    WHERE NOT EXISTS (SELECT 1 FROM cells x WHERE x.document_id = tot.document_id AND x.table_index = tot.t
                        AND x.col_index = tot.c AND x.row_index < tot.total_row AND NOT x.merged_copy
                        AND TRY_CAST(replace(x.text, ',', '') AS DOUBLE) IS NOT NULL
                        AND NOT list_contains(tot.rows, x.row_index))
      AND NOT EXISTS (SELECT 1 FROM table_sums ts WHERE ts.document_id = tot.document_id AND ts.table_index = tot.t
                        AND ts.col_index = tot.c)
      AND (SELECT count(*) FROM tot t2 WHERE t2.document_id = tot.document_id AND t2.t = tot.t AND t2.c = tot.c) = 1
), two_sided AS (
    SELECT document_id, report_id, t AS table_index, total_row, c AS col_index, '本年支出合计' AS column_label,
           total_text, total_value, CAST(nullif(total_decimals, 0) AS INTEGER) AS total_decimals, parts_sum,
           parts_halfwidth, CAST(n AS INTEGER) AS parts_count, CAST(parts_decimals AS INTEGER) AS parts_decimals,
           first_row, last_row, page, CAST(NULL AS VARCHAR) AS source_ref,
           CASE WHEN NOT (abs(total_value - parts_sum) < 1e-6
                          OR abs(total_value - parts_sum) < (printed_interval(total_value, nullif(total_decimals, 0), NULL)).half + parts_halfwidth - 1e-9)
                THEN '(类行之外或续表中的行未读入)' END AS unread_cells
    FROM whole
), s AS (
    -- A column is printed to one precision: a total printed with fewer decimals than its rows
    -- (117154424.7 above rows of two decimals) lost its trailing zeros to the rendering, so the
    -- finest printed in the column is its precision as printed.
    SELECT *, (printed_interval(total_value, total_decimals, NULL)).half + parts_halfwidth AS tol,
           (printed_interval(total_value, greatest(coalesce(total_decimals, 0), coalesce(parts_decimals, 0)), NULL)).half AS column_half
    FROM (SELECT document_id, report_id, table_index, total_row, col_index, column_label, total_text, total_value,
                 total_decimals, parts_sum, parts_halfwidth, parts_count, parts_decimals, first_row, last_row, page,
                 source_ref, unread_cells FROM table_sums
          UNION ALL BY NAME SELECT * FROM two_sided)
), checked AS (
    SELECT s.document_id, s.report_id, NULL AS project_id, 'table_total' AS check_name, 'error' AS severity,
           s.total_value AS expected, s.parts_sum AS observed, s.total_value - s.parts_sum AS difference,
           s.tol AS tolerance,
           (abs(s.total_value - s.parts_sum) < 1e-6 OR abs(s.total_value - s.parts_sum) < s.tol - 1e-9) AS passed,
           -- a total whose span holds cells the reader could not read as amounts is not understood
           -- completely: when it does not hold, incomplete (never an error), with those cells
           NOT (abs(s.total_value - s.parts_sum) < 1e-6 OR abs(s.total_value - s.parts_sum) < s.tol - 1e-9)
               AND s.unread_cells IS NOT NULL AS incomplete,
           -- a table of a text rendering (table_index 0) is named by where its total is printed
           format('表{}「{}」列合计行印 {}, {} 行之和为 {} (行 {}–{}), 差 {}',
                  CASE WHEN s.table_index = 0 THEN '(' || s.source_ref || ')' ELSE CAST(s.table_index AS VARCHAR) END, coalesce(s.column_label, '?'), s.total_text, s.parts_count, round(s.parts_sum, 2),
                  s.first_row, s.last_row, round(s.total_value - s.parts_sum, 2))
           || CASE WHEN s.unread_cells IS NOT NULL THEN '; 未完整核对：未读出的单元格 ' || s.unread_cells ELSE '' END AS detail,
           CASE WHEN s.table_index = 0 THEN s.source_ref ELSE concat_ws(';', CASE WHEN s.page IS NOT NULL THEN 'page=' || s.page END,
                     'table=' || s.table_index, 'row=' || s.total_row, 'col=' || s.col_index) END AS source_refs,
           CAST(NULL AS VARCHAR) AS subject_key, s.unread_cells IS NULL AS read_whole,
           printed_sum_agrees(s.total_value, s.parts_sum, s.column_half) AS printed_ok, s.column_half AS printed_tol
    FROM s
)
-- printed_ok (null where not judged as printed) becomes a printed_balance row (pipeline.warehouse.write)
SELECT * EXCLUDE (read_whole) REPLACE (CASE WHEN read_whole THEN printed_ok END AS printed_ok) FROM checked
