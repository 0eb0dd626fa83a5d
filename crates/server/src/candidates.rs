//! The candidate bank as recruiters meet it. Every recruiter response, search hit, count and
//! the candidate's own preview come from [`view_for`], which applies the shared model's
//! `recruiter_view` — the one function of (profile, visibility, partner).

use zelfregie_model::{
    recruiter_view, CandidateView, Disclosure, DisclosureKind, ErrorCode, Partner, Profile, Section, Visibility,
};

use crate::error::AppError;
use crate::secrets::Key;
use crate::store::{disclosures, documents, now, Store};

/// The key for per-partner references, made once per database.
#[derive(Clone, Debug)]
pub struct ReferenceKey(Key);

impl ReferenceKey {
    /// Loads the key, creating it on first start.
    pub async fn load(store: &Store) -> anyhow::Result<Self> {
        Ok(ReferenceKey(Key::load(store, "candidate_reference").await?))
    }

    /// The opaque reference of a candidate for one partner: stable, and different for every
    /// partner, so two partners cannot link what they saw. The account's random secret is
    /// part of it: a reference to an erased person never opens anyone else. So is the
    /// profile's own salt: a reference to a deleted profile never opens the next one.
    pub fn reference(&self, partner_slug: &str, account: &Candidate) -> String {
        let id = account.id.to_be_bytes();
        let tag = match &account.salt {
            Some(salt) => self.0.sign(&[partner_slug.as_bytes(), &id, &account.secret, salt]),
            None => self.0.sign(&[partner_slug.as_bytes(), &id, &account.secret]),
        };
        hex::encode(&tag[..10])
    }
}

/// The pseudonym shown in anonymous mode: stable per partner, derived from the reference.
pub fn pseudonym(reference: &str) -> String {
    format!("Kandidaat {}", reference[..6].to_uppercase())
}

/// A candidate's account: its id and the random secret references are derived with.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// The account id.
    pub id: i64,
    /// The account's secret ([`crate::accounts::new_secret`]).
    pub secret: Vec<u8>,
    /// The profile's random salt (none for profiles made before salts existed).
    pub salt: Option<Vec<u8>>,
}

impl Candidate {
    /// The candidate behind `account_id`.
    pub async fn load(store: &Store, account_id: i64) -> Result<Self, AppError> {
        let secret = crate::store::accounts::secret(store.pool(), account_id)
            .await?
            .ok_or(AppError::code(ErrorCode::NotFound))?;
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

/// Every person with a profile who is in the candidate bank at all (not yet filtered per
/// partner), by account.
pub async fn listed(store: &Store) -> Result<Vec<(Candidate, Profile, Visibility)>, AppError> {
    let mut out = Vec::new();
    for row in documents::candidates(store.pool()).await? {
        let visibility: Visibility =
            serde_json::from_str(&row.visibility).map_err(|e| anyhow::anyhow!("stored visibility: {e}"))?;
        if !visibility.listed {
            continue;
        }
        let profile = serde_json::from_str(&row.profile).map_err(|e| anyhow::anyhow!("stored profile: {e}"))?;
        out.push((Candidate { id: row.account_id, secret: row.secret, salt: row.reference_salt }, profile, visibility));
    }
    Ok(out)
}

/// Records that `partner_id` received each `(candidate, view)`, in one transaction: one
/// entry per candidate, partner, day, kind and set of sections, whose count goes up.
pub async fn log_disclosures(
    store: &Store,
    partner_id: i64,
    kind: DisclosureKind,
    shown: &[(i64, &CandidateView)],
) -> Result<(), AppError> {
    let at = now();
    let day = crate::store::to_datetime(at).date().to_string();
    let mut tx = store.begin().await?;
    for (account_id, view) in shown {
        let sections = serde_json::to_string(&view.sections()).map_err(anyhow::Error::from)?;
        disclosures::record(&mut *tx, *account_id, partner_id, &day, at, kind.as_str(), &sections).await?;
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
) -> Result<(), AppError> {
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
) -> Result<(Vec<Disclosure>, u64), AppError> {
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
        .collect::<Result<_, AppError>>()?;
    Ok((entries, u64::try_from(total).unwrap_or(0)))
}

/// Deletes the person's candidate profile with its visibility choices and the disclosure log
/// about it, in one transaction; account, academy, newsletter and transfers stay. References
/// recruiters hold stop working at once (the profile is gone, and a new one gets a new
/// salt). On SQLite the write-ahead log is cleared of it too.
pub async fn delete_profile(store: &Store, account_id: i64) -> Result<documents::ProfileRows, AppError> {
    let mut tx = store.begin_exclusive().await?;
    crate::listing::withdraw_if_listed(&mut tx, account_id).await?;
    let rows = documents::delete_profile(&mut tx, account_id).await?;
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
