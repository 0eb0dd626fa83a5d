//! Retention: the last activity of accounts, the one warning before an inactive candidate's
//! account is erased, and finding the accounts that are due (docs/storage.md "Retention").
//! A NULL `last_activity_at` means no login since registering: the registration time counts.

use super::Db;

/// The last activity and the warning time of an account.
pub async fn state_of<'c>(db: impl Db<'c>, account_id: i64) -> sqlx::Result<Option<(i64, Option<i64>)>> {
    sqlx::query_as("SELECT COALESCE(last_activity_at, created_at), retention_warned_at FROM accounts WHERE id = $1")
        .bind(account_id)
        .fetch_optional(db)
        .await
}

/// A login: the account was used at `now`, and a warning sent before no longer holds.
pub async fn record_activity<'c>(db: impl Db<'c>, account_id: i64, now: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE accounts SET last_activity_at = $1, retention_warned_at = NULL WHERE id = $2")
        .bind(now)
        .bind(account_id)
        .execute(db)
        .await?;
    Ok(())
}

/// Candidates not warned yet and inactive since `cutoff` or longer: (id, e-mail address).
pub async fn due_for_warning<'c>(db: impl Db<'c>, cutoff: i64) -> sqlx::Result<Vec<(i64, String)>> {
    sqlx::query_as(
        "SELECT id, email FROM accounts WHERE role = 'person' AND retention_warned_at IS NULL
         AND COALESCE(last_activity_at, created_at) <= $1 ORDER BY id",
    )
    .bind(cutoff)
    .fetch_all(db)
    .await
}

/// Marks the account warned at `now`, if it still is due and nobody marked it before: of two
/// runs at once, one gets `true` (and sends the one mail).
pub async fn claim_warning<'c>(db: impl Db<'c>, account_id: i64, cutoff: i64, now: i64) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE accounts SET retention_warned_at = $1 WHERE id = $2 AND role = 'person'
         AND retention_warned_at IS NULL AND COALESCE(last_activity_at, created_at) <= $3",
    )
    .bind(now)
    .bind(account_id)
    .bind(cutoff)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Takes back a claim of `at` whose mail could not be sent (the next run tries again).
pub async fn release_warning<'c>(db: impl Db<'c>, account_id: i64, at: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE accounts SET retention_warned_at = NULL WHERE id = $1 AND retention_warned_at = $2")
        .bind(account_id)
        .bind(at)
        .execute(db)
        .await?;
    Ok(())
}

/// Candidates inactive since `activity_cutoff` and warned at `warned_cutoff` or before:
/// (id, e-mail address).
pub async fn due_for_deletion<'c>(
    db: impl Db<'c>,
    activity_cutoff: i64,
    warned_cutoff: i64,
) -> sqlx::Result<Vec<(i64, String)>> {
    sqlx::query_as(
        "SELECT id, email FROM accounts WHERE role = 'person' AND retention_warned_at <= $2
         AND COALESCE(last_activity_at, created_at) <= $1 ORDER BY id",
    )
    .bind(activity_cutoff)
    .bind(warned_cutoff)
    .fetch_all(db)
    .await
}

/// Whether the account is still due for deletion (checked again inside the erasing
/// transaction: a login in between, or another run that erased it first, stops it).
pub async fn still_due<'c>(
    db: impl Db<'c>,
    account_id: i64,
    activity_cutoff: i64,
    warned_cutoff: i64,
) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM accounts WHERE id = $1 AND role = 'person' AND retention_warned_at <= $3
         AND COALESCE(last_activity_at, created_at) <= $2",
    )
    .bind(account_id)
    .bind(activity_cutoff)
    .bind(warned_cutoff)
    .fetch_one(db)
    .await?;
    Ok(n == 1)
}
