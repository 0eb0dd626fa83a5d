-- Consent to be listed holds twelve months (docs/security.md "Listing consent expires"): when
-- it runs out, a `withdrawn` event by the channel `expiry` is appended; and the reminders
-- sent before the end, each claimed once per consent (`given_id`) by one instance.

ALTER TABLE listing_consent_events DROP CONSTRAINT listing_consent_events_channel_check;
ALTER TABLE listing_consent_events ADD CONSTRAINT listing_consent_events_channel_check
    CHECK (channel IN ('portal', 'staff', 'expiry'));

CREATE TABLE listing_reminders (
    account_id  BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    given_id    BIGINT NOT NULL,
    days_before BIGINT NOT NULL,
    sent_at     BIGINT NOT NULL,
    PRIMARY KEY (account_id, given_id, days_before)
);
