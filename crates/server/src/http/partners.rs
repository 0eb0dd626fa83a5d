//! `GET /api/partners`: the partner organisations (public reference data).

use axum::extract::State;
use zelfregie_model::Partner;

use crate::error::{AppError, Json};
use crate::state::AppState;

/// The 35 partners of seed 000 art. 3, in the seed's order.
#[utoipa::path(get, path = "/api/partners", tag = "reference",
    responses((status = 200, body = Vec<Partner>)))]
pub async fn list(State(state): State<AppState>) -> Result<Json<Vec<Partner>>, AppError> {
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT slug, name FROM partners ORDER BY id").fetch_all(&state.db).await?;
    Ok(Json(rows.into_iter().map(|(slug, name)| Partner { slug, name }).collect()))
}
