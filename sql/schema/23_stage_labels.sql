-- The budget stages in words (vocab/stage_labels.csv): what a finding prints for a stage code
-- (adjusted → 调整后预算数), so a sentence an auditor reads never shows the code.
CREATE TABLE IF NOT EXISTS stage_labels (
    stage     VARCHAR PRIMARY KEY,  -- initial | adjustment | adjusted | executed | allocated
    label_zh  VARCHAR NOT NULL,
    label_en  VARCHAR NOT NULL
);

-- A stage's Chinese name; the code itself when the vocabulary has none.
CREATE OR REPLACE MACRO stage_zh(s) AS
    coalesce((SELECT sl.label_zh FROM stage_labels sl WHERE sl.stage = s), s);
