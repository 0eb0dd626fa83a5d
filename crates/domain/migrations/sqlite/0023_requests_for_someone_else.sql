-- Requests for someone else (docs/security.md "Requests about one's rights", docs/storage.md):
-- for whom (`for_name`, `for_email` normalized, optional) and on what ground; how privacy
-- staff checked identity and authority (`verification_method`, `checked_on` `YYYY-MM-DD`,
-- `verification_note`), when they recorded it and who (`verified_by`: NULL once that staff
-- account is erased); and the account of the person concerned, linked only when the check was
-- recorded and an account has exactly that address (`concerned_account_id`: NULL once that
-- account is erased; the request stays with the account that made it).
ALTER TABLE privacy_requests ADD COLUMN for_name TEXT;
ALTER TABLE privacy_requests ADD COLUMN for_email TEXT;
ALTER TABLE privacy_requests ADD COLUMN ground TEXT
    CHECK (ground IN ('parent_of_minor', 'legal_representative', 'written_mandate', 'surviving_relative'));
ALTER TABLE privacy_requests ADD COLUMN verification_method TEXT CHECK (verification_method IN ('in_person', 'other'));
ALTER TABLE privacy_requests ADD COLUMN checked_on TEXT;
ALTER TABLE privacy_requests ADD COLUMN verification_note TEXT;
ALTER TABLE privacy_requests ADD COLUMN verified_at INTEGER;
ALTER TABLE privacy_requests ADD COLUMN verified_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL;
ALTER TABLE privacy_requests ADD COLUMN concerned_account_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL;
CREATE INDEX privacy_requests_concerned ON privacy_requests (concerned_account_id);
CREATE INDEX privacy_requests_verified_by ON privacy_requests (verified_by);
