-- The password of a new account is chosen on the registration link's page, not with the
-- request (docs/security.md "Registration by mail link"): a pending registration holds no
-- password any more. Pending links of the previous release keep working; their page asks
-- for the password.
ALTER TABLE pending_registrations DROP COLUMN password_hash;
