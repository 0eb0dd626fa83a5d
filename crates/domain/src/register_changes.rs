//! Register changes are told (docs/security.md "Register changes are told"): when the
//! processing register or a consent text changes, account holders see what changed on their
//! next visit ([`notice`], marked seen by [`mark_seen`]), and are mailed once when a purpose
//! or a recipient was added ([`run`]).
//!
//! The register's version is its changelog's last entry ([`zelfregie_model::register::changes`]).
//! A new account starts at the version it was made under: nothing to tell. An account made
//! before versions were kept starts at the version in force on the day it was made.
//!
//! The mail is claimed per account and version by one `INSERT … ON CONFLICT … DO UPDATE …
//! WHERE … RETURNING` before it goes, so two instances running the job at once send one mail
//! each person; a mail that could not be sent is given back and tried again next run. Who
//! saw the change on the site first gets no mail.

use zelfregie_model::register::{self, ConsentKind, RegisterNotice, RegisterSeen};
use zelfregie_model::{listing, newsletter};

use crate::error::Error;
use crate::services::Services;
use crate::store::{register_notices, to_datetime};

/// The version an account made at `created_at` started under, when none was kept with it.
fn version_made_under(created_at: i64) -> u32 {
    let day = zelfregie_model::privacy_request::dutch_date(to_datetime(created_at));
    register::version_on(&zelfregie_model::privacy_request::day::to_string(day))
}

fn version(v: Option<i64>) -> u32 {
    v.and_then(|v| u32::try_from(v).ok()).unwrap_or(0)
}

/// What changed since the person was last told: the register's changes, and consent texts
/// changed after they agreed (their consent holds under the old text until they agree again).
pub async fn notice(state: &Services, account_id: i64) -> Result<RegisterNotice, Error> {
    let (created_at, baseline, seen, newsletter_seen, listing_seen) =
        register_notices::state_of(state.db.pool(), account_id)
            .await?
            .ok_or_else(|| Error::code(zelfregie_model::ErrorCode::NotFound))?;
    let told = baseline.map_or_else(|| version_made_under(created_at), |b| version(Some(b))).max(version(seen));
    let mut consents = Vec::new();
    // The newsletter: the text of the latest `given`, while the subscription is in force.
    let history = crate::newsletter::events(state.db.pool(), account_id).await?;
    if newsletter::subscription(&history) == newsletter::Subscription::Active {
        if let Some(agreed) = history.iter().rev().find(|e| e.kind == newsletter::ConsentEventKind::Given) {
            consents.extend(register::consent_change(
                ConsentKind::Newsletter,
                newsletter::CONSENT_TEXTS,
                agreed.text_version,
                version(newsletter_seen),
            ));
        }
    }
    // The candidate bank: the consent that holds now.
    let history = crate::listing::events(state.db.pool(), account_id).await?;
    if let Some(agreed) = listing::current_consent(&history) {
        consents.extend(register::consent_change(
            ConsentKind::Listing,
            listing::LISTING_TEXTS,
            agreed.text_version,
            version(listing_seen),
        ));
    }
    Ok(RegisterNotice {
        register_version: register::version(),
        changes: register::changes_since(told).to_vec(),
        newsletter_text_version: newsletter::ConsentText::current().version,
        listing_text_version: listing::current().version,
        consents,
    })
}

/// Marks what the person was shown as seen (never more than exists now).
pub async fn mark_seen(state: &Services, account_id: i64, seen: &RegisterSeen) -> Result<(), Error> {
    register_notices::mark_seen(
        state.db.pool(),
        account_id,
        i64::from(seen.register_version.min(register::version())),
        i64::from(seen.newsletter_text_version.min(newsletter::ConsentText::current().version)),
        i64::from(seen.listing_text_version.min(listing::current().version)),
    )
    .await?;
    tracing::info!(account_id, register_version = seen.register_version, "register changes seen");
    Ok(())
}

/// What one run of [`run`] did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MailReport {
    /// Mails sent.
    pub mailed: u64,
    /// Mails that could not be sent (tried again next run).
    pub failed: u64,
}

/// Mails every account holder not told yet about the last change that added a purpose or a
/// recipient: once per account and version, across instances.
pub async fn run(state: &Services, now: i64) -> Result<MailReport, Error> {
    // Accounts made before versions were kept: the day they were made decides, once.
    for (account_id, created_at) in register_notices::without_baseline(state.db.pool()).await? {
        register_notices::set_baseline(state.db.pool(), account_id, i64::from(version_made_under(created_at))).await?;
    }
    let mut report = MailReport::default();
    let addition = register::last_addition();
    if addition == 0 {
        return Ok(report);
    }
    let due = register_notices::due_for_mail(state.db.pool(), i64::from(addition)).await?;
    for (account_id, email, told, mailed) in due {
        if !register_notices::claim_mail(state.db.pool(), account_id, i64::from(addition), now).await? {
            continue;
        }
        let changes = register::changes_since(version(Some(told)));
        match state
            .mailer
            .send(state.letterhead_for(account_id).await?.register_changed(&email, account_id, changes))
            .await
        {
            Ok(()) => report.mailed += 1,
            Err(e) => {
                tracing::warn!(account_id, error = %e, "mailing a register change failed; tried again next run");
                register_notices::release_mail(state.db.pool(), account_id, i64::from(addition), mailed).await?;
                report.failed += 1;
            }
        }
    }
    if report != MailReport::default() {
        tracing::info!(mailed = report.mailed, failed = report.failed, version = addition, "register change mailed");
    }
    Ok(report)
}

/// Runs the job on `state`'s clock (the background task's entry).
pub async fn run_now(state: &Services) -> Result<MailReport, Error> {
    run(state, state.clock.now()).await
}
