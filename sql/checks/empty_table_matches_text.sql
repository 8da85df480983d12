-- A table printed blank says its line has no money; the text must not state an amount for it.
-- A table is blank when none of its cells holds an amount and no later table (before the next
-- title) continues it with figures; its title is the last paragraph ending in 表 printed before it
-- on its page. The title names a line item when it contains the item's name (vocab/line_items.csv,
-- quotes aside: 财政拨款“三公”经费支出决算表 → “三公”经费). Every figure the running text states for
-- that item (this year's, the report's own, any stage) is compared: a non-zero one contradicts the
-- blank table (24年普陀区财政局（测试问题版本） p.15 prints the 三公 table empty while p.22 states
-- 年初预算 0.95万元; the published copy prints 0.95 in the table). A table whose note says it is empty
-- (本表无数据) is blank as well: a figure in the text contradicts it the same way.
WITH t AS (
    SELECT b.document_id, b.block_index, b.page, b.table_index,
           (SELECT p.text FROM blocks p
            WHERE p.document_id = b.document_id AND p.kind = 'paragraph' AND p.page IS NOT DISTINCT FROM b.page
              AND p.block_index < b.block_index
              AND regexp_matches(regexp_replace(p.text, '\s', '', 'g'), '表$')
            ORDER BY p.block_index DESC LIMIT 1) AS title
    FROM blocks b WHERE b.kind = 'table'
), amounts AS (
    SELECT document_id, table_index, count(*) AS n
    FROM cells WHERE regexp_full_match(trim(text), '-?[0-9][0-9,]*([.][0-9]+)?')
    GROUP BY ALL
), blank AS (
    SELECT t.* FROM t
    WHERE t.title IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM amounts a WHERE a.document_id = t.document_id AND a.table_index = t.table_index)
      -- a table cut at a page break: its figures in the next table before another title
      AND NOT EXISTS (
          SELECT 1 FROM blocks nb JOIN amounts a ON a.document_id = nb.document_id AND a.table_index = nb.table_index
          WHERE nb.document_id = t.document_id AND nb.kind = 'table' AND nb.block_index > t.block_index
            AND NOT EXISTS (SELECT 1 FROM blocks p
                            WHERE p.document_id = t.document_id AND p.kind = 'paragraph'
                              AND p.block_index > t.block_index AND p.block_index < nb.block_index
                              AND regexp_matches(regexp_replace(p.text, '\s', '', 'g'), '表$')))
), named AS (
    -- the line item the title names: the longest name it contains, 财政拨款 aside (every table
    -- after the first three of the national template is of appropriations: the word says whose
    -- money, not which line: 财政拨款“三公”经费支出决算表 is the 三公 table)
    SELECT b.*, li.code AS line_item, li.label_zh,
           row_number() OVER (PARTITION BY b.document_id, b.table_index ORDER BY length(li.label_zh) DESC) AS rn
    FROM blank b JOIN line_items li
      ON length(li.label_zh) >= 3
     AND contains(regexp_replace(b.title, '[\s“”"‘’]|财政拨款', '', 'g'), regexp_replace(li.label_zh, '[\s“”"‘’]', '', 'g'))
), stated AS (
    SELECT r.document_id, f.report_id, f.line_item, f.amount_yuan AS v, f.reported_text, f.reported_unit, f.source_ref
    FROM fact_budgets f JOIN reports r USING (report_id)
    WHERE f.origin IN ('statement', 'narrative') AND f.project_id IS NULL AND coalesce(f.period, 'current') = 'current'
      AND f.amount_yuan IS NOT NULL
    UNION ALL
    SELECT r.document_id, f.report_id, f.line_item, f.executed_yuan, f.reported_text, f.reported_unit, f.source_ref
    FROM fact_executions f JOIN reports r USING (report_id)
    WHERE f.origin IN ('statement', 'narrative') AND f.project_id IS NULL AND coalesce(f.period, 'current') = 'current'
      AND f.executed_yuan IS NOT NULL
)
SELECT n.document_id, any_value(s.report_id) AS report_id, NULL AS project_id,
       'empty_table_matches_text' AS check_name, 'error' AS severity,
       0.0 AS expected, CAST(max(abs(s.v)) AS DOUBLE) AS observed, -CAST(max(abs(s.v)) AS DOUBLE) AS difference,
       0.0 AS tolerance, max(abs(s.v)) = 0 AS passed,
       format('表「{}」@{} 未印任何数字，正文写{}: {}', regexp_replace(n.title, '\s', '', 'g'),
              concat_ws(';', 'page=' || n.page, 'table=' || n.table_index), n.label_zh,
              string_agg(s.reported_text || coalesce(s.reported_unit, '') || ' @' || s.source_ref, '; '
                         ORDER BY s.source_ref)) AS detail,
       concat_ws(';', 'page=' || n.page, 'table=' || n.table_index) || '; '
           || string_agg(s.source_ref, '; ' ORDER BY s.source_ref) AS source_refs,
       n.line_item AS subject_key
FROM named n JOIN stated s ON s.document_id = n.document_id AND s.line_item = n.line_item
WHERE n.rn = 1
GROUP BY n.document_id, n.page, n.table_index, n.title, n.label_zh, n.line_item
