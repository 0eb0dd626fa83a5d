//! Consent to be listed in the candidate bank (docs/security.md "Listing consent"): turning
//! `Visibility::listed` on records `given` with the version of the text the person was shown,
//! turning it off records `withdrawn`, each in the same exclusive transaction as the saved
//! visibility, so the last event always matches the stored state, whatever two devices do.

use serde_json::json;
use zelfregie_model::listing;
use zelfregie_model::newsletter::{Channel, ConsentEvent, ConsentEventKind, ConsentText};
use zelfregie_model::{ErrorCode, FieldError, Visibility};

use crate::error::AppError;
use crate::state::AppState;
use crate::store::consent_log::ConsentLog;
use crate::store::documents::{self, Table};
use crate::store::{now, Db, Tx};

/// The listing consent events of an account, oldest first.
pub async fn events<'c>(db: impl Db<'c>, account_id: i64) -> Result<Vec<ConsentEvent>, AppError> {
    crate::newsletter::events_in(db, ConsentLog::Listing, account_id).await
}

/// Appends an event for `text`.
pub(crate) async fn append(
    tx: &mut Tx,
    account_id: i64,
    kind: ConsentEventKind,
    text: &ConsentText,
    channel: Channel,
) -> sqlx::Result<()> {
    crate::newsletter::append_to(tx, ConsentLog::Listing, account_id, kind, text, channel).await
}

/// The text of the latest `given` (what a withdrawal withdraws); the current one when there
/// is none (a listing made before consent was recorded).
async fn agreed_text(tx: &mut Tx, account_id: i64) -> Result<&'static ConsentText, AppError> {
    let history = events(&mut **tx, account_id).await?;
    Ok(history
        .iter()
        .rev()
        .find(|e| e.kind == ConsentEventKind::Given)
        .and_then(|e| listing::text_of(e.text_version))
        .unwrap_or_else(listing::current))
}

/// Whether the stored visibility of `account_id` lists the profile.
async fn stored_listed(tx: &mut Tx, account_id: i64) -> Result<(bool, i64), AppError> {
    match documents::load(&mut **tx, Table::Visibility, account_id).await? {
        Some((data, version)) => {
            let v: Visibility = serde_json::from_str(&data).map_err(|e| anyhow::anyhow!("stored visibility: {e}"))?;
            Ok((v.listed, version))
        }
        None => Ok((false, 0)),
    }
}

/// Saves the visibility if the stored version is still `expected` (else 412), recording the
/// consent when `listed` changes. Turning it on needs `consent_text_version`: the current
/// listing text's version (absent: `required`; another: `consent_text_outdated`, on the
/// field `listed`). The version is never stored in the document.
pub async fn save_visibility(
    state: &AppState,
    account_id: i64,
    expected: i64,
    mut visibility: Visibility,
) -> Result<(Visibility, i64), AppError> {
    let shown = visibility.consent_text_version.take();
    let data = serde_json::to_string(&visibility).map_err(anyhow::Error::from)?;
    // Saves of one person's documents take turns; the candidate index follows in the same
    // transaction (docs/storage.md "Recruiter search").
    let mut tx = state.db.begin_for_account(account_id).await?;
    let (was_listed, version) = stored_listed(&mut tx, account_id).await?;
    if version != expected {
        return Err(AppError::code(ErrorCode::PreconditionFailed));
    }
    let text = listing::current();
    if visibility.listed && !was_listed {
        match shown {
            None => return Err(AppError::validation(vec![FieldError::new("listed", ErrorCode::Required)])),
            Some(v) if v != text.version => {
                return Err(AppError::validation(vec![FieldError::new("listed", ErrorCode::ConsentTextOutdated)]))
            }
            Some(_) => {}
        }
    }
    let saved = if expected == 0 {
        documents::insert_first(&mut *tx, Table::Visibility, account_id, &data, now()).await?
    } else {
        documents::replace(&mut *tx, Table::Visibility, account_id, expected, &data, now()).await?
    };
    let saved = saved.ok_or_else(|| AppError::code(ErrorCode::PreconditionFailed))?;
    match (was_listed, visibility.listed) {
        (false, true) => append(&mut tx, account_id, ConsentEventKind::Given, text, Channel::Portal).await?,
        (true, false) => {
            let agreed = agreed_text(&mut tx, account_id).await?;
            append(&mut tx, account_id, ConsentEventKind::Withdrawn, agreed, Channel::Portal).await?;
        }
        _ => {}
    }
    crate::candidates::reindex(&mut tx, state.db.backend(), account_id).await?;
    tx.commit().await?;
    Ok((visibility, saved))
}

/// Records the withdrawal when the profile is deleted while listed (inside the deletion's
/// transaction, before the visibility goes).
pub(crate) async fn withdraw_if_listed(tx: &mut Tx, account_id: i64) -> Result<(), AppError> {
    if stored_listed(tx, account_id).await?.0 {
        let agreed = agreed_text(tx, account_id).await?;
        append(tx, account_id, ConsentEventKind::Withdrawn, agreed, Channel::Portal).await?;
    }
    Ok(())
}

/// The consent receipt of a listing event: the newsletter's format with this service.
pub fn receipt(event: &ConsentEvent, email: &str, state: &AppState) -> serde_json::Value {
    let services = json!([{
        "service": "Kandidatenbank",
        "purposes": [{
            "purpose": "Je profiel laten zien aan recruiters van de partnerorganisaties die jij kiest, om je werk aan te bieden",
            "purposeCategory": ["dpv:RecruitmentManagement"],
            "consentType": "EXPLICIT",
            "piiCategory": ["Profiel: de onderdelen die je zichtbaar maakt"],
            "primaryPurpose": true,
            "termination": "Tot je de kandidatenbank uitzet of je profiel verwijdert",
            "thirdPartyDisclosure": true,
            "thirdPartyName": "Recruiters van de partnerorganisaties die je toelaat (gezamenlijk verantwoordelijken)"
        }]
    }]);
    crate::newsletter::consent_receipt(
        "kandidatenbank",
        event,
        email,
        &state.public_url,
        &state.contact(),
        services,
        listing::text_of(event.text_version),
    )
}
