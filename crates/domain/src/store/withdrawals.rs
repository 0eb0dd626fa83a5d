//! References partners lost (docs/security.md "Corrections are passed on"): which partner
//! opened a profile lately and still has access now, and the marks left when that access
//! ends.

use super::Db;

/// The partners' references to `account_id` whose recruiters opened the profile at or after
/// `since`: (partner, reference).
pub async fn opened_access<'c>(db: impl Db<'c>, account_id: i64, since: i64) -> sqlx::Result<Vec<(i64, String)>> {
    sqlx::query_as(
        "SELECT a.partner_id, a.reference FROM candidate_access a
         WHERE a.account_id = $1
           AND EXISTS (SELECT 1 FROM disclosures d
                       WHERE d.account_id = $1 AND d.partner_id = a.partner_id AND d.kind = 'opened' AND d.at >= $2)",
    )
    .bind(account_id)
    .bind(since)
    .fetch_all(db)
    .await
}

/// Whether `partner_id` still reaches the candidate by `reference`.
pub async fn still_open<'c>(db: impl Db<'c>, partner_id: i64, reference: &str) -> sqlx::Result<bool> {
    let row: Option<i64> =
        sqlx::query_scalar("SELECT partner_id FROM candidate_access WHERE partner_id = $1 AND reference = $2")
            .bind(partner_id)
            .bind(reference)
            .fetch_optional(db)
            .await?;
    Ok(row.is_some())
}

/// Marks `reference` of `partner_id` as withdrawn by `account_id` at `now`.
pub async fn mark<'c>(
    db: impl Db<'c>,
    partner_id: i64,
    reference: &str,
    account_id: i64,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO withdrawn_references (partner_id, reference, account_id, told_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (partner_id, reference) DO UPDATE SET told_at = excluded.told_at",
    )
    .bind(partner_id)
    .bind(reference)
    .bind(account_id)
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}

/// Whether `reference` of `partner_id` is marked withdrawn.
pub async fn is_withdrawn<'c>(db: impl Db<'c>, partner_id: i64, reference: &str) -> sqlx::Result<bool> {
    let row: Option<i64> =
        sqlx::query_scalar("SELECT partner_id FROM withdrawn_references WHERE partner_id = $1 AND reference = $2")
            .bind(partner_id)
            .bind(reference)
            .fetch_optional(db)
            .await?;
    Ok(row.is_some())
}

/// Who was told, and when, newest first: (partner name, told at).
pub async fn of_account<'c>(db: impl Db<'c>, account_id: i64) -> sqlx::Result<Vec<(String, i64)>> {
    sqlx::query_as(
        "SELECT p.name, w.told_at FROM withdrawn_references w JOIN partners p ON p.id = w.partner_id
         WHERE w.account_id = $1 ORDER BY w.told_at DESC, p.name",
    )
    .bind(account_id)
    .fetch_all(db)
    .await
}

/// Deletes marks older than `cutoff`.
pub async fn purge<'c>(db: impl Db<'c>, cutoff: i64) -> sqlx::Result<u64> {
    Ok(sqlx::query("DELETE FROM withdrawn_references WHERE told_at < $1")
        .bind(cutoff)
        .execute(db)
        .await?
        .rows_affected())
}
