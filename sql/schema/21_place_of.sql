-- Where a figure is printed, for checks that compare two figures of one line: a table's row
-- (page, table and row of its source_ref, the column left out), or 'text' for a figure of a
-- text rendering (a form flattened into running text is one place). Figures of two different
-- tables are never paired unless a check is a declared cross-table identity.
CREATE OR REPLACE MACRO place_of(ref) AS
    CASE WHEN ref LIKE '%table=%' THEN regexp_replace(ref, ';?col=.*$', '') ELSE 'text' END;
