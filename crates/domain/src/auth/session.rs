//! Server-side sessions behind an opaque cookie (ASVS 5.0 7.2–7.4, 3.3).
//!
//! The token is 256 bits from the operating system's CSPRNG, new at every login; only its
//! SHA-256 is stored. Sessions end after `idle` minutes without a request and `absolute`
//! hours after login, at logout, and all at once on "log out everywhere".

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::rngs::OsRng;
use rand::RngCore;
use sha2::{Digest, Sha256};
use zelfregie_model::{ErrorCode, Role};

use crate::error::Error;
use crate::store::{accounts, now, Store};

/// A request is counted as activity at most once a minute, to spare the database a write per
/// request — and at most a thirtieth of the idle timeout apart, so a short timeout (tests)
/// still counts activity.
fn touch_interval(idle_secs: i64) -> i64 {
    (idle_secs / 30).clamp(0, 60)
}

/// Seconds until a session that started at `created_at` and was last active at `last_seen_at`
/// ends, at `now`.
pub fn expires_in(settings: &SessionSettings, created_at: i64, last_seen_at: i64, now: i64) -> i64 {
    (last_seen_at + settings.idle_secs).min(created_at + settings.absolute_secs) - now
}

/// Session timing.
#[derive(Clone, Debug)]
pub struct SessionSettings {
    /// Seconds without a request after which a session ends.
    pub idle_secs: i64,
    /// Seconds after login at which a session ends.
    pub absolute_secs: i64,
}

/// SHA-256 of a token: the form in which it is stored and looked up.
pub fn hash_token(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// How a session was started.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoginMethod {
    /// E-mail address and password (or registration, or a password reset).
    Password,
    /// A passkey with user verification: possession of the device plus its PIN or
    /// biometrics, phishing-resistant; counts as a strong (multi-factor) login.
    Passkey,
}

impl LoginMethod {
    /// As stored in `sessions.method`.
    pub fn as_str(self) -> &'static str {
        match self {
            LoginMethod::Password => "password",
            LoginMethod::Passkey => "passkey",
        }
    }

    /// From `sessions.method`; anything unknown counts as the weaker password login.
    pub fn parse(s: &str) -> Self {
        if s == "passkey" {
            LoginMethod::Passkey
        } else {
            LoginMethod::Password
        }
    }
}

/// Starts a password session for `account_id`; returns the token for the cookie. `strong`:
/// the person also gave a one-time code at this login; staff need a strong session to see
/// other people's data (see [`strong_enough`]).
pub async fn create(store: &Store, account_id: i64, strong: bool) -> Result<String, Error> {
    insert(store, account_id, LoginMethod::Password, None, strong).await
}

/// Starts a session for `account_id` logged in with passkey `passkey_id` (removing the
/// passkey elsewhere ends the session); returns the token for the cookie. A user-verified
/// passkey is a strong login by itself.
pub async fn create_with_passkey(store: &Store, account_id: i64, passkey_id: i64) -> Result<String, Error> {
    insert(store, account_id, LoginMethod::Passkey, Some(passkey_id), true).await
}

async fn insert(
    store: &Store,
    account_id: i64,
    method: LoginMethod,
    passkey: Option<i64>,
    strong: bool,
) -> Result<String, Error> {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    let token = URL_SAFE_NO_PAD.encode(bytes);
    accounts::insert_session(store.pool(), &hash_token(&token), account_id, now(), method.as_str(), passkey, strong)
        .await?;
    Ok(token)
}

/// Ends one session.
pub async fn end(store: &Store, token_hash: &[u8]) -> Result<(), Error> {
    Ok(accounts::end_session(store.pool(), token_hash).await?)
}

/// Ends every session of an account (ASVS 5.0 7.4.2, "log out everywhere").
pub async fn end_all(store: &Store, account_id: i64) -> Result<u64, Error> {
    Ok(accounts::end_sessions(store.pool(), account_id, None).await?)
}

/// Number of sessions of an account that have not timed out.
pub async fn count_active(store: &Store, settings: &SessionSettings, account_id: i64) -> Result<u32, Error> {
    let now = now();
    let n = accounts::count_active_sessions(
        store.pool(),
        account_id,
        now - settings.idle_secs,
        now - settings.absolute_secs,
    )
    .await?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// Deletes timed-out sessions of everyone.
pub async fn purge(store: &Store, settings: &SessionSettings) -> sqlx::Result<u64> {
    let now = now();
    accounts::purge_sessions(store.pool(), now - settings.idle_secs, now - settings.absolute_secs).await
}

/// The valid session a request carries. As an extractor it answers 401
/// `unauthenticated` when there is none, or when it has timed out (and then deletes it).
#[derive(Clone, Debug)]
pub struct CurrentSession {
    /// The logged-in account.
    pub account_id: i64,
    /// The stored hash of this session's token.
    pub token_hash: Vec<u8>,
    /// Login time (Unix seconds).
    pub created_at: i64,
    /// The account's role.
    pub role: Role,
    /// The partner a recruiter works for (id and slug).
    pub partner: Option<(i64, String)>,
    /// How the person logged in.
    pub method: LoginMethod,
    /// Opened with a second factor (password and a one-time code, or a passkey).
    pub strong: bool,
}

impl CurrentSession {
    /// Whether this session was started with a passkey (user-verified): a strong login,
    /// which rules that demand a second factor can accept as it is.
    pub fn passkey_login(&self) -> bool {
        self.method == LoginMethod::Passkey
    }
}

impl CurrentSession {
    /// The session of the cookie's `token`, if it is valid, with the seconds it lasts from
    /// now on; `touch` counts the request as activity.
    pub async fn lookup(
        db: &Store,
        settings: &SessionSettings,
        token: Option<&str>,
        touch: bool,
    ) -> Result<Option<(Self, i64)>, Error> {
        let Some(token) = token else { return Ok(None) };
        let token_hash = hash_token(token);
        let row = accounts::session(db.pool(), &token_hash).await?;
        let Some(accounts::SessionRow {
            account_id,
            created_at,
            last_seen_at,
            role,
            partner_id,
            slug,
            method,
            second_factor,
        }) = row
        else {
            return Ok(None);
        };
        let role = Role::parse(&role).ok_or_else(|| anyhow::anyhow!("unknown role in database"))?;
        let now = now();
        if now - last_seen_at >= settings.idle_secs || now - created_at >= settings.absolute_secs {
            end(db, &token_hash).await?;
            return Ok(None);
        }
        let mut last_seen_at = last_seen_at;
        if touch && now - last_seen_at >= touch_interval(settings.idle_secs) {
            accounts::touch_session(db.pool(), &token_hash, now).await?;
            last_seen_at = now;
        }
        let left = expires_in(settings, created_at, last_seen_at, now);
        let session = Self {
            account_id,
            token_hash,
            created_at,
            role,
            partner: partner_id.zip(slug),
            method: LoginMethod::parse(&method),
            strong: second_factor == 1,
        };
        Ok(Some((session, left)))
    }
}

/// Staff see other people's data only in a session opened with a second factor: 403
/// `second_factor_required` otherwise (docs/security.md "Second factor").
pub fn strong_enough(session: &CurrentSession) -> Result<(), Error> {
    if zelfregie_model::second_factor::required_for(session.role) && !session.strong {
        return Err(Error::code(ErrorCode::SecondFactorRequired));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> SessionSettings {
        SessionSettings { idle_secs: 1800, absolute_secs: 43200 }
    }

    #[test]
    fn activity_is_counted_often_enough_for_short_timeouts() {
        assert_eq!(touch_interval(1800), 60, "a write at most once a minute by default");
        assert_eq!(touch_interval(7200), 60);
        assert_eq!(touch_interval(300), 10);
        assert_eq!(touch_interval(20), 0, "a 20-second timeout counts every request");
    }

    #[test]
    fn time_left_is_the_earlier_of_idle_and_absolute() {
        let s = settings();
        assert_eq!(expires_in(&s, 1000, 1000, 1000), 1800);
        assert_eq!(expires_in(&s, 1000, 1600, 1700), 1700);
        // Near the absolute end, activity no longer helps.
        assert_eq!(expires_in(&s, 0, 43000, 43000), 200);
    }
}
