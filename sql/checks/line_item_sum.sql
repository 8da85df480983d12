-- Children of a line item add up to it (nearest printed ancestor), per stage and per source block
-- (a grid table, or a table rendered as text told apart by its template: never two tables);
-- a lone child only has to stay within it.
WITH RECURSIVE anc(code, ancestor, depth) AS (
    SELECT code, parent_code, 1 FROM line_items WHERE parent_code IS NOT NULL
    UNION ALL
    SELECT a.code, li.parent_code, a.depth + 1 FROM anc a JOIN line_items li ON li.code = a.ancestor
    WHERE li.parent_code IS NOT NULL
), facts AS (
    SELECT r.document_id, f.report_id, f.project_id, f.line_item, f.stage AS measure,
           coalesce(f.period, 'current') AS period,
           coalesce(nullif(regexp_extract(f.source_ref, 'table=(\d+)', 1), ''), 'text:' || coalesce(f.table_kind, '')) AS blk,
           CAST(f.amount_yuan AS DOUBLE) AS v, f.reported_text, f.source_ref, f.reported_unit,
           (printed_interval(f.amount_yuan, f.decimals, f.reported_unit)).half AS half,
           f.label_text, f.decimals,
           TRY_CAST(nullif(regexp_extract(f.source_ref, ';row=(\d+)', 1), '') AS INTEGER) AS rw,
           nullif(regexp_extract(f.source_ref, ';col=(\d+)', 1), '') AS col, f.table_kind
    FROM fact_budgets f JOIN reports r USING (report_id)
    WHERE NOT f.is_twin AND f.amount_yuan IS NOT NULL AND f.origin = 'table'
    UNION ALL
    SELECT r.document_id, f.report_id, f.project_id, f.line_item, 'executed',
           coalesce(f.period, 'current'),
           coalesce(nullif(regexp_extract(f.source_ref, 'table=(\d+)', 1), ''), 'text:' || coalesce(f.table_kind, '')),
           CAST(f.executed_yuan AS DOUBLE), f.reported_text, f.source_ref, f.reported_unit,
           (printed_interval(f.executed_yuan, f.decimals, f.reported_unit)).half,
           f.label_text, f.decimals,
           TRY_CAST(nullif(regexp_extract(f.source_ref, ';row=(\d+)', 1), '') AS INTEGER),
           nullif(regexp_extract(f.source_ref, ';col=(\d+)', 1), ''), f.table_kind
    FROM fact_executions f JOIN reports r USING (report_id)
    WHERE NOT f.is_twin AND f.executed_yuan IS NOT NULL AND f.origin = 'table'
), placed AS (
    -- a line item printed twice in one row of a table (two years side by side in one 三公 row,
    -- 2025年 | 2026年 each with 合计, 因公出国(境)费 …) cannot be told apart by its row
    SELECT *, count(*) OVER (PARTITION BY report_id, project_id, measure, period, blk, rw, line_item) > 1
                  AND rw IS NOT NULL AS twice_in_row
    FROM facts
), nearest AS (
    -- For each printed child, its closest printed ancestor in the same block.
    SELECT c.*, lc.dimension, p.line_item AS parent, p.v AS parent_v, p.half AS parent_half,
           p.reported_text AS parent_text, p.source_ref AS parent_ref, p.reported_unit AS parent_unit,
           -- names as printed (the row label), else the vocabulary's label: never the code
           coalesce(p.label_text, lp.label_zh, p.line_item) AS parent_label, p.decimals AS parent_decimals,
           coalesce(c.label_text, lc.label_zh, c.line_item) AS label,
           -- each printed child once, under its nearest ancestor; where the ancestor is printed
           -- more than once (a table classifying by two schemes: 301 工资福利支出 under 501 and
           -- again under 505), under the copy printed last above it
           p.col IS DISTINCT FROM c.col AND (p.twice_in_row OR c.twice_in_row) AS row_ambiguous,
           row_number() OVER (PARTITION BY c.report_id, c.project_id, c.measure, c.period, c.blk, c.line_item,
                                            c.source_ref
                              ORDER BY a.depth, (p.rw <= c.rw) DESC NULLS LAST, abs(p.rw - c.rw)) AS rn
    FROM placed c
    JOIN anc a ON a.code = c.line_item
    JOIN placed p ON p.report_id = c.report_id AND p.project_id IS NOT DISTINCT FROM c.project_id
        AND p.measure = c.measure AND p.period = c.period AND p.blk = c.blk AND p.line_item = a.ancestor
        -- a grid table's parent is in the child's column (a column of parts) or its row (a row
        -- of parts, 合计 | 因公出国(境)费 | 公务接待费): never a figure of another column and row
        -- (a self-evaluation form's "其中：一般公共预算：3075.04" cells sit under no column of
        -- their total: the form reader placed them by the stage they add up to)
        AND (p.col IS NULL OR c.col IS NULL OR p.col = c.col OR p.rw = c.rw OR c.table_kind = 'self_eval')
    JOIN line_items lc ON lc.code = c.line_item
    LEFT JOIN line_items lp ON lp.code = p.line_item
    -- Carry-over may be printed under 财政拨款 or beside it; only same-dimension parents count.
), sums AS (
    -- Children add up per dimension: fund sources and expense classes both split 年度资金总额.
    -- A year's figures add up among themselves (period: a prior-year column is its own sum).
    SELECT document_id, report_id, project_id, measure, period, blk, parent, parent_ref, dimension,
           any_value(parent_v) AS expected, sum(v) AS observed, any_value(parent_half) + sum(half) AS tol, count(*) AS n,
           list_half(any_value(parent_half),
                     min(half) FILTER (WHERE reported_unit IS NOT DISTINCT FROM parent_unit),
                     max(half) FILTER (WHERE reported_unit IS DISTINCT FROM parent_unit AND v <> 0)) AS coarsest_half,
           any_value(parent_text) AS parent_text, any_value(parent_unit) AS parent_unit,
           any_value(parent_label) AS parent_label,
           greatest(coalesce(any_value(parent_decimals), 0), coalesce(max(decimals), 0)) AS decimals,
           string_agg(label || ' ' || reported_text || ' @' || source_ref, '; ' ORDER BY source_ref) AS parts,
           bool_or(row_ambiguous) AS row_ambiguous
    FROM nearest WHERE rn = 1 GROUP BY ALL
), unmapped AS (
    -- Amounts of a table the reader did not map to any line item, by table and column: a
    -- child among them would be missing from the sum.
    SELECT document_id, regexp_extract(source_ref, 'table=(\d+)', 1) AS blk,
           regexp_extract(source_ref, ';col=(\d+)', 1) AS col,
           string_agg(text || ' @' || source_ref, '; ' ORDER BY source_ref) AS cells
    FROM unrecognised WHERE what = 'cell' AND source_ref LIKE '%table=%'
        -- a zero cannot be the child a sum is missing (彩票公益金 | 0 | 0 under 年度资金总额)
        AND NOT regexp_full_match(trim(text), '[-−]?0+([.]0*)?%?')
    GROUP BY ALL
), judged AS (
    SELECT s.*,
           -- One printed child is an "of which" (其中) line: it cannot exceed its parent, but
           -- need not equal it; two or more children must add up.
           CASE WHEN n = 1 THEN observed <= expected + tol - 1e-9 OR abs(expected - observed) < 1e-6
                ELSE (abs(expected - observed) < 1e-6 OR abs(expected - observed) < tol - 1e-9) END AS holds,
           coalesce(u.cells, CASE WHEN s.row_ambiguous THEN '(同一行重复印出同一项目，无法按行配对)' END) AS unmapped_cells
    FROM sums s LEFT JOIN unmapped u ON u.document_id = s.document_id AND u.blk = s.blk
         AND u.col = regexp_extract(s.parent_ref, ';col=(\d+)', 1)
), checked AS (
    SELECT document_id, report_id, project_id, 'line_item_sum' AS check_name, 'error' AS severity,
           expected, observed, expected - observed AS difference, tol AS tolerance,
           holds AS passed,
           -- A sum that does not hold while its column has amounts the reader could not name is not
           -- understood completely: incomplete (never an error), with the amounts left out.
           NOT holds AND unmapped_cells IS NOT NULL AS incomplete,
           -- for people: the printed label and the stage in words (本年收入合计（年初预算数）), the
           -- figures as printed; the codes are in subject_key
           format('{}（{}{}）印 {}{} @{}，子项之和 {}{}（{}），差 {} 元，容差 {} 元{}',
                  parent_label, CASE WHEN period = 'prior' THEN '上年' ELSE '' END, stage_zh(measure),
                  parent_text, coalesce(parent_unit, ''), parent_ref,
                  format('{:,.{}f}', observed / unit_factor(parent_unit), decimals),
                  coalesce(parent_unit, '元'), parts, format('{:,.2f}', expected - observed), format('{:,.2f}', tol),
                  CASE WHEN NOT holds AND unmapped_cells IS NOT NULL
                       THEN '；未完整核对：同列有未识别的数字 ' || unmapped_cells ELSE '' END) AS detail,
           parent_ref || '; ' || parts AS source_refs,
           parent || ':' || measure || CASE WHEN period = 'prior' THEN ':prior' ELSE '' END AS subject_key,
           -- a lone child is an "of which" line, not a sum: not judged as printed;
           n = 1 OR printed_sum_agrees(expected, observed, coarsest_half) AS printed_ok, coarsest_half AS printed_tol,
           -- judged as printed only when every amount of the column is mapped (else a tail may be a missed child)
           n > 1 AND unmapped_cells IS NULL AS printed_pair
    FROM judged
)
-- printed_ok (null where not judged as printed) becomes a printed_balance row (pipeline.warehouse.write)
SELECT * EXCLUDE (printed_pair) REPLACE (CASE WHEN printed_pair THEN printed_ok END AS printed_ok) FROM checked
