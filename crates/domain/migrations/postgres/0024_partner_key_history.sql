-- Partner keys managed by administrators: the same as SQLite migration 0029 (docs/storage.md).
CREATE TABLE partner_keys (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    partner_id   BIGINT NOT NULL REFERENCES partners (id),
    recipient    TEXT NOT NULL,
    published_at BIGINT NOT NULL,
    published_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    retired_at   BIGINT
);
CREATE INDEX partner_keys_by_partner ON partner_keys (partner_id, id);
CREATE INDEX partner_keys_published_by ON partner_keys (published_by);
INSERT INTO partner_keys (partner_id, recipient, published_at)
    SELECT id, age_recipient, CAST(EXTRACT(EPOCH FROM now()) AS BIGINT) FROM partners WHERE age_recipient IS NOT NULL;
