//! What every use case works with: the database, the keys, the clock, the throttle, the
//! mailer and the outbox. Nothing of the web is in it; the server's state holds this and its
//! own web settings (docs/architecture.md).

use std::sync::Arc;
use std::time::Duration;

use sha2::{Digest, Sha256};
use tokio::sync::Notify;

use crate::auth::throttle::Throttle;
use crate::auth::{Passwords, SessionSettings};
use crate::clock::Clock;
use crate::mail::Mailer;
use crate::mails::Letterhead;
use crate::outbox::{Outbox, Processor, RetryPolicy};
use crate::reference::ReferenceKey;
use crate::secrets::Key;
use crate::store::Store;

/// Shared, cheaply cloned. Holds nothing per person: every instance behind a load balancer
/// answers the same from the same database.
#[derive(Clone)]
pub struct Services {
    /// The database pool.
    pub db: Store,
    /// Session timing and cookie flags.
    pub sessions: Arc<SessionSettings>,
    /// Password hashing.
    pub passwords: Passwords,
    /// Key of the per-partner candidate references.
    pub reference_key: ReferenceKey,
    /// Keys of the rate-limit counters.
    pub throttle: Throttle,
    /// Days a staff or recruiter account may go unused before it is suspended.
    pub staff_idle_days: i64,
    /// Requests one recruiter may make per minute.
    pub recruiter_limit: crate::auth::throttle::Limit,
    /// Key of the one-click unsubscribe tokens.
    pub newsletter_key: Key,
    /// Encrypts the authenticator apps' secrets and keys the recovery codes' hashes.
    pub second_factor_key: Key,
    /// Base of links in e-mails (`https://…`, no trailing slash).
    pub public_url: String,
    /// The privacy contact (`--privacy-email`).
    pub privacy_email: String,
    /// The data protection officer's e-mail address, if configured.
    pub dpo_email: Option<String>,
    /// Where e-mail goes.
    pub mailer: Mailer,
    /// The outbox to the mailing processor (the worker runs it).
    pub outbox: Outbox,
    /// Wakes the outbox worker after a commit.
    pub outbox_wake: Arc<Notify>,
    /// Limits of transfers.
    pub transfers: TransferSettings,
    /// Retention periods and the dry-run switch of the retention job.
    pub retention: RetentionSettings,
    /// The clock of retention (tests move it).
    pub clock: Clock,
    /// The WebAuthn relying party (passkeys).
    pub webauthn: Arc<webauthn_rs::Webauthn>,
}

/// What the services are built from: the server's configuration, its values resolved (the
/// server's `Config::services` makes one from the command line).
#[derive(Clone, Default)]
pub struct Settings {
    /// What posts to the processor's webhook (the server's HTTP client).
    pub webhook: Option<Arc<dyn crate::outbox::WebhookClient>>,
    /// PostgreSQL's URL; the embedded SQLite file under `data_dir` when `None`.
    pub database_url: Option<String>,
    /// Where the SQLite file, the mail files and the processor's file live.
    pub data_dir: std::path::PathBuf,
    /// The portal's public address as configured (`https://…`), if any.
    pub public_url: Option<String>,
    /// Base of links in e-mails (`https://…`, no trailing slash).
    pub link_base: String,
    /// SMTP server; mail files under `data_dir` when `None`.
    pub smtp_url: Option<String>,
    /// The sender of every mail.
    pub mail_from: String,
    /// The privacy contact.
    pub privacy_email: String,
    /// The data protection officer's address, if any.
    pub dpo_email: Option<String>,
    /// The mailing processor's webhook; a file under `data_dir` when `None`.
    pub processor_url: Option<String>,
    /// The key the webhook's deliveries are signed with.
    pub processor_secret: String,
    /// First retry delay of the outbox.
    pub outbox_base_delay_ms: u64,
    /// Attempts before a message is dead-lettered.
    pub outbox_max_attempts: u32,
    /// How long one delivery to the processor may take.
    pub processor_timeout_ms: u64,
    /// Seconds without a request after which a session ends.
    pub idle_secs: i64,
    /// Seconds after login at which a session ends.
    pub absolute_secs: i64,
    /// Days a staff or recruiter account may go unused before it is suspended.
    pub staff_idle_days: i64,
    /// Requests one recruiter may make per minute.
    pub recruiter_requests_per_minute: u32,
    /// Days a transfer's link works.
    pub transfer_days: u32,
    /// Largest transfer file.
    pub transfer_max_bytes: usize,
    /// Bytes one person may upload in 24 hours.
    pub transfer_daily_bytes: u64,
    /// Uploads read at the same time, server-wide.
    pub transfer_concurrent_uploads: usize,
    /// The slowest upload kept (bytes per second).
    pub transfer_min_bytes_per_sec: u64,
    /// Seconds before the minimum upload rate counts.
    pub transfer_upload_grace_secs: u64,
    /// Years without login before an account is erased.
    pub retention_inactive_years: u32,
    /// Days of warning before that.
    pub retention_warning_days: u32,
    /// Count and log only.
    pub retention_dry_run: bool,
}

/// How the retention job works.
#[derive(Clone, Copy, Debug)]
pub struct RetentionSettings {
    /// The periods (the same ones "Mijn gegevens" shows).
    pub periods: zelfregie_model::retention::Periods,
    /// Count and log only.
    pub dry_run: bool,
}

/// Limits of transfers to other organisations.
#[derive(Clone, Debug)]
pub struct TransferSettings {
    /// Seconds a one-time link works.
    pub ttl_secs: i64,
    /// Largest accepted file.
    pub max_bytes: usize,
    /// Bytes one person may upload in 24 hours.
    pub daily_bytes: u64,
    /// Uploads read at the same time, server-wide: each holds up to `max_bytes` in memory.
    pub uploads: Arc<tokio::sync::Semaphore>,
    /// Accounts with an upload being read: one at a time per person.
    pub uploading: Arc<std::sync::Mutex<std::collections::HashSet<i64>>>,
    /// The slowest upload kept, after `upload_grace` (bytes per second).
    pub min_bytes_per_sec: u64,
    /// How long an upload may take before the minimum rate counts.
    pub upload_grace: std::time::Duration,
}

impl Services {
    /// The letterhead of every mail this portal sends.
    pub fn letterhead(&self) -> Letterhead {
        Letterhead {
            public_url: self.public_url.clone(),
            privacy_email: self.privacy_email.clone(),
            first: zelfregie_model::Language::Nl,
        }
    }

    /// What mails to `account_id` are written with: in the account's language first,
    /// subject and all (Dutch for an account that is gone).
    pub async fn letterhead_for(&self, account_id: i64) -> Result<Letterhead, crate::Error> {
        Ok(self.letterhead().in_language(self.language_of(account_id).await?))
    }

    /// The account's language, of its mails and consent receipts (Dutch for an account that
    /// is gone).
    pub async fn language_of(&self, account_id: i64) -> Result<zelfregie_model::Language, crate::Error> {
        let language = crate::store::accounts::language(self.db.pool(), account_id).await?;
        Ok(zelfregie_model::Language::from_code(language.as_deref().unwrap_or_default()))
    }

    /// Where people turn with privacy questions: the privacy e-mail and, if given, the data
    /// protection officer's (`GET /api/contact`, consent receipts).
    pub fn contact(&self) -> zelfregie_model::register::Contact {
        zelfregie_model::register::Contact {
            privacy_email: self.privacy_email.clone(),
            dpo_email: self.dpo_email.clone(),
        }
    }

    /// Opens the database `settings` name and everything around it.
    pub async fn open(settings: &Settings) -> anyhow::Result<Self> {
        let db = Store::open(settings.database_url.as_deref(), &settings.data_dir).await?;
        Self::with_db(settings, db).await
    }

    /// Services around an already opened database.
    pub async fn with_db(settings: &Settings, db: Store) -> anyhow::Result<Self> {
        let reference_key = ReferenceKey::load(&db).await?;
        crate::candidates::rebuild_index_if_old(&db).await.map_err(|e| anyhow::anyhow!("candidate index: {e:?}"))?;
        let newsletter_key = Key::load(&db, "newsletter_unsubscribe").await?;
        let second_factor_key = Key::load(&db, "second_factor").await?;
        let throttle = Throttle::load(&db).await?;
        let domain = settings.public_url.as_deref();
        let mailer = match &settings.smtp_url {
            Some(url) => Mailer::smtp(url, &settings.mail_from, domain)?,
            None => Mailer::directory(settings.data_dir.join("mail"), db.clone(), &settings.mail_from, domain)?,
        };
        // Mail files the database no longer accounts for (an erasure that crashed before
        // its files were deleted) go before anything is served.
        match mailer.sweep(true).await {
            Ok(0) => {}
            Ok(files) => tracing::info!(files, "mail files no longer accounted for deleted at start"),
            Err(e) => tracing::error!(error = %e, "deleting mail files no longer accounted for failed"),
        }
        let processor = match &settings.processor_url {
            // Signing with an empty key would let anyone forge deliveries to the processor.
            Some(_) if settings.processor_secret.len() < 16 => anyhow::bail!(
                "--processor-url needs --processor-secret (ZELFREGIE_PROCESSOR_SECRET) of at least 16 characters"
            ),
            Some(url) => Processor::Webhook {
                client: settings
                    .webhook
                    .clone()
                    .ok_or_else(|| anyhow::anyhow!("--processor-url needs a webhook client"))?,
                url: url.clone(),
                secret: Arc::new(Key::from_bytes(Sha256::digest(settings.processor_secret.as_bytes()).into())),
            },
            None => Processor::File(settings.data_dir.join("processor-deliveries.jsonl")),
        };
        let outbox_wake = Arc::new(Notify::new());
        let outbox = Outbox {
            db: db.clone(),
            processor,
            policy: RetryPolicy {
                base_delay: Duration::from_millis(settings.outbox_base_delay_ms),
                max_delay: Duration::from_secs(3600).max(Duration::from_millis(settings.outbox_base_delay_ms)),
                max_attempts: settings.outbox_max_attempts.max(1),
                timeout: Duration::from_millis(settings.processor_timeout_ms),
            },
            wake: outbox_wake.clone(),
        };
        Ok(Self {
            db,
            sessions: Arc::new(SessionSettings {
                idle_secs: settings.idle_secs,
                absolute_secs: settings.absolute_secs,
            }),
            passwords: Passwords::new()?,
            reference_key,
            throttle,
            staff_idle_days: settings.staff_idle_days.max(1),
            recruiter_limit: crate::auth::throttle::Limit::count(
                i64::from(settings.recruiter_requests_per_minute.max(1)),
                60,
            ),
            newsletter_key,
            second_factor_key,
            public_url: settings.link_base.clone(),
            privacy_email: settings.privacy_email.trim().to_owned(),
            dpo_email: settings.dpo_email.as_deref().map(str::trim).filter(|e| !e.is_empty()).map(str::to_owned),
            mailer,
            outbox,
            outbox_wake,
            transfers: TransferSettings {
                ttl_secs: i64::from(settings.transfer_days.max(1)) * 86_400,
                max_bytes: settings.transfer_max_bytes,
                daily_bytes: settings.transfer_daily_bytes,
                uploads: Arc::new(tokio::sync::Semaphore::new(settings.transfer_concurrent_uploads.max(1))),
                uploading: Arc::default(),
                min_bytes_per_sec: settings.transfer_min_bytes_per_sec.max(1),
                upload_grace: std::time::Duration::from_secs(settings.transfer_upload_grace_secs),
            },
            retention: RetentionSettings {
                periods: zelfregie_model::retention::Periods {
                    inactive_years: settings.retention_inactive_years.max(1),
                    warning_days: settings.retention_warning_days,
                    transfer_days: settings.transfer_days.max(1),
                },
                dry_run: settings.retention_dry_run,
            },
            clock: Clock::default(),
            webauthn: Arc::new(crate::passkeys::relying_party(settings.public_url.as_deref())?),
        })
    }
}
