-- initial + adjustment = adjusted, per report/project/line item and per source (table or text).
WITH b AS (
    SELECT r.document_id, f.report_id, f.project_id, f.line_item, f.stage, f.origin,
           CAST(f.amount_yuan AS DOUBLE) AS v, f.reported_text, f.reported_unit, f.source_ref,
           (printed_interval(f.amount_yuan, f.decimals, f.reported_unit)).half AS half
    FROM fact_budgets f JOIN reports r USING (report_id)
    WHERE NOT f.is_twin AND f.amount_yuan IS NOT NULL AND f.origin IS DISTINCT FROM 'statement'
), g AS (
    SELECT document_id, report_id, project_id, line_item, origin,
           max(v) FILTER (stage = 'initial') AS ini, max(v) FILTER (stage = 'adjustment') AS adj,
           max(v) FILTER (stage = 'adjusted') AS tot,
           max(reported_text || coalesce(reported_unit, '')) FILTER (stage = 'initial') AS ini_t,
           max(reported_text || coalesce(reported_unit, '')) FILTER (stage = 'adjustment') AS adj_t,
           max(reported_text || coalesce(reported_unit, '')) FILTER (stage = 'adjusted') AS tot_t,
           max(source_ref) FILTER (stage = 'adjusted') AS tot_ref,
           sum(half) AS tol,
           string_agg(stage || '=' || reported_text || coalesce(reported_unit, '') || ' @' || source_ref, '; ' ORDER BY stage) AS refs,
           count(DISTINCT stage) AS n
    FROM b GROUP BY ALL
)
SELECT document_id, report_id, project_id, 'budget_stage_sum' AS check_name, 'error' AS severity,
       tot AS expected, ini + adj AS observed, tot - (ini + adj) AS difference, tol AS tolerance,
       (abs(tot - (ini + adj)) < 1e-6 OR abs(tot - (ini + adj)) < tol - 1e-9) AS passed,
       format('调整后预算印 {} @{}, 年初 {} + 调整 {} = {} 元 ({}, {}), 差 {} 元, 容差 {} 元',
              tot_t, tot_ref, ini_t, adj_t, round(ini + adj, 2), line_item, origin,
              round(tot - (ini + adj), 2), round(tol, 2)) AS detail,
       refs AS source_refs
FROM g WHERE n = 3
