-- The shares stated for the parts of one whole (占 X%) add up to no more than 100 %, and to
-- 100 % when the parts are one complete partition of it (line_item_partitions): "基本支出预算
-- 2476260.58元，占一般公共预算支出的84.06%" … "项目支出469500元，占一般公共预算支出的19.62%" is
-- 103.68 %. The whole is named without its level being stated (a printed whole's shares are each
-- checked against it by share_of_total). A part stated twice with the
-- same figure and share counts once; parts are added up per dimension (基本/项目支出 apart from
-- 功能分类); a whole whose known part is given two shares (two years, two stages) is not judged. Interval arithmetic on every printed share.
WITH s AS (
    SELECT DISTINCT r.document_id, s.report_id, s.line_item, s.part_yuan, s.part_text,
           CAST(s.share_pct AS DOUBLE) AS p, s.share_text, s.source_ref,
           (printed_interval(s.share_pct, s.share_decimals, '%')).half AS h,
           s.whole_line_item, coalesce(s.whole_source_ref, 'named:' || s.whole_line_item) AS whole_key,
           CASE WHEN s.whole_source_ref IS NULL THEN s.whole_text
                ELSE coalesce(wl.label_zh, s.whole_line_item) || ' ' || s.whole_text || coalesce(s.whole_unit, '') END AS whole_name,
           -- parts of different dimensions (基本/项目 and 功能分类 both split 支出) are separate lists
           coalesce(pl.dimension, 'stated') AS dimension
    FROM fact_shares s JOIN reports r USING (report_id)
    LEFT JOIN line_items pl ON pl.code = s.line_item
    LEFT JOIN line_items wl ON wl.code = s.whole_line_item
    WHERE s.share_pct IS NOT NULL AND s.whole_line_item IS NOT NULL AND s.project_id IS NULL
      -- a whole whose figure is printed has each share checked against it (share_of_total); its
      -- parts may be listed in several partitions (政府采购预算17000元: 集中 100% / 分散 0%, then
      -- 货物 58.8% / 工程 0% / 服务 41.2%), so their shares are not one list to add up
      AND s.whole_source_ref IS NULL
), one AS (
    SELECT * FROM s QUALIFY row_number() OVER (PARTITION BY report_id, whole_key, dimension, part_yuan, p ORDER BY source_ref) = 1
), g AS (
    SELECT document_id, report_id, whole_key, dimension, any_value(whole_line_item) AS whole_item, any_value(whole_name) AS whole_name,
           count(*) AS n, sum(p) AS total, sum(h) AS tol,
           list(line_item ORDER BY line_item) AS items,
           count(DISTINCT line_item) FILTER (WHERE line_item <> 'stated') AS known,
           count(*) FILTER (WHERE line_item <> 'stated') AS known_rows,
           string_agg(part_text || ' 占 ' || share_text || '% @' || source_ref, '; ' ORDER BY source_ref) AS parts
    FROM one GROUP BY ALL
), lp AS (
    SELECT whole, list(part ORDER BY part) AS ps FROM line_item_partitions WHERE complete GROUP BY whole, partition_id
), judged AS (
    SELECT g.*, EXISTS (SELECT 1 FROM lp WHERE lp.whole = g.whole_item AND lp.ps = g.items) AS complete
    FROM g WHERE n >= 2 AND known = known_rows
)
SELECT document_id, report_id, NULL AS project_id, 'share_sum' AS check_name, 'error' AS severity,
       100.0 AS expected, total AS observed, 100.0 - total AS difference, tol AS tolerance,
       CASE WHEN complete THEN abs(total - 100) < tol + 1e-9 ELSE total < 100 + tol + 1e-9 END AS passed,
       format('占「{}」的各部分占比之和为 {}%（{} 项{}：{}）',
              whole_name, round(total, 4), n, CASE WHEN complete THEN '，完整构成，应为 100%' ELSE '，不应超过 100%' END,
              parts) AS detail,
       parts AS source_refs,
       whole_item AS subject_key
FROM judged
