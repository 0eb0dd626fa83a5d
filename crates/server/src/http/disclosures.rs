//! `GET /api/me/disclosures`: which partner saw the profile, when, how often, and which
//! sections — a page at a time.

use axum::extract::State;
use serde::Deserialize;
use utoipa::IntoParams;
use zelfregie_model::disclosure::DISCLOSURES_PER_PAGE;
use zelfregie_model::DisclosurePage;

use crate::error::HttpError;
use crate::http::extract::{Json, Query};
use crate::http::sessions::PersonSession;
use crate::state::AppState;
use zelfregie_domain::candidates::disclosure_log;

/// Which page.
#[derive(Deserialize, IntoParams)]
pub struct PageQuery {
    /// Page number, from 1 (default 1).
    #[serde(default)]
    pub page: Option<u32>,
}

/// One page of the log, newest first.
#[utoipa::path(get, path = "/api/me/disclosures", tag = "profile", security(("session" = ["person"])), params(PageQuery),
    responses((status = 200, body = DisclosurePage), (status = 401, body = zelfregie_model::ApiError)))]
pub async fn list(
    State(state): State<AppState>,
    PersonSession(session): PersonSession,
    Query(query): Query<PageQuery>,
) -> Result<Json<DisclosurePage>, HttpError> {
    let page = query.page.unwrap_or(1).max(1);
    let offset = i64::from(page - 1) * i64::from(DISCLOSURES_PER_PAGE);
    let (entries, total) =
        disclosure_log(&state.db, session.account_id, Some(i64::from(DISCLOSURES_PER_PAGE)), offset).await?;
    Ok(Json(DisclosurePage { entries, page, per_page: DISCLOSURES_PER_PAGE, total }))
}

/// The partners told that the profile was withdrawn (their recruiters had opened it in the
/// last 12 months, and it was deleted, taken out of the candidate bank or hidden from them),
/// and when, newest first.
#[utoipa::path(get, path = "/api/me/withdrawals", tag = "profile", security(("session" = ["person"])),
    responses((status = 200, body = Vec<zelfregie_model::disclosure::WithdrawalTold>), (status = 401, body = zelfregie_model::ApiError)))]
pub async fn withdrawals(
    State(state): State<AppState>,
    PersonSession(session): PersonSession,
) -> Result<Json<Vec<zelfregie_model::disclosure::WithdrawalTold>>, HttpError> {
    Ok(Json(zelfregie_domain::candidates::withdrawals_told(&state.db, session.account_id).await?))
}
