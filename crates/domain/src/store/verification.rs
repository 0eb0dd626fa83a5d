//! Links that verify an address: pending registrations (no account yet) and pending e-mail
//! changes. Only the token's hash is kept; each link works once, in one statement, before
//! it expires (docs/security.md "Registration by mail link", "E-mail change").

use super::Db;

/// A registration waiting for its link.
pub struct NewRegistration<'a> {
    /// SHA-256 of the link's token.
    pub token_hash: &'a [u8],
    /// The address (normalised).
    pub email: &'a str,
    /// `nl` or `en`.
    pub language: &'a str,
    /// Asked at.
    pub created_at: i64,
    /// The link works until.
    pub expires_at: i64,
}

/// Stores a pending registration.
pub async fn insert_registration<'c>(db: impl Db<'c>, r: &NewRegistration<'_>) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO pending_registrations (token_hash, email, language, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(r.token_hash)
    .bind(r.email)
    .bind(r.language)
    .bind(r.created_at)
    .bind(r.expires_at)
    .execute(db)
    .await?;
    Ok(())
}

/// The address a registration link is for, while it works; nothing is used up.
pub async fn registration_email<'c>(db: impl Db<'c>, token_hash: &[u8], now: i64) -> sqlx::Result<Option<String>> {
    link_email(db, "SELECT email FROM pending_registrations WHERE token_hash = $1 AND expires_at > $2", token_hash, now)
        .await
}

/// Uses a registration link once, before it expires: the row is deleted and its address
/// returned in one statement, so of parallel uses exactly one gets it.
pub async fn use_registration<'c>(
    db: impl Db<'c>,
    token_hash: &[u8],
    now: i64,
) -> sqlx::Result<Option<(String, String)>> {
    sqlx::query_as(
        "DELETE FROM pending_registrations WHERE token_hash = $1 AND expires_at > $2 RETURNING email, language",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(db)
    .await
}

/// The one `email` column `sql` gives for a link's token hash (`$1`) at `now` (`$2`).
async fn link_email<'c>(
    db: impl Db<'c>,
    sql: &'static str,
    token_hash: &[u8],
    now: i64,
) -> sqlx::Result<Option<String>> {
    let row: Option<(String,)> = sqlx::query_as(sql).bind(token_hash).bind(now).fetch_optional(db).await?;
    Ok(row.map(|(email,)| email))
}

/// Deletes every pending registration of an address (once it has an account).
pub async fn delete_registrations_of<'c>(db: impl Db<'c>, email: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM pending_registrations WHERE email = $1").bind(email).execute(db).await?;
    Ok(())
}

/// Deletes pending registrations that expired before `now`.
pub async fn purge_registrations<'c>(db: impl Db<'c>, now: i64) -> sqlx::Result<u64> {
    Ok(sqlx::query("DELETE FROM pending_registrations WHERE expires_at <= $1")
        .bind(now)
        .execute(db)
        .await?
        .rows_affected())
}

/// Stores a pending change of an account's address.
pub async fn insert_email_change<'c>(
    db: impl Db<'c>,
    token_hash: &[u8],
    account_id: i64,
    new_email: &str,
    now: i64,
    expires_at: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO email_changes (token_hash, account_id, new_email, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash)
    .bind(account_id)
    .bind(new_email)
    .bind(now)
    .bind(expires_at)
    .execute(db)
    .await?;
    Ok(())
}

/// Uses an e-mail change link once, before it expires: (account, new address). Deleted and
/// returned in one statement.
pub async fn use_email_change<'c>(db: impl Db<'c>, token_hash: &[u8], now: i64) -> sqlx::Result<Option<(i64, String)>> {
    sqlx::query_as(
        "DELETE FROM email_changes WHERE token_hash = $1 AND expires_at > $2 RETURNING account_id, new_email",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(db)
    .await
}

/// Deletes every pending change of an account (after one was used: the others die).
pub async fn delete_email_changes_of<'c>(db: impl Db<'c>, account_id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM email_changes WHERE account_id = $1").bind(account_id).execute(db).await?;
    Ok(())
}

/// (new address, asked at, works until) of every pending change of an account (export).
pub async fn email_changes_of<'c>(db: impl Db<'c>, account_id: i64) -> sqlx::Result<Vec<(String, i64, i64)>> {
    sqlx::query_as(
        "SELECT new_email, created_at, expires_at FROM email_changes WHERE account_id = $1 ORDER BY created_at",
    )
    .bind(account_id)
    .fetch_all(db)
    .await
}

/// Deletes pending e-mail changes that expired before `now`.
pub async fn purge_email_changes<'c>(db: impl Db<'c>, now: i64) -> sqlx::Result<u64> {
    Ok(sqlx::query("DELETE FROM email_changes WHERE expires_at <= $1").bind(now).execute(db).await?.rows_affected())
}
