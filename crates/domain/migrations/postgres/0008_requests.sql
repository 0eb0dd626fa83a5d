-- Privacy staff and formal requests: the same as SQLite migration 0013 (docs/storage.md).
ALTER TABLE accounts DROP CONSTRAINT accounts_role_check;
ALTER TABLE accounts ADD CONSTRAINT accounts_role_check
    CHECK (role IN ('person', 'recruiter', 'academy_staff', 'privacy_staff'));

CREATE TABLE privacy_requests (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    public_id        TEXT NOT NULL UNIQUE,
    account_id       BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind             TEXT NOT NULL CHECK (kind IN ('objection', 'restriction', 'rectification', 'access', 'complaint')),
    text             TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('open', 'answered', 'closed')),
    received_at      BIGINT NOT NULL,
    deadline         TEXT NOT NULL,
    extension_reason TEXT,
    extended_at      BIGINT,
    response         TEXT,
    closed_at        BIGINT,
    handled_by       BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    CHECK ((extension_reason IS NULL) = (extended_at IS NULL)),
    CHECK ((status = 'open') = (closed_at IS NULL)),
    CHECK ((status = 'open') = (response IS NULL))
);
CREATE INDEX privacy_requests_by_account ON privacy_requests (account_id, id);
CREATE INDEX privacy_requests_queue ON privacy_requests (status, deadline);
CREATE INDEX privacy_requests_handled_by ON privacy_requests (handled_by);
