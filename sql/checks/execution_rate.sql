-- Stated rate = executed / adjusted × 100, with interval arithmetic on all three figures. Where
-- it holds only within rounding, the rate recomputed from the printed figures is a
-- printed_balance row (97.80 % printed beside 31.69 / 32.4 = 97.81 %), where its figures are
-- printed to the 百元 or finer.
-- A rate stated in running text ("支出决算为17.06万元，完成预算27万元的63.2%") is measured
-- against the budget figure its sentence names (rate_base_ref), whatever its stage; a
-- payment or execution rate whose budget is stated elsewhere (rate_base_ref = 'report')
-- holds when one budget stated in the report's text gives it, and fails when none does.
WITH e AS (
    SELECT r.document_id, x.report_id, x.project_id, x.line_item, x.origin,
           CAST(x.executed_yuan AS DOUBLE) AS ex, CAST(x.reported_rate_pct AS DOUBLE) AS rate,
           (printed_interval(x.executed_yuan, x.decimals, x.reported_unit)).half AS ex_half,
           (printed_interval(x.reported_rate_pct, x.rate_decimals, '%')).half AS rate_half,
           x.reported_text, x.rate_text, x.source_ref, x.rate_source_ref, x.rate_base_ref,
           coalesce(x.period, 'current') AS period
    FROM fact_executions x JOIN reports r USING (report_id)
    WHERE NOT x.is_twin AND x.executed_yuan IS NOT NULL AND x.reported_rate_pct IS NOT NULL
), b AS (
    SELECT report_id, project_id, line_item, origin, stage, CAST(amount_yuan AS DOUBLE) AS adj, reported_text AS adj_text,
           source_ref AS adj_ref, (printed_interval(amount_yuan, decimals, reported_unit)).half AS adj_half
    FROM fact_budgets WHERE NOT is_twin AND amount_yuan IS NOT NULL
), j AS (
    SELECT e.*, b.adj, b.adj_half, b.adj_text, b.adj_ref, '预算' AS base_word,
           100 * (e.ex - e.ex_half) / (b.adj + b.adj_half) AS lo,
           100 * (e.ex + e.ex_half) / greatest(b.adj - b.adj_half, 1e-9) AS hi
    FROM e JOIN b ON b.report_id = e.report_id AND CASE WHEN e.origin = 'statement' OR e.rate_base_ref IS NOT NULL
        THEN b.adj_ref = e.rate_base_ref
        ELSE b.stage = 'adjusted' AND b.project_id IS NOT DISTINCT FROM e.project_id
             AND b.line_item = e.line_item AND b.origin = e.origin
             -- a table's budget in the executed figure's own row or column: a figure of another
             -- table may be of another scope or year (a text rendering's form is one place)
             AND same_place(b.adj_ref, e.source_ref) END
    WHERE b.adj > 0
), cand AS (
    -- every current budget level stated in the report's text, for rates measured elsewhere
    SELECT e.*, b.adj, b.adj_half, b.adj_text, b.adj_ref,
           100 * (e.ex - e.ex_half) / (b.adj + b.adj_half) AS lo,
           100 * (e.ex + e.ex_half) / greatest(b.adj - b.adj_half, 1e-9) AS hi
    FROM e JOIN fact_budgets f ON f.report_id = e.report_id AND f.project_id IS NOT DISTINCT FROM e.project_id
        AND f.origin = 'statement' AND coalesce(f.period, 'current') = 'current' AND f.amount_yuan > 0
    JOIN b ON b.adj_ref = f.source_ref AND b.report_id = f.report_id
    WHERE e.rate_base_ref = 'report'
), best AS (
    -- the candidate nearest the stated rate speaks for the report
    SELECT * FROM cand
    QUALIFY row_number() OVER (PARTITION BY report_id, source_ref
                               ORDER BY abs(rate - 100 * ex / adj), adj_ref) = 1
), same_item AS (
    -- a rate stated against "the budget" without its figure (公务用车运行维护费支出104.46万元，完成预算
    -- 的87.39%) in a text that states one current budget of that same named line item (其中:…公务用车
    -- 运行维护费119.5万元): that budget is the one meant. Two different budgets of the item leave
    -- the rate unjudged, and so do items that name income as well as spending (一般公共预算收入
    -- and 一般公共预算支出 are both general_public_budget): only spending dimensions pair.
    SELECT e.*, b.adj, b.adj_half, b.adj_text, b.adj_ref, '正文所列同一项目预算' AS base_word,
           100 * (e.ex - e.ex_half) / (b.adj + b.adj_half) AS lo,
           100 * (e.ex + e.ex_half) / greatest(b.adj - b.adj_half, 1e-9) AS hi
    FROM e JOIN fact_budgets f ON f.report_id = e.report_id AND f.project_id IS NOT DISTINCT FROM e.project_id
        AND f.line_item = e.line_item AND f.origin = 'statement' AND coalesce(f.period, 'current') = 'current'
        AND f.amount_yuan > 0 AND NOT f.is_twin
    JOIN b ON b.adj_ref = f.source_ref AND b.report_id = f.report_id
    JOIN line_items li ON li.code = e.line_item
        AND li.dimension IN ('sangong', 'expense_class', 'expense_item', 'functional_class')
    WHERE e.origin = 'statement' AND e.rate_base_ref IS NULL AND e.period = 'current'
    WINDOW w AS (PARTITION BY e.report_id, e.source_ref)
    QUALIFY min(b.adj) OVER w = max(b.adj) OVER w
        AND row_number() OVER (PARTITION BY e.report_id, e.source_ref ORDER BY b.adj_ref) = 1
), checked AS (
    SELECT document_id, report_id, project_id, 'execution_rate' AS check_name, 'error' AS severity,
           rate AS expected, 100 * ex / adj AS observed, rate - 100 * ex / adj AS difference,
           rate_half + (hi - lo) / 2 AS tolerance,
           (rate + rate_half > lo + 1e-9 AND rate - rate_half < hi - 1e-9) AS passed,
           format('执行率印 {}% @{}, 执行数 {} / {} {} = {}%, 差 {} 个百分点',
                  rate_text, rate_source_ref, reported_text, base_word, adj_text, round(100 * ex / adj, 2),
                  round(rate - 100 * ex / adj, 2)) AS detail,
           rate_source_ref || '; ' || source_ref || '; ' || adj_ref AS source_refs,
           CAST(NULL AS VARCHAR) AS subject_key,
           printed_ratio_agrees(rate, 100 * ex / adj, rate_half) AS printed_ok, 1.1 * rate_half AS printed_tol,
           -- judged as printed only beside figures printed to the 百元 (two places in 万元) or finer —
           -- the finer of the two sets the pair's precision (25 beside 24.84 lost its trailing
           -- zeros): figures rounded to 千元 or coarser (46 / 148万元, 27.8 / 29万元, 17.07 / 20.65亿元)
           -- round accounts the rate was computed from (A 232, E 603, G 824)
           least(ex_half, adj_half) <= 50 AS printed_pair
    FROM (SELECT * FROM j UNION ALL BY NAME SELECT * FROM same_item)
    UNION ALL
    SELECT document_id, report_id, project_id, 'execution_rate', 'error',
           rate, 100 * ex / adj, rate - 100 * ex / adj, rate_half + (hi - lo) / 2,
           (rate + rate_half > lo + 1e-9 AND rate - rate_half < hi - 1e-9),
           format('执行率印 {}% @{}, 执行数 {}; 正文所列预算中最接近的 {} 给出 {}%, 差 {} 个百分点',
                  rate_text, rate_source_ref, reported_text, adj_text, round(100 * ex / adj, 2), round(rate - 100 * ex / adj, 2)),
           rate_source_ref || '; ' || source_ref || '; ' || adj_ref, NULL,
           -- the nearest budget of the text is a pairing made here, not a printed one: not judged as printed
           true, NULL, false
    FROM best
    UNION ALL
    -- a rate its sentence measures against a budget of 0 (年初预算为0万元，全年预算为321.02万元，支出决算为
    -- 307.82万元，完成年初预算的95.89%: 中共普陀区委社会工作部 2024 决算 p.18): no rate is of a zero budget
    SELECT e.document_id, e.report_id, e.project_id, 'execution_rate', 'error',
           -- observed 0: the budget the rate names, of which nothing can be a share
           e.rate, 0.0, e.rate, e.rate_half, false,
           format('执行率印 {}% @{}, 执行数 {}，所对应的预算为 {}{} @{}：预算为零，无执行率可言',
                  e.rate_text, e.rate_source_ref, e.reported_text, b.adj_text, coalesce(f.reported_unit, ''), b.adj_ref),
           e.rate_source_ref || '; ' || e.source_ref || '; ' || b.adj_ref, NULL, NULL, NULL, false
    FROM e JOIN b ON b.report_id = e.report_id AND b.adj_ref = e.rate_base_ref
    JOIN fact_budgets f ON f.report_id = b.report_id AND f.source_ref = b.adj_ref AND f.stage = b.stage
    WHERE e.origin = 'statement' AND b.adj = 0 AND e.ex > 0 AND e.rate > 0
)
-- printed_ok (null where not judged as printed) becomes a printed_balance row (pipeline.warehouse.write)
SELECT * EXCLUDE (printed_pair) REPLACE (CASE WHEN printed_pair THEN printed_ok END AS printed_ok) FROM checked
