//! The disclosure log: one row per candidate, partner, day, kind and set of sections.

use sqlx::FromRow;

use super::Db;

/// One entry of the log.
#[derive(FromRow)]
pub struct DisclosureRow {
    /// Partner slug.
    pub slug: String,
    /// Partner name.
    pub name: String,
    /// Last time that day.
    pub at: i64,
    /// First time that day.
    pub first_at: i64,
    /// How often that day.
    pub count: i64,
    /// Stored kind.
    pub kind: String,
    /// Sections shown (JSON list).
    pub sections: String,
}

/// Counts one disclosure to `partner_id` of each `(account, sections)` (distinct accounts),
/// as [`record`] does each, in one statement: a page of 50 candidates is one round trip.
pub async fn record_many<'c>(
    db: impl Db<'c>,
    partner_id: i64,
    day: &str,
    at: i64,
    kind: &str,
    entries: &[(i64, String)],
) -> sqlx::Result<()> {
    if entries.is_empty() {
        return Ok(());
    }
    let rows: Vec<String> =
        (0..entries.len()).map(|i| format!("(${}, $1, $2, $3, $3, 1, $4, ${})", 5 + 2 * i, 6 + 2 * i)).collect();
    let sql = format!(
        "INSERT INTO disclosures (account_id, partner_id, day, first_at, at, count, kind, sections)
         VALUES {}
         ON CONFLICT (account_id, partner_id, day, kind, sections)
         DO UPDATE SET count = disclosures.count + 1, at = excluded.at",
        rows.join(", ")
    );
    let mut query = sqlx::query(&sql).bind(partner_id).bind(day).bind(at).bind(kind);
    for (account_id, sections) in entries {
        query = query.bind(*account_id).bind(sections.as_str());
    }
    query.execute(db).await?;
    Ok(())
}

/// `limit` entries from `offset`, newest first.
pub async fn page<'c>(db: impl Db<'c>, account_id: i64, limit: i64, offset: i64) -> sqlx::Result<Vec<DisclosureRow>> {
    // Staff entries come with the partners' (docs/storage.md): their `kind` is the stored
    // `what`, and the organisation is filled in by the caller.
    sqlx::query_as(
        "SELECT slug, name, at, first_at, count, kind, sections FROM (
             SELECT p.slug AS slug, p.name AS name, d.at AS at, d.first_at AS first_at, d.count AS count,
                    d.kind AS kind, d.sections AS sections, d.id AS id, 0 AS src
             FROM disclosures d JOIN partners p ON p.id = d.partner_id WHERE d.account_id = $1
             UNION ALL
             SELECT s.role, '', s.at, s.first_at, s.count, s.what, '[]', s.id, 1
             FROM staff_disclosures s WHERE s.account_id = $1
         ) entries ORDER BY at DESC, src, id DESC LIMIT $2 OFFSET $3",
    )
    .bind(account_id)
    .bind(limit)
    .bind(offset)
    .fetch_all(db)
    .await
}

/// Entries in the log.
pub async fn count<'c>(db: impl Db<'c>, account_id: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM disclosures WHERE account_id = $1)
              + (SELECT COUNT(*) FROM staff_disclosures WHERE account_id = $1)",
    )
    .bind(account_id)
    .fetch_one(db)
    .await
}

/// Counts one look by staff in `role` at the data of `account_id`: a new entry for the day,
/// or one more on it.
pub async fn record_staff<'c>(
    db: impl Db<'c>,
    account_id: i64,
    role: &str,
    what: &str,
    day: &str,
    at: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO staff_disclosures (account_id, role, what, day, first_at, at, count)
         VALUES ($1, $2, $3, $4, $5, $5, 1)
         ON CONFLICT (account_id, role, what, day)
         DO UPDATE SET count = staff_disclosures.count + 1, at = excluded.at",
    )
    .bind(account_id)
    .bind(role)
    .bind(what)
    .bind(day)
    .bind(at)
    .execute(db)
    .await?;
    Ok(())
}
