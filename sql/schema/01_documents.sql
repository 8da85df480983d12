CREATE TABLE IF NOT EXISTS documents (
    document_id    VARCHAR PRIMARY KEY,   -- sha256 of the file bytes
    file_name      VARCHAR NOT NULL,      -- path relative to the input folder
    file_format    VARCHAR,               -- by content: docx, pdf, txt, html, doc, ...
    file_bytes     BIGINT,
    page_count     INTEGER,
    status         VARCHAR NOT NULL,      -- loaded, partial, failed, not_a_report, duplicate
    error_code     VARCHAR,
    error_message  VARCHAR,
    duplicate_of   VARCHAR,
    parser_version VARCHAR,
    ingested_at    TIMESTAMP,
    missing_since  TIMESTAMP,             -- set when the file left the input folder
    parse_seconds  DOUBLE,
    numeric_cells  INTEGER,               -- numeric table cells seen (coverage)
    numeric_cells_used INTEGER,           -- … that became a fact
    numeric_cells_ignored INTEGER         -- … knowingly ignored (序号, codes, extra score columns)
);
