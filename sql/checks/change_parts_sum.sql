-- The changes stated for the parts of a whole add up to the change stated for the whole, when
-- the parts are exactly one complete partition of it (line_item_partitions) and every change is
-- measured against the same thing (base: the earlier period, or the budget). "“三公”经费比预算数
-- 减少1188万元 … 因公出国（境）费减少31万元 … 公务接待费减少850万元 … 公务用车…减少107万元".
-- Signed by direction; interval arithmetic on every printed change.
WITH levels AS (
    -- the label each level is printed with (“三公”经费, 公务接待费), to name it in words
    SELECT report_id, source_ref, any_value(label_text) AS label_text FROM (
        SELECT report_id, source_ref, label_text FROM fact_budgets WHERE label_text IS NOT NULL
        UNION ALL
        SELECT report_id, source_ref, label_text FROM fact_executions WHERE label_text IS NOT NULL)
    GROUP BY ALL
), c AS (
    SELECT f.report_id, f.project_id, f.line_item, coalesce(f.base, 'prior') AS base, f.source_ref,
           f.direction * CAST(f.change_yuan AS DOUBLE) AS v,
           (printed_interval(f.change_yuan, f.decimals, f.reported_unit)).half AS half,
           f.word, f.reported_text, f.reported_unit, f.level_text, f.level_unit, f.decimals,
           coalesce(l.label_text, li.label_zh, f.line_item) AS label
    FROM fact_changes f
    LEFT JOIN levels l ON l.report_id = f.report_id AND l.source_ref = f.level_source_ref
    LEFT JOIN line_items li ON li.code = f.line_item
    WHERE f.change_yuan IS NOT NULL AND f.origin = 'statement'
), one AS (
    -- a whole stated with two different changes against the same base is not judged by its parts
    SELECT report_id, project_id, line_item, base FROM c GROUP BY ALL HAVING count(DISTINCT v) = 1
), part_list AS (
    SELECT whole, partition_id, list(part ORDER BY part) AS ps
    FROM line_item_partitions WHERE complete GROUP BY ALL
), g AS (
    SELECT w.report_id, w.project_id, w.line_item AS whole_item, w.base, w.source_ref AS whole_ref,
           any_value(w.v) AS whole_v, any_value(w.half) AS whole_half,
           any_value(w.word) AS whole_word, any_value(w.reported_text) AS whole_text,
           any_value(w.reported_unit) AS whole_unit, any_value(w.level_text) AS whole_level,
           any_value(w.label) AS whole_label,
           greatest(coalesce(any_value(w.decimals), 0), coalesce(max(p.decimals), 0)) AS decimals,
           lp.partition_id, any_value(lp.ps) AS ps,
           list(p.line_item ORDER BY p.line_item) AS items, sum(p.v) AS observed, sum(p.half) AS parts_half,
           list_half(any_value(w.half),
                     min(p.half) FILTER (WHERE p.reported_unit IS NOT DISTINCT FROM w.reported_unit),
                     max(p.half) FILTER (WHERE p.reported_unit IS DISTINCT FROM w.reported_unit AND p.v <> 0)) AS coarsest_half,
           string_agg(p.label || ' ' || p.word || p.reported_text || coalesce(p.reported_unit, '') || ' @' || p.source_ref,
                      '; ' ORDER BY p.source_ref) AS parts
    FROM c w
    JOIN one USING (report_id, line_item, base)
    JOIN part_list lp ON lp.whole = w.line_item
    JOIN c p ON p.report_id = w.report_id AND p.project_id IS NOT DISTINCT FROM w.project_id
        AND p.base = w.base AND list_contains(lp.ps, p.line_item)
    GROUP BY w.report_id, w.project_id, w.line_item, w.base, w.source_ref, lp.partition_id
), checked AS (
    SELECT r.document_id, g.report_id, g.project_id, 'change_parts_sum' AS check_name, 'error' AS severity,
           whole_v AS expected, observed, whole_v - observed AS difference, whole_half + parts_half AS tolerance,
           abs(whole_v - observed) < whole_half + parts_half + 1e-6 AS passed,
           -- for people: the whole and its parts by their printed labels; the codes are in subject_key
           format('正文写{}{}{}{} @{}（{}），各部分{}之和为 {}{}（{}）',
                  whole_label, whole_word, whole_text, coalesce(whole_unit, ''), whole_ref,
                  CASE WHEN base = 'budget' THEN '比预算' ELSE '比上期' END,
                  CASE WHEN base = 'budget' THEN '比预算增减' ELSE '增减' END,
                  format('{:,.{}f}', observed / unit_factor(whole_unit), decimals), coalesce(whole_unit, '元'),
                  parts) AS detail,
           whole_ref || '; ' || parts AS source_refs,
           whole_item || ':' || base AS subject_key,
           printed_sum_agrees(whole_v, observed, coarsest_half) AS printed_ok, coarsest_half AS printed_tol
    FROM g JOIN reports r USING (report_id)
    -- exactly the partition's parts, each once
    WHERE items = ps
)
-- printed_ok becomes a printed_balance row (pipeline.warehouse.write)
SELECT * FROM checked
