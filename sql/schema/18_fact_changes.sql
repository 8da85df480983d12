-- A change stated beside a level ("决算支出1165.08万元，同比减少63.96万元，下降5.2%"): the
-- change and its percentage, with the level it qualifies. The level's figure is repeated
-- here (it is also a fact_budgets / fact_executions row with source_ref = level_source_ref)
-- so change_matches_figures reads one row per statement.
CREATE TABLE IF NOT EXISTS fact_changes (
    report_id         VARCHAR NOT NULL,
    project_id        VARCHAR,
    line_item         VARCHAR NOT NULL,   -- the level's line item
    level_source_ref  VARCHAR NOT NULL,
    level_yuan        DECIMAL(18,2),
    level_text        VARCHAR,
    level_unit        VARCHAR,
    level_decimals    INTEGER,
    prior_yuan        DECIMAL(18,2),      -- the earlier figure, when printed (比上年2665.56万元增加…)
    prior_text        VARCHAR,
    prior_unit        VARCHAR,
    prior_decimals    INTEGER,
    prior_source_ref  VARCHAR,
    direction         INTEGER NOT NULL,   -- +1 增加/增长, -1 减少/下降
    word              VARCHAR,            -- the change word as printed
    base              VARCHAR,            -- prior (比上年…) or budget (比预算数减少…): what it is measured against
    change_yuan       DECIMAL(18,2),
    reported_text     VARCHAR,
    reported_unit     VARCHAR,
    decimals          INTEGER,
    change_pct        DECIMAL(12,4),
    pct_text          VARCHAR,
    pct_decimals      INTEGER,
    pct_source_ref    VARCHAR,
    source_ref        VARCHAR NOT NULL,
    origin            VARCHAR
);
