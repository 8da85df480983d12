-- Tables and figures the extractor saw but did not turn into facts, so nothing is silently dropped.
CREATE TABLE IF NOT EXISTS unrecognised (
    document_id  VARCHAR NOT NULL,
    report_id    VARCHAR,
    source_ref   VARCHAR,
    what         VARCHAR,   -- table | cell | figure
    reason       VARCHAR,
    text         VARCHAR
);
