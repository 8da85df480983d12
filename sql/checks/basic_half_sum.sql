-- A 基本支出表 printed in two halves side by side (经济分类科目编码 | 科目名称 | 决算数, twice: the national
-- 一般公共预算财政拨款基本支出决算表) closes each half with its own total on one row: 人员经费合计 under
-- the left half (301 工资福利支出, 303 对个人和家庭的补助), 公用经费合计 under the right one (302 商品和服务
-- 支出, 310 资本性支出 …). Each closing total is the sum of the classes (3-digit codes) printed in its
-- half (普陀区规划和自然资源局 2024 决算 p.16: 人员经费合计 4,884.09 against 301 4,816.14 + 303 67.96 =
-- 4,884.10). The layout, not the codes, says which rows a total closes: 人员经费 and 公用经费 read from
-- one row of one table, 人员经费合计 in the left column of figures and 公用经费合计 in the right one; a
-- half is the classes read in that column of figures. Never 301 + 303 as such: a 部门预算 基本支出表
-- printing 人员经费 and 公用经费 as columns has its 301 split between them. Only where the half is read
-- whole: its table titled on its page (基本支出, not a page continued), every figure of the column above
-- the total a class or an item under one of its classes, no class in both halves.
WITH t AS (
    SELECT * FROM table_titles()  -- sql/schema/26_table_titles.sql
), f AS (
    SELECT r.document_id, x.report_id, x.line_item, 'executed' AS stage, CAST(x.executed_yuan AS DOUBLE) AS v,
           x.reported_text AS txt, x.reported_unit AS unit, x.decimals, x.source_ref, x.label_text
    FROM fact_executions x JOIN reports r USING (report_id)
    WHERE x.origin = 'table' AND x.table_kind = 'classification' AND NOT x.is_twin AND x.project_id IS NULL
      AND coalesce(x.period, 'current') = 'current' AND x.executed_yuan IS NOT NULL
    UNION ALL
    SELECT r.document_id, x.report_id, x.line_item, x.stage, CAST(x.amount_yuan AS DOUBLE), x.reported_text,
           x.reported_unit, x.decimals, x.source_ref, x.label_text
    FROM fact_budgets x JOIN reports r USING (report_id)
    WHERE x.origin = 'table' AND x.table_kind = 'classification' AND NOT x.is_twin AND x.project_id IS NULL
      AND coalesce(x.period, 'current') = 'current' AND x.amount_yuan IS NOT NULL
), placed AS (
    SELECT f.*, (printed_interval(v, decimals, unit)).half AS half,
           CAST(regexp_extract(source_ref, 'table=(\d+)', 1) AS INTEGER) AS t,
           CAST(regexp_extract(source_ref, ';row=(\d+)', 1) AS INTEGER) AS rw,
           CAST(regexp_extract(source_ref, ';col=(\d+)', 1) AS INTEGER) AS c,
           TRY_CAST(regexp_extract(source_ref, 'page=(\d+)', 1) AS INTEGER) AS page
    FROM f WHERE regexp_matches(source_ref, 'table=\d+;row=\d+;col=\d+')
), closing AS (
    -- 人员经费合计 and 公用经费合计 on one row, the first left of the second
    SELECT p.document_id, p.report_id, p.stage, p.t, p.rw, p.page, p.c AS pc, q.c AS qc,
           p.v AS pv, p.txt AS ptxt, p.half AS phalf, p.unit AS punit, p.source_ref AS pref, p.label_text AS plabel,
           q.v AS qv, q.txt AS qtxt, q.half AS qhalf, q.unit AS qunit, q.source_ref AS qref, q.label_text AS qlabel
    FROM placed p JOIN placed q ON q.document_id = p.document_id AND q.report_id = p.report_id AND q.t = p.t
                                AND q.rw = p.rw AND q.stage = p.stage AND q.c > p.c
    WHERE p.line_item = 'personnel' AND q.line_item = 'public_operating'
      AND (SELECT count(*) FROM placed z WHERE z.document_id = p.document_id AND z.t = p.t
             AND z.line_item IN ('personnel', 'public_operating')) = 2
), titled AS (
    SELECT c.* FROM closing c JOIN t ON t.document_id = c.document_id AND t.table_index = c.t
    WHERE regexp_matches(t.title, '基本支出')
), halves AS (
    SELECT document_id, report_id, stage, t, rw, page, pc AS c, 'personnel' AS line_item, pv AS v, ptxt AS txt,
           phalf AS half, punit AS unit, pref AS ref, plabel AS label FROM titled
    UNION ALL
    SELECT document_id, report_id, stage, t, rw, page, qc, 'public_operating', qv, qtxt, qhalf, qunit, qref, qlabel FROM titled
), rows_of AS (
    SELECT h.document_id, h.report_id, h.stage, h.t, h.rw, h.c, p.line_item AS code, p.v, p.txt, p.half, p.rw AS row_index,
           p.unit
    FROM halves h JOIN placed p ON p.document_id = h.document_id AND p.report_id = h.report_id AND p.t = h.t
                               AND p.c = h.c AND p.stage = h.stage AND p.rw < h.rw
    WHERE regexp_matches(p.line_item, '^econ:3\d{2}(\d{2})?$')
), classes AS (
    SELECT document_id, report_id, stage, t, rw, c, count(*) AS n, sum(v) AS s, min(half) AS min_half,
           sum(half) AS halves, count(DISTINCT coalesce(unit, '')) AS units,
           string_agg(replace(code, 'econ:', '') || ' ' || txt, ' + ' ORDER BY row_index) AS parts_text,
           list(code) AS codes
    FROM rows_of WHERE regexp_matches(code, '^econ:3\d{2}$') GROUP BY ALL
), whole AS (
    SELECT h.*, k.n, k.s, k.min_half, k.halves, k.parts_text, k.codes
    FROM halves h JOIN classes k USING (document_id, report_id, stage, t, rw, c)
    WHERE k.units = 1 AND coalesce(h.unit, '') = (SELECT coalesce(any_value(unit), '') FROM rows_of o
                                                  WHERE o.document_id = h.document_id AND o.t = h.t AND o.c = h.c)
      -- every item of the half under one of its classes
      AND NOT EXISTS (SELECT 1 FROM rows_of o WHERE o.document_id = h.document_id AND o.report_id = h.report_id
                        AND o.t = h.t AND o.rw = h.rw AND o.c = h.c AND o.stage = h.stage
                        AND NOT list_contains(k.codes, left(o.code, 8)))
      -- every figure printed in the column above the total read as a class or an item
      AND NOT EXISTS (SELECT 1 FROM cells x WHERE x.document_id = h.document_id AND x.table_index = h.t
                        AND x.col_index = h.c AND x.row_index < h.rw AND NOT x.merged_copy
                        AND TRY_CAST(replace(x.text, ',', '') AS DOUBLE) IS NOT NULL
                        AND NOT EXISTS (SELECT 1 FROM rows_of o WHERE o.document_id = h.document_id
                                          AND o.report_id = h.report_id AND o.t = h.t AND o.rw = h.rw AND o.c = h.c
                                          AND o.stage = h.stage AND o.row_index = x.row_index))
), distinct_halves AS (
    -- no class printed in both halves
    SELECT w.* FROM whole w
    WHERE NOT EXISTS (SELECT 1 FROM whole o WHERE o.document_id = w.document_id AND o.t = w.t AND o.rw = w.rw
                        AND o.stage = w.stage AND o.c <> w.c AND len(list_intersect(o.codes, w.codes)) > 0)
)
SELECT document_id, report_id, NULL AS project_id, 'basic_half_sum' AS check_name, 'error' AS severity,
       v AS expected, s AS observed, v - s AS difference, half + halves AS tolerance,
       abs(v - s) < 1e-6 OR abs(v - s) < half + halves - 1e-9 AS passed,
       format('{}（{}）印 {}{} @{}, 其所在半表各类之和 {} = {}{}, 差 {}{}', label, stage_zh(stage), txt, coalesce(unit, ''),
              ref, parts_text, round(s / unit_factor(unit), 4), coalesce(unit, '元'), round((v - s) / unit_factor(unit), 4),
              coalesce(unit, '元')) AS detail,
       ref AS source_refs, line_item || ':' || stage AS subject_key,
       printed_sum_agrees(v, s, list_half(half, min_half, NULL)) AS printed_ok, list_half(half, min_half, NULL) AS printed_tol
FROM distinct_halves
