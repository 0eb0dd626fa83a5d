-- The candidate bank's index: the same as SQLite migration 0016 (docs/storage.md
-- "Recruiter search"), with a tsvector and a GIN index instead of FTS5.
CREATE TABLE candidate_access (
    partner_id BIGINT NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
    reference  TEXT COLLATE "C" NOT NULL,
    account_id BIGINT NOT NULL REFERENCES profiles (account_id) ON DELETE CASCADE,
    PRIMARY KEY (partner_id, reference)
);
CREATE INDEX candidate_access_by_account ON candidate_access (account_id, partner_id, reference);

-- The words are split by the server already ('simple': no stemming, no stop words).
CREATE TABLE candidate_text (
    account_id BIGINT PRIMARY KEY REFERENCES profiles (account_id) ON DELETE CASCADE,
    body       TEXT NOT NULL,
    words      tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED
);
CREATE INDEX candidate_text_words ON candidate_text USING GIN (words);

CREATE TABLE derived_versions (
    name    TEXT PRIMARY KEY,
    version BIGINT NOT NULL
);
