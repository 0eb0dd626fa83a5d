-- Two-step verification (docs/security.md "Second factor"). Everything here goes with the
-- account (ON DELETE CASCADE).

-- Whether a session was opened with a second factor (password and a one-time code, or a
-- passkey): staff need such a session to see other people's data.
ALTER TABLE sessions ADD COLUMN second_factor INTEGER NOT NULL DEFAULT 0 CHECK (second_factor IN (0, 1));

-- One authenticator app per account. `secret` is the TOTP secret encrypted with a server
-- key (16-byte nonce, then the 20 secret bytes XOR-ed with an HMAC key stream); it never
-- leaves the server after the set-up. `confirmed_at` is NULL while the set-up waits for its
-- first code. `last_step` is the 30-second period of the last accepted code: a code is
-- accepted only for a later period, so none works twice.
CREATE TABLE second_factors (
    account_id   INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    secret       BLOB NOT NULL CHECK (length(secret) = 36),
    created_at   INTEGER NOT NULL,
    confirmed_at INTEGER,
    last_step    INTEGER NOT NULL DEFAULT 0
);

-- Recovery codes: only an HMAC of each (keyed with a server key) is kept; each works once.
CREATE TABLE recovery_codes (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    code_hash  BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    used_at    INTEGER,
    PRIMARY KEY (account_id, code_hash)
);
