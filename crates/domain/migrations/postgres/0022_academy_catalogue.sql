-- Academy staff manage the catalogue (issue 21): each training says which function levels it
-- is for (the free-text audience stays, as words next to them), when the academy cancelled it
-- (never deleted: participants' histories point at it), and a version for If-Match. Trainings
-- made before are for every level, as nothing narrower was ever recorded for them.
ALTER TABLE trainings ADD COLUMN function_levels TEXT NOT NULL DEFAULT 'employee,specialist,manager,executive';
ALTER TABLE trainings ADD COLUMN cancelled_at BIGINT;
ALTER TABLE trainings ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

-- An enrolment the academy cancelled (by cancelling the training) is told apart from one
-- the participant cancelled.
ALTER TABLE enrolments DROP CONSTRAINT enrolments_state_check;
ALTER TABLE enrolments ADD CONSTRAINT enrolments_state_check
    CHECK (state IN ('enrolled', 'waitlisted', 'cancelled', 'cancelled_by_academy', 'attended', 'completed', 'no_show'));
