-- No template placeholder is left in the published text: a unit name, figure or date the author
-- was to fill in (第二部分 上海市普陀区XX局 2024 年度部门决算表, ××单位). One row per document
-- read as a report; it fails when a paragraph or a table caption holds XX / ×× beside a word.
WITH r AS (
    SELECT document_id, min(report_id) AS report_id FROM reports GROUP BY ALL
), hit AS (
    SELECT b.document_id,
           string_agg(format('「{}」 @{}', regexp_extract(b.text, '(\S{0,12}(XX|ＸＸ|××)+\S{0,8})', 1),
                             concat_ws(';', 'page=' || b.page, 'para=' || b.para_index, 'table=' || b.table_index)),
                      '; ' ORDER BY b.block_index) AS places,
           count(*) AS n
    FROM blocks b
    WHERE regexp_matches(b.text, '(XX|ＸＸ|××)+\p{Han}|\p{Han}(XX|ＸＸ|××)+')
    GROUP BY ALL
)
SELECT r.document_id, r.report_id, NULL AS project_id, 'placeholder_text' AS check_name, 'error' AS severity,
       0.0 AS expected, CAST(coalesce(h.n, 0) AS DOUBLE) AS observed, -CAST(coalesce(h.n, 0) AS DOUBLE) AS difference,
       0.0 AS tolerance, h.n IS NULL AS passed,
       CASE WHEN h.n IS NULL THEN '文中未见模板占位符'
            ELSE format('文中留有模板占位符（应填写的单位名称、数字或日期）: {}', h.places) END AS detail,
       h.places AS source_refs
FROM r LEFT JOIN hit h USING (document_id)
