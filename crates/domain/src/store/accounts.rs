//! Accounts, sessions, partners and the server's own keys.

use sqlx::FromRow;
use zelfregie_model::Partner;

use super::Db;

/// An account as its owner sees it, with its partner for recruiters.
#[derive(FromRow)]
pub struct AccountRow {
    /// Login address.
    pub email: String,
    /// Stored role name.
    pub role: String,
    /// Registered at (Unix seconds).
    pub created_at: i64,
    /// A recruiter's partner slug.
    pub slug: Option<String>,
    /// A recruiter's partner name.
    pub name: Option<String>,
}

/// A new account's row.
pub struct NewAccount<'a> {
    /// Login address (normalised).
    pub email: &'a str,
    /// argon2id PHC string.
    pub password_hash: &'a str,
    /// Stored role name.
    pub role: &'a str,
    /// A recruiter's partner slug.
    pub partner_slug: Option<&'a str>,
    /// Registered at.
    pub created_at: i64,
    /// The account's random secret.
    pub secret: &'a [u8],
    /// The person's language (`nl` or `en`): of mails and receipts.
    pub language: &'a str,
}

/// Inserts an account; a taken address is a unique violation ([`super::is_unique_violation`]).
pub async fn insert<'c>(db: impl Db<'c>, a: &NewAccount<'_>) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO accounts (email, password_hash, role, partner_id, created_at, secret, register_baseline, language)
         VALUES ($1, $2, $3, (SELECT id FROM partners WHERE slug = $4), $5, $6, $7, $8) RETURNING id",
    )
    .bind(a.email)
    .bind(a.password_hash)
    .bind(a.role)
    .bind(a.partner_slug)
    .bind(a.created_at)
    .bind(a.secret)
    // A new account starts at the register as it is: nothing to tell (docs/security.md
    // "Register changes are told").
    .bind(i64::from(zelfregie_model::register::version()))
    .bind(a.language)
    .fetch_one(db)
    .await
}

/// The account's language (`nl` or `en`), if the account exists.
pub async fn language<'c>(db: impl Db<'c>, id: i64) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("SELECT language FROM accounts WHERE id = $1").bind(id).fetch_optional(db).await
}

/// Sets the account's language (`nl` or `en`).
pub async fn set_language<'c>(db: impl Db<'c>, id: i64, language: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE accounts SET language = $2 WHERE id = $1").bind(id).bind(language).execute(db).await?;
    Ok(())
}

/// Number of accounts.
pub async fn count<'c>(db: impl Db<'c>) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM accounts").fetch_one(db).await
}

/// The account id of an address.
pub async fn id_by_email<'c>(db: impl Db<'c>, email: &str) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar("SELECT id FROM accounts WHERE email = $1").bind(email).fetch_optional(db).await
}

/// Id and password hash of an address (login).
pub async fn credentials_by_email<'c>(db: impl Db<'c>, email: &str) -> sqlx::Result<Option<(i64, String)>> {
    sqlx::query_as("SELECT id, password_hash FROM accounts WHERE email = $1").bind(email).fetch_optional(db).await
}

/// Address and password hash of an account (re-authentication).
pub async fn credentials_by_id<'c>(db: impl Db<'c>, id: i64) -> sqlx::Result<(String, String)> {
    sqlx::query_as("SELECT email, password_hash FROM accounts WHERE id = $1").bind(id).fetch_one(db).await
}

/// The account's address.
pub async fn email<'c>(db: impl Db<'c>, id: i64) -> sqlx::Result<String> {
    sqlx::query_scalar("SELECT email FROM accounts WHERE id = $1").bind(id).fetch_one(db).await
}

/// The account's secret, if the account exists.
pub async fn secret<'c>(db: impl Db<'c>, id: i64) -> sqlx::Result<Option<Vec<u8>>> {
    sqlx::query_scalar("SELECT secret FROM accounts WHERE id = $1").bind(id).fetch_optional(db).await
}

/// The account with its partner.
pub async fn view<'c>(db: impl Db<'c>, id: i64) -> sqlx::Result<AccountRow> {
    sqlx::query_as(
        "SELECT a.email, a.role, a.created_at, p.slug, p.name
         FROM accounts a LEFT JOIN partners p ON p.id = a.partner_id WHERE a.id = $1",
    )
    .bind(id)
    .fetch_one(db)
    .await
}

/// Sets a new password hash.
pub async fn set_password<'c>(db: impl Db<'c>, id: i64, hash: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2").bind(hash).bind(id).execute(db).await?;
    Ok(())
}

/// Deletes the account; every row of the person goes with it (`ON DELETE CASCADE`).
pub async fn delete<'c>(db: impl Db<'c>, id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM accounts WHERE id = $1").bind(id).execute(db).await?;
    Ok(())
}

/// A session looked up by its token's hash.
#[derive(FromRow)]
pub struct SessionRow {
    /// The account.
    pub account_id: i64,
    /// Login time.
    pub created_at: i64,
    /// Last request counted.
    pub last_seen_at: i64,
    /// Stored role name.
    pub role: String,
    /// A recruiter's partner id.
    pub partner_id: Option<i64>,
    /// A recruiter's partner slug.
    pub slug: Option<String>,
    /// How the session was started: `password` or `passkey`.
    pub method: String,
    /// 1 when the session was opened with a second factor.
    pub second_factor: i64,
}

/// Starts a session; `method` is how the person logged in (`password` or `passkey`), with
/// which passkey; `strong` when it was opened with a second factor (password and a one-time
/// code, or a passkey).
pub async fn insert_session<'c>(
    db: impl Db<'c>,
    token_hash: &[u8],
    account_id: i64,
    now: i64,
    method: &str,
    passkey_id: Option<i64>,
    strong: bool,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at, method, passkey_id, second_factor)
         VALUES ($1, $2, $3, $3, $4, $5, $6)",
    )
    .bind(token_hash)
    .bind(account_id)
    .bind(now)
    .bind(method)
    .bind(passkey_id)
    .bind(i64::from(strong))
    .execute(db)
    .await?;
    Ok(())
}

/// The session of a token hash.
pub async fn session<'c>(db: impl Db<'c>, token_hash: &[u8]) -> sqlx::Result<Option<SessionRow>> {
    sqlx::query_as(
        "SELECT s.account_id, s.created_at, s.last_seen_at, a.role, p.id AS partner_id, p.slug, s.method, s.second_factor
         FROM sessions s JOIN accounts a ON a.id = s.account_id LEFT JOIN partners p ON p.id = a.partner_id
         WHERE s.token_hash = $1 AND a.status = 'active'",
    )
    .bind(token_hash)
    .fetch_optional(db)
    .await
}

/// Counts a request as activity.
pub async fn touch_session<'c>(db: impl Db<'c>, token_hash: &[u8], now: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
        .bind(now)
        .bind(token_hash)
        .execute(db)
        .await?;
    Ok(())
}

/// Ends one session.
pub async fn end_session<'c>(db: impl Db<'c>, token_hash: &[u8]) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(db).await?;
    Ok(())
}

/// Ends every session of an account but `keep` (when given); returns how many ended.
pub async fn end_sessions<'c>(db: impl Db<'c>, account_id: i64, keep: Option<&[u8]>) -> sqlx::Result<u64> {
    Ok(sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND ($2 IS NULL OR token_hash <> $2)")
        .bind(account_id)
        .bind(keep)
        .execute(db)
        .await?
        .rows_affected())
}

/// Sessions of an account seen after `idle_cutoff` and started after `absolute_cutoff`.
pub async fn count_active_sessions<'c>(
    db: impl Db<'c>,
    account_id: i64,
    idle_cutoff: i64,
    absolute_cutoff: i64,
) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE account_id = $1 AND last_seen_at > $2 AND created_at > $3")
        .bind(account_id)
        .bind(idle_cutoff)
        .bind(absolute_cutoff)
        .fetch_one(db)
        .await
}

/// Deletes sessions idle since `idle_cutoff` or started before `absolute_cutoff`.
pub async fn purge_sessions<'c>(db: impl Db<'c>, idle_cutoff: i64, absolute_cutoff: i64) -> sqlx::Result<u64> {
    Ok(sqlx::query("DELETE FROM sessions WHERE last_seen_at <= $1 OR created_at <= $2")
        .bind(idle_cutoff)
        .bind(absolute_cutoff)
        .execute(db)
        .await?
        .rows_affected())
}

/// (login, last request, opened with a second factor) of every session of an account,
/// oldest first (export).
pub async fn session_times<'c>(db: impl Db<'c>, account_id: i64) -> sqlx::Result<Vec<(i64, i64, i64)>> {
    sqlx::query_as(
        "SELECT created_at, last_seen_at, second_factor FROM sessions WHERE account_id = $1 ORDER BY created_at",
    )
    .bind(account_id)
    .fetch_all(db)
    .await
}

/// The key called `name`; `fresh` is stored first if there is none yet.
pub async fn server_secret<'c, E: Db<'c> + Copy>(db: E, name: &str, fresh: &[u8]) -> sqlx::Result<Vec<u8>> {
    sqlx::query("INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING")
        .bind(name)
        .bind(fresh)
        .execute(db)
        .await?;
    sqlx::query_scalar("SELECT value FROM server_secrets WHERE name = $1").bind(name).fetch_one(db).await
}

/// The key called `name`, if stored.
pub async fn stored_secret<'c>(db: impl Db<'c>, name: &str) -> sqlx::Result<Option<Vec<u8>>> {
    sqlx::query_scalar("SELECT value FROM server_secrets WHERE name = $1").bind(name).fetch_optional(db).await
}

/// Every partner, in the order of the network's list.
pub async fn partners<'c>(db: impl Db<'c>) -> sqlx::Result<Vec<Partner>> {
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT slug, name FROM partners ORDER BY id").fetch_all(db).await?;
    Ok(rows.into_iter().map(|(slug, name)| Partner { slug, name }).collect())
}

/// A partner's id and published age key, by slug.
pub async fn partner_key<'c>(db: impl Db<'c>, slug: &str) -> sqlx::Result<Option<(i64, Option<String>)>> {
    sqlx::query_as("SELECT id, age_recipient FROM partners WHERE slug = $1").bind(slug).fetch_optional(db).await
}

/// The partners that published an age key: (slug, name, key).
pub async fn published_keys<'c>(db: impl Db<'c>) -> sqlx::Result<Vec<(String, String, String)>> {
    sqlx::query_as("SELECT slug, name, age_recipient FROM partners WHERE age_recipient IS NOT NULL ORDER BY id")
        .fetch_all(db)
        .await
}

/// The partners without a published key: (slug, name).
pub async fn partners_without_key<'c>(db: impl Db<'c>) -> sqlx::Result<Vec<(String, String)>> {
    sqlx::query_as("SELECT slug, name FROM partners WHERE age_recipient IS NULL ORDER BY id").fetch_all(db).await
}

/// Sets a new login address; a taken one is a unique violation ([`super::is_unique_violation`]).
pub async fn set_email<'c>(db: impl Db<'c>, id: i64, email: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE accounts SET email = $1 WHERE id = $2").bind(email).bind(id).execute(db).await?;
    Ok(())
}
