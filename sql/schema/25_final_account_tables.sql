-- The tables of the national 部门决算 template by their titles (vocab/final_account_tables.csv): one row a
-- printed title, several titles one kind (财政拨款“三公”经费支出决算表 / 一般公共预算财政拨款“三公”经费支出
-- 决算表). Titles as printed without spaces, their quotes written "; listed_table_printed reads it.
CREATE TABLE IF NOT EXISTS final_account_tables (
    kind   VARCHAR NOT NULL,
    title  VARCHAR NOT NULL,
    note   VARCHAR
);
