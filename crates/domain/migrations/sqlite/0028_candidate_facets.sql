-- The facets recruiters filter on (docs/storage.md "Recruiter search"): for each candidate
-- in the bank, the values of their recruiter view a filter reads — the place of residence
-- (normalized), the hours per week available (tenths of an hour) and the highest level of
-- the educations shown. NULL where the view does not show it: a filter never matches NULL.
-- Derived like candidate_text, the same for every partner admitted, written in the same
-- transaction; the index version goes up, so the server fills it at start.
CREATE TABLE candidate_facets (
    account_id INTEGER PRIMARY KEY REFERENCES profiles (account_id) ON DELETE CASCADE,
    place      TEXT,
    hours      INTEGER,
    level      INTEGER
);
CREATE INDEX candidate_facets_by_place ON candidate_facets (place);
