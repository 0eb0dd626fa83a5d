//! The candidate bank's index (docs/storage.md "Recruiter search"): per partner, which
//! candidates its recruiters may see under which reference, and per candidate the words of
//! what recruiters see, and the facets its filters read. Written only by `crate::candidates::reindex`, in the transaction that
//! saves the profile or the visibility choices; deleted with the profile by the database.

use zelfregie_model::recruiter_search::Facets;
use zelfregie_model::CandidateFilter;

use super::documents::CandidateRow;
use super::{Backend, Db, Tx};

/// Writes the rows of a candidate without rows (to replace them, [`remove`] them first):
/// `access` is `(partner id, reference)` for every partner that may see them, `text` what
/// they may search (none: not in the bank).
pub async fn insert(
    tx: &mut Tx,
    backend: Backend,
    account_id: i64,
    access: &[(i64, String)],
    text: Option<(&str, &Facets)>,
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
    if let Some((text, facets)) = text {
        sqlx::query(&format!("INSERT INTO candidate_text ({}, body) VALUES ($1, $2)", id_column(backend)))
            .bind(account_id)
            .bind(text)
            .execute(&mut **tx)
            .await?;
        let (place, hours, level) = stored_facets(facets);
        sqlx::query("INSERT INTO candidate_facets (account_id, place, hours, level) VALUES ($1, $2, $3, $4)")
            .bind(account_id)
            .bind(place)
            .bind(hours)
            .bind(level)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Deletes the candidate's rows (deleting the profile does this by itself).
pub async fn remove(tx: &mut Tx, backend: Backend, account_id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM candidate_access WHERE account_id = $1").bind(account_id).execute(&mut **tx).await?;
    sqlx::query("DELETE FROM candidate_facets WHERE account_id = $1").bind(account_id).execute(&mut **tx).await?;
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

/// The facets of a candidate as `candidate_facets` stores them (see
/// `zelfregie_model::recruiter_search::Facets`): place normalized, hours in tenths, level
/// as its rung; `None` (NULL) where the view does not show it.
pub fn stored_facets(facets: &Facets) -> (Option<String>, Option<i64>, Option<i64>) {
    (facets.place.clone(), facets.hours.map(|h| i64::from(h.as_tenths())), facets.level.map(i64::from))
}

/// What a search asks of the index: the words ([`text_query`]) and the filters, each
/// optional. A filter compares with `candidate_facets`, where a value the view does not show
/// is NULL, and NULL passes no comparison.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Criteria {
    /// The full-text query, if there are words.
    pub text: Option<String>,
    /// The place of residence, normalized.
    pub place: Option<String>,
    /// Hours per week at least, in tenths.
    pub hours_min: Option<i64>,
    /// Hours per week at most, in tenths.
    pub hours_max: Option<i64>,
    /// The level's rung at least.
    pub level: Option<i64>,
}

enum Bind {
    Text(String),
    Int(i64),
}

impl Criteria {
    /// Words only (`text` from [`text_query`]); the tests' yardstick.
    #[cfg(feature = "testing")]
    pub fn text(text: &str) -> Criteria {
        Criteria { text: Some(text.to_owned()), ..Criteria::default() }
    }

    /// The words of `query` and the filters of `filter`.
    pub fn new(backend: Backend, query: &str, filter: &CandidateFilter) -> Criteria {
        let words = zelfregie_model::search_words(query);
        Criteria {
            text: (!words.is_empty()).then(|| text_query(backend, &words)),
            place: filter.place.clone(),
            hours_min: filter.hours_min.map(|h| i64::from(h.as_tenths())),
            hours_max: filter.hours_max.map(|h| i64::from(h.as_tenths())),
            level: filter.level.map(|l| i64::from(l.rank())),
        }
    }

    fn has_facets(&self) -> bool {
        self.place.is_some() || self.hours_min.is_some() || self.hours_max.is_some() || self.level.is_some()
    }

    /// The filters' conditions on `f`, with parameters from `$n`, and their values.
    fn facet_conditions(&self, n: usize) -> (Vec<String>, Vec<Bind>) {
        let mut conditions = Vec::new();
        let mut binds = Vec::new();
        let mut add = |sql: &str, bind: Bind| {
            conditions.push(format!("{sql} ${}", n + binds.len()));
            binds.push(bind);
        };
        if let Some(place) = &self.place {
            add("f.place =", Bind::Text(place.clone()));
        }
        if let Some(h) = self.hours_min {
            add("f.hours >=", Bind::Int(h));
        }
        if let Some(h) = self.hours_max {
            add("f.hours <=", Bind::Int(h));
        }
        if let Some(l) = self.level {
            add("f.level >=", Bind::Int(l));
        }
        (conditions, binds)
    }

    /// The matches (of the words and the filters) joined to the partner's rows (`a`, partner
    /// `$1`), the matches first: each match is looked up once in
    /// `candidate_access_by_account`, in account order, and nothing is read for a candidate
    /// that does not match. `(FROM, WHERE, values from $n)`. For [`count`] and
    /// [`Plan::ByMatch`]; only when there are words or filters.
    fn matches(&self, backend: Backend, n: usize) -> (String, String, Vec<Bind>) {
        // CROSS JOIN: SQLite keeps this order (the matches outside).
        let join = match backend {
            Backend::Sqlite => "CROSS JOIN",
            Backend::Postgres => "JOIN",
        };
        let mut binds = Vec::new();
        let mut conditions = Vec::new();
        let from = match (&self.text, backend) {
            (Some(text), Backend::Sqlite) => {
                conditions.push(format!("candidate_text MATCH ${n}"));
                binds.push(Bind::Text(text.clone()));
                let mut from = "candidate_text CROSS JOIN candidate_access a ON a.account_id = candidate_text.rowid AND a.partner_id = $1".to_owned();
                if self.has_facets() {
                    from.push_str(" CROSS JOIN candidate_facets f ON f.account_id = a.account_id");
                }
                from
            }
            (Some(text), Backend::Postgres) => {
                conditions.push(format!("t.words @@ to_tsquery('simple', ${n})"));
                binds.push(Bind::Text(text.clone()));
                let mut from =
                    "candidate_text t JOIN candidate_access a ON a.account_id = t.account_id AND a.partner_id = $1"
                        .to_owned();
                if self.has_facets() {
                    from.push_str(" JOIN candidate_facets f ON f.account_id = a.account_id");
                }
                from
            }
            (None, _) => {
                format!(
                    "candidate_facets f {join} candidate_access a ON a.account_id = f.account_id AND a.partner_id = $1"
                )
            }
        };
        let (facets, facet_binds) = self.facet_conditions(n + binds.len());
        conditions.extend(facets);
        binds.extend(facet_binds);
        (from, conditions.join(" AND "), binds)
    }
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

fn bind_all<'q, O>(
    mut q: sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments<'q>>,
    binds: Vec<Bind>,
) -> sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments<'q>> {
    for b in binds {
        q = match b {
            Bind::Text(s) => q.bind(s),
            Bind::Int(i) => q.bind(i),
        };
    }
    q
}

/// One page of the partner's candidates, in reference order after `after`: `(account id,
/// reference)`, of those that match `criteria` (none: every candidate the partner may see;
/// `plan` then does not matter).
pub async fn page<'c>(
    db: impl Db<'c>,
    backend: Backend,
    partner_id: i64,
    criteria: &Criteria,
    after: &str,
    limit: i64,
    plan: Plan,
) -> sqlx::Result<Vec<(i64, String)>> {
    let (sql, binds) = if criteria.text.is_none() && !criteria.has_facets() {
        (
            "SELECT a.account_id, a.reference FROM candidate_access a
             WHERE a.partner_id = $1 AND a.reference > $2 ORDER BY a.reference LIMIT $3"
                .to_owned(),
            Vec::new(),
        )
    } else if plan == Plan::ByReference {
        let mut conditions = Vec::new();
        let mut binds = Vec::new();
        if let Some(text) = &criteria.text {
            conditions.push(text_condition(backend, 4));
            binds.push(Bind::Text(text.clone()));
        }
        let (facets, facet_binds) = criteria.facet_conditions(4 + binds.len());
        conditions.extend(facets);
        binds.extend(facet_binds);
        // CROSS JOIN: SQLite keeps the partner's rows outside, walked in reference order.
        let join = match (criteria.has_facets(), backend) {
            (false, _) => "",
            (true, Backend::Sqlite) => "CROSS JOIN candidate_facets f ON f.account_id = a.account_id",
            (true, Backend::Postgres) => "JOIN candidate_facets f ON f.account_id = a.account_id",
        };
        (
            format!(
                "SELECT a.account_id, a.reference FROM candidate_access a {join}
                 WHERE a.partner_id = $1 AND a.reference > $2 AND {} ORDER BY a.reference LIMIT $3",
                conditions.join(" AND ")
            ),
            binds,
        )
    } else {
        let (from, conditions, binds) = criteria.matches(backend, 4);
        (
            format!(
                "SELECT a.account_id, a.reference FROM {from} WHERE {conditions} AND a.reference > $2
                 ORDER BY a.reference LIMIT $3"
            ),
            binds,
        )
    };
    let q = sqlx::query_as(&sql).bind(partner_id).bind(after).bind(limit);
    bind_all(q, binds).fetch_all(db).await
}

/// How many candidates the partner may see (that match `criteria`), counted up to `cap`:
/// the count stops at the cap, so it costs at most `cap` rows of the partner's plus, with
/// words or filters, the matches read up to there.
pub async fn count<'c>(
    db: impl Db<'c>,
    backend: Backend,
    partner_id: i64,
    criteria: &Criteria,
    cap: i64,
) -> sqlx::Result<i64> {
    let (sql, binds) = if criteria.text.is_none() && !criteria.has_facets() {
        (
            "SELECT COUNT(*) FROM (SELECT 1 FROM candidate_access a WHERE a.partner_id = $1 LIMIT $2) c".to_owned(),
            Vec::new(),
        )
    } else {
        let (from, conditions, binds) = criteria.matches(backend, 3);
        (format!("SELECT COUNT(*) FROM (SELECT 1 FROM {from} WHERE {conditions} LIMIT $2) c"), binds)
    };
    let q = sqlx::query_as::<_, (i64,)>(&sql).bind(partner_id).bind(cap);
    Ok(bind_all(q, binds).fetch_one(db).await?.0)
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
