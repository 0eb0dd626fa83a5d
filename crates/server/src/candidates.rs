//! The candidate bank as recruiters meet it. Every recruiter response, search hit, count and
//! the candidate's own preview come from [`view_for`], which applies the shared model's
//! `recruiter_view` — the one function of (profile, visibility, partner).

use sqlx::SqlitePool;
use zelfregie_model::{recruiter_view, CandidateView, DisclosureKind, ErrorCode, Profile, Visibility};

use crate::db::now;
use crate::error::AppError;
use crate::secrets::Key;

/// The key for per-partner references, made once per database.
#[derive(Clone, Debug)]
pub struct ReferenceKey(Key);

impl ReferenceKey {
    /// Loads the key, creating it on first start.
    pub async fn load(db: &SqlitePool) -> anyhow::Result<Self> {
        Ok(ReferenceKey(Key::load(db, "candidate_reference").await?))
    }

    /// The opaque reference of a candidate for one partner: stable, and different for every
    /// partner, so two partners cannot link what they saw. The account's random secret is
    /// part of it: a reference to an erased person never opens anyone else.
    pub fn reference(&self, partner_slug: &str, account: &Candidate) -> String {
        hex::encode(&self.0.sign(&[partner_slug.as_bytes(), &account.id.to_be_bytes(), &account.secret])[..10])
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
    /// The account's secret ([`crate::db::new_account_secret`]).
    pub secret: Vec<u8>,
}

impl Candidate {
    /// The candidate behind `account_id`.
    pub async fn load(db: &SqlitePool, account_id: i64) -> Result<Self, AppError> {
        let secret = crate::db::account_secret(db, account_id).await?.ok_or(AppError::code(ErrorCode::NotFound))?;
        Ok(Candidate { id: account_id, secret })
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
pub async fn listed(db: &SqlitePool) -> Result<Vec<(Candidate, Profile, Visibility)>, AppError> {
    let rows: Vec<(i64, Vec<u8>, String, String)> = sqlx::query_as(
        "SELECT p.account_id, a.secret, p.data, v.data FROM profiles p
         JOIN visibility v ON v.account_id = p.account_id
         JOIN accounts a ON a.id = p.account_id
         WHERE a.role = 'person' AND json_extract(v.data, '$.listed') = 1
         ORDER BY p.account_id",
    )
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|(id, secret, p, v)| {
            let profile = serde_json::from_str(&p).map_err(|e| anyhow::anyhow!("stored profile: {e}"))?;
            let visibility = serde_json::from_str(&v).map_err(|e| anyhow::anyhow!("stored visibility: {e}"))?;
            Ok((Candidate { id, secret }, profile, visibility))
        })
        .collect()
}

/// Records that `partner_id` received each `(candidate, view)`, in one transaction: one
/// entry per candidate, partner, day, kind and set of sections, whose count goes up.
pub async fn log_disclosures(
    db: &SqlitePool,
    partner_id: i64,
    kind: DisclosureKind,
    shown: &[(i64, &CandidateView)],
) -> Result<(), AppError> {
    let at = now();
    let mut tx = db.begin().await?;
    for (account_id, view) in shown {
        let sections = serde_json::to_string(&view.sections()).map_err(anyhow::Error::from)?;
        sqlx::query(
            "INSERT INTO disclosures (account_id, partner_id, day, first_at, at, count, kind, sections)
             VALUES (?1, ?2, date(?3, 'unixepoch'), ?3, ?3, 1, ?4, ?5)
             ON CONFLICT (account_id, partner_id, day, kind, sections) DO UPDATE SET count = count + 1, at = excluded.at",
        )
        .bind(account_id)
        .bind(partner_id)
        .bind(at)
        .bind(kind.as_str())
        .bind(sections)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}
