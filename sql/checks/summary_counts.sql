-- Stated counts and averages ("共40个项目，平均分91.66分，一等27个") match the project rows.
-- The rows are a table's projects: a project named only by a sentence ("本部门共0个项目实行
-- 绩效目标管理" read as one) is not a row, and a report with no project table is not checked.
WITH p AS (
    SELECT pr.report_id, pr.project_id, CAST(s.score AS DOUBLE) AS score, s.grade_text, s.score_decimals
    FROM projects pr LEFT JOIN fact_scores s ON s.project_id = pr.project_id AND s.component = 'total' AND NOT s.is_twin
    WHERE pr.origin IS DISTINCT FROM 'statement'
), agg AS (
    SELECT report_id, count(DISTINCT project_id) AS n, avg(score) AS avg_score,
           max(coalesce(score_decimals, 0)) AS d
    FROM p GROUP BY ALL
), m AS (
    SELECT * FROM fact_mentions WHERE origin = 'narrative' AND subject LIKE 'projects:%'
)
SELECT document_id, report_id, project_id, check_name, severity, expected, observed,
       expected - observed AS difference, tolerance,
       (abs(expected - observed) < 1e-9 OR abs(expected - observed) < tolerance - 1e-9) AS passed,
       format('正文说「{}」为 {} @{}, 项目行统计为 {}', what, expected, source_refs, round(observed, 2)) AS detail,
       source_refs
FROM (
    SELECT m.document_id, m.report_id, NULL AS project_id, 'summary_counts' AS check_name, 'error' AS severity,
           m.value AS expected,
           CASE WHEN m.subject = 'projects:count' THEN a.n
                WHEN m.subject = 'projects:avg_score' THEN a.avg_score
                ELSE (SELECT count(*) FROM p WHERE p.report_id = m.report_id AND p.grade_text = split_part(m.subject, ':', 3)) END AS observed,
           CASE WHEN m.subject = 'projects:avg_score' THEN (printed_interval(m.value, m.decimals, '分')).half ELSE 0 END AS tolerance,
           CASE m.subject WHEN 'projects:count' THEN '项目个数' WHEN 'projects:avg_score' THEN '平均分'
                ELSE split_part(m.subject, ':', 3) || '项目个数' END AS what,
           m.source_ref AS source_refs
    FROM m JOIN agg a ON a.report_id = m.report_id
)
