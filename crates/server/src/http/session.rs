//! `/api/session`: who is logged in, log in, log out; `/api/me/sessions`: log out everywhere.

use axum::extract::Request;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::IntoResponse;
use zelfregie_domain::auth::login::{self, LoggedIn};
use zelfregie_domain::auth::session::{self, hash_token, CurrentSession};
use zelfregie_model::{Credentials, ErrorCode, SessionInfo, SessionTimeLeft};

use super::sessions::ExpiresIn;
use crate::client_ip::ClientIp;
use crate::error::HttpError;
use crate::http::extract::Json;
use crate::state::AppState;

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
pub async fn current(State(state): State<AppState>, request: Request) -> Result<axum::response::Response, HttpError> {
    let (parts, _) = request.into_parts();
    let Some((session, left)) =
        CurrentSession::lookup(&state.db, &state.sessions, state.cookies.session(&parts.headers), true).await?
    else {
        return Ok(StatusCode::NO_CONTENT.into_response());
    };
    ExpiresIn::set(&parts, left);
    Ok(Json(login::info(&state, &session).await?).into_response())
}

/// How long the session lasts without further activity. Asking does not count as activity:
/// the SPA asks when its own countdown runs out, to learn whether activity in another tab
/// kept the session going, without keeping it going itself.
#[utoipa::path(get, path = "/api/session/time-left", tag = "account", security(("session" = [])),
    responses((status = 200, body = SessionTimeLeft, headers(("X-Session-Expires-In" = u32, description = "the same seconds"))),
              (status = 401, body = zelfregie_model::ApiError, description = "`unauthenticated`: the session has ended")))]
pub async fn time_left(State(state): State<AppState>, request: Request) -> Result<Json<SessionTimeLeft>, HttpError> {
    let (parts, _) = request.into_parts();
    let (_, left) = CurrentSession::lookup(&state.db, &state.sessions, state.cookies.session(&parts.headers), false)
        .await?
        .ok_or_else(|| HttpError::code(ErrorCode::Unauthenticated))?;
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
) -> Result<impl IntoResponse, HttpError> {
    let old = state.cookies.session(&headers);
    let logged_in = login::with_password(&state, &ip, credentials, old).await?;
    Ok(started(&state, logged_in))
}

/// The answer that starts a session: its cookie, the mailbox proof when the login showed the
/// person reads that mailbox (`auth::mailbox`), and what `GET /api/session` now answers.
pub(super) fn started(state: &AppState, logged_in: LoggedIn) -> impl IntoResponse {
    let mut cookies = vec![(header::SET_COOKIE, state.cookies.set_session(&logged_in.token))];
    if let Some(email) = &logged_in.mailbox {
        cookies.push((header::SET_COOKIE, state.cookies.set_mailbox(state, email)));
    }
    (axum::response::AppendHeaders(cookies), Json(logged_in.info))
}

/// Logs out: the session ends on the server and the cookie is removed (ASVS 5.0 7.4.1).
/// Answers 204 also when there was no session, so a retried logout is harmless.
#[utoipa::path(delete, path = "/api/session", tag = "account", security((), ("session" = [])),
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 204, description = "Logged out; cookie removed")))]
pub async fn logout(State(state): State<AppState>, headers: HeaderMap) -> Result<impl IntoResponse, HttpError> {
    if let Some(token) = state.cookies.session(&headers) {
        session::end(&state.db, &hash_token(token)).await?;
    }
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, state.cookies.clear_session()), CLEAR_SITE_DATA]))
}

/// Ends every session of the account, on every device, this one included (ASVS 5.0 7.4.2).
#[utoipa::path(delete, path = "/api/me/sessions", tag = "account", security(("session" = [])),
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 204, description = "All sessions ended; cookie removed"),
              (status = 401, body = zelfregie_model::ApiError)))]
pub async fn logout_everywhere(
    State(state): State<AppState>,
    session: CurrentSession,
) -> Result<impl IntoResponse, HttpError> {
    let ended = session::end_all(&state.db, session.account_id).await?;
    tracing::info!(account_id = session.account_id, ended, "logged out everywhere");
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, state.cookies.clear_session()), CLEAR_SITE_DATA]))
}
