//! The overview in one answer (`zelfregie_model::overview::Overview`), from the same functions
//! that answer the profile, visibility, newsletter, academy and disclosure endpoints.

use zelfregie_model::overview::Overview;
use zelfregie_model::{Profile, Visibility};

use crate::documents::Document;
use crate::error::Error;
use crate::store::Store;

/// What the overview of `account_id` shows.
pub async fn of(store: &Store, account_id: i64) -> Result<Overview, Error> {
    let (profile, _): (Profile, i64) = Document::Profile.load(store, account_id).await?;
    let (visibility, _): (Visibility, i64) = Document::Visibility.load(store, account_id).await?;
    let newsletter = crate::newsletter::status(store, account_id).await?.subscription;
    let academy = crate::academy::page(store, account_id).await?;
    let (newest, _) = crate::candidates::disclosure_log(store, account_id, Some(1), 0).await?;
    Ok(Overview { profile, visibility, newsletter, academy, last_look: newest.into_iter().next() })
}
