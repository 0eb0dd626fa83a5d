//! Newsletter consent: append-only events (a trigger refuses changes on both backends),
//! double opt-in confirmations, and what the export shows of them.

use super::Db;

/// Stores a confirmation link's hash.
pub async fn insert_confirmation<'c>(
    db: impl Db<'c>,
    token_hash: &[u8],
    account_id: i64,
    text_version: i64,
    now: i64,
    expires_at: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO consent_confirmations (token_hash, account_id, text_version, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash)
    .bind(account_id)
    .bind(text_version)
    .bind(now)
    .bind(expires_at)
    .execute(db)
    .await?;
    Ok(())
}

/// Uses a confirmation link once, before it expires: (account, text version).
pub async fn use_confirmation<'c>(db: impl Db<'c>, token_hash: &[u8], now: i64) -> sqlx::Result<Option<(i64, i64)>> {
    sqlx::query_as(
        "UPDATE consent_confirmations SET used_at = $1
         WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1
         RETURNING account_id, text_version",
    )
    .bind(now)
    .bind(token_hash)
    .fetch_optional(db)
    .await
}

/// (text version, sent, used) of every confirmation link of an account (export).
pub async fn confirmations<'c>(db: impl Db<'c>, account_id: i64) -> sqlx::Result<Vec<(i64, i64, Option<i64>)>> {
    sqlx::query_as(
        "SELECT text_version, created_at, used_at FROM consent_confirmations WHERE account_id = $1 ORDER BY created_at",
    )
    .bind(account_id)
    .fetch_all(db)
    .await
}

/// Everyone whose latest consent event is `confirmed`: (account, address, account secret).
pub async fn confirmed<'c>(db: impl Db<'c>) -> sqlx::Result<Vec<(i64, String, Vec<u8>)>> {
    sqlx::query_as(
        "SELECT a.id, a.email, a.secret FROM accounts a
         JOIN consent_events e ON e.id = (SELECT max(id) FROM consent_events WHERE account_id = a.id)
         WHERE e.kind = 'confirmed' ORDER BY a.id",
    )
    .fetch_all(db)
    .await
}
