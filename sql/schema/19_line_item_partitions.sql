-- Which line items add up to which (vocab/statement_partitions.csv): “三公”经费 = 因公出国（境）费
-- + 公务用车购置及运行维护费 + 公务接待费, 基本支出 = 人员经费 + 公用经费, … A whole may have
-- several partitions (the vehicle costs split or not). stated_parts_sum reads it.
CREATE TABLE IF NOT EXISTS line_item_partitions (
    whole         VARCHAR NOT NULL,   -- line_items.code
    partition_id  INTEGER NOT NULL,   -- one row of the vocabulary file
    part          VARCHAR NOT NULL,   -- line_items.code
    note          VARCHAR,
    complete      BOOLEAN             -- true: the parts add up to the whole; false: only which lines may be listed under it
);
