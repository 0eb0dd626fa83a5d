//! Breach notices (docs/storage.md "Breach notices"): drafts, sending once, each affected
//! person's copy, and the mail queue (claimed with a lease, like the processor outbox).

use sqlx::FromRow;

use super::{Backend, Db};

/// A notice with its delivery counts.
#[derive(FromRow)]
pub struct NoticeRow {
    /// Random id.
    pub public_id: String,
    /// JSON of `NoticeText`.
    pub text: String,
    /// JSON of `BreachAudience`.
    pub audience: String,
    /// draft or sent.
    pub status: String,
    /// Written at.
    pub created_at: i64,
    /// Sent at.
    pub sent_at: Option<i64>,
    /// Recipients.
    pub recipients: i64,
    /// Mails sent.
    pub mailed: i64,
    /// Mails dead-lettered.
    pub failed: i64,
    /// Marked read.
    pub read_by: i64,
}

const NOTICE: &str = "SELECT n.public_id, n.text, n.audience, n.status, n.created_at, n.sent_at,
    (SELECT COUNT(*) FROM breach_recipients r WHERE r.notice_id = n.id) AS recipients,
    (SELECT COUNT(*) FROM breach_recipients r WHERE r.notice_id = n.id AND r.mail_status = 'sent') AS mailed,
    (SELECT COUNT(*) FROM breach_recipients r WHERE r.notice_id = n.id AND r.mail_status = 'dead') AS failed,
    (SELECT COUNT(*) FROM breach_recipients r WHERE r.notice_id = n.id AND r.read_at IS NOT NULL) AS read_by
    FROM breach_notices n";

/// Writes a draft.
pub async fn insert<'c>(
    db: impl Db<'c>,
    public_id: &str,
    text: &str,
    audience: &str,
    created_by: i64,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO breach_notices (public_id, text, audience, status, created_by, created_at)
         VALUES ($1, $2, $3, 'draft', $4, $5)",
    )
    .bind(public_id)
    .bind(text)
    .bind(audience)
    .bind(created_by)
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}

/// One notice.
pub async fn one<'c>(db: impl Db<'c>, public_id: &str) -> sqlx::Result<Option<NoticeRow>> {
    sqlx::query_as(&format!("{NOTICE} WHERE n.public_id = $1")).bind(public_id).fetch_optional(db).await
}

/// Every notice, newest first.
pub async fn all<'c>(db: impl Db<'c>) -> sqlx::Result<Vec<NoticeRow>> {
    sqlx::query_as(&format!("{NOTICE} ORDER BY n.id DESC")).fetch_all(db).await
}

/// The draft's id and audience, if `public_id` is a draft.
pub async fn draft<'c>(db: impl Db<'c>, public_id: &str) -> sqlx::Result<Option<(i64, String)>> {
    sqlx::query_as("SELECT id, audience FROM breach_notices WHERE public_id = $1 AND status = 'draft'")
        .bind(public_id)
        .fetch_optional(db)
        .await
}

/// Marks the draft sent; `false` when it was not a draft any more (sent by someone else).
pub async fn mark_sent<'c>(db: impl Db<'c>, id: i64, sent_by: i64, now: i64) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE breach_notices SET status = 'sent', sent_at = $1, sent_by = $2 WHERE id = $3 AND status = 'draft'",
    )
    .bind(now)
    .bind(sent_by)
    .bind(id)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Which accounts a group audience covers (persons only).
fn group_condition(kind: &str) -> Option<&'static str> {
    match kind {
        "everyone" => Some("a.role = 'person'"),
        "candidates" => Some("a.role = 'person' AND EXISTS (SELECT 1 FROM profiles p WHERE p.account_id = a.id)"),
        "participants" => Some(
            "a.role = 'person' AND (EXISTS (SELECT 1 FROM participants p WHERE p.account_id = a.id)
             OR EXISTS (SELECT 1 FROM enrolments e WHERE e.account_id = a.id))",
        ),
        _ => None,
    }
}

/// How many persons a group audience (`everyone`, `candidates`, `participants`) covers now.
pub async fn count_group<'c>(db: impl Db<'c>, kind: &str) -> sqlx::Result<i64> {
    let condition = group_condition(kind).unwrap_or("1 = 0");
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM accounts a WHERE {condition}")).fetch_one(db).await
}

/// The person's account with this (normalised) address, if there is one.
pub async fn person_by_email<'c>(db: impl Db<'c>, email: &str) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar("SELECT id FROM accounts WHERE email = $1 AND role = 'person'")
        .bind(email)
        .fetch_optional(db)
        .await
}

/// Adds every person of a group audience as a recipient of notice `id`.
pub async fn add_group<'c>(db: impl Db<'c>, id: i64, kind: &str, now: i64) -> sqlx::Result<u64> {
    let condition = group_condition(kind).unwrap_or("1 = 0");
    Ok(sqlx::query(&format!(
        "INSERT INTO breach_recipients (notice_id, account_id, mail_status, next_attempt_at)
         SELECT $1, a.id, 'pending', $2 FROM accounts a WHERE {condition}
         ON CONFLICT DO NOTHING"
    ))
    .bind(id)
    .bind(now)
    .execute(db)
    .await?
    .rows_affected())
}

/// Adds the person with this address (if any) as a recipient of notice `id`.
pub async fn add_address<'c>(db: impl Db<'c>, id: i64, email: &str, now: i64) -> sqlx::Result<u64> {
    Ok(sqlx::query(
        "INSERT INTO breach_recipients (notice_id, account_id, mail_status, next_attempt_at)
         SELECT $1, a.id, 'pending', $2 FROM accounts a WHERE a.email = $3 AND a.role = 'person'
         ON CONFLICT DO NOTHING",
    )
    .bind(id)
    .bind(now)
    .bind(email)
    .execute(db)
    .await?
    .rows_affected())
}

/// A mail claimed for sending.
#[derive(FromRow)]
pub struct Claimed {
    /// The notice.
    pub notice_id: i64,
    /// The person.
    pub account_id: i64,
    /// Attempts before this one.
    pub attempts: i64,
}

/// Claims the oldest due mail with a lease until `lease_until`; the condition is checked
/// again on the row itself, so two instances never both win one (PostgreSQL also skips a
/// row another instance is claiming).
pub async fn claim<'c>(db: impl Db<'c>, backend: Backend, now: i64, lease_until: i64) -> sqlx::Result<Option<Claimed>> {
    let lock = match backend {
        Backend::Sqlite => "",
        Backend::Postgres => "FOR UPDATE SKIP LOCKED",
    };
    sqlx::query_as(&format!(
        "UPDATE breach_recipients SET lease_until = $1
         WHERE (notice_id, account_id) = (SELECT r.notice_id, r.account_id FROM breach_recipients r
                     WHERE r.mail_status = 'pending' AND r.next_attempt_at <= $2 AND (r.lease_until IS NULL OR r.lease_until < $2)
                     ORDER BY r.next_attempt_at, r.notice_id, r.account_id LIMIT 1 {lock})
           AND mail_status = 'pending' AND (lease_until IS NULL OR lease_until < $2)
         RETURNING notice_id, account_id, attempts"
    ))
    .bind(lease_until)
    .bind(now)
    .fetch_optional(db)
    .await
}

/// What the mail needs: the notice's text and the person's current address.
pub async fn mail_parts<'c>(
    db: impl Db<'c>,
    notice_id: i64,
    account_id: i64,
) -> sqlx::Result<Option<(String, String)>> {
    sqlx::query_as("SELECT n.text, a.email FROM breach_notices n, accounts a WHERE n.id = $1 AND a.id = $2")
        .bind(notice_id)
        .bind(account_id)
        .fetch_optional(db)
        .await
}

/// The mail went out: final.
pub async fn mailed<'c>(db: impl Db<'c>, notice_id: i64, account_id: i64, attempts: i64, now: i64) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE breach_recipients SET mail_status = 'sent', attempts = $1, mailed_at = $2, lease_until = NULL, last_error = NULL
         WHERE notice_id = $3 AND account_id = $4 AND mail_status = 'pending'",
    )
    .bind(attempts)
    .bind(now)
    .bind(notice_id)
    .bind(account_id)
    .execute(db)
    .await?;
    Ok(())
}

/// Failed: try again at `next`, or (`dead`) give up.
pub async fn failed<'c>(
    db: impl Db<'c>,
    notice_id: i64,
    account_id: i64,
    attempts: i64,
    next: i64,
    dead: bool,
    reason: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE breach_recipients SET mail_status = $1, attempts = $2, next_attempt_at = $3, lease_until = NULL, last_error = $4
         WHERE notice_id = $5 AND account_id = $6 AND mail_status = 'pending'",
    )
    .bind(if dead { "dead" } else { "pending" })
    .bind(attempts)
    .bind(next)
    .bind(reason)
    .bind(notice_id)
    .bind(account_id)
    .execute(db)
    .await?;
    Ok(())
}

/// A notice as its recipient sees it.
#[derive(FromRow)]
pub struct MineRow {
    /// Random id.
    pub public_id: String,
    /// JSON of `NoticeText`.
    pub text: String,
    /// Sent at.
    pub sent_at: i64,
    /// Mailed at.
    pub mailed_at: Option<i64>,
    /// Read at.
    pub read_at: Option<i64>,
}

/// The notices sent to the person, newest first.
pub async fn mine<'c>(db: impl Db<'c>, account_id: i64) -> sqlx::Result<Vec<MineRow>> {
    sqlx::query_as(
        "SELECT n.public_id, n.text, n.sent_at, r.mailed_at, r.read_at
         FROM breach_recipients r JOIN breach_notices n ON n.id = r.notice_id
         WHERE r.account_id = $1 AND n.status = 'sent' ORDER BY n.sent_at DESC, n.id DESC",
    )
    .bind(account_id)
    .fetch_all(db)
    .await
}

/// Marks the person's copy read (the first time counts); `false` when the person has no
/// such notice.
pub async fn mark_read<'c>(db: impl Db<'c>, account_id: i64, public_id: &str, now: i64) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE breach_recipients SET read_at = COALESCE(read_at, $1)
         WHERE account_id = $2 AND notice_id = (SELECT id FROM breach_notices WHERE public_id = $3)",
    )
    .bind(now)
    .bind(account_id)
    .bind(public_id)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Mails waiting for the notice (pending).
pub async fn waiting<'c>(db: impl Db<'c>, public_id: &str) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM breach_recipients r JOIN breach_notices n ON n.id = r.notice_id
         WHERE n.public_id = $1 AND r.mail_status = 'pending'",
    )
    .bind(public_id)
    .fetch_one(db)
    .await
}

/// Every notice's id and stored audience (JSON of `BreachAudience`): few rows, read whole.
pub async fn audiences<'c>(db: impl Db<'c>) -> sqlx::Result<Vec<(i64, String)>> {
    sqlx::query_as("SELECT id, audience FROM breach_notices").fetch_all(db).await
}

/// Stores a notice's audience anew.
pub async fn set_audience<'c>(db: impl Db<'c>, id: i64, audience: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE breach_notices SET audience = $1 WHERE id = $2").bind(audience).bind(id).execute(db).await?;
    Ok(())
}
