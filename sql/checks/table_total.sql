-- A printed 合计/小计 row equals the sum of the rows above it, per column.
SELECT s.document_id, s.report_id, NULL AS project_id, 'table_total' AS check_name, 'error' AS severity,
       s.total_value AS expected, s.parts_sum AS observed, s.total_value - s.parts_sum AS difference,
       (printed_interval(s.total_value, s.total_decimals, NULL)).half + s.parts_halfwidth AS tolerance,
       (abs(s.total_value - s.parts_sum) < 1e-6 OR abs(s.total_value - s.parts_sum) < (printed_interval(s.total_value, s.total_decimals, NULL)).half + s.parts_halfwidth - 1e-9) AS passed,
       -- a total whose span holds cells the reader could not read as amounts is not understood
       -- completely: when it does not hold, incomplete (never an error), with those cells
       NOT (abs(s.total_value - s.parts_sum) < 1e-6 OR abs(s.total_value - s.parts_sum) < (printed_interval(s.total_value, s.total_decimals, NULL)).half + s.parts_halfwidth - 1e-9)
           AND s.unread_cells IS NOT NULL AS incomplete,
       -- a table of a text rendering (table_index 0) is named by where its total is printed
       format('表{}「{}」列合计行印 {}, {} 行之和为 {} (行 {}–{}), 差 {}',
              CASE WHEN s.table_index = 0 THEN '(' || s.source_ref || ')' ELSE CAST(s.table_index AS VARCHAR) END, coalesce(s.column_label, '?'), s.total_text, s.parts_count, round(s.parts_sum, 2),
              s.first_row, s.last_row, round(s.total_value - s.parts_sum, 2))
       || CASE WHEN s.unread_cells IS NOT NULL THEN '; 未完整核对：未读出的单元格 ' || s.unread_cells ELSE '' END AS detail,
       CASE WHEN s.table_index = 0 THEN s.source_ref ELSE concat_ws(';', CASE WHEN s.page IS NOT NULL THEN 'page=' || s.page END,
                 'table=' || s.table_index, 'row=' || s.total_row, 'col=' || s.col_index) END AS source_refs
FROM table_sums s
