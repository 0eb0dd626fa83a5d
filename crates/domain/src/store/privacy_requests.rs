//! Formal requests about a person's rights and privacy staff's handling of them.

use sqlx::any::AnyArguments;
use sqlx::query::Query;
use sqlx::{Any, FromRow};

use super::Db;

/// Every column a page shows.
const COLUMNS: &str = "r.public_id, r.kind, r.text, r.status, r.received_at, r.deadline, r.extension_reason,
     r.extended_at, r.response, r.closed_at, r.for_name, r.for_email, r.ground, r.verification_method, r.checked_on,
     r.verification_note, r.verified_at, r.concerned_account_id";

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
    /// For whom (a request for someone else).
    pub for_name: Option<String>,
    /// Their address, normalized, if given.
    pub for_email: Option<String>,
    /// Stored ground (a request for someone else).
    pub ground: Option<String>,
    /// How identity and authority were checked.
    pub verification_method: Option<String>,
    /// The day of the check, `YYYY-MM-DD`.
    pub checked_on: Option<String>,
    /// Privacy staff's note on the check.
    pub verification_note: Option<String>,
    /// When the check was recorded.
    pub verified_at: Option<i64>,
    /// The account of the person concerned, linked when the check was recorded.
    pub concerned_account_id: Option<i64>,
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
    /// For whom, their address (normalized) and the ground: a request for someone else.
    pub on_behalf: Option<(&'a str, Option<&'a str>, &'a str)>,
}

/// Stores a new, open request.
pub async fn insert<'c>(db: impl Db<'c>, r: &NewRow<'_>) -> sqlx::Result<()> {
    let (for_name, for_email, ground) = match r.on_behalf {
        Some((name, email, ground)) => (Some(name), email, Some(ground)),
        None => (None, None, None),
    };
    sqlx::query(
        "INSERT INTO privacy_requests (public_id, account_id, kind, text, status, received_at, deadline, for_name,
             for_email, ground)
         VALUES ($1, $2, $3, $4, 'open', $5, $6, $7, $8, $9)",
    )
    .bind(r.public_id)
    .bind(r.account_id)
    .bind(r.kind)
    .bind(r.text)
    .bind(r.received_at)
    .bind(r.deadline)
    .bind(for_name)
    .bind(for_email)
    .bind(ground)
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

/// A request as a person sees it: their own, or one made for them.
#[derive(FromRow)]
pub struct PersonRow {
    /// The request.
    #[sqlx(flatten)]
    pub request: RequestRow,
    /// The address of the account that made it, when that is not the reader's own.
    pub requested_by: Option<String>,
}

/// What a person sees: the requests they made, and those made for them whose representative
/// privacy staff checked (`concerned_account_id` is set only then; checked again here).
const OF_PERSON: &str = "FROM privacy_requests r JOIN accounts a ON a.id = r.account_id
     WHERE (r.account_id = $1 OR (r.concerned_account_id = $1 AND r.verified_at IS NOT NULL))";

/// Every request of a person (made by them or, checked, for them), newest first.
pub async fn of_account<'c>(db: impl Db<'c>, account_id: i64) -> sqlx::Result<Vec<PersonRow>> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS}, CASE WHEN r.account_id = $1 THEN NULL ELSE a.email END AS requested_by {OF_PERSON}
         ORDER BY r.id DESC"
    ))
    .bind(account_id)
    .fetch_all(db)
    .await
}

/// One request of a person (made by them or, checked, for them): none when it is another's.
pub async fn one_of_account<'c>(db: impl Db<'c>, account_id: i64, public_id: &str) -> sqlx::Result<Option<PersonRow>> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS}, CASE WHEN r.account_id = $1 THEN NULL ELSE a.email END AS requested_by {OF_PERSON}
         AND r.public_id = $2"
    ))
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
    /// The address of the staff member who recorded the check (none once erased).
    pub verified_by_email: Option<String>,
}

/// One request, for privacy staff.
pub async fn one<'c>(db: impl Db<'c>, public_id: &str) -> sqlx::Result<Option<StaffRow>> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS}, a.email, r.account_id, v.email AS verified_by_email
         FROM privacy_requests r JOIN accounts a ON a.id = r.account_id LEFT JOIN accounts v ON v.id = r.verified_by
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

/// Runs `query`, an update of one request whose last three parameters are the time, the staff
/// member and the request's public id; returns whether it changed the request.
async fn changed_one<'c, 'q>(
    db: impl Db<'c>,
    query: Query<'q, Any, AnyArguments<'q>>,
    now: i64,
    staff: i64,
    public_id: &'q str,
) -> sqlx::Result<bool> {
    Ok(query.bind(now).bind(staff).bind(public_id).execute(db).await?.rows_affected() == 1)
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
    let query = sqlx::query(
        "UPDATE privacy_requests SET extension_reason = $1, deadline = $2, extended_at = $3, handled_by = $4
         WHERE public_id = $5 AND status = 'open' AND extended_at IS NULL",
    );
    changed_one(db, query.bind(reason).bind(deadline), now, staff, public_id).await
}

/// Closes an open request as `status` (`answered` or `closed`) with its answer or reason;
/// returns whether it was open (of two staff members answering at once, one wins). With
/// `checked_only`, a request for someone else closes only once its check was recorded.
pub async fn close<'c>(
    db: impl Db<'c>,
    public_id: &str,
    status: &str,
    response: &str,
    now: i64,
    staff: i64,
    checked_only: bool,
) -> sqlx::Result<bool> {
    let check = if checked_only { " AND (ground IS NULL OR verified_at IS NOT NULL)" } else { "" };
    let sql = format!(
        "UPDATE privacy_requests SET status = $1, response = $2, closed_at = $3, handled_by = $4
         WHERE public_id = $5 AND status = 'open'{check}"
    );
    changed_one(db, sqlx::query(&sql).bind(status).bind(response), now, staff, public_id).await
}

/// Records how identity and authority were checked, once, on an open request for someone
/// else; links the account of the person concerned when one (a person's, not the requester's
/// own) has exactly the address given. Returns whether it was recorded.
pub async fn verify<'c>(
    db: impl Db<'c>,
    public_id: &str,
    method: &str,
    checked_on: &str,
    note: &str,
    now: i64,
    staff: i64,
) -> sqlx::Result<bool> {
    let query = sqlx::query(
        "UPDATE privacy_requests SET verification_method = $1, checked_on = $2, verification_note = $3,
             verified_at = $4, verified_by = $5,
             concerned_account_id = (SELECT c.id FROM accounts c WHERE c.email = privacy_requests.for_email
                 AND c.role = 'person' AND c.id <> privacy_requests.account_id)
         WHERE public_id = $6 AND status = 'open' AND ground IS NOT NULL AND verified_at IS NULL",
    );
    changed_one(db, query.bind(method).bind(checked_on).bind(note), now, staff, public_id).await
}

/// Where a request stands (to say why a change failed).
#[derive(FromRow)]
pub struct State {
    /// Stored status.
    pub status: String,
    /// When it was extended.
    pub extended_at: Option<i64>,
    /// The ground, for a request for someone else.
    pub ground: Option<String>,
    /// When the check was recorded.
    pub verified_at: Option<i64>,
}

/// Where a request stands, if it exists (to say why a change failed).
pub async fn state<'c>(db: impl Db<'c>, public_id: &str) -> sqlx::Result<Option<State>> {
    sqlx::query_as("SELECT status, extended_at, ground, verified_at FROM privacy_requests WHERE public_id = $1")
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
