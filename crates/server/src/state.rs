//! The one state every handler receives.

use std::sync::Arc;

use sqlx::SqlitePool;

use crate::auth::{Passwords, SessionSettings};
use crate::candidates::ReferenceKey;
use crate::config::Config;
use crate::web::headers::SecurityHeaders;
use crate::web::spa::Spa;

/// Shared, cheaply cloned. Holds nothing per person: every instance behind a load balancer
/// answers the same from the same database.
#[derive(Clone)]
pub struct AppState {
    /// The database pool.
    pub db: SqlitePool,
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
}

impl AppState {
    /// Opens the database and loads the SPA as `config` says.
    pub async fn new(config: &Config) -> anyhow::Result<Self> {
        let db = crate::db::open(&config.data_dir).await?;
        Self::with_db(config, db).await
    }

    /// A state around an already opened database.
    pub async fn with_db(config: &Config, db: SqlitePool) -> anyhow::Result<Self> {
        let reference_key = ReferenceKey::load(&db).await?;
        let spa = Spa::load(&config.static_dir)?;
        let headers = SecurityHeaders::new(&spa.script_hashes, config.served_over_tls());
        Ok(Self {
            db,
            sessions: Arc::new(SessionSettings {
                idle_secs: i64::from(config.idle_timeout_minutes) * 60,
                absolute_secs: i64::from(config.absolute_timeout_hours) * 3600,
                secure: config.served_over_tls(),
            }),
            passwords: Passwords::new()?,
            spa: Arc::new(spa),
            headers: Arc::new(headers),
            reference_key,
        })
    }
}
