//! `GET /api/partners`: the partner organisations (public reference data).

use axum::extract::State;
use zelfregie_model::Partner;

use crate::error::HttpError;
use crate::http::extract::Json;
use crate::state::AppState;

/// The 35 partner organisations, in the network's order.
#[utoipa::path(get, path = "/api/partners", tag = "reference",
    responses((status = 200, body = Vec<Partner>)))]
pub async fn list(State(state): State<AppState>) -> Result<Json<Vec<Partner>>, HttpError> {
    Ok(Json(zelfregie_domain::accounts::partners(&state.db).await?))
}
