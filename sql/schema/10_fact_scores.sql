CREATE TABLE IF NOT EXISTS fact_scores (
    report_id      VARCHAR NOT NULL,
    project_id     VARCHAR,
    component      VARCHAR NOT NULL,
    weight         DECIMAL(6,2),
    score          DECIMAL(6,2),
    grade_text     VARCHAR,
    grade_rank     INTEGER,
    source_ref     VARCHAR NOT NULL,
    parent         VARCHAR,            -- enclosing component for nested scoring tables
    score_text     VARCHAR,
    score_decimals INTEGER,
    weight_decimals INTEGER,
    origin         VARCHAR,
    is_twin        BOOLEAN DEFAULT FALSE
);
