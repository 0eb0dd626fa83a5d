//! Configuration by flags and environment variables (`--help` lists both).

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, ValueEnum};

/// The privacy contact when none is configured (`--privacy-email`).
pub const DEFAULT_PRIVACY_EMAIL: &str = "privacy@igom.nl";

/// How the server is run.
#[derive(Parser, Clone, Debug)]
#[command(name = "zelfregie-server", version, about = "Zelfregie: self-service privacy portal (API and SPA)")]
pub struct Config {
    /// Address to listen on; port 0 picks a free port (printed at start).
    #[arg(long, env = "ZELFREGIE_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,

    /// Directory for the SQLite database file (created if missing).
    #[arg(long, env = "ZELFREGIE_DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,

    /// PostgreSQL for deployments with several instances (`postgres://user:pass@host/db`).
    /// Without it, the SQLite file in the data directory is the database.
    #[arg(long, env = "ZELFREGIE_DATABASE_URL")]
    pub database_url: Option<Secret>,

    /// Directory of the built single-page app (trunk's `dist`).
    #[arg(long, env = "ZELFREGIE_STATIC_DIR", default_value = "dist")]
    pub static_dir: PathBuf,

    /// Fill a fresh database with the demo accounts (README lists them).
    #[arg(long, env = "ZELFREGIE_DEMO")]
    pub demo: bool,

    /// The public URL when served behind TLS (e.g. `https://zelfregie.igom.nl`): turns on
    /// `Secure` `__Host-` cookies and HSTS.
    #[arg(long, env = "ZELFREGIE_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// Minutes of inactivity after which a session ends (ASVS 5.0 7.3.1).
    #[arg(long, env = "ZELFREGIE_IDLE_TIMEOUT_MINUTES", default_value_t = 30)]
    pub idle_timeout_minutes: u32,

    /// Seconds of inactivity after which a session ends; when given, replaces
    /// `--idle-timeout-minutes` (for tests and demonstrations of the "session ends soon" warning).
    #[arg(long, env = "ZELFREGIE_IDLE_TIMEOUT_SECS")]
    pub idle_timeout_secs: Option<u32>,

    /// Hours after login at which a session ends regardless of activity (ASVS 5.0 7.3.2).
    #[arg(long, env = "ZELFREGIE_ABSOLUTE_TIMEOUT_HOURS", default_value_t = 12)]
    pub absolute_timeout_hours: u32,

    /// The mailing processor's webhook (HTTPS). Without it, deliveries are written to
    /// `processor-deliveries.jsonl` in the data directory (demo).
    #[arg(long, env = "ZELFREGIE_PROCESSOR_URL")]
    pub processor_url: Option<String>,

    /// Secret for signing webhook bodies (`X-Zelfregie-Signature: sha256=…`).
    #[arg(long, env = "ZELFREGIE_PROCESSOR_SECRET", default_value = "")]
    pub processor_secret: Secret,

    /// Milliseconds before the first retry of a failed delivery; doubled after each failure.
    #[arg(long, env = "ZELFREGIE_OUTBOX_BASE_DELAY_MS", default_value_t = 10_000)]
    pub outbox_base_delay_ms: u64,

    /// Attempts before a delivery is dead-lettered.
    #[arg(long, env = "ZELFREGIE_OUTBOX_MAX_ATTEMPTS", default_value_t = 12)]
    pub outbox_max_attempts: u32,

    /// Milliseconds one delivery attempt may take.
    #[arg(long, env = "ZELFREGIE_PROCESSOR_TIMEOUT_MS", default_value_t = 10_000)]
    pub processor_timeout_ms: u64,

    /// SMTP server for e-mail, as a lettre URL (`smtps://user:pass@host`). Without it, mail
    /// is written as `.eml` files to `mail/` in the data directory (demo, tests; docs/storage.md
    /// "The demo's mail folder").
    #[arg(long, env = "ZELFREGIE_SMTP_URL")]
    pub smtp_url: Option<Secret>,

    /// Sender of e-mail.
    #[arg(long, env = "ZELFREGIE_MAIL_FROM", default_value = "IGOM Zelfregie <noreply@igom.nl>")]
    pub mail_from: String,

    /// Where people send privacy questions and requests: shown in the privacy statement, the
    /// rights on every readable page, consent receipts and mails (defined here only).
    #[arg(long, env = "ZELFREGIE_PRIVACY_EMAIL", default_value = DEFAULT_PRIVACY_EMAIL)]
    pub privacy_email: String,

    /// The data protection officer's e-mail address (functionaris gegevensbescherming): shown
    /// in the privacy statement, with the rights on every page that lists them, and in consent
    /// receipts. Without it the portal names none.
    #[arg(long, env = "ZELFREGIE_DPO_EMAIL")]
    pub dpo_email: Option<String>,

    /// Days a transfer's one-time link works before the file is deleted unread.
    #[arg(long, env = "ZELFREGIE_TRANSFER_DAYS", default_value_t = zelfregie_model::transfer::DEFAULT_TRANSFER_DAYS)]
    pub transfer_days: u32,

    /// Largest encrypted export accepted for a transfer, in bytes (a full export is a few
    /// kilobytes; this leaves room for long histories).
    #[arg(long, env = "ZELFREGIE_TRANSFER_MAX_BYTES", default_value_t = 20 * 1024 * 1024)]
    pub transfer_max_bytes: usize,

    /// Bytes one person may upload for transfers in 24 hours.
    #[arg(long, env = "ZELFREGIE_TRANSFER_DAILY_BYTES", default_value_t = 100 * 1024 * 1024)]
    pub transfer_daily_bytes: u64,

    /// Uploads read at the same time, server-wide (each may hold a whole file in memory);
    /// more wait briefly, then get `503 service_unavailable` with `Retry-After`.
    #[arg(long, env = "ZELFREGIE_TRANSFER_CONCURRENT_UPLOADS", default_value_t = 4)]
    pub transfer_concurrent_uploads: usize,

    /// The slowest upload kept: after the first `--transfer-upload-grace-secs`, an upload
    /// that has sent fewer bytes than this many per second since it began is ended
    /// (`408 request_timeout`), so trickling uploads cannot hold the upload slots.
    #[arg(long, env = "ZELFREGIE_TRANSFER_MIN_BYTES_PER_SEC", default_value_t = 8 * 1024)]
    pub transfer_min_bytes_per_sec: u64,

    /// Seconds an upload may take before the minimum rate counts (a slow start on a phone).
    #[arg(long, env = "ZELFREGIE_TRANSFER_UPLOAD_GRACE_SECS", default_value_t = 5)]
    pub transfer_upload_grace_secs: u64,

    /// A file of partners' published age keys, one `<partner-slug> age1pq1…` (or classic
    /// `age1…`) per line; loaded at start. In demo mode, partners without one get a generated
    /// post-quantum key pair whose secret half is written to `partner-keys/` in the data
    /// directory.
    #[arg(long, env = "ZELFREGIE_PARTNER_KEYS")]
    pub partner_keys: Option<PathBuf>,

    /// Years without a login after which a candidate's account is erased, with everything
    /// in it (the person is warned by e-mail first).
    #[arg(long, env = "ZELFREGIE_RETENTION_INACTIVE_YEARS", default_value_t = zelfregie_model::retention::DEFAULT_INACTIVE_YEARS)]
    pub retention_inactive_years: u32,

    /// Days before that erasure the person is warned by e-mail (once); the erasure never
    /// comes sooner than this many days after the warning.
    #[arg(long, env = "ZELFREGIE_RETENTION_WARNING_DAYS", default_value_t = zelfregie_model::retention::DEFAULT_WARNING_DAYS)]
    pub retention_warning_days: u32,

    /// The retention job only counts and logs what it would warn and erase; it sends and
    /// deletes nothing.
    #[arg(long, env = "ZELFREGIE_RETENTION_DRY_RUN")]
    pub retention_dry_run: bool,

    /// Days a staff or recruiter account may go unused before it is suspended (the
    /// administrators are mailed; an administrator can reinstate it).
    #[arg(long, env = "ZELFREGIE_STAFF_IDLE_DAYS", default_value_t = zelfregie_model::admin::DEFAULT_STAFF_IDLE_DAYS)]
    pub staff_idle_days: i64,

    /// Requests one recruiter may make per minute (lists, searches, profiles opened).
    #[arg(long, env = "ZELFREGIE_RECRUITER_REQUESTS_PER_MINUTE", default_value_t = 120)]
    pub recruiter_requests_per_minute: u32,

    /// Proxies (load balancers) whose `X-Forwarded-For` is believed, as IP addresses or CIDR
    /// ranges, comma-separated (`10.0.0.0/8,192.0.2.7`). Behind a proxy, the client address
    /// that rate limits count by is taken from that header only when the connection comes
    /// from one of these; otherwise the connection's own address counts.
    #[arg(long, env = "ZELFREGIE_TRUSTED_PROXIES", value_delimiter = ',')]
    pub trusted_proxies: Vec<crate::client_ip::IpRange>,

    /// Seconds a client may take to send a request's headers (slow clients are cut off).
    #[arg(long, env = "ZELFREGIE_HEADER_TIMEOUT_SECS", default_value_t = 10)]
    pub header_timeout_secs: u64,

    /// Seconds a request may take as a whole, body included (`408 request_timeout` after).
    #[arg(long, env = "ZELFREGIE_REQUEST_TIMEOUT_SECS", default_value_t = 60)]
    pub request_timeout_secs: u64,

    /// Log format.
    #[arg(long, env = "ZELFREGIE_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
}

/// A configuration value that must not appear in logs or `Debug` output.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret(pub String);

impl std::str::FromStr for Secret {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Secret(s.to_owned()))
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_empty() { "Secret(empty)" } else { "Secret(***)" })
    }
}

/// Log output format.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line, for log shippers.
    Json,
}

impl Config {
    /// The base of links in e-mails: the public URL, or the listen address.
    pub fn link_base(&self) -> String {
        self.public_url.clone().unwrap_or_else(|| format!("http://{}", self.listen)).trim_end_matches('/').to_owned()
    }

    /// Whether the portal is served over TLS (decides cookie flags and HSTS).
    pub fn served_over_tls(&self) -> bool {
        self.public_url.as_deref().is_some_and(|u| u.starts_with("https://"))
    }

    /// Seconds of inactivity after which a session ends.
    pub fn idle_secs(&self) -> i64 {
        self.idle_timeout_secs.map_or(i64::from(self.idle_timeout_minutes) * 60, i64::from).max(1)
    }

    /// What the domain's services are built from, resolved from this configuration.
    pub fn services(&self) -> anyhow::Result<zelfregie_domain::services::Settings> {
        let webhook: Option<std::sync::Arc<dyn zelfregie_domain::outbox::WebhookClient>> = match self.processor_url {
            Some(_) => Some(std::sync::Arc::new(crate::webhook::Reqwest(reqwest::Client::builder().build()?))),
            None => None,
        };
        Ok(zelfregie_domain::services::Settings {
            webhook,
            database_url: self.database_url.as_ref().map(|u| u.0.clone()),
            data_dir: self.data_dir.clone(),
            public_url: self.public_url.clone(),
            link_base: self.link_base(),
            smtp_url: self.smtp_url.as_ref().map(|u| u.0.clone()),
            mail_from: self.mail_from.clone(),
            privacy_email: self.privacy_email.clone(),
            dpo_email: self.dpo_email.clone(),
            processor_url: self.processor_url.clone(),
            processor_secret: self.processor_secret.0.clone(),
            outbox_base_delay_ms: self.outbox_base_delay_ms,
            outbox_max_attempts: self.outbox_max_attempts,
            processor_timeout_ms: self.processor_timeout_ms,
            idle_secs: self.idle_secs(),
            absolute_secs: i64::from(self.absolute_timeout_hours) * 3600,
            staff_idle_days: self.staff_idle_days,
            recruiter_requests_per_minute: self.recruiter_requests_per_minute,
            transfer_days: self.transfer_days,
            transfer_max_bytes: self.transfer_max_bytes,
            transfer_daily_bytes: self.transfer_daily_bytes,
            transfer_concurrent_uploads: self.transfer_concurrent_uploads,
            transfer_min_bytes_per_sec: self.transfer_min_bytes_per_sec,
            transfer_upload_grace_secs: self.transfer_upload_grace_secs,
            retention_inactive_years: self.retention_inactive_years,
            retention_warning_days: self.retention_warning_days,
            retention_dry_run: self.retention_dry_run,
        })
    }

    /// A configuration for tests: demo off, a given data directory, no SPA.
    pub fn for_tests(data_dir: PathBuf) -> Self {
        let mut config = Config::parse_from(["zelfregie-server"]);
        config.data_dir = data_dir;
        config.static_dir = PathBuf::from("/nonexistent-static-dir");
        config.dpo_email = Some("fg@example.org".into());
        config
    }
}
