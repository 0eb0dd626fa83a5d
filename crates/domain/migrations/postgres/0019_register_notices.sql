-- Register changes are told (docs/security.md "Register changes are told"): the register's
-- version when an account was made (NULL for accounts made before this migration: the day
-- they were made decides, and the job fills it in), and per account what was last told, on
-- the site and by mail. A mail is claimed once per account and version by one instance.

ALTER TABLE accounts ADD COLUMN register_baseline BIGINT;

CREATE TABLE register_notices (
    account_id           BIGINT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    register_seen        BIGINT NOT NULL DEFAULT 0,
    newsletter_text_seen BIGINT NOT NULL DEFAULT 0,
    listing_text_seen    BIGINT NOT NULL DEFAULT 0,
    register_mailed      BIGINT NOT NULL DEFAULT 0,
    mailed_at            BIGINT
);
