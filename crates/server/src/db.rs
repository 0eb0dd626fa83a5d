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
        // After a checkpoint the WAL file is cut back to this size (bytes), so old page
        // images of erased rows do not linger in a grown file (docs/security.md "Erasure").
        .pragma("journal_size_limit", "0")
        .busy_timeout(Duration::from_secs(5));
    migrate(options.clone()).await?;
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        .acquire_timeout(Duration::from_secs(5))
        .connect_with(options)
        .await?;
    seed_partners(&pool).await?;
    Ok(pool)
}

/// Runs the migrations on a connection of its own with foreign keys off: a migration that
/// rebuilds a table others reference (SQLite's way to change a column) would otherwise
/// delete the rows that reference it, by cascade. Afterwards every reference is checked.
async fn migrate(options: SqliteConnectOptions) -> anyhow::Result<()> {
    use sqlx::Connection;
    let mut conn = sqlx::SqliteConnection::connect_with(&options.foreign_keys(false)).await?;
    sqlx::migrate!("migrations/sqlite").run(&mut conn).await?;
    let broken: Vec<(String,)> =
        sqlx::query_as("SELECT \"table\" FROM pragma_foreign_key_check").fetch_all(&mut conn).await?;
    anyhow::ensure!(broken.is_empty(), "after migrating, rows of {broken:?} refer to rows that do not exist");
    conn.close().await?;
    Ok(())
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

/// A new account's secret: 256 random bits from the operating system. It goes into every
/// token and reference derived from the account, so none of them outlives the account or
/// passes to another one (docs/security.md "Erased means gone").
pub fn new_account_secret() -> [u8; 32] {
    let mut secret = [0u8; 32];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut secret);
    secret
}

/// The secret of an account, if the account exists.
pub async fn account_secret(db: impl sqlx::SqliteExecutor<'_>, account_id: i64) -> sqlx::Result<Option<Vec<u8>>> {
    sqlx::query_scalar("SELECT secret FROM accounts WHERE id = ?").bind(account_id).fetch_optional(db).await
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

/// The person's name as the profile gives it ("Anna de Vries"), empty without a profile:
/// for the mailing processor and the page behind a transfer link.
pub async fn person_name(db: impl sqlx::SqliteExecutor<'_>, account_id: i64) -> sqlx::Result<String> {
    let name: Option<String> = sqlx::query_scalar(
        "SELECT trim(coalesce(json_extract(data, '$.personal.first_name'), '') || ' ' ||
                     coalesce(nullif(json_extract(data, '$.personal.tussenvoegsel'), '') || ' ', '') ||
                     coalesce(json_extract(data, '$.personal.last_name'), ''))
         FROM profiles WHERE account_id = ?",
    )
    .bind(account_id)
    .fetch_optional(db)
    .await?;
    Ok(name.unwrap_or_default())
}

/// Copies the write-ahead log into the database file and truncates it to zero bytes, so
/// page images of deleted rows (an erased person, a fetched transfer) are not left in
/// `zelfregie.sqlite3-wal`. Readers in progress can keep a checkpoint from finishing: it is
/// retried for up to two seconds. Failure is logged, never an error for the person: the
/// next checkpoint (SQLite's own, or the next deletion's) catches up.
pub async fn checkpoint(db: &SqlitePool) -> bool {
    for attempt in 0..100 {
        match sqlx::query_as::<_, (i64, i64, i64)>("PRAGMA wal_checkpoint(TRUNCATE)").fetch_one(db).await {
            Ok((0, _, _)) => return true,
            Ok(_) => {}
            Err(e) if attempt == 99 => {
                tracing::warn!(error = %e, "WAL checkpoint failed");
                return false;
            }
            Err(_) => {}
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    tracing::warn!("WAL checkpoint stayed busy");
    false
}
