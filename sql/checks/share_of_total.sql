-- A stated share (占 X%) equals part ÷ whole × 100, with interval arithmetic on the three
-- printed figures. A share moved by one unit of its last digit so that the shares of one whole
-- add up to exactly 100 % (57.93 + 27.58 + 0.87 + 13.62, where 27.59 is computed) still does not
-- match its figures: it is reported, and the detail names the likely cause (尾差调整) so that an
-- auditor can judge it at a glance.
WITH s AS (
    SELECT r.document_id, s.*, CAST(s.part_yuan AS DOUBLE) AS pv, CAST(s.whole_yuan AS DOUBLE) AS wv,
           CAST(s.share_pct AS DOUBLE) AS p,
           (printed_interval(s.part_yuan, s.part_decimals, s.part_unit)).half AS ph,
           (printed_interval(s.whole_yuan, s.whole_decimals, s.whole_unit)).half AS wh,
           (printed_interval(s.share_pct, s.share_decimals, '%')).half AS sh
    FROM fact_shares s JOIN reports r USING (report_id)
    WHERE s.part_yuan IS NOT NULL AND s.whole_yuan IS NOT NULL AND s.share_pct IS NOT NULL
), forced AS (
    -- the wholes whose stated shares add up to 100 % as printed (two shares at least)
    SELECT report_id, whole_source_ref
    FROM s GROUP BY ALL
    HAVING count(*) >= 2 AND abs(sum(p) - 100) < 1e-6
), j AS (
    SELECT s.*, 100 * greatest(pv - ph, 0) / (wv + wh) AS lo, 100 * (pv + ph) / (wv - wh) AS hi,
           f.report_id IS NOT NULL AS to_hundred
    FROM s LEFT JOIN forced f USING (report_id, whole_source_ref)
    WHERE wv - wh > 0
)
SELECT document_id, report_id, project_id, 'share_of_total' AS check_name, 'error' AS severity,
       p AS expected, 100 * pv / wv AS observed, p - 100 * pv / wv AS difference, sh + (hi - lo) / 2 AS tolerance,
       -- a printed percentage stands for [p − ½·10⁻ᵈ, p + ½·10⁻ᵈ] (the contract's one interval: a
       -- percentage cut off rather than rounded, 38.28 for 38.2877, is a misprint)
       (p + sh > lo - 1e-9 AND p - sh < hi + 1e-9) AS passed,
       format('正文写 {}{} @{} 占 {}%（@{}），其总数 {}{} @{}，按数计算为 {}%{}',
              part_text, coalesce(part_unit, ''), part_source_ref, share_text, source_ref,
              whole_text, coalesce(whole_unit, ''), whole_source_ref, round(100 * pv / wv, 2),
              CASE WHEN to_hundred THEN '（同一总数的各占比合计恰为100%，差异可能来自尾差调整 / the shares of this whole were rounded to add up to 100 %）' ELSE '' END) AS detail,
       concat_ws('; ', source_ref, part_source_ref, whole_source_ref) AS source_refs
FROM j
