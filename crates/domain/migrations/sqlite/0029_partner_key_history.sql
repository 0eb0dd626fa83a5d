-- Partner keys managed by administrators (docs/security.md "Administration"): every key a
-- partner published, with when, by whom (an administrator; NULL for the server's key file or
-- the demo), and when it was replaced or removed. `partners.age_recipient` stays the key in
-- use; a transfer made to an earlier key still opens with that key's secret half. The keys
-- are public; the publisher's address goes when their account goes (kept in the log).
CREATE TABLE partner_keys (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    partner_id   INTEGER NOT NULL REFERENCES partners (id),
    recipient    TEXT NOT NULL,
    published_at INTEGER NOT NULL,
    published_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    retired_at   INTEGER
);
CREATE INDEX partner_keys_by_partner ON partner_keys (partner_id, id);
CREATE INDEX partner_keys_published_by ON partner_keys (published_by);
INSERT INTO partner_keys (partner_id, recipient, published_at)
    SELECT id, age_recipient, CAST(strftime('%s', 'now') AS INTEGER) FROM partners WHERE age_recipient IS NOT NULL;
