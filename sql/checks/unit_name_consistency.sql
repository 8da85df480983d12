-- One unit name everywhere: a heading of the report naming its unit before the year (第二部分
-- 上海市普陀区财政局2024年度部门决算表, …部门决算情况说明) names the report's own unit, in full or in a
-- short form of it (either name containing the other). A heading naming another body — 上海市规划和
-- 自然资源局 2024 年度部门决算表 in the report of 上海市普陀区规划和自然资源局 (the district dropped: the
-- city's bureau) — is a name left from another report or template. Headings are the short paragraphs
-- report_year_consistency reads; placeholders (XX局) are placeholder_text's.
-- In running text too, the unit's full name is printed as it is: a name that differs from it only in
-- its conjunction (和 / 与 / 及) — 上海市普陀区规划与自然资源局 in the report of 上海市普陀区规划和自然资源局
-- (p.26, three times) — names the unit otherwise. Only the full name, only its conjunction: another
-- body's name (普陀区民政局) is never a variant of the unit's.
WITH r AS (
    SELECT document_id, min(report_id) AS report_id, any_value(unit_name) AS unit_name
    FROM reports WHERE unit_name IS NOT NULL GROUP BY document_id HAVING count(DISTINCT unit_name) = 1
), h AS (
    SELECT b.document_id, b.block_index, b.page, b.para_index, regexp_replace(b.text, '\s', '', 'g') AS t
    FROM blocks b
    WHERE b.kind = 'paragraph' AND length(regexp_replace(b.text, '\s', '', 'g')) <= 40
      AND regexp_matches(regexp_replace(b.text, '\s', '', 'g'), '((?:19|20)\d{2})年度?部门(决算|预算)(情况)?(说明|表|公开)?$')
), named AS (
    SELECT h.*, regexp_extract(regexp_replace(h.t, '^第[一二三四五六七八九十]+部分', ''),
                               '^(.*?)(?:19|20)\d{2}年度?部门', 1) AS unit
    FROM h
), bad AS (
    SELECT n.*, r.unit_name, r.report_id FROM named n JOIN r USING (document_id)
    WHERE length(n.unit) >= 4 AND NOT regexp_matches(n.unit, '[XxＸ×]{2}')
      AND NOT contains(r.unit_name, n.unit) AND NOT contains(n.unit, r.unit_name)
      -- 陵水县政府办 heading the report of 陵水黎族自治县人民政府办公室: the unit's name shortened, its
      -- characters in order and its first the same, the body's own words shortened too (规划和自然资源局
      -- under 上海市, the place a level up, is another body: its body's words are the unit's as printed)
      AND NOT (regexp_matches(n.unit, '^\p{Han}+$') AND left(n.unit, 1) = left(r.unit_name, 1)
               AND regexp_matches(r.unit_name, '^' || regexp_replace(n.unit, '(.)', '\1.*', 'g'))
               AND length(regexp_extract(n.unit, '^.*[省市县区州旗盟](.*)$', 1)) >= 2
               AND regexp_extract(n.unit, '^.*[省市县区州旗盟](.*)$', 1)
                   <> regexp_extract(r.unit_name, '^.*[省市县区州旗盟](.*)$', 1)
               AND NOT starts_with(regexp_extract(r.unit_name, '^(.*[省市县区州旗盟])', 1),
                                   regexp_extract(n.unit, '^(.*[省市县区州旗盟])', 1)))
), variant AS (
    -- the unit's full name with any of its conjunctions written as another one
    SELECT b.document_id, b.block_index, b.page, b.para_index,
           unnest(regexp_extract_all(regexp_replace(b.text, '\s', '', 'g'),
                                     regexp_replace(r.unit_name, '[和与及]', '[和与及]', 'g'))) AS unit
    FROM blocks b JOIN r USING (document_id)
    WHERE b.kind = 'paragraph' AND regexp_matches(r.unit_name, '^[^()（）\[\].*+?|\\^$]+$')
      AND regexp_matches(r.unit_name, '\p{Han}[和与及]\p{Han}')
), bad_all AS (
    SELECT document_id, block_index, page, para_index, unit FROM bad
    UNION ALL
    SELECT v.document_id, v.block_index, v.page, v.para_index, v.unit FROM variant v JOIN r USING (document_id)
    WHERE v.unit <> r.unit_name
), agg AS (
    SELECT document_id, count(*) AS n,
           string_agg(format('「{}」 @{}', unit, concat_ws(';', 'page=' || page, 'para=' || para_index)), '; '
                      ORDER BY block_index) AS places
    FROM bad_all GROUP BY ALL
)
SELECT r.document_id, r.report_id, NULL AS project_id, 'unit_name_consistency' AS check_name, 'error' AS severity,
       0.0 AS expected, CAST(coalesce(a.n, 0) AS DOUBLE) AS observed, -CAST(coalesce(a.n, 0) AS DOUBLE) AS difference,
       0.0 AS tolerance, a.n IS NULL AS passed,
       CASE WHEN a.n IS NULL THEN format('各标题所写单位与报告单位 {} 一致', r.unit_name)
            ELSE format('报告单位为 {}，但 {} 处标题或正文写作他名: {}', r.unit_name, a.n, a.places) END AS detail,
       a.places AS source_refs
FROM r LEFT JOIN agg a USING (document_id)
WHERE EXISTS (SELECT 1 FROM named n WHERE n.document_id = r.document_id AND length(n.unit) >= 4)
   OR EXISTS (SELECT 1 FROM variant v WHERE v.document_id = r.document_id)
