//! `POST /api/me/email`: ask to change the login address; `POST /api/email-change/confirm`:
//! the button behind the link mailed to the new address (docs/security.md "E-mail change").

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use zelfregie_model::newsletter::EmailToken;
use zelfregie_model::EmailChange;

use crate::error::HttpError;
use crate::http::extract::Json;
use crate::http::sessions::PersonSession;
use crate::state::AppState;
use zelfregie_domain::auth::session::hash_token;
use zelfregie_domain::email_change;

/// Asks to change the address; the password is asked again. The new address gets a link —
/// or, if it already has an account, a mail saying so: the answer here is the same `202`
/// either way. The old address is told.
#[utoipa::path(post, path = "/api/me/email", tag = "account", security(("session" = ["person"])), request_body = EmailChange,
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses(
        (status = 202, description = "Always the same: a link is on its way to the new address"),
        (status = 422, body = zelfregie_model::ApiError, description = "wrong password, unusable or unchanged address"),
        (status = 429, body = zelfregie_model::ApiError, description = "`too_many_attempts`, with `Retry-After`")))]
pub async fn request(
    State(state): State<AppState>,
    PersonSession(session): PersonSession,
    Json(change): Json<EmailChange>,
) -> Result<StatusCode, HttpError> {
    email_change::request(&state, session.account_id, change).await?;
    Ok(StatusCode::ACCEPTED)
}

/// The button behind the link: the account gets the new address, once, within 24 hours.
/// Works without logging in; every session of the account ends except this browser's.
#[utoipa::path(post, path = "/api/email-change/confirm", tag = "account", request_body = EmailToken,
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses(
        (status = 204, description = "Changed; other sessions ended"),
        (status = 400, body = zelfregie_model::ApiError, description = "`token_invalid`: unknown, used or expired"),
        (status = 409, body = zelfregie_model::ApiError, description = "`email_taken`: the address got an account meanwhile")))]
pub async fn confirm(
    State(state): State<AppState>,
    headers: HeaderMap,
    Json(body): Json<EmailToken>,
) -> Result<StatusCode, HttpError> {
    let keep = state.cookies.session(&headers).map(hash_token);
    email_change::confirm(&state, &body.token, keep.as_deref()).await?;
    Ok(StatusCode::NO_CONTENT)
}
