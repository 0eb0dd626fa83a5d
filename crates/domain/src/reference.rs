//! The per-partner references of candidates: what a recruiter's link names, and nothing a
//! partner could match with another's.

use crate::secrets::Key;
use crate::store::Store;

/// The key for per-partner references, made once per database.
#[derive(Clone, Debug)]
pub struct ReferenceKey(pub(crate) Key);

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
