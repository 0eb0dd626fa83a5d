-- Keys the server derives per-partner candidate references and pseudonyms from.
CREATE TABLE server_secrets (
    name  TEXT PRIMARY KEY,
    value BLOB NOT NULL
);

-- The candidate profile (seed 000 art. 10.1) as one JSON document of the shared model's
-- `Profile`, with a version for optimistic concurrency (ETag / If-Match).
CREATE TABLE profiles (
    account_id INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    version    INTEGER NOT NULL,
    data       TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);

-- The candidate's visibility choices (seed 000 art. 9.2), JSON of `Visibility`.
CREATE TABLE visibility (
    account_id INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    version    INTEGER NOT NULL,
    data       TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);

-- Every time a partner's recruiter opened the profile or got it in a list (seed 000 art. 14.3).
CREATE TABLE disclosures (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    partner_id INTEGER NOT NULL REFERENCES partners (id),
    at         INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('opened', 'search_result')),
    sections   TEXT NOT NULL
);
CREATE INDEX disclosures_by_account ON disclosures (account_id, at);
