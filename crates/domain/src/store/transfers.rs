//! Transfers: encrypted exports waiting behind a one-time link.

use sqlx::FromRow;

use super::Db;

/// A transfer as its maker and the link's holder see it.
#[derive(FromRow)]
pub struct TransferRow {
    /// Id.
    pub id: i64,
    /// The maker.
    pub account_id: i64,
    /// Partner slug, when made for a partner.
    pub slug: Option<String>,
    /// Partner name.
    pub name: Option<String>,
    /// The age key it is encrypted to.
    pub recipient: String,
    /// Bytes.
    pub size: i64,
    /// waiting, fetched, revoked, expired.
    pub status: String,
    /// Uploaded.
    pub created_at: i64,
    /// Link stops working.
    pub expires_at: i64,
    /// Fetched, revoked or expired at.
    pub ended_at: Option<i64>,
}

const COLUMNS: &str =
    "t.id, t.account_id, p.slug, p.name, t.recipient, t.size, t.status, t.created_at, t.expires_at, t.ended_at
     FROM transfers t LEFT JOIN partners p ON p.id = t.partner_id";

/// The person's transfers (all, or only `id`), newest first.
pub async fn of_account<'c>(db: impl Db<'c>, account_id: i64, id: Option<i64>) -> sqlx::Result<Vec<TransferRow>> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} WHERE t.account_id = $1 AND ($2 IS NULL OR t.id = $2) ORDER BY t.id DESC"
    ))
    .bind(account_id)
    .bind(id)
    .fetch_all(db)
    .await
}

/// The transfer behind a link.
pub async fn by_token<'c>(db: impl Db<'c>, token_hash: &[u8]) -> sqlx::Result<Option<TransferRow>> {
    sqlx::query_as(&format!("SELECT {COLUMNS} WHERE t.token_hash = $1")).bind(token_hash).fetch_optional(db).await
}

/// Waiting transfers of a person.
pub async fn waiting<'c>(db: impl Db<'c>, account_id: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM transfers WHERE account_id = $1 AND status = 'waiting'")
        .bind(account_id)
        .fetch_one(db)
        .await
}

/// Bytes a person uploaded since `since`, whatever became of them.
pub async fn uploaded_since<'c>(db: impl Db<'c>, account_id: i64, since: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT CAST(coalesce(sum(size), 0) AS BIGINT) FROM transfers WHERE account_id = $1 AND created_at > $2",
    )
    .bind(account_id)
    .bind(since)
    .fetch_one(db)
    .await
}

/// A new transfer.
pub struct NewTransfer<'a> {
    /// The maker.
    pub account_id: i64,
    /// The partner it is for.
    pub partner_id: Option<i64>,
    /// The age key.
    pub recipient: &'a str,
    /// The age file.
    pub file: &'a [u8],
    /// SHA-256 of the link's token.
    pub token_hash: &'a [u8],
    /// Uploaded.
    pub created_at: i64,
    /// Link stops working.
    pub expires_at: i64,
}

/// Stores a transfer; returns its id.
pub async fn insert<'c>(db: impl Db<'c>, t: &NewTransfer<'_>) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO transfers (account_id, partner_id, recipient, size, ciphertext, token_hash, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(t.account_id)
    .bind(t.partner_id)
    .bind(t.recipient)
    .bind(i64::try_from(t.file.len()).unwrap_or(i64::MAX))
    .bind(t.file)
    .bind(t.token_hash)
    .bind(t.created_at)
    .bind(t.expires_at)
    .fetch_one(db)
    .await
}

/// Revokes a waiting transfer of the person (the file goes); returns whether one was.
pub async fn revoke<'c>(db: impl Db<'c>, account_id: i64, id: i64, now: i64) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE transfers SET status = 'revoked', ciphertext = NULL, ended_at = $1
         WHERE id = $2 AND account_id = $3 AND status = 'waiting'",
    )
    .bind(now)
    .bind(id)
    .bind(account_id)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Whether the person has a transfer `id`.
pub async fn exists<'c>(db: impl Db<'c>, account_id: i64, id: i64) -> sqlx::Result<bool> {
    let row: Option<i64> = sqlx::query_scalar("SELECT id FROM transfers WHERE id = $1 AND account_id = $2")
        .bind(id)
        .bind(account_id)
        .fetch_optional(db)
        .await?;
    Ok(row.is_some())
}

/// The file of a waiting transfer (read inside the transaction that then marks it fetched).
pub async fn file<'c>(db: impl Db<'c>, id: i64) -> sqlx::Result<Option<Vec<u8>>> {
    sqlx::query_scalar("SELECT ciphertext FROM transfers WHERE id = $1").bind(id).fetch_one(db).await
}

/// Marks a transfer fetched; the file goes.
pub async fn mark_fetched<'c>(db: impl Db<'c>, id: i64, now: i64) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE transfers SET status = 'fetched', ciphertext = NULL, ended_at = $1 WHERE id = $2 AND status = 'waiting'",
    )
    .bind(now)
    .bind(id)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Deletes the files of transfers past their time; returns how many.
pub async fn sweep<'c>(db: impl Db<'c>, now: i64) -> sqlx::Result<u64> {
    Ok(sqlx::query(
        "UPDATE transfers SET status = 'expired', ciphertext = NULL, ended_at = expires_at
         WHERE status = 'waiting' AND expires_at <= $1",
    )
    .bind(now)
    .execute(db)
    .await?
    .rows_affected())
}
