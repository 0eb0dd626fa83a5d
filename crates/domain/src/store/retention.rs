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

/// Which rows a limit covers at `cutoff` (`$1`): the `WHERE` of the count and the delete.
const DISCLOSURE_LOG: &str = "FROM disclosures WHERE at <= $1";
const STAFF_DISCLOSURE_LOG: &str = "FROM staff_disclosures WHERE at <= $1";
const ADMINISTRATION_LOG: &str = "FROM audit_log WHERE at <= $1";
const STAFF_REVIEWS: &str = "FROM staff_reviews WHERE reviewed_at <= $1";
const DELIVERED_MESSAGES: &str = "FROM processor_outbox WHERE status = 'delivered' AND delivered_at <= $1
    AND (account_id IS NULL OR id < (SELECT MAX(l.id) FROM processor_outbox l WHERE l.account_id = processor_outbox.account_id))";
/// People whose newsletter consent was withdrawn at `cutoff` or before and not given again:
/// (account, the withdrawal's event id).
const CONSENT_HISTORY: &str = "SELECT e.account_id, e.id, e.at FROM consent_events e
    WHERE e.kind = 'withdrawn' AND e.at <= $1
    AND e.id = (SELECT MAX(x.id) FROM consent_events x WHERE x.account_id = e.account_id) ORDER BY e.account_id";

async fn count<'c>(db: impl Db<'c>, from: &str, cutoff: i64) -> sqlx::Result<u64> {
    let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) {from}")).bind(cutoff).fetch_one(db).await?;
    Ok(u64::try_from(n).unwrap_or(0))
}

async fn delete<'c>(db: impl Db<'c>, from: &str, cutoff: i64) -> sqlx::Result<u64> {
    Ok(sqlx::query(&format!("DELETE {from}")).bind(cutoff).execute(db).await?.rows_affected())
}

/// Disclosure log entries of an access at `cutoff` or before.
///
/// The log has two parts, both by the same clock: what partners saw (`disclosures`) and which
/// staff role opened the person's data (`staff_disclosures`, shown in the same log).
pub async fn disclosure_log(tx: &mut super::Tx, cutoff: i64, dry_run: bool) -> sqlx::Result<u64> {
    let mut total = 0;
    for from in [DISCLOSURE_LOG, STAFF_DISCLOSURE_LOG] {
        total += if dry_run { count(&mut **tx, from, cutoff).await? } else { delete(&mut **tx, from, cutoff).await? };
    }
    Ok(total)
}

/// Entries of the administration's log and confirmations of the staff list made at `cutoff`
/// or before.
pub async fn administration_log(tx: &mut super::Tx, cutoff: i64, dry_run: bool) -> sqlx::Result<u64> {
    let mut total = 0;
    for from in [ADMINISTRATION_LOG, STAFF_REVIEWS] {
        total += if dry_run { count(&mut **tx, from, cutoff).await? } else { delete(&mut **tx, from, cutoff).await? };
    }
    Ok(total)
}

/// Messages delivered to the mailing processor at `cutoff` or before, but each person's latest.
pub async fn delivered_messages(tx: &mut super::Tx, cutoff: i64, dry_run: bool) -> sqlx::Result<u64> {
    if dry_run {
        count(&mut **tx, DELIVERED_MESSAGES, cutoff).await
    } else {
        delete(&mut **tx, DELIVERED_MESSAGES, cutoff).await
    }
}

/// The consent history of people who withdrew at `cutoff` or before and did not consent
/// again: the events up to the withdrawal, deleted under a permit the append-only trigger
/// honours (written and removed in this transaction).
pub async fn consent_history(tx: &mut super::Tx, cutoff: i64, dry_run: bool) -> sqlx::Result<u64> {
    let due: Vec<(i64, i64, i64)> = sqlx::query_as(CONSENT_HISTORY).bind(cutoff).fetch_all(&mut **tx).await?;
    let mut total = 0;
    for (account_id, up_to, withdrawn_at) in due {
        if dry_run {
            let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM consent_events WHERE account_id = $1 AND id <= $2")
                .bind(account_id)
                .bind(up_to)
                .fetch_one(&mut **tx)
                .await?;
            total += u64::try_from(n).unwrap_or(0);
            continue;
        }
        sqlx::query("INSERT INTO consent_event_deletions (account_id, up_to_id) VALUES ($1, $2)")
            .bind(account_id)
            .bind(up_to)
            .execute(&mut **tx)
            .await?;
        total += sqlx::query("DELETE FROM consent_events WHERE account_id = $1 AND id <= $2")
            .bind(account_id)
            .bind(up_to)
            .execute(&mut **tx)
            .await?
            .rows_affected();
        sqlx::query("DELETE FROM consent_event_deletions WHERE account_id = $1")
            .bind(account_id)
            .execute(&mut **tx)
            .await?;
        // The confirmation links of that history are part of it.
        sqlx::query("DELETE FROM consent_confirmations WHERE account_id = $1 AND created_at <= $2")
            .bind(account_id)
            .bind(withdrawn_at)
            .execute(&mut **tx)
            .await?;
    }
    Ok(total)
}
