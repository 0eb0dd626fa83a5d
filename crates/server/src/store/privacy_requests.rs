//! Formal requests about a person's rights and privacy staff's handling of them.

use sqlx::FromRow;

use super::Db;

/// Every column a page shows.
const COLUMNS: &str = "r.public_id, r.kind, r.text, r.status, r.received_at, r.deadline, r.extension_reason,
     r.extended_at, r.response, r.closed_at";

/// A stored request.
#[derive(FromRow)]
pub struct RequestRow {
    /// Random public id.
    pub public_id: String,
    /// Stored kind.
    pub kind: String,
    /// The person's text.
    pub text: String,
    /// Stored status.
    pub status: String,
    /// Received (Unix seconds).
    pub received_at: i64,
    /// Last day for the answer, `YYYY-MM-DD`.
    pub deadline: String,
    /// The extension's reason.
    pub extension_reason: Option<String>,
    /// When it was extended.
    pub extended_at: Option<i64>,
    /// The answer, or the reason for closing.
    pub response: Option<String>,
    /// When it was answered or closed.
    pub closed_at: Option<i64>,
}

/// A new request.
pub struct NewRow<'a> {
    /// Random public id.
    pub public_id: &'a str,
    /// The person.
    pub account_id: i64,
    /// Kind.
    pub kind: &'a str,
    /// Text.
    pub text: &'a str,
    /// Received.
    pub received_at: i64,
    /// Last day for the answer.
    pub deadline: &'a str,
}

/// Stores a new, open request.
pub async fn insert<'c>(db: impl Db<'c>, r: &NewRow<'_>) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO privacy_requests (public_id, account_id, kind, text, status, received_at, deadline)
         VALUES ($1, $2, $3, $4, 'open', $5, $6)",
    )
    .bind(r.public_id)
    .bind(r.account_id)
    .bind(r.kind)
    .bind(r.text)
    .bind(r.received_at)
    .bind(r.deadline)
    .execute(db)
    .await?;
    Ok(())
}

/// Requests a person filed since `since`.
pub async fn filed_since<'c>(db: impl Db<'c>, account_id: i64, since: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM privacy_requests WHERE account_id = $1 AND received_at > $2")
        .bind(account_id)
        .bind(since)
        .fetch_one(db)
        .await
}

/// Every request of a person, newest first.
pub async fn of_account<'c>(db: impl Db<'c>, account_id: i64) -> sqlx::Result<Vec<RequestRow>> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM privacy_requests r WHERE r.account_id = $1 ORDER BY r.id DESC"))
        .bind(account_id)
        .fetch_all(db)
        .await
}

/// One request of a person: none when it is another person's.
pub async fn one_of_account<'c>(db: impl Db<'c>, account_id: i64, public_id: &str) -> sqlx::Result<Option<RequestRow>> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM privacy_requests r WHERE r.account_id = $1 AND r.public_id = $2"))
        .bind(account_id)
        .bind(public_id)
        .fetch_optional(db)
        .await
}

/// A request with its person's address and the account to notify.
#[derive(FromRow)]
pub struct StaffRow {
    /// The request.
    #[sqlx(flatten)]
    pub request: RequestRow,
    /// The person's address.
    pub email: String,
    /// The person's account (never sent: the disclosure log and mails use it).
    pub account_id: i64,
}

/// One request, for privacy staff.
pub async fn one<'c>(db: impl Db<'c>, public_id: &str) -> sqlx::Result<Option<StaffRow>> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS}, a.email, r.account_id FROM privacy_requests r JOIN accounts a ON a.id = r.account_id
         WHERE r.public_id = $1"
    ))
    .bind(public_id)
    .fetch_optional(db)
    .await
}

/// Handled requests the queue shows, the latest first.
pub const HANDLED_SHOWN: i64 = 100;

/// The queue: every open request, the nearest deadline first (then the oldest); or, when
/// `closed` is asked, the [`HANDLED_SHOWN`] requests closed most recently.
pub async fn queue<'c>(db: impl Db<'c>, closed: bool) -> sqlx::Result<Vec<RequestRow>> {
    if closed {
        let sql = format!(
            "SELECT {COLUMNS} FROM privacy_requests r WHERE r.status <> 'open' ORDER BY r.closed_at DESC, r.id DESC LIMIT $1"
        );
        sqlx::query_as(&sql).bind(HANDLED_SHOWN).fetch_all(db).await
    } else {
        let sql = format!(
            "SELECT {COLUMNS} FROM privacy_requests r WHERE r.status = 'open' ORDER BY r.deadline, r.received_at, r.id"
        );
        sqlx::query_as(&sql).fetch_all(db).await
    }
}

/// Extends an open, not yet extended request; returns whether it was.
pub async fn extend<'c>(
    db: impl Db<'c>,
    public_id: &str,
    reason: &str,
    deadline: &str,
    now: i64,
    staff: i64,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE privacy_requests SET extension_reason = $1, extended_at = $2, deadline = $3, handled_by = $4
         WHERE public_id = $5 AND status = 'open' AND extended_at IS NULL",
    )
    .bind(reason)
    .bind(now)
    .bind(deadline)
    .bind(staff)
    .bind(public_id)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Closes an open request as `status` (`answered` or `closed`) with its answer or reason;
/// returns whether it was open (of two staff members answering at once, one wins).
pub async fn close<'c>(
    db: impl Db<'c>,
    public_id: &str,
    status: &str,
    response: &str,
    now: i64,
    staff: i64,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE privacy_requests SET status = $1, response = $2, closed_at = $3, handled_by = $4
         WHERE public_id = $5 AND status = 'open'",
    )
    .bind(status)
    .bind(response)
    .bind(now)
    .bind(staff)
    .bind(public_id)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The status and extension time of a request, if it exists (to say why a change failed).
pub async fn state<'c>(db: impl Db<'c>, public_id: &str) -> sqlx::Result<Option<(String, Option<i64>)>> {
    sqlx::query_as("SELECT status, extended_at FROM privacy_requests WHERE public_id = $1")
        .bind(public_id)
        .fetch_optional(db)
        .await
}

/// Deletes requests closed before `before`; returns how many.
pub async fn purge_closed<'c>(db: impl Db<'c>, before: i64) -> sqlx::Result<u64> {
    let done = sqlx::query("DELETE FROM privacy_requests WHERE status <> 'open' AND closed_at < $1")
        .bind(before)
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}
