//! Transfers to another organisation: upload an export encrypted in the browser, list and
//! revoke one's transfers, and the organisation's one-time fetch.

use axum::body::{to_bytes, Body};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::IntoResponse;
use zelfregie_model::transfer::{PartnerKey, Transfer, TransferCreated, TransferTarget};
use zelfregie_model::ErrorCode;

use crate::auth::session::CurrentSession;
use crate::error::{AppError, Json};
use crate::state::AppState;
use crate::transfers;

/// The partners that published an age public key (public data).
#[utoipa::path(get, path = "/api/transfers/partners", tag = "transfers",
    responses((status = 200, body = Vec<PartnerKey>)))]
pub async fn partner_keys(State(state): State<AppState>) -> Result<Json<Vec<PartnerKey>>, AppError> {
    Ok(Json(transfers::partner_keys(&state.db).await?))
}

/// The logged-in person's transfers, newest first.
#[utoipa::path(get, path = "/api/me/transfers", tag = "transfers", security(("session" = [])),
    responses((status = 200, body = Vec<Transfer>)))]
pub async fn list(State(state): State<AppState>, session: CurrentSession) -> Result<Json<Vec<Transfer>>, AppError> {
    transfers::sweep(&state.db).await?;
    Ok(Json(transfers::list(&state.db, session.account_id).await?))
}

/// Uploads an export encrypted in the browser (an age file, binary or armored, as
/// `application/octet-stream`) for a partner or a given key. Anything that is not a
/// complete age file is refused (`not_encrypted`), as is one encrypted with a passphrase
/// (`transfer_needs_key`: the organisation opens it with its key); so is a file over the size limit.
#[utoipa::path(post, path = "/api/me/transfers", tag = "transfers", security(("session" = [])),
    params(TransferTarget, ("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "the age file"),
    responses((status = 201, body = TransferCreated), (status = 413, body = zelfregie_model::ApiError),
              (status = 415, body = zelfregie_model::ApiError), (status = 422, body = zelfregie_model::ApiError)))]
pub async fn create(
    State(state): State<AppState>,
    session: CurrentSession,
    Query(target): Query<TransferTarget>,
    headers: HeaderMap,
    body: Body,
) -> Result<impl IntoResponse, AppError> {
    let octets = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| {
        v.split(';').next().is_some_and(|t| t.trim().eq_ignore_ascii_case("application/octet-stream"))
    });
    if !octets {
        return Err(AppError::code(ErrorCode::UnsupportedMediaType));
    }
    let limit = state.transfers.max_bytes;
    let declared = headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<usize>().ok());
    if declared.is_some_and(|n| n > limit) {
        return Err(AppError::code(ErrorCode::PayloadTooLarge));
    }
    let file = to_bytes(body, limit).await.map_err(|_| AppError::code(ErrorCode::PayloadTooLarge))?;
    let created = transfers::create(&state, session.account_id, &target, &file).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// Revokes a waiting transfer: its file is deleted and its link stops working.
#[utoipa::path(delete, path = "/api/me/transfers/{id}", tag = "transfers", security(("session" = [])),
    params(("id" = i64, Path), ("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 204), (status = 404, body = zelfregie_model::ApiError), (status = 410, body = zelfregie_model::ApiError)))]
pub async fn revoke(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(id): Path<i64>,
) -> Result<StatusCode, AppError> {
    transfers::revoke(&state.db, session.account_id, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The organisation's one-time download: the age file, then never again.
#[utoipa::path(get, path = "/api/transfers/fetch/{token}", tag = "transfers",
    params(("token" = String, Path, description = "from the link")),
    responses((status = 200, content_type = "application/octet-stream", description = "the age file"),
              (status = 410, body = zelfregie_model::ApiError, description = "unknown, used, revoked or expired")))]
pub async fn fetch(State(state): State<AppState>, Path(token): Path<String>) -> Result<impl IntoResponse, AppError> {
    let (file, created) = transfers::fetch(&state.db, &token).await?;
    let disposition = format!("attachment; filename=\"zelfregie-overdracht-{}.json.age\"", created.date());
    Ok((
        [(header::CONTENT_TYPE, "application/octet-stream".to_owned()), (header::CONTENT_DISPOSITION, disposition)],
        file,
    ))
}
