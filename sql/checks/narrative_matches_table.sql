-- A figure stated in the text equals the same figure in a table.
WITH m AS (
    -- Mentions carry the value as printed; compared in base units (yuan for money).
    SELECT *, value * unit_factor(reported_unit) AS base,
           (printed_interval(value * unit_factor(reported_unit), decimals, reported_unit)).half AS half
    FROM fact_mentions WHERE kind <> 'twin' AND subject IS NOT NULL AND value IS NOT NULL
)
SELECT n.document_id, n.report_id, NULL AS project_id, 'narrative_matches_table' AS check_name, 'error' AS severity,
       t.base AS expected, n.base AS observed, t.base - n.base AS difference, t.half + n.half AS tolerance,
       (abs(t.base - n.base) < 1e-6 OR abs(t.base - n.base) < t.half + n.half - 1e-9) AS passed,
       format('正文「{}」写 {}{} @{}, 表格写 {}{} @{}', n.subject, n.reported_text, coalesce(n.reported_unit, ''), n.source_ref,
              t.reported_text, coalesce(t.reported_unit, ''), t.source_ref) AS detail,
       n.source_ref || '; ' || t.source_ref AS source_refs
FROM m n JOIN m t ON t.report_id = n.report_id AND t.subject = n.subject AND t.origin = 'table'
WHERE n.origin = 'narrative' AND (n.scope = 'report' OR n.subject LIKE 'project_score:%')
