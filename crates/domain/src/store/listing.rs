//! Listing consent that runs out (docs/security.md "Listing consent expires"): who is listed
//! on a consent given before a time, and the reminders, each claimed once.

use super::Db;

/// Accounts whose latest listing consent event is a `given` written before `before`:
/// (account, event id, given at).
pub async fn consents_given_before<'c>(db: impl Db<'c>, before: i64) -> sqlx::Result<Vec<(i64, i64, i64)>> {
    sqlx::query_as(
        "SELECT e.account_id, e.id, e.at FROM listing_consent_events e
         WHERE e.kind = 'given' AND e.at < $1
           AND e.id = (SELECT MAX(x.id) FROM listing_consent_events x WHERE x.account_id = e.account_id)
         ORDER BY e.account_id",
    )
    .bind(before)
    .fetch_all(db)
    .await
}

/// Claims the reminder `days_before` of the consent `given_id`: true once, for one caller.
pub async fn claim_reminder<'c>(
    db: impl Db<'c>,
    account_id: i64,
    given_id: i64,
    days_before: i64,
    now: i64,
) -> sqlx::Result<bool> {
    let claimed: Option<i64> = sqlx::query_scalar(
        "INSERT INTO listing_reminders (account_id, given_id, days_before, sent_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (account_id, given_id, days_before) DO NOTHING RETURNING account_id",
    )
    .bind(account_id)
    .bind(given_id)
    .bind(days_before)
    .bind(now)
    .fetch_optional(db)
    .await?;
    Ok(claimed.is_some())
}

/// Gives a claimed reminder back (its mail could not be sent: the next run tries again).
pub async fn release_reminder<'c>(
    db: impl Db<'c>,
    account_id: i64,
    given_id: i64,
    days_before: i64,
) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM listing_reminders WHERE account_id = $1 AND given_id = $2 AND days_before = $3")
        .bind(account_id)
        .bind(given_id)
        .bind(days_before)
        .execute(db)
        .await?;
    Ok(())
}

/// Forgets the reminders of consents before `given_id` (a renewal starts afresh).
pub async fn forget_reminders_before<'c>(db: impl Db<'c>, account_id: i64, given_id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM listing_reminders WHERE account_id = $1 AND given_id < $2")
        .bind(account_id)
        .bind(given_id)
        .execute(db)
        .await?;
    Ok(())
}
