-- Three additions of issue 13 (docs/storage.md "Listing consent, staff access, manager notices").

-- Consent to be listed in the candidate bank, as events like the newsletter's: appended,
-- never changed; only erasure of the whole account removes them.
CREATE TABLE listing_consent_events (
    id           INTEGER PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('given', 'withdrawn')),
    at           INTEGER NOT NULL,
    text_version INTEGER NOT NULL,
    text_hash    TEXT NOT NULL,
    channel      TEXT NOT NULL CHECK (channel IN ('portal', 'staff'))
);
CREATE INDEX listing_consent_events_by_account ON listing_consent_events (account_id, id);

CREATE TRIGGER listing_consent_events_append_only_update BEFORE UPDATE ON listing_consent_events
BEGIN
    SELECT RAISE(ABORT, 'consent events are append-only');
END;

CREATE TRIGGER listing_consent_events_append_only_delete BEFORE DELETE ON listing_consent_events
WHEN EXISTS (SELECT 1 FROM accounts WHERE id = OLD.account_id)
BEGIN
    SELECT RAISE(ABORT, 'consent events are append-only');
END;

-- Staff who read a person's data: one row per person, role, what and day; the count goes up.
CREATE TABLE staff_disclosures (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    role       TEXT NOT NULL CHECK (role IN ('privacy_staff', 'academy_staff')),
    what       TEXT NOT NULL CHECK (what IN ('privacy_request', 'privacy_request_data', 'academy_roster')),
    day        TEXT NOT NULL,
    first_at   INTEGER NOT NULL,
    at         INTEGER NOT NULL,
    count      INTEGER NOT NULL CHECK (count > 0),
    UNIQUE (account_id, role, what, day)
);
CREATE INDEX staff_disclosures_by_account ON staff_disclosures (account_id, at);

-- The manager a course participant named, as last told (one mail per change of manager).
CREATE TABLE manager_notices (
    account_id    INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    manager_email TEXT NOT NULL,
    manager_name  TEXT NOT NULL,
    notified_at   INTEGER NOT NULL
);
