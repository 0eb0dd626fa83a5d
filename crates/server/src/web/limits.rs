//! Limits every request meets before a handler reads it: a declared body larger than the
//! route accepts is refused before a byte of it is read, and a request that takes too long
//! as a whole (a body trickling in) is answered `408 request_timeout` (docs/security.md
//! "Timeouts").

use axum::extract::{Request, State};
use axum::http::{header, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use zelfregie_model::ErrorCode;

use crate::error::HttpError;

/// Largest JSON body accepted (ASVS 5.0 "oversized bodies refused").
pub const MAX_JSON_BODY: usize = 64 * 1024;

/// The limits of this module.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Largest transfer upload.
    pub upload_bytes: usize,
    /// Longest time a request may take as a whole.
    pub request_timeout: std::time::Duration,
}

/// The path of transfer uploads, the one route with a larger body limit.
pub const UPLOAD_PATH: &str = "/api/me/transfers";

/// Refuses a request whose `Content-Length` is over the route's limit, without reading it.
pub async fn declared_size(State(limits): State<Limits>, request: Request, next: Next) -> Response {
    let limit = if request.method() == Method::POST && request.uri().path() == UPLOAD_PATH {
        limits.upload_bytes
    } else {
        MAX_JSON_BODY
    };
    let declared = request.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok());
    match declared.map(str::parse::<u64>) {
        Some(Ok(n)) if n <= limit as u64 => next.run(request).await,
        Some(Ok(_)) => HttpError::code(ErrorCode::PayloadTooLarge).into_response(),
        Some(Err(_)) => HttpError::code(ErrorCode::MalformedRequest).into_response(),
        None => next.run(request).await,
    }
}

/// Answers `408 request_timeout` when the request is not done in time. A handler stopped
/// here has not committed: every change is one transaction, which is rolled back when it is
/// dropped unfinished.
pub async fn request_timeout(State(limits): State<Limits>, request: Request, next: Next) -> Response {
    match tokio::time::timeout(limits.request_timeout, next.run(request)).await {
        Ok(response) => response,
        Err(_) => {
            tracing::warn!("request timed out");
            HttpError::code(ErrorCode::RequestTimeout).into_response()
        }
    }
}
