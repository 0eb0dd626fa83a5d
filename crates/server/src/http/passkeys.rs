//! Passkeys: `/api/me/passkeys` (list, add, remove), `/api/session/passkey` (log in) and
//! `/api/me/reauth/passkey` (confirm it is you before a sensitive action). Each ceremony is
//! a `start` that answers WebAuthn options and a `finish` that takes the browser's answer.

use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::IntoResponse;
use zelfregie_model::passkey::{CeremonyFinish, CeremonyStart, Confirmation, NewPasskey, PasskeyInfo};
use zelfregie_model::SessionInfo;

use super::session::session_info;
use super::ClientIp;
use crate::auth::session::{self, hash_token, CurrentSession, LoginMethod};
use crate::auth::throttle::{self, Limit};
use crate::error::{AppError, Json, Path};
use crate::passkeys;
use crate::state::AppState;
use crate::store::now;

/// Passkey ceremonies started from one IP address without a session (each stores a row for
/// five minutes).
pub const LOGIN_STARTS_PER_IP: Limit = Limit::count(100, 15 * 60);

/// The account's passkeys: name, when added, when last used.
#[utoipa::path(get, path = "/api/me/passkeys", tag = "passkeys", security(("session" = [])),
    responses((status = 200, body = Vec<PasskeyInfo>), (status = 401, body = zelfregie_model::ApiError)))]
pub async fn list(State(state): State<AppState>, session: CurrentSession) -> Result<Json<Vec<PasskeyInfo>>, AppError> {
    Ok(Json(passkeys::list(&state, session.account_id).await?))
}

/// Starts adding a passkey. Needs the current password, or a passkey confirmation made just
/// before (`confirmed_with_passkey`).
#[utoipa::path(post, path = "/api/me/passkeys/start", tag = "passkeys", security(("session" = [])), request_body = NewPasskey,
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 200, body = CeremonyStart, description = "Options for `navigator.credentials.create`"),
              (status = 401, body = zelfregie_model::ApiError),
              (status = 422, body = zelfregie_model::ApiError, description = "a bad name, a wrong password, or `reauth_required`"),
              (status = 429, body = zelfregie_model::ApiError, description = "`too_many_attempts`")))]
pub async fn start_registration(
    State(state): State<AppState>,
    session: CurrentSession,
    Json(body): Json<NewPasskey>,
) -> Result<Json<CeremonyStart>, AppError> {
    AppError::ensure_valid(body.validate())?;
    let c = body.confirmation;
    passkeys::confirm(&state, &session, c.password, c.confirmed_with_passkey, "password").await?;
    Ok(Json(passkeys::start_registration(&state, &session, &body.name).await?))
}

/// Finishes adding a passkey with the browser's answer.
#[utoipa::path(post, path = "/api/me/passkeys/finish", tag = "passkeys", security(("session" = [])), request_body = CeremonyFinish,
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 201, body = PasskeyInfo, description = "Added"),
              (status = 401, body = zelfregie_model::ApiError, description = "`passkey_failed` (expired, used, or not valid)")))]
pub async fn finish_registration(
    State(state): State<AppState>,
    session: CurrentSession,
    Json(body): Json<CeremonyFinish>,
) -> Result<impl IntoResponse, AppError> {
    let info = passkeys::finish_registration(&state, &session, body).await?;
    Ok((StatusCode::CREATED, Json(info)))
}

/// Removes a passkey; it no longer logs in, and the other sessions it started end. Needs the
/// current password or a passkey confirmation made just before.
#[utoipa::path(delete, path = "/api/me/passkeys/{id}", tag = "passkeys", security(("session" = [])), request_body = Confirmation,
    params(("id" = i64, Path), ("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 204, description = "Removed"),
              (status = 404, body = zelfregie_model::ApiError, description = "no such passkey of this account"),
              (status = 422, body = zelfregie_model::ApiError, description = "a wrong password or `reauth_required`"),
              (status = 429, body = zelfregie_model::ApiError, description = "`too_many_attempts` (wrong passwords), with `Retry-After`")))]
pub async fn remove(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(id): Path<i64>,
    Json(body): Json<Confirmation>,
) -> Result<StatusCode, AppError> {
    AppError::ensure_valid(body.validate())?;
    passkeys::confirm(&state, &session, body.password, body.confirmed_with_passkey, "password").await?;
    passkeys::remove(&state, session.account_id, id, &session.token_hash).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Starts a login with a passkey: no address needed, the device offers its passkeys for
/// this site.
#[utoipa::path(post, path = "/api/session/passkey/start", tag = "passkeys",
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 200, body = CeremonyStart, description = "Options for `navigator.credentials.get`"),
              (status = 429, body = zelfregie_model::ApiError, description = "`too_many_attempts`")))]
pub async fn start_login(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
) -> Result<Json<CeremonyStart>, AppError> {
    throttle::attempt(&state.db, &state.clock, &state.throttle.key("passkey-start-ip", &ip), LOGIN_STARTS_PER_IP)
        .await?;
    Ok(Json(passkeys::start_login(&state).await?))
}

/// Finishes a login with a passkey: a new session exactly as a password login makes one (a
/// session the browser still carries ends; failures count on the IP address's login
/// counter), marked as a passkey login.
#[utoipa::path(post, path = "/api/session/passkey/finish", tag = "passkeys", request_body = CeremonyFinish,
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 200, body = SessionInfo, description = "Logged in; the session cookie is set"),
              (status = 401, body = zelfregie_model::ApiError, description = "`passkey_failed`"),
              (status = 403, body = zelfregie_model::ApiError, description = "`account_suspended`"),
              (status = 429, body = zelfregie_model::ApiError, description = "`too_many_attempts`, with `Retry-After`")))]
pub async fn finish_login(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Json(body): Json<CeremonyFinish>,
) -> Result<impl IntoResponse, AppError> {
    let ip_key = state.throttle.key("login-ip", &ip);
    throttle::attempt(&state.db, &state.clock, &ip_key, throttle::LOGIN_PER_IP).await?;
    let (account_id, passkey_id) = passkeys::finish_login(&state, body).await?;
    throttle::refund(&state.db, &ip_key).await?;
    crate::admin::ensure_not_suspended(&state, account_id).await?;
    if let Some(old) = state.sessions.token(&headers) {
        session::end(&state.db, &hash_token(old)).await?;
    }
    let token = session::create_with_passkey(&state.db, account_id, passkey_id).await?;
    // A login is the activity retention counts from (and takes back a warning).
    crate::store::retention::record_activity(state.db.pool(), account_id, state.clock.now()).await?;
    tracing::info!(account_id, "login with a passkey");
    let started = CurrentSession {
        account_id,
        token_hash: hash_token(&token),
        created_at: now(),
        role: zelfregie_model::Role::Person,
        partner: None,
        method: LoginMethod::Passkey,
        strong: true,
    };
    let info = session_info(&state, &started).await?;
    Ok(([(header::SET_COOKIE, state.sessions.set_cookie(&token))], Json(info)))
}

/// Starts confirming it is you with one of the account's passkeys.
#[utoipa::path(post, path = "/api/me/reauth/passkey/start", tag = "passkeys", security(("session" = [])),
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 200, body = CeremonyStart, description = "Options for `navigator.credentials.get`"),
              (status = 401, body = zelfregie_model::ApiError, description = "`unauthenticated`, or `passkey_failed` when the account has no passkey")))]
pub async fn start_reauth(
    State(state): State<AppState>,
    session: CurrentSession,
) -> Result<Json<CeremonyStart>, AppError> {
    Ok(Json(passkeys::start_reauth(&state, &session).await?))
}

/// Finishes confirming: for the next five minutes this session may do one sensitive action
/// with `confirmed_with_passkey` instead of the password.
#[utoipa::path(post, path = "/api/me/reauth/passkey/finish", tag = "passkeys", security(("session" = [])), request_body = CeremonyFinish,
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 204, description = "Confirmed"),
              (status = 401, body = zelfregie_model::ApiError, description = "`passkey_failed`")))]
pub async fn finish_reauth(
    State(state): State<AppState>,
    session: CurrentSession,
    Json(body): Json<CeremonyFinish>,
) -> Result<StatusCode, AppError> {
    passkeys::finish_reauth(&state, &session, body).await?;
    Ok(StatusCode::NO_CONTENT)
}
