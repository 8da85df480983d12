CREATE TABLE IF NOT EXISTS projects (
    project_id            VARCHAR PRIMARY KEY,
    report_id             VARCHAR NOT NULL,
    project_code          VARCHAR,
    project_name          VARCHAR,
    project_key           VARCHAR,
    competent_department  VARCHAR,
    implementing_unit     VARCHAR,
    source_ref            VARCHAR,
    origin                VARCHAR      -- self_eval_table | summary_table | narrative
);
