-- Reference data: the partner organisations of seed 000 art. 3 (filled at every start).
CREATE TABLE partners (
    id   INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);

CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('person', 'recruiter', 'academy_staff')),
    partner_id    INTEGER REFERENCES partners (id),
    created_at    INTEGER NOT NULL,
    -- A recruiter works for exactly one partner; nobody else belongs to one (seed 000 art. 9.1).
    CHECK ((role = 'recruiter') = (partner_id IS NOT NULL))
);

-- Only a SHA-256 of each session token is stored: a copy of the database does not let
-- anyone take over a session.
CREATE TABLE sessions (
    token_hash   BLOB PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
);
CREATE INDEX sessions_by_account ON sessions (account_id);

-- Attempt counters for rate limiting, keyed by a hash of "kind:value" (never the plain
-- address or e-mail). Kept in the database so every server instance shares them.
CREATE TABLE throttle (
    key          BLOB PRIMARY KEY,
    window_start INTEGER NOT NULL,
    hits         INTEGER NOT NULL
);
