//! `GET /api/me/disclosures`: which partner saw the profile, when, how often, and which
//! sections — a page at a time.

use axum::extract::State;
use serde::Deserialize;
use utoipa::IntoParams;
use zelfregie_model::disclosure::DISCLOSURES_PER_PAGE;
use zelfregie_model::{Disclosure, DisclosureKind, DisclosurePage, Partner, Section};

use crate::auth::session::PersonSession;
use crate::db::to_datetime;
use crate::error::{AppError, Json, Query};
use crate::state::AppState;

/// Which page.
#[derive(Deserialize, IntoParams)]
pub struct PageQuery {
    /// Page number, from 1 (default 1).
    #[serde(default)]
    pub page: Option<u32>,
}

/// One page of the log, newest first.
#[utoipa::path(get, path = "/api/me/disclosures", tag = "profile", security(("session" = [])), params(PageQuery),
    responses((status = 200, body = DisclosurePage), (status = 401, body = zelfregie_model::ApiError)))]
pub async fn list(
    State(state): State<AppState>,
    PersonSession(session): PersonSession,
    Query(query): Query<PageQuery>,
) -> Result<Json<DisclosurePage>, AppError> {
    let page = query.page.unwrap_or(1).max(1);
    let offset = i64::from(page - 1) * i64::from(DISCLOSURES_PER_PAGE);
    let entries = query_log(&state.db, session.account_id, i64::from(DISCLOSURES_PER_PAGE), offset).await?;
    let (total,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM disclosures WHERE account_id = ?")
        .bind(session.account_id)
        .fetch_one(&state.db)
        .await?;
    Ok(Json(DisclosurePage { entries, page, per_page: DISCLOSURES_PER_PAGE, total: u64::try_from(total).unwrap_or(0) }))
}

/// The whole disclosure log of `account_id`, newest first (for the export).
pub async fn for_account(db: &sqlx::SqlitePool, account_id: i64) -> Result<Vec<Disclosure>, AppError> {
    query_log(db, account_id, -1, 0).await
}

/// `limit` entries of the log from `offset` (SQLite: a negative limit is no limit).
async fn query_log(
    db: &sqlx::SqlitePool,
    account_id: i64,
    limit: i64,
    offset: i64,
) -> Result<Vec<Disclosure>, AppError> {
    type Row = (String, String, i64, i64, i64, String, String);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT p.slug, p.name, d.at, d.first_at, d.count, d.kind, d.sections
         FROM disclosures d JOIN partners p ON p.id = d.partner_id
         WHERE d.account_id = ? ORDER BY d.at DESC, d.id DESC LIMIT ? OFFSET ?",
    )
    .bind(account_id)
    .bind(limit)
    .bind(offset)
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|(slug, name, at, first_at, count, kind, sections)| {
            Ok(Disclosure {
                partner: Partner { slug, name },
                at: to_datetime(at),
                first_at: to_datetime(first_at),
                count: u32::try_from(count).unwrap_or(u32::MAX),
                kind: DisclosureKind::parse(&kind).ok_or_else(|| anyhow::anyhow!("unknown disclosure kind"))?,
                sections: serde_json::from_str::<Vec<Section>>(&sections).map_err(anyhow::Error::from)?,
            })
        })
        .collect::<Result<_, AppError>>()
}
