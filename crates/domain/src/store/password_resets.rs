//! Password reset links: only the token's hash, single use, short-lived
//! (docs/security.md "Password reset").

use super::Db;

/// Stores a reset link's hash.
pub async fn insert<'c>(
    db: impl Db<'c>,
    token_hash: &[u8],
    account_id: i64,
    now: i64,
    expires_at: i64,
) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO password_resets (token_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(token_hash)
        .bind(account_id)
        .bind(now)
        .bind(expires_at)
        .execute(db)
        .await?;
    Ok(())
}

/// The account and its address of a link that is unused and has not expired (nothing changes).
pub async fn peek<'c>(db: impl Db<'c>, token_hash: &[u8], now: i64) -> sqlx::Result<Option<(i64, String)>> {
    sqlx::query_as(
        "SELECT r.account_id, a.email FROM password_resets r JOIN accounts a ON a.id = r.account_id
         WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > $2",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(db)
    .await
}

/// Uses a link once, before it expires: its account. One statement, so of two parallel
/// uses one wins.
pub async fn use_link<'c>(db: impl Db<'c>, token_hash: &[u8], now: i64) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(
        "UPDATE password_resets SET used_at = $1
         WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1
         RETURNING account_id",
    )
    .bind(now)
    .bind(token_hash)
    .fetch_optional(db)
    .await
}

/// Deletes every link of an account (after its password was set: the others die too).
pub async fn delete_for<'c>(db: impl Db<'c>, account_id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM password_resets WHERE account_id = $1").bind(account_id).execute(db).await?;
    Ok(())
}

/// Deletes links that expired before `now`.
pub async fn purge<'c>(db: impl Db<'c>, now: i64) -> sqlx::Result<u64> {
    Ok(sqlx::query("DELETE FROM password_resets WHERE expires_at <= $1").bind(now).execute(db).await?.rows_affected())
}
