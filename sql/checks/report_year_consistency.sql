-- The fiscal year named everywhere is the report's own: a heading of the report that names
-- another year (第三部分 上海市普陀区财政局 2023年度部门决算情况说明 in the 2024 report), or a
-- 决算's stock date at another year's end (截至2023年12月31日 … 共有车辆 in the 2024 决算), is a
-- year left from an earlier report. Headings are short paragraphs ending as a title ends.
WITH r AS (
    SELECT document_id, min(report_id) AS report_id, any_value(fiscal_year) AS fiscal_year,
           any_value(report_kind) AS report_kind
    FROM reports WHERE fiscal_year IS NOT NULL GROUP BY document_id HAVING count(DISTINCT fiscal_year) = 1
), y AS (
    SELECT b.document_id, b.block_index, b.page, b.para_index, b.text,
           CAST(regexp_extract(regexp_replace(b.text, '\s', '', 'g'), '((?:19|20)\d{2})年度?部门(决算|预算)', 1) AS INTEGER) AS year,
           'heading' AS what
    FROM blocks b
    WHERE b.kind = 'paragraph' AND length(regexp_replace(b.text, '\s', '', 'g')) <= 40
      AND regexp_matches(regexp_replace(b.text, '\s', '', 'g'), '((?:19|20)\d{2})年度?部门(决算|预算)(情况)?(说明|表|公开)$')
    UNION ALL
    SELECT b.document_id, b.block_index, b.page, b.para_index, b.text,
           CAST(regexp_extract(regexp_replace(b.text, '\s', '', 'g'), '截至((?:19|20)\d{2})年12月31日', 1) AS INTEGER),
           'year_end'
    FROM blocks b
    WHERE b.kind = 'paragraph' AND regexp_matches(regexp_replace(b.text, '\s', '', 'g'), '截至(19|20)\d{2}年12月31日')
), bad AS (
    SELECT y.*, r.fiscal_year, r.report_id FROM y JOIN r USING (document_id)
    WHERE (y.what = 'heading' AND y.year <> r.fiscal_year)
       OR (y.what = 'year_end' AND r.report_kind = 'final_accounts' AND y.year <> r.fiscal_year)
), agg AS (
    SELECT document_id, count(*) AS n, min(year) AS year,
           string_agg(format('「{}」 @{}', left(regexp_replace(text, '\s+', '', 'g'), 40),
                             concat_ws(';', 'page=' || page, 'para=' || para_index)),
                      '; ' ORDER BY block_index) AS places
    FROM bad GROUP BY ALL
)
SELECT r.document_id, r.report_id, NULL AS project_id, 'report_year_consistency' AS check_name, 'error' AS severity,
       CAST(r.fiscal_year AS DOUBLE) AS expected, CAST(coalesce(a.year, r.fiscal_year) AS DOUBLE) AS observed,
       CAST(r.fiscal_year - coalesce(a.year, r.fiscal_year) AS DOUBLE) AS difference, 0.0 AS tolerance,
       a.n IS NULL AS passed,
       CASE WHEN a.n IS NULL THEN format('各处年度与报告年度 {} 一致', r.fiscal_year)
            ELSE format('报告年度为 {}，但 {} 处写作他年: {}', r.fiscal_year, a.n, a.places) END AS detail,
       a.places AS source_refs
FROM r LEFT JOIN agg a USING (document_id)
