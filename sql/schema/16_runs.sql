CREATE TABLE IF NOT EXISTS runs (
    run_id        VARCHAR PRIMARY KEY,
    started_at    TIMESTAMP,
    finished_at   TIMESTAMP,
    files_seen    INTEGER,
    files_parsed  INTEGER,
    checks_run    INTEGER,
    checks_failed INTEGER,
    parser_version VARCHAR,
    strict        BOOLEAN
);
