//! `GET /api/me/retention`: when the person's data will be deleted if they do not log in
//! again, per processing activity (computed here from their last login; "Mijn gegevens"
//! shows it in words).

use axum::extract::State;
use zelfregie_model::retention::RetentionOverview;

use crate::error::HttpError;
use crate::http::extract::Json;
use crate::http::sessions::PersonSession;
use crate::state::AppState;

/// The person's retention dates.
#[utoipa::path(get, path = "/api/me/retention", tag = "export", security(("session" = ["person"])),
    responses((status = 200, body = RetentionOverview),
              (status = 401, body = zelfregie_model::ApiError), (status = 403, body = zelfregie_model::ApiError)))]
pub async fn get(
    State(state): State<AppState>,
    PersonSession(session): PersonSession,
) -> Result<Json<RetentionOverview>, HttpError> {
    Ok(Json(zelfregie_domain::retention::overview(&state, session.account_id).await?))
}
