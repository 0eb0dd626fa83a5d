//! Consent to be listed in the candidate bank (docs/security.md "Listing consent"): turning
//! `Visibility::listed` on records `given` with the version of the text the person was shown,
//! turning it off records `withdrawn`, each in the same exclusive transaction as the saved
//! visibility, so the last event always matches the stored state, whatever two devices do.

use serde_json::json;
use zelfregie_model::listing::{self, Due, ListingStatus};
use zelfregie_model::newsletter::{Channel, ConsentEvent, ConsentEventKind, ConsentText};
use zelfregie_model::{ErrorCode, FieldError, Visibility};

use crate::error::Error;
use crate::newsletter::say;
use crate::services::Services;
use crate::store;
use crate::store::consent_log::ConsentLog;
use crate::store::documents::{self, Table};
use crate::store::{now, Db, Tx};
use zelfregie_model::Language;

/// The listing consent events of an account, oldest first.
pub async fn events<'c>(db: impl Db<'c>, account_id: i64) -> Result<Vec<ConsentEvent>, Error> {
    crate::newsletter::events_in(db, ConsentLog::Listing, account_id).await
}

/// Appends an event for `text`, at `at` (the app's clock: the consent's twelve months count
/// from it).
pub(crate) async fn append(
    tx: &mut Tx,
    account_id: i64,
    kind: ConsentEventKind,
    text: &ConsentText,
    channel: Channel,
    at: i64,
) -> sqlx::Result<()> {
    crate::newsletter::append_to(tx, ConsentLog::Listing, account_id, kind, text, channel, at).await
}

/// The text of the latest `given` (what a withdrawal withdraws); the current one when there
/// is none (a listing made before consent was recorded).
async fn agreed_text(tx: &mut Tx, account_id: i64) -> Result<&'static ConsentText, Error> {
    let history = events(&mut **tx, account_id).await?;
    Ok(history
        .iter()
        .rev()
        .find(|e| e.kind == ConsentEventKind::Given)
        .and_then(|e| listing::text_of(e.text_version))
        .unwrap_or_else(listing::current))
}

/// Whether the stored visibility of `account_id` lists the profile.
async fn stored_listed(tx: &mut Tx, account_id: i64) -> Result<(bool, i64), Error> {
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
    state: &Services,
    account_id: i64,
    expected: i64,
    mut visibility: Visibility,
) -> Result<(Visibility, i64), Error> {
    let shown = visibility.consent_text_version.take();
    let data = serde_json::to_string(&visibility).map_err(anyhow::Error::from)?;
    // Saves of one person's documents take turns; the candidate index follows in the same
    // transaction (docs/storage.md "Recruiter search").
    let mut tx = state.db.begin_for_account(account_id).await?;
    let (was_listed, version) = stored_listed(&mut tx, account_id).await?;
    if version != expected {
        return Err(Error::code(ErrorCode::PreconditionFailed));
    }
    let text = listing::current();
    if visibility.listed && !was_listed {
        match shown {
            None => return Err(Error::validation(vec![FieldError::new("listed", ErrorCode::Required)])),
            Some(v) if v != text.version => {
                return Err(Error::validation(vec![FieldError::new("listed", ErrorCode::ConsentTextOutdated)]))
            }
            Some(_) => {}
        }
    }
    let saved = if expected == 0 {
        documents::insert_first(&mut *tx, Table::Visibility, account_id, &data, now()).await?
    } else {
        documents::replace(&mut *tx, Table::Visibility, account_id, expected, &data, now()).await?
    };
    let saved = saved.ok_or_else(|| Error::code(ErrorCode::PreconditionFailed))?;
    match (was_listed, visibility.listed) {
        (false, true) => {
            append(&mut tx, account_id, ConsentEventKind::Given, text, Channel::Portal, state.clock.now()).await?
        }
        (true, false) => {
            let agreed = agreed_text(&mut tx, account_id).await?;
            append(&mut tx, account_id, ConsentEventKind::Withdrawn, agreed, Channel::Portal, state.clock.now())
                .await?;
        }
        _ => {}
    }
    crate::candidates::reindex(&mut tx, state.db.backend(), account_id).await?;
    tx.commit().await?;
    Ok((visibility, saved))
}

/// Records the withdrawal when the profile is deleted while listed (inside the deletion's
/// transaction, before the visibility goes).
pub(crate) async fn withdraw_if_listed(tx: &mut Tx, account_id: i64) -> Result<(), Error> {
    if stored_listed(tx, account_id).await?.0 {
        let agreed = agreed_text(tx, account_id).await?;
        append(tx, account_id, ConsentEventKind::Withdrawn, agreed, Channel::Portal, now()).await?;
    }
    Ok(())
}

/// Whether the person is listed and until when the consent holds.
pub async fn status(state: &Services, account_id: i64) -> Result<ListingStatus, Error> {
    let history = events(state.db.pool(), account_id).await?;
    let until = listing::current_consent(&history).map(|e| listing::valid_until(e.at));
    Ok(ListingStatus {
        listed: until.is_some(),
        valid_until: until.map(zelfregie_model::privacy_request::day::to_string),
    })
}

/// Renews a listing consent for twelve months from now, with one tap: a new `given` with the
/// text the person was shown (it must be the current one). Only while listed: `not_found`
/// otherwise (there is nothing to renew; turning the listing on is done on the visibility
/// page, with the text).
pub async fn renew(state: &Services, account_id: i64, shown: u32) -> Result<ListingStatus, Error> {
    let text = listing::current();
    if shown != text.version {
        return Err(Error::validation(vec![FieldError::new("consent_text_version", ErrorCode::ConsentTextOutdated)]));
    }
    let mut tx = state.db.begin_for_account(account_id).await?;
    if !stored_listed(&mut tx, account_id).await?.0 {
        return Err(Error::code(ErrorCode::NotFound));
    }
    append(&mut tx, account_id, ConsentEventKind::Given, text, Channel::Portal, state.clock.now()).await?;
    tx.commit().await?;
    tracing::info!(account_id, "listing consent renewed");
    status(state, account_id).await
}

/// What one run of [`run`] did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExpiryReport {
    /// Reminders sent.
    pub reminded: u64,
    /// Consents that ran out (profiles taken out of the candidate bank).
    pub lapsed: u64,
}

/// Reminds people whose listing consent ends in 30 or 7 days, once each, and takes out of the
/// candidate bank the profiles whose consent has run out, telling them. Safe on several
/// instances at once: a reminder is claimed before its mail goes, and a lapse checks inside
/// the account's transaction that the consent it ends is still the latest event.
pub async fn run(state: &Services, now: i64) -> Result<ExpiryReport, Error> {
    let mut report = ExpiryReport::default();
    let at = crate::store::to_datetime(now);
    // Nothing given in the last eleven months can be due.
    let before = now - 330 * 86_400;
    for (account_id, given_id, given_at) in store::listing::consents_given_before(state.db.pool(), before).await? {
        let until = listing::valid_until(crate::store::to_datetime(given_at));
        match listing::due(until, at) {
            Due::Nothing => {}
            Due::Reminder(days) => {
                if !store::listing::claim_reminder(state.db.pool(), account_id, given_id, days, now).await? {
                    continue;
                }
                let email = store::accounts::email(state.db.pool(), account_id).await?;
                if let Err(e) = state
                    .mailer
                    .send(state.letterhead_for(account_id).await?.listing_reminder(&email, account_id, until))
                    .await
                {
                    tracing::warn!(error = %e, "sending a listing consent reminder failed; tried again next run");
                    store::listing::release_reminder(state.db.pool(), account_id, given_id, days).await?;
                    continue;
                }
                report.reminded += 1;
            }
            Due::Lapse => {
                if lapse(state, account_id, given_id, now).await? {
                    let email = store::accounts::email(state.db.pool(), account_id).await?;
                    if let Err(e) = state
                        .mailer
                        .send(state.letterhead_for(account_id).await?.listing_lapsed(&email, account_id))
                        .await
                    {
                        tracing::warn!(error = %e, "telling a person their listing consent ran out failed");
                    }
                    report.lapsed += 1;
                }
            }
        }
    }
    Ok(report)
}

/// Takes the profile out of the candidate bank because consent `given_id` ran out: the
/// visibility's `listed` off, `withdrawn` by `expiry`, the index rebuilt. False when another
/// run (or the person) got there first.
async fn lapse(state: &Services, account_id: i64, given_id: i64, now: i64) -> Result<bool, Error> {
    let mut tx = state.db.begin_for_account(account_id).await?;
    let history = events(&mut *tx, account_id).await?;
    if history.last().map(|e| (e.id, e.kind)) != Some((given_id, ConsentEventKind::Given)) {
        return Ok(false);
    }
    if let Some((data, version)) = documents::load(&mut *tx, Table::Visibility, account_id).await? {
        let mut v: Visibility = serde_json::from_str(&data).map_err(|e| anyhow::anyhow!("stored visibility: {e}"))?;
        if v.listed {
            v.listed = false;
            let data = serde_json::to_string(&v).map_err(anyhow::Error::from)?;
            documents::replace(&mut *tx, Table::Visibility, account_id, version, &data, now)
                .await?
                .ok_or_else(|| anyhow::anyhow!("visibility changed within its own transaction"))?;
        }
    }
    let agreed = agreed_text(&mut tx, account_id).await?;
    append(&mut tx, account_id, ConsentEventKind::Withdrawn, agreed, Channel::Expiry, now).await?;
    store::listing::forget_reminders_before(&mut *tx, account_id, given_id + 1).await?;
    crate::candidates::reindex(&mut tx, state.db.backend(), account_id).await?;
    tx.commit().await?;
    tracing::info!(account_id, "listing consent ran out; profile taken out of the candidate bank");
    Ok(true)
}

/// The consent receipt of the person's own listing event `id`; another id is simply not
/// found.
pub async fn receipt_of(state: &Services, account_id: i64, id: i64) -> Result<serde_json::Value, Error> {
    let history = events(state.db.pool(), account_id).await?;
    let event = history.into_iter().find(|e| e.id == id).ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    let email = crate::accounts::email(&state.db, account_id).await?;
    let first = state.language_of(account_id).await?;
    Ok(receipt(&event, &email, state, first))
}

/// The consent receipt of a listing event: the newsletter's format with this service.
pub fn receipt(event: &ConsentEvent, email: &str, state: &Services, first: Language) -> serde_json::Value {
    let services = json!([{
        "service": say(first, "Kandidatenbank", "Candidate bank"),
        "purposes": [{
            "purpose": say(first,
                "Je profiel laten zien aan recruiters van de partnerorganisaties die jij kiest, om je werk aan te bieden",
                "Showing your profile to recruiters of the partner organisations you choose, to offer you work"),
            "purposeCategory": ["dpv:RecruitmentManagement"],
            "consentType": "EXPLICIT",
            "piiCategory": [say(first, "Profiel: de onderdelen die je zichtbaar maakt", "Profile: the parts you make visible")],
            "primaryPurpose": true,
            "termination": say(first,
                "Tot je de kandidatenbank uitzet of je profiel verwijdert",
                "Until you switch the candidate bank off or delete your profile"),
            "thirdPartyDisclosure": true,
            "thirdPartyName": say(first,
                "Recruiters van de partnerorganisaties die je toelaat (gezamenlijk verantwoordelijken)",
                "Recruiters of the partner organisations you allow (joint controllers)")
        }]
    }]);
    crate::newsletter::consent_receipt(
        "kandidatenbank",
        event,
        crate::newsletter::Principal { email, first },
        &state.public_url,
        &state.contact(),
        services,
        listing::text_of(event.text_version),
    )
}
