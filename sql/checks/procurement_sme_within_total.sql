-- The procurement won by small and medium enterprises is part of the procurement: the national
-- wording of the 政府采购 statement (部门决算 情况说明) states what SMEs won in two sets of projects —
-- 在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额 X; 在其他政府采购项目中，由中小企业
-- 供应商中标或成交的，采购金额 Y — and the reserved projects and the other projects are apart, both
-- within the procurement the text states (政府采购金额（以合同签订为准）为 T, the same contracts): X + Y ≤ T.
-- 中共上海市普陀区委社会工作部 2024 决算 p.22: T 21.07, X 21.07 and Y 21.07 — the reserved projects' 21.07
-- counted again under the other projects. Only the two clauses in that wording, in one paragraph, and
-- a document stating one 政府采购 execution (the statement's total); within rounding it holds.
WITH mu AS (
    -- the money units as printed, from vocab/money_units.csv (longest first, so 万元 before 元)
    SELECT '(' || string_agg(unit, '|' ORDER BY length(unit) DESC) || ')' AS alt
    FROM money_units WHERE kind = 'money'
), p AS (
    SELECT b.document_id, b.block_index, b.page, b.para_index, regexp_replace(b.text, '\s', '', 'g') AS t
    FROM blocks b WHERE b.kind = 'paragraph'
      AND regexp_matches(regexp_replace(b.text, '\s', '', 'g'), '在其他政府采购项目中[，,]?由中小企业供应商中标或成交')
), clauses AS (
    SELECT p.*,
           regexp_extract(t, '在面向中小企业预留的?政府采购项目中[，,]?由中小企业供应商中标或成交的?[，,]?采购金额为?([0-9][0-9,]*(\.[0-9]+)?)' || mu.alt, 1) AS x_txt,
           regexp_extract(t, '在面向中小企业预留的?政府采购项目中[，,]?由中小企业供应商中标或成交的?[，,]?采购金额为?([0-9][0-9,]*(\.[0-9]+)?)' || mu.alt, 3) AS x_unit,
           regexp_extract(t, '在其他政府采购项目中[，,]?由中小企业供应商中标或成交的?[，,]?采购金额为?([0-9][0-9,]*(\.[0-9]+)?)' || mu.alt, 1) AS y_txt,
           regexp_extract(t, '在其他政府采购项目中[，,]?由中小企业供应商中标或成交的?[，,]?采购金额为?([0-9][0-9,]*(\.[0-9]+)?)' || mu.alt, 3) AS y_unit
    FROM p, mu
), won AS (
    SELECT c.*,
           CAST(replace(x_txt, ',', '') AS DOUBLE) * unit_factor(x_unit) AS x,
           (printed_interval(CAST(replace(x_txt, ',', '') AS DOUBLE) * unit_factor(x_unit),
                             length(regexp_extract(x_txt, '\.([0-9]+)$', 1)), x_unit)).half AS x_half,
           CAST(replace(y_txt, ',', '') AS DOUBLE) * unit_factor(y_unit) AS y,
           (printed_interval(CAST(replace(y_txt, ',', '') AS DOUBLE) * unit_factor(y_unit),
                             length(regexp_extract(y_txt, '\.([0-9]+)$', 1)), y_unit)).half AS y_half
    FROM clauses c WHERE x_txt <> '' AND y_txt <> ''
), total AS (
    -- the statement's 政府采购 execution, one figure in the document
    SELECT r.document_id, any_value(x.report_id) AS report_id, any_value(CAST(x.executed_yuan AS DOUBLE)) AS v,
           any_value((printed_interval(x.executed_yuan, x.decimals, x.reported_unit)).half) AS half,
           any_value(x.reported_text) AS txt, any_value(x.reported_unit) AS unit, any_value(x.source_ref) AS ref
    FROM fact_executions x JOIN reports r USING (report_id)
    WHERE x.line_item = 'procurement' AND x.origin = 'statement' AND NOT x.is_twin AND x.project_id IS NULL
      AND coalesce(x.period, 'current') = 'current' AND x.executed_yuan IS NOT NULL
    GROUP BY r.document_id HAVING count(DISTINCT x.executed_yuan) = 1
)
SELECT w.document_id, t.report_id, NULL AS project_id, 'procurement_sme_within_total' AS check_name, 'error' AS severity,
       t.v AS expected, w.x + w.y AS observed, t.v - (w.x + w.y) AS difference, t.half + w.x_half + w.y_half AS tolerance,
       w.x + w.y <= t.v + t.half + w.x_half + w.y_half + 1e-6 AS passed,
       format('中小企业中标或成交：面向中小企业预留的项目中 {}{} + 其他项目中 {}{} = {}{} @{}；政府采购金额 {}{} @{}',
              w.x_txt, w.x_unit, w.y_txt, w.y_unit, round((w.x + w.y) / unit_factor(w.x_unit), 4), w.x_unit,
              concat_ws(';', 'page=' || w.page, 'para=' || w.para_index), t.txt, coalesce(t.unit, ''), t.ref) AS detail,
       concat_ws(';', 'page=' || w.page, 'para=' || w.para_index) || '; ' || t.ref AS source_refs,
       'procurement_sme' AS subject_key
FROM won w JOIN total t USING (document_id)
