CREATE TABLE IF NOT EXISTS reports (
    report_id    VARCHAR PRIMARY KEY,
    document_id  VARCHAR NOT NULL,
    report_kind  VARCHAR NOT NULL,
    unit_name    VARCHAR,
    unit_key     VARCHAR,
    region       VARCHAR,
    fiscal_year  INTEGER,
    title        VARCHAR,
    score_total  DECIMAL(6,2),
    grade_text   VARCHAR,
    grade_rank   INTEGER,
    source_ref   VARCHAR,
    seq          INTEGER,              -- order of the report inside its document
    grade_bands  VARCHAR               -- JSON: the grade bands the document states
);
