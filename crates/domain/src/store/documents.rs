//! Per-account JSON documents (profile, visibility, academy registration) with a version
//! for optimistic concurrency; the version check and the write are one statement.

use super::Db;

/// The tables of the documents (fixed names: never from input).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Table {
    /// `profiles`.
    Profiles,
    /// `visibility`.
    Visibility,
    /// `participants`.
    Participants,
}

impl Table {
    fn name(self) -> &'static str {
        match self {
            Table::Profiles => "profiles",
            Table::Visibility => "visibility",
            Table::Participants => "participants",
        }
    }
}

/// The stored JSON and its version.
pub async fn load<'c>(db: impl Db<'c>, table: Table, account_id: i64) -> sqlx::Result<Option<(String, i64)>> {
    sqlx::query_as(&format!("SELECT data, version FROM {} WHERE account_id = $1", table.name()))
        .bind(account_id)
        .fetch_optional(db)
        .await
}

/// Stores the first version; `None` when one exists already.
pub async fn insert_first<'c>(
    db: impl Db<'c>,
    table: Table,
    account_id: i64,
    data: &str,
    now: i64,
) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(&format!(
        "INSERT INTO {} (account_id, version, data, updated_at) VALUES ($1, 1, $2, $3)
         ON CONFLICT (account_id) DO NOTHING RETURNING version",
        table.name()
    ))
    .bind(account_id)
    .bind(data)
    .bind(now)
    .fetch_optional(db)
    .await
}

/// Replaces version `expected`; `None` when the stored version is another.
pub async fn replace<'c>(
    db: impl Db<'c>,
    table: Table,
    account_id: i64,
    expected: i64,
    data: &str,
    now: i64,
) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(&format!(
        "UPDATE {} SET version = version + 1, data = $1, updated_at = $2
         WHERE account_id = $3 AND version = $4 RETURNING version",
        table.name()
    ))
    .bind(data)
    .bind(now)
    .bind(account_id)
    .bind(expected)
    .fetch_optional(db)
    .await
}

/// Deletes the document.
pub async fn delete<'c>(db: impl Db<'c>, table: Table, account_id: i64) -> sqlx::Result<()> {
    sqlx::query(&format!("DELETE FROM {} WHERE account_id = $1", table.name())).bind(account_id).execute(db).await?;
    Ok(())
}

/// A person with a profile and visibility choices, for the candidate bank.
#[derive(sqlx::FromRow)]
pub struct CandidateRow {
    /// The account.
    pub account_id: i64,
    /// The account's secret.
    pub secret: Vec<u8>,
    /// The profile (JSON).
    pub profile: String,
    /// The visibility choices (JSON).
    pub visibility: String,
    /// The profile's reference salt (none for profiles older than the salt).
    pub reference_salt: Option<Vec<u8>>,
}

/// Gives a new profile its random reference salt (once: a salt never changes).
pub async fn set_reference_salt<'c>(db: impl Db<'c>, account_id: i64, salt: &[u8]) -> sqlx::Result<()> {
    sqlx::query("UPDATE profiles SET reference_salt = $1 WHERE account_id = $2 AND reference_salt IS NULL")
        .bind(salt)
        .bind(account_id)
        .execute(db)
        .await?;
    Ok(())
}

/// The profile's reference salt, if it has a profile with one.
pub async fn reference_salt<'c>(db: impl Db<'c>, account_id: i64) -> sqlx::Result<Option<Vec<u8>>> {
    Ok(sqlx::query_scalar::<_, Option<Vec<u8>>>("SELECT reference_salt FROM profiles WHERE account_id = $1")
        .bind(account_id)
        .fetch_optional(db)
        .await?
        .flatten())
}

/// What deleting a profile removed: (profiles, visibility choices, disclosure log entries).
pub type ProfileRows = (u64, u64, u64);

/// Deletes the candidate profile, its visibility choices and the disclosure log about it
/// (run in one transaction by the caller).
pub async fn delete_profile(tx: &mut super::Tx, account_id: i64) -> sqlx::Result<ProfileRows> {
    let mut n = [0u64; 3];
    for (i, table) in ["profiles", "visibility", "disclosures"].iter().enumerate() {
        n[i] = sqlx::query(&format!("DELETE FROM {table} WHERE account_id = $1"))
            .bind(account_id)
            .execute(&mut **tx)
            .await?
            .rows_affected();
    }
    Ok((n[0], n[1], n[2]))
}
