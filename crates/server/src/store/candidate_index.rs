//! The candidate bank's index (docs/storage.md "Recruiter search"): per partner, which
//! candidates its recruiters may see under which reference, and per candidate the words of
//! what recruiters see. Written only by `crate::candidates::reindex`, in the transaction that
//! saves the profile or the visibility choices; deleted with the profile by the database.

use super::documents::CandidateRow;
use super::{Backend, Db, Tx};

/// Replaces the candidate's rows: `access` is `(partner id, reference)` for every partner
/// that may see them, `text` what they may search (none: not in the bank).
pub async fn replace(
    tx: &mut Tx,
    backend: Backend,
    account_id: i64,
    access: &[(i64, String)],
    text: Option<&str>,
) -> sqlx::Result<()> {
    remove(tx, backend, account_id).await?;
    insert(tx, backend, account_id, access, text).await
}

/// [`replace`] for a candidate without rows.
pub async fn insert(
    tx: &mut Tx,
    backend: Backend,
    account_id: i64,
    access: &[(i64, String)],
    text: Option<&str>,
) -> sqlx::Result<()> {
    for chunk in access.chunks(100) {
        let mut sql = String::from("INSERT INTO candidate_access (partner_id, reference, account_id) VALUES ");
        for i in 0..chunk.len() {
            if i > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&format!("(${}, ${}, ${})", 3 * i + 1, 3 * i + 2, 3 * i + 3));
        }
        let mut query = sqlx::query(&sql);
        for (partner_id, reference) in chunk {
            query = query.bind(*partner_id).bind(reference.as_str()).bind(account_id);
        }
        query.execute(&mut **tx).await?;
    }
    if let Some(text) = text {
        sqlx::query(&format!("INSERT INTO candidate_text ({}, body) VALUES ($1, $2)", id_column(backend)))
            .bind(account_id)
            .bind(text)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Deletes the candidate's rows (deleting the profile does this by itself).
pub async fn remove(tx: &mut Tx, backend: Backend, account_id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM candidate_access WHERE account_id = $1").bind(account_id).execute(&mut **tx).await?;
    sqlx::query(&format!("DELETE FROM candidate_text WHERE {} = $1", id_column(backend)))
        .bind(account_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The account id column of `candidate_text`: SQLite's FTS5 table keys it as its rowid.
fn id_column(backend: Backend) -> &'static str {
    match backend {
        Backend::Sqlite => "rowid",
        Backend::Postgres => "account_id",
    }
}

/// The condition "the candidate's text has every word of the query (as a word's start)"
/// on `a.account_id`, with the query in parameter `$n`; see [`text_query`]. For
/// [`Plan::ByReference`].
fn text_condition(backend: Backend, n: usize) -> String {
    match backend {
        // `+`: not through the index on account ids. The partner's rows are read in
        // reference order and each looked up in the matches (read once): the first page of a
        // common word is found after a few rows, instead of sorting every match.
        Backend::Sqlite => {
            format!("+a.account_id IN (SELECT rowid FROM candidate_text WHERE candidate_text MATCH ${n})")
        }
        Backend::Postgres => {
            format!("a.account_id IN (SELECT account_id FROM candidate_text WHERE words @@ to_tsquery('simple', ${n}))")
        }
    }
}

/// The matches of the query in parameter `$n` joined to the partner's rows (`a`), the
/// matches first: each match is looked up once in `candidate_access_by_account`, in account
/// order, and nothing is read for a candidate that does not match. For [`count`] and
/// [`Plan::ByMatch`].
fn matches_join(backend: Backend, n: usize) -> String {
    match backend {
        // CROSS JOIN: SQLite keeps this order (the full-text table outside).
        Backend::Sqlite => format!(
            "candidate_text CROSS JOIN candidate_access a ON a.account_id = candidate_text.rowid AND a.partner_id = $1
             WHERE candidate_text MATCH ${n}"
        ),
        Backend::Postgres => format!(
            "candidate_text t JOIN candidate_access a ON a.account_id = t.account_id AND a.partner_id = $1
             WHERE t.words @@ to_tsquery('simple', ${n})"
        ),
    }
}

/// The backend's full-text query for `words` (each a run of letters and digits, as
/// `zelfregie_model::search_words` makes them, so none needs escaping): all words, each as
/// the start of a word.
pub fn text_query(backend: Backend, words: &[String]) -> String {
    let terms: Vec<String> = match backend {
        Backend::Sqlite => words.iter().map(|w| format!("\"{w}\"*")).collect(),
        Backend::Postgres => words.iter().map(|w| format!("{w}:*")).collect(),
    };
    terms.join(match backend {
        Backend::Sqlite => " AND ",
        Backend::Postgres => " & ",
    })
}

/// How [`page`] finds a page of a search (docs/storage.md "Recruiter search"). Both give the
/// same rows in the same order; they differ in what they read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plan {
    /// Walk the partner's rows in reference order from the cursor, each looked up in the
    /// matches, until the page is full: quick when many of the partner's candidates match
    /// (more than [`count`]'s cap), slow when few do (it reads all the partner's rows).
    ByReference,
    /// Take the matches, keep the partner's rows after the cursor and sort them: quick when
    /// few match (at most [`count`]'s cap), slow when many do (it sorts them all).
    ByMatch,
}

/// One page of the partner's candidates, in reference order after `after`: `(account id,
/// reference)`. `query` from [`text_query`]; none: every candidate the partner may see
/// (`plan` then does not matter).
pub async fn page<'c>(
    db: impl Db<'c>,
    backend: Backend,
    partner_id: i64,
    query: Option<&str>,
    after: &str,
    limit: i64,
    plan: Plan,
) -> sqlx::Result<Vec<(i64, String)>> {
    let sql = match (query, plan) {
        (None, _) => "SELECT a.account_id, a.reference FROM candidate_access a
             WHERE a.partner_id = $1 AND a.reference > $2 ORDER BY a.reference LIMIT $3"
            .to_owned(),
        (Some(_), Plan::ByReference) => format!(
            "SELECT a.account_id, a.reference FROM candidate_access a
             WHERE a.partner_id = $1 AND a.reference > $2 AND {} ORDER BY a.reference LIMIT $3",
            text_condition(backend, 4)
        ),
        (Some(_), Plan::ByMatch) => format!(
            "SELECT a.account_id, a.reference FROM {} AND a.reference > $2 ORDER BY a.reference LIMIT $3",
            matches_join(backend, 4)
        ),
    };
    let mut q = sqlx::query_as(&sql).bind(partner_id).bind(after).bind(limit);
    if let Some(query) = query {
        q = q.bind(query);
    }
    q.fetch_all(db).await
}

/// How many candidates the partner may see (that match `query`), counted up to `cap`: the
/// count stops at the cap, so it costs at most `cap` rows of the partner's plus, with a
/// query, the matches read up to there.
pub async fn count<'c>(
    db: impl Db<'c>,
    backend: Backend,
    partner_id: i64,
    query: Option<&str>,
    cap: i64,
) -> sqlx::Result<i64> {
    let sql = match query {
        None => "SELECT COUNT(*) FROM (SELECT 1 FROM candidate_access a WHERE a.partner_id = $1 LIMIT $2) c".to_owned(),
        Some(_) => format!("SELECT COUNT(*) FROM (SELECT 1 FROM {} LIMIT $2) c", matches_join(backend, 3)),
    };
    let mut q = sqlx::query_scalar(&sql).bind(partner_id).bind(cap);
    if let Some(query) = query {
        q = q.bind(query);
    }
    q.fetch_one(db).await
}

/// The account behind the partner's reference, if the partner may see it.
pub async fn find<'c>(db: impl Db<'c>, partner_id: i64, reference: &str) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar("SELECT account_id FROM candidate_access WHERE partner_id = $1 AND reference = $2")
        .bind(partner_id)
        .bind(reference)
        .fetch_optional(db)
        .await
}

/// The stored documents of these candidates (persons with a profile and visibility choices).
pub async fn documents<'c>(db: impl Db<'c>, ids: &[i64]) -> sqlx::Result<Vec<CandidateRow>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT p.account_id, a.secret, p.data AS profile, v.data AS visibility, p.reference_salt FROM profiles p
         JOIN visibility v ON v.account_id = p.account_id
         JOIN accounts a ON a.id = p.account_id
         WHERE a.role = 'person' AND p.account_id IN ({})",
        placeholders.join(", ")
    );
    let mut q = sqlx::query_as(&sql);
    for id in ids {
        q = q.bind(*id);
    }
    q.fetch_all(db).await
}

/// Every partner's id and slug.
pub async fn partners<'c>(db: impl Db<'c>) -> sqlx::Result<Vec<(i64, String)>> {
    sqlx::query_as("SELECT id, slug FROM partners ORDER BY id").fetch_all(db).await
}

/// Every account with a profile, from `after` on, `limit` of them (to rebuild the index).
pub async fn profiles_after<'c>(db: impl Db<'c>, after: i64, limit: i64) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar("SELECT account_id FROM profiles WHERE account_id > $1 ORDER BY account_id LIMIT $2")
        .bind(after)
        .bind(limit)
        .fetch_all(db)
        .await
}

/// The version the index of `name` was built by (0: never).
pub async fn version<'c>(db: impl Db<'c>, name: &str) -> sqlx::Result<i64> {
    Ok(sqlx::query_scalar("SELECT version FROM derived_versions WHERE name = $1")
        .bind(name)
        .fetch_optional(db)
        .await?
        .unwrap_or(0))
}

/// Records that the index of `name` is built by `version`.
pub async fn set_version<'c>(db: impl Db<'c>, name: &str, version: i64) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO derived_versions (name, version) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET version = excluded.version",
    )
    .bind(name)
    .bind(version)
    .execute(db)
    .await?;
    Ok(())
}
