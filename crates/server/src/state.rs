//! The one state every handler receives: the domain's [`Services`] and the web's own
//! settings. Handlers pass it where a use case wants `&Services` (it dereferences to them).

use std::ops::Deref;
use std::sync::Arc;
use std::time::Duration;

use zelfregie_domain::{Services, Store};

use crate::config::Config;
use axum::extract::FromRef;

use crate::client_ip::TrustedProxies;
use crate::cookies::Cookies;
use crate::web::headers::SecurityHeaders;
use crate::web::limits::Limits;
use crate::web::spa::{Site, Spa};

/// Shared, cheaply cloned. Holds nothing per person: every instance behind a load balancer
/// answers the same from the same database.
#[derive(Clone)]
pub struct AppState {
    /// What the use cases work with.
    pub services: Services,
    /// The cookies' names and flags.
    pub cookies: Cookies,
    /// The built single-page app.
    pub spa: Arc<Spa>,
    /// Headers added to every response.
    pub headers: Arc<SecurityHeaders>,
    /// Proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: TrustedProxies,
    /// Body sizes and the time a request may take.
    pub limits: Limits,
}

impl Deref for AppState {
    type Target = Services;

    fn deref(&self) -> &Services {
        &self.services
    }
}

impl FromRef<AppState> for Services {
    fn from_ref(state: &AppState) -> Services {
        state.services.clone()
    }
}

impl FromRef<AppState> for TrustedProxies {
    fn from_ref(state: &AppState) -> TrustedProxies {
        state.trusted_proxies.clone()
    }
}

impl FromRef<AppState> for Limits {
    fn from_ref(state: &AppState) -> Limits {
        state.limits
    }
}

impl FromRef<AppState> for Arc<SecurityHeaders> {
    fn from_ref(state: &AppState) -> Arc<SecurityHeaders> {
        state.headers.clone()
    }
}

impl FromRef<AppState> for Site {
    fn from_ref(state: &AppState) -> Site {
        Site { spa: state.spa.clone(), cookies: state.cookies }
    }
}

impl AppState {
    /// Opens the database and loads the SPA as `config` says.
    pub async fn new(config: &Config) -> anyhow::Result<Self> {
        Self::around(config, Services::open(&config.services()?).await?)
    }

    /// A state around an already opened database.
    pub async fn with_db(config: &Config, db: Store) -> anyhow::Result<Self> {
        Self::around(config, Services::with_db(&config.services()?, db).await?)
    }

    fn around(config: &Config, services: Services) -> anyhow::Result<Self> {
        let spa = Spa::load(&config.static_dir)?;
        let secure = config.served_over_tls();
        let headers = SecurityHeaders::new(&spa.script_hashes, secure);
        let limits = Limits {
            upload_bytes: services.transfers.max_bytes,
            request_timeout: Duration::from_secs(config.request_timeout_secs.max(1)),
        };
        Ok(Self {
            cookies: Cookies { secure, session_max_age: services.sessions.absolute_secs },
            services,
            spa: Arc::new(spa),
            headers: Arc::new(headers),
            trusted_proxies: TrustedProxies(Arc::new(config.trusted_proxies.clone())),
            limits,
        })
    }
}
