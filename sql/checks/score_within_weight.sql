-- 0 ≤ score ≤ weight for every indicator and scored component.
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
