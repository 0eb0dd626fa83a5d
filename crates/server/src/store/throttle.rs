//! Attempt counters: counted and judged in one statement (docs/security.md "Limits hold
//! under parallel requests").

use super::Db;

/// A limit as the statement needs it (see `auth::throttle::Limit`).
pub struct Window {
    /// Window length in seconds.
    pub window_secs: i64,
    /// Attempts without a wait.
    pub free: i64,
    /// Longest wait.
    pub max_delay_secs: i64,
    /// Attempts per window at all.
    pub max: i64,
}

/// Counts an attempt for `key` if it may go ahead now; `None` when it must wait (nothing
/// counted). Attempt `free + k` sets the next allowed time `2^(k-1)` seconds ahead. An
/// attempt without a wait leaves `next_at` at 0, not at its own second: parallel requests
/// read the clock before they write, and one that read an earlier second may commit later;
/// it must not find itself "before the next allowed time".
pub async fn attempt<'c>(db: impl Db<'c>, key: &[u8], now: i64, w: &Window) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(
        "INSERT INTO throttle (key, window_start, hits, next_at) VALUES ($1, $2, 1, 0)
         ON CONFLICT (key) DO UPDATE SET
           hits = CASE WHEN $2 - throttle.window_start >= $3 THEN 1 ELSE throttle.hits + 1 END,
           window_start = CASE WHEN $2 - throttle.window_start >= $3 THEN $2 ELSE throttle.window_start END,
           next_at = CASE
             WHEN $2 - throttle.window_start >= $3 OR throttle.hits + 1 <= $4 THEN 0
             WHEN throttle.hits - $4 >= 40 THEN $2 + $5
             WHEN (CAST(1 AS BIGINT) << CAST(throttle.hits - $4 AS INTEGER)) > $5 THEN $2 + $5
             ELSE $2 + (CAST(1 AS BIGINT) << CAST(throttle.hits - $4 AS INTEGER)) END
         WHERE $2 - throttle.window_start >= $3 OR ($2 >= throttle.next_at AND throttle.hits < $6)
         RETURNING hits",
    )
    .bind(key)
    .bind(now)
    .bind(w.window_secs)
    .bind(w.free)
    .bind(w.max_delay_secs)
    .bind(w.max)
    .fetch_optional(db)
    .await
}

/// (window start, next allowed) of a key.
pub async fn state<'c>(db: impl Db<'c>, key: &[u8]) -> sqlx::Result<(i64, i64)> {
    sqlx::query_as("SELECT window_start, next_at FROM throttle WHERE key = $1").bind(key).fetch_one(db).await
}

/// Gives one attempt back.
pub async fn refund<'c>(db: impl Db<'c>, key: &[u8]) -> sqlx::Result<()> {
    sqlx::query("UPDATE throttle SET hits = hits - 1 WHERE key = $1 AND hits > 0").bind(key).execute(db).await?;
    Ok(())
}

/// Forgets a key.
pub async fn clear<'c>(db: impl Db<'c>, key: &[u8]) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM throttle WHERE key = $1").bind(key).execute(db).await?;
    Ok(())
}

/// Deletes counters whose window started before `cutoff` and that hold no wait.
pub async fn purge<'c>(db: impl Db<'c>, cutoff: i64, now: i64) -> sqlx::Result<u64> {
    Ok(sqlx::query("DELETE FROM throttle WHERE window_start < $1 AND next_at < $2")
        .bind(cutoff)
        .bind(now)
        .execute(db)
        .await?
        .rows_affected())
}
