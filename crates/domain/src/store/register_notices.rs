//! Register changes told (docs/storage.md "Register changes told"): the register's version
//! when an account was made, what the person was last told on the site, and the one mail per
//! account and version, claimed by one instance.

use super::Db;

/// What is known of an account for its notice: (created at, the register's version when it
/// was made, register version seen, newsletter text version seen, listing text version seen).
pub type State = (i64, Option<i64>, Option<i64>, Option<i64>, Option<i64>);

/// The notice state of an account (`None`: no such account).
pub async fn state_of<'c>(db: impl Db<'c>, account_id: i64) -> sqlx::Result<Option<State>> {
    sqlx::query_as(
        "SELECT a.created_at, a.register_baseline, n.register_seen, n.newsletter_text_seen, n.listing_text_seen
         FROM accounts a LEFT JOIN register_notices n ON n.account_id = a.id WHERE a.id = $1",
    )
    .bind(account_id)
    .fetch_optional(db)
    .await
}

/// The larger of the stored column and the new value (both databases).
const RAISE: &str = "CASE WHEN excluded.{c} > register_notices.{c} THEN excluded.{c} ELSE register_notices.{c} END";

/// Marks the versions the person was shown as seen; a version already seen stays (an older
/// page acknowledged late marks nothing back).
pub async fn mark_seen<'c>(
    db: impl Db<'c>,
    account_id: i64,
    register: i64,
    newsletter_text: i64,
    listing_text: i64,
) -> sqlx::Result<()> {
    let set: Vec<String> = ["register_seen", "newsletter_text_seen", "listing_text_seen"]
        .iter()
        .map(|c| format!("{c} = {}", RAISE.replace("{c}", c)))
        .collect();
    sqlx::query(&format!(
        "INSERT INTO register_notices (account_id, register_seen, newsletter_text_seen, listing_text_seen)
         VALUES ($1, $2, $3, $4) ON CONFLICT (account_id) DO UPDATE SET {}",
        set.join(", ")
    ))
    .bind(account_id)
    .bind(register)
    .bind(newsletter_text)
    .bind(listing_text)
    .execute(db)
    .await?;
    Ok(())
}

/// Accounts made before versions were kept with them: (id, created at).
pub async fn without_baseline<'c>(db: impl Db<'c>) -> sqlx::Result<Vec<(i64, i64)>> {
    sqlx::query_as("SELECT id, created_at FROM accounts WHERE register_baseline IS NULL ORDER BY id")
        .fetch_all(db)
        .await
}

/// Sets the version an account was made under, if none is set (the same value from every
/// instance).
pub async fn set_baseline<'c>(db: impl Db<'c>, account_id: i64, version: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE accounts SET register_baseline = $2 WHERE id = $1 AND register_baseline IS NULL")
        .bind(account_id)
        .bind(version)
        .execute(db)
        .await?;
    Ok(())
}

/// Accounts that were neither told nor mailed about `version` (made under an older one):
/// (id, e-mail address, the version they were last told: made under or seen, the version
/// last mailed about).
pub async fn due_for_mail<'c>(db: impl Db<'c>, version: i64) -> sqlx::Result<Vec<(i64, String, i64, i64)>> {
    sqlx::query_as(
        "SELECT a.id, a.email,
                CASE WHEN COALESCE(n.register_seen, 0) > a.register_baseline
                     THEN n.register_seen ELSE a.register_baseline END,
                COALESCE(n.register_mailed, 0)
         FROM accounts a LEFT JOIN register_notices n ON n.account_id = a.id
         WHERE a.register_baseline < $1 AND COALESCE(n.register_seen, 0) < $1
           AND COALESCE(n.register_mailed, 0) < $1
         ORDER BY a.id",
    )
    .bind(version)
    .fetch_all(db)
    .await
}

/// Claims the mail about `version` for the account, if nobody did and the person did not see
/// the change on the site first: of two instances at once, one gets `true`.
pub async fn claim_mail<'c>(db: impl Db<'c>, account_id: i64, version: i64, now: i64) -> sqlx::Result<bool> {
    let claimed: Option<i64> = sqlx::query_scalar(
        "INSERT INTO register_notices (account_id, register_mailed, mailed_at) VALUES ($1, $2, $3)
         ON CONFLICT (account_id) DO UPDATE SET register_mailed = excluded.register_mailed, mailed_at = excluded.mailed_at
         WHERE register_notices.register_mailed < excluded.register_mailed
           AND register_notices.register_seen < excluded.register_mailed
         RETURNING account_id",
    )
    .bind(account_id)
    .bind(version)
    .bind(now)
    .fetch_optional(db)
    .await?;
    Ok(claimed.is_some())
}

/// Gives back a claim on `version` whose mail could not be sent (the next run tries again).
pub async fn release_mail<'c>(db: impl Db<'c>, account_id: i64, version: i64, before: i64) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE register_notices SET register_mailed = $3, mailed_at = NULL
         WHERE account_id = $1 AND register_mailed = $2",
    )
    .bind(account_id)
    .bind(version)
    .bind(before)
    .execute(db)
    .await?;
    Ok(())
}
