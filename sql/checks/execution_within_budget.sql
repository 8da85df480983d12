-- Executed ≤ adjusted budget (a warning: overspending can be legitimate but deserves a look).
WITH e AS (
    SELECT r.document_id, x.report_id, x.project_id, x.line_item, x.origin, x.period, x.label_text, CAST(x.executed_yuan AS DOUBLE) AS ex,
           x.reported_text, x.source_ref,
           (printed_interval(x.executed_yuan, x.decimals, x.reported_unit)).half AS ex_half
    FROM fact_executions x JOIN reports r USING (report_id)
    -- a level stated in running text is compared only with the budget its sentence names
    -- (rate_base_ref, see execution_rate): other stated figures may be of any scope
    WHERE NOT x.is_twin AND x.executed_yuan IS NOT NULL AND x.origin IS DISTINCT FROM 'statement'
)
SELECT e.document_id, e.report_id, e.project_id, 'execution_within_budget' AS check_name, 'warning' AS severity,
       CAST(b.amount_yuan AS DOUBLE) AS expected, e.ex AS observed, CAST(b.amount_yuan AS DOUBLE) - e.ex AS difference,
       e.ex_half AS tolerance,
       e.ex <= CAST(b.amount_yuan AS DOUBLE) + e.ex_half + 1e-6 AS passed,
       format('执行数 {} @{} 与调整后预算 {} @{} 比较 ({})', e.reported_text, e.source_ref, b.reported_text, b.source_ref, e.line_item) AS detail,
       e.source_ref || '; ' || b.source_ref AS source_refs
FROM e JOIN fact_budgets b ON b.report_id = e.report_id AND b.project_id IS NOT DISTINCT FROM e.project_id
    AND b.line_item = e.line_item AND b.origin = e.origin AND b.stage = 'adjusted' AND NOT b.is_twin
    -- the same year; rows of a list (line item `listed`) are told apart by their printed label
    AND coalesce(b.period, 'current') = coalesce(e.period, 'current')
    AND (e.line_item <> 'listed' OR b.label_text = e.label_text)
WHERE b.amount_yuan IS NOT NULL
