-- A share stated in running text ("基本支出预算2476260.58元，占一般公共预算支出的84.06%";
-- "在收入合计218.78亿元中，事业收入186.06亿元，占85.05%"): the part, the whole it is a share of
-- (named after 占, or the figure the part is listed under) and the printed percentage.
-- share_of_total checks them.
CREATE TABLE IF NOT EXISTS fact_shares (
    report_id         VARCHAR NOT NULL,
    project_id        VARCHAR,
    line_item         VARCHAR NOT NULL,   -- the part's line item
    part_source_ref   VARCHAR NOT NULL,
    part_yuan         DECIMAL(18,2),
    part_text         VARCHAR,
    part_unit         VARCHAR,
    part_decimals     INTEGER,
    whole_line_item   VARCHAR,
    whole_source_ref  VARCHAR,
    whole_yuan        DECIMAL(18,2),
    whole_text        VARCHAR,
    whole_unit        VARCHAR,
    whole_decimals    INTEGER,
    share_pct         DECIMAL(12,4),
    share_text        VARCHAR,
    share_decimals    INTEGER,
    source_ref        VARCHAR NOT NULL,   -- where the percentage is printed
    origin            VARCHAR
);
