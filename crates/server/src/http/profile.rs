//! `/api/me/profile`: the candidate's own profile (the categories of the candidate bank), with
//! ETag/If-Match; deleting just the profile asks for the password again.

use axum::extract::State;
use axum::http::header;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use zelfregie_model::{Erasure, Profile};

use crate::error::HttpError;
use crate::http::extract::{etag, IfMatch, Json};
use crate::http::sessions::PersonSession;
use crate::state::AppState;
use zelfregie_domain::documents::Document;

/// The profile (empty before the first save) and its `ETag`.
#[utoipa::path(get, path = "/api/me/profile", tag = "profile", security(("session" = ["person"])),
    responses(
        (status = 200, body = Profile, headers(("ETag" = String, description = "send back as If-Match"))),
        (status = 401, body = zelfregie_model::ApiError), (status = 403, body = zelfregie_model::ApiError)))]
pub async fn get(
    State(state): State<AppState>,
    PersonSession(session): PersonSession,
) -> Result<impl IntoResponse, HttpError> {
    let (profile, version): (Profile, i64) = Document::Profile.load(&state.db, session.account_id).await?;
    Ok(([(header::ETAG, etag(Document::Profile.name(), version))], Json(profile)))
}

/// Replaces the profile. Validated by the shared model (422 with a code per field);
/// `If-Match` must carry the `ETag` of the version the edit started from.
#[utoipa::path(put, path = "/api/me/profile", tag = "profile", security(("session" = ["person"])), request_body = Profile,
    params(
        ("If-Match" = String, Header, description = "ETag of the version being replaced"),
        ("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses(
        (status = 200, body = Profile, headers(("ETag" = String))),
        (status = 412, body = zelfregie_model::ApiError, description = "`precondition_failed`: changed elsewhere"),
        (status = 422, body = zelfregie_model::ApiError),
        (status = 428, body = zelfregie_model::ApiError, description = "`precondition_required`: If-Match missing")))]
pub async fn put(
    State(state): State<AppState>,
    PersonSession(session): PersonSession,
    if_match: IfMatch,
    Json(profile): Json<Profile>,
) -> Result<impl IntoResponse, HttpError> {
    let expected = if_match.version(Document::Profile.name())?;
    let profile = profile.normalized();
    HttpError::ensure_valid(profile.validate())?;
    let version = Document::Profile.save(&state.db, session.account_id, expected, &profile).await?;
    tracing::info!(account_id = session.account_id, version, "profile saved");
    // A corrected name goes on to the newsletter's sender too (docs/security.md).
    zelfregie_domain::newsletter::pass_on_name(&state, session.account_id).await?;
    Ok(([(header::ETAG, etag(Document::Profile.name(), version))], Json(profile)))
}

/// Deletes just the candidate profile: the profile, its visibility choices and the log of who
/// saw it. The account, the academy, the newsletter and transfers stay. Asks for the password
/// again (or a fresh passkey confirmation), as erasing the account does. References recruiters hold answer 404 at once.
#[utoipa::path(delete, path = "/api/me/profile", tag = "profile", security(("session" = ["person"])), request_body = Erasure,
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 204, description = "Profile, visibility choices and disclosure log deleted"),
              (status = 403, body = zelfregie_model::ApiError),
              (status = 422, body = zelfregie_model::ApiError, description = "`wrong_password`, or `reauth_required` (`confirmed_with_passkey` without a passkey confirmation just before)"),
              (status = 429, body = zelfregie_model::ApiError, description = "`too_many_attempts`")))]
pub async fn delete(
    State(state): State<AppState>,
    PersonSession(session): PersonSession,
    Json(body): Json<Erasure>,
) -> Result<StatusCode, HttpError> {
    zelfregie_domain::passkeys::confirm(&state, &session, body.password, body.confirmed_with_passkey, "password")
        .await?;
    zelfregie_domain::candidates::delete_profile(&state.db, session.account_id).await?;
    // The name went with the profile: the newsletter's sender no longer gets it either.
    zelfregie_domain::newsletter::pass_on_name(&state, session.account_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
