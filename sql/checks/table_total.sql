-- A printed 合计/小计 row equals the sum of the rows above it, per column (rounding intervals of
-- every printed figure). Where it holds only within rounding, the same sum as printed is a
-- printed_balance row (a tail left unbalanced, 尾差未调平).
WITH s AS (
    -- A column is printed to one precision: a total printed with fewer decimals than its rows
    -- (117154424.7 above rows of two decimals) lost its trailing zeros to the rendering, so the
    -- finest printed in the column is its precision as printed.
    SELECT *, (printed_interval(total_value, total_decimals, NULL)).half + parts_halfwidth AS tol,
           (printed_interval(total_value, greatest(coalesce(total_decimals, 0), coalesce(parts_decimals, 0)), NULL)).half AS column_half
    FROM table_sums
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
