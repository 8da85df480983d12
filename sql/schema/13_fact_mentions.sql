-- Every figure stated in running text or a table cell that a check may compare:
-- the raw material of narrative_matches_table, summary_counts and table_total.
CREATE TABLE IF NOT EXISTS fact_mentions (
    document_id    VARCHAR NOT NULL,
    report_id      VARCHAR,
    project_id     VARCHAR,
    kind           VARCHAR NOT NULL,   -- amount | rate | score | count | average | weight
    subject        VARCHAR,            -- what the figure is about, e.g. budget:adjusted:total
    value          DOUBLE,
    reported_text  VARCHAR,
    reported_unit  VARCHAR,
    decimals       INTEGER,
    source_ref     VARCHAR NOT NULL,
    origin         VARCHAR,            -- narrative | table | twin
    scope          VARCHAR             -- report: the report's own figure; other: a later mention
);
