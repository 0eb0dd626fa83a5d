//! The one state every handler receives.

use std::sync::Arc;
use std::time::Duration;

use sha2::{Digest, Sha256};
use tokio::sync::Notify;

use crate::auth::throttle::Throttle;
use crate::auth::{Passwords, SessionSettings};
use crate::candidates::ReferenceKey;
use crate::clock::Clock;
use crate::config::Config;
use crate::mail::Mailer;
use crate::outbox::{Outbox, Processor, RetryPolicy};
use crate::secrets::Key;
use crate::store::Store;
use crate::web::headers::SecurityHeaders;
use crate::web::spa::Spa;

/// Shared, cheaply cloned. Holds nothing per person: every instance behind a load balancer
/// answers the same from the same database.
#[derive(Clone)]
pub struct AppState {
    /// The database pool.
    pub db: Store,
    /// Session timing and cookie flags.
    pub sessions: Arc<SessionSettings>,
    /// Password hashing.
    pub passwords: Passwords,
    /// The built single-page app.
    pub spa: Arc<Spa>,
    /// Headers added to every response.
    pub headers: Arc<SecurityHeaders>,
    /// Key of the per-partner candidate references.
    pub reference_key: ReferenceKey,
    /// Keys of the rate-limit counters.
    pub throttle: Throttle,
    /// Proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Arc<Vec<crate::http::client_ip::IpRange>>,
    /// Longest time a request may take as a whole.
    pub request_timeout: Duration,
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

impl AppState {
    /// Where people turn with privacy questions: the privacy e-mail and, if given, the data
    /// protection officer's (`GET /api/contact`, consent receipts).
    pub fn contact(&self) -> zelfregie_model::register::Contact {
        zelfregie_model::register::Contact {
            privacy_email: self.privacy_email.clone(),
            dpo_email: self.dpo_email.clone(),
        }
    }

    /// Opens the database and loads the SPA as `config` says.
    pub async fn new(config: &Config) -> anyhow::Result<Self> {
        let db = Store::open(config.database_url.as_ref().map(|u| u.0.as_str()), &config.data_dir).await?;
        Self::with_db(config, db).await
    }

    /// A state around an already opened database.
    pub async fn with_db(config: &Config, db: Store) -> anyhow::Result<Self> {
        let reference_key = ReferenceKey::load(&db).await?;
        crate::candidates::rebuild_index_if_old(&db).await.map_err(|e| anyhow::anyhow!("candidate index: {e:?}"))?;
        let newsletter_key = Key::load(&db, "newsletter_unsubscribe").await?;
        let second_factor_key = Key::load(&db, "second_factor").await?;
        let throttle = Throttle::load(&db).await?;
        let mailer = match &config.smtp_url {
            Some(url) => Mailer::smtp(&url.0, &config.mail_from, config.public_url.as_deref())?,
            None => Mailer::directory(
                config.data_dir.join("mail"),
                db.clone(),
                &config.mail_from,
                config.public_url.as_deref(),
            )?,
        };
        // Mail files the database no longer accounts for (an erasure that crashed before
        // its files were deleted) go before anything is served.
        match mailer.sweep(true).await {
            Ok(0) => {}
            Ok(files) => tracing::info!(files, "mail files no longer accounted for deleted at start"),
            Err(e) => tracing::error!(error = %e, "deleting mail files no longer accounted for failed"),
        }
        let processor = match &config.processor_url {
            // Signing with an empty key would let anyone forge deliveries to the processor.
            Some(_) if config.processor_secret.0.len() < 16 => anyhow::bail!(
                "--processor-url needs --processor-secret (ZELFREGIE_PROCESSOR_SECRET) of at least 16 characters"
            ),
            Some(url) => Processor::Webhook {
                client: reqwest::Client::builder().build()?,
                url: url.clone(),
                secret: Arc::new(Key::from_bytes(Sha256::digest(config.processor_secret.0.as_bytes()).into())),
            },
            None => Processor::File(config.data_dir.join("processor-deliveries.jsonl")),
        };
        let outbox_wake = Arc::new(Notify::new());
        let outbox = Outbox {
            db: db.clone(),
            processor,
            policy: RetryPolicy {
                base_delay: Duration::from_millis(config.outbox_base_delay_ms),
                max_delay: Duration::from_secs(3600).max(Duration::from_millis(config.outbox_base_delay_ms)),
                max_attempts: config.outbox_max_attempts.max(1),
                timeout: Duration::from_millis(config.processor_timeout_ms),
            },
            wake: outbox_wake.clone(),
        };
        let spa = Spa::load(&config.static_dir)?;
        let headers = SecurityHeaders::new(&spa.script_hashes, config.served_over_tls());
        Ok(Self {
            db,
            sessions: Arc::new(SessionSettings {
                idle_secs: config.idle_secs(),
                absolute_secs: i64::from(config.absolute_timeout_hours) * 3600,
                secure: config.served_over_tls(),
            }),
            passwords: Passwords::new()?,
            spa: Arc::new(spa),
            headers: Arc::new(headers),
            reference_key,
            throttle,
            trusted_proxies: Arc::new(config.trusted_proxies.clone()),
            request_timeout: Duration::from_secs(config.request_timeout_secs.max(1)),
            staff_idle_days: config.staff_idle_days.max(1),
            recruiter_limit: crate::auth::throttle::Limit::count(
                i64::from(config.recruiter_requests_per_minute.max(1)),
                60,
            ),
            newsletter_key,
            second_factor_key,
            public_url: config.link_base(),
            privacy_email: config.privacy_email.trim().to_owned(),
            dpo_email: config.dpo_email.as_deref().map(str::trim).filter(|e| !e.is_empty()).map(str::to_owned),
            mailer,
            outbox,
            outbox_wake,
            transfers: TransferSettings {
                ttl_secs: i64::from(config.transfer_days.max(1)) * 86_400,
                max_bytes: config.transfer_max_bytes,
                daily_bytes: config.transfer_daily_bytes,
                uploads: Arc::new(tokio::sync::Semaphore::new(config.transfer_concurrent_uploads.max(1))),
                uploading: Arc::default(),
                min_bytes_per_sec: config.transfer_min_bytes_per_sec.max(1),
                upload_grace: std::time::Duration::from_secs(config.transfer_upload_grace_secs),
            },
            retention: RetentionSettings {
                periods: zelfregie_model::retention::Periods {
                    inactive_years: config.retention_inactive_years.max(1),
                    warning_days: config.retention_warning_days,
                    transfer_days: config.transfer_days.max(1),
                },
                dry_run: config.retention_dry_run,
            },
            clock: Clock::default(),
            webauthn: Arc::new(crate::passkeys::relying_party(config.public_url.as_deref())?),
        })
    }
}
