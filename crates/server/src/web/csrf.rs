//! Cross-site request forgery defence for the API (ASVS 5.0 3.5.1–3.5.3).
//!
//! A state-changing request must carry `X-Requested-With: zelfregie`: a non-simple header
//! that a page on another site cannot send without a CORS preflight, which this server
//! never grants. Any API request the browser marks `Sec-Fetch-Site: cross-site` is refused.

use axum::extract::Request;
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use zelfregie_model::ErrorCode;

use crate::error::HttpError;

/// The header a state-changing request must carry, and its value.
pub const HEADER: &str = "x-requested-with";
/// The required value of [`HEADER`].
pub const VALUE: &str = "zelfregie";

/// The one exception (docs/security.md "CSRF"): RFC 8058 one-click unsubscribe, which mail clients POST as
/// a plain form; its signed per-person token is its authorization.
pub const ONE_CLICK_UNSUBSCRIBE: &str = "/api/newsletter/unsubscribe";

/// Middleware for `/api/`.
pub async fn check(request: Request, next: Next) -> Response {
    if request.uri().path().starts_with("/api/") {
        let headers = request.headers();
        if headers.get("sec-fetch-site").is_some_and(|v| v == "cross-site") {
            return HttpError::code(ErrorCode::CrossSiteRequest).into_response();
        }
        let safe = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS)
            || request.uri().path() == ONE_CLICK_UNSUBSCRIBE;
        if !safe && headers.get(HEADER).is_none_or(|v| v != VALUE) {
            return HttpError::code(ErrorCode::CsrfHeaderMissing).into_response();
        }
    }
    next.run(request).await
}
