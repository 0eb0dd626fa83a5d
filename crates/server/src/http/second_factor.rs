//! `/api/me/second-factor`: set up an authenticator app (start, confirm with a first code)
//! and turn it off (docs/security.md "Second factor").

use axum::extract::State;
use axum::http::StatusCode;
use zelfregie_model::second_factor::{
    RecoveryCodes, SecondFactorConfirm, SecondFactorDisable, SecondFactorSetup, SecondFactorStart,
};
use zelfregie_model::{ErrorCode, FieldError};

use crate::error::HttpError;
use crate::http::extract::Json;
use crate::state::AppState;
use zelfregie_domain::accounts::reauthenticate;
use zelfregie_domain::auth::session::CurrentSession;
use zelfregie_domain::second_factor;

/// Starts setting up an authenticator app: asks the password again, and answers a new
/// secret (as text, as an `otpauth://` address and as a QR code made here). Nothing is on
/// until a first code confirms it; starting again replaces an unconfirmed secret.
#[utoipa::path(post, path = "/api/me/second-factor", tag = "account", security(("session" = [])),
    request_body = SecondFactorStart,
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 201, body = SecondFactorSetup, description = "The secret to put in the app"),
              (status = 409, body = zelfregie_model::ApiError, description = "`second_factor_active`"),
              (status = 422, body = zelfregie_model::ApiError, description = "wrong password"),
              (status = 429, body = zelfregie_model::ApiError, description = "`too_many_attempts`")))]
pub async fn start(
    State(state): State<AppState>,
    session: CurrentSession,
    Json(body): Json<SecondFactorStart>,
) -> Result<(StatusCode, Json<SecondFactorSetup>), HttpError> {
    HttpError::ensure_valid(body.validate())?;
    let email = reauthenticate(&state, session.account_id, body.password, "password").await?;
    let setup = second_factor::start(&state, session.account_id, &email).await?;
    Ok((StatusCode::CREATED, Json(setup)))
}

/// Confirms the set-up with the code the app shows: two-step verification is on, this
/// session counts as opened with it, and the ten recovery codes are answered — this once.
#[utoipa::path(put, path = "/api/me/second-factor", tag = "account", security(("session" = [])),
    request_body = SecondFactorConfirm,
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 200, body = RecoveryCodes, description = "On; the recovery codes, shown once"),
              (status = 409, body = zelfregie_model::ApiError, description = "`second_factor_active`"),
              (status = 422, body = zelfregie_model::ApiError, description = "`invalid_second_factor` on `code`"),
              (status = 429, body = zelfregie_model::ApiError, description = "`too_many_attempts`")))]
pub async fn confirm(
    State(state): State<AppState>,
    session: CurrentSession,
    Json(body): Json<SecondFactorConfirm>,
) -> Result<Json<RecoveryCodes>, HttpError> {
    HttpError::ensure_valid(body.validate())?;
    let codes = second_factor::confirm(&state, session.account_id, &session.token_hash, &body.code).await?;
    Ok(Json(codes))
}

/// Turns two-step verification off: password and a current code (or a recovery code) are
/// asked. Staff who see other people's data cannot (`second_factor_mandatory`).
#[utoipa::path(delete, path = "/api/me/second-factor", tag = "account", security(("session" = [])),
    request_body = SecondFactorDisable,
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 204, description = "Off; the secret and the recovery codes are deleted"),
              (status = 403, body = zelfregie_model::ApiError, description = "`second_factor_mandatory`"),
              (status = 422, body = zelfregie_model::ApiError, description = "wrong password or code"),
              (status = 429, body = zelfregie_model::ApiError, description = "`too_many_attempts`")))]
pub async fn disable(
    State(state): State<AppState>,
    session: CurrentSession,
    Json(body): Json<SecondFactorDisable>,
) -> Result<StatusCode, HttpError> {
    HttpError::ensure_valid(body.validate())?;
    if zelfregie_model::second_factor::required_for(session.role) {
        return Err(HttpError::code(ErrorCode::SecondFactorMandatory));
    }
    reauthenticate(&state, session.account_id, body.password, "password").await?;
    if !second_factor::verify(&state, session.account_id, &body.code).await? {
        return Err(HttpError::validation(vec![FieldError::new("code", ErrorCode::InvalidSecondFactor)]));
    }
    second_factor::disable(&state, session.account_id, session.role).await?;
    Ok(StatusCode::NO_CONTENT)
}
