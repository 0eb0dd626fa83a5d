//! `GET /api/me/disclosures`: which partner saw the profile, when, and which sections.

use axum::extract::State;
use zelfregie_model::{Disclosure, DisclosureKind, Partner, Section};

use crate::auth::session::PersonSession;
use crate::db::to_datetime;
use crate::error::{AppError, Json};
use crate::state::AppState;

/// The log, newest first.
#[utoipa::path(get, path = "/api/me/disclosures", tag = "profile", security(("session" = [])),
    responses((status = 200, body = Vec<Disclosure>), (status = 401, body = zelfregie_model::ApiError)))]
pub async fn list(
    State(state): State<AppState>,
    PersonSession(session): PersonSession,
) -> Result<Json<Vec<Disclosure>>, AppError> {
    Ok(Json(for_account(&state.db, session.account_id).await?))
}

/// The disclosure log of `account_id`, newest first.
pub async fn for_account(db: &sqlx::SqlitePool, account_id: i64) -> Result<Vec<Disclosure>, AppError> {
    let rows: Vec<(String, String, i64, String, String)> = sqlx::query_as(
        "SELECT p.slug, p.name, d.at, d.kind, d.sections FROM disclosures d JOIN partners p ON p.id = d.partner_id
         WHERE d.account_id = ? ORDER BY d.at DESC, d.id DESC",
    )
    .bind(account_id)
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|(slug, name, at, kind, sections)| {
            Ok(Disclosure {
                partner: Partner { slug, name },
                at: to_datetime(at),
                kind: DisclosureKind::parse(&kind).ok_or_else(|| anyhow::anyhow!("unknown disclosure kind"))?,
                sections: serde_json::from_str::<Vec<Section>>(&sections).map_err(anyhow::Error::from)?,
            })
        })
        .collect::<Result<_, AppError>>()
}
