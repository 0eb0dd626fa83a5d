-- The demo's mail folder (no SMTP): one row per `.eml` file written, with the account the
-- mail concerns or, before there is one, the registration link it carries (docs/storage.md
-- "The demo's mail folder"). A file without a row is deleted after an erasure and at every
-- start; the account's rows go with it (ON DELETE CASCADE). No address is kept here, and
-- with SMTP nothing at all.
CREATE TABLE mail_files (
    name         TEXT PRIMARY KEY,
    account_id   BIGINT REFERENCES accounts (id) ON DELETE CASCADE,
    registration BYTEA,
    written_at   BIGINT NOT NULL,
    CHECK (account_id IS NOT NULL OR registration IS NOT NULL)
);
CREATE INDEX mail_files_account ON mail_files (account_id);
CREATE INDEX mail_files_registration ON mail_files (registration);
