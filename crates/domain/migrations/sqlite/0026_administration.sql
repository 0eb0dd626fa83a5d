-- Administration (docs/security.md "Administration"): a fifth role, `administrator`, who
-- invites, reviews, suspends and revokes staff and recruiters. SQLite cannot change a CHECK
-- constraint in place, so the accounts table is rebuilt as in 0013 (foreign keys are off
-- while migrating; the triggers that name accounts are recreated; the id sequence is carried
-- over; each trigger as its latest migration left it: 0015, 0022). Every column of the table
-- as 0024 left it is kept, with its index.
--
-- New on accounts: `status` (a suspended account cannot log in and has no session),
-- `suspended_because` (`idle` or `administrator`), `suspended_at`, and `invited_by`.
DROP TRIGGER consent_events_append_only_delete;
DROP TRIGGER listing_consent_events_append_only_delete;

CREATE TABLE accounts_new (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    email               TEXT NOT NULL UNIQUE,
    password_hash       TEXT NOT NULL,
    role                TEXT NOT NULL CHECK (role IN ('person', 'recruiter', 'academy_staff', 'privacy_staff', 'administrator')),
    partner_id          INTEGER REFERENCES partners (id),
    created_at          INTEGER NOT NULL,
    secret              BLOB NOT NULL CHECK (length(secret) = 32),
    last_activity_at    INTEGER,
    retention_warned_at INTEGER,
    register_baseline   INTEGER,
    status              TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
    suspended_because   TEXT CHECK (suspended_because IN ('idle', 'administrator')),
    suspended_at        INTEGER,
    invited_by          INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    CHECK ((role = 'recruiter') = (partner_id IS NOT NULL)),
    CHECK ((status = 'suspended') = (suspended_at IS NOT NULL)),
    CHECK ((status = 'suspended') = (suspended_because IS NOT NULL)),
    CHECK (status = 'active' OR role NOT IN ('person'))
);
INSERT INTO accounts_new (id, email, password_hash, role, partner_id, created_at, secret, last_activity_at,
                          retention_warned_at, register_baseline)
    SELECT id, email, password_hash, role, partner_id, created_at, secret, last_activity_at,
           retention_warned_at, register_baseline FROM accounts;
DELETE FROM sqlite_sequence WHERE name = 'accounts_new';
INSERT INTO sqlite_sequence (name, seq) SELECT 'accounts_new', seq FROM sqlite_sequence WHERE name = 'accounts';
DROP TABLE accounts;
ALTER TABLE accounts_new RENAME TO accounts;
CREATE INDEX accounts_last_activity ON accounts (role, last_activity_at);
CREATE INDEX accounts_invited_by ON accounts (invited_by);

CREATE TRIGGER consent_events_append_only_delete BEFORE DELETE ON consent_events
WHEN EXISTS (SELECT 1 FROM accounts WHERE id = OLD.account_id)
 AND NOT EXISTS (SELECT 1 FROM consent_event_deletions d WHERE d.account_id = OLD.account_id AND OLD.id <= d.up_to_id)
BEGIN
    SELECT RAISE(ABORT, 'consent events are append-only');
END;
CREATE TRIGGER listing_consent_events_append_only_delete BEFORE DELETE ON listing_consent_events
WHEN EXISTS (SELECT 1 FROM accounts WHERE id = OLD.account_id)
BEGIN
    SELECT RAISE(ABORT, 'consent events are append-only');
END;

-- Invitations: the link's token is stored as its SHA-256 only. Used at most once (`status`
-- moves from `pending` in one statement); `expires_at` ends it. Rows go 30 days after they
-- stop being pending, with their address.
CREATE TABLE invitations (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    public_id   TEXT NOT NULL UNIQUE,
    token_hash  BLOB NOT NULL UNIQUE,
    email       TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('recruiter', 'academy_staff', 'privacy_staff', 'administrator')),
    partner_id  INTEGER REFERENCES partners (id),
    invited_by  INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'withdrawn')),
    decided_at  INTEGER,
    CHECK ((role = 'recruiter') = (partner_id IS NOT NULL)),
    CHECK ((status = 'pending') = (decided_at IS NULL))
);
CREATE INDEX invitations_by_time ON invitations (created_at);
CREATE INDEX invitations_invited_by ON invitations (invited_by);

-- The administration's log: append-only (no UPDATE; DELETE only by the retention job, for
-- entries older than five years). Who acted and about whom are kept as text, so the entry
-- stays true after an account is revoked; the ids link an entry to a staff member's export
-- while their account exists.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          INTEGER NOT NULL,
    actor_id    INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    actor_email TEXT,
    action      TEXT NOT NULL CHECK (action IN ('invite', 'withdraw_invitation', 'accept', 'suspend', 'reinstate',
                                                'revoke', 'review', 'key_publish', 'key_remove')),
    subject_id  INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    subject     TEXT NOT NULL,
    detail      TEXT
);
CREATE INDEX audit_log_by_time ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor_id);
CREATE INDEX audit_log_subject ON audit_log (subject_id);
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE OF at, actor_email, action, subject, detail ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- Confirmations of the staff list, every quarter.
CREATE TABLE staff_reviews (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    reviewed_at INTEGER NOT NULL,
    reviewed_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    reviewer    TEXT NOT NULL,
    accounts    INTEGER NOT NULL
);
