-- Requests for someone else: the same as SQLite migration 0023 (docs/storage.md), with the
-- rules between the columns that SQLite cannot add to an existing table.
ALTER TABLE privacy_requests
    ADD COLUMN for_name TEXT,
    ADD COLUMN for_email TEXT,
    ADD COLUMN ground TEXT
        CHECK (ground IN ('parent_of_minor', 'legal_representative', 'written_mandate', 'surviving_relative')),
    ADD COLUMN verification_method TEXT CHECK (verification_method IN ('in_person', 'other')),
    ADD COLUMN checked_on TEXT,
    ADD COLUMN verification_note TEXT,
    ADD COLUMN verified_at BIGINT,
    ADD COLUMN verified_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    ADD COLUMN concerned_account_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    ADD CHECK ((for_name IS NULL) = (ground IS NULL)),
    ADD CHECK ((verified_at IS NULL) = (verification_method IS NULL)),
    ADD CHECK ((verified_at IS NULL) = (checked_on IS NULL)),
    ADD CHECK (verified_at IS NULL OR ground IS NOT NULL),
    ADD CHECK (concerned_account_id IS NULL OR verified_at IS NOT NULL);
CREATE INDEX privacy_requests_concerned ON privacy_requests (concerned_account_id);
CREATE INDEX privacy_requests_verified_by ON privacy_requests (verified_by);
