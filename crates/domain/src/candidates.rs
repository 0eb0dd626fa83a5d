//! The candidate bank as recruiters meet it. Every recruiter response, search hit, count and
//! the candidate's own preview come from [`view_for`], which applies the shared model's
//! `recruiter_view` — the one function of (profile, visibility, partner).

use zelfregie_model::{
    recruiter_view, CandidateFilter, CandidateView, Disclosure, DisclosureKind, ErrorCode, Partner, Profile, Section,
    Visibility,
};

use crate::error::Error;
pub use crate::reference::{Candidate, ReferenceKey};
use crate::secrets::Key;
use crate::services::Services;
use crate::store::{candidate_index, disclosures, documents, now, Backend, Store, Tx};

/// The pseudonym shown in anonymous mode: stable per partner, derived from the reference.
pub fn pseudonym(reference: &str) -> String {
    format!("Kandidaat {}", reference[..6].to_uppercase())
}

impl Candidate {
    /// The candidate behind `account_id`.
    pub async fn load(store: &Store, account_id: i64) -> Result<Self, Error> {
        let secret =
            crate::store::accounts::secret(store.pool(), account_id).await?.ok_or(Error::code(ErrorCode::NotFound))?;
        let salt = documents::reference_salt(store.pool(), account_id).await?;
        Ok(Candidate { id: account_id, secret, salt })
    }
}

/// What recruiters of `partner_slug` receive about this candidate (or `None`).
pub fn view_for(
    key: &ReferenceKey,
    candidate: &Candidate,
    profile: &Profile,
    visibility: &Visibility,
    partner_slug: &str,
) -> Option<CandidateView> {
    let reference = key.reference(partner_slug, candidate);
    recruiter_view(profile, visibility, partner_slug, &reference, &pseudonym(&reference))
}

/// A stored candidate row, parsed.
fn parse(row: documents::CandidateRow) -> Result<(Candidate, Profile, Visibility), Error> {
    let visibility: Visibility =
        serde_json::from_str(&row.visibility).map_err(|e| anyhow::anyhow!("stored visibility: {e}"))?;
    let profile = serde_json::from_str(&row.profile).map_err(|e| anyhow::anyhow!("stored profile: {e}"))?;
    Ok((Candidate { id: row.account_id, secret: row.secret, salt: row.reference_salt }, profile, visibility))
}

/// Which version of [`reindex`] built the stored index: raise it when what is indexed
/// changes, and every server rebuilds the index once at start.
/// 2: the facets the filters read (`candidate_facets`).
const INDEX_VERSION: i64 = 2;
const INDEX_NAME: &str = "candidate_index";

/// What the index needs besides the candidate: the key and every partner (id, slug).
pub struct IndexContext {
    key: ReferenceKey,
    partners: Vec<(i64, String)>,
}

impl IndexContext {
    /// Reads the reference key and the partners inside the transaction.
    pub async fn load(tx: &mut Tx) -> Result<Self, Error> {
        let key = crate::store::accounts::stored_secret(&mut **tx, "candidate_reference")
            .await?
            .ok_or_else(|| anyhow::anyhow!("the candidate reference key is missing"))?;
        let key = Key::from_bytes(key.try_into().map_err(|_| anyhow::anyhow!("candidate reference key length"))?);
        Ok(IndexContext { key: ReferenceKey(key), partners: candidate_index::partners(&mut **tx).await? })
    }
}

/// Brings the candidate index of `account_id` up to date with its stored profile and
/// visibility choices, inside the transaction that changed them (docs/storage.md
/// "Recruiter search"): a row per partner whose recruiters get a view from [`view_for`],
/// under that view's reference, and the view's search text and facets (what the filters
/// read). Both are the same for every admitted partner (the model's property test checks
/// this), so they are stored once.
///
/// A partner whose recruiters opened the profile in the last 12 months and whose reference
/// stops working here is told: the reference answers "withdrawn" ([`withdrawn_marks`]).
pub async fn reindex(tx: &mut Tx, backend: Backend, account_id: i64) -> Result<(), Error> {
    let opened = opened_lately(tx, account_id).await?;
    let row = candidate_index::documents(&mut **tx, &[account_id]).await?.into_iter().next();
    match row {
        None => candidate_index::remove(tx, backend, account_id).await?,
        Some(row) => {
            let context = IndexContext::load(tx).await?;
            reindex_row(tx, backend, &context, row, true).await?;
        }
    }
    withdrawn_marks(tx, account_id, opened).await
}

/// How long a partner that opened a profile is told when it is withdrawn, and how long the
/// mark stays: 12 months.
pub const WITHDRAWN_TOLD_SECS: i64 = 365 * 86_400;

/// The references of partners that opened the profile in the last 12 months.
async fn opened_lately(tx: &mut Tx, account_id: i64) -> Result<Vec<(i64, String)>, Error> {
    Ok(crate::store::withdrawals::opened_access(&mut **tx, account_id, crate::store::now() - WITHDRAWN_TOLD_SECS)
        .await?)
}

/// Marks as withdrawn each of `opened` that no longer reaches the candidate (docs/security.md
/// "Corrections are passed on").
async fn withdrawn_marks(tx: &mut Tx, account_id: i64, opened: Vec<(i64, String)>) -> Result<(), Error> {
    let now = crate::store::now();
    for (partner_id, reference) in opened {
        if !crate::store::withdrawals::still_open(&mut **tx, partner_id, &reference).await? {
            crate::store::withdrawals::mark(&mut **tx, partner_id, &reference, account_id, now).await?;
        }
    }
    Ok(())
}

/// Deletes marks of withdrawn references older than 12 months.
pub async fn purge_withdrawn(store: &Store) -> sqlx::Result<u64> {
    crate::store::withdrawals::purge(store.pool(), crate::store::now() - WITHDRAWN_TOLD_SECS).await
}

/// Who was told that the profile was withdrawn, and when, newest first.
pub async fn withdrawals_told(
    store: &Store,
    account_id: i64,
) -> Result<Vec<zelfregie_model::disclosure::WithdrawalTold>, Error> {
    let rows = crate::store::withdrawals::of_account(store.pool(), account_id).await?;
    Ok(rows
        .into_iter()
        .map(|(partner, at)| zelfregie_model::disclosure::WithdrawalTold { partner, at: crate::store::to_datetime(at) })
        .collect())
}

/// [`reindex`] for a row already read; `replace`: whether rows may exist already.
pub async fn reindex_row(
    tx: &mut Tx,
    backend: Backend,
    context: &IndexContext,
    row: documents::CandidateRow,
    replace: bool,
) -> Result<(), Error> {
    let (candidate, profile, visibility) = parse(row)?;
    let mut access = Vec::new();
    let mut text = None;
    for (partner_id, slug) in &context.partners {
        if let Some(view) = view_for(&context.key, &candidate, &profile, &visibility, slug) {
            text.get_or_insert_with(|| (view.search_text(), view.facets()));
            access.push((*partner_id, view.reference));
        }
    }
    let text = text.as_ref().map(|(words, facets)| (words.as_str(), facets));
    if replace {
        candidate_index::remove(tx, backend, candidate.id).await?;
    }
    candidate_index::insert(tx, backend, candidate.id, &access, text).await?;
    Ok(())
}

/// Rebuilds the whole index when it was built by an older [`reindex`] (or never: the
/// profiles stored before the index existed), in transactions of 500 candidates.
pub async fn rebuild_index_if_old(store: &Store) -> Result<(), Error> {
    if candidate_index::version(store.pool(), INDEX_NAME).await? >= INDEX_VERSION {
        return Ok(());
    }
    let started = std::time::Instant::now();
    let (mut after, mut n) = (0i64, 0usize);
    loop {
        let ids = candidate_index::profiles_after(store.pool(), after, 500).await?;
        let Some(&last) = ids.last() else { break };
        let mut tx = store.begin_exclusive().await?;
        let context = IndexContext::load(&mut tx).await?;
        for id in &ids {
            candidate_index::remove(&mut tx, store.backend(), *id).await?;
        }
        for row in candidate_index::documents(&mut *tx, &ids).await? {
            reindex_row(&mut tx, store.backend(), &context, row, false).await?;
        }
        tx.commit().await?;
        n += ids.len();
        after = last;
    }
    candidate_index::set_version(store.pool(), INDEX_NAME, INDEX_VERSION).await?;
    tracing::info!(profiles = n, ms = started.elapsed().as_millis() as u64, "candidate index rebuilt");
    Ok(())
}

/// One page of a partner's candidates, as [`view_for`] makes them.
pub struct Page {
    /// `(account id, view)` in reference order.
    pub hits: Vec<(i64, CandidateView)>,
    /// How many candidates the partner may see that match, up to `CANDIDATES_COUNTED`.
    pub total: usize,
    /// Whether more match than that.
    pub more: bool,
    /// The reference to continue after, when there are more.
    pub next: Option<String>,
}

/// The candidates `partner_id` may see whose view has every word of `query` (all when
/// there are none) and passes `filter`, `per_page` of them after the reference `after`. The
/// index chooses and orders; every answer is then built by [`view_for`] from the stored
/// documents, and a row the view does not confirm (same reference, same match, same
/// filters) is left out.
///
/// The matches are counted up to `counted` (`CANDIDATES_COUNTED`; tests choose others to
/// cross the cap with a few candidates). The count comes first and is cheap (it stops at the
/// cap); it chooses how the page is found (docs/storage.md "Recruiter search"): up to the cap
/// the matches are sorted, beyond it the partner's rows are walked in reference order. Both
/// give the same page.
#[allow(clippy::too_many_arguments)]
pub async fn search(
    store: &Store,
    key: &ReferenceKey,
    partner_id: i64,
    partner_slug: &str,
    query: &str,
    filter: &CandidateFilter,
    after: &str,
    per_page: usize,
    counted: usize,
) -> Result<Page, Error> {
    let criteria = candidate_index::Criteria::new(store.backend(), query, filter);
    let cap = i64::try_from(counted.saturating_add(1)).unwrap_or(i64::MAX);
    let found = candidate_index::count(store.pool(), store.backend(), partner_id, &criteria, cap).await?;
    let found = usize::try_from(found).unwrap_or(0);
    let plan = if found > counted { candidate_index::Plan::ByReference } else { candidate_index::Plan::ByMatch };
    let limit = i64::try_from(per_page + 1).unwrap_or(i64::MAX);
    let mut rows =
        candidate_index::page(store.pool(), store.backend(), partner_id, &criteria, after, limit, plan).await?;
    let next = (rows.len() > per_page).then(|| {
        rows.truncate(per_page);
        rows.last().map(|(_, r)| r.clone())
    });
    let ids: Vec<i64> = rows.iter().map(|(id, _)| *id).collect();
    let mut documents: std::collections::HashMap<i64, documents::CandidateRow> =
        candidate_index::documents(store.pool(), &ids).await?.into_iter().map(|r| (r.account_id, r)).collect();
    let mut hits = Vec::with_capacity(rows.len());
    for (id, reference) in rows {
        let Some(row) = documents.remove(&id) else { continue };
        let (candidate, profile, visibility) = parse(row)?;
        match view_for(key, &candidate, &profile, &visibility, partner_slug) {
            Some(view) if view.reference == reference && view.matches(query) && view.passes(filter) => {
                hits.push((id, view))
            }
            // Saved between the two reads (the index and the documents), or a bug: the
            // view decides, the index never shows more.
            _ => tracing::warn!(account_id = id, "candidate index row not confirmed by the view"),
        }
    }
    Ok(Page { hits, total: found.min(counted), more: found > counted, next: next.flatten() })
}

/// The candidate behind a partner's reference, as [`view_for`] makes it for that partner.
pub async fn open(
    store: &Store,
    key: &ReferenceKey,
    partner_id: i64,
    partner_slug: &str,
    reference: &str,
) -> Result<Option<(i64, CandidateView)>, Error> {
    let Some(id) = candidate_index::find(store.pool(), partner_id, reference).await? else { return Ok(None) };
    let Some(row) = candidate_index::documents(store.pool(), &[id]).await?.into_iter().next() else {
        return Ok(None);
    };
    let (candidate, profile, visibility) = parse(row)?;
    Ok(view_for(key, &candidate, &profile, &visibility, partner_slug)
        .filter(|v| v.reference == reference)
        .map(|v| (id, v)))
}

/// A recruiter of `partner_id` opens the candidate behind `reference`: the view, logged for
/// the candidate. A profile this partner opened and then lost says so (`profile_withdrawn`,
/// docs/security.md "Corrections are passed on"); any other reference is simply unknown.
pub async fn open_for_partner(
    state: &Services,
    partner_id: i64,
    partner_slug: &str,
    reference: &str,
) -> Result<CandidateView, Error> {
    let Some((id, view)) = open(&state.db, &state.reference_key, partner_id, partner_slug, reference).await? else {
        let withdrawn = crate::store::withdrawals::is_withdrawn(state.db.pool(), partner_id, reference).await?;
        return Err(Error::code(if withdrawn { ErrorCode::ProfileWithdrawn } else { ErrorCode::NotFound }));
    };
    log_disclosures(&state.db, partner_id, DisclosureKind::Opened, &[(id, &view)]).await?;
    Ok(view)
}

/// Records that `partner_id` received each `(candidate, view)`, in one transaction: one
/// entry per candidate, partner, day, kind and set of sections, whose count goes up.
pub async fn log_disclosures(
    store: &Store,
    partner_id: i64,
    kind: DisclosureKind,
    shown: &[(i64, &CandidateView)],
) -> Result<(), Error> {
    let at = now();
    let day = crate::store::to_datetime(at).date().to_string();
    let mut entries = Vec::with_capacity(shown.len());
    for (account_id, view) in shown {
        entries.push((*account_id, serde_json::to_string(&view.sections()).map_err(anyhow::Error::from)?));
    }
    // One statement per 100 candidates (a page holds at most 200), in one transaction.
    let mut tx = store.begin().await?;
    for chunk in entries.chunks(100) {
        disclosures::record_many(&mut *tx, partner_id, &day, at, kind.as_str(), chunk).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Records that staff in `role` saw data of each of `account_ids` (`kind` says how), in one
/// transaction: one entry per person, kind and day, whose count goes up, as recruiters' are.
pub async fn log_staff_access(
    store: &Store,
    role: zelfregie_model::Role,
    kind: DisclosureKind,
    account_ids: &[i64],
) -> Result<(), Error> {
    debug_assert!(kind.by_staff());
    let at = now();
    let day = crate::store::to_datetime(at).date().to_string();
    let mut tx = store.begin().await?;
    for account_id in account_ids {
        disclosures::record_staff(&mut *tx, *account_id, role.as_str(), kind.as_str(), &day, at).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// `limit` entries of the candidate's disclosure log from `offset`, newest first, and the
/// number of entries in all (`limit = None`: the whole log, for the export).
pub async fn disclosure_log(
    store: &Store,
    account_id: i64,
    limit: Option<i64>,
    offset: i64,
) -> Result<(Vec<Disclosure>, u64), Error> {
    let rows = disclosures::page(store.pool(), account_id, limit.unwrap_or(i64::MAX), offset).await?;
    let total = disclosures::count(store.pool(), account_id).await?;
    let entries = rows
        .into_iter()
        .map(|d| {
            let kind = DisclosureKind::parse(&d.kind).ok_or_else(|| anyhow::anyhow!("unknown disclosure kind"))?;
            Ok(Disclosure {
                partner: kind.staff_organisation().unwrap_or(Partner { slug: d.slug, name: d.name }),
                at: crate::store::to_datetime(d.at),
                first_at: crate::store::to_datetime(d.first_at),
                count: u32::try_from(d.count).unwrap_or(u32::MAX),
                kind,
                sections: serde_json::from_str::<Vec<Section>>(&d.sections).map_err(anyhow::Error::from)?,
            })
        })
        .collect::<Result<_, Error>>()?;
    Ok((entries, u64::try_from(total).unwrap_or(0)))
}

/// Deletes the person's candidate profile with its visibility choices and the disclosure log
/// about it, in one transaction; account, academy, newsletter and transfers stay. References
/// recruiters hold stop working at once (the profile is gone, and a new one gets a new
/// salt). On SQLite the write-ahead log is cleared of it too.
pub async fn delete_profile(store: &Store, account_id: i64) -> Result<documents::ProfileRows, Error> {
    let mut tx = store.begin_exclusive().await?;
    crate::listing::withdraw_if_listed(&mut tx, account_id).await?;
    let opened = opened_lately(&mut tx, account_id).await?;
    let rows = documents::delete_profile(&mut tx, account_id).await?;
    withdrawn_marks(&mut tx, account_id, opened).await?;
    tx.commit().await?;
    store.checkpoint().await;
    tracing::info!(
        account_id,
        profiles = rows.0,
        visibility = rows.1,
        disclosures = rows.2,
        "candidate profile deleted"
    );
    Ok(rows)
}
