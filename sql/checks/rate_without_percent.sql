-- A change's rate is printed with its percent sign: after a change stated in money, the rate word
-- that follows it in the same clause (…增加1193.20万元，增长13.95%。) carries a figure in %. A bare
-- figure closing the clause — 与2023年度相比，一般公共预算财政拨款支出增加 1193.20 万元，增长 13.95。
-- (普陀区规划和自然资源局 2024 决算 p.21) — is a rate whose unit was dropped: read as printed it is
-- 13.95 (times? 万元?), not 13.95 %. Only the clause shape 增加/减少 <amount><money unit>，增长/下降
-- <figure> followed by a clause end: a figure with any unit or word after it (倍, 个百分点, 万元) is not
-- matched, nor a rate printed elsewhere.
WITH mu AS (
    -- the money units as printed, from vocab/money_units.csv (longest first, so 万元 before 元)
    SELECT '(' || string_agg(unit, '|' ORDER BY length(unit) DESC) || ')' AS alt
    FROM money_units WHERE kind = 'money'
), r AS (
    SELECT document_id, min(report_id) AS report_id FROM reports GROUP BY ALL
), hit AS (
    SELECT b.document_id, b.block_index, b.page, b.para_index,
           regexp_extract(b.text, '(\S{0,12}(增加|减少|增长|下降|上升|降低)\s*[0-9][0-9,]*(\.[0-9]+)?\s*' || mu.alt || '\s*[，,]\s*(增长|下降|上升|降低|增幅|降幅)\s*[0-9]+(,[0-9]{3})*(\.[0-9]+)?\s*([。；;，]|,[^0-9]))', 1) AS words
    FROM blocks b, mu
    WHERE b.kind = 'paragraph'
      AND regexp_matches(b.text, '(增加|减少|增长|下降|上升|降低)\s*[0-9][0-9,]*(\.[0-9]+)?\s*' || mu.alt || '\s*[，,]\s*(增长|下降|上升|降低|增幅|降幅)\s*[0-9]+(,[0-9]{3})*(\.[0-9]+)?\s*([。；;，]|,[^0-9])')
), agg AS (
    SELECT document_id, count(*) AS n,
           string_agg(format('「{}」 @{}', words, concat_ws(';', 'page=' || page, 'para=' || para_index)), '; '
                      ORDER BY block_index) AS places
    FROM hit GROUP BY ALL
)
SELECT r.document_id, r.report_id, NULL AS project_id, 'rate_without_percent' AS check_name, 'error' AS severity,
       0.0 AS expected, CAST(coalesce(a.n, 0) AS DOUBLE) AS observed, -CAST(coalesce(a.n, 0) AS DOUBLE) AS difference,
       0.0 AS tolerance, a.n IS NULL AS passed,
       CASE WHEN a.n IS NULL THEN '所述变动率均带百分号'
            ELSE format('{} 处变动率未写百分号（增减金额之后的增长/下降率只印数字）: {}', a.n, a.places) END AS detail,
       a.places AS source_refs
FROM r LEFT JOIN agg a USING (document_id)
WHERE EXISTS (SELECT 1 FROM blocks b, mu WHERE b.document_id = r.document_id AND b.kind = 'paragraph'
              AND regexp_matches(b.text, '(增加|减少)\s*[0-9][0-9,]*(\.[0-9]+)?\s*' || mu.alt || '\s*[，,]\s*(增长|下降|上升|降低|增幅|降幅)'))
