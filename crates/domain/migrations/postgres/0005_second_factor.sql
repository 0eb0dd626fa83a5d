-- Two-step verification: the same tables as SQLite migration 0010 (docs/storage.md,
-- docs/security.md "Second factor"). Everything here goes with the account.

ALTER TABLE sessions ADD COLUMN second_factor BIGINT NOT NULL DEFAULT 0 CHECK (second_factor IN (0, 1));

CREATE TABLE second_factors (
    account_id   BIGINT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    secret       BYTEA NOT NULL CHECK (octet_length(secret) = 36),
    created_at   BIGINT NOT NULL,
    confirmed_at BIGINT,
    last_step    BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE recovery_codes (
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    code_hash  BYTEA NOT NULL,
    created_at BIGINT NOT NULL,
    used_at    BIGINT,
    PRIMARY KEY (account_id, code_hash)
);
