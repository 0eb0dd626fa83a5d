//! The store: the only place that holds SQL. Handlers parse and authorize, domain modules
//! decide, and call the functions here; calls go one way (http → domain → store).
//!
//! Two backends behind one pool type (sqlx `Any`): SQLite, one file in the data directory
//! (the default), and PostgreSQL (`--database-url postgres://…`) for several instances
//! behind a load balancer. Each has its own migrations (`migrations/sqlite`,
//! `migrations/postgres`). The SQL is written once where both understand it — numbered
//! parameters `$1`, `ON CONFLICT`, `RETURNING` — and per backend where they differ, in
//! [`Backend`]-matched pairs next to each other (docs/storage.md).

pub mod academy;
pub mod accounts;
pub mod admin;
pub mod breach;
pub mod candidate_index;
pub mod consent_log;
pub mod disclosures;
pub mod documents;
pub mod listing;
pub mod mail_files;
pub mod newsletter;
pub mod outbox;
pub mod passkeys;
pub mod password_resets;
pub mod privacy_requests;
pub mod register_notices;
pub mod retention;
pub mod second_factors;
pub mod seed;
pub mod throttle;
pub mod transfers;
pub mod verification;
pub mod withdrawals;

use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{Any, AnyPool, Connection, Executor};
use zelfregie_model::Partner;

/// The SQLite file's name inside the data directory.
pub const DB_FILE: &str = "zelfregie.sqlite3";

/// A transaction on either backend.
pub type Tx = sqlx::Transaction<'static, Any>;

/// Which database the store runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// One SQLite file (embedded; `make run`).
    Sqlite,
    /// A PostgreSQL server (several instances share it).
    Postgres,
}

/// The database: a pool and the backend it talks to. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// When writes were last tried by [`Store::writable`], and whether one succeeded.
    write_probe: Arc<tokio::sync::Mutex<Option<(Instant, bool)>>>,
}

/// How long [`Store::writable`] trusts its last probe: the health check may be asked
/// thousands of times a second, the database is written at most once a second for it.
const WRITE_PROBE_EVERY: Duration = Duration::from_secs(1);

/// SQLite settings for every connection: write-ahead log, foreign keys, deleted data
/// overwritten on disk, the log truncated when reset, and waiting for a busy lock
/// (docs/security.md "Erasure").
const SQLITE_PRAGMAS: &str = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; \
     PRAGMA secure_delete = ON; PRAGMA journal_size_limit = 0; PRAGMA busy_timeout = 5000;";

/// Key of the advisory lock that makes a PostgreSQL transaction exclusive, like SQLite's
/// `BEGIN IMMEDIATE` (any constant; only this store takes it).
const EXCLUSIVE_LOCK: i64 = 0x7a65_6c66;

impl Store {
    /// Opens the database `url` names (`postgres://…`), or the SQLite file in `data_dir`
    /// when there is none; creates and migrates it, and makes sure the partner
    /// organisations are present.
    pub async fn open(url: Option<&str>, data_dir: &Path) -> anyhow::Result<Store> {
        sqlx::any::install_default_drivers();
        let (url, backend) = match url {
            Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
                (url.to_owned(), Backend::Postgres)
            }
            Some(other) => {
                anyhow::bail!("--database-url: only postgres:// URLs (got {})", other.split(':').next().unwrap_or(""))
            }
            None => {
                std::fs::create_dir_all(data_dir)?;
                (format!("sqlite://{}?mode=rwc", data_dir.join(DB_FILE).display()), Backend::Sqlite)
            }
        };
        let options = AnyConnectOptions::from_str(&url)?;
        migrate(&options, backend).await?;
        let pool = AnyPoolOptions::new()
            .max_connections(if backend == Backend::Sqlite { 8 } else { 16 })
            .acquire_timeout(Duration::from_secs(5))
            // A connection whose transaction could neither commit nor roll back (SQLite on a
            // full disk rolls back by itself, so sqlx's ROLLBACK fails and its count of open
            // transactions stays at one) would refuse every later `BEGIN`: it is closed and
            // replaced instead of handed out (docs/storage.md "Faults").
            .before_acquire(|conn, _| Box::pin(async move { Ok(!conn.is_in_transaction()) }))
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        conn.execute(SQLITE_PRAGMAS).await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        let store = Store { pool, backend, write_probe: Arc::default() };
        store.seed_partners().await?;
        Ok(store)
    }

    /// The pool, for the store's functions only: outside this crate nothing runs SQL.
    #[cfg(not(feature = "testing"))]
    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// The pool, for the store's functions and for tests that look inside the database
    /// (feature `testing`, never in a build that serves).
    #[cfg(feature = "testing")]
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// The backend.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// A transaction.
    pub async fn begin(&self) -> sqlx::Result<Tx> {
        self.pool.begin().await
    }

    /// A transaction that holds the write lock from its start, so reading the current state
    /// and changing it cannot interleave with another such transaction — on SQLite
    /// `BEGIN IMMEDIATE`, on PostgreSQL an advisory lock every instance shares.
    pub async fn begin_exclusive(&self) -> sqlx::Result<Tx> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => {
                let mut tx = self.pool.begin().await?;
                sqlx::query("SELECT pg_advisory_xact_lock($1)").bind(EXCLUSIVE_LOCK).execute(&mut *tx).await?;
                Ok(tx)
            }
        }
    }

    /// A transaction that changes one account's documents: saves of the same person's
    /// profile and visibility choices (two devices at once) take turns, so what one derives
    /// from both (the candidate index) is built from what is stored. SQLite: `BEGIN
    /// IMMEDIATE` (one writer at a time anyway); PostgreSQL: the account's row locked.
    pub async fn begin_for_account(&self, account_id: i64) -> sqlx::Result<Tx> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => {
                let mut tx = self.pool.begin().await?;
                sqlx::query("SELECT id FROM accounts WHERE id = $1 FOR UPDATE")
                    .bind(account_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                Ok(tx)
            }
        }
    }

    /// SQLite: copies the write-ahead log into the database file and truncates it, so page
    /// images of deleted rows are not left in `zelfregie.sqlite3-wal`; retried for up to two
    /// seconds while readers hold it. PostgreSQL keeps no such file of ours: nothing to do.
    /// A failure is logged, never an error for the person: the next checkpoint catches up.
    pub async fn checkpoint(&self) -> bool {
        if self.backend != Backend::Sqlite {
            return true;
        }
        for attempt in 0..100 {
            match sqlx::query_as::<_, (i64, i64, i64)>("PRAGMA wal_checkpoint(TRUNCATE)").fetch_one(&self.pool).await {
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

    /// Whether the database answers.
    pub async fn ping(&self) -> sqlx::Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await.map(|_| ())
    }

    /// Whether a write can succeed now: a real write (one row of `health_probe`), at most
    /// once per [`WRITE_PROBE_EVERY`], its answer kept in between. A full disk, a database
    /// that is down or restarting say no; a write lock held by others past two seconds is not
    /// a fault, and keeps the last answer (docs/storage.md "Faults").
    pub async fn writable(&self) -> bool {
        let mut last = self.write_probe.lock().await;
        if let Some((at, ok)) = *last {
            if at.elapsed() < WRITE_PROBE_EVERY {
                return ok;
            }
        }
        let write = sqlx::query("UPDATE health_probe SET written_at = $1 WHERE id = 1").bind(now()).execute(&self.pool);
        let ok = match tokio::time::timeout(Duration::from_secs(2), write).await {
            Ok(Ok(_)) => true,
            Ok(Err(e)) => {
                tracing::warn!(error = %e, "health check: the database cannot be written");
                false
            }
            Err(_) => last.is_none_or(|(_, ok)| ok),
        };
        *last = Some((Instant::now(), ok));
        ok
    }

    /// Closes every connection (SQLite: a last checkpoint).
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// Inserts missing partners; existing rows keep their id so references stay valid.
    async fn seed_partners(&self) -> sqlx::Result<()> {
        let mut tx = self.pool.begin().await?;
        for p in Partner::all() {
            sqlx::query(
                "INSERT INTO partners (slug, name) VALUES ($1, $2) ON CONFLICT (slug) DO UPDATE SET name = excluded.name",
            )
            .bind(&p.slug)
            .bind(&p.name)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await
    }
}

/// Runs the backend's migrations on a connection of its own. On SQLite with foreign keys
/// off: a migration that rebuilds a table others reference (SQLite's way to change a
/// column) would otherwise delete the rows that reference it, by cascade; afterwards every
/// reference is checked (docs/storage.md "Migrations").
async fn migrate(options: &AnyConnectOptions, backend: Backend) -> anyhow::Result<()> {
    let mut conn = sqlx::AnyConnection::connect_with(options).await?;
    match backend {
        Backend::Sqlite => {
            conn.execute("PRAGMA foreign_keys = OFF; PRAGMA journal_mode = WAL;").await?;
            sqlx::migrate!("migrations/sqlite").run(&mut conn).await?;
            let broken: Vec<(String,)> =
                sqlx::query_as("SELECT \"table\" FROM pragma_foreign_key_check").fetch_all(&mut conn).await?;
            anyhow::ensure!(broken.is_empty(), "after migrating, rows of {broken:?} refer to rows that do not exist");
        }
        Backend::Postgres => {
            // Two instances starting at once: one migrates, the other waits for it.
            sqlx::query("SELECT pg_advisory_lock($1)").bind(EXCLUSIVE_LOCK + 1).execute(&mut conn).await?;
            let result = sqlx::migrate!("migrations/postgres").run(&mut conn).await;
            sqlx::query("SELECT pg_advisory_unlock($1)").bind(EXCLUSIVE_LOCK + 1).execute(&mut conn).await?;
            result?;
        }
    }
    conn.close().await?;
    Ok(())
}

/// Seconds since the Unix epoch: how every timestamp is stored.
pub fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// A stored timestamp as a date-time.
pub fn to_datetime(unix: i64) -> time::OffsetDateTime {
    time::OffsetDateTime::from_unix_timestamp(unix).unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
}

/// Whether a database error means "not now" rather than a fault of the request or the code:
/// the database is down, restarting, out of disk or memory, or busy. Answered 503 with
/// `Retry-After`, never 500 (docs/storage.md "Faults").
pub fn is_unavailable(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) | sqlx::Error::WorkerCrashed => true,
        sqlx::Error::Database(e) => {
            if let Some(pg) = e.try_downcast_ref::<sqlx::postgres::PgDatabaseError>() {
                // SQLSTATE classes: 08 connection exception, 53 insufficient resources
                // (disk full, out of memory, too many connections), 57P01–57P03 shut down by
                // an administrator or a crash / starting up; 40001 and 40P01 lost a race.
                let code = pg.code();
                code.starts_with("08")
                    || code.starts_with("53")
                    || code.starts_with("57P")
                    || code == "40001"
                    || code == "40P01"
            } else if e.try_downcast_ref::<sqlx::sqlite::SqliteError>().is_some() {
                // Primary result codes (the low byte of an extended one): 5 BUSY, 6 LOCKED,
                // 10 IOERR, 13 FULL, 14 CANTOPEN.
                e.code().and_then(|c| c.parse::<i32>().ok()).is_some_and(|c| matches!(c & 0xff, 5 | 6 | 10 | 13 | 14))
            } else {
                false
            }
        }
        _ => false,
    }
}

/// Whether an error is a unique-constraint violation (the same on both backends).
pub fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(e) if e.is_unique_violation())
}

/// Anything that runs a query: the pool or a transaction.
pub trait Db<'c>: Executor<'c, Database = Any> {}
impl<'c, T: Executor<'c, Database = Any>> Db<'c> for T {}
