-- Component scores add up to the printed total (bonus points included); indicator scores
-- of a self-evaluation table count as one component.
WITH s AS (
    SELECT f.*, r.document_id, coalesce(regexp_extract(f.source_ref, 'table=(\d+)', 1), 'text') AS blk
    FROM fact_scores f JOIN reports r USING (report_id) WHERE NOT f.is_twin
), totals AS (
    SELECT * FROM s WHERE component = 'total' AND score IS NOT NULL
), parts AS (
    SELECT report_id, project_id, origin, blk, CAST(score AS DOUBLE) AS v, (printed_interval(score, score_decimals, '分')).half AS half,
           component || '=' || score_text || ' @' || source_ref AS part
    FROM s WHERE component <> 'total' AND score IS NOT NULL AND origin IN ('table', 'narrative')
      -- A row whose children print their own scores is their sum, not another part.
      AND NOT EXISTS (SELECT 1 FROM s c WHERE c.report_id = s.report_id AND c.project_id IS NOT DISTINCT FROM s.project_id
                      AND c.blk = s.blk AND c.origin = s.origin AND c.parent = s.component AND c.score IS NOT NULL)
    UNION ALL
    SELECT report_id, project_id, 'table', coalesce(regexp_extract(source_ref, 'table=(\d+)', 1), 'text'), CAST(score AS DOUBLE), (printed_interval(score, score_decimals, '分')).half,
           'indicator ' || name || '=' || score_text || ' @' || source_ref
    FROM fact_indicators WHERE score IS NOT NULL AND NOT is_twin
), agg AS (
    SELECT t.document_id, t.report_id, t.project_id, CAST(t.score AS DOUBLE) AS expected, t.score_text, t.source_ref,
           (printed_interval(t.score, t.score_decimals, '分')).half AS thalf,
           sum(p.v) AS observed, sum(p.half) AS phalf, count(*) AS n, string_agg(p.part, '; ') AS parts
    FROM totals t JOIN parts p ON p.report_id = t.report_id AND p.project_id IS NOT DISTINCT FROM t.project_id
        AND p.origin = t.origin AND p.blk = t.blk
    GROUP BY ALL
)
SELECT document_id, report_id, project_id, 'score_sum' AS check_name, 'error' AS severity,
       expected, observed, expected - observed AS difference, thalf + phalf AS tolerance,
       (abs(expected - observed) < 1e-6 OR abs(expected - observed) < thalf + phalf - 1e-9) AS passed,
       format('总分印 {} @{}, {} 项得分之和为 {}, 差 {}', score_text, source_ref, n, round(observed, 2), round(expected - observed, 2)) AS detail,
       source_ref || '; ' || parts AS source_refs
FROM agg WHERE n >= 2
