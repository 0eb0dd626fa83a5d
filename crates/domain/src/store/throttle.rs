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
/// counted). The attempt that uses the last free one (`hits` reaching `free`) and each after
/// it set the next allowed time: attempt `free + k` may go ahead `2^(k-1)` seconds after the
/// one before it (at most `max_delay_secs`), to the millisecond. An attempt inside the free
/// ones leaves `next_at` at 0: parallel requests read the clock before they write, and one
/// that read an earlier time may commit later; it must not find itself "before the next
/// allowed time" while free attempts are left. `now_ms` in milliseconds; `window_start` is
/// kept in seconds, `next_at` in milliseconds.
pub async fn attempt<'c>(db: impl Db<'c>, key: &[u8], now_ms: i64, w: &Window) -> sqlx::Result<Option<i64>> {
    let now = now_ms.div_euclid(1000);
    sqlx::query_scalar(
        "INSERT INTO throttle (key, window_start, hits, next_at)
           VALUES ($1, $2, 1, CASE WHEN 1 < $4 THEN 0 ELSE $7 + 1000 * (CASE WHEN $5 < 1 THEN $5 ELSE 1 END) END)
         ON CONFLICT (key) DO UPDATE SET
           hits = CASE WHEN $2 - throttle.window_start >= $3 THEN 1 ELSE throttle.hits + 1 END,
           window_start = CASE WHEN $2 - throttle.window_start >= $3 THEN $2 ELSE throttle.window_start END,
           next_at = CASE
             WHEN $2 - throttle.window_start >= $3 THEN (CASE WHEN 1 < $4 THEN 0 ELSE $7 + 1000 * (CASE WHEN $5 < 1 THEN $5 ELSE 1 END) END)
             WHEN throttle.hits + 1 < $4 THEN 0
             WHEN throttle.hits + 1 - $4 >= 40 THEN $7 + 1000 * $5
             WHEN (CAST(1 AS BIGINT) << CAST(throttle.hits + 1 - $4 AS INTEGER)) > $5 THEN $7 + 1000 * $5
             ELSE $7 + 1000 * (CAST(1 AS BIGINT) << CAST(throttle.hits + 1 - $4 AS INTEGER)) END
         WHERE $2 - throttle.window_start >= $3 OR ($7 >= throttle.next_at AND throttle.hits < $6)
         RETURNING hits",
    )
    .bind(key)
    .bind(now)
    .bind(w.window_secs)
    .bind(w.free)
    .bind(w.max_delay_secs)
    .bind(w.max)
    .bind(now_ms)
    .fetch_optional(db)
    .await
}

/// (window start in seconds, next allowed in milliseconds) of a key, if it has a counter.
pub async fn state<'c>(db: impl Db<'c>, key: &[u8]) -> sqlx::Result<Option<(i64, i64)>> {
    sqlx::query_as("SELECT window_start, next_at FROM throttle WHERE key = $1").bind(key).fetch_optional(db).await
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

/// Deletes counters whose window started before `cutoff` (seconds) and that hold no wait.
pub async fn purge<'c>(db: impl Db<'c>, cutoff: i64, now_ms: i64) -> sqlx::Result<u64> {
    Ok(sqlx::query("DELETE FROM throttle WHERE window_start < $1 AND next_at < $2")
        .bind(cutoff)
        .bind(now_ms)
        .execute(db)
        .await?
        .rows_affected())
}
