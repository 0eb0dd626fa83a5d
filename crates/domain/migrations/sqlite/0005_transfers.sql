-- A partner's published age public key (X25519 recipient): exports transferred to the
-- partner are encrypted to it in the person's browser. Public data.
ALTER TABLE partners ADD COLUMN age_recipient TEXT;

-- Exports encrypted in the browser and left for another organisation (seed 004 art. 17).
-- The portal cannot read `ciphertext`; it is set to NULL when the one-time link is used,
-- when the person revokes it and when it expires. Only a hash of the link's token is kept.
CREATE TABLE transfers (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    partner_id  INTEGER REFERENCES partners (id),
    recipient   TEXT NOT NULL,
    size        INTEGER NOT NULL,
    ciphertext  BLOB,
    token_hash  BLOB NOT NULL UNIQUE,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    status      TEXT NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'fetched', 'revoked', 'expired')),
    ended_at    INTEGER,
    CHECK ((status = 'waiting') = (ciphertext IS NOT NULL))
);
CREATE INDEX transfers_by_account ON transfers (account_id, id);
CREATE INDEX transfers_waiting ON transfers (expires_at) WHERE status = 'waiting';
