//! Transfers to another organisation: upload an export encrypted in the browser, list and
//! revoke one's transfers, and the organisation's one-time fetch.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::IntoResponse;
use http_body_util::BodyExt;
use zelfregie_model::transfer::{PartnerKey, Transfer, TransferCreated, TransferLink, TransferTarget};
use zelfregie_model::ErrorCode;

use crate::error::HttpError;
use crate::http::extract::{Json, Path, Query};
use crate::state::AppState;
use zelfregie_domain::auth::session::CurrentSession;
use zelfregie_domain::transfers;

/// The partners that published an age public key (public data).
#[utoipa::path(get, path = "/api/transfers/partners", tag = "transfers",
    responses((status = 200, body = Vec<PartnerKey>)))]
pub async fn partner_keys(State(state): State<AppState>) -> Result<Json<Vec<PartnerKey>>, HttpError> {
    Ok(Json(transfers::partner_keys(&state.db).await?))
}

/// The logged-in person's transfers, newest first.
#[utoipa::path(get, path = "/api/me/transfers", tag = "transfers", security(("session" = [])),
    responses((status = 200, body = Vec<Transfer>)))]
pub async fn list(State(state): State<AppState>, session: CurrentSession) -> Result<Json<Vec<Transfer>>, HttpError> {
    transfers::sweep(&state.db).await?;
    Ok(Json(transfers::list(&state.db, session.account_id).await?))
}

/// Uploads an export encrypted in the browser (an age file, binary or armored, as
/// `application/octet-stream`) for a partner or a given key. Anything that is not a
/// complete age file is refused (`not_encrypted`), as is one encrypted with a passphrase
/// (`transfer_needs_key`: the organisation opens it with its key); so is a file over the size limit.
#[utoipa::path(post, path = "/api/me/transfers", tag = "transfers", security(("session" = [])),
    params(TransferTarget, ("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    request_body(content = AgeFile, content_type = "application/octet-stream", description = "the age file"),
    responses((status = 201, body = TransferCreated),
              (status = 400, body = zelfregie_model::ApiError, description = "`malformed_request`: not exactly one of `partner` and `recipient`"),
              (status = 413, body = zelfregie_model::ApiError),
              (status = 415, body = zelfregie_model::ApiError, description = "`unsupported_media_type`: not `application/octet-stream`"),
              (status = 422, body = zelfregie_model::ApiError, description = "`not_encrypted`, `transfer_needs_key`, `transfer_wrong_key`, `recipient_invalid`, `unknown_partner`, `too_many` (transfers waiting), or the file's damage"),
              (status = 429, body = zelfregie_model::ApiError, description = "`quota_exceeded`: today's uploads are used up"),
              (status = 503, body = zelfregie_model::ApiError, description = "`service_unavailable`: too many uploads at once, with `Retry-After`")))]
pub async fn create(
    State(state): State<AppState>,
    session: CurrentSession,
    Query(target): Query<TransferTarget>,
    headers: HeaderMap,
    body: Body,
) -> Result<impl IntoResponse, HttpError> {
    let octets = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| {
        v.split(';').next().is_some_and(|t| t.trim().eq_ignore_ascii_case("application/octet-stream"))
    });
    if !octets {
        return Err(HttpError::code(ErrorCode::UnsupportedMediaType));
    }
    let limit = state.transfers.max_bytes;
    // A declared length over the limit was refused before this handler (web::limits).
    let declared = headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<usize>().ok());
    // One upload at a time per person, so one account cannot hold every slot: another of
    // the same person's waits briefly, then hears "try again".
    let Some(_own) =
        UploadSlot::take_within(&state.transfers.uploading, session.account_id, Duration::from_secs(2)).await
    else {
        return Err(HttpError(zelfregie_domain::Error::Throttled { retry_after: 5 }));
    };
    // At most N uploads in memory at once, server-wide; a short wait, then "try again".
    let Ok(Ok(_permit)) =
        tokio::time::timeout(Duration::from_secs(2), state.transfers.uploads.clone().acquire_owned()).await
    else {
        return Err(HttpError(zelfregie_domain::Error::Busy { retry_after: 5 }));
    };
    let pace = Pace { min_bytes_per_sec: state.transfers.min_bytes_per_sec, grace: state.transfers.upload_grace };
    let file = read_age_body(body, declared, limit, pace).await?;
    let created = transfers::create(&state, session.account_id, &target, &file).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// An age file as a request body in the API document: bytes (`type: string, format:
/// binary`), not an array of numbers.
#[derive(utoipa::ToSchema)]
#[schema(value_type = String, format = Binary)]
pub struct AgeFile(#[allow(dead_code)] Vec<u8>);

/// A person's upload in progress; the account is free again when it is dropped.
struct UploadSlot {
    uploading: Arc<Mutex<HashSet<i64>>>,
    account_id: i64,
}

impl UploadSlot {
    /// The account's slot, once it has no upload being read, waiting at most `wait`.
    async fn take_within(uploading: &Arc<Mutex<HashSet<i64>>>, account_id: i64, wait: Duration) -> Option<UploadSlot> {
        let until = tokio::time::Instant::now() + wait;
        loop {
            if uploading.lock().unwrap_or_else(std::sync::PoisonError::into_inner).insert(account_id) {
                return Some(UploadSlot { uploading: uploading.clone(), account_id });
            }
            if tokio::time::Instant::now() >= until {
                return None;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

impl Drop for UploadSlot {
    fn drop(&mut self) {
        self.uploading.lock().unwrap_or_else(std::sync::PoisonError::into_inner).remove(&self.account_id);
    }
}

/// The slowest upload kept: after `grace`, at least `min_bytes_per_sec` on average since the
/// start.
#[derive(Clone, Copy)]
struct Pace {
    min_bytes_per_sec: u64,
    grace: Duration,
}

impl Pace {
    /// When the upload is too slow if nothing more has arrived by then, having `received`.
    fn deadline(&self, start: tokio::time::Instant, received: usize) -> tokio::time::Instant {
        let earned = Duration::from_secs_f64(received as f64 / self.min_bytes_per_sec as f64);
        start + self.grace + earned
    }
}

/// Reads an upload into one buffer, refusing it as soon as its first bytes cannot begin an
/// age file (`not_encrypted`), it grows past `limit` (`payload_too_large`), or it falls
/// behind `pace` (`request_timeout`): nothing that is not an age file is read to the end,
/// the body is held once, and a trickle does not hold an upload slot for long.
async fn read_age_body(
    mut body: Body,
    declared: Option<usize>,
    limit: usize,
    pace: Pace,
) -> Result<Vec<u8>, HttpError> {
    // Enough to tell the binary magic or the armor line from anything else.
    const PREFIX: usize = 64;
    let mut file = Vec::with_capacity(declared.unwrap_or(0).min(limit));
    let mut checked = false;
    let start = tokio::time::Instant::now();
    loop {
        let Ok(frame) = tokio::time::timeout_at(pace.deadline(start, file.len()), body.frame()).await else {
            tracing::info!(received = file.len(), "upload too slow; ended");
            return Err(HttpError::code(ErrorCode::RequestTimeout));
        };
        let Some(frame) = frame else { break };
        let frame = frame.map_err(|_| HttpError::code(ErrorCode::MalformedRequest))?;
        let Ok(data) = frame.into_data() else { continue };
        if file.len() + data.len() > limit {
            return Err(HttpError::code(ErrorCode::PayloadTooLarge));
        }
        file.extend_from_slice(&data);
        if !checked && file.len() >= PREFIX {
            if !zelfregie_crypto::may_be_age(&file) {
                return Err(HttpError::code(ErrorCode::NotEncrypted));
            }
            checked = true;
        }
    }
    Ok(file)
}

/// Revokes a waiting transfer: its file is deleted and its link stops working.
#[utoipa::path(delete, path = "/api/me/transfers/{id}", tag = "transfers", security(("session" = [])),
    params(("id" = i64, Path), ("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 204), (status = 404, body = zelfregie_model::ApiError), (status = 410, body = zelfregie_model::ApiError)))]
pub async fn revoke(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(id): Path<i64>,
) -> Result<StatusCode, HttpError> {
    transfers::revoke(&state.db, session.account_id, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// What a one-time link is: from whom, for whom, how large, until when, and whether it was
/// fetched. For the link's page; reading it (GET or HEAD) uses nothing up.
#[utoipa::path(get, path = "/api/transfer-links/{token}", tag = "transfers",
    params(("token" = String, Path, description = "from the link")),
    responses((status = 200, body = TransferLink),
              (status = 404, body = zelfregie_model::ApiError, description = "unknown link")))]
pub async fn link(State(state): State<AppState>, Path(token): Path<String>) -> Result<Json<TransferLink>, HttpError> {
    Ok(Json(transfers::link(&state.db, &token).await?))
}

/// The organisation's one-time download, by the button on the link's page (a same-origin
/// POST): the age file, then never again.
#[utoipa::path(post, path = "/api/transfer-links/{token}/file", tag = "transfers",
    params(("token" = String, Path, description = "from the link"),
           ("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 200, content_type = "application/octet-stream", description = "the age file"),
              (status = 404, body = zelfregie_model::ApiError, description = "unknown link"),
              (status = 410, body = zelfregie_model::ApiError, description = "`already_fetched`, or `expired` (also when revoked)")))]
pub async fn fetch(State(state): State<AppState>, Path(token): Path<String>) -> Result<impl IntoResponse, HttpError> {
    let (file, created) = transfers::fetch(&state.db, &token).await?;
    let disposition = format!("attachment; filename=\"zelfregie-overdracht-{}.json.age\"", created.date());
    Ok((
        [(header::CONTENT_TYPE, "application/octet-stream".to_owned()), (header::CONTENT_DISPOSITION, disposition)],
        file,
    ))
}
