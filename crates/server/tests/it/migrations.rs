//! A database made by the previous release (migrations 0001–0005, with a person's rows in
//! every table) is migrated at start without losing a row: the tables rebuilt by 0006
//! (accounts, the outbox, the disclosure log) keep their rows and every reference to them.

use crate::common;

use std::path::Path;

use sqlx::{Connection, Executor};

/// A new file with the SQLite migrations 0001–0005 applied and recorded the way sqlx records
/// them: the database the previous release left behind.
async fn old_database(path: &Path) -> sqlx::SqliteConnection {
    database_at(path, 5).await
}

/// A new file with the SQLite migrations up to `last` applied and recorded.
async fn database_at(path: &Path, last: i64) -> sqlx::SqliteConnection {
    let url = format!("sqlite://{}?mode=rwc", path.display());
    let mut conn = sqlx::SqliteConnection::connect(&url).await.unwrap();
    conn.execute("PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL;").await.unwrap();
    let migrator = sqlx::migrate!("../domain/migrations/sqlite");
    for m in migrator.iter().filter(|m| m.version <= last) {
        let mut tx = conn.begin().await.unwrap();
        tx.execute(&*m.sql).await.unwrap();
        sqlx::query(
            "CREATE TABLE IF NOT EXISTS _sqlx_migrations (version BIGINT PRIMARY KEY, description TEXT NOT NULL,
               installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, success BOOLEAN NOT NULL,
               checksum BLOB NOT NULL, execution_time BIGINT NOT NULL)",
        )
        .execute(&mut *tx)
        .await
        .unwrap();
        sqlx::query("INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) VALUES (?, ?, TRUE, ?, 1)")
            .bind(m.version)
            .bind(&*m.description)
            .bind(&*m.checksum)
            .execute(&mut *tx)
            .await
            .unwrap();
        tx.commit().await.unwrap();
    }
    conn
}

#[tokio::test]
async fn a_database_of_the_previous_release_keeps_every_row() {
    if common::on_postgres() {
        return; // PostgreSQL starts from its own single migration.
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let mut old = old_database(&data.join(zelfregie_domain::DB_FILE)).await;
    old.execute(
        "INSERT INTO partners (id, slug, name) VALUES (1, 'beek', 'Gemeente Beek');
         INSERT INTO accounts (id, email, password_hash, role, created_at) VALUES (7, 'oud@example.org', 'h', 'person', 1);
         INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at) VALUES (x'01', 7, 1, 1);
         INSERT INTO profiles (account_id, version, data, updated_at) VALUES (7, 3, '{}', 1);
         INSERT INTO disclosures (account_id, partner_id, at, kind, sections) VALUES (7, 1, 86400, 'opened', '[]');
         INSERT INTO disclosures (account_id, partner_id, at, kind, sections) VALUES (7, 1, 86500, 'opened', '[]');
         INSERT INTO disclosures (account_id, partner_id, at, kind, sections) VALUES (7, 1, 200000, 'search_result', '[]');
         INSERT INTO consent_events (account_id, kind, at, text_version, text_hash, channel) VALUES (7, 'given', 1, 1, 'x', 'portal');
         INSERT INTO processor_outbox (id, account_id, action, payload, idempotency_key, status, next_attempt_at, created_at)
           VALUES (40, 7, 'subscribe', '{}', 'k', 'delivered', 0, 1);",
    )
    .await
    .unwrap();
    old.close().await.unwrap();

    let store = zelfregie_domain::Store::open(None, &data).await.unwrap();
    let pool = store.pool();
    let count = |table: &'static str| async move {
        sqlx::query_scalar::<_, i64>(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(pool).await.unwrap()
    };
    for (table, rows) in
        [("accounts", 1), ("sessions", 1), ("profiles", 1), ("consent_events", 1), ("processor_outbox", 1)]
    {
        assert_eq!(count(table).await, rows, "{table} kept its rows");
    }
    let secret: Vec<u8> = sqlx::query_scalar("SELECT secret FROM accounts WHERE id = 7").fetch_one(pool).await.unwrap();
    assert_eq!(secret.len(), 32, "existing accounts got a secret");
    let log: Vec<(String, i64, i64, i64)> =
        sqlx::query_as("SELECT day, first_at, at, count FROM disclosures ORDER BY day, kind")
            .fetch_all(pool)
            .await
            .unwrap();
    assert_eq!(
        log,
        [("1970-01-02".into(), 86400, 86500, 2), ("1970-01-03".into(), 200000, 200000, 1)],
        "counted per day"
    );
    // Ids go on after the highest ever used, never back.
    let next: i64 = sqlx::query_scalar(
        "INSERT INTO accounts (email, password_hash, role, created_at, secret) VALUES ('nieuw@example.org', 'h', 'person', 2, randomblob(32)) RETURNING id",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    assert_eq!(next, 8);
    // The append-only trigger is back on the rebuilt account table.
    let changed = sqlx::query("UPDATE consent_events SET kind = 'withdrawn'").execute(pool).await;
    assert!(changed.is_err());
    let deleted = sqlx::query("DELETE FROM consent_events").execute(pool).await;
    assert!(deleted.is_err(), "consent events of an existing account cannot be deleted");
    // And erasure still cascades everywhere.
    sqlx::query("DELETE FROM accounts WHERE id = 7").execute(pool).await.unwrap();
    for table in ["sessions", "profiles", "consent_events", "processor_outbox", "disclosures"] {
        assert_eq!(count(table).await, 0, "{table} went with the account");
    }
}

/// Migration 0013 rebuilds the account table to admit privacy staff: rows, references and the
/// id sequence survive (an erased account's id is not given out again), and the new role is
/// accepted while unknown ones still are not.
#[tokio::test]
async fn adding_privacy_staff_keeps_accounts_and_never_reuses_an_erased_id() {
    if common::on_postgres() {
        return; // PostgreSQL changes the constraint in place.
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let mut old = database_at(&data.join(zelfregie_domain::DB_FILE), 7).await;
    old.execute(
        "INSERT INTO accounts (email, password_hash, role, created_at, secret) VALUES ('a@example.org', 'h', 'person', 1, randomblob(32));
         INSERT INTO accounts (email, password_hash, role, created_at, secret) VALUES ('b@example.org', 'h', 'academy_staff', 1, randomblob(32));
         INSERT INTO accounts (email, password_hash, role, created_at, secret) VALUES ('weg@example.org', 'h', 'person', 1, randomblob(32));
         DELETE FROM accounts WHERE email = 'weg@example.org';
         INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at) VALUES (x'02', 1, 1, 1);
         INSERT INTO consent_events (account_id, kind, at, text_version, text_hash, channel) VALUES (1, 'given', 1, 1, 'x', 'portal');",
    )
    .await
    .unwrap();
    old.close().await.unwrap();

    let store = zelfregie_domain::Store::open(None, &data).await.unwrap();
    let pool = store.pool();
    let accounts: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, role FROM accounts ORDER BY id").fetch_all(pool).await.unwrap();
    assert_eq!(accounts, [(1, "person".into()), (2, "academy_staff".into())]);
    let next: i64 = sqlx::query_scalar(
        "INSERT INTO accounts (email, password_hash, role, created_at, secret) VALUES ('privacy@example.org', 'h', 'privacy_staff', 2, randomblob(32)) RETURNING id",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    assert_eq!(next, 4, "id 3 belonged to an erased account");
    let bad = sqlx::query(
        "INSERT INTO accounts (email, password_hash, role, created_at, secret) VALUES ('x@example.org', 'h', 'admin', 2, randomblob(32))",
    )
    .execute(pool)
    .await;
    assert!(bad.is_err(), "an unknown role is still refused");
    let deleted = sqlx::query("DELETE FROM consent_events").execute(pool).await;
    assert!(deleted.is_err(), "the append-only trigger is back");
    sqlx::query("DELETE FROM accounts WHERE id = 1").execute(pool).await.unwrap();
    let sessions: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions").fetch_one(pool).await.unwrap();
    assert_eq!(sessions, 0, "erasure still cascades");
}

/// Migration 0030 brings the academy under one rule (issue 23, item 3): those who stopped as
/// participant before it, and did not register again, lose their training history at once,
/// as a stop does now; a participant's and a returner's stay; the count-down table is gone.
#[tokio::test]
async fn the_academy_rule_applies_to_those_who_stopped_before_it() {
    if common::on_postgres() {
        return; // The same statements run on PostgreSQL's 0025 with every other test.
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let mut old = database_at(&data.join(zelfregie_domain::DB_FILE), 29).await;
    old.execute(
        "INSERT INTO accounts (id, email, password_hash, role, created_at, secret) VALUES
           (1, 'gestopt@example.org', 'h', 'person', 1, randomblob(32)),
           (2, 'cursist@example.org', 'h', 'person', 1, randomblob(32)),
           (3, 'terug@example.org', 'h', 'person', 1, randomblob(32));
         INSERT INTO participants (account_id, version, data, updated_at) VALUES (2, 1, '{}', 1), (3, 2, '{}', 1);
         INSERT INTO trainings (id, title, description, audience, location, online, starts_at, sessions, capacity)
           VALUES (1, 'T', 'D', 'A', 'Sittard', 0, 100, 1, 10);
         INSERT INTO enrolments (training_id, account_id, state, created_at, updated_at, queued_at) VALUES
           (1, 1, 'completed', 1, 1, 1), (1, 2, 'completed', 1, 1, 1), (1, 3, 'attended', 1, 1, 1);
         INSERT INTO academy_departures (account_id, left_at) VALUES (1, 50), (3, 40);",
    )
    .await
    .unwrap();
    old.close().await.unwrap();

    let store = zelfregie_domain::Store::open(None, &data).await.unwrap();
    let pool = store.pool();
    let left: Vec<i64> =
        sqlx::query_scalar("SELECT account_id FROM enrolments ORDER BY account_id").fetch_all(pool).await.unwrap();
    assert_eq!(left, [2, 3], "the one who stopped has no history left");
    let accounts: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM accounts").fetch_one(pool).await.unwrap();
    assert_eq!(accounts, 3, "accounts stay");
    let table = sqlx::query("SELECT 1 FROM academy_departures").fetch_optional(pool).await;
    assert!(table.is_err(), "the count-down table is gone");
}
