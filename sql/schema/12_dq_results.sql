CREATE TABLE IF NOT EXISTS dq_results (
    run_id       VARCHAR NOT NULL,
    checked_at   TIMESTAMP NOT NULL,
    report_id    VARCHAR,
    project_id   VARCHAR,
    check_name   VARCHAR NOT NULL,
    severity     VARCHAR NOT NULL,   -- error | warning
    passed       BOOLEAN,           -- null when status = 'incomplete'
    expected     DOUBLE,
    observed     DOUBLE,
    difference   DOUBLE,
    tolerance    DOUBLE,
    detail       VARCHAR,
    source_refs  VARCHAR,
    document_id  VARCHAR,
    -- passed | failed | incomplete (the structure checked was not fully understood: an
    -- unmapped child, a table cut off; never an error, the detail names what is missing)
    status       VARCHAR,
    -- what was checked, as a stable machine key (line_item_sum: parent:stage[:prior], e.g.
    -- current_income:initial; change_parts_sum: whole:base, e.g. sangong:budget); null for
    -- checks that name none. `detail` names it in words as printed, for people.
    subject_key  VARCHAR
);
