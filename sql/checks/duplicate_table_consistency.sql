-- A table printed twice carries the same values both times.
SELECT a.document_id, a.report_id, NULL AS project_id, 'duplicate_table_consistency' AS check_name, 'error' AS severity,
       a.value AS expected, b.value AS observed, a.value - b.value AS difference, 0.0 AS tolerance,
       a.value = b.value AS passed,
       format('同一表格两次印刷: {} @{} vs {} @{}', a.reported_text, a.source_ref, b.reported_text, b.source_ref) AS detail,
       a.source_ref || '; ' || b.source_ref AS source_refs
FROM fact_mentions a JOIN fact_mentions b ON a.document_id = b.document_id AND a.subject = b.subject
    AND a.kind = 'twin' AND b.kind = 'twin' AND a.origin = 'table' AND b.origin = 'twin'
