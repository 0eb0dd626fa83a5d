-- The next allowed time of an attempt counter is kept in milliseconds: a one-second wait
-- counted in whole clock seconds could last anything from 0 to 1 s (docs/security.md "Login").
UPDATE throttle SET next_at = next_at * 1000 WHERE next_at > 0;
