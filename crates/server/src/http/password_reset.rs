//! `/api/password-reset`: ask for a reset link by mail, and set a new password with it
//! (docs/security.md "Password reset").

use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::IntoResponse;
use zelfregie_model::account::EMAIL_MAX_CHARS;
use zelfregie_model::{ErrorCode, FieldError, PasswordReset, PasswordResetRequest};

use crate::client_ip::ClientIp;
use crate::error::HttpError;
use crate::http::extract::Json;
use crate::state::AppState;
use zelfregie_domain::password_reset;

/// Mails a reset link if an account has the address. The answer is the same `202`, in about
/// the same time, for a known and an unknown address and over a limit (then no mail goes):
/// it tells nobody whether the address is registered.
#[utoipa::path(post, path = "/api/password-reset", tag = "account", request_body = PasswordResetRequest,
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses(
        (status = 202, description = "Always the same: if an account has the address, a link is on its way"),
        (status = 422, body = zelfregie_model::ApiError, description = "no address given")))]
pub async fn request(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Json(body): Json<PasswordResetRequest>,
) -> Result<StatusCode, HttpError> {
    let email = body.email.trim();
    if email.is_empty() {
        return Err(HttpError::validation(vec![FieldError::new("email", ErrorCode::Required)]));
    }
    if email.chars().count() > EMAIL_MAX_CHARS {
        return Err(HttpError::validation(vec![FieldError::new("email", ErrorCode::TooLong)]));
    }
    let proven = state.cookies.mailbox_proven(&state, &headers, email);
    password_reset::request(&state, &ip, email, proven).await?;
    Ok(StatusCode::ACCEPTED)
}

/// Sets a new password with the token from the mail: once, within 30 minutes. Every session
/// of the account ends and the person is told by mail.
#[utoipa::path(post, path = "/api/password-reset/confirm", tag = "account", request_body = PasswordReset,
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses(
        (status = 204, description = "Password set; every session ended"),
        (status = 400, body = zelfregie_model::ApiError, description = "`token_invalid`: unknown, used or expired"),
        (status = 422, body = zelfregie_model::ApiError, description = "a weak new password")))]
pub async fn confirm(
    State(state): State<AppState>,
    Json(body): Json<PasswordReset>,
) -> Result<impl IntoResponse, HttpError> {
    let email = password_reset::confirm(&state, &body.token, body.new_password).await?;
    // This browser reads the mailbox: its later requests count apart (auth::mailbox).
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, state.cookies.set_mailbox(&state, &email))]))
}
