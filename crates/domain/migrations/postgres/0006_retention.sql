-- Retention (docs/security.md "Retention"). A candidate's last login counts as their last
-- activity; NULL means "not since registering" (the registration time counts then). The
-- retention job warns once (`retention_warned_at`) before it erases an account that has
-- not been used for the configured years; a login clears the warning.
ALTER TABLE accounts ADD COLUMN last_activity_at BIGINT;
ALTER TABLE accounts ADD COLUMN retention_warned_at BIGINT;
UPDATE accounts SET last_activity_at =
    (SELECT MAX(s.created_at) FROM sessions s WHERE s.account_id = accounts.id);
CREATE INDEX accounts_last_activity ON accounts (role, last_activity_at);

-- A profile's own random salt, part of the references recruiters get: a profile deleted and
-- made again is a new candidate to them, so an old reference never opens it. NULL for
-- profiles made before this (their references stay as they were).
ALTER TABLE profiles ADD COLUMN reference_salt BYTEA;
