//! Passkeys: `/api/me/passkeys` (list, add, remove), `/api/session/passkey` (log in) and
//! `/api/me/reauth/passkey` (confirm it is you before a sensitive action). Each ceremony is
//! a `start` that answers WebAuthn options and a `finish` that takes the browser's answer.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use zelfregie_model::passkey::{CeremonyFinish, CeremonyStart, Confirmation, NewPasskey, PasskeyInfo};
use zelfregie_model::SessionInfo;

use super::session::started;
use crate::client_ip::ClientIp;
use crate::error::HttpError;
use crate::http::extract::{Json, Path};
use crate::state::AppState;
use zelfregie_domain::auth::login;
use zelfregie_domain::auth::session::CurrentSession;
use zelfregie_domain::passkeys;

/// The account's passkeys: name, when added, when last used.
#[utoipa::path(get, path = "/api/me/passkeys", tag = "passkeys", security(("session" = [])),
    responses((status = 200, body = Vec<PasskeyInfo>), (status = 401, body = zelfregie_model::ApiError)))]
pub async fn list(State(state): State<AppState>, session: CurrentSession) -> Result<Json<Vec<PasskeyInfo>>, HttpError> {
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
) -> Result<Json<CeremonyStart>, HttpError> {
    HttpError::ensure_valid(body.validate())?;
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
) -> Result<impl IntoResponse, HttpError> {
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
) -> Result<StatusCode, HttpError> {
    HttpError::ensure_valid(body.validate())?;
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
) -> Result<Json<CeremonyStart>, HttpError> {
    Ok(Json(login::start_passkey(&state, &ip).await?))
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
) -> Result<impl IntoResponse, HttpError> {
    let logged_in = login::with_passkey(&state, &ip, body, state.cookies.session(&headers)).await?;
    Ok(started(&state, logged_in))
}

/// Starts confirming it is you with one of the account's passkeys.
#[utoipa::path(post, path = "/api/me/reauth/passkey/start", tag = "passkeys", security(("session" = [])),
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 200, body = CeremonyStart, description = "Options for `navigator.credentials.get`"),
              (status = 401, body = zelfregie_model::ApiError, description = "`unauthenticated`, or `passkey_failed` when the account has no passkey")))]
pub async fn start_reauth(
    State(state): State<AppState>,
    session: CurrentSession,
) -> Result<Json<CeremonyStart>, HttpError> {
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
) -> Result<StatusCode, HttpError> {
    passkeys::finish_reauth(&state, &session, body).await?;
    Ok(StatusCode::NO_CONTENT)
}
