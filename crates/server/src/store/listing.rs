//! Consent to be listed in the candidate bank: append-only events (a trigger refuses changes
//! on both backends), the same columns as the newsletter's.

use super::newsletter::EventRow;
use super::Db;

/// The events of an account, oldest first.
pub async fn events<'c>(db: impl Db<'c>, account_id: i64) -> sqlx::Result<Vec<EventRow>> {
    sqlx::query_as(
        "SELECT id, kind, at, text_version, text_hash, channel FROM listing_consent_events WHERE account_id = $1 ORDER BY id",
    )
    .bind(account_id)
    .fetch_all(db)
    .await
}

/// Appends an event.
pub async fn append<'c>(
    db: impl Db<'c>,
    account_id: i64,
    kind: &str,
    at: i64,
    text_version: i64,
    text_hash: &str,
    channel: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO listing_consent_events (account_id, kind, at, text_version, text_hash, channel)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(account_id)
    .bind(kind)
    .bind(at)
    .bind(text_version)
    .bind(text_hash)
    .bind(channel)
    .execute(db)
    .await?;
    Ok(())
}
