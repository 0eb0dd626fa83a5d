//! `/api/session`: who is logged in, log in, log out; `/api/me/sessions`: log out everywhere.

use axum::extract::Request;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::IntoResponse;
use zelfregie_model::account::normalize_email;
use zelfregie_model::{Credentials, ErrorCode, Role, SessionDetails, SessionInfo, SessionTimeLeft};

use super::ClientIp;
use crate::auth::session::{self, hash_token, CurrentSession, ExpiresIn};
use crate::auth::throttle;
use crate::error::{AppError, Json};
use crate::state::AppState;
use crate::store::{now, to_datetime};

/// On logout the browser drops cookies and cached responses (docs/security.md "Headers"). Not "storage":
/// the language choice kept there is not personal and should survive.
const CLEAR_SITE_DATA: (HeaderName, HeaderValue) =
    (HeaderName::from_static("clear-site-data"), HeaderValue::from_static("\"cache\", \"cookies\""));

/// Who is logged in. Nobody (no cookie, or a session that has ended) is an answer, not an
/// error: `204 No Content`, so public pages that ask on every load log no failed request
/// (docs/security.md "Sessions"). Every other endpoint still answers `401` without a session.
#[utoipa::path(get, path = "/api/session", tag = "account", security((), ("session" = [])),
    responses((status = 200, body = SessionInfo, description = "Logged in; counts as activity"),
              (status = 204, description = "Nobody is logged in: no session cookie, or its session has ended")))]
pub async fn current(State(state): State<AppState>, request: Request) -> Result<axum::response::Response, AppError> {
    let (parts, _) = request.into_parts();
    let Some((session, left)) = CurrentSession::lookup(&state, &parts.headers, true).await? else {
        return Ok(StatusCode::NO_CONTENT.into_response());
    };
    ExpiresIn::set(&parts, left);
    Ok(Json(session_info(&state, &session).await?).into_response())
}

/// How long the session lasts without further activity. Asking does not count as activity:
/// the SPA asks when its own countdown runs out, to learn whether activity in another tab
/// kept the session going, without keeping it going itself.
#[utoipa::path(get, path = "/api/session/time-left", tag = "account", security(("session" = [])),
    responses((status = 200, body = SessionTimeLeft, headers(("X-Session-Expires-In" = u32, description = "the same seconds"))),
              (status = 401, body = zelfregie_model::ApiError, description = "`unauthenticated`: the session has ended")))]
pub async fn time_left(State(state): State<AppState>, request: Request) -> Result<Json<SessionTimeLeft>, AppError> {
    let (parts, _) = request.into_parts();
    let (_, left) = CurrentSession::lookup(&state, &parts.headers, false)
        .await?
        .ok_or_else(|| AppError::code(ErrorCode::Unauthenticated))?;
    ExpiresIn::set(&parts, left);
    Ok(Json(SessionTimeLeft { expires_in_secs: u32::try_from(left).unwrap_or(0) }))
}

/// Logs in with e-mail address and password. Unknown address and wrong password get the
/// same answer in the same time (ASVS 5.0 6.3.8); failures are limited per IP address and
/// per account (6.3.1); every login gets a new token (7.2.4).
///
/// An account with two-step verification on also needs `code` (from the authenticator app,
/// or a recovery code): only once the password is right, a login without one answers
/// `second_factor_required`, and a wrong one `invalid_second_factor` (codes counted per
/// account). Staff without it set up get a session that can only set it up.
#[utoipa::path(post, path = "/api/session", tag = "account", request_body = Credentials,
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses(
        (status = 200, body = SessionInfo, description = "Logged in; the session cookie is set"),
        (status = 401, body = zelfregie_model::ApiError, description = "`invalid_credentials`, or `invalid_second_factor` (wrong or used code)"),
        (status = 403, body = zelfregie_model::ApiError, description = "`second_factor_required`: the password is right; send it again with `code`; `account_suspended`: the password is right, and an administrator suspended the account"),
        (status = 422, body = zelfregie_model::ApiError),
        (status = 429, body = zelfregie_model::ApiError, description = "`too_many_attempts`, with `Retry-After`")))]
pub async fn login(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Json(credentials): Json<Credentials>,
) -> Result<impl IntoResponse, AppError> {
    AppError::ensure_valid(credentials.validate())?;
    let email = normalize_email(&credentials.email);
    // Counted before the password is checked: parallel guesses are counted one by one.
    let ip_key = state.throttle.key("login-ip", &ip);
    let account_key = state.throttle.key("login-account", &email);
    throttle::attempt(&state.db, &state.clock, &ip_key, throttle::LOGIN_PER_IP).await?;
    throttle::attempt(&state.db, &state.clock, &account_key, throttle::LOGIN_PER_ACCOUNT).await?;

    let row = crate::store::accounts::credentials_by_email(state.db.pool(), &email).await?;
    let (account_id, stored) = row.map_or((None, None), |(id, hash)| (Some(id), Some(hash)));
    let verified = state.passwords.verify(credentials.password, stored).await?;
    let Some(account_id) = account_id.filter(|_| verified) else {
        tracing::info!("login failed");
        return Err(AppError::code(ErrorCode::InvalidCredentials));
    };
    // Only now, with the password right, is it told that the account is suspended, or
    // whether a code is needed.
    crate::admin::ensure_not_suspended(&state, account_id).await?;
    let strong = if crate::second_factor::enabled(&state.db, account_id).await? {
        let Some(code) = credentials.code.as_deref().filter(|c| !c.trim().is_empty()) else {
            tracing::info!(account_id, "login needs the second factor");
            return Err(AppError::code(ErrorCode::SecondFactorRequired));
        };
        if !crate::second_factor::verify(&state, account_id, code).await? {
            tracing::info!(account_id, "login with a wrong second factor");
            return Err(AppError::code(ErrorCode::InvalidSecondFactor));
        }
        true
    } else {
        false
    };
    throttle::clear(&state.db, &account_key).await?;
    throttle::refund(&state.db, &ip_key).await?;
    // A session the browser still carries is ended, never reused (session fixation).
    if let Some(old) = state.sessions.token(&headers) {
        session::end(&state.db, &hash_token(old)).await?;
    }
    let token = session::create(&state.db, account_id, strong).await?;
    // A login is the activity retention counts from (and takes back a warning).
    crate::store::retention::record_activity(state.db.pool(), account_id, state.clock.now()).await?;
    tracing::info!(account_id, strong, "login");
    let info = session_info(&state, &started(account_id, &token, strong)).await?;
    // Logged into the account of this address: the browser counts apart when it asks for a
    // link to it later (auth::mailbox).
    let cookies = axum::response::AppendHeaders([
        (header::SET_COOKIE, state.sessions.set_cookie(&token)),
        (header::SET_COOKIE, crate::auth::mailbox::set_cookie(&state, &email)),
    ]);
    Ok((cookies, Json(info)))
}

/// Logs out: the session ends on the server and the cookie is removed (ASVS 5.0 7.4.1).
/// Answers 204 also when there was no session, so a retried logout is harmless.
#[utoipa::path(delete, path = "/api/session", tag = "account", security((), ("session" = [])),
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 204, description = "Logged out; cookie removed")))]
pub async fn logout(State(state): State<AppState>, headers: HeaderMap) -> Result<impl IntoResponse, AppError> {
    if let Some(token) = state.sessions.token(&headers) {
        session::end(&state.db, &hash_token(token)).await?;
    }
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, state.sessions.clear_cookie()), CLEAR_SITE_DATA]))
}

/// Ends every session of the account, on every device, this one included (ASVS 5.0 7.4.2).
#[utoipa::path(delete, path = "/api/me/sessions", tag = "account", security(("session" = [])),
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 204, description = "All sessions ended; cookie removed"),
              (status = 401, body = zelfregie_model::ApiError)))]
pub async fn logout_everywhere(
    State(state): State<AppState>,
    session: CurrentSession,
) -> Result<impl IntoResponse, AppError> {
    let ended = session::end_all(&state.db, session.account_id).await?;
    tracing::info!(account_id = session.account_id, ended, "logged out everywhere");
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, state.sessions.clear_cookie()), CLEAR_SITE_DATA]))
}

/// The session just created for `account_id` with `token`.
pub(super) fn started(account_id: i64, token: &str, strong: bool) -> CurrentSession {
    // Role, partner and method are not needed to describe the session: `session_info` reads them.
    CurrentSession {
        account_id,
        token_hash: hash_token(token),
        created_at: now(),
        role: Role::Person,
        partner: None,
        method: session::LoginMethod::Password,
        strong,
    }
}

/// What `GET /api/session` answers for `session`.
pub(crate) async fn session_info(state: &AppState, session: &CurrentSession) -> Result<SessionInfo, AppError> {
    let settings = &state.sessions;
    let account = crate::accounts::account(&state.db, session.account_id).await?;
    let second_factor = crate::second_factor::status(&state.db, session.account_id, account.role).await?;
    Ok(SessionInfo {
        account,
        session: SessionDetails {
            started_at: to_datetime(session.created_at),
            expires_at: to_datetime(session.created_at + settings.absolute_secs),
            idle_timeout_minutes: u32::try_from(settings.idle_secs / 60).unwrap_or(u32::MAX),
            strong: session.strong,
            idle_timeout_secs: u32::try_from(settings.idle_secs).unwrap_or(u32::MAX),
        },
        active_sessions: session::count_active(&state.db, settings, session.account_id).await?,
        second_factor,
    })
}
