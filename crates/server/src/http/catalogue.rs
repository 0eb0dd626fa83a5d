//! Academy staff manage the catalogue (`/api/academy/catalogue`): every training with how many
//! hold a seat and how many wait; add, change (with `If-Match`) and cancel. Everyone else
//! gets 403.

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use zelfregie_model::academy::{StaffTraining, TrainingCancelled, TrainingForm};

use crate::error::HttpError;
use crate::http::extract::{etag, IfMatch, Json, Path};
use crate::http::sessions::StaffSession;
use crate::state::AppState;
use zelfregie_domain::catalogue;

/// Every training, cancelled and past ones too, newest start first, with the number of
/// people enrolled and waiting.
#[utoipa::path(get, path = "/api/academy/catalogue", tag = "academy", security(("session" = ["academy_staff"])),
    responses((status = 200, body = Vec<StaffTraining>), (status = 403, body = zelfregie_model::ApiError)))]
pub async fn list(State(state): State<AppState>, _staff: StaffSession) -> Result<Json<Vec<StaffTraining>>, HttpError> {
    Ok(Json(catalogue::list(&state.db).await?))
}

/// Adds a training. The form is checked as the page checks it (422 with a code per field).
#[utoipa::path(post, path = "/api/academy/catalogue", tag = "academy", security(("session" = ["academy_staff"])),
    request_body = TrainingForm,
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 201, body = StaffTraining, headers(("ETag" = String))), (status = 403, body = zelfregie_model::ApiError),
              (status = 422, body = zelfregie_model::ApiError, description = "a code per field, e.g. `date_in_past`")))]
pub async fn create(
    State(state): State<AppState>,
    StaffSession(s): StaffSession,
    Json(form): Json<TrainingForm>,
) -> Result<impl IntoResponse, HttpError> {
    let training = catalogue::create(&state.db, form).await?;
    tracing::info!(staff = s.account_id, training_id = training.id, "training added");
    Ok((StatusCode::CREATED, [(header::ETAG, etag(catalogue::TAG, training.version))], Json(training)))
}

/// One training, with its `ETag` (to change it).
#[utoipa::path(get, path = "/api/academy/catalogue/{id}", tag = "academy", security(("session" = ["academy_staff"])),
    params(("id" = i64, Path)),
    responses((status = 200, body = StaffTraining, headers(("ETag" = String))), (status = 403, body = zelfregie_model::ApiError),
              (status = 404, body = zelfregie_model::ApiError)))]
pub async fn one(
    State(state): State<AppState>,
    _staff: StaffSession,
    Path(id): Path<i64>,
) -> Result<impl IntoResponse, HttpError> {
    let training = catalogue::get(&state.db, id).await?;
    Ok(([(header::ETAG, etag(catalogue::TAG, training.version))], Json(training)))
}

/// Changes a training that has not started and was not cancelled. Needs `If-Match` (the
/// `ETag` of the version changed: someone else's change in between is 412). Fewer seats than
/// people enrolled: 422 `seats_below_enrolled` on `capacity`; more seats move the waiting list
/// up in its order.
#[utoipa::path(put, path = "/api/academy/catalogue/{id}", tag = "academy", security(("session" = ["academy_staff"])),
    request_body = TrainingForm,
    params(("id" = i64, Path), ("If-Match" = String, Header),
           ("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 200, body = StaffTraining, headers(("ETag" = String))), (status = 403, body = zelfregie_model::ApiError),
              (status = 404, body = zelfregie_model::ApiError),
              (status = 409, body = zelfregie_model::ApiError, description = "`training_started`, `training_cancelled`"),
              (status = 412, body = zelfregie_model::ApiError), (status = 428, body = zelfregie_model::ApiError),
              (status = 422, body = zelfregie_model::ApiError, description = "a code per field; `seats_below_enrolled` on `capacity`")))]
pub async fn update(
    State(state): State<AppState>,
    StaffSession(s): StaffSession,
    Path(id): Path<i64>,
    if_match: IfMatch,
    Json(form): Json<TrainingForm>,
) -> Result<impl IntoResponse, HttpError> {
    let expected = if_match.version(catalogue::TAG)?;
    let training = catalogue::update(&state.db, id, expected, form).await?;
    tracing::info!(staff = s.account_id, training_id = id, "training changed");
    Ok(([(header::ETAG, etag(catalogue::TAG, training.version))], Json(training)))
}

/// Cancels a training that has not started: it stays in the list, marked cancelled; every
/// enrolment and place on the waiting list becomes `cancelled_by_academy`, and each of those
/// people is told by mail.
#[utoipa::path(post, path = "/api/academy/catalogue/{id}/cancel", tag = "academy", security(("session" = ["academy_staff"])),
    params(("id" = i64, Path), ("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 200, body = TrainingCancelled), (status = 403, body = zelfregie_model::ApiError),
              (status = 404, body = zelfregie_model::ApiError),
              (status = 409, body = zelfregie_model::ApiError, description = "`training_started`, `training_cancelled`")))]
pub async fn cancel(
    State(state): State<AppState>,
    StaffSession(s): StaffSession,
    Path(id): Path<i64>,
) -> Result<Json<TrainingCancelled>, HttpError> {
    let (training, told) = catalogue::cancel(&state, id).await?;
    tracing::info!(staff = s.account_id, training_id = id, told, "training cancelled");
    Ok(Json(TrainingCancelled { training, told }))
}
