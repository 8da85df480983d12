-- A figure stated in the text equals the same figure in a table: the paragraph patterns'
-- mentions by subject, and every level the sentence grammar read (origin 'statement') against
-- the table figures of the same line item, stage and period in the report (it holds when one
-- of them agrees; lines without a name of their own — stated, listed, total, other — are not
-- compared).
WITH m AS (
    -- Mentions carry the value as printed; compared in base units (yuan for money).
    SELECT *, value * unit_factor(reported_unit) AS base,
           (printed_interval(value * unit_factor(reported_unit), decimals, reported_unit)).half AS half
    FROM fact_mentions WHERE kind <> 'twin' AND subject IS NOT NULL AND value IS NOT NULL
)
SELECT n.document_id, n.report_id, NULL AS project_id, 'narrative_matches_table' AS check_name, 'error' AS severity,
       t.base AS expected, n.base AS observed, t.base - n.base AS difference, t.half + n.half AS tolerance,
       (abs(t.base - n.base) < 1e-6 OR abs(t.base - n.base) < t.half + n.half - 1e-9) AS passed,
       format('正文所写{} {}{} @{}，表格印 {}{} @{}',
              -- the subject in words (budget:initial:total → 年度资金总额（年初预算）), not its key
              CASE WHEN n.subject LIKE 'budget:%' THEN coalesce(li.label_zh, split_part(n.subject, ':', 3))
                        || CASE split_part(n.subject, ':', 2) WHEN 'initial' THEN '（年初预算）' WHEN 'adjusted' THEN '（调整后预算）'
                                WHEN 'adjustment' THEN '（预算调整数）' ELSE '' END
                   WHEN n.subject LIKE 'executed:%' THEN coalesce(li.label_zh, split_part(n.subject, ':', 2)) || '（执行数）'
                   WHEN n.subject = 'rate:total' THEN '执行率'
                   WHEN n.subject = 'score:total' THEN '总分'
                   WHEN n.subject LIKE 'project_score:%' THEN '项目「' || substr(n.subject, 15) || '」得分'
                   WHEN n.subject LIKE 'component:%' THEN '「' || substr(n.subject, 11) || '」得分'
                   ELSE n.subject END,
              n.reported_text, coalesce(n.reported_unit, ''), n.source_ref,
              t.reported_text, coalesce(t.reported_unit, ''), t.source_ref) AS detail,
       '正文 ' || n.source_ref || '; 表格 ' || t.source_ref AS source_refs,
       FALSE AS incomplete
FROM m n JOIN m t ON t.report_id = n.report_id AND t.subject = n.subject AND t.origin = 'table'
LEFT JOIN line_items li ON li.code = CASE WHEN n.subject LIKE 'budget:%' THEN split_part(n.subject, ':', 3)
                                          ELSE split_part(n.subject, ':', 2) END
WHERE n.origin = 'narrative' AND (n.scope = 'report' OR n.subject LIKE 'project_score:%')
UNION ALL
SELECT s.document_id, s.report_id, NULL, 'narrative_matches_table', 'error',
       arg_min(t.v, abs(t.v - s.v)), s.v, arg_min(t.v, abs(t.v - s.v)) - s.v,
       arg_min(t.half, abs(t.v - s.v)) + s.half,
       bool_or(abs(t.v - s.v) < 1e-6 OR abs(t.v - s.v) < t.half + s.half - 1e-9),
       format('正文「{}」写 {}{} @{}，表格印 {}', s.label, s.text, coalesce(s.unit, ''), s.ref,
              string_agg(t.text || coalesce(t.unit, '') || ' @' || t.ref, '; ' ORDER BY abs(t.v - s.v))),
       s.ref || '; ' || string_agg(t.ref, '; ' ORDER BY abs(t.v - s.v)),
       -- one sentence giving several different figures the same line item (政府采购预算总额712.49万元：
       -- 政府采购货物预算486.50万元、…服务预算225.99万元) names only one of them: which one the reader
       -- did not tell, so none is an error (incomplete)
       any_value(s.same_name_figures) > 1
FROM (
    SELECT r.document_id, f.report_id, f.line_item, f.stage AS measure, CAST(f.amount_yuan AS DOUBLE) AS v,
           (printed_interval(f.amount_yuan, f.decimals, f.reported_unit)).half AS half, f.reported_text AS text,
           f.reported_unit AS unit, f.source_ref AS ref, coalesce(f.label_text, f.line_item) AS label,
           count(DISTINCT f.amount_yuan) OVER (PARTITION BY f.report_id, f.line_item, f.stage,
                                               regexp_extract(f.source_ref, '^page=\d+;para=\d+')) AS same_name_figures
    FROM fact_budgets f JOIN reports r USING (report_id)
    WHERE f.origin = 'statement' AND f.project_id IS NULL AND coalesce(f.period, 'current') = 'current'
      AND f.line_item NOT IN ('stated', 'listed', 'total', 'other') AND f.amount_yuan IS NOT NULL
    UNION ALL
    SELECT r.document_id, f.report_id, f.line_item, 'executed', CAST(f.executed_yuan AS DOUBLE),
           (printed_interval(f.executed_yuan, f.decimals, f.reported_unit)).half, f.reported_text,
           f.reported_unit, f.source_ref, coalesce(f.label_text, f.line_item),
           count(DISTINCT f.executed_yuan) OVER (PARTITION BY f.report_id, f.line_item,
                                                 regexp_extract(f.source_ref, '^page=\d+;para=\d+'))
    FROM fact_executions f JOIN reports r USING (report_id)
    WHERE f.origin = 'statement' AND f.project_id IS NULL AND coalesce(f.period, 'current') = 'current'
      AND f.line_item NOT IN ('stated', 'listed', 'total', 'other') AND f.executed_yuan IS NOT NULL
) s
JOIN (
    -- a two-sided statement's 总计 (收入支出决算总表: total) is what the text calls 收入支出总计
    SELECT report_id, CASE WHEN line_item = 'total' AND table_kind = 'two_sided' THEN 'grand_total' ELSE line_item END AS line_item,
           stage AS measure, CAST(amount_yuan AS DOUBLE) AS v,
           (printed_interval(amount_yuan, decimals, reported_unit)).half AS half, reported_text AS text,
           reported_unit AS unit, source_ref AS ref
    FROM fact_budgets
    WHERE origin = 'table' AND NOT is_twin AND project_id IS NULL AND coalesce(period, 'current') = 'current'
      AND amount_yuan IS NOT NULL
    UNION ALL
    -- the text's 本年收入合计 / 收入预算 (total_income) is the table's 本年收入合计 of the fund sources
    -- (current_income), or its 收入总计 when the text's words (收入预算) name the whole: either agreeing holds
    SELECT report_id, 'total_income', stage, CAST(amount_yuan AS DOUBLE),
           (printed_interval(amount_yuan, decimals, reported_unit)).half, reported_text, reported_unit, source_ref
    FROM fact_budgets
    WHERE origin = 'table' AND NOT is_twin AND project_id IS NULL AND coalesce(period, 'current') = 'current'
      AND amount_yuan IS NOT NULL AND (line_item = 'current_income' OR (line_item = 'total' AND table_kind = 'two_sided'))
    UNION ALL
    SELECT report_id, CASE WHEN line_item = 'total' AND table_kind = 'two_sided' THEN 'grand_total' ELSE line_item END,
           'executed', CAST(executed_yuan AS DOUBLE),
           (printed_interval(executed_yuan, decimals, reported_unit)).half, reported_text, reported_unit, source_ref
    FROM fact_executions
    WHERE origin = 'table' AND NOT is_twin AND project_id IS NULL AND coalesce(period, 'current') = 'current'
      AND executed_yuan IS NOT NULL
) t ON t.report_id = s.report_id AND t.line_item = s.line_item AND t.measure = s.measure
-- a table printing nothing but zeros (2026年度政府性基金预算拨款支出预算表: 合计 0.00 0.00 0.00,
-- 本部门2026年没有使用政府性基金预算拨款安排的支出) speaks of a fund the body does not use: its
-- 基本支出 0.00 is that fund's, not the report's, and is compared with nothing
AND (regexp_extract(t.ref, '^page=\d+;table=\d+;') = ''
     OR EXISTS (SELECT 1 FROM fact_budgets z
                WHERE z.report_id = t.report_id AND z.origin = 'table' AND z.amount_yuan <> 0
                  AND starts_with(z.source_ref, regexp_extract(t.ref, '^page=\d+;table=\d+;')))
     OR EXISTS (SELECT 1 FROM fact_executions z
                WHERE z.report_id = t.report_id AND z.origin = 'table' AND z.executed_yuan <> 0
                  AND starts_with(z.source_ref, regexp_extract(t.ref, '^page=\d+;table=\d+;'))))
GROUP BY s.document_id, s.report_id, s.v, s.half, s.label, s.text, s.unit, s.ref
