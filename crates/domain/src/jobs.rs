//! The work that runs beside the requests: the outbox's deliveries, breach notices, and the
//! housekeeping every ten minutes (docs/architecture.md).

use std::time::Duration;

use crate::services::Services;

/// Starts every background job on the current Tokio runtime.
pub fn spawn(state: Services) {
    spawn_housekeeping(state.clone());
    tokio::spawn(state.outbox.clone().run());
    tokio::spawn(crate::breach::run(state));
}

/// Deletes timed-out sessions, old rate-limit counters, expired password reset links, expired
/// pending registrations and e-mail changes (with the demo's mail files of lapsed
/// registration links), expired transfer files, old undelivered erasure
/// notices and requests closed more than two years ago every ten minutes, and runs the
/// retention job (warn, then erase candidates inactive for years) and the listing consent's
/// (remind 30 and 7 days before its twelve months end, then take the profile out), and mails
/// account holders once when the register adds a purpose or a recipient; suspends staff
/// accounts unused for `--staff-idle-days` and deletes old invitations and log entries.
pub fn spawn_housekeeping(state: Services) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(600));
        loop {
            tick.tick().await;
            if let Err(e) = crate::auth::session::purge(&state.db, &state.sessions).await {
                tracing::warn!(error = %e, "purging sessions failed");
            }
            if let Err(e) = crate::auth::throttle::purge(&state.db, &state.clock).await {
                tracing::warn!(error = %e, "purging rate-limit counters failed");
            }
            if let Err(e) = crate::password_reset::purge(&state.db).await {
                tracing::warn!(error = %e, "deleting expired password reset links failed");
            }
            if let Err(e) = crate::registration::purge(&state.db).await {
                tracing::warn!(error = %e, "deleting expired registration and e-mail change links failed");
            }
            // Demo mode: the mail files of lapsed registration links go with them.
            if let Err(e) = state.mailer.sweep(false).await {
                tracing::warn!(error = %e, "deleting mail files no longer accounted for failed");
            }
            if let Err(e) = crate::passkeys::purge(&state.db).await {
                tracing::warn!(error = %e, "deleting unfinished passkey ceremonies failed");
            }
            if let Err(e) = crate::transfers::sweep(&state.db).await {
                tracing::warn!(error = ?e, "deleting expired transfers failed");
            }
            if let Err(e) = crate::outbox::purge_dead_notices(&state.db, crate::store::now()).await {
                tracing::warn!(error = %e, "deleting old undelivered erasure notices failed");
            }
            if let Err(e) = crate::retention::run_now(&state).await {
                tracing::warn!(error = ?e, "the retention job failed");
            }
            if let Err(e) = crate::candidates::purge_withdrawn(&state.db).await {
                tracing::warn!(error = %e, "deleting old marks of withdrawn profiles failed");
            }
            if let Err(e) = crate::listing::run(&state, state.clock.now()).await {
                tracing::warn!(error = ?e, "reminding of or ending listing consents failed");
            }
            if let Err(e) = crate::register_changes::run_now(&state).await {
                tracing::warn!(error = ?e, "mailing register changes failed");
            }
            if let Err(e) = crate::admin::suspend_idle(&state).await {
                tracing::warn!(error = ?e, "suspending unused staff accounts failed");
            }
            if let Err(e) = crate::admin::purge(&state).await {
                tracing::warn!(error = ?e, "deleting old invitations and log entries failed");
            }
            if let Err(e) = crate::privacy_requests::purge(&state.db, state.clock.now()).await {
                tracing::warn!(error = %e, "deleting requests past their retention failed");
            }
        }
    });
}
