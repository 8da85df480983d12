-- Every table the contents list is printed: a 部门决算 names its tables in its 目录, under the part
-- heading that ends in 决算表 (第二部分 上海市普陀区财政局2024年度部门决算表: 一、收入支出决算总表 … 九、国有资本经营
-- 预算财政拨款收入支出决算表), and prints each under its title. 24年普陀区财政局（测试问题版本） lists nine and
-- prints eight: its 支出决算表 is missing.
-- The contents are read as a list: the paragraphs between that heading (the first part heading
-- ending in 决算表, printed before any table) and the next part heading, each entry opening with its
-- numeral (一、), a line without one the rest of the entry above (西安 2022: …会议费、培训费支出决 / 算表),
-- dot leaders and page numbers aside. Each entry must be a title of the national template
-- (vocab/final_account_tables.csv, its printed variants) — a list with any other entry (a 部门预算's
-- 预算表, a table the vocabulary does not know) is not judged. A listed kind is printed when a
-- paragraph after the contents (or two: a title cut over two lines), or a cell of a table's first two
-- rows, ends in one of its titles (the unit, the year or a numeral before it), the longest title it
-- ends in naming the kind. Judged only where the titles are text: at
-- least half the listed kinds found printed (titles printed as images find none).
WITH n AS (
    SELECT document_id, block_index, kind, page, para_index, table_index,
           regexp_replace(translate(coalesce(text, ''), '“”＂', '"""'), '\s', '', 'g') AS t
    FROM blocks
), heads AS (
    SELECT * FROM n WHERE kind = 'paragraph' AND regexp_matches(t, '^第[一二三四五六七八九十]+部分')
), list_head AS (
    SELECT h.document_id, min(h.block_index) AS hb
    FROM heads h
    WHERE regexp_matches(regexp_replace(h.t, '[.…·]{2,}\d*$', ''), '决算表$')
      AND h.block_index < coalesce((SELECT min(b.block_index) FROM blocks b WHERE b.document_id = h.document_id
                                      AND b.kind = 'table'), 2147483647)
    GROUP BY h.document_id
), span AS (
    SELECT l.document_id, l.hb,
           (SELECT min(h.block_index) FROM heads h WHERE h.document_id = l.document_id AND h.block_index > l.hb) AS he
    FROM list_head l
), lines AS (
    SELECT n.document_id, n.block_index, n.page, n.para_index, n.kind,
           regexp_replace(regexp_replace(n.t, '[.…·]{2,}\d*$', ''), '(表)\d+$', '\1') AS t
    FROM n JOIN span s ON s.document_id = n.document_id AND n.block_index > s.hb AND n.block_index < s.he
), numbered AS (
    SELECT *, sum(CASE WHEN regexp_matches(t, '^[一二三四五六七八九十]+、') THEN 1 ELSE 0 END)
                  OVER (PARTITION BY document_id ORDER BY block_index) AS entry
    FROM lines
), entries AS (
    SELECT document_id, entry, concat_ws(';', 'page=' || min(page), 'para=' || min(para_index)) AS ref,
           regexp_replace(string_agg(t, '' ORDER BY block_index), '^[一二三四五六七八九十]+、', '') AS title
    FROM numbered GROUP BY ALL
), listed AS (
    -- a list read whole: no table inside it, no line before its first entry, every entry a known title
    SELECT e.document_id, e.entry, e.ref, e.title, v.kind
    FROM entries e LEFT JOIN final_account_tables v ON v.title = e.title
    WHERE e.document_id NOT IN (SELECT document_id FROM lines WHERE kind = 'table')
      AND e.document_id NOT IN (SELECT document_id FROM entries WHERE entry = 0)
      AND e.document_id NOT IN (SELECT document_id FROM entries x
                                WHERE NOT EXISTS (SELECT 1 FROM final_account_tables v2 WHERE v2.title = x.title))
), judged_docs AS (
    SELECT document_id, count(DISTINCT kind) AS n_kinds FROM listed GROUP BY ALL HAVING count(*) >= 3
), body AS (
    -- the paragraphs after the contents, each alone and joined to the next (a title cut over two lines)
    SELECT n.document_id, n.block_index AS k, concat_ws(';', 'page=' || n.page, 'para=' || n.para_index) AS ref, n.t,
           n.t || coalesce(lead(n.t) OVER w, '') AS t2, lead(n.block_index) OVER w AS k2,
           lead(concat_ws(';', 'page=' || n.page, 'para=' || n.para_index)) OVER w AS ref2
    FROM n JOIN span s ON s.document_id = n.document_id AND n.block_index >= s.he
    WHERE n.kind = 'paragraph' AND n.document_id IN (SELECT document_id FROM judged_docs)
    WINDOW w AS (PARTITION BY n.document_id ORDER BY n.block_index)
), printed AS (
    -- a title printed after the contents: a paragraph (or two), or a cell of a table's first two rows,
    -- ending in a title of the vocabulary (the unit, the year or a numeral before it aside)
    SELECT document_id, k, ref, t FROM body
    UNION ALL
    SELECT document_id, k2, ref2, t2 FROM body WHERE k2 IS NOT NULL
    UNION ALL
    SELECT c.document_id, (SELECT b.block_index FROM blocks b WHERE b.document_id = c.document_id AND b.kind = 'table'
                             AND b.table_index = c.table_index),
           concat_ws(';', 'page=' || c.page, 'table=' || c.table_index, 'row=' || c.row_index, 'col=' || c.col_index),
           regexp_replace(translate(c.text, '“”＂', '"""'), '\s', '', 'g')
    FROM cells c JOIN judged_docs j ON j.document_id = c.document_id
    WHERE c.row_index <= 2 AND NOT c.merged_copy
), titled AS (
    -- the longest title it ends in names its kind (一般公共预算财政拨款支出决算表 is no 支出决算表)
    SELECT p.document_id, p.k, p.ref, arg_max(v.kind, length(v.title)) AS kind
    FROM printed p JOIN final_account_tables v ON p.t LIKE '%' || v.title
    WHERE length(p.t) <= 80
    GROUP BY p.document_id, p.k, p.ref, p.t
), found AS (
    SELECT document_id, kind, arg_min(ref, k) AS ref FROM titled GROUP BY ALL
), per_doc AS (
    SELECT j.document_id, j.n_kinds,
           (SELECT count(DISTINCT f.kind) FROM found f WHERE f.document_id = j.document_id
              AND f.kind IN (SELECT kind FROM listed l WHERE l.document_id = j.document_id)) AS n_found
    FROM judged_docs j
), r AS (
    SELECT document_id, min(report_id) AS report_id FROM reports GROUP BY ALL
)
SELECT l.document_id, r.report_id, NULL AS project_id, 'listed_table_printed' AS check_name, 'error' AS severity,
       1.0 AS expected, CASE WHEN f.kind IS NULL THEN 0.0 ELSE 1.0 END AS observed,
       CASE WHEN f.kind IS NULL THEN 1.0 ELSE 0.0 END AS difference, 0.0 AS tolerance,
       f.kind IS NOT NULL AS passed,
       CASE WHEN f.kind IS NULL
            THEN format('目录所列之表「{}」 @{} 未见印出（目录列 {} 张表，正文印出其中 {} 张）', l.title, l.ref, d.n_kinds, d.n_found)
            ELSE format('目录所列之表「{}」 @{} 印于 @{}', l.title, l.ref, f.ref) END AS detail,
       l.ref AS source_refs,
       l.kind AS subject_key
FROM listed l JOIN per_doc d USING (document_id) JOIN r USING (document_id)
LEFT JOIN found f ON f.document_id = l.document_id AND f.kind = l.kind
WHERE 2 * d.n_found >= d.n_kinds
