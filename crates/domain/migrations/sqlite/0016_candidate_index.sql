-- The candidate bank's index (docs/storage.md "Recruiter search"): derived from profiles and
-- visibility by the server in the same transaction as every save, never edited otherwise.
-- For each candidate in the bank, one row per partner whose recruiters may see them, with
-- that partner's opaque reference: a partner's list is an index range in reference order.
CREATE TABLE candidate_access (
    partner_id INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
    reference  TEXT NOT NULL,
    account_id INTEGER NOT NULL REFERENCES profiles (account_id) ON DELETE CASCADE,
    PRIMARY KEY (partner_id, reference)
) WITHOUT ROWID;
CREATE INDEX candidate_access_by_account ON candidate_access (account_id, partner_id, reference);

-- What recruiters may search: the words of the candidate's recruiter view (the same for every
-- partner admitted), rowid = account id. Deleted tokens are removed from the index at once
-- (secure-delete), not left in old segments.
CREATE VIRTUAL TABLE candidate_text USING fts5 (body, tokenize = 'unicode61 remove_diacritics 0');
INSERT INTO candidate_text (candidate_text, rank) VALUES ('secure-delete', 1);

-- A profile deleted on its own, with its account (erasure, retention) or by cascade: its
-- search text goes with it (a virtual table has no foreign keys).
CREATE TRIGGER candidate_text_follows_profile AFTER DELETE ON profiles
BEGIN
    DELETE FROM candidate_text WHERE rowid = old.account_id;
END;

-- Which version of the index the rows were built by: the server rebuilds it at start when
-- this is older than its own (and after this migration, for the profiles already there).
CREATE TABLE derived_versions (
    name    TEXT PRIMARY KEY,
    version INTEGER NOT NULL
);
