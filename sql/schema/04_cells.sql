CREATE TABLE IF NOT EXISTS cells (
    document_id  VARCHAR NOT NULL,
    table_index  INTEGER NOT NULL,
    row_index    INTEGER NOT NULL,
    col_index    INTEGER NOT NULL,
    rowspan      INTEGER,
    colspan      INTEGER,
    merged_copy  BOOLEAN,
    page         INTEGER,
    text         VARCHAR
);
