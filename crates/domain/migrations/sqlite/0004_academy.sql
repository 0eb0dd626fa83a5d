-- The academy (seed 000 art. 9.3, 10.2): a separate purpose from the candidate bank.

-- A course participant's registration, JSON of `Participant`, versioned for If-Match.
CREATE TABLE participants (
    account_id INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    version    INTEGER NOT NULL,
    data       TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE trainings (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL,
    description TEXT NOT NULL,
    audience    TEXT NOT NULL,
    location    TEXT NOT NULL,
    online      INTEGER NOT NULL CHECK (online IN (0, 1)),
    starts_at   INTEGER NOT NULL,
    sessions    INTEGER NOT NULL CHECK (sessions > 0),
    capacity    INTEGER NOT NULL CHECK (capacity >= 0)
);

CREATE TABLE enrolments (
    id          INTEGER PRIMARY KEY,
    training_id INTEGER NOT NULL REFERENCES trainings (id),
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    state       TEXT NOT NULL CHECK (state IN ('enrolled', 'waitlisted', 'cancelled', 'attended', 'completed', 'no_show')),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    -- Order on the waiting list (and of enrolment).
    queued_at   INTEGER NOT NULL,
    UNIQUE (training_id, account_id)
);
CREATE INDEX enrolments_by_account ON enrolments (account_id);
CREATE INDEX enrolments_by_training ON enrolments (training_id, state, queued_at);
