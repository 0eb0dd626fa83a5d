//! Administration: invitations, the staff list, suspensions, reviews and the audit log
//! (docs/storage.md "Administration").

use sqlx::FromRow;

use super::Db;

/// A new invitation's row.
pub struct NewInvitation<'a> {
    /// Random id shown to administrators.
    pub public_id: &'a str,
    /// SHA-256 of the link's token.
    pub token_hash: &'a [u8],
    /// The invitee's address (normalised).
    pub email: &'a str,
    /// Role name.
    pub role: &'a str,
    /// A recruiter's partner slug.
    pub partner_slug: Option<&'a str>,
    /// The administrator who invited (none on the command line).
    pub invited_by: Option<i64>,
    /// Sent at.
    pub created_at: i64,
    /// Usable until.
    pub expires_at: i64,
}

/// Stores an invitation.
pub async fn insert_invitation<'c>(db: impl Db<'c>, i: &NewInvitation<'_>) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO invitations (public_id, token_hash, email, role, partner_id, invited_by, created_at, expires_at, status)
         VALUES ($1, $2, $3, $4, (SELECT id FROM partners WHERE slug = $5), $6, $7, $8, 'pending')",
    )
    .bind(i.public_id)
    .bind(i.token_hash)
    .bind(i.email)
    .bind(i.role)
    .bind(i.partner_slug)
    .bind(i.invited_by)
    .bind(i.created_at)
    .bind(i.expires_at)
    .execute(db)
    .await?;
    Ok(())
}

/// A staff account's or an invitation's partner (recruiters) and who invited it.
#[derive(FromRow)]
pub struct PartnerAndInviter {
    /// A recruiter's partner slug.
    pub slug: Option<String>,
    /// A recruiter's partner name.
    pub name: Option<String>,
    /// The inviting administrator's address, while that account exists.
    pub inviter: Option<String>,
}

/// An invitation with its partner and inviter.
#[derive(FromRow)]
pub struct InvitationRow {
    /// Random id.
    pub public_id: String,
    /// The invitee's address.
    pub email: String,
    /// Role name.
    pub role: String,
    /// Partner and inviter.
    #[sqlx(flatten)]
    pub partner: PartnerAndInviter,
    /// Sent at.
    pub created_at: i64,
    /// Usable until.
    pub expires_at: i64,
    /// Stored status.
    pub status: String,
}

const INVITATION_COLUMNS: &str = "SELECT i.public_id, i.email, i.role, p.slug, p.name, a.email AS inviter,
        i.created_at, i.expires_at, i.status
     FROM invitations i LEFT JOIN partners p ON p.id = i.partner_id LEFT JOIN accounts a ON a.id = i.invited_by";

/// A pending, unexpired invitation by its token's hash (the link's page; reads only).
pub async fn pending_by_token<'c>(db: impl Db<'c>, token_hash: &[u8], now: i64) -> sqlx::Result<Option<InvitationRow>> {
    sqlx::query_as(&format!(
        "{INVITATION_COLUMNS} WHERE i.token_hash = $1 AND i.status = 'pending' AND i.expires_at > $2"
    ))
    .bind(token_hash)
    .bind(now)
    .fetch_optional(db)
    .await
}

/// Invitations sent since `since`, newest first.
pub async fn recent_invitations<'c>(db: impl Db<'c>, since: i64) -> sqlx::Result<Vec<InvitationRow>> {
    sqlx::query_as(&format!("{INVITATION_COLUMNS} WHERE i.created_at >= $1 ORDER BY i.created_at DESC, i.id DESC"))
        .bind(since)
        .fetch_all(db)
        .await
}

/// Takes a pending, unexpired invitation in one statement: of parallel uses exactly one
/// gets the row. Returns it as it was.
pub async fn take_invitation<'c>(
    db: impl Db<'c>,
    token_hash: &[u8],
    now: i64,
) -> sqlx::Result<Option<TakenInvitation>> {
    sqlx::query_as(
        "UPDATE invitations SET status = 'accepted', decided_at = $2
         WHERE token_hash = $1 AND status = 'pending' AND expires_at > $2
         RETURNING email, role, (SELECT slug FROM partners WHERE id = partner_id) AS slug, invited_by",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(db)
    .await
}

/// An invitation just taken.
#[derive(FromRow)]
pub struct TakenInvitation {
    /// The invitee's address.
    pub email: String,
    /// Role name.
    pub role: String,
    /// A recruiter's partner slug.
    pub slug: Option<String>,
    /// The inviting administrator.
    pub invited_by: Option<i64>,
}

/// Withdraws a pending invitation; returns its address, or `None` when there is no pending
/// one with this id.
pub async fn withdraw_invitation<'c>(db: impl Db<'c>, public_id: &str, now: i64) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar(
        "UPDATE invitations SET status = 'withdrawn', decided_at = $2
         WHERE public_id = $1 AND status = 'pending' AND expires_at > $2 RETURNING email",
    )
    .bind(public_id)
    .bind(now)
    .fetch_optional(db)
    .await
}

/// Deletes invitations created before `cutoff` (their addresses with them).
pub async fn purge_invitations<'c>(db: impl Db<'c>, cutoff: i64) -> sqlx::Result<u64> {
    Ok(sqlx::query("DELETE FROM invitations WHERE created_at < $1").bind(cutoff).execute(db).await?.rows_affected())
}

/// A staff or recruiter account as reviewed.
#[derive(FromRow)]
pub struct StaffRow {
    /// Account id.
    pub id: i64,
    /// Login address.
    pub email: String,
    /// Role name.
    pub role: String,
    /// Partner and inviter.
    #[sqlx(flatten)]
    pub partner: PartnerAndInviter,
    /// Created at.
    pub created_at: i64,
    /// Last login.
    pub last_activity_at: Option<i64>,
    /// 1 when an authenticator app or a passkey is set up.
    pub second_factor: i64,
    /// `active` or `suspended`.
    pub status: String,
    /// `idle` or `administrator`.
    pub suspended_because: Option<String>,
}

/// Every account but people's, by role, then address.
pub async fn staff<'c>(db: impl Db<'c>) -> sqlx::Result<Vec<StaffRow>> {
    sqlx::query_as(
        "SELECT a.id, a.email, a.role, p.slug, p.name, i.email AS inviter, a.created_at, a.last_activity_at,
                CASE WHEN EXISTS (SELECT 1 FROM second_factors f WHERE f.account_id = a.id AND f.confirmed_at IS NOT NULL)
                       OR EXISTS (SELECT 1 FROM passkeys k WHERE k.account_id = a.id) THEN 1 ELSE 0 END AS second_factor,
                a.status, a.suspended_because
         FROM accounts a LEFT JOIN partners p ON p.id = a.partner_id LEFT JOIN accounts i ON i.id = a.invited_by
         WHERE a.role <> 'person' ORDER BY a.role, a.email",
    )
    .fetch_all(db)
    .await
}

/// How many accounts are not people's (the list a review confirms).
pub async fn staff_count<'c>(db: impl Db<'c>) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM accounts WHERE role <> 'person'").fetch_one(db).await
}

/// A staff account's role, address and status, if it is one (people are not staff).
pub async fn staff_member<'c>(db: impl Db<'c>, id: i64) -> sqlx::Result<Option<(String, String, String)>> {
    sqlx::query_as("SELECT role, email, status FROM accounts WHERE id = $1 AND role <> 'person'")
        .bind(id)
        .fetch_optional(db)
        .await
}

/// Active administrators.
pub async fn active_administrators<'c>(db: impl Db<'c>) -> sqlx::Result<Vec<(i64, String)>> {
    sqlx::query_as("SELECT id, email FROM accounts WHERE role = 'administrator' AND status = 'active' ORDER BY id")
        .fetch_all(db)
        .await
}

/// Suspends an active account; returns whether it was active.
pub async fn suspend<'c>(db: impl Db<'c>, id: i64, because: &str, now: i64) -> sqlx::Result<bool> {
    Ok(sqlx::query(
        "UPDATE accounts SET status = 'suspended', suspended_because = $2, suspended_at = $3
         WHERE id = $1 AND status = 'active' AND role <> 'person'",
    )
    .bind(id)
    .bind(because)
    .bind(now)
    .execute(db)
    .await?
    .rows_affected()
        == 1)
}

/// Reinstates a suspended account, and counts from now for the idle limit (else the job would
/// suspend it again at once). Returns whether it was suspended.
pub async fn reinstate<'c>(db: impl Db<'c>, id: i64, now: i64) -> sqlx::Result<bool> {
    Ok(sqlx::query(
        "UPDATE accounts SET status = 'active', suspended_because = NULL, suspended_at = NULL, last_activity_at = $2
         WHERE id = $1 AND status = 'suspended'",
    )
    .bind(id)
    .bind(now)
    .execute(db)
    .await?
    .rows_affected()
        == 1)
}

/// Active staff and recruiter accounts not used since `cutoff` (last login, or creation for
/// an account that never logged in): id, role and address.
pub async fn idle<'c>(db: impl Db<'c>, cutoff: i64) -> sqlx::Result<Vec<(i64, String, String)>> {
    sqlx::query_as(
        "SELECT id, role, email FROM accounts
         WHERE role <> 'person' AND status = 'active' AND COALESCE(last_activity_at, created_at) <= $1 ORDER BY id",
    )
    .bind(cutoff)
    .fetch_all(db)
    .await
}

/// Staff and recruiter accounts suspended at `cutoff` or before: id, role, address and
/// when they were suspended.
pub async fn suspended_since<'c>(db: impl Db<'c>, cutoff: i64) -> sqlx::Result<Vec<(i64, String, String, i64)>> {
    sqlx::query_as(
        "SELECT id, role, email, suspended_at FROM accounts
         WHERE role <> 'person' AND status = 'suspended' AND suspended_at <= $1 ORDER BY id",
    )
    .bind(cutoff)
    .fetch_all(db)
    .await
}

/// Whether the account is active (a login checks it after the password).
pub async fn is_suspended<'c>(db: impl Db<'c>, id: i64) -> sqlx::Result<bool> {
    let status: Option<String> =
        sqlx::query_scalar("SELECT status FROM accounts WHERE id = $1").bind(id).fetch_optional(db).await?;
    Ok(status.as_deref() == Some("suspended"))
}

/// Sets who invited an account.
pub async fn set_invited_by<'c>(db: impl Db<'c>, id: i64, invited_by: Option<i64>) -> sqlx::Result<()> {
    sqlx::query("UPDATE accounts SET invited_by = $2 WHERE id = $1").bind(id).bind(invited_by).execute(db).await?;
    Ok(())
}

/// One entry for the log.
pub struct NewEntry<'a> {
    /// When.
    pub at: i64,
    /// The acting administrator (none for the portal itself or the command line).
    pub actor_id: Option<i64>,
    /// Their address.
    pub actor_email: Option<&'a str>,
    /// What.
    pub action: &'a str,
    /// The account concerned, if it is one.
    pub subject_id: Option<i64>,
    /// Whom or what, as text.
    pub subject: &'a str,
    /// Role, partner or reason.
    pub detail: Option<&'a str>,
}

/// Appends an entry to the log.
pub async fn log<'c>(db: impl Db<'c>, e: &NewEntry<'_>) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO audit_log (at, actor_id, actor_email, action, subject_id, subject, detail)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(e.at)
    .bind(e.actor_id)
    .bind(e.actor_email)
    .bind(e.action)
    .bind(e.subject_id)
    .bind(e.subject)
    .bind(e.detail)
    .execute(db)
    .await?;
    Ok(())
}

/// An entry of the log.
#[derive(FromRow)]
pub struct EntryRow {
    /// Row id (the page cursor).
    pub id: i64,
    /// When.
    pub at: i64,
    /// The acting administrator's address.
    pub actor_email: Option<String>,
    /// What.
    pub action: String,
    /// Whom or what.
    pub subject: String,
    /// Role, partner or reason.
    pub detail: Option<String>,
}

const ENTRY_COLUMNS: &str = "SELECT id, at, actor_email, action, subject, detail FROM audit_log";

/// Up to `limit` entries older than `before` (all when `None`), newest first.
pub async fn entries<'c>(db: impl Db<'c>, before: Option<i64>, limit: i64) -> sqlx::Result<Vec<EntryRow>> {
    sqlx::query_as(&format!("{ENTRY_COLUMNS} WHERE ($1 IS NULL OR id < $1) ORDER BY id DESC LIMIT $2"))
        .bind(before)
        .bind(limit)
        .fetch_all(db)
        .await
}

/// The entries an account made or is the subject of, oldest first (its owner's export).
pub async fn entries_of<'c>(db: impl Db<'c>, account_id: i64) -> sqlx::Result<Vec<EntryRow>> {
    sqlx::query_as(&format!("{ENTRY_COLUMNS} WHERE actor_id = $1 OR subject_id = $1 ORDER BY id"))
        .bind(account_id)
        .fetch_all(db)
        .await
}

/// Records a confirmation of the staff list.
pub async fn insert_review<'c>(db: impl Db<'c>, at: i64, by: i64, reviewer: &str, accounts: i64) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO staff_reviews (reviewed_at, reviewed_by, reviewer, accounts) VALUES ($1, $2, $3, $4)")
        .bind(at)
        .bind(by)
        .bind(reviewer)
        .bind(accounts)
        .execute(db)
        .await?;
    Ok(())
}

/// The latest confirmation: when, by whom, and how many accounts were on the list.
pub async fn last_review<'c>(db: impl Db<'c>) -> sqlx::Result<Option<(i64, String, i64)>> {
    sqlx::query_as("SELECT reviewed_at, reviewer, CAST(accounts AS BIGINT) FROM staff_reviews ORDER BY id DESC LIMIT 1")
        .fetch_optional(db)
        .await
}

/// One key of a partner.
#[derive(FromRow)]
pub struct KeyRow {
    /// The partner's slug.
    pub slug: String,
    /// The age recipient.
    pub recipient: String,
    /// Published at.
    pub published_at: i64,
    /// The publishing administrator's address, while that account exists.
    pub publisher: Option<String>,
    /// Replaced or removed at.
    pub retired_at: Option<i64>,
}

/// Every key of every partner, newest first per partner.
pub async fn partner_keys<'c>(db: impl Db<'c>) -> sqlx::Result<Vec<KeyRow>> {
    sqlx::query_as(
        "SELECT p.slug, k.recipient, k.published_at, a.email AS publisher, k.retired_at
         FROM partner_keys k JOIN partners p ON p.id = k.partner_id LEFT JOIN accounts a ON a.id = k.published_by
         ORDER BY p.id, k.id DESC",
    )
    .fetch_all(db)
    .await
}

/// Retires the key in use of the partner with row id `partner_id` (kept in the history).
async fn retire_key(tx: &mut super::Tx, partner_id: i64, now: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE partner_keys SET retired_at = $2 WHERE partner_id = $1 AND retired_at IS NULL")
        .bind(partner_id)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Makes `recipient` the partner's key in use and retires the one before it (kept in the
/// history). Returns `None` for an unknown partner, `Some(false)` when it is the key in use
/// already (nothing changes).
pub async fn publish_key(
    tx: &mut super::Tx,
    slug: &str,
    recipient: &str,
    by: Option<i64>,
    now: i64,
) -> sqlx::Result<Option<bool>> {
    let Some((id, current)) = super::accounts::partner_key(&mut **tx, slug).await? else {
        return Ok(None);
    };
    if current.as_deref() == Some(recipient) {
        return Ok(Some(false));
    }
    retire_key(tx, id, now).await?;
    sqlx::query("INSERT INTO partner_keys (partner_id, recipient, published_at, published_by) VALUES ($1, $2, $3, $4)")
        .bind(id)
        .bind(recipient)
        .bind(now)
        .bind(by)
        .execute(&mut **tx)
        .await?;
    sqlx::query("UPDATE partners SET age_recipient = $1 WHERE id = $2")
        .bind(recipient)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(Some(true))
}

/// Removes the partner's key in use (kept in the history): no new transfers go to the
/// partner. Returns `None` for an unknown partner, `Some(false)` when it had no key.
pub async fn remove_key(tx: &mut super::Tx, slug: &str, now: i64) -> sqlx::Result<Option<bool>> {
    let Some((id, current)) = super::accounts::partner_key(&mut **tx, slug).await? else {
        return Ok(None);
    };
    if current.is_none() {
        return Ok(Some(false));
    }
    retire_key(tx, id, now).await?;
    sqlx::query("UPDATE partners SET age_recipient = NULL WHERE id = $1").bind(id).execute(&mut **tx).await?;
    Ok(Some(true))
}
