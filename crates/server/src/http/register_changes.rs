//! `/api/me/register-changes`: what changed in the processing register and the consent texts
//! since the person was last told, and marking it seen (docs/security.md "Register changes
//! are told").

use axum::extract::State;
use axum::http::StatusCode;
use zelfregie_model::register::{RegisterNotice, RegisterSeen};

use crate::error::HttpError;
use crate::http::extract::Json;
use crate::state::AppState;
use zelfregie_domain::auth::session::CurrentSession;

/// The register's changes the person was not told yet (oldest first), and consent texts
/// changed after they agreed. Empty lists: nothing to tell.
#[utoipa::path(get, path = "/api/me/register-changes", tag = "account", security(("session" = [])),
    responses((status = 200, body = RegisterNotice), (status = 401, body = zelfregie_model::ApiError)))]
pub async fn get(State(state): State<AppState>, session: CurrentSession) -> Result<Json<RegisterNotice>, HttpError> {
    Ok(Json(zelfregie_domain::register_changes::notice(&state, session.account_id).await?))
}

/// Marks the versions the person was shown as seen: they are not told again.
#[utoipa::path(post, path = "/api/me/register-changes/seen", tag = "account", security(("session" = [])),
    request_body = RegisterSeen,
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 204, description = "Marked seen"), (status = 401, body = zelfregie_model::ApiError)))]
pub async fn seen(
    State(state): State<AppState>,
    session: CurrentSession,
    Json(seen): Json<RegisterSeen>,
) -> Result<StatusCode, HttpError> {
    zelfregie_domain::register_changes::mark_seen(&state, session.account_id, &seen).await?;
    Ok(StatusCode::NO_CONTENT)
}
