-- Executed ≤ budget (a warning: overspending can be legitimate but deserves a look).
-- One comparison per executed figure: with the budget of the same line item, project, year and
-- place (same_place: the same row or column of the same table, its own row first; never a
-- figure of another table, which may be of another scope; a form flattened into running text is
-- one place), at the latest stage printed: 调整后 (adjusted), else 年初 (initial) when the report
-- prints no adjustment of the line.
WITH e AS (
    SELECT r.document_id, x.report_id, x.project_id, x.line_item, x.origin, x.period, x.label_text, CAST(x.executed_yuan AS DOUBLE) AS ex,
           x.reported_text, x.reported_unit AS unit, x.source_ref,
           (printed_interval(x.executed_yuan, x.decimals, x.reported_unit)).half AS ex_half
    FROM fact_executions x JOIN reports r USING (report_id)
    -- a level stated in running text is compared only with the budget its sentence names
    -- (rate_base_ref, see execution_rate): other stated figures may be of any scope
    WHERE NOT x.is_twin AND x.executed_yuan IS NOT NULL AND x.origin IS DISTINCT FROM 'statement'
), b AS (
    SELECT report_id, project_id, line_item, origin, stage, period, label_text, amount_yuan, reported_text,
           reported_unit, source_ref
    FROM fact_budgets
    WHERE NOT is_twin AND amount_yuan IS NOT NULL AND stage IN ('adjusted', 'initial')
), pairs AS (
    SELECT e.*, b.stage, CAST(b.amount_yuan AS DOUBLE) AS budget, b.reported_text AS b_text, b.reported_unit AS b_unit,
           b.source_ref AS b_ref
    FROM e JOIN b ON b.report_id = e.report_id AND b.project_id IS NOT DISTINCT FROM e.project_id
        AND b.line_item = e.line_item AND b.origin = e.origin
        -- the same row or column of the same table (a PDF table continued on the next page is
        -- one table): a figure of another table may be of another scope or year
        AND same_place(b.source_ref, e.source_ref)
        -- the same year; rows of a list (line item `listed`) are told apart by their printed label
        AND coalesce(b.period, 'current') = coalesce(e.period, 'current')
        AND (e.line_item <> 'listed' OR b.label_text = e.label_text)
    -- the budget stage that exists: adjusted before initial, and initial only when the report
    -- prints no adjustment of the line anywhere (年中追加: an upward adjustment is no overspending)
    WHERE b.stage = 'adjusted' OR NOT EXISTS (
        SELECT 1 FROM fact_budgets a WHERE a.report_id = e.report_id
            AND a.line_item = e.line_item AND a.stage IN ('adjusted', 'adjustment') AND a.amount_yuan IS NOT NULL
            AND coalesce(a.period, 'current') = coalesce(e.period, 'current'))
    QUALIFY row_number() OVER (PARTITION BY e.report_id, e.source_ref
                               ORDER BY CASE b.stage WHEN 'adjusted' THEN 0 ELSE 1 END,
                                        regexp_extract(b.source_ref, 'row=(\d+)', 1) IS DISTINCT FROM regexp_extract(e.source_ref, 'row=(\d+)', 1),
                                        b.source_ref) = 1
)
SELECT document_id, report_id, project_id, 'execution_within_budget' AS check_name, 'warning' AS severity,
       budget AS expected, ex AS observed, budget - ex AS difference,
       ex_half AS tolerance,
       ex <= budget + ex_half + 1e-6 AS passed,
       -- what is compared, as printed: the line's label (its name in line_items when the page
       -- printed none), both figures with their places and the budget stage in words (stage_zh)
       format('{}{}：执行数 {}{} @{}，{} {}{} @{}', coalesce(label_text, li.label_zh, line_item),
              CASE WHEN period = 'prior' THEN '（上年）' ELSE '' END, reported_text, coalesce(unit, ''), source_ref,
              stage_zh(stage), b_text, coalesce(b_unit, ''), b_ref) AS detail,
       source_ref || '; ' || b_ref AS source_refs
FROM pairs LEFT JOIN line_items li ON li.code = pairs.line_item
