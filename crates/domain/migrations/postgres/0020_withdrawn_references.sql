-- A partner whose recruiters opened a profile in the last 12 months and then lost it
-- (deleted, taken out of the candidate bank, or no longer shown to that partner) sees
-- "withdrawn" on its reference for 12 months; the person sees who was told and when
-- (docs/security.md "Corrections are passed on"). Gone with the account.
CREATE TABLE withdrawn_references (
    partner_id BIGINT NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
    reference  TEXT NOT NULL,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    told_at    BIGINT NOT NULL,
    PRIMARY KEY (partner_id, reference)
);
CREATE INDEX withdrawn_references_by_account ON withdrawn_references (account_id, told_at);
