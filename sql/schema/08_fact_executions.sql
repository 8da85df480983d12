CREATE TABLE IF NOT EXISTS fact_executions (
    report_id          VARCHAR NOT NULL,
    project_id         VARCHAR,
    line_item          VARCHAR NOT NULL,
    executed_yuan      DECIMAL(18,2),
    reported_rate_pct  DECIMAL(9,4),
    reported_text      VARCHAR,
    reported_unit      VARCHAR,
    decimals           INTEGER,
    source_ref         VARCHAR NOT NULL,
    rate_text          VARCHAR,
    rate_decimals      INTEGER,
    rate_source_ref    VARCHAR,
    origin             VARCHAR,
    table_kind         VARCHAR,
    is_twin            BOOLEAN DEFAULT FALSE,
    label_text         VARCHAR,
    part_of            VARCHAR,           -- source_ref of the figure this one is listed under (其中…)
    parts_complete     BOOLEAN,           -- the text announces its parts by name and number and its list names them all (主要有A、B二类支出)
    rate_base_ref      VARCHAR,           -- source_ref of the budget figure a stated rate is measured against; 'report': a budget stated elsewhere in the report
    period             VARCHAR            -- current (null = current) | prior: the earlier figure a level is compared with
);
