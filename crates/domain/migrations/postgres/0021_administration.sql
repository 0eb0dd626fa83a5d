-- Administration: the same as SQLite migration 0026 (docs/storage.md).
ALTER TABLE accounts DROP CONSTRAINT accounts_role_check;
ALTER TABLE accounts ADD CONSTRAINT accounts_role_check
    CHECK (role IN ('person', 'recruiter', 'academy_staff', 'privacy_staff', 'administrator'));
ALTER TABLE accounts ADD COLUMN status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended'));
ALTER TABLE accounts ADD COLUMN suspended_because TEXT CHECK (suspended_because IN ('idle', 'administrator'));
ALTER TABLE accounts ADD COLUMN suspended_at BIGINT;
ALTER TABLE accounts ADD COLUMN invited_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL;
ALTER TABLE accounts ADD CONSTRAINT accounts_suspension_check CHECK (
    ((status = 'suspended') = (suspended_at IS NOT NULL))
    AND ((status = 'suspended') = (suspended_because IS NOT NULL))
    AND (status = 'active' OR role NOT IN ('person')));
CREATE INDEX accounts_invited_by ON accounts (invited_by);

CREATE TABLE invitations (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    public_id   TEXT NOT NULL UNIQUE,
    token_hash  BYTEA NOT NULL UNIQUE,
    email       TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('recruiter', 'academy_staff', 'privacy_staff', 'administrator')),
    partner_id  BIGINT REFERENCES partners (id),
    invited_by  BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'withdrawn')),
    decided_at  BIGINT,
    CHECK ((role = 'recruiter') = (partner_id IS NOT NULL)),
    CHECK ((status = 'pending') = (decided_at IS NULL))
);
CREATE INDEX invitations_by_time ON invitations (created_at);
CREATE INDEX invitations_invited_by ON invitations (invited_by);

CREATE TABLE audit_log (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          BIGINT NOT NULL,
    actor_id    BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    actor_email TEXT,
    action      TEXT NOT NULL CHECK (action IN ('invite', 'withdraw_invitation', 'accept', 'suspend', 'reinstate',
                                                'revoke', 'review', 'key_publish', 'key_remove')),
    subject_id  BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    subject     TEXT NOT NULL,
    detail      TEXT
);
CREATE INDEX audit_log_by_time ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor_id);
CREATE INDEX audit_log_subject ON audit_log (subject_id);
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.at IS DISTINCT FROM OLD.at OR NEW.actor_email IS DISTINCT FROM OLD.actor_email
       OR NEW.action IS DISTINCT FROM OLD.action OR NEW.subject IS DISTINCT FROM OLD.subject
       OR NEW.detail IS DISTINCT FROM OLD.detail THEN
        RAISE EXCEPTION 'the audit log is append-only';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TABLE staff_reviews (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reviewed_at BIGINT NOT NULL,
    reviewed_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    reviewer    TEXT NOT NULL,
    accounts    INTEGER NOT NULL
);
