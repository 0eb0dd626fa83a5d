-- Password reset links (docs/security.md "Password reset"): only the token's SHA-256 is
-- kept, for at most 30 minutes (deleted by the purge once expired); single use; gone with
-- the account (ON DELETE CASCADE).
CREATE TABLE password_resets (
    token_hash BYTEA PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT
);
CREATE INDEX password_resets_account ON password_resets (account_id);
