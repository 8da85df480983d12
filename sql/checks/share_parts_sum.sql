-- Parts whose stated shares of one printed whole add up to 100 % are all of it: their figures add
-- up to the whole ("…总支出安排6571.85亿元…其中,省本级支出1478.55亿元,占总支出的22.5%;…4404.78亿元,占
-- 总支出的67%;…598.75亿元,占总支出的9.1%;预备费24亿元,占总支出的0.4%;债务还本支出65.78亿元,占总支出
-- 的1%": 22.5 + 67 + 9.1 + 0.4 + 1 = 100, and the five figures make 6571.86). The shares must add up to
-- 100 within the coarsest share's rounding (never a list missing a part of one unit of that
-- share), and each share must agree with its figures (share_of_total: a share that does not is no
-- evidence of the list's completeness — 占收入预算总额的90.3% for 7000 of 7783.26万元, beside a part
-- listed without a share); two parts at least, each counted once. A whole with parts listed under
-- it (part_of) is left to stated_parts_sum. Interval arithmetic on every printed figure; as
-- printed, the list's precision (printed_balance).
WITH s AS (
    SELECT DISTINCT r.document_id, s.report_id, s.project_id, s.part_source_ref, CAST(s.part_yuan AS DOUBLE) AS pv,
           s.part_text, s.part_unit, (printed_interval(s.part_yuan, s.part_decimals, s.part_unit)).half AS ph,
           s.whole_source_ref, CAST(s.whole_yuan AS DOUBLE) AS wv, s.whole_text, s.whole_unit,
           (printed_interval(s.whole_yuan, s.whole_decimals, s.whole_unit)).half AS wh,
           CAST(s.share_pct AS DOUBLE) AS p, s.share_text, (printed_interval(s.share_pct, s.share_decimals, '%')).half AS sh
    FROM fact_shares s JOIN reports r USING (report_id)
    WHERE s.part_yuan IS NOT NULL AND s.whole_yuan IS NOT NULL AND s.share_pct IS NOT NULL
      AND s.whole_source_ref IS NOT NULL AND s.part_source_ref <> s.whole_source_ref
), one AS (
    -- each share's agreement with its figures, as share_of_total judges it (interval arithmetic)
    SELECT *, (p + sh > 100 * greatest(pv - ph, 0) / (wv + wh) - 1e-9 AND p - sh < 100 * (pv + ph) / (wv - wh) + 1e-9) AS agrees
    FROM s WHERE wv - wh > 0
    QUALIFY row_number() OVER (PARTITION BY report_id, whole_source_ref, part_source_ref ORDER BY p) = 1
), g AS (
    SELECT any_value(document_id) AS document_id, report_id, any_value(project_id) AS project_id, whole_source_ref,
           any_value(wv) AS whole_v, any_value(wh) AS whole_half, any_value(whole_text) AS whole_text,
           any_value(whole_unit) AS whole_unit, count(*) AS n, sum(p) AS shares, max(sh) AS share_half,
           bool_and(agrees) AS shares_agree,
           sum(pv) AS observed, sum(ph) AS parts_half,
           list_half(any_value(wh), min(ph) FILTER (WHERE part_unit IS NOT DISTINCT FROM whole_unit),
                     max(ph) FILTER (WHERE part_unit IS DISTINCT FROM whole_unit AND pv <> 0)) AS coarsest_half,
           string_agg(part_text || coalesce(part_unit, '') || ' 占' || share_text || '% @' || part_source_ref, '; '
                      ORDER BY part_source_ref) AS parts
    FROM one GROUP BY report_id, whole_source_ref
), judged AS (
    SELECT g.* FROM g
    WHERE n >= 2 AND abs(shares - 100) <= share_half + 1e-9 AND shares_agree
      AND NOT EXISTS (SELECT 1 FROM fact_budgets b WHERE b.report_id = g.report_id AND b.part_of = g.whole_source_ref)
      AND NOT EXISTS (SELECT 1 FROM fact_executions e WHERE e.report_id = g.report_id AND e.part_of = g.whole_source_ref)
)
SELECT document_id, report_id, project_id, 'share_parts_sum' AS check_name, 'error' AS severity,
       whole_v AS expected, observed, whole_v - observed AS difference, whole_half + parts_half AS tolerance,
       abs(whole_v - observed) < whole_half + parts_half + 1e-6 AS passed,
       format('正文写总数 {}{} @{}，所列 {} 项的占比之和为 {}%（完整构成），其数之和为 {}{}（{}），差 {}{}',
              whole_text, coalesce(whole_unit, ''), whole_source_ref, n, round(shares, 4),
              round(observed / unit_factor(whole_unit), 6), coalesce(whole_unit, '元'), parts,
              round((whole_v - observed) / unit_factor(whole_unit), 6), coalesce(whole_unit, '元')) AS detail,
       whole_source_ref || '; ' || parts AS source_refs,
       CAST(NULL AS VARCHAR) AS subject_key,
       printed_sum_agrees(whole_v, observed, coarsest_half) AS printed_ok, coarsest_half AS printed_tol
FROM judged
