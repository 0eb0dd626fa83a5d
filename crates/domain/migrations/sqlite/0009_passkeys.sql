-- Passkeys (WebAuthn, docs/security.md "Passkeys"). A passkey is the public half of a key
-- pair the person's device keeps; the row holds webauthn-rs's credential (public key, sign
-- counter, backup flags) as JSON, its ID for the login lookup, a name the person chose and
-- when it was made and last used. Nothing here is secret; it all goes with the account.
CREATE TABLE passkeys (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id    INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    credential_id BLOB NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    credential    TEXT NOT NULL,
    created_at    INTEGER NOT NULL,
    last_used_at  INTEGER
);
CREATE INDEX passkeys_account ON passkeys (account_id);

-- A started ceremony (register, log in, confirm it is you): the challenge state webauthn-rs
-- needs to check the browser's answer. Only the SHA-256 of the ceremony token the browser
-- holds is kept; deleted when finished (single use) or after 5 minutes. Register and confirm
-- ceremonies belong to one session (and go with it and with the account).
CREATE TABLE passkey_ceremonies (
    token_hash   BLOB PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('register', 'login', 'reauth')),
    account_id   INTEGER REFERENCES accounts (id) ON DELETE CASCADE,
    session_hash BLOB REFERENCES sessions (token_hash) ON DELETE CASCADE,
    name         TEXT,
    state        TEXT NOT NULL,
    expires_at   INTEGER NOT NULL
);
CREATE INDEX passkey_ceremonies_expiry ON passkey_ceremonies (expires_at);

-- How a session was started ('password' or 'passkey': a passkey login counts as strong),
-- with which passkey (removing the passkey ends the other sessions it started), and when its
-- owner last confirmed it is them with a passkey (one sensitive action may follow).
ALTER TABLE sessions ADD COLUMN method TEXT NOT NULL DEFAULT 'password';
ALTER TABLE sessions ADD COLUMN passkey_id INTEGER REFERENCES passkeys (id) ON DELETE SET NULL;
ALTER TABLE sessions ADD COLUMN reauth_at INTEGER;
