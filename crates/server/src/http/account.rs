//! `POST /api/account`: register (and start a session).

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use zelfregie_model::account::normalize_email;
use zelfregie_model::{Registration, Role, SessionInfo};

use super::session::{session_info, started};
use super::ClientIp;
use crate::auth::{session, throttle};
use crate::error::{AppError, Json};
use crate::state::AppState;

/// Creates a person's account and logs it in. Recruiter and academy accounts are not made
/// here: they are bound to an organisation by the network.
#[utoipa::path(post, path = "/api/account", tag = "account", request_body = Registration,
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses(
        (status = 201, body = SessionInfo, description = "Account created; the session cookie is set"),
        (status = 409, body = zelfregie_model::ApiError, description = "`email_taken`"),
        (status = 422, body = zelfregie_model::ApiError, description = "`validation_failed` with per-field codes"),
        (status = 429, body = zelfregie_model::ApiError, description = "`too_many_attempts`")))]
pub async fn register(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Json(registration): Json<Registration>,
) -> Result<impl IntoResponse, AppError> {
    let errors = registration.validate();
    if !errors.is_empty() {
        return Err(AppError::validation(errors));
    }
    let ip_key = state.throttle.key("register-ip", &ip);
    throttle::attempt(&state.db, &ip_key, throttle::REGISTER_PER_IP).await?;

    let email = normalize_email(&registration.email);
    let hash = state.passwords.hash(registration.password).await?;
    let account_id = crate::accounts::create(&state.db, &email, &hash, Role::Person, None).await?;
    tracing::info!(account_id, "account registered");
    let token = session::create(&state.db, account_id, false).await?;
    let info = session_info(&state, &started(account_id, &token, false)).await?;
    Ok((StatusCode::CREATED, [(header::SET_COOKIE, state.sessions.set_cookie(&token))], Json(info)))
}
