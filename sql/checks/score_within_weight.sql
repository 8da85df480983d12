-- 0 ≤ score ≤ weight for every indicator and scored component; and the items scored in the
-- text under an outline section ("(一)项目立项(8分)" … 自评得2分 … 自评得3分) stay within its mark.
WITH x AS (
    SELECT r.document_id, f.report_id, f.project_id, f.component AS name, CAST(f.weight AS DOUBLE) AS w,
           CAST(f.score AS DOUBLE) AS s, f.score_text, f.source_ref, coalesce(f.score_decimals, 0) AS d
    FROM fact_scores f JOIN reports r USING (report_id)
    WHERE NOT f.is_twin AND f.weight IS NOT NULL AND f.score IS NOT NULL AND f.component NOT IN ('total')
    UNION ALL
    SELECT r.document_id, i.report_id, i.project_id, i.name, CAST(i.weight AS DOUBLE), CAST(i.score AS DOUBLE),
           i.score_text, i.source_ref, coalesce(i.score_decimals, 0)
    FROM fact_indicators i JOIN reports r USING (report_id)
    WHERE NOT i.is_twin AND i.weight IS NOT NULL AND i.score IS NOT NULL
)
SELECT document_id, report_id, project_id, 'score_within_weight' AS check_name, 'error' AS severity,
       w AS expected, s AS observed, w - s AS difference, (printed_interval(s, d, '分')).half AS tolerance,
       s >= 0 AND s <= w + 1e-9 AS passed,
       format('「{}」得分 {} 分值 {} @{}', name, score_text, w, source_ref) AS detail,
       source_ref AS source_refs
FROM x
UNION ALL
SELECT r.document_id, p.report_id, p.project_id, 'score_within_weight', 'error',
       CAST(p.weight AS DOUBLE), sum(CAST(c.score AS DOUBLE)), CAST(p.weight AS DOUBLE) - sum(CAST(c.score AS DOUBLE)),
       sum((printed_interval(c.score, c.score_decimals, '分')).half),
       sum(CAST(c.score AS DOUBLE)) <= CAST(p.weight AS DOUBLE) + sum((printed_interval(c.score, c.score_decimals, '分')).half) + 1e-9,
       format('「{}」分值 {} @{}，其下各项得分之和为 {}（{}）', p.component, p.weight, p.source_ref,
              sum(CAST(c.score AS DOUBLE)), string_agg(c.component || '=' || c.score_text || ' @' || c.source_ref, '; ')),
       p.source_ref || '; ' || string_agg(c.source_ref, '; ')
FROM fact_scores p JOIN reports r USING (report_id)
JOIN fact_scores c ON c.report_id = p.report_id AND c.project_id IS NOT DISTINCT FROM p.project_id
    AND c.parent = p.component AND c.origin = 'statement' AND c.score IS NOT NULL
WHERE p.origin = 'statement' AND p.score IS NULL AND p.weight IS NOT NULL
GROUP BY r.document_id, p.report_id, p.project_id, p.component, p.weight, p.source_ref
