//! Fixed-window attempt counters in the database (shared by every server instance), keyed
//! by a hash so neither IP addresses nor e-mail addresses are stored (ASVS 5.0 6.3.1).

use sha2::{Digest, Sha256};
use sqlx::SqlitePool;

use crate::db::now;
use crate::error::AppError;

/// A limit: at most `max` hits per `window_secs`.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    /// Hits allowed in one window.
    pub max: i64,
    /// Window length in seconds.
    pub window_secs: i64,
}

/// Failed logins from one IP address: generous, many people share an office NAT.
pub const LOGIN_PER_IP: Limit = Limit { max: 50, window_secs: 15 * 60 };
/// Failed logins for one account.
pub const LOGIN_PER_ACCOUNT: Limit = Limit { max: 10, window_secs: 15 * 60 };
/// Registrations from one IP address (each costs an argon2 hash).
pub const REGISTER_PER_IP: Limit = Limit { max: 20, window_secs: 60 * 60 };

/// The stored key of `kind:value`.
pub fn key(kind: &str, value: &str) -> Vec<u8> {
    Sha256::new().chain_update(kind).chain_update(b":").chain_update(value).finalize().to_vec()
}

/// Refuses with [`AppError::Throttled`] when `key` used up `limit` in its current window.
pub async fn check(db: &SqlitePool, key: &[u8], limit: Limit) -> Result<(), AppError> {
    let row: Option<(i64, i64)> =
        sqlx::query_as("SELECT window_start, hits FROM throttle WHERE key = ?").bind(key).fetch_optional(db).await?;
    let now = now();
    match row {
        Some((start, hits)) if now - start < limit.window_secs && hits >= limit.max => {
            Err(AppError::Throttled { retry_after: start + limit.window_secs - now })
        }
        _ => Ok(()),
    }
}

/// Counts one hit for `key`, starting a new window when the old one is over.
pub async fn hit(db: &SqlitePool, key: &[u8], limit: Limit) -> Result<(), AppError> {
    let now = now();
    sqlx::query(
        "INSERT INTO throttle (key, window_start, hits) VALUES (?1, ?2, 1)
         ON CONFLICT (key) DO UPDATE SET
           hits = CASE WHEN ?2 - window_start >= ?3 THEN 1 ELSE hits + 1 END,
           window_start = CASE WHEN ?2 - window_start >= ?3 THEN ?2 ELSE window_start END",
    )
    .bind(key)
    .bind(now)
    .bind(limit.window_secs)
    .execute(db)
    .await?;
    Ok(())
}

/// Forgets the hits of `key` (after a successful login).
pub async fn clear(db: &SqlitePool, key: &[u8]) -> Result<(), AppError> {
    sqlx::query("DELETE FROM throttle WHERE key = ?").bind(key).execute(db).await?;
    Ok(())
}

/// Removes counters whose window ended long ago.
pub async fn purge(db: &SqlitePool) -> sqlx::Result<u64> {
    let cutoff = now() - 24 * 3600;
    Ok(sqlx::query("DELETE FROM throttle WHERE window_start < ?").bind(cutoff).execute(db).await?.rows_affected())
}
