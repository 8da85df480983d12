-- Every path ever seen, so two paths with the same bytes both stay accounted for.
CREATE TABLE IF NOT EXISTS document_files (
    file_name    VARCHAR PRIMARY KEY,
    document_id  VARCHAR NOT NULL,
    file_mtime   DOUBLE,
    file_bytes   BIGINT,
    first_seen   TIMESTAMP,
    last_seen    TIMESTAMP,
    missing      BOOLEAN DEFAULT FALSE
);
