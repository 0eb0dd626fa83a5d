//! Two-step verification: the authenticator app's (encrypted) secret, the period of the
//! last accepted code, and the keyed hashes of the recovery codes. Every "use once" is one
//! conditional `UPDATE`, so parallel requests with the same code cannot both succeed
//! (docs/security.md "Second factor").

use sqlx::FromRow;

use super::Db;

/// An account's authenticator app.
#[derive(FromRow)]
pub struct SecondFactorRow {
    /// Nonce and encrypted secret.
    pub secret: Vec<u8>,
    /// Set-up started.
    pub created_at: i64,
    /// Confirmed with a first code; `None` while the set-up waits.
    pub confirmed_at: Option<i64>,
    /// The 30-second period of the last accepted code.
    pub last_step: i64,
}

/// The account's authenticator app, confirmed or not.
pub async fn get<'c>(db: impl Db<'c>, account_id: i64) -> sqlx::Result<Option<SecondFactorRow>> {
    sqlx::query_as("SELECT secret, created_at, confirmed_at, last_step FROM second_factors WHERE account_id = $1")
        .bind(account_id)
        .fetch_optional(db)
        .await
}

/// Stores a new, unconfirmed secret, replacing an unconfirmed one; returns `false` (and
/// changes nothing) when the account has a confirmed one.
pub async fn start<'c>(db: impl Db<'c>, account_id: i64, secret: &[u8], now: i64) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "INSERT INTO second_factors (account_id, secret, created_at, confirmed_at, last_step) VALUES ($1, $2, $3, NULL, 0)
         ON CONFLICT (account_id) DO UPDATE SET secret = excluded.secret, created_at = excluded.created_at, last_step = 0
         WHERE second_factors.confirmed_at IS NULL",
    )
    .bind(account_id)
    .bind(secret)
    .bind(now)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Stores a confirmed secret at once (the demo's staff accounts).
pub async fn insert_confirmed<'c>(db: impl Db<'c>, account_id: i64, secret: &[u8], now: i64) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO second_factors (account_id, secret, created_at, confirmed_at, last_step) VALUES ($1, $2, $3, $3, 0)",
    )
    .bind(account_id)
    .bind(secret)
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}

/// Accepts a code of period `step` if no code of this or a later period was accepted
/// before, and the app is `confirmed` (or, for the first code, not yet); the first code
/// also confirms it at `now`. Returns whether it was accepted: of parallel requests with
/// the same code, exactly one.
pub async fn use_step<'c>(
    db: impl Db<'c>,
    account_id: i64,
    step: i64,
    confirmed: bool,
    now: i64,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE second_factors SET last_step = $1, confirmed_at = COALESCE(confirmed_at, $4)
         WHERE account_id = $2 AND last_step < $1 AND (confirmed_at IS NOT NULL) = ($3 = 1)",
    )
    .bind(step)
    .bind(account_id)
    .bind(i64::from(confirmed))
    .bind(now)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Removes the authenticator app and the recovery codes of an account.
pub async fn delete(tx: &mut super::Tx, account_id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM recovery_codes WHERE account_id = $1").bind(account_id).execute(&mut **tx).await?;
    sqlx::query("DELETE FROM second_factors WHERE account_id = $1").bind(account_id).execute(&mut **tx).await?;
    Ok(())
}

/// Replaces the recovery codes of an account by these hashes.
pub async fn replace_recovery_codes(
    tx: &mut super::Tx,
    account_id: i64,
    hashes: &[Vec<u8>],
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM recovery_codes WHERE account_id = $1").bind(account_id).execute(&mut **tx).await?;
    for hash in hashes {
        sqlx::query("INSERT INTO recovery_codes (account_id, code_hash, created_at) VALUES ($1, $2, $3)")
            .bind(account_id)
            .bind(hash)
            .bind(now)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Marks an unused recovery code used; returns whether there was one (once only, also
/// under parallel requests).
pub async fn use_recovery_code<'c>(db: impl Db<'c>, account_id: i64, hash: &[u8], now: i64) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE recovery_codes SET used_at = $1 WHERE account_id = $2 AND code_hash = $3 AND used_at IS NULL",
    )
    .bind(now)
    .bind(account_id)
    .bind(hash)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// (unused codes, times codes were used) of an account.
pub async fn recovery_codes<'c>(db: impl Db<'c>, account_id: i64) -> sqlx::Result<Vec<Option<i64>>> {
    sqlx::query_scalar("SELECT used_at FROM recovery_codes WHERE account_id = $1 ORDER BY used_at")
        .bind(account_id)
        .fetch_all(db)
        .await
}

/// Marks a session as opened with a second factor.
pub async fn mark_session_strong<'c>(db: impl Db<'c>, token_hash: &[u8]) -> sqlx::Result<()> {
    sqlx::query("UPDATE sessions SET second_factor = 1 WHERE token_hash = $1").bind(token_hash).execute(db).await?;
    Ok(())
}
