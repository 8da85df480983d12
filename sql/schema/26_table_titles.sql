-- The title printed above each table on its page (a trailing bracket aside dropped: （按功能分类）),
-- for checks that pair tables by their titles. A table continued from the page before has none.
-- One definition, shared by class_total_across_tables, basic_half_sum, basic_parts_across_tables
-- and item_paragraphs_sum.
CREATE OR REPLACE MACRO table_titles() AS TABLE
    SELECT b.document_id, b.table_index,
           (SELECT regexp_replace(regexp_replace(p.text, '\s', '', 'g'), '[（(][^（()）]*[)）]$', '') FROM blocks p
            WHERE p.document_id = b.document_id AND p.kind = 'paragraph' AND p.block_index < b.block_index
              AND p.page IS NOT DISTINCT FROM b.page
              AND regexp_matches(regexp_replace(regexp_replace(p.text, '\s', '', 'g'), '[（(][^（()）]*[)）]$', ''), '表$')
              AND length(regexp_replace(p.text, '\s', '', 'g')) <= 40
            ORDER BY p.block_index DESC LIMIT 1) AS title
    FROM blocks b WHERE b.kind = 'table';
