-- The parsed document model: paragraphs and tables in reading order.
CREATE TABLE IF NOT EXISTS blocks (
    document_id  VARCHAR NOT NULL,
    block_index  INTEGER NOT NULL,
    kind         VARCHAR NOT NULL,   -- paragraph | table
    para_index   INTEGER,
    table_index  INTEGER,
    page         INTEGER,
    text         VARCHAR,            -- paragraph text, or the table caption
    n_rows       INTEGER,
    n_cols       INTEGER,
    PRIMARY KEY (document_id, block_index)
);
