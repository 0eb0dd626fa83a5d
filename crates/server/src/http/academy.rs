//! The academy: register as a course participant, the catalogue, enrol and cancel, the
//! participant's own page; and, for academy staff, the roster and attendance.

use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::response::IntoResponse;
use zelfregie_model::academy::{AcademyPage, Attendance, Enrol, EnrolmentState, Participant, RosterEntry, Training};
use zelfregie_model::ErrorCode;

use crate::academy::{catalogue, page, promote, seats_taken};
use crate::auth::session::{CurrentSession, PersonSession, StaffSession};
use crate::db::now;
use crate::documents::Document;
use crate::error::{AppError, Json, Path};
use crate::state::AppState;

/// The participant registration (empty before registering) and its `ETag`.
#[utoipa::path(get, path = "/api/me/participant", tag = "academy", security(("session" = [])),
    responses((status = 200, body = Participant, headers(("ETag" = String)))))]
pub async fn get_participant(
    State(state): State<AppState>,
    PersonSession(s): PersonSession,
) -> Result<impl IntoResponse, AppError> {
    let (p, version): (Participant, i64) = Document::Participant.load(&state.db, s.account_id).await?;
    Ok(([(header::ETAG, Document::Participant.etag(version))], Json(p)))
}

/// Registers as a course participant, or changes the registration (a choice the person
/// makes; never automatic — seed 000 art. 9.3). Needs `If-Match` (`"participant-0"` first).
#[utoipa::path(put, path = "/api/me/participant", tag = "academy", security(("session" = [])), request_body = Participant,
    params(("If-Match" = String, Header), ("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 200, body = Participant, headers(("ETag" = String))), (status = 412, body = zelfregie_model::ApiError),
              (status = 422, body = zelfregie_model::ApiError), (status = 428, body = zelfregie_model::ApiError)))]
pub async fn put_participant(
    State(state): State<AppState>,
    PersonSession(s): PersonSession,
    headers: HeaderMap,
    Json(p): Json<Participant>,
) -> Result<impl IntoResponse, AppError> {
    let expected = Document::Participant.if_match(&headers)?;
    let p = p.normalized();
    let errors = p.validate();
    if !errors.is_empty() {
        return Err(AppError::validation(errors));
    }
    let version = Document::Participant.save(&state.db, s.account_id, expected, &p).await?;
    Ok(([(header::ETAG, Document::Participant.etag(version))], Json(p)))
}

/// Stops being a participant: the registration is deleted and enrolments for trainings
/// that have not started are cancelled (their seats go to the waiting list). Trainings
/// followed stay on the person's page.
#[utoipa::path(delete, path = "/api/me/participant", tag = "academy", security(("session" = [])),
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 200, body = AcademyPage)))]
pub async fn stop(
    State(state): State<AppState>,
    PersonSession(s): PersonSession,
) -> Result<Json<AcademyPage>, AppError> {
    let mut tx = crate::db::begin_immediate(&state.db).await?;
    let trainings: Vec<i64> = sqlx::query_scalar(
        "UPDATE enrolments SET state = 'cancelled', updated_at = ?1
         WHERE account_id = ?2 AND state IN ('enrolled', 'waitlisted')
           AND training_id IN (SELECT id FROM trainings WHERE starts_at > ?1)
         RETURNING training_id",
    )
    .bind(now())
    .bind(s.account_id)
    .fetch_all(&mut *tx)
    .await?;
    for t in trainings {
        promote(&mut tx, t).await?;
    }
    sqlx::query("DELETE FROM participants WHERE account_id = ?").bind(s.account_id).execute(&mut *tx).await?;
    tx.commit().await?;
    tracing::info!(account_id = s.account_id, "stopped as course participant");
    Ok(Json(page(&state.db, s.account_id).await?))
}

/// The participant's own page: registration and every enrolment (seed 000 art. 9.3).
#[utoipa::path(get, path = "/api/me/academy", tag = "academy", security(("session" = [])),
    responses((status = 200, body = AcademyPage)))]
pub async fn my_page(
    State(state): State<AppState>,
    PersonSession(s): PersonSession,
) -> Result<Json<AcademyPage>, AppError> {
    Ok(Json(page(&state.db, s.account_id).await?))
}

/// The catalogue of trainings that have not started.
#[utoipa::path(get, path = "/api/academy/trainings", tag = "academy", security(("session" = [])),
    responses((status = 200, body = Vec<Training>)))]
pub async fn trainings(
    State(state): State<AppState>,
    _session: CurrentSession,
) -> Result<Json<Vec<Training>>, AppError> {
    Ok(Json(catalogue(&state.db).await?))
}

/// Enrols in a training: a seat when there is one, the waiting list otherwise.
#[utoipa::path(post, path = "/api/me/enrolments", tag = "academy", security(("session" = [])), request_body = Enrol,
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 200, body = AcademyPage),
              (status = 403, body = zelfregie_model::ApiError, description = "`not_a_participant`"),
              (status = 409, body = zelfregie_model::ApiError, description = "`already_enrolled`, `training_started`")))]
pub async fn enrol(
    State(state): State<AppState>,
    PersonSession(s): PersonSession,
    Json(body): Json<Enrol>,
) -> Result<Json<AcademyPage>, AppError> {
    if !Document::Participant.exists(&state.db, s.account_id).await? {
        return Err(AppError::code(ErrorCode::NotAParticipant));
    }
    let mut tx = crate::db::begin_immediate(&state.db).await?;
    let training: Option<(i64, i64)> = sqlx::query_as("SELECT starts_at, capacity FROM trainings WHERE id = ?")
        .bind(body.training_id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some((starts_at, capacity)) = training else { return Err(AppError::code(ErrorCode::NotFound)) };
    if starts_at <= now() {
        return Err(AppError::code(ErrorCode::TrainingStarted));
    }
    let existing: Option<String> =
        sqlx::query_scalar("SELECT state FROM enrolments WHERE training_id = ? AND account_id = ?")
            .bind(body.training_id)
            .bind(s.account_id)
            .fetch_optional(&mut *tx)
            .await?;
    if existing.as_deref().and_then(EnrolmentState::parse).is_some_and(|e| e != EnrolmentState::Cancelled) {
        return Err(AppError::code(ErrorCode::AlreadyEnrolled));
    }
    let state_now = if seats_taken(&mut tx, body.training_id).await? < capacity { "enrolled" } else { "waitlisted" };
    sqlx::query(
        "INSERT INTO enrolments (training_id, account_id, state, created_at, updated_at, queued_at) VALUES (?1, ?2, ?3, ?4, ?4, ?4)
         ON CONFLICT (training_id, account_id) DO UPDATE SET state = ?3, updated_at = ?4, queued_at = ?4",
    )
    .bind(body.training_id)
    .bind(s.account_id)
    .bind(state_now)
    .bind(now())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Json(page(&state.db, s.account_id).await?))
}

/// Cancels an enrolment before the training starts; a freed seat goes to the waiting list.
#[utoipa::path(delete, path = "/api/me/enrolments/{training_id}", tag = "academy", security(("session" = [])),
    params(("training_id" = i64, Path), ("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 200, body = AcademyPage), (status = 404, body = zelfregie_model::ApiError),
              (status = 409, body = zelfregie_model::ApiError, description = "`training_started`")))]
pub async fn cancel(
    State(state): State<AppState>,
    PersonSession(s): PersonSession,
    Path(training_id): Path<i64>,
) -> Result<Json<AcademyPage>, AppError> {
    let mut tx = crate::db::begin_immediate(&state.db).await?;
    let row: Option<(String, i64)> = sqlx::query_as(
        "SELECT e.state, t.starts_at FROM enrolments e JOIN trainings t ON t.id = e.training_id
         WHERE e.training_id = ? AND e.account_id = ?",
    )
    .bind(training_id)
    .bind(s.account_id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((current, starts_at)) =
        row.filter(|(st, _)| EnrolmentState::parse(st).is_some_and(EnrolmentState::is_current))
    else {
        return Err(AppError::code(ErrorCode::NotFound));
    };
    if starts_at <= now() {
        return Err(AppError::code(ErrorCode::TrainingStarted));
    }
    sqlx::query("UPDATE enrolments SET state = 'cancelled', updated_at = ? WHERE training_id = ? AND account_id = ?")
        .bind(now())
        .bind(training_id)
        .bind(s.account_id)
        .execute(&mut *tx)
        .await?;
    if current == "enrolled" {
        promote(&mut tx, training_id).await?;
    }
    tx.commit().await?;
    Ok(Json(page(&state.db, s.account_id).await?))
}

/// Academy staff: who is on a training.
#[utoipa::path(get, path = "/api/academy/trainings/{id}/roster", tag = "academy", security(("session" = [])),
    params(("id" = i64, Path)), responses((status = 200, body = Vec<RosterEntry>), (status = 403, body = zelfregie_model::ApiError)))]
pub async fn roster(
    State(state): State<AppState>,
    _staff: StaffSession,
    Path(id): Path<i64>,
) -> Result<Json<Vec<RosterEntry>>, AppError> {
    let rows: Vec<(i64, String, String, Option<String>)> = sqlx::query_as(
        "SELECT e.id, e.state, a.email, p.data FROM enrolments e JOIN accounts a ON a.id = e.account_id
         LEFT JOIN participants p ON p.account_id = e.account_id
         WHERE e.training_id = ? ORDER BY e.queued_at, e.id",
    )
    .bind(id)
    .fetch_all(&state.db)
    .await?;
    let list = rows
        .into_iter()
        .map(|(enrolment_id, st, email, data)| {
            let p: Participant = data.and_then(|d| serde_json::from_str(&d).ok()).unwrap_or_default();
            Ok(RosterEntry {
                enrolment_id,
                name: p.full_name(),
                email,
                employer: p.employer,
                state: EnrolmentState::parse(&st).ok_or_else(|| anyhow::anyhow!("stored enrolment state"))?,
            })
        })
        .collect::<Result<_, AppError>>()?;
    Ok(Json(list))
}

/// Academy staff record attendance: the participant's history comes from here, never from
/// the participant.
#[utoipa::path(post, path = "/api/academy/enrolments/{id}/attendance", tag = "academy", security(("session" = [])),
    request_body = Attendance,
    params(("id" = i64, Path), ("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 204), (status = 403, body = zelfregie_model::ApiError), (status = 404, body = zelfregie_model::ApiError),
              (status = 422, body = zelfregie_model::ApiError)))]
pub async fn record_attendance(
    State(state): State<AppState>,
    _staff: StaffSession,
    Path(id): Path<i64>,
    Json(body): Json<Attendance>,
) -> Result<axum::http::StatusCode, AppError> {
    if !matches!(body.state, EnrolmentState::Attended | EnrolmentState::Completed | EnrolmentState::NoShow) {
        return Err(AppError::validation(vec![zelfregie_model::FieldError::new("state", ErrorCode::OutOfRange)]));
    }
    let updated = sqlx::query(
        "UPDATE enrolments SET state = ?, updated_at = ? WHERE id = ? AND state IN ('enrolled', 'attended', 'completed', 'no_show')",
    )
    .bind(body.state.as_str())
    .bind(now())
    .bind(id)
    .execute(&state.db)
    .await?
    .rows_affected();
    if updated == 0 {
        return Err(AppError::code(ErrorCode::NotFound));
    }
    tracing::info!(enrolment_id = id, state = body.state.as_str(), "attendance recorded");
    Ok(axum::http::StatusCode::NO_CONTENT)
}
