//! Breach notices: the person's own (`/api/me/breach-notices`) and privacy staff's
//! (`/api/privacy/breaches`). A person reaches only the notices sent to them (another's id
//! is a 404); only privacy staff reach the rest (everyone else 403).

use axum::extract::State;
use axum::http::StatusCode;
use zelfregie_model::breach::{AudienceCount, BreachAudience, MyNotice, NewNotice, StaffNotice};

use crate::error::HttpError;
use crate::http::extract::{Json, Path};
use crate::http::sessions::{PersonSession, PrivacyStaffSession};
use crate::state::AppState;
use zelfregie_domain::breach;

/// The breach notices sent to the person, newest first, with when each was read.
#[utoipa::path(get, path = "/api/me/breach-notices", tag = "breaches", security(("session" = ["person"])),
    responses((status = 200, body = Vec<MyNotice>), (status = 403, body = zelfregie_model::ApiError)))]
pub async fn mine(
    State(state): State<AppState>,
    PersonSession(s): PersonSession,
) -> Result<Json<Vec<MyNotice>>, HttpError> {
    Ok(Json(breach::mine(&state, s.account_id).await?))
}

/// The person marks a notice read (the portal stops showing it on every page).
#[utoipa::path(post, path = "/api/me/breach-notices/{id}/read", tag = "breaches", security(("session" = ["person"])),
    params(("id" = String, Path), ("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 200, body = Vec<MyNotice>), (status = 404, body = zelfregie_model::ApiError)))]
pub async fn mark_read(
    State(state): State<AppState>,
    PersonSession(s): PersonSession,
    Path(id): Path<String>,
) -> Result<Json<Vec<MyNotice>>, HttpError> {
    Ok(Json(breach::mark_read(&state, s.account_id, &id).await?))
}

/// Privacy staff: every notice, newest first, with its delivery counts.
#[utoipa::path(get, path = "/api/privacy/breaches", tag = "breaches", security(("session" = ["privacy_staff"])),
    responses((status = 200, body = Vec<StaffNotice>), (status = 403, body = zelfregie_model::ApiError)))]
pub async fn list(
    State(state): State<AppState>,
    _staff: PrivacyStaffSession,
) -> Result<Json<Vec<StaffNotice>>, HttpError> {
    Ok(Json(breach::all(&state).await?))
}

/// Privacy staff write a notice (a draft: nothing is sent yet).
#[utoipa::path(post, path = "/api/privacy/breaches", tag = "breaches", security(("session" = ["privacy_staff"])),
    request_body = NewNotice,
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 201, body = StaffNotice), (status = 403, body = zelfregie_model::ApiError),
              (status = 422, body = zelfregie_model::ApiError)))]
pub async fn create(
    State(state): State<AppState>,
    PrivacyStaffSession(s): PrivacyStaffSession,
    Json(body): Json<NewNotice>,
) -> Result<(StatusCode, Json<StaffNotice>), HttpError> {
    Ok((StatusCode::CREATED, Json(breach::create(&state, s.account_id, &body).await?)))
}

/// Privacy staff: how many people an audience reaches now (nothing is written).
#[utoipa::path(post, path = "/api/privacy/breaches/preview", tag = "breaches", security(("session" = ["privacy_staff"])),
    request_body = BreachAudience,
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 200, body = AudienceCount), (status = 403, body = zelfregie_model::ApiError),
              (status = 422, body = zelfregie_model::ApiError)))]
pub async fn preview(
    State(state): State<AppState>,
    _staff: PrivacyStaffSession,
    Json(body): Json<BreachAudience>,
) -> Result<Json<AudienceCount>, HttpError> {
    Ok(Json(breach::preview(&state, &body).await?))
}

/// Privacy staff: one notice.
#[utoipa::path(get, path = "/api/privacy/breaches/{id}", tag = "breaches", security(("session" = ["privacy_staff"])),
    params(("id" = String, Path)),
    responses((status = 200, body = StaffNotice), (status = 403, body = zelfregie_model::ApiError),
              (status = 404, body = zelfregie_model::ApiError)))]
pub async fn one(
    State(state): State<AppState>,
    _staff: PrivacyStaffSession,
    Path(id): Path<String>,
) -> Result<Json<StaffNotice>, HttpError> {
    Ok(Json(breach::one(&state, &id).await?))
}

/// Privacy staff send a draft: once. Each affected person has it in the portal at once;
/// the mails follow.
#[utoipa::path(post, path = "/api/privacy/breaches/{id}/send", tag = "breaches", security(("session" = ["privacy_staff"])),
    params(("id" = String, Path), ("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 200, body = StaffNotice), (status = 403, body = zelfregie_model::ApiError),
              (status = 404, body = zelfregie_model::ApiError),
              (status = 409, body = zelfregie_model::ApiError, description = "`notice_sent`"),
              (status = 422, body = zelfregie_model::ApiError, description = "`no_recipients`")))]
pub async fn send(
    State(state): State<AppState>,
    PrivacyStaffSession(s): PrivacyStaffSession,
    Path(id): Path<String>,
) -> Result<Json<StaffNotice>, HttpError> {
    Ok(Json(breach::send(&state, s.account_id, &id).await?))
}
