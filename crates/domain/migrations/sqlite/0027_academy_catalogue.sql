-- Academy staff manage the catalogue (issue 21): each training says which function levels it
-- is for (the free-text audience stays, as words next to them), when the academy cancelled it
-- (never deleted: participants' histories point at it), and a version for If-Match. Trainings
-- made before are for every level, as nothing narrower was ever recorded for them.
ALTER TABLE trainings ADD COLUMN function_levels TEXT NOT NULL DEFAULT 'employee,specialist,manager,executive';
ALTER TABLE trainings ADD COLUMN cancelled_at INTEGER;
ALTER TABLE trainings ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

-- An enrolment the academy cancelled (by cancelling the training) is told apart from one
-- the participant cancelled. SQLite cannot change a CHECK: the table is built again, rows
-- and ids kept.
CREATE TABLE enrolments_new (
    id          INTEGER PRIMARY KEY,
    training_id INTEGER NOT NULL REFERENCES trainings (id),
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    state       TEXT NOT NULL CHECK (state IN ('enrolled', 'waitlisted', 'cancelled', 'cancelled_by_academy', 'attended', 'completed', 'no_show')),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    -- Order on the waiting list (and of enrolment).
    queued_at   INTEGER NOT NULL,
    UNIQUE (training_id, account_id)
);
INSERT INTO enrolments_new (id, training_id, account_id, state, created_at, updated_at, queued_at)
    SELECT id, training_id, account_id, state, created_at, updated_at, queued_at FROM enrolments;
DROP TABLE enrolments;
ALTER TABLE enrolments_new RENAME TO enrolments;
CREATE INDEX enrolments_by_account ON enrolments (account_id);
CREATE INDEX enrolments_by_training ON enrolments (training_id, state, queued_at);
