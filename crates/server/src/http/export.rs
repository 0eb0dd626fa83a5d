//! `GET /api/me/export`: the complete export; `GET /api/export.schema.json`: its schema;
//! `GET /api/register`: the processing register.

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use zelfregie_model::export::ExportDocument;
use zelfregie_model::register::Activity;

use crate::error::HttpError;
use crate::http::extract::Json;
use crate::state::AppState;
use zelfregie_domain::auth::session::CurrentSession;

/// Everything held about the logged-in person, as one JSON document (a download).
#[utoipa::path(get, path = "/api/me/export", tag = "export", security(("session" = [])),
    responses((status = 200, body = ExportDocument, description = "with `\"$schema\"`; sent as an attachment"),
              (status = 401, body = zelfregie_model::ApiError)))]
pub async fn export(State(state): State<AppState>, session: CurrentSession) -> Result<impl IntoResponse, HttpError> {
    let document = zelfregie_domain::export::export(&state, session.account_id).await?;
    let date = document.generated_at.date();
    let disposition = format!("attachment; filename=\"zelfregie-export-{date}.json\"");
    tracing::info!(account_id = session.account_id, "export assembled");
    Ok(([(header::CONTENT_DISPOSITION, disposition)], Json(document)))
}

/// The JSON Schema of the export, generated from the model types.
#[utoipa::path(get, path = "/api/export.schema.json", tag = "export",
    responses((status = 200, description = "JSON Schema 2020-12", content_type = "application/json")))]
pub async fn schema(State(state): State<AppState>) -> Json<serde_json::Value> {
    Json(zelfregie_domain::export::schema(&state.public_url))
}

/// The processing register: every processing activity, with purpose, legal basis,
/// recipients, origin and retention, and DPV terms.
#[utoipa::path(get, path = "/api/register", tag = "export", responses((status = 200, body = Vec<Activity>)))]
pub async fn register(State(state): State<AppState>) -> Json<Vec<Activity>> {
    Json(zelfregie_domain::retention::configured_register(&state))
}

/// Where people send privacy questions and requests (`--privacy-email`), for the statements
/// and the rights on every readable page; no login needed.
#[utoipa::path(get, path = "/api/contact", tag = "export", responses((status = 200, body = zelfregie_model::register::Contact)))]
pub async fn contact(State(state): State<AppState>) -> Json<zelfregie_model::register::Contact> {
    Json(state.contact())
}
