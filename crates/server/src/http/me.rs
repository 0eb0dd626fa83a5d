//! `/api/me/password` and `/api/me/account`: change the password, erase everything. Both ask
//! for the current password again, or a passkey confirmation made just before (ASVS 5.0
//! 7.5.1, 7.5.3).

use axum::extract::State;
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::response::IntoResponse;
use zelfregie_model::{Erasure, PasswordChange, PasswordCheck};

use crate::error::HttpError;
use crate::http::extract::Json;
use crate::state::AppState;
use zelfregie_domain::accounts;
use zelfregie_domain::auth::session::CurrentSession;
use zelfregie_domain::passkeys::confirm;

/// Changes the password. Every other session of the account ends; this one stays.
#[utoipa::path(put, path = "/api/me/password", tag = "account", security(("session" = [])), request_body = PasswordChange,
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 204, description = "Changed; other sessions ended"),
              (status = 422, body = zelfregie_model::ApiError, description = "a wrong current password (`wrong_password`), `reauth_required` (`confirmed_with_passkey` without a passkey confirmation just before), or a weak new password"),
              (status = 429, body = zelfregie_model::ApiError, description = "`too_many_attempts` (wrong passwords), with `Retry-After`")))]
pub async fn change_password(
    State(state): State<AppState>,
    session: CurrentSession,
    Json(change): Json<PasswordChange>,
) -> Result<StatusCode, HttpError> {
    let email =
        confirm(&state, &session, change.current_password, change.confirmed_with_passkey, "current_password").await?;
    accounts::change_password(&state, session.account_id, &email, change.new_password, &session.token_hash).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Sets the language of the account: its mails (subject and first part) and its consent
/// receipts follow it from now on. The app sends it when a logged-in person switches.
#[utoipa::path(put, path = "/api/me/language", tag = "account", security(("session" = [])),
    request_body = zelfregie_model::LanguageChoice,
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 204, description = "Set"),
              (status = 401, body = zelfregie_model::ApiError)))]
pub async fn set_language(
    State(state): State<AppState>,
    session: CurrentSession,
    Json(choice): Json<zelfregie_model::LanguageChoice>,
) -> Result<StatusCode, HttpError> {
    accounts::set_language(&state.db, session.account_id, choice.language).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Checks the current password without changing anything, so the app asks "are you sure?"
/// only once the password is right. Counts on the same re-authentication counter as the
/// changes it precedes: checking first gives no extra guesses.
#[utoipa::path(post, path = "/api/me/password/check", tag = "account", security(("session" = [])), request_body = PasswordCheck,
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 204, description = "The password is right"),
              (status = 422, body = zelfregie_model::ApiError, description = "wrong password (`wrong_password` at `password`)"),
              (status = 429, body = zelfregie_model::ApiError, description = "too many wrong passwords")))]
pub async fn check_password(
    State(state): State<AppState>,
    session: CurrentSession,
    Json(body): Json<PasswordCheck>,
) -> Result<StatusCode, HttpError> {
    zelfregie_domain::accounts::reauthenticate(&state, session.account_id, body.password, "password").await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Erases the account and everything held about the person, in one transaction; every
/// session ends (ASVS 5.0 7.4.2). If the mailing company has the person, it is told to
/// delete them: that notice is the only trace left, and it is wiped once delivered.
#[utoipa::path(delete, path = "/api/me/account", tag = "account", security(("session" = [])), request_body = Erasure,
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 204, description = "Erased; cookie removed, browser data cleared"),
              (status = 422, body = zelfregie_model::ApiError, description = "`wrong_password`, or `reauth_required` (`confirmed_with_passkey` without a passkey confirmation just before)"),
              (status = 429, body = zelfregie_model::ApiError, description = "`too_many_attempts` (wrong passwords), with `Retry-After`")))]
pub async fn erase(
    State(state): State<AppState>,
    session: CurrentSession,
    Json(body): Json<Erasure>,
) -> Result<impl IntoResponse, HttpError> {
    let email = confirm(&state, &session, body.password, body.confirmed_with_passkey, "password").await?;
    accounts::erase(&state, session.account_id, &email).await?;
    Ok((
        StatusCode::NO_CONTENT,
        [
            (header::SET_COOKIE, state.cookies.clear_session()),
            (
                HeaderName::from_static("clear-site-data"),
                HeaderValue::from_static("\"cache\", \"cookies\", \"storage\""),
            ),
        ],
    ))
}

/// What the overview shows at a glance, in one answer: the profile, who may see it, the
/// newsletter consent, the academy, and who looked last. The same as the five endpoints
/// those come from (`/api/me/profile`, `…/visibility`, `…/newsletter`, `…/academy`,
/// `…/disclosures`), asked at once.
#[utoipa::path(get, path = "/api/me/overview", tag = "profile", security(("session" = ["person"])),
    responses((status = 200, body = zelfregie_model::overview::Overview)))]
pub async fn overview(
    State(state): State<AppState>,
    crate::http::sessions::PersonSession(s): crate::http::sessions::PersonSession,
) -> Result<Json<zelfregie_model::overview::Overview>, HttpError> {
    Ok(Json(zelfregie_domain::overview::of(&state.db, s.account_id).await?))
}
