//! `GET /api/health`: the server and its database answer.

use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;
use zelfregie_model::ErrorCode;

use crate::error::HttpError;
use crate::http::extract::Json;
use crate::state::AppState;

/// Health answer.
#[derive(Serialize, ToSchema)]
pub struct Health {
    /// Always `ok` when answered with 200.
    pub status: &'static str,
}

/// 200 when the database answers a query and can be written (a full disk, a database
/// restarting: 503); see `Store::writable`.
#[utoipa::path(get, path = "/api/health", tag = "system",
    responses((status = 200, body = Health), (status = 503, body = zelfregie_model::ApiError)))]
pub async fn health(State(state): State<AppState>) -> Result<Json<Health>, HttpError> {
    state.db.ping().await.map_err(|e| {
        tracing::warn!(error = %e, "health check: database does not answer");
        HttpError::code(ErrorCode::ServiceUnavailable)
    })?;
    if !state.db.writable().await {
        return Err(HttpError::code(ErrorCode::ServiceUnavailable));
    }
    Ok(Json(Health { status: "ok" }))
}
