-- What makes two files the same report (unit, year and figures), to load it once.
CREATE TABLE IF NOT EXISTS document_fingerprints (
    document_id  VARCHAR,
    fingerprint  VARCHAR
);
