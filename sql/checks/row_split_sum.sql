-- Along a row of a classification table, the parts printed in columns of their own add up to
-- what they split: the row's total (合计 = 基本支出 + 项目支出; in a 基本支出表 合计 = 人员经费 +
-- 公用经费), or a part column that is itself a whole (基本支出 = 人员经费 + 公用经费 beside 项目支出).
-- Only complete partitions (line_item_partitions) whose parts the table's columns all name, never a
-- row that prints a figure in a column no part names ('?'); a blank part prints 0.
-- The table's 合计 row too (一般公共预算财政拨款支出决算表: 合计 9,746.50 | 基本支出 5,364.75 | 项目支出
-- 4,381.74, 普陀区规划和自然资源局 2024 决算 p.15): its cells are the column totals table_sums holds, in
-- the columns the table's own class rows split (each column one part, one total column, as read there).
WITH f AS (
    SELECT f.*, r.document_id FROM fact_line_splits f JOIN reports r USING (report_id)
    WHERE NOT f.is_twin AND f.amount_yuan IS NOT NULL AND f.total_yuan IS NOT NULL
), lay AS (
    SELECT document_id, report_id, CAST(regexp_extract(source_ref, 'table=(\d+)', 1) AS INTEGER) AS t,
           CAST(regexp_extract(source_ref, ';col=(\d+)', 1) AS INTEGER) AS pcol,
           CAST(regexp_extract(total_source_ref, ';col=(\d+)', 1) AS INTEGER) AS tcol,
           part, stage, table_parts, reported_unit
    FROM f WHERE table_kind = 'classification' AND regexp_matches(source_ref, 'table=\d+;row=\d+;col=\d+')
      AND regexp_matches(total_source_ref, 'table=\d+;row=\d+;col=\d+') AND table_parts NOT LIKE '%?%'
), cols AS (
    -- a table whose part columns each name one part of one total column, at one stage, in one unit
    SELECT document_id, report_id, t, pcol, any_value(tcol) AS tcol, any_value(part) AS part,
           any_value(stage) AS stage, any_value(table_parts) AS table_parts, any_value(reported_unit) AS unit
    FROM lay GROUP BY ALL
    HAVING count(DISTINCT part) = 1 AND count(DISTINCT tcol) = 1 AND count(DISTINCT stage) = 1
       AND count(DISTINCT table_parts) = 1 AND count(DISTINCT coalesce(reported_unit, '')) = 1
), tables AS (
    SELECT document_id, report_id, t, any_value(tcol) AS tcol, any_value(stage) AS stage,
           any_value(table_parts) AS table_parts, any_value(unit) AS unit, count(*) AS n_parts
    FROM cols GROUP BY ALL
    HAVING count(DISTINCT tcol) = 1 AND count(DISTINCT stage) = 1 AND count(DISTINCT table_parts) = 1
       AND count(DISTINCT coalesce(unit, '')) = 1 AND count(DISTINCT part) = count(*)
), total_rows AS (
    SELECT tb.*, ts.total_row, ts.total_value, ts.total_text, ts.total_decimals, ts.page
    FROM tables tb JOIN table_sums ts ON ts.document_id = tb.document_id AND ts.table_index = tb.t
                                     AND ts.col_index = tb.tcol
), total_parts AS (
    SELECT tr.*, c.part, ps.total_value AS part_value, ps.total_text AS part_text, ps.total_decimals AS part_decimals,
           ps.col_index AS part_col
    FROM total_rows tr JOIN cols c ON c.document_id = tr.document_id AND c.t = tr.t
    JOIN table_sums ps ON ps.document_id = tr.document_id AND ps.table_index = tr.t AND ps.total_row = tr.total_row
                      AND ps.col_index = c.pcol
), complete_rows AS (
    -- every part column of the table prints its total on that row
    SELECT * FROM total_parts tp
    WHERE (SELECT count(*) FROM total_parts x WHERE x.document_id = tp.document_id AND x.t = tp.t
             AND x.total_row = tp.total_row) = tp.n_parts
), base AS (
    SELECT * FROM f
    UNION ALL BY NAME
    SELECT report_id, document_id, 'table=' || t AS line_item, part, stage, CAST(NULL AS VARCHAR) AS period,
           CAST(round(part_value * unit_factor(unit), 2) AS DECIMAL(18, 2)) AS amount_yuan, part_text AS reported_text,
           unit AS reported_unit, part_decimals AS decimals,
           concat_ws(';', 'page=' || page, 'table=' || t, 'row=' || total_row, 'col=' || part_col) AS source_ref,
           concat_ws(';', 'page=' || page, 'table=' || t, 'row=' || total_row, 'col=' || tcol) AS total_source_ref,
           CAST(round(total_value * unit_factor(unit), 2) AS DECIMAL(18, 2)) AS total_yuan, total_text,
           total_decimals, table_parts, '合计行' AS label_text, 'table' AS origin, 'classification' AS table_kind,
           FALSE AS is_twin
    FROM complete_rows
), s AS (
    SELECT f.*,
           (printed_interval(f.amount_yuan, f.decimals, f.reported_unit)).half AS half,
           (printed_interval(f.total_yuan, f.total_decimals, f.reported_unit)).half AS total_half
    FROM base f
), g AS (
    SELECT document_id, report_id, total_source_ref, any_value(line_item) AS line_item,
           any_value(label_text) AS label_text, string_split(any_value(table_parts), ' ') AS tp,
           CAST(any_value(total_yuan) AS DOUBLE) AS total_v, any_value(total_text) AS total_text,
           any_value(total_half) AS total_half, any_value(reported_unit) AS unit,
           list({'part': part, 'v': CAST(amount_yuan AS DOUBLE), 'half': half, 'txt': reported_text, 'ref': source_ref}
                ORDER BY source_ref) AS ps
    FROM s GROUP BY document_id, report_id, total_source_ref
), lp AS (
    SELECT whole, partition_id, list_sort(list(part)) AS parts FROM line_item_partitions WHERE complete GROUP BY ALL
), nested AS (
    -- a part column that is itself a whole, with its parts among the columns; a row is its
    -- document's and report's (two documents print a table at the same table=;row=;col=)
    SELECT g.document_id, g.report_id, g.total_source_ref, lp.whole, lp.parts
    FROM g JOIN lp ON list_contains(g.tp, lp.whole) AND list_has_all(g.tp, lp.parts)
), inner_parts AS (
    SELECT document_id, report_id, total_source_ref, flatten(list(parts)) AS inner FROM nested GROUP BY ALL
), cases AS (
    SELECT g.*, n.whole, n.parts FROM g JOIN nested n USING (document_id, report_id, total_source_ref)
    UNION ALL
    -- the row total: the columns' parts that no part column holds
    SELECT g.*, NULL AS whole, lp.parts
    FROM g LEFT JOIN inner_parts i USING (document_id, report_id, total_source_ref)
    JOIN lp ON lp.parts = list_sort(list_filter(g.tp, lambda x: NOT list_contains(coalesce(i.inner, []), x)))
), judged AS (
    SELECT c.*,
           CASE WHEN whole IS NULL THEN total_v
                ELSE coalesce(list_sum(list_transform(list_filter(ps, lambda x: x.part = whole), lambda x: x.v)), 0) END AS expected,
           CASE WHEN whole IS NULL THEN total_half
                ELSE coalesce(list_sum(list_transform(list_filter(ps, lambda x: x.part = whole), lambda x: x.half)), 0) END AS expected_half,
           CASE WHEN whole IS NULL THEN total_text
                ELSE coalesce(list_transform(list_filter(ps, lambda x: x.part = whole), lambda x: x.txt)[1], '') END AS expected_text,
           coalesce(list_sum(list_transform(list_filter(ps, lambda x: list_contains(parts, x.part)), lambda x: x.v)), 0) AS observed,
           coalesce(list_sum(list_transform(list_filter(ps, lambda x: list_contains(parts, x.part)), lambda x: x.half)), 0) AS parts_half,
           -- one row of one table (one unit): the finest printed among the figures (list_half)
           list_half(CASE WHEN whole IS NULL THEN total_half
                          ELSE coalesce(list_max(list_transform(list_filter(ps, lambda x: x.part = whole), lambda x: x.half)), 0) END,
                     list_min(list_transform(list_filter(ps, lambda x: list_contains(parts, x.part)), lambda x: x.half)), NULL) AS coarsest_half,
           array_to_string(list_transform(list_filter(ps, lambda x: list_contains(parts, x.part)),
                                          lambda x: x.part || '=' || x.txt || ' @' || x.ref), '; ') AS parts_text
    FROM cases c
    WHERE NOT list_contains(tp, '?')
), checked AS (
    SELECT document_id, report_id, NULL AS project_id, 'row_split_sum' AS check_name, 'error' AS severity,
           expected, observed, expected - observed AS difference, expected_half + parts_half AS tolerance,
           abs(expected - observed) < 1e-6 OR abs(expected - observed) < expected_half + parts_half - 1e-9 AS passed,
           format('{} ({}) 行{}印 {}{} @{}, 各列之和 {}{} ({}), 差 {}{}',
                  coalesce(label_text, line_item), line_item, coalesce(whole, '合计'), expected_text, coalesce(unit, ''),
                  total_source_ref, round(observed / unit_factor(unit), 4), coalesce(unit, '元'), parts_text,
                  round((expected - observed) / unit_factor(unit), 4), coalesce(unit, '元')) AS detail,
           total_source_ref || '; ' || parts_text AS source_refs, CAST(NULL AS VARCHAR) AS subject_key,
           printed_sum_agrees(expected, observed, coarsest_half) AS printed_ok, coarsest_half AS printed_tol
    FROM judged
)
-- printed_ok becomes a printed_balance row (pipeline.warehouse.write)
SELECT * FROM checked
