-- initial + adjustment = adjusted, per report/project/line item and per source (table or text),
-- with the three figures printed together (same_place: the same row or column of one table, or
-- running text), never stages taken from two tables.
WITH b AS (
    SELECT r.document_id, f.report_id, f.project_id, f.line_item, f.stage, f.origin,
           CAST(f.amount_yuan AS DOUBLE) AS v, f.reported_text || coalesce(f.reported_unit, '') AS t, f.source_ref,
           (printed_interval(f.amount_yuan, f.decimals, f.reported_unit)).half AS half
    FROM fact_budgets f JOIN reports r USING (report_id)
    WHERE NOT f.is_twin AND f.amount_yuan IS NOT NULL AND f.origin IS DISTINCT FROM 'statement'
      AND f.stage IN ('initial', 'adjustment', 'adjusted')
), g AS (
    SELECT a.document_id, a.report_id, a.project_id, a.line_item, a.origin,
           i.v AS ini, j.v AS adj, a.v AS tot, i.t AS ini_t, j.t AS adj_t, a.t AS tot_t, a.source_ref AS tot_ref,
           i.half + j.half + a.half AS tol,
           list_half(a.half, least(i.half, j.half), NULL) AS coarsest_half,  -- one row or column: its finest
           format('adjusted={} @{}; adjustment={} @{}; initial={} @{}', a.t, a.source_ref, j.t, j.source_ref, i.t, i.source_ref) AS refs
    FROM b a
    JOIN b i ON i.stage = 'initial' AND i.report_id = a.report_id AND i.project_id IS NOT DISTINCT FROM a.project_id
        AND i.line_item = a.line_item AND i.origin IS NOT DISTINCT FROM a.origin AND same_place(i.source_ref, a.source_ref)
    JOIN b j ON j.stage = 'adjustment' AND j.report_id = a.report_id AND j.project_id IS NOT DISTINCT FROM a.project_id
        AND j.line_item = a.line_item AND j.origin IS NOT DISTINCT FROM a.origin AND same_place(j.source_ref, a.source_ref)
    WHERE a.stage = 'adjusted'
    -- one comparison per printed adjusted figure: the stages of its own row first
    QUALIFY row_number() OVER (
        PARTITION BY a.report_id, a.source_ref
        ORDER BY CAST(regexp_extract(i.source_ref, 'row=(\d+)', 1) IS DISTINCT FROM regexp_extract(a.source_ref, 'row=(\d+)', 1) AS INTEGER)
               + CAST(regexp_extract(j.source_ref, 'row=(\d+)', 1) IS DISTINCT FROM regexp_extract(a.source_ref, 'row=(\d+)', 1) AS INTEGER),
                 i.source_ref, j.source_ref) = 1
), checked AS (
    SELECT document_id, report_id, project_id, 'budget_stage_sum' AS check_name, 'error' AS severity,
           tot AS expected, ini + adj AS observed, tot - (ini + adj) AS difference, tol AS tolerance,
           (abs(tot - (ini + adj)) < 1e-6 OR abs(tot - (ini + adj)) < tol - 1e-9) AS passed,
           format('调整后预算印 {} @{}, 年初 {} + 调整 {} = {} 元 ({}, {}), 差 {} 元, 容差 {} 元',
                  tot_t, tot_ref, ini_t, adj_t, round(ini + adj, 2), line_item, origin,
                  round(tot - (ini + adj), 2), round(tol, 2)) AS detail,
           refs AS source_refs, CAST(NULL AS VARCHAR) AS subject_key,
           printed_sum_agrees(tot, ini + adj, coarsest_half) AS printed_ok, coarsest_half AS printed_tol
    FROM g
)
-- printed_ok becomes a printed_balance row (pipeline.warehouse.write)
SELECT * FROM checked
