//! The retention job (docs/security.md "Retention"): a candidate who has not logged in for
//! the configured years is warned by e-mail once, `warning_days` before, and then erased by
//! the same path as "delete my account" — every table, the write-ahead log, the mail folder,
//! the mailing processor told. The rule comes from the processing register
//! ([`zelfregie_model::retention`]), the same one "Mijn gegevens" shows the dates of.
//!
//! Both steps are safe to run on several instances at once: a warning is claimed by one
//! `UPDATE … WHERE retention_warned_at IS NULL` before its mail goes, and an erasure checks
//! inside its exclusive transaction that the account is still due. Time comes in as `now`
//! (from [`crate::clock::Clock`]), so tests move it.
//!
//! Records with a clock of their own — the register's `retention_limits`
//! ([`zelfregie_model::retention::limits`]): consent history after withdrawal, disclosure log
//! entries, delivered messages to the mailing processor, the administration's log, and staff
//! accounts that stay suspended — are deleted by the same run, each kind in one exclusive transaction
//! (counted and deleted together, so two instances at once delete each row once and their
//! counts add up to the truth). A dry run counts them.
//!
//! The rest of the register's rules are enforced where they live: transfer files by
//! [`crate::transfers::sweep`], undelivered erasure notices by
//! [`crate::outbox::purge_dead_notices`], sessions, counters and reset links by their purges;
//! everything else goes with the account (`ON DELETE CASCADE`).

use zelfregie_model::retention::{Periods, Records, RetentionOverview};

use crate::error::Error;
use crate::services::Services;
use crate::store::{retention, to_datetime};

/// What one run did (or, in a dry run, would do).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Warnings sent (dry run: due).
    pub warned: u64,
    /// Accounts erased (dry run: due).
    pub erased: u64,
    /// Warnings that could not be sent (tried again next run).
    pub failed: u64,
    /// Records deleted by their own limit (dry run: due).
    pub records: RecordCounts,
}

/// Records deleted (or due) per kind of [`Records`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RecordCounts {
    /// Consent events of withdrawn consents.
    pub consent_history: u64,
    /// Disclosure log entries.
    pub disclosure_log: u64,
    /// Delivered messages to the mailing processor.
    pub delivered_messages: u64,
    /// Entries of the administration's log and reviews of the staff list.
    pub administration_log: u64,
    /// Staff and recruiter accounts deleted after their suspension's limit.
    pub suspended_accounts: u64,
}

impl RecordCounts {
    /// The count of one kind.
    pub fn of(&self, records: Records) -> u64 {
        match records {
            Records::ConsentHistory => self.consent_history,
            Records::DisclosureLog => self.disclosure_log,
            Records::DeliveredMessages => self.delivered_messages,
            Records::AdministrationLog => self.administration_log,
            Records::SuspendedAccounts => self.suspended_accounts,
        }
    }

    fn set(&mut self, records: Records, n: u64) {
        match records {
            Records::ConsentHistory => self.consent_history = n,
            Records::DisclosureLog => self.disclosure_log = n,
            Records::DeliveredMessages => self.delivered_messages = n,
            Records::AdministrationLog => self.administration_log = n,
            Records::SuspendedAccounts => self.suspended_accounts = n,
        }
    }
}

/// Every limit of the register at `now`: deleted, or only counted in a dry run.
pub async fn enforce_limits(state: &Services, now: i64, dry_run: bool) -> Result<RecordCounts, Error> {
    let mut counts = RecordCounts::default();
    let mut deleted = false;
    for (_, limit) in zelfregie_model::retention::limits() {
        let cutoff = limit.after.before(to_datetime(now)).unix_timestamp();
        let mut tx = state.db.begin_exclusive().await?;
        let n = match limit.records {
            Records::ConsentHistory => retention::consent_history(&mut tx, cutoff, dry_run).await?,
            Records::DisclosureLog => retention::disclosure_log(&mut tx, cutoff, dry_run).await?,
            Records::DeliveredMessages => retention::delivered_messages(&mut tx, cutoff, dry_run).await?,
            Records::AdministrationLog => retention::administration_log(&mut tx, cutoff, dry_run).await?,
            Records::SuspendedAccounts => crate::admin::delete_suspended(state, &mut tx, cutoff, now, dry_run).await?,
        };
        if dry_run {
            tx.rollback().await?;
        } else {
            tx.commit().await?;
            deleted |= n > 0;
        }
        if n > 0 {
            tracing::info!(records = limit.records.as_str(), count = n, dry_run, "retention limit");
        }
        counts.set(limit.records, n);
    }
    if deleted {
        // The deleted rows' page images out of the write-ahead log.
        state.db.checkpoint().await;
    }
    Ok(counts)
}

fn cutoffs(periods: &Periods, now: i64) -> (i64, i64, i64) {
    let now = to_datetime(now);
    (
        periods.warning_cutoff(now).unix_timestamp(),
        periods.deletion_cutoff(now).unix_timestamp(),
        periods.warned_cutoff(now).unix_timestamp(),
    )
}

/// One run at `now`: warn who is due for a warning, erase who is due for erasure. With
/// `--retention-dry-run` only the counts are logged.
pub async fn run(state: &Services, now: i64) -> Result<Report, Error> {
    let settings = state.retention;
    let (warning_cutoff, activity_cutoff, warned_cutoff) = cutoffs(&settings.periods, now);
    let to_warn = retention::due_for_warning(state.db.pool(), warning_cutoff).await?;
    let to_erase = retention::due_for_deletion(state.db.pool(), activity_cutoff, warned_cutoff).await?;
    if settings.dry_run {
        let records = enforce_limits(state, now, true).await?;
        let report = Report { warned: to_warn.len() as u64, erased: to_erase.len() as u64, failed: 0, records };
        tracing::info!(
            due_for_warning = report.warned,
            due_for_erasure = report.erased,
            consent_history = records.consent_history,
            disclosure_log = records.disclosure_log,
            delivered_messages = records.delivered_messages,
            administration_log = records.administration_log,
            suspended_accounts = records.suspended_accounts,
            "retention dry run: nothing sent or deleted"
        );
        return Ok(report);
    }
    let mut report = Report { records: enforce_limits(state, now, false).await?, ..Report::default() };
    for (account_id, email) in to_erase {
        if crate::accounts::erase_if(state, account_id, &email, Some((activity_cutoff, warned_cutoff))).await? {
            tracing::info!(account_id, "inactive account erased by retention");
            report.erased += 1;
        }
    }
    for (account_id, email) in to_warn {
        if !retention::claim_warning(state.db.pool(), account_id, warning_cutoff, now).await? {
            continue;
        }
        let Some((last, _)) = retention::state_of(state.db.pool(), account_id).await? else { continue };
        let on = settings.periods.deletion_due(to_datetime(last), Some(to_datetime(now)));
        match state
            .mailer
            .send(state.letterhead_for(account_id).await?.inactivity_warning(&email, account_id, on.date()))
            .await
        {
            Ok(()) => {
                tracing::info!(account_id, "retention warning sent");
                report.warned += 1;
            }
            Err(e) => {
                tracing::warn!(account_id, error = %e, "sending a retention warning failed; tried again next run");
                retention::release_warning(state.db.pool(), account_id, now).await?;
                report.failed += 1;
            }
        }
    }
    if report != Report::default() {
        tracing::info!(warned = report.warned, erased = report.erased, failed = report.failed, "retention run");
    }
    Ok(report)
}

/// The person's retention dates, computed from their last login.
pub async fn overview(state: &Services, account_id: i64) -> Result<RetentionOverview, Error> {
    let (last, warned) = retention::state_of(state.db.pool(), account_id)
        .await?
        .ok_or_else(|| Error::code(zelfregie_model::ErrorCode::NotFound))?;
    Ok(RetentionOverview::compute(&state.retention.periods, to_datetime(last), warned.map(to_datetime)))
}

/// Runs the job on `state`'s clock (the background task's entry).
pub async fn run_now(state: &Services) -> Result<Report, Error> {
    run(state, state.clock.now()).await
}

/// The processing register with the configured periods in its rules (what the API and the
/// export publish).
pub fn configured_register(state: &Services) -> Vec<zelfregie_model::register::Activity> {
    zelfregie_model::register::register()
        .iter()
        .map(|a| {
            let mut a = a.clone();
            a.retention_rule = state.retention.periods.apply(a.retention_rule);
            a
        })
        .collect()
}
