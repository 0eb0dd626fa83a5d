//! The database: an SQLite file in the data directory, created and migrated at start.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;
use zelfregie_model::Partner;

/// The database file's name inside the data directory.
pub const DB_FILE: &str = "zelfregie.sqlite3";

/// Opens (creating if needed) and migrates the database in `data_dir`, then makes sure the
/// partner organisations of seed 000 art. 3 are present.
pub async fn open(data_dir: &Path) -> anyhow::Result<SqlitePool> {
    std::fs::create_dir_all(data_dir)?;
    let path = data_dir.join(DB_FILE);
    let options = SqliteConnectOptions::from_str(&format!("sqlite://{}", path.display()))?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        // Erased data is overwritten on disk, not just unlinked (SECURITY.md "Erasure").
        .pragma("secure_delete", "ON")
        .busy_timeout(Duration::from_secs(5));
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        .acquire_timeout(Duration::from_secs(5))
        .connect_with(options)
        .await?;
    sqlx::migrate!("migrations/sqlite").run(&pool).await?;
    seed_partners(&pool).await?;
    Ok(pool)
}

/// Inserts missing partners; existing rows keep their id so references stay valid.
async fn seed_partners(pool: &SqlitePool) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    for p in Partner::all() {
        sqlx::query(
            "INSERT INTO partners (slug, name) VALUES (?, ?) ON CONFLICT (slug) DO UPDATE SET name = excluded.name",
        )
        .bind(&p.slug)
        .bind(&p.name)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
}

/// Seconds since the Unix epoch: how every timestamp is stored.
pub fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// A stored timestamp as a date-time.
pub fn to_datetime(unix: i64) -> time::OffsetDateTime {
    time::OffsetDateTime::from_unix_timestamp(unix).unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
}

/// Opens a transaction that holds the write lock from the start, so reading the current
/// state and changing it cannot interleave with another request (SQLite `IMMEDIATE`).
pub async fn begin_immediate(db: &SqlitePool) -> sqlx::Result<sqlx::Transaction<'static, sqlx::Sqlite>> {
    db.begin_with("BEGIN IMMEDIATE").await
}
