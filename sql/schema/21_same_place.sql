-- Whether two figures of one line are printed where a check may compare them: in the same
-- table (its index; a table continued on the next page is one table) and on the same row or the
-- same column of it (stages as columns or as rows), or both in running text (a form flattened
-- into text is one place). Figures of two different tables are never paired unless a check is a
-- declared cross-table identity.
CREATE OR REPLACE MACRO same_place(a, b) AS
    CASE WHEN a LIKE '%table=%' OR b LIKE '%table=%'
         THEN coalesce(regexp_extract(a, 'table=(\d+)', 1) = regexp_extract(b, 'table=(\d+)', 1)
                       AND (regexp_extract(a, 'row=(\d+)', 1) = regexp_extract(b, 'row=(\d+)', 1)
                            OR regexp_extract(a, 'col=(\d+)', 1) = regexp_extract(b, 'col=(\d+)', 1)), FALSE)
         ELSE TRUE END;
