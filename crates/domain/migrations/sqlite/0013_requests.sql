-- Privacy staff (docs/security.md "Requests"): a fourth role. SQLite cannot change a CHECK
-- constraint in place, so the accounts table is rebuilt (as in 0006: foreign keys are off
-- while migrating and checked afterwards; the trigger that names accounts is recreated).
-- The id sequence is carried over: an erased account's id is never given out again. Every
-- column of the table as 0011 left it is kept, with its index.
DROP TRIGGER consent_events_append_only_delete;
CREATE TABLE accounts_new (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    email         TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('person', 'recruiter', 'academy_staff', 'privacy_staff')),
    partner_id    INTEGER REFERENCES partners (id),
    created_at    INTEGER NOT NULL,
    secret        BLOB NOT NULL CHECK (length(secret) = 32),
    last_activity_at    INTEGER,
    retention_warned_at INTEGER,
    CHECK ((role = 'recruiter') = (partner_id IS NOT NULL))
);
INSERT INTO accounts_new (id, email, password_hash, role, partner_id, created_at, secret, last_activity_at, retention_warned_at)
    SELECT id, email, password_hash, role, partner_id, created_at, secret, last_activity_at, retention_warned_at FROM accounts;
DELETE FROM sqlite_sequence WHERE name = 'accounts_new';
INSERT INTO sqlite_sequence (name, seq) SELECT 'accounts_new', seq FROM sqlite_sequence WHERE name = 'accounts';
DROP TABLE accounts;
ALTER TABLE accounts_new RENAME TO accounts;
CREATE INDEX accounts_last_activity ON accounts (role, last_activity_at);
CREATE TRIGGER consent_events_append_only_delete BEFORE DELETE ON consent_events
WHEN EXISTS (SELECT 1 FROM accounts WHERE id = OLD.account_id)
BEGIN
    SELECT RAISE(ABORT, 'consent events are append-only');
END;

-- Formal requests about a person's rights, with the legal clock. `public_id` is random (the
-- only id that leaves the server); `deadline` is the last day for the answer, `YYYY-MM-DD`
-- on the Dutch calendar, computed by the model (one month; once two more). The person's
-- requests go with their account; a staff member's erasure leaves the requests they handled
-- (`handled_by` becomes NULL). Closed requests are deleted two years after closing.
CREATE TABLE privacy_requests (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    public_id        TEXT NOT NULL UNIQUE,
    account_id       INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind             TEXT NOT NULL CHECK (kind IN ('objection', 'restriction', 'rectification', 'access', 'complaint')),
    text             TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('open', 'answered', 'closed')),
    received_at      INTEGER NOT NULL,
    deadline         TEXT NOT NULL,
    extension_reason TEXT,
    extended_at      INTEGER,
    response         TEXT,
    closed_at        INTEGER,
    handled_by       INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    CHECK ((extension_reason IS NULL) = (extended_at IS NULL)),
    CHECK ((status = 'open') = (closed_at IS NULL)),
    CHECK ((status = 'open') = (response IS NULL))
);
CREATE INDEX privacy_requests_by_account ON privacy_requests (account_id, id);
CREATE INDEX privacy_requests_queue ON privacy_requests (status, deadline);
CREATE INDEX privacy_requests_handled_by ON privacy_requests (handled_by);
