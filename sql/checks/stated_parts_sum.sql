-- Parts listed in running text under a figure ("…支出决算1165.08万元。其中：因公出国（境）费…")
-- add up to it when they are a whole partition of it in the vocabulary (line_item_partitions),
-- and never exceed it otherwise (a 其中 list may name only some parts). Same stage, same
-- period; interval arithmetic on every printed figure. A list is complete too when the text
-- announces the whole's parts by name and number and lists exactly those (parts_complete:
-- "主要有部门预算项目支出、专项预算支出二类支出，…总预算为2455.5万元，其中…").
WITH f AS (
    SELECT report_id, project_id, line_item, stage AS measure, source_ref, part_of,
           CAST(amount_yuan AS DOUBLE) AS v, (printed_interval(amount_yuan, decimals, reported_unit)).half AS half,
           reported_text, reported_unit, label_text, coalesce(parts_complete, false) AS parts_complete
    FROM fact_budgets WHERE (origin = 'statement' OR parts_complete) AND coalesce(period, 'current') = 'current' AND amount_yuan IS NOT NULL
    UNION ALL
    SELECT report_id, project_id, line_item, 'executed', source_ref, part_of,
           CAST(executed_yuan AS DOUBLE), (printed_interval(executed_yuan, decimals, reported_unit)).half,
           reported_text, reported_unit, label_text, coalesce(parts_complete, false)
    FROM fact_executions WHERE (origin = 'statement' OR parts_complete) AND coalesce(period, 'current') = 'current' AND executed_yuan IS NOT NULL
), parts AS (
    SELECT p.*, w.line_item AS whole_item, w.v AS whole_v, w.half AS whole_half, w.reported_text AS whole_text,
           w.reported_unit AS whole_unit, w.source_ref AS whole_ref, w.label_text AS whole_label, w.parts_complete AS whole_complete
    FROM f p JOIN f w ON w.report_id = p.report_id AND w.source_ref = p.part_of
        -- an announced whole another reader placed may carry another budget stage than its parts
        AND (w.measure = p.measure OR w.parts_complete)
), pd AS (
    -- parts of one whole are added up per dimension (功能分类 lines and 基本/项目支出 both split
    -- 支出预算); a list is judged complete only when stated in its whole's own paragraph
    -- (one dimension for the parts a text announced, whatever the vocabulary calls each)
    -- lines the vocabulary does not name (stated) listed outside the whole's paragraph are added up per
    -- paragraph: two paragraphs listing such lines under one figure are two breakdowns of it (seed 003:
    -- 一般公共预算财政拨款支出912.26万元，主要用于以下方面：一般公共服务支出711.95万元… by class, and under
    -- the same figure in 具体情况 1.…行政运行（项）520.89万元 by item), never one list
    SELECT parts.*, CASE WHEN parts.whole_complete THEN 'announced'
                         WHEN coalesce(li.dimension, 'stated') = 'stated'
                              AND coalesce(text_para(parts.source_ref), '') <> coalesce(text_para(parts.whole_ref), '')
                         THEN 'stated@' || coalesce(text_para(parts.source_ref), '')
                         ELSE coalesce(li.dimension, 'stated') END AS dimension,
           coalesce(text_para(parts.source_ref), '') = coalesce(text_para(parts.whole_ref), '')
           -- …or in a paragraph printing the whole again, the figure the reader kept being the first
           -- (社会工作部 p.20: 一般公共预算财政拨款基本支出105.58万元。其中：人员经费95.36万元…公用经费10.23万元,
           -- the 105.58 first stated on p.17)
           OR EXISTS (SELECT 1 FROM blocks bl JOIN reports rr ON rr.document_id = bl.document_id
                      WHERE parts.whole_v <> 0 AND rr.report_id = parts.report_id AND bl.kind = 'paragraph'
                        AND CAST(bl.para_index AS VARCHAR) = text_para(parts.source_ref)
                        AND contains(regexp_replace(bl.text, '\s', '', 'g'), parts.whole_text || coalesce(parts.whole_unit, '')))
           AS same_para
    FROM parts LEFT JOIN line_items li ON li.code = parts.line_item
), g AS (
    SELECT report_id, any_value(project_id) AS project_id, whole_ref, whole_item, dimension, bool_and(same_para) AS closed,
           any_value(whole_v) AS whole_v,
           any_value(whole_half) AS whole_half, any_value(whole_text) AS whole_text, any_value(whole_unit) AS whole_unit,
           any_value(whole_label) AS whole_label, bool_or(whole_complete) AS announced,
           sum(v) AS observed, sum(half) AS parts_half, count(*) AS n, list(DISTINCT line_item) AS items,
           list_half(any_value(whole_half),
                     min(half) FILTER (WHERE reported_unit IS NOT DISTINCT FROM whole_unit),
                     max(half) FILTER (WHERE reported_unit IS DISTINCT FROM whole_unit AND v <> 0)) AS coarsest_half,
           string_agg(coalesce(label_text, line_item) || '=' || reported_text || coalesce(reported_unit, '') || ' @' || source_ref, '; ') AS detail_parts
    FROM pd GROUP BY report_id, whole_ref, whole_item, dimension
), complete AS (
    -- the listed parts are exactly one partition of the whole (each part once)
    SELECT g.report_id, g.whole_ref, g.dimension, bool_or(true) AS is_complete
    FROM g JOIN (SELECT whole, partition_id, list(part ORDER BY part) AS ps FROM line_item_partitions
                 WHERE complete GROUP BY ALL) lp
        ON lp.whole = g.whole_item AND list_sort(g.items) = lp.ps AND len(g.items) = g.n AND g.closed
    GROUP BY ALL
    UNION
    -- the parts the text announced, each listed once in the whole's own paragraph
    SELECT report_id, whole_ref, dimension, true FROM g WHERE announced AND closed
), checked AS (
    SELECT r.document_id, g.report_id, g.project_id, 'stated_parts_sum' AS check_name, 'error' AS severity,
           g.whole_v AS expected, g.observed, g.whole_v - g.observed AS difference, g.whole_half + g.parts_half AS tolerance,
           CASE WHEN coalesce(c.is_complete, false)
                THEN abs(g.whole_v - g.observed) < g.whole_half + g.parts_half + 1e-6
                ELSE g.observed <= g.whole_v + g.whole_half + g.parts_half + 1e-6 END AS passed,
           format('正文写 {} {}{} @{}，其中所列 {} 项{}之和为 {}{}（{}），差 {}{}',
                  coalesce(g.whole_label, g.whole_item), g.whole_text, coalesce(g.whole_unit, ''), g.whole_ref, g.n,
                  CASE WHEN coalesce(c.is_complete, false) THEN '（完整构成）' ELSE '（部分列举，不应超过总数）' END,
                  round(g.observed / unit_factor(g.whole_unit), 6), coalesce(g.whole_unit, '元'), g.detail_parts,
                  round((g.whole_v - g.observed) / unit_factor(g.whole_unit), 6), coalesce(g.whole_unit, '元')) AS detail,
           g.whole_ref || '; ' || g.detail_parts AS source_refs,
           CAST(NULL AS VARCHAR) AS subject_key, coalesce(c.is_complete, false) AS is_complete,
           printed_sum_agrees(g.whole_v, g.observed, g.coarsest_half) AS printed_ok, g.coarsest_half AS printed_tol
    FROM g JOIN reports r USING (report_id)
    LEFT JOIN complete c ON c.report_id = g.report_id AND c.whole_ref = g.whole_ref AND c.dimension = g.dimension
    -- a figure's funding levels (其中中央…省级…市级…) are a list when at least two are named in its
    -- own paragraph: one level alone may be offset by another left unprinted or negative
    -- (其中中央直达资金139.71万元,省直达-13.27万元 under 126.44万元)
    WHERE g.dimension <> 'fund_level' OR (g.n >= 2 AND g.closed)
)
-- printed_ok (null where not judged as printed) becomes a printed_balance row (pipeline.warehouse.write)
SELECT * EXCLUDE (is_complete) REPLACE (CASE WHEN is_complete THEN printed_ok END AS printed_ok) FROM checked
