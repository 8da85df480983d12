-- Weights add up to the stated full mark: a total row's 分值, or a label such as 产出指标(50分).
WITH s AS (
    SELECT f.*, r.document_id, coalesce(regexp_extract(f.source_ref, 'table=(\d+)', 1), 'text') AS blk
    FROM fact_scores f JOIN reports r USING (report_id) WHERE NOT f.is_twin
), full_mark AS (
    SELECT document_id, report_id, project_id, CAST(weight AS DOUBLE) AS w, source_ref, origin, blk FROM s
    WHERE component = 'total' AND weight IS NOT NULL
), parts AS (
    SELECT report_id, project_id, origin, blk, CAST(weight AS DOUBLE) AS w, component || '=' || weight AS part
    FROM s WHERE component <> 'total' AND weight IS NOT NULL AND origin IN ('table', 'narrative') AND parent IS DISTINCT FROM 'indicators'
      -- A row whose children print their own weights is their sum, not another part.
      AND NOT EXISTS (SELECT 1 FROM s c WHERE c.report_id = s.report_id AND c.project_id IS NOT DISTINCT FROM s.project_id
                      AND c.blk = s.blk AND c.origin = s.origin AND c.parent = s.component AND c.weight IS NOT NULL)
    UNION ALL
    SELECT report_id, project_id, 'table', coalesce(regexp_extract(source_ref, 'table=(\d+)', 1), 'text'), CAST(weight AS DOUBLE), 'indicator ' || name || '=' || weight_text
    FROM fact_indicators WHERE weight IS NOT NULL AND NOT is_twin
), top AS (
    SELECT t.document_id, t.report_id, t.project_id, t.w AS expected, sum(p.w) AS observed, count(*) AS n,
           t.source_ref, string_agg(p.part, '; ') AS parts, 'total' AS what
    FROM full_mark t JOIN parts p ON p.report_id = t.report_id AND p.project_id IS NOT DISTINCT FROM t.project_id
        AND p.origin = t.origin AND p.blk = t.blk
    GROUP BY ALL
), level1 AS (
    SELECT l.document_id, l.report_id, l.project_id, CAST(l.weight AS DOUBLE) AS expected, sum(CAST(i.weight AS DOUBLE)) AS observed,
           count(*) AS n, l.source_ref, string_agg(i.name || '=' || i.weight_text, '; ') AS parts, l.component AS what
    FROM s l JOIN fact_indicators i ON i.report_id = l.report_id AND i.project_id IS NOT DISTINCT FROM l.project_id
        AND i.level1 = l.component AND NOT i.is_twin AND i.weight IS NOT NULL
    WHERE l.parent = 'indicators' AND l.weight IS NOT NULL
    GROUP BY ALL
), sec AS (
    -- where a level-1 section is printed: its table, row and column
    SELECT l.*, CAST(regexp_extract(l.source_ref, 'table=(\d+)', 1) AS INTEGER) AS t,
           CAST(regexp_extract(l.source_ref, 'row=(\d+)', 1) AS INTEGER) AS r0,
           CAST(regexp_extract(l.source_ref, 'col=(\d+)', 1) AS INTEGER) AS c0,
           (SELECT min(TRY_CAST(regexp_extract(z.source_ref, 'row=(\d+)', 1) AS INTEGER)) FROM s z
            WHERE z.report_id = l.report_id AND z.project_id IS NOT DISTINCT FROM l.project_id AND z.component = 'total'
              AND z.blk = regexp_extract(l.source_ref, 'table=(\d+)', 1)
              AND TRY_CAST(regexp_extract(z.source_ref, 'row=(\d+)', 1) AS INTEGER)
                  > CAST(regexp_extract(l.source_ref, 'row=(\d+)', 1) AS INTEGER)) AS total_row
    FROM level1 l WHERE regexp_matches(l.source_ref, '(^|;)table=\d')
), span_end AS (
    -- a section runs down to the next row printing something of its own in the section's
    -- column (the next section, a total); the form's total row ends it too (总分 printed in
    -- the first column, left of the sections'); the end of the table when none follows
    SELECT s.document_id, s.report_id, s.project_id, s.what, s.source_ref,
           least(min(c.row_index) FILTER (c.row_index > s.r0 AND c.col_index = s.c0 AND trim(c.text) <> '' AND NOT coalesce(c.merged_copy, FALSE)),
                 min(s.total_row)) AS r1
    FROM sec s JOIN cells c ON c.document_id = s.document_id AND c.table_index = s.t
    GROUP BY s.document_id, s.report_id, s.project_id, s.what, s.source_ref
), unmapped AS (
    -- rows inside a section's span that print a label but became no indicator: the items
    -- read are not all of the section (e.g. a form cut off after its last section's heading)
    SELECT s.report_id, s.project_id, s.what, string_agg(DISTINCT c.text, '、') AS labels
    FROM sec s JOIN span_end e USING (document_id, report_id, what, source_ref)
    JOIN cells c ON c.document_id = s.document_id AND c.table_index = s.t AND c.row_index > s.r0
         AND (e.r1 IS NULL OR c.row_index < e.r1) AND c.col_index > s.c0 AND trim(c.text) <> ''
         AND NOT coalesce(c.merged_copy, FALSE)
    WHERE s.project_id IS NOT DISTINCT FROM e.project_id
      AND NOT EXISTS (SELECT 1 FROM fact_indicators i WHERE i.report_id = s.report_id AND NOT i.is_twin
                      AND CAST(regexp_extract(i.source_ref, 'table=(\d+)', 1) AS INTEGER) = s.t
                      AND CAST(regexp_extract(i.source_ref, 'row=(\d+)', 1) AS INTEGER) = c.row_index)
    GROUP BY ALL
), unweighted AS (
    -- a part that prints a score but no weight (the 执行率 row's 分值 left blank, 得分 10.00):
    -- its weight is not known, so neither is the sum the total is compared with
    SELECT report_id, project_id, blk, string_agg(component, '、') AS labels FROM s
    WHERE component <> 'total' AND weight IS NULL AND score IS NOT NULL AND origin = 'table'
    GROUP BY ALL
    UNION ALL
    SELECT report_id, project_id, coalesce(regexp_extract(source_ref, 'table=(\d+)', 1), 'text'), string_agg(name, '、')
    FROM fact_indicators WHERE weight IS NULL AND score IS NOT NULL AND NOT is_twin
    GROUP BY ALL
), gaps AS (
    -- what keeps a sum from being known complete: a section's unread rows, and for the
    -- total, any of its sections' unread rows or a part printed without its weight
    SELECT report_id, project_id, what, labels FROM unmapped
    UNION ALL
    SELECT report_id, project_id, 'total', string_agg(labels, '、') FROM (
        SELECT report_id, project_id, labels FROM unmapped
        UNION ALL SELECT report_id, project_id, labels FROM unweighted) g
    GROUP BY ALL
), allw AS (SELECT * FROM top UNION ALL SELECT * FROM level1)
SELECT a.document_id, a.report_id, a.project_id, 'weights_sum' AS check_name, 'error' AS severity,
       expected, observed, expected - observed AS difference, 0.0 AS tolerance,
       abs(expected - observed) < 1e-6 AS passed,
       -- a section with rows the reader could not place is not known complete: incomplete
       abs(expected - observed) >= 1e-6 AND u.labels IS NOT NULL AS incomplete,
       format('「{}」满分 {} @{}, {} 项分值之和 {}{}', a.what, expected, a.source_ref, n, observed,
              CASE WHEN abs(expected - observed) >= 1e-6 AND u.labels IS NOT NULL
                   THEN '; 未完整核对：' || CASE WHEN a.what = 'total' THEN '其中有分值未读出的部分 ' ELSE '本节有未读出分值的行 ' END || u.labels ELSE '' END) AS detail,
       a.source_ref || '; ' || parts AS source_refs
FROM allw a LEFT JOIN gaps u ON u.report_id = a.report_id AND u.project_id IS NOT DISTINCT FROM a.project_id
    AND u.what = a.what
WHERE n >= 2
