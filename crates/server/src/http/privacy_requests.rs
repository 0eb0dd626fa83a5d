//! Requests about one's rights: the person's own (`/api/me/requests`) and privacy staff's
//! queue (`/api/privacy/requests`). A person reaches only their own requests (another's id is
//! a 404, as if it did not exist); only privacy staff reach the queue (everyone else 403).

use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;
use zelfregie_model::privacy_request::{
    NewRequest, NewVerification, PrivacyRequest, QueueEntry, StaffRequest, StaffText,
};

use crate::error::HttpError;
use crate::http::extract::{Json, Path, Query};
use crate::http::sessions::{PersonSession, PrivacyStaffSession};
use crate::state::AppState;
use zelfregie_domain::privacy_requests::{self, Action};

/// The person's requests, newest first, with status, deadline and answer: those they made, and
/// those made for them by a representative privacy staff checked (with `requested_by`).
#[utoipa::path(get, path = "/api/me/requests", tag = "requests", security(("session" = ["person"])),
    responses((status = 200, body = Vec<PrivacyRequest>), (status = 403, body = zelfregie_model::ApiError)))]
pub async fn mine(
    State(state): State<AppState>,
    PersonSession(s): PersonSession,
) -> Result<Json<Vec<PrivacyRequest>>, HttpError> {
    Ok(Json(privacy_requests::mine(&state.db, s.account_id).await?))
}

/// Files a request, for oneself or (`on_behalf`) for someone else: received now, answer due one
/// month later, for a complaint six weeks later (at most ten in 24 hours).
#[utoipa::path(post, path = "/api/me/requests", tag = "requests", security(("session" = ["person"])), request_body = NewRequest,
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 201, body = PrivacyRequest), (status = 403, body = zelfregie_model::ApiError),
              (status = 422, body = zelfregie_model::ApiError),
              (status = 429, body = zelfregie_model::ApiError, description = "`quota_exceeded`")))]
pub async fn file(
    State(state): State<AppState>,
    PersonSession(s): PersonSession,
    Json(body): Json<NewRequest>,
) -> Result<(StatusCode, Json<PrivacyRequest>), HttpError> {
    Ok((StatusCode::CREATED, Json(privacy_requests::file(&state, s.account_id, &body).await?)))
}

/// One of the person's requests (made by them, or checked and made for them); another's is
/// `not_found`.
#[utoipa::path(get, path = "/api/me/requests/{id}", tag = "requests", security(("session" = ["person"])),
    params(("id" = String, Path)),
    responses((status = 200, body = PrivacyRequest), (status = 404, body = zelfregie_model::ApiError)))]
pub async fn one_of_mine(
    State(state): State<AppState>,
    PersonSession(s): PersonSession,
    Path(id): Path<String>,
) -> Result<Json<PrivacyRequest>, HttpError> {
    Ok(Json(privacy_requests::one_of_mine(&state.db, s.account_id, &id).await?))
}

/// Which part of the queue.
#[derive(Deserialize, utoipa::IntoParams)]
pub struct QueueQuery {
    /// `true`: the 100 requests handled most recently, latest first; otherwise every open one,
    /// nearest deadline first.
    #[serde(default)]
    pub closed: bool,
}

/// Privacy staff: the queue, open requests by deadline (or the handled ones).
#[utoipa::path(get, path = "/api/privacy/requests", tag = "requests", security(("session" = ["privacy_staff"])),
    params(QueueQuery),
    responses((status = 200, body = Vec<QueueEntry>), (status = 403, body = zelfregie_model::ApiError)))]
pub async fn queue(
    State(state): State<AppState>,
    _staff: PrivacyStaffSession,
    Query(q): Query<QueueQuery>,
) -> Result<Json<Vec<QueueEntry>>, HttpError> {
    Ok(Json(privacy_requests::queue(&state.db, q.closed).await?))
}

/// Privacy staff: one request, with the person's address.
#[utoipa::path(get, path = "/api/privacy/requests/{id}", tag = "requests", security(("session" = ["privacy_staff"])),
    params(("id" = String, Path)),
    responses((status = 200, body = StaffRequest), (status = 403, body = zelfregie_model::ApiError),
              (status = 404, body = zelfregie_model::ApiError)))]
pub async fn for_staff(
    State(state): State<AppState>,
    _staff: PrivacyStaffSession,
    Path(id): Path<String>,
) -> Result<Json<StaffRequest>, HttpError> {
    Ok(Json(privacy_requests::for_staff(&state.db, &id).await?))
}

/// Privacy staff: everything the portal holds about the person the request is about (the
/// person's export), to handle it: who filed it, or the person it was made for once the check
/// linked their account. Each look is counted in that person's disclosure log.
#[utoipa::path(get, path = "/api/privacy/requests/{id}/person", tag = "requests", security(("session" = ["privacy_staff"])),
    params(("id" = String, Path)),
    responses((status = 200, body = zelfregie_model::export::ExportDocument), (status = 403, body = zelfregie_model::ApiError),
              (status = 404, body = zelfregie_model::ApiError)))]
pub async fn person_data(
    State(state): State<AppState>,
    _staff: PrivacyStaffSession,
    Path(id): Path<String>,
) -> Result<Json<zelfregie_model::export::ExportDocument>, HttpError> {
    Ok(Json(privacy_requests::person_data(&state, &id).await?))
}

/// Privacy staff answer a request: it closes, and the person is told by mail that there is an
/// answer. A request for someone else only once the representative's check was recorded.
#[utoipa::path(post, path = "/api/privacy/requests/{id}/answer", tag = "requests", security(("session" = ["privacy_staff"])),
    request_body = StaffText,
    params(("id" = String, Path), ("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 200, body = StaffRequest), (status = 403, body = zelfregie_model::ApiError),
              (status = 404, body = zelfregie_model::ApiError),
              (status = 409, body = zelfregie_model::ApiError, description = "`request_closed`, `authority_not_checked`"),
              (status = 422, body = zelfregie_model::ApiError)))]
pub async fn answer(
    State(state): State<AppState>,
    PrivacyStaffSession(s): PrivacyStaffSession,
    Path(id): Path<String>,
    Json(body): Json<StaffText>,
) -> Result<Json<StaffRequest>, HttpError> {
    Ok(Json(privacy_requests::act(&state, s.account_id, &id, Action::Answer, &body).await?))
}

/// Privacy staff extend the deadline by two months, once, with a reason the person sees; only
/// a request about a right (not a complaint: `extension_not_allowed`), and only until its
/// deadline day (after it: `deadline_passed`).
#[utoipa::path(post, path = "/api/privacy/requests/{id}/extension", tag = "requests", security(("session" = ["privacy_staff"])),
    request_body = StaffText,
    params(("id" = String, Path), ("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 200, body = StaffRequest), (status = 403, body = zelfregie_model::ApiError),
              (status = 404, body = zelfregie_model::ApiError),
              (status = 409, body = zelfregie_model::ApiError, description = "`already_extended`, `extension_not_allowed`, `deadline_passed`, `request_closed`"),
              (status = 422, body = zelfregie_model::ApiError)))]
pub async fn extend(
    State(state): State<AppState>,
    PrivacyStaffSession(s): PrivacyStaffSession,
    Path(id): Path<String>,
    Json(body): Json<StaffText>,
) -> Result<Json<StaffRequest>, HttpError> {
    Ok(Json(privacy_requests::act(&state, s.account_id, &id, Action::Extend, &body).await?))
}

/// Privacy staff close a request without an answer, with a reason the person sees.
#[utoipa::path(post, path = "/api/privacy/requests/{id}/close", tag = "requests", security(("session" = ["privacy_staff"])),
    request_body = StaffText,
    params(("id" = String, Path), ("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 200, body = StaffRequest), (status = 403, body = zelfregie_model::ApiError),
              (status = 404, body = zelfregie_model::ApiError),
              (status = 409, body = zelfregie_model::ApiError, description = "`request_closed`"),
              (status = 422, body = zelfregie_model::ApiError)))]
pub async fn close(
    State(state): State<AppState>,
    PrivacyStaffSession(s): PrivacyStaffSession,
    Path(id): Path<String>,
    Json(body): Json<StaffText>,
) -> Result<Json<StaffRequest>, HttpError> {
    Ok(Json(privacy_requests::act(&state, s.account_id, &id, Action::Close, &body).await?))
}

/// Privacy staff record how they checked the identity and authority of the person who asks for
/// someone else (the policy: in person; another way needs a note), once, before answering. An
/// account with exactly the address given for the person concerned sees the request from now on.
#[utoipa::path(post, path = "/api/privacy/requests/{id}/verification", tag = "requests", security(("session" = ["privacy_staff"])),
    request_body = NewVerification,
    params(("id" = String, Path), ("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 200, body = StaffRequest), (status = 403, body = zelfregie_model::ApiError),
              (status = 404, body = zelfregie_model::ApiError),
              (status = 409, body = zelfregie_model::ApiError, description = "`not_on_behalf`, `already_checked`, `request_closed`"),
              (status = 422, body = zelfregie_model::ApiError, description = "`checked_on` before receipt or after today: `out_of_range`")))]
pub async fn verify(
    State(state): State<AppState>,
    PrivacyStaffSession(s): PrivacyStaffSession,
    Path(id): Path<String>,
    Json(body): Json<NewVerification>,
) -> Result<Json<StaffRequest>, HttpError> {
    Ok(Json(privacy_requests::verify(&state, s.account_id, &id, &body).await?))
}
