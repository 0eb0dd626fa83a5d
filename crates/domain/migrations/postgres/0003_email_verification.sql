-- Verified registration and e-mail change (docs/security.md "Registration by mail link",
-- "E-mail change"). Only tokens' SHA-256 are kept; rows die when used or expired (the purge).
--
-- A registration waits here until the link in the mail is used: there is no account yet.
-- Personal data (the address and the password's argon2id hash), kept at most 24 hours.
CREATE TABLE pending_registrations (
    token_hash    BYTEA PRIMARY KEY,
    email         TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    language      TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    expires_at    BIGINT NOT NULL
);
CREATE INDEX pending_registrations_email ON pending_registrations (email);
CREATE INDEX pending_registrations_expiry ON pending_registrations (expires_at);

-- A new login address waiting for its link; gone with the account (ON DELETE CASCADE).
CREATE TABLE email_changes (
    token_hash BYTEA PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    new_email  TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX email_changes_account ON email_changes (account_id);
