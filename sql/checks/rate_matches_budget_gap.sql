-- A stated execution rate agrees with the gap to the budget stated beside it: "完成年初预算100%，
-- 决算数大于预算数55.93万元" (1741.75万元 executed) puts the budget at 1741.75 − 55.93 = 1685.82万元,
-- so the rate is 103.3 %, not 100 %. Judged where the sentence grammar read a change against the
-- budget (base = 'budget', 比预算数减少 / 决算数大于预算数) of an executed level whose rate is printed
-- in the same paragraph without a budget figure of its own (a rate measured against a printed budget
-- is execution_rate's). Interval arithmetic on the three printed figures; a budget that could be
-- ≤ 0 is not judged.
WITH g AS (
    SELECT r.document_id, x.report_id, x.project_id, c.direction,
           CAST(x.executed_yuan AS DOUBLE) AS lv, CAST(c.change_yuan AS DOUBLE) AS ch,
           CAST(x.reported_rate_pct AS DOUBLE) AS p,
           (printed_interval(x.executed_yuan, x.decimals, x.reported_unit)).half AS lh,
           (printed_interval(c.change_yuan, c.decimals, c.reported_unit)).half AS chh,
           (printed_interval(x.reported_rate_pct, x.rate_decimals, '%')).half AS ph,
           x.reported_text, x.reported_unit, x.rate_text, c.word, c.reported_text AS change_text,
           c.reported_unit AS change_unit, x.source_ref, x.rate_source_ref, c.source_ref AS change_ref
    FROM fact_changes c
    JOIN fact_executions x ON x.report_id = c.report_id AND x.source_ref = c.level_source_ref
    JOIN reports r ON r.report_id = x.report_id
    WHERE c.base = 'budget' AND c.direction IN (-1, 1) AND c.change_yuan > 0
      AND NOT x.is_twin AND x.executed_yuan > 0 AND x.reported_rate_pct IS NOT NULL
      AND coalesce(x.rate_base_ref, 'report') = 'report'
      AND split_part(x.rate_source_ref, ';', 1) = split_part(c.source_ref, ';', 1)
), b AS (
    SELECT *, lv - direction * ch AS budget,
           lv - lh - direction * ch - chh AS b_lo, lv + lh - direction * ch + chh AS b_hi
    FROM g
), j AS (
    SELECT *, 100 * (lv - lh) / b_hi AS lo, 100 * (lv + lh) / b_lo AS hi FROM b WHERE b_lo > 0
)
SELECT document_id, report_id, project_id, 'rate_matches_budget_gap' AS check_name, 'error' AS severity,
       p AS expected, 100 * lv / budget AS observed, p - 100 * lv / budget AS difference,
       ph + (hi - lo) / 2 AS tolerance,
       (p + ph > lo - 1e-9 AND p - ph < hi + 1e-9) AS passed,
       format('执行率印 {}% @{}，执行数 {}{} @{}，{}预算 {}{} @{}，预算应为 {} 元，执行率应为 {}%',
              rate_text, rate_source_ref, reported_text, coalesce(reported_unit, ''), source_ref, word,
              change_text, coalesce(change_unit, ''), change_ref, round(budget, 2), round(100 * lv / budget, 2)) AS detail,
       concat_ws('; ', rate_source_ref, source_ref, change_ref) AS source_refs
FROM j
