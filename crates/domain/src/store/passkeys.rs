//! Passkeys and their ceremonies, and the two passkey columns of sessions (docs/storage.md,
//! docs/security.md "Passkeys").

use sqlx::FromRow;

use super::Db;

/// A stored passkey.
#[derive(FromRow)]
pub struct PasskeyRow {
    /// Row id (what the API calls the passkey's id).
    pub id: i64,
    /// The owner.
    pub account_id: i64,
    /// The name the person gave it.
    pub name: String,
    /// webauthn-rs's credential as JSON (public key, sign counter, backup flags).
    pub credential: String,
    /// Added at.
    pub created_at: i64,
    /// Last used to log in or confirm (None: never).
    pub last_used_at: Option<i64>,
}

/// A new passkey's row.
pub struct NewPasskey<'a> {
    /// The owner.
    pub account_id: i64,
    /// The credential's ID as the authenticator gave it.
    pub credential_id: &'a [u8],
    /// Name chosen by the person.
    pub name: &'a str,
    /// webauthn-rs's credential as JSON.
    pub credential: &'a str,
    /// Now.
    pub created_at: i64,
}

/// Stores a passkey; a credential ID stored already is a unique violation.
pub async fn insert<'c>(db: impl Db<'c>, p: &NewPasskey<'_>) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO passkeys (account_id, credential_id, name, credential, created_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(p.account_id)
    .bind(p.credential_id)
    .bind(p.name)
    .bind(p.credential)
    .bind(p.created_at)
    .fetch_one(db)
    .await
}

/// Every passkey of an account, oldest first.
pub async fn of_account<'c>(db: impl Db<'c>, account_id: i64) -> sqlx::Result<Vec<PasskeyRow>> {
    sqlx::query_as(
        "SELECT id, account_id, name, credential, created_at, last_used_at FROM passkeys
         WHERE account_id = $1 ORDER BY created_at, id",
    )
    .bind(account_id)
    .fetch_all(db)
    .await
}

/// The passkey with this credential ID, whoever owns it (login).
pub async fn by_credential_id<'c>(db: impl Db<'c>, credential_id: &[u8]) -> sqlx::Result<Option<PasskeyRow>> {
    sqlx::query_as(
        "SELECT id, account_id, name, credential, created_at, last_used_at FROM passkeys WHERE credential_id = $1",
    )
    .bind(credential_id)
    .fetch_optional(db)
    .await
}

/// Records a use: the updated credential (counter, backup flags) and the time.
pub async fn used<'c>(db: impl Db<'c>, id: i64, credential: &str, now: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE passkeys SET credential = $1, last_used_at = $2 WHERE id = $3")
        .bind(credential)
        .bind(now)
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

/// Ends the sessions passkey `id` of `account_id` started, but `keep`.
pub async fn end_sessions_of<'c>(db: impl Db<'c>, account_id: i64, id: i64, keep: &[u8]) -> sqlx::Result<u64> {
    Ok(sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND passkey_id = $2 AND token_hash <> $3")
        .bind(account_id)
        .bind(id)
        .bind(keep)
        .execute(db)
        .await?
        .rows_affected())
}

/// Removes a passkey of `account_id`; whether there was one.
pub async fn delete<'c>(db: impl Db<'c>, account_id: i64, id: i64) -> sqlx::Result<bool> {
    let done = sqlx::query("DELETE FROM passkeys WHERE id = $1 AND account_id = $2")
        .bind(id)
        .bind(account_id)
        .execute(db)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// A started ceremony.
pub struct NewCeremony<'a> {
    /// SHA-256 of the ceremony token.
    pub token_hash: &'a [u8],
    /// `register`, `login` or `reauth`.
    pub kind: &'a str,
    /// The account (register and reauth).
    pub account_id: Option<i64>,
    /// The session that started it (register and reauth).
    pub session_hash: Option<&'a [u8]>,
    /// The name of the passkey being registered.
    pub name: Option<&'a str>,
    /// webauthn-rs's ceremony state as JSON.
    pub state: &'a str,
    /// When it stops working.
    pub expires_at: i64,
}

/// Stores a started ceremony.
pub async fn insert_ceremony<'c>(db: impl Db<'c>, c: &NewCeremony<'_>) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO passkey_ceremonies (token_hash, kind, account_id, session_hash, name, state, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(c.token_hash)
    .bind(c.kind)
    .bind(c.account_id)
    .bind(c.session_hash)
    .bind(c.name)
    .bind(c.state)
    .bind(c.expires_at)
    .execute(db)
    .await?;
    Ok(())
}

/// A ceremony taken for finishing.
#[derive(FromRow)]
pub struct CeremonyRow {
    /// The session that started it (register and reauth).
    pub session_hash: Option<Vec<u8>>,
    /// The passkey's name (register).
    pub name: Option<String>,
    /// webauthn-rs's ceremony state as JSON.
    pub state: String,
}

/// Takes a ceremony of `kind` that has not expired: it is deleted in the same statement, so
/// of parallel finishes of one ceremony exactly one gets it (single use).
pub async fn take_ceremony<'c>(
    db: impl Db<'c>,
    token_hash: &[u8],
    kind: &str,
    now: i64,
) -> sqlx::Result<Option<CeremonyRow>> {
    sqlx::query_as(
        "DELETE FROM passkey_ceremonies WHERE token_hash = $1 AND kind = $2 AND expires_at > $3
         RETURNING session_hash, name, state",
    )
    .bind(token_hash)
    .bind(kind)
    .bind(now)
    .fetch_optional(db)
    .await
}

/// Deletes ceremonies that expired before `now`.
pub async fn purge_ceremonies<'c>(db: impl Db<'c>, now: i64) -> sqlx::Result<u64> {
    Ok(sqlx::query("DELETE FROM passkey_ceremonies WHERE expires_at <= $1")
        .bind(now)
        .execute(db)
        .await?
        .rows_affected())
}

/// Marks a session as just confirmed by its owner (password or passkey).
pub async fn set_reauth<'c>(db: impl Db<'c>, session_hash: &[u8], now: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE sessions SET reauth_at = $1 WHERE token_hash = $2")
        .bind(now)
        .bind(session_hash)
        .execute(db)
        .await?;
    Ok(())
}

/// Uses up a confirmation made at or after `since`: one statement, so one confirmation
/// allows one sensitive action even when several are sent at once.
pub async fn take_reauth<'c>(db: impl Db<'c>, session_hash: &[u8], since: i64) -> sqlx::Result<bool> {
    let done = sqlx::query("UPDATE sessions SET reauth_at = NULL WHERE token_hash = $1 AND reauth_at >= $2")
        .bind(session_hash)
        .bind(since)
        .execute(db)
        .await?;
    Ok(done.rows_affected() == 1)
}
