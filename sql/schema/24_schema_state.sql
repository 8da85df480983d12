-- What the warehouse was last initialised from: a fingerprint of sql/schema and of the
-- vocabulary files loaded into it. A writer opening a warehouse whose fingerprint matches
-- skips the DDL and the vocabulary reload (one row; internal, not part of the contract).
CREATE TABLE IF NOT EXISTS schema_state (
    fingerprint VARCHAR NOT NULL,
    set_at      TIMESTAMP NOT NULL
);
