//! Consent records (docs/storage.md): the newsletter's and the candidate bank listing's,
//! each an append-only table of events (a trigger refuses changes on both backends) with the
//! same columns, written and read here once.

use sqlx::FromRow;

use super::Db;

/// Which consent the events are about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConsentLog {
    /// The newsletter (double opt-in).
    Newsletter,
    /// Being listed in the candidate bank.
    Listing,
}

impl ConsentLog {
    fn table(self) -> &'static str {
        match self {
            ConsentLog::Newsletter => "consent_events",
            ConsentLog::Listing => "listing_consent_events",
        }
    }
}

/// One consent event as stored.
#[derive(FromRow)]
pub struct EventRow {
    /// Id.
    pub id: i64,
    /// given, confirmed, withdrawn.
    pub kind: String,
    /// When.
    pub at: i64,
    /// Version of the consent text.
    pub text_version: i64,
    /// SHA-256 of the text.
    pub text_hash: String,
    /// portal, email_link, staff.
    pub channel: String,
}

/// The events of an account, oldest first.
pub async fn events<'c>(db: impl Db<'c>, log: ConsentLog, account_id: i64) -> sqlx::Result<Vec<EventRow>> {
    let sql = format!(
        "SELECT id, kind, at, text_version, text_hash, channel FROM {} WHERE account_id = $1 ORDER BY id",
        log.table()
    );
    sqlx::query_as(&sql).bind(account_id).fetch_all(db).await
}

/// Appends an event.
#[allow(clippy::too_many_arguments)]
pub async fn append<'c>(
    db: impl Db<'c>,
    log: ConsentLog,
    account_id: i64,
    kind: &str,
    at: i64,
    text_version: i64,
    text_hash: &str,
    channel: &str,
) -> sqlx::Result<()> {
    let sql = format!(
        "INSERT INTO {} (account_id, kind, at, text_version, text_hash, channel) VALUES ($1, $2, $3, $4, $5, $6)",
        log.table()
    );
    sqlx::query(&sql)
        .bind(account_id)
        .bind(kind)
        .bind(at)
        .bind(text_version)
        .bind(text_hash)
        .bind(channel)
        .execute(db)
        .await?;
    Ok(())
}
