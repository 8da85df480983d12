-- A stated change agrees with the figures it compares: "X万元，比上年[Y万元]减少 C万元，下降 P%".
-- The earlier figure is Y when printed, else X + C (X − C for an increase); then
-- P = C / earlier × 100, and a printed Y must also differ from X by C. Interval arithmetic
-- on every printed figure; an earlier figure that could be ≤ 0 is not judged.
WITH c AS (
    SELECT r.document_id, c.report_id, c.project_id, c.line_item, c.direction, c.word,
           CAST(c.level_yuan AS DOUBLE) AS lv,
           -- no change amount printed ("较2022年预算1.50万元增长75%"): the difference of the two figures
           coalesce(CAST(c.change_yuan AS DOUBLE), c.direction * (CAST(c.level_yuan AS DOUBLE) - CAST(c.prior_yuan AS DOUBLE))) AS ch,
           CAST(c.change_pct AS DOUBLE) AS p, CAST(c.prior_yuan AS DOUBLE) AS py,
           (printed_interval(c.level_yuan, c.level_decimals, c.level_unit)).half AS lh,
           -- the change's own rounding when printed, else that of the two figures it is the
           -- difference of (printed_interval of a NULL amount still has a half: test the amount)
           CASE WHEN c.change_yuan IS NOT NULL
                THEN (printed_interval(c.change_yuan, c.decimals, c.reported_unit)).half
                ELSE (printed_interval(c.level_yuan, c.level_decimals, c.level_unit)).half
                     + (printed_interval(c.prior_yuan, c.prior_decimals, c.prior_unit)).half END AS chh,
           (printed_interval(c.change_pct, c.pct_decimals, '%')).half AS ph,
           (printed_interval(c.prior_yuan, c.prior_decimals, c.prior_unit)).half AS pyh,
           c.level_text, c.level_unit, c.reported_text, c.reported_unit, c.pct_text, c.prior_text, c.prior_unit,
           c.level_source_ref, c.source_ref, c.pct_source_ref, c.prior_source_ref
    FROM fact_changes c JOIN reports r USING (report_id)
    WHERE c.level_yuan IS NOT NULL AND (c.change_yuan > 0 OR (c.change_yuan IS NULL AND c.prior_yuan IS NOT NULL))
      AND c.direction IN (-1, 1) AND (c.change_pct IS NOT NULL OR c.prior_yuan IS NOT NULL)
), b AS (
    SELECT *,
           coalesce(py, lv - direction * ch) AS prior,
           CASE WHEN py IS NOT NULL THEN py - pyh
                WHEN direction > 0 THEN (lv - lh) - (ch + chh) ELSE (lv - lh) + (ch - chh) END AS prior_lo,
           CASE WHEN py IS NOT NULL THEN py + pyh
                WHEN direction > 0 THEN (lv + lh) - (ch - chh) ELSE (lv + lh) + (ch + chh) END AS prior_hi
    FROM c
), j AS (
    SELECT *, 100 * (ch - chh) / prior_hi AS lo, 100 * (ch + chh) / prior_lo AS hi,
           -- the printed earlier figure differs from the level by the change (when printed)
           py IS NULL OR abs((lv - py) - direction * ch) < lh + pyh + chh + 1e-9 AS amounts_agree
    FROM b WHERE prior_lo > 0
)
SELECT * REPLACE (incomplete AND NOT passed AS incomplete) FROM (
SELECT j.document_id, report_id, project_id, 'change_matches_figures' AS check_name, 'error' AS severity,
       coalesce(p, direction * ch) AS expected,
       CASE WHEN p IS NULL THEN lv - py ELSE 100 * ch / prior END AS observed,
       CASE WHEN p IS NULL THEN direction * ch - (lv - py) ELSE p - 100 * ch / prior END AS difference,
       CASE WHEN p IS NULL THEN lh + pyh + chh ELSE ph + (hi - lo) / 2 END AS tolerance,
       -- a printed percentage stands for [p − ½·10⁻ᵈ, p + ½·10⁻ᵈ] (the contract's one interval: a
       -- percentage cut off rather than rounded, 38.28 for 38.2877, is a misprint)
       amounts_agree AND (p IS NULL OR (p + ph > lo - 1e-9 AND p - ph < hi + 1e-9)) AS passed,
       format('正文写 {}{} @{}，{}{} {}{} @{}{}；上期 {} 元{}',
              level_text, coalesce(level_unit, ''), level_source_ref,
              CASE WHEN prior_text IS NULL THEN '' ELSE '比上期 ' || prior_text || coalesce(prior_unit, '') || ' ' END,
              word, coalesce(reported_text, '（未印增减额）'), coalesce(reported_unit, ''), source_ref,
              CASE WHEN p IS NULL THEN '' ELSE '，' || word || ' ' || pct_text || '%' END,
              round(prior, 2),
              CASE WHEN p IS NULL THEN '，两数之差为 ' || round(lv - py, 2) || ' 元'
                   ELSE '，应为 ' || round(100 * ch / prior, 2) || '%' END) AS detail,
       concat_ws('; ', level_source_ref, prior_source_ref, source_ref, pct_source_ref) AS source_refs,
       -- a level ending its sentence (…项目支出预算474.56万元，占…28.20%。) is not what the next
       -- sentence's change is of when that sentence names its own subject (2026年预算比2025年预算
       -- 增加50.32万元，增长3.08%: the whole budget's); one opening with the comparison (。比上年执行数
       -- 减少…) still speaks of it. Not understood: incomplete, never an error
       coalesce(contains(substring(blk.text, lvl_end + 1, greatest(chg_start - lvl_end, 0)), '。')
                AND NOT regexp_matches(regexp_extract(substring(blk.text, lvl_end + 1, greatest(chg_start - lvl_end, 0)),
                                                      '。([^。]*)$', 1),
                                       '^\s*(比|较|与|同比|相比|对比)'), FALSE) AS incomplete
FROM (SELECT *,
             TRY_CAST(regexp_extract(level_source_ref, ';chars=\d+-(\d+)', 1) AS INTEGER) AS lvl_end,
             TRY_CAST(regexp_extract(source_ref, ';chars=(\d+)-', 1) AS INTEGER) AS chg_start,
             regexp_extract(level_source_ref, '^(page=\d+;)?para=\d+;') AS lvl_para
      FROM j) j
LEFT JOIN blocks blk ON blk.document_id = j.document_id AND blk.kind = 'paragraph' AND j.lvl_para <> ''
     AND starts_with(j.source_ref, j.lvl_para)
     AND j.lvl_para = coalesce('page=' || blk.page || ';', '') || 'para=' || blk.para_index || ';'
)
