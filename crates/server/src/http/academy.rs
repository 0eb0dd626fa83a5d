//! The academy: register as a course participant, the catalogue, enrol and cancel, the
//! participant's own page; and, for academy staff, the roster and attendance.

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use zelfregie_model::academy::{AcademyPage, Attendance, Enrol, Participant, RosterEntry, Training};

use crate::error::HttpError;
use crate::http::extract::{etag, IfMatch, Json, Path};
use crate::http::sessions::{PersonSession, StaffSession};
use crate::state::AppState;
use zelfregie_domain::academy;
use zelfregie_domain::documents::Document;

/// The participant registration (empty before registering) and its `ETag`.
#[utoipa::path(get, path = "/api/me/participant", tag = "academy", security(("session" = ["person"])),
    responses((status = 200, body = Participant, headers(("ETag" = String)))))]
pub async fn get_participant(
    State(state): State<AppState>,
    PersonSession(s): PersonSession,
) -> Result<impl IntoResponse, HttpError> {
    let (p, version): (Participant, i64) = Document::Participant.load(&state.db, s.account_id).await?;
    Ok(([(header::ETAG, etag(Document::Participant.name(), version))], Json(p)))
}

/// Registers as a course participant, or changes the registration (a choice the person
/// makes; never automatic). Needs `If-Match` (`"participant-0"` first).
#[utoipa::path(put, path = "/api/me/participant", tag = "academy", security(("session" = ["person"])), request_body = Participant,
    params(("If-Match" = String, Header), ("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 200, body = Participant, headers(("ETag" = String))), (status = 412, body = zelfregie_model::ApiError),
              (status = 422, body = zelfregie_model::ApiError), (status = 428, body = zelfregie_model::ApiError),
              (status = 429, body = zelfregie_model::ApiError, description = "`too_many_attempts`: the manager was changed too often today")))]
pub async fn put_participant(
    State(state): State<AppState>,
    PersonSession(s): PersonSession,
    if_match: IfMatch,
    Json(p): Json<Participant>,
) -> Result<impl IntoResponse, HttpError> {
    let expected = if_match.version(Document::Participant.name())?;
    let p = p.normalized();
    HttpError::ensure_valid(p.validate())?;
    let version = academy::save_participant(&state, s.account_id, expected, &p).await?;
    Ok(([(header::ETAG, etag(Document::Participant.name(), version))], Json(p)))
}

/// Stops being a participant: the registration is deleted and enrolments for trainings
/// that have not started are cancelled (their seats go to the waiting list). Trainings
/// followed stay on the person's page.
#[utoipa::path(delete, path = "/api/me/participant", tag = "academy", security(("session" = ["person"])),
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 200, body = AcademyPage)))]
pub async fn stop(
    State(state): State<AppState>,
    PersonSession(s): PersonSession,
) -> Result<Json<AcademyPage>, HttpError> {
    academy::stop(&state.db, s.account_id).await?;
    Ok(Json(academy::page(&state.db, s.account_id).await?))
}

/// The participant's own page: registration and every enrolment.
#[utoipa::path(get, path = "/api/me/academy", tag = "academy", security(("session" = ["person"])),
    responses((status = 200, body = AcademyPage)))]
pub async fn my_page(
    State(state): State<AppState>,
    PersonSession(s): PersonSession,
) -> Result<Json<AcademyPage>, HttpError> {
    Ok(Json(academy::page(&state.db, s.account_id).await?))
}

/// The catalogue of trainings that have not started. Public: anyone may browse it before
/// registering (the SPA's `/opleidingsaanbod`, linked from the login page). It holds the
/// trainings and the number of free seats only, never who enrolled.
#[utoipa::path(get, path = "/api/academy/trainings", tag = "academy",
    responses((status = 200, body = Vec<Training>)))]
pub async fn trainings(State(state): State<AppState>) -> Result<Json<Vec<Training>>, HttpError> {
    Ok(Json(academy::catalogue(&state.db).await?))
}

/// Enrols in a training: a seat when there is one, the waiting list otherwise.
#[utoipa::path(post, path = "/api/me/enrolments", tag = "academy", security(("session" = ["person"])), request_body = Enrol,
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 200, body = AcademyPage),
              (status = 403, body = zelfregie_model::ApiError, description = "`not_a_participant`"),
              (status = 404, body = zelfregie_model::ApiError, description = "no such training"),
              (status = 409, body = zelfregie_model::ApiError, description = "`already_enrolled`, `training_started`")))]
pub async fn enrol(
    State(state): State<AppState>,
    PersonSession(s): PersonSession,
    Json(body): Json<Enrol>,
) -> Result<Json<AcademyPage>, HttpError> {
    academy::enrol(&state.db, s.account_id, body.training_id).await?;
    Ok(Json(academy::page(&state.db, s.account_id).await?))
}

/// Cancels an enrolment before the training starts; a freed seat goes to the waiting list.
#[utoipa::path(delete, path = "/api/me/enrolments/{training_id}", tag = "academy", security(("session" = ["person"])),
    params(("training_id" = i64, Path), ("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 200, body = AcademyPage), (status = 404, body = zelfregie_model::ApiError),
              (status = 409, body = zelfregie_model::ApiError, description = "`training_started`")))]
pub async fn cancel(
    State(state): State<AppState>,
    PersonSession(s): PersonSession,
    Path(training_id): Path<i64>,
) -> Result<Json<AcademyPage>, HttpError> {
    academy::cancel(&state.db, s.account_id, training_id).await?;
    Ok(Json(academy::page(&state.db, s.account_id).await?))
}

/// Academy staff: who is on a training.
#[utoipa::path(get, path = "/api/academy/trainings/{id}/roster", tag = "academy", security(("session" = ["academy_staff"])),
    params(("id" = i64, Path)), responses((status = 200, body = Vec<RosterEntry>), (status = 403, body = zelfregie_model::ApiError)))]
pub async fn roster(
    State(state): State<AppState>,
    _staff: StaffSession,
    Path(id): Path<i64>,
) -> Result<Json<Vec<RosterEntry>>, HttpError> {
    Ok(Json(academy::roster(&state.db, id).await?))
}

/// Academy staff record attendance: the participant's history comes from here, never from
/// the participant.
#[utoipa::path(post, path = "/api/academy/enrolments/{id}/attendance", tag = "academy", security(("session" = ["academy_staff"])),
    request_body = Attendance,
    params(("id" = i64, Path), ("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 204), (status = 403, body = zelfregie_model::ApiError), (status = 404, body = zelfregie_model::ApiError),
              (status = 422, body = zelfregie_model::ApiError)))]
pub async fn record_attendance(
    State(state): State<AppState>,
    _staff: StaffSession,
    Path(id): Path<i64>,
    Json(body): Json<Attendance>,
) -> Result<axum::http::StatusCode, HttpError> {
    academy::record_attendance(&state.db, id, body.state).await?;
    tracing::info!(enrolment_id = id, state = body.state.as_str(), "attendance recorded");
    Ok(axum::http::StatusCode::NO_CONTENT)
}
