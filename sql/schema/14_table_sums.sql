-- Printed 合计/小计 rows and the rows they claim to add up (table_total).
CREATE TABLE IF NOT EXISTS table_sums (
    document_id    VARCHAR NOT NULL,
    report_id      VARCHAR,
    table_index    INTEGER NOT NULL,
    total_row      INTEGER NOT NULL,
    col_index      INTEGER NOT NULL,
    column_label   VARCHAR,
    total_text     VARCHAR,
    total_value    DOUBLE,
    total_decimals INTEGER,
    parts_sum      DOUBLE,
    parts_halfwidth DOUBLE,
    parts_count    INTEGER,
    parts_decimals INTEGER,           -- the finest precision printed among the parts (most decimals)
    first_row      INTEGER,
    last_row       INTEGER,
    page           INTEGER,
    source_ref     VARCHAR,           -- where the total is printed, for tables of a text rendering (table_index 0)
    unread_cells   VARCHAR            -- rows of the span whose cell in this column holds text the reader could not read as an amount (label=text; …): the sum is then incomplete
);
