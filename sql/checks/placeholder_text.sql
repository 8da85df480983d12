-- No template placeholder is left in the published text: a unit name, figure or date the author
-- was to fill in (第二部分 上海市普陀区XX局 2024 年度部门决算表, ××单位), a choice the template
-- offers and the author did not make (财政拨款收入支出增加（减少）的主要原因是…, 下降（增长）27.78%; not before
-- a zero, "增加(减少)0万元", where neither word is wrong), the template's instruction to its author
-- (…仍保留该表格式，并在本表下方作下述说明：), or a reason left blank (…持平，主要原因是。).
-- One row per document read as a report; it fails when a paragraph or a table caption holds XX /
-- ×× beside a word, or a paragraph holds an unmade choice or a blank reason.
WITH r AS (
    SELECT document_id, min(report_id) AS report_id FROM reports GROUP BY ALL
), p AS (
    SELECT b.*,
           -- a date a reposting site masked (发布日期 201X/X/XX市环境保护局) is no unit's placeholder
           CASE WHEN regexp_matches(b.text, '(^|[^0-9Xx/／.\-])(XX|ＸＸ|××)+\p{Han}|\p{Han}(XX|ＸＸ|××)+')
                THEN regexp_extract(b.text, '(\S{0,12}(XX|ＸＸ|××)+\S{0,8})', 1) END AS xx,
           -- either word first: 增加（减少）, or 下降（增长）27.78% (普陀区规划和自然资源局 2024 决算 p.25)
           CASE WHEN b.kind = 'paragraph'
                 AND regexp_matches(b.text, '((增加|增长|上升)[（(](减少|下降|降低)|(减少|下降|降低)[（(](增加|增长|上升))[)）]')
                 -- (a line cut after the zero's 万: 增加(减少)0万 / 元 on the next printed line)
                 AND NOT regexp_matches(b.text, '((增加|增长|上升)[（(](减少|下降|降低)|(减少|下降|降低)[（(](增加|增长|上升))[)）]\s*0(\.0+)?\s*(\p{Han}?元|%|％|\p{Han}?$)')
                THEN regexp_extract(b.text, '(\S{0,12}((增加|增长|上升)[（(](减少|下降|降低)|(减少|下降|降低)[（(](增加|增长|上升))[)）]\S{0,8})', 1)
                -- the template's instruction to its author left in the published text (无政府性基金预算财政拨款
                -- 收入支出的，仍保留该表格式，并在本表下方作下述说明：, 中共普陀区委社会工作部 2024 决算 p.15-16)
                WHEN regexp_matches(b.text, '仍保留该?表格?式|在本表下方作下述说明')
                THEN regexp_extract(b.text, '(\S{0,12}(仍保留该?表格?式|在本表下方作下述说明)\S{0,4})', 1) END AS choice,
           CASE WHEN b.kind = 'paragraph' THEN regexp_extract(b.text, '(\S{0,16}原因(是|为|主要是)\s*[。；;])', 1) END AS blank
    FROM blocks b
), masked AS (
    -- a page a reposting site masked (its years printed 201X年 / 20xx年 / 201X/X/XX): its XX市 and
    -- XX局 are the site's masks too, not a template the author left unfilled
    -- …and a copy on a document-sharing site ('《XX市渔业增殖放流项目绩效评价报告Word文档格式.docx》由会员分享'):
    -- an uploaded sample, its XX市 the uploader's mask, not a published report's unfilled name
    SELECT DISTINCT document_id FROM blocks
    WHERE regexp_matches(text, '(19|20)([0-9][xX×]|[xX×]{2})\s*(年|/)')
       OR regexp_matches(text, '由会员分享|文档格式\.docx?》|\(\d+页珍藏版\)')
), hit AS (
    SELECT p.document_id,
           string_agg(format('「{}」 @{}', coalesce(CASE WHEN p.document_id NOT IN (SELECT document_id FROM masked) THEN xx END,
                                                  CASE WHEN choice <> '' THEN choice ELSE blank END),
                             concat_ws(';', 'page=' || p.page, 'para=' || p.para_index, 'table=' || p.table_index)),
                      '; ' ORDER BY p.block_index) AS places,
           count(*) AS n
    FROM p
    WHERE (xx IS NOT NULL AND p.document_id NOT IN (SELECT document_id FROM masked)) OR choice <> '' OR blank <> ''
    GROUP BY ALL
)
SELECT r.document_id, r.report_id, NULL AS project_id, 'placeholder_text' AS check_name, 'error' AS severity,
       0.0 AS expected, CAST(coalesce(h.n, 0) AS DOUBLE) AS observed, -CAST(coalesce(h.n, 0) AS DOUBLE) AS difference,
       0.0 AS tolerance, h.n IS NULL AS passed,
       CASE WHEN h.n IS NULL THEN '文中未见模板占位符'
            ELSE format('文中留有模板占位符（应填写的单位名称、数字、日期、原因，或未作的选择）: {}', h.places) END AS detail,
       h.places AS source_refs
FROM r LEFT JOIN hit h USING (document_id)
