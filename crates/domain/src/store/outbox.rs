//! The transactional outbox to the mailing processor: rows written in the caller's
//! transaction, claimed with a lease by one worker of one instance at a time, a person's
//! rows strictly in order.

use sqlx::FromRow;

use super::{Backend, Db};

/// A new row.
pub struct NewMessage<'a> {
    /// The person's account (none for an erasure notice: the account is gone).
    pub account_id: Option<i64>,
    /// The person, also after erasure: their messages go out in this order.
    pub person_id: i64,
    /// subscribe or unsubscribe.
    pub action: &'a str,
    /// JSON body without sequence and time.
    pub payload: &'a str,
    /// Sent with every attempt.
    pub idempotency_key: &'a str,
    /// First attempt (milliseconds).
    pub due_ms: i64,
    /// Written at (seconds).
    pub created_at: i64,
}

/// Writes a row.
pub async fn insert<'c>(db: impl Db<'c>, m: &NewMessage<'_>) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO processor_outbox (account_id, person_id, action, payload, idempotency_key, status, next_attempt_at, created_at)
         VALUES ($1, $7, $2, $3, $4, 'pending', $5, $6)",
    )
    .bind(m.account_id)
    .bind(m.action)
    .bind(m.payload)
    .bind(m.idempotency_key)
    .bind(m.due_ms)
    .bind(m.created_at)
    .bind(m.person_id)
    .execute(db)
    .await?;
    Ok(())
}

/// Erasure: the person's messages leave the account. One being delivered right now (its
/// lease running at `now_ms`) stays, without an account, so the erasure notice written after
/// it waits for it and cannot overtake it; it is wiped when it ends (delivered, or failed:
/// not tried again). The others go with the account. On PostgreSQL the rows are locked
/// first, so a worker cannot claim one between the two statements.
pub async fn detach_in_flight(tx: &mut super::Tx, backend: Backend, account_id: i64, now_ms: i64) -> sqlx::Result<u64> {
    if backend == Backend::Postgres {
        sqlx::query("SELECT id FROM processor_outbox WHERE account_id = $1 FOR UPDATE")
            .bind(account_id)
            .fetch_all(&mut **tx)
            .await?;
    }
    Ok(sqlx::query(
        "UPDATE processor_outbox SET account_id = NULL
         WHERE account_id = $1 AND status = 'pending' AND lease_until IS NOT NULL AND lease_until >= $2",
    )
    .bind(account_id)
    .bind(now_ms)
    .execute(&mut **tx)
    .await?
    .rows_affected())
}

/// A claimed row.
#[derive(FromRow)]
pub struct Claimed {
    /// Id: the message's sequence number.
    pub id: i64,
    /// The stored body.
    pub payload: String,
    /// Idempotency key.
    pub idempotency_key: String,
    /// Attempts before this one.
    pub attempts: i64,
    /// Written at (seconds).
    pub created_at: i64,
}

/// Claims the oldest due row that no older pending row of the same person holds back, with
/// a lease until `lease_until`. The outer condition is checked again on the row itself, so
/// two instances racing for one row cannot both win; PostgreSQL also skips rows another
/// instance is claiming.
pub async fn claim<'c>(
    db: impl Db<'c>,
    backend: Backend,
    now_ms: i64,
    lease_until: i64,
) -> sqlx::Result<Option<Claimed>> {
    let lock = match backend {
        Backend::Sqlite => "",
        Backend::Postgres => "FOR UPDATE SKIP LOCKED",
    };
    sqlx::query_as(&format!(
        "UPDATE processor_outbox SET lease_until = $1
         WHERE id = (SELECT o.id FROM processor_outbox o
                     WHERE o.status = 'pending' AND o.next_attempt_at <= $2 AND (o.lease_until IS NULL OR o.lease_until < $2)
                       AND NOT EXISTS (SELECT 1 FROM processor_outbox b
                                       WHERE b.person_id = o.person_id AND b.status = 'pending' AND b.id < o.id)
                     ORDER BY o.id LIMIT 1 {lock})
           AND status = 'pending' AND (lease_until IS NULL OR lease_until < $2)
         RETURNING id, payload, idempotency_key, attempts, created_at"
    ))
    .bind(lease_until)
    .bind(now_ms)
    .fetch_optional(db)
    .await
}

/// Delivered: a row without an account (an erasure notice, or an erased person's message
/// that was being delivered) keeps no address.
pub async fn delivered<'c>(db: impl Db<'c>, id: i64, attempts: i64, now: i64) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE processor_outbox SET status = 'delivered', attempts = $1, delivered_at = $2, lease_until = NULL, last_error = NULL,
           payload = CASE WHEN account_id IS NULL THEN '{\"erased\":true}' ELSE payload END
         WHERE id = $3",
    )
    .bind(attempts)
    .bind(now)
    .bind(id)
    .execute(db)
    .await?;
    Ok(())
}

/// Failed: try again at `next_ms`, or, with none (out of attempts), dead-lettered for staff.
/// A message of an erased person (no account) that is not the erasure notice itself is not
/// tried again: it is wiped and dead-lettered (staff need only act on the notice), and the
/// erasure notice behind it goes next.
pub async fn failed<'c>(
    db: impl Db<'c>,
    id: i64,
    attempts: i64,
    reason: &str,
    is_erasure_notice: bool,
    next_ms: Option<i64>,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE processor_outbox SET attempts = $1, next_attempt_at = COALESCE($5, next_attempt_at), lease_until = NULL,
           last_error = $2,
           status = CASE WHEN $5 IS NULL OR (account_id IS NULL AND $4 = 0) THEN 'dead' ELSE status END,
           payload = CASE WHEN account_id IS NULL AND $4 = 0 THEN '{\"erased\":true}' ELSE payload END
         WHERE id = $3",
    )
    .bind(attempts)
    .bind(reason)
    .bind(id)
    .bind(i64::from(is_erasure_notice))
    .bind(next_ms)
    .execute(db)
    .await?;
    Ok(())
}

/// Deletes dead-lettered erasure notices written before `cutoff`.
pub async fn purge_dead_notices<'c>(db: impl Db<'c>, cutoff: i64) -> sqlx::Result<u64> {
    Ok(sqlx::query("DELETE FROM processor_outbox WHERE account_id IS NULL AND status = 'dead' AND created_at < $1")
        .bind(cutoff)
        .execute(db)
        .await?
        .rows_affected())
}

/// A person's message as the person sees it.
#[derive(FromRow)]
pub struct MessageRow {
    /// subscribe or unsubscribe.
    pub action: String,
    /// The body (without sequence and time).
    pub payload: String,
    /// pending, delivered, dead.
    pub status: String,
    /// Attempts so far.
    pub attempts: i64,
    /// Written at.
    pub created_at: i64,
    /// Delivered at.
    pub delivered_at: Option<i64>,
}

const MESSAGE: &str = "SELECT action, payload, status, attempts, created_at, delivered_at FROM processor_outbox";

/// The newest message of a person.
pub async fn latest<'c>(db: impl Db<'c>, account_id: i64) -> sqlx::Result<Option<MessageRow>> {
    sqlx::query_as(&format!("{MESSAGE} WHERE account_id = $1 ORDER BY id DESC LIMIT 1"))
        .bind(account_id)
        .fetch_optional(db)
        .await
}

/// Whether the processor was ever sent anything about the person.
pub async fn any_for<'c>(db: impl Db<'c>, account_id: i64) -> sqlx::Result<bool> {
    let row: Option<i64> = sqlx::query_scalar("SELECT id FROM processor_outbox WHERE account_id = $1 LIMIT 1")
        .bind(account_id)
        .fetch_optional(db)
        .await?;
    Ok(row.is_some())
}

/// Every message of a person, oldest first (export).
pub async fn of_account<'c>(db: impl Db<'c>, account_id: i64) -> sqlx::Result<Vec<MessageRow>> {
    sqlx::query_as(&format!("{MESSAGE} WHERE account_id = $1 ORDER BY id")).bind(account_id).fetch_all(db).await
}

/// Demo: the person's rows count as delivered.
pub async fn mark_all_delivered<'c>(db: impl Db<'c>, account_id: i64, now: i64) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE processor_outbox SET status = 'delivered', attempts = 1, delivered_at = $1 WHERE account_id = $2",
    )
    .bind(now)
    .bind(account_id)
    .execute(db)
    .await?;
    Ok(())
}
