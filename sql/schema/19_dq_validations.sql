-- Great Expectations suite results, one row per suite per run (pipeline/checks/gx_suites.py).
CREATE TABLE IF NOT EXISTS dq_validations (
    run_id            VARCHAR,
    checked_at        TIMESTAMP,
    suite             VARCHAR,
    success           BOOLEAN,
    evaluated         INTEGER,   -- identity rows the suite looked at
    unexpected_count  INTEGER,   -- of those, rows broken beyond their rounding interval
    exception         VARCHAR
);
