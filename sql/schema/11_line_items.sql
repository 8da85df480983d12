CREATE TABLE IF NOT EXISTS line_items (
    code         VARCHAR PRIMARY KEY,
    label_zh     VARCHAR NOT NULL,
    dimension    VARCHAR NOT NULL,   -- fund_source | expense_class | functional_class
    parent_code  VARCHAR
);
