-- A classification table's row total split by its columns (合计 | 基本支出 | 项目支出, 合计 | 人员经费 |
-- 公用经费, 合计 | 财政拨款收入 | 事业收入 …): each printed part with the row total it belongs to.
-- Kept apart from fact_budgets/fact_executions so that no sum of a line item counts a part twice;
-- row_split_sum checks a row whose named columns are a complete partition (vocab/statement_partitions.csv).
CREATE TABLE IF NOT EXISTS fact_line_splits (
    report_id        VARCHAR NOT NULL,
    line_item        VARCHAR NOT NULL,   -- the row's line (func:2010101, econ:30101)
    part             VARCHAR NOT NULL,   -- the column's line item (basic, project, personnel, public_operating, fiscal …)
    stage            VARCHAR NOT NULL,   -- initial | adjusted | executed: the row total's stage
    period           VARCHAR,            -- current (null = current) | prior
    amount_yuan      DECIMAL(18,2),
    reported_text    VARCHAR,
    reported_unit    VARCHAR,
    decimals         INTEGER,
    source_ref       VARCHAR NOT NULL,
    total_source_ref VARCHAR NOT NULL,   -- the row total this part belongs to (a fact_budgets/fact_executions row), or the 小计 of the column group it is printed under (当年预算 over 小计 | 基本支出 | 项目支出; that 小计 is itself a part of the row total)
    total_yuan       DECIMAL(18,2),
    total_text       VARCHAR,
    total_decimals   INTEGER,
    table_parts      VARCHAR,            -- the parts the table's columns name, space-separated (a blank cell prints 0); ? when the row prints a figure in a column no part names
    label_text       VARCHAR,
    origin           VARCHAR,
    table_kind       VARCHAR,
    is_twin          BOOLEAN DEFAULT FALSE
);
