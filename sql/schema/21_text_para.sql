-- The paragraph a running-text figure was read in, as a number: `para=` of its source_ref, or
-- `in=` when the reader rejoined a sentence printed over several lines (PDF text, hard-wrapped
-- pages): figures of one rejoined sentence are one paragraph's, whichever printed line holds them.
CREATE OR REPLACE MACRO text_para(ref) AS
    coalesce(nullif(regexp_extract(ref, ';in=(\d+)', 1), ''), nullif(regexp_extract(ref, 'para=(\d+)', 1), ''));
