//! `POST /api/account`: ask for an account (a link is mailed); `POST /api/account/confirm`:
//! the link's button, which creates the account and logs it in
//! (docs/security.md "Registration by mail link").

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use zelfregie_model::{Registration, RegistrationConfirm, SessionInfo};

use super::session::started;
use crate::client_ip::ClientIp;
use crate::error::HttpError;
use crate::http::extract::Json;
use crate::state::AppState;
use zelfregie_domain::auth::login;
use zelfregie_domain::registration;

/// Asks for a person's account. The answer is the same `202`, in about the same time, for a
/// new address, a taken one, and over a limit (then no mail goes): it tells nobody whether
/// the address has an account. A new address gets a link; a taken one a notice with the way
/// to a new password. Recruiter and academy accounts are not made here: they are bound to an
/// organisation by the network.
#[utoipa::path(post, path = "/api/account", tag = "account", request_body = Registration,
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses(
        (status = 202, description = "Always the same: check your mail"),
        (status = 422, body = zelfregie_model::ApiError, description = "`validation_failed` with per-field codes")))]
pub async fn register(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Json(registration): Json<Registration>,
) -> Result<StatusCode, HttpError> {
    HttpError::ensure_valid(registration.validate())?;
    let proven = state.cookies.mailbox_proven(&state, &headers, &registration.email);
    registration::request(&state, &ip, registration, proven).await?;
    Ok(StatusCode::ACCEPTED)
}

/// The button on the page behind the link in the registration mail, with the password chosen
/// there: creates the account, once, within 24 hours, and logs it in.
#[utoipa::path(post, path = "/api/account/confirm", tag = "account", request_body = RegistrationConfirm,
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses(
        (status = 201, body = SessionInfo, description = "Account created; the session cookie is set"),
        (status = 400, body = zelfregie_model::ApiError, description = "`token_invalid`: unknown, used or expired"),
        (status = 422, body = zelfregie_model::ApiError, description = "`validation_failed`: the password; the link still works"),
        (status = 409, body = zelfregie_model::ApiError, description = "`email_taken`: the address got an account meanwhile")))]
pub async fn confirm(
    State(state): State<AppState>,
    headers: HeaderMap,
    Json(body): Json<RegistrationConfirm>,
) -> Result<impl IntoResponse, HttpError> {
    let logged_in = login::after_registration(&state, body, state.cookies.session(&headers)).await?;
    Ok((StatusCode::CREATED, started(&state, logged_in)))
}
