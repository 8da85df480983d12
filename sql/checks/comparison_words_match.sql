-- The word that compares an execution with its budget agrees with the two figures the paragraph
-- states before it: "年初预算为1560.05万元，支出决算为1511.89万元。决算数大于预算数的主要原因…"
-- (a test copy of 上海市普陀区财政局2024年度部门决算; the published copy says 小于). Judged only
-- where the paragraph states exactly one budget and one execution figure (the sentence grammar's
-- statements), both before the comparison, and one comparison: 大于/高于/超过 fails when the
-- execution is below the budget beyond the rounding of both printed figures, 小于/低于 when it is
-- above, 等于/持平/相等/一致 when the two differ; 基本持平 (roughly level) is not judged.
WITH para AS (
    SELECT b.document_id, b.page, b.para_index, b.text,
           regexp_extract(b.text, '决算数?(大于|小于|高于|低于|超过|等于)(全年|年初|调整后)?预算数?', 0) AS phrase_up_down,
           regexp_extract(b.text, '决算数?与(全年|年初|调整后)?预算数?(持平|相等|一致)', 0) AS phrase_level
    FROM blocks b
    WHERE b.kind = 'paragraph'
      AND regexp_matches(b.text, '决算数?((大于|小于|高于|低于|超过|等于)(全年|年初|调整后)?预算数?|与(全年|年初|调整后)?预算数?(持平|相等|一致))')
), p AS (
    SELECT *, CASE WHEN phrase_up_down <> '' THEN phrase_up_down ELSE phrase_level END AS phrase,
           CASE WHEN phrase_up_down <> '' THEN regexp_extract(phrase_up_down, '(大于|小于|高于|低于|超过|等于)', 1)
                ELSE regexp_extract(phrase_level, '(持平|相等|一致)', 1) END AS word
    FROM para
    -- one comparison only ("决算数小于预算数…；…决算数大于…" pairs no figures with either)
    WHERE len(regexp_extract_all(text, '决算数?(大于|小于|高于|低于|超过|等于|与(全年|年初|调整后)?预算数?(持平|相等|一致))')) = 1
), figs AS (
    SELECT r.document_id, f.report_id, 'budget' AS side, CAST(f.amount_yuan AS DOUBLE) AS v, f.reported_text AS txt,
           f.reported_unit AS unit, f.decimals, f.source_ref
    FROM fact_budgets f JOIN reports r USING (report_id)
    WHERE f.origin = 'statement' AND f.amount_yuan IS NOT NULL AND coalesce(f.period, 'current') = 'current'
    UNION ALL
    SELECT r.document_id, f.report_id, 'executed', CAST(f.executed_yuan AS DOUBLE), f.reported_text, f.reported_unit,
           f.decimals, f.source_ref
    FROM fact_executions f JOIN reports r USING (report_id)
    WHERE f.origin = 'statement' AND f.executed_yuan IS NOT NULL AND coalesce(f.period, 'current') = 'current'
), placed AS (
    SELECT figs.*, TRY_CAST(NULLIF(regexp_extract(source_ref, 'page=(\d+)', 1), '') AS INTEGER) AS page,
           TRY_CAST(NULLIF(regexp_extract(source_ref, 'para=(\d+)', 1), '') AS INTEGER) AS para_index,
           TRY_CAST(NULLIF(regexp_extract(source_ref, 'chars=\d+-(\d+)', 1), '') AS INTEGER) AS char_end,
           (printed_interval(v, decimals, unit)).half AS half
    FROM figs WHERE source_ref LIKE '%para=%;chars=%'
), paired AS (
    SELECT p.document_id, any_value(x.report_id) AS report_id, p.page, p.para_index, p.phrase, p.word,
           count(*) FILTER (WHERE x.side = 'budget') AS n_budget,
           count(*) FILTER (WHERE x.side = 'executed') AS n_executed,
           any_value(x.v) FILTER (WHERE x.side = 'budget') AS budget,
           any_value(x.half) FILTER (WHERE x.side = 'budget') AS bh,
           any_value(x.txt || coalesce(x.unit, '')) FILTER (WHERE x.side = 'budget') AS budget_text,
           any_value(x.v) FILTER (WHERE x.side = 'executed') AS executed,
           any_value(x.half) FILTER (WHERE x.side = 'executed') AS eh,
           any_value(x.txt || coalesce(x.unit, '')) FILTER (WHERE x.side = 'executed') AS executed_text
    FROM p JOIN placed x ON x.document_id = p.document_id AND x.page IS NOT DISTINCT FROM p.page
                        AND x.para_index = p.para_index
                        AND x.char_end <= strpos(p.text, p.phrase) - 1
    GROUP BY p.document_id, p.page, p.para_index, p.phrase, p.word
)
SELECT document_id, report_id, NULL AS project_id, 'comparison_words_match' AS check_name, 'error' AS severity,
       budget AS expected, executed AS observed, executed - budget AS difference, bh + eh AS tolerance,
       CASE WHEN word IN ('大于', '高于', '超过') THEN executed + eh >= budget - bh - 1e-9
            WHEN word IN ('小于', '低于') THEN executed - eh <= budget + bh + 1e-9
            ELSE abs(executed - budget) <= bh + eh + 1e-9 END AS passed,
       format('正文写「{}」@{}，其前所写预算 {}、决算 {}', phrase, concat_ws(';', 'page=' || page, 'para=' || para_index),
              budget_text, executed_text) AS detail,
       concat_ws(';', 'page=' || page, 'para=' || para_index) AS source_refs
FROM paired
WHERE n_budget = 1 AND n_executed = 1
