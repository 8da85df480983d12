CREATE TABLE IF NOT EXISTS fact_budgets (
    report_id      VARCHAR NOT NULL,
    project_id     VARCHAR,
    line_item      VARCHAR NOT NULL,
    stage          VARCHAR NOT NULL,   -- initial | adjustment | adjusted
    amount_yuan    DECIMAL(18,2),
    reported_text  VARCHAR,
    reported_unit  VARCHAR,
    decimals       INTEGER,
    source_ref     VARCHAR NOT NULL,
    origin         VARCHAR,            -- table | narrative
    table_kind     VARCHAR,            -- recogniser that produced it
    is_twin        BOOLEAN DEFAULT FALSE, -- from a table printed a second time
    label_text     VARCHAR,               -- the row label as printed (e.g. 一般公共服务支出)
    part_of        VARCHAR,               -- source_ref of the figure this one is listed under (其中…)
    parts_complete BOOLEAN,               -- the text announces its parts by name and number and its list names them all (主要有A、B二类支出)
    period         VARCHAR                -- current (null = current) | prior: the earlier figure a level is compared with
);
