//! Server-side sessions behind an opaque cookie (ASVS 5.0 7.2–7.4, 3.3).
//!
//! The token is 256 bits from the operating system's CSPRNG, new at every login; only its
//! SHA-256 is stored. Sessions end after `idle` minutes without a request and `absolute`
//! hours after login, at logout, and all at once on "log out everywhere".

use std::sync::{Arc, Mutex};

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::rngs::OsRng;
use rand::RngCore;
use sha2::{Digest, Sha256};
use zelfregie_model::{ErrorCode, Role};

use crate::error::AppError;
use crate::state::AppState;
use crate::store::{accounts, now, Store};

/// A request is counted as activity at most once a minute, to spare the database a write per
/// request — and at most a thirtieth of the idle timeout apart, so a short timeout (tests)
/// still counts activity.
fn touch_interval(idle_secs: i64) -> i64 {
    (idle_secs / 30).clamp(0, 60)
}

/// The response header with the seconds a session lasts without further activity; on every
/// answer to a request that carried a valid session, and on the answer that starts one. The
/// SPA counts down from it to warn before the session ends (docs/security.md "Sessions").
pub const EXPIRES_IN_HEADER: &str = "x-session-expires-in";

/// Seconds until a session that started at `created_at` and was last active at `last_seen_at`
/// ends, at `now`.
fn expires_in(settings: &SessionSettings, created_at: i64, last_seen_at: i64, now: i64) -> i64 {
    (last_seen_at + settings.idle_secs).min(created_at + settings.absolute_secs) - now
}

/// Session timing and cookie flags.
#[derive(Clone, Debug)]
pub struct SessionSettings {
    /// Seconds without a request after which a session ends.
    pub idle_secs: i64,
    /// Seconds after login at which a session ends.
    pub absolute_secs: i64,
    /// Served over TLS: `Secure` and the `__Host-` prefix (ASVS 5.0 3.3.1, 3.3.3).
    pub secure: bool,
}

impl SessionSettings {
    /// The cookie's name.
    pub fn cookie_name(&self) -> &'static str {
        if self.secure {
            "__Host-zelfregie-session"
        } else {
            "zelfregie-session"
        }
    }

    /// `Set-Cookie` for a new session: HttpOnly, SameSite=Strict, Path=/, no Domain, and
    /// Secure when served over TLS. Max-Age is the absolute timeout, so the browser never
    /// keeps it longer than the server honours it.
    pub fn set_cookie(&self, token: &str) -> HeaderValue {
        let secure = if self.secure { "; Secure" } else { "" };
        let value = format!(
            "{}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Strict{}",
            self.cookie_name(),
            token,
            self.absolute_secs,
            secure
        );
        HeaderValue::from_str(&value).expect("token is base64url")
    }

    /// `Set-Cookie` that removes the session cookie.
    pub fn clear_cookie(&self) -> HeaderValue {
        let secure = if self.secure { "; Secure" } else { "" };
        HeaderValue::from_str(&format!(
            "{}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict{}",
            self.cookie_name(),
            secure
        ))
        .expect("static cookie")
    }

    /// The session token the request carries, if any.
    pub fn token<'a>(&self, headers: &'a HeaderMap) -> Option<&'a str> {
        cookie(headers, self.cookie_name())
    }
}

/// The value of the cookie `name` the request carries, if any (the first, when several).
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
        .filter(|v| !v.is_empty())
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
/// other people's data (see [`StaffSession`], [`RecruiterSession`]).
pub async fn create(store: &Store, account_id: i64, strong: bool) -> Result<String, AppError> {
    insert(store, account_id, LoginMethod::Password, None, strong).await
}

/// Starts a session for `account_id` logged in with passkey `passkey_id` (removing the
/// passkey elsewhere ends the session); returns the token for the cookie. A user-verified
/// passkey is a strong login by itself.
pub async fn create_with_passkey(store: &Store, account_id: i64, passkey_id: i64) -> Result<String, AppError> {
    insert(store, account_id, LoginMethod::Passkey, Some(passkey_id), true).await
}

async fn insert(
    store: &Store,
    account_id: i64,
    method: LoginMethod,
    passkey: Option<i64>,
    strong: bool,
) -> Result<String, AppError> {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    let token = URL_SAFE_NO_PAD.encode(bytes);
    accounts::insert_session(store.pool(), &hash_token(&token), account_id, now(), method.as_str(), passkey, strong)
        .await?;
    Ok(token)
}

/// Ends one session.
pub async fn end(store: &Store, token_hash: &[u8]) -> Result<(), AppError> {
    Ok(accounts::end_session(store.pool(), token_hash).await?)
}

/// Ends every session of an account (ASVS 5.0 7.4.2, "log out everywhere").
pub async fn end_all(store: &Store, account_id: i64) -> Result<u64, AppError> {
    Ok(accounts::end_sessions(store.pool(), account_id, None).await?)
}

/// Number of sessions of an account that have not timed out.
pub async fn count_active(store: &Store, settings: &SessionSettings, account_id: i64) -> Result<u32, AppError> {
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
    /// Looks up the session of `headers`, if it is valid, and counts the request as activity.
    pub async fn from_headers(state: &AppState, headers: &HeaderMap) -> Result<Option<Self>, AppError> {
        Ok(Self::lookup(state, headers, true).await?.map(|(session, _)| session))
    }

    /// The session of `headers`, if it is valid, with the seconds it lasts from now on;
    /// `touch` counts the request as activity.
    pub async fn lookup(state: &AppState, headers: &HeaderMap, touch: bool) -> Result<Option<(Self, i64)>, AppError> {
        let settings = &state.sessions;
        let Some(token) = settings.token(headers) else { return Ok(None) };
        let token_hash = hash_token(token);
        let row = accounts::session(state.db.pool(), &token_hash).await?;
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
            end(&state.db, &token_hash).await?;
            return Ok(None);
        }
        let mut last_seen_at = last_seen_at;
        if touch && now - last_seen_at >= touch_interval(settings.idle_secs) {
            accounts::touch_session(state.db.pool(), &token_hash, now).await?;
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

/// Where the extractor leaves a session's remaining seconds for [`expires_in_header`].
#[derive(Clone, Default)]
pub struct ExpiresIn(Arc<Mutex<Option<i64>>>);

impl ExpiresIn {
    /// Records the remaining seconds of the request's session.
    pub fn set(parts: &Parts, seconds: i64) {
        if let Some(slot) = parts.extensions.get::<ExpiresIn>() {
            *slot.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(seconds);
        }
    }
}

/// Middleware: adds [`EXPIRES_IN_HEADER`] to the answer of a request with a valid session,
/// and to an answer that sets a new session cookie (a login, a registration).
pub async fn expires_in_header(
    axum::extract::State(state): axum::extract::State<AppState>,
    mut request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let slot = ExpiresIn::default();
    request.extensions_mut().insert(slot.clone());
    let mut response = next.run(request).await;
    let settings = &state.sessions;
    let prefix = format!("{}=", settings.cookie_name());
    let started = response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.starts_with(&prefix) && !v.contains("Max-Age=0"));
    let recorded = *slot.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let seconds = if started { Some(settings.idle_secs.min(settings.absolute_secs)) } else { recorded };
    if let Some(seconds) = seconds {
        response.headers_mut().insert(EXPIRES_IN_HEADER, HeaderValue::from(seconds.max(0)));
    }
    response
}

/// A logged-in person (candidate or course participant); anyone else gets 403.
pub struct PersonSession(pub CurrentSession);

/// A logged-in recruiter, with their partner; anyone else gets 403.
pub struct RecruiterSession {
    /// The session.
    pub session: CurrentSession,
    /// The recruiter's partner id.
    pub partner_id: i64,
    /// The recruiter's partner slug.
    pub partner_slug: String,
}

/// A logged-in member of the academy's staff; anyone else gets 403.
pub struct StaffSession(pub CurrentSession);

/// Staff see other people's data only in a session opened with a second factor: 403
/// `second_factor_required` otherwise (docs/security.md "Second factor").
pub fn strong_enough(session: &CurrentSession) -> Result<(), AppError> {
    if zelfregie_model::second_factor::required_for(session.role) && !session.strong {
        return Err(AppError::code(ErrorCode::SecondFactorRequired));
    }
    Ok(())
}

impl FromRequestParts<AppState> for StaffSession {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let session = CurrentSession::from_request_parts(parts, state).await?;
        if session.role != Role::AcademyStaff {
            return Err(AppError::code(ErrorCode::Forbidden));
        }
        strong_enough(&session)?;
        Ok(StaffSession(session))
    }
}

/// A logged-in member of the privacy staff; anyone else gets 403.
pub struct PrivacyStaffSession(pub CurrentSession);

impl FromRequestParts<AppState> for PrivacyStaffSession {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let session = CurrentSession::from_request_parts(parts, state).await?;
        if session.role != Role::PrivacyStaff {
            return Err(AppError::code(ErrorCode::Forbidden));
        }
        strong_enough(&session)?;
        Ok(PrivacyStaffSession(session))
    }
}

/// A logged-in administrator, in a session opened with a second factor; anyone else gets 403.
pub struct AdminSession(pub CurrentSession);

impl FromRequestParts<AppState> for AdminSession {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let session = CurrentSession::from_request_parts(parts, state).await?;
        if session.role != Role::Administrator {
            return Err(AppError::code(ErrorCode::Forbidden));
        }
        strong_enough(&session)?;
        Ok(AdminSession(session))
    }
}

/// Who may read the administration's log: administrators and privacy staff, in a session
/// opened with a second factor; anyone else gets 403.
pub struct AuditSession(pub CurrentSession);

impl FromRequestParts<AppState> for AuditSession {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let session = CurrentSession::from_request_parts(parts, state).await?;
        if !matches!(session.role, Role::Administrator | Role::PrivacyStaff) {
            return Err(AppError::code(ErrorCode::Forbidden));
        }
        strong_enough(&session)?;
        Ok(AuditSession(session))
    }
}

impl FromRequestParts<AppState> for PersonSession {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let session = CurrentSession::from_request_parts(parts, state).await?;
        if session.role != Role::Person {
            return Err(AppError::code(ErrorCode::Forbidden));
        }
        Ok(PersonSession(session))
    }
}

impl FromRequestParts<AppState> for RecruiterSession {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let session = CurrentSession::from_request_parts(parts, state).await?;
        match (session.role, session.partner.clone()) {
            (Role::Recruiter, Some((partner_id, partner_slug))) => {
                strong_enough(&session)?;
                Ok(RecruiterSession { session, partner_id, partner_slug })
            }
            _ => Err(AppError::code(ErrorCode::Forbidden)),
        }
    }
}

impl FromRequestParts<AppState> for CurrentSession {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let (session, left) = CurrentSession::lookup(state, &parts.headers, true)
            .await?
            .ok_or_else(|| AppError::code(ErrorCode::Unauthenticated))?;
        ExpiresIn::set(parts, left);
        Ok(session)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(secure: bool) -> SessionSettings {
        SessionSettings { idle_secs: 1800, absolute_secs: 43200, secure }
    }

    #[test]
    fn cookie_flags_over_plain_http() {
        let c = settings(false).set_cookie("abc");
        assert_eq!(c, "zelfregie-session=abc; Path=/; Max-Age=43200; HttpOnly; SameSite=Strict");
    }

    #[test]
    fn cookie_flags_over_tls_use_the_host_prefix() {
        let c = settings(true).set_cookie("abc");
        let c = c.to_str().unwrap();
        assert!(c.starts_with("__Host-zelfregie-session=abc; Path=/;"));
        assert!(c.ends_with("; HttpOnly; SameSite=Strict; Secure"));
        assert!(!c.contains("Domain"), "__Host- forbids Domain");
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
        let s = settings(false);
        assert_eq!(expires_in(&s, 1000, 1000, 1000), 1800);
        assert_eq!(expires_in(&s, 1000, 1600, 1700), 1700);
        // Near the absolute end, activity no longer helps.
        assert_eq!(expires_in(&s, 0, 43000, 43000), 200);
    }

    #[test]
    fn token_is_read_from_among_other_cookies() {
        let mut h = HeaderMap::new();
        h.insert(header::COOKIE, HeaderValue::from_static("a=1; zelfregie-session=tok; b=2"));
        assert_eq!(settings(false).token(&h), Some("tok"));
        assert_eq!(settings(true).token(&h), None, "over TLS only the __Host- cookie counts");
    }
}
