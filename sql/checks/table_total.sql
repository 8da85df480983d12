-- A printed 合计/小计 row equals the sum of the rows above it, per column.
SELECT s.document_id, s.report_id, NULL AS project_id, 'table_total' AS check_name, 'error' AS severity,
       s.total_value AS expected, s.parts_sum AS observed, s.total_value - s.parts_sum AS difference,
       (printed_interval(s.total_value, s.total_decimals, NULL)).half + s.parts_halfwidth AS tolerance,
       (abs(s.total_value - s.parts_sum) < 1e-6 OR abs(s.total_value - s.parts_sum) < (printed_interval(s.total_value, s.total_decimals, NULL)).half + s.parts_halfwidth - 1e-9) AS passed,
       format('表{}「{}」列合计行印 {}, 上方 {} 行之和为 {} (行 {}–{}), 差 {}',
              s.table_index, coalesce(s.column_label, '?'), s.total_text, s.parts_count, round(s.parts_sum, 2),
              s.first_row, s.last_row, round(s.total_value - s.parts_sum, 2)) AS detail,
       concat_ws(';', CASE WHEN s.page IS NOT NULL THEN 'page=' || s.page END,
                 'table=' || s.table_index, 'row=' || s.total_row, 'col=' || s.col_index) AS source_refs
FROM table_sums s
