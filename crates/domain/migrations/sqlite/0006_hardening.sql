-- Rebuilds tables that others reference (SQLite's documented way to change a table):
-- migrations run on a connection with foreign keys off, and are checked with
-- `PRAGMA foreign_key_check` afterwards (db.rs, docs/storage.md "Migrations").

-- Account ids are never reused (AUTOINCREMENT), and every account has a random secret that
-- goes into every token and reference derived from it: nothing made for an erased person
-- ever opens another person's data (docs/security.md "Erased means gone").
DROP TRIGGER consent_events_append_only_delete;
CREATE TABLE accounts_new (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    email         TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('person', 'recruiter', 'academy_staff')),
    partner_id    INTEGER REFERENCES partners (id),
    created_at    INTEGER NOT NULL,
    secret        BLOB NOT NULL CHECK (length(secret) = 32),
    CHECK ((role = 'recruiter') = (partner_id IS NOT NULL))
);
INSERT INTO accounts_new (id, email, password_hash, role, partner_id, created_at, secret)
    SELECT id, email, password_hash, role, partner_id, created_at, randomblob(32) FROM accounts;
DROP TABLE accounts;
ALTER TABLE accounts_new RENAME TO accounts;
CREATE TRIGGER consent_events_append_only_delete BEFORE DELETE ON consent_events
WHEN EXISTS (SELECT 1 FROM accounts WHERE id = OLD.account_id)
BEGIN
    SELECT RAISE(ABORT, 'consent events are append-only');
END;

-- The outbox: ids never reused either, since a message's id is its sequence number for the
-- processor (a higher number is newer, per person too).
CREATE TABLE processor_outbox_new (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id      INTEGER REFERENCES accounts (id) ON DELETE CASCADE,
    action          TEXT NOT NULL CHECK (action IN ('subscribe', 'unsubscribe')),
    payload         TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    status          TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    lease_until     INTEGER,
    last_error      TEXT,
    created_at      INTEGER NOT NULL,
    delivered_at    INTEGER
);
INSERT INTO processor_outbox_new SELECT * FROM processor_outbox;
DROP TABLE processor_outbox;
ALTER TABLE processor_outbox_new RENAME TO processor_outbox;
CREATE INDEX processor_outbox_due ON processor_outbox (status, next_attempt_at);
CREATE INDEX processor_outbox_by_account ON processor_outbox (account_id, id);

-- The disclosure log counts per partner, per day, per kind and per set of sections: a
-- recruiter repeating a search adds to a count instead of flooding the log.
CREATE TABLE disclosures_new (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    partner_id INTEGER NOT NULL REFERENCES partners (id),
    day        TEXT NOT NULL,
    first_at   INTEGER NOT NULL,
    at         INTEGER NOT NULL,
    count      INTEGER NOT NULL CHECK (count > 0),
    kind       TEXT NOT NULL CHECK (kind IN ('opened', 'search_result')),
    sections   TEXT NOT NULL,
    UNIQUE (account_id, partner_id, day, kind, sections)
);
INSERT INTO disclosures_new (account_id, partner_id, day, first_at, at, count, kind, sections)
    SELECT account_id, partner_id, date(at, 'unixepoch'), min(at), max(at), count(*), kind, sections
    FROM disclosures GROUP BY account_id, partner_id, date(at, 'unixepoch'), kind, sections;
DROP TABLE disclosures;
ALTER TABLE disclosures_new RENAME TO disclosures;
CREATE INDEX disclosures_by_account ON disclosures (account_id, at);

-- Rate limits: an attempt is counted before it is checked, and past a number of free
-- attempts each next one must wait longer (`next_at`), instead of a hard lockout.
ALTER TABLE throttle ADD COLUMN next_at INTEGER NOT NULL DEFAULT 0;
