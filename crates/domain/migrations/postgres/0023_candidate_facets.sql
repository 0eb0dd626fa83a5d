-- The facets recruiters filter on: the same as SQLite migration 0028 (docs/storage.md
-- "Recruiter search").
CREATE TABLE candidate_facets (
    account_id BIGINT PRIMARY KEY REFERENCES profiles (account_id) ON DELETE CASCADE,
    place      TEXT COLLATE "C",
    hours      BIGINT,
    level      BIGINT
);
CREATE INDEX candidate_facets_by_place ON candidate_facets (place);
