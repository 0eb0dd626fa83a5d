//! Per-account JSON documents (profile, visibility) with a version for optimistic
//! concurrency: `ETag` on read, `If-Match` required on write — missing → 428, stale → 412
//! (RFC 9110 §13.1.1, RFC 6585 §3). The version check and the write are one statement, so
//! two devices saving at once cannot both win.

use serde::de::DeserializeOwned;
use serde::Serialize;
use zelfregie_model::ErrorCode;

use crate::error::Error;
use crate::store::documents::{self, Table};
use crate::store::{now, Db, Store, Tx};

/// Which document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Document {
    /// `profiles`: the candidate profile.
    Profile,
    /// `visibility`: who sees it.
    Visibility,
    /// `participants`: the academy registration.
    Participant,
}

impl Document {
    /// Its name, as in its version tag (`"profile-3"`, `http/extract.rs` in the server).
    pub fn name(self) -> &'static str {
        match self {
            Document::Profile => "profile",
            Document::Visibility => "visibility",
            Document::Participant => "participant",
        }
    }

    fn table(self) -> Table {
        match self {
            Document::Profile => Table::Profiles,
            Document::Visibility => Table::Visibility,
            Document::Participant => Table::Participants,
        }
    }

    /// The stored document and its version; the default document at version 0 when none
    /// was saved yet.
    pub async fn load<T: DeserializeOwned + Default>(self, store: &Store, account_id: i64) -> Result<(T, i64), Error> {
        match documents::load(store.pool(), self.table(), account_id).await? {
            Some((data, version)) => {
                let value = serde_json::from_str(&data).map_err(|e| anyhow::anyhow!("stored {}: {e}", self.name()))?;
                Ok((value, version))
            }
            None => Ok((T::default(), 0)),
        }
    }

    /// Whether the document was ever saved.
    pub async fn exists(self, store: &Store, account_id: i64) -> Result<bool, Error> {
        Ok(documents::load(store.pool(), self.table(), account_id).await?.is_some())
    }

    /// Saves `value` if the stored version is still `expected`; returns the new version, or
    /// 412 when someone saved in between.
    pub async fn save<T: Serialize>(
        self,
        store: &Store,
        account_id: i64,
        expected: i64,
        value: &T,
    ) -> Result<i64, Error> {
        let data = serde_json::to_string(value).map_err(anyhow::Error::from)?;
        let saved = if self != Document::Participant {
            // The profile and the visibility choices: the candidate index follows in the
            // same transaction (docs/storage.md "Recruiter search").
            let mut tx = store.begin_for_account(account_id).await?;
            let saved = if expected == 0 {
                documents::insert_first(&mut *tx, self.table(), account_id, &data, now()).await?
            } else {
                documents::replace(&mut *tx, self.table(), account_id, expected, &data, now()).await?
            };
            if saved.is_none() {
                return Err(Error::code(ErrorCode::PreconditionFailed));
            }
            if expected == 0 && self == Document::Profile {
                // A new profile gets its own reference salt.
                let mut salt = [0u8; 16];
                rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut salt);
                documents::set_reference_salt(&mut *tx, account_id, &salt).await?;
            }
            crate::candidates::reindex(&mut tx, store.backend(), account_id).await?;
            tx.commit().await?;
            saved
        } else if expected == 0 {
            documents::insert_first(store.pool(), self.table(), account_id, &data, now()).await?
        } else {
            documents::replace(store.pool(), self.table(), account_id, expected, &data, now()).await?
        };
        saved.ok_or_else(|| Error::code(ErrorCode::PreconditionFailed))
    }

    /// Deletes the document (stopping as a course participant).
    pub async fn delete(self, tx: &mut Tx, account_id: i64) -> Result<(), Error> {
        Ok(documents::delete(&mut **tx, self.table(), account_id).await?)
    }
}

/// The person's name as the profile gives it ("Anna de Vries"), empty without a profile:
/// for the mailing processor and the page behind a transfer link.
pub async fn person_name<'c>(db: impl Db<'c>, account_id: i64) -> Result<String, Error> {
    let Some((data, _)) = documents::load(db, Table::Profiles, account_id).await? else { return Ok(String::new()) };
    let profile: zelfregie_model::Profile =
        serde_json::from_str(&data).map_err(|e| anyhow::anyhow!("stored profile: {e}"))?;
    Ok(profile.personal.full_name())
}
