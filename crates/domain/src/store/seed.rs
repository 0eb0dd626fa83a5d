//! The benchmark's synthetic candidates (`zelfregie-server seed`): written straight into the
//! documents, as a profile editor would have left them.

use super::{Db, Tx};

/// The highest account id so far (0 for none).
pub async fn last_account_id<'c>(db: impl Db<'c>) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM accounts").fetch_one(db).await
}

/// A candidate's first profile and visibility choices (version 1 of each).
pub async fn insert_documents(
    tx: &mut Tx,
    account_id: i64,
    profile: &str,
    visibility: &str,
    at: i64,
    salt: &[u8],
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO profiles (account_id, version, data, updated_at, reference_salt) VALUES ($1, 1, $2, $3, $4)",
    )
    .bind(account_id)
    .bind(profile)
    .bind(at)
    .bind(salt)
    .execute(&mut **tx)
    .await?;
    sqlx::query("INSERT INTO visibility (account_id, version, data, updated_at) VALUES ($1, 1, $2, $3)")
        .bind(account_id)
        .bind(visibility)
        .bind(at)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Statistics for the query planner, on both backends.
pub async fn analyze<'c>(db: impl Db<'c>) -> sqlx::Result<()> {
    sqlx::query("ANALYZE").execute(db).await?;
    Ok(())
}
