//! How a request is read: JSON bodies, paths and queries that answer in our error format,
//! and the version a write names in `If-Match`.

use axum::extract::{FromRequest, FromRequestParts};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use zelfregie_model::ErrorCode;

use crate::error::HttpError;

/// `axum::Json`, but a bad body answers with our error format instead of plain text, and a
/// NUL character anywhere in it (`\u0000` in a string) is refused with `invalid_characters`
/// before any handler sees it: no text field of the API takes one, and PostgreSQL cannot
/// store one (it answered 500, issue 24).
pub struct Json<T>(pub T);

impl<T: serde::de::DeserializeOwned, S: Send + Sync> FromRequest<S> for Json<T> {
    type Rejection = HttpError;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, Self::Rejection> {
        if !json_content_type(req.headers()) {
            return Err(HttpError::code(ErrorCode::UnsupportedMediaType));
        }
        let bytes = axum::body::Bytes::from_request(req, state).await.map_err(|rejection| {
            HttpError::code(if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ErrorCode::PayloadTooLarge
            } else {
                ErrorCode::MalformedRequest
            })
        })?;
        if json_has_nul(&bytes) {
            return Err(HttpError::code(ErrorCode::InvalidCharacters));
        }
        let axum::Json(value) = axum::Json::<T>::from_bytes(&bytes)?;
        Ok(Json(value))
    }
}

/// `application/json` or `application/…+json`, as `axum::Json` accepts.
fn json_content_type(headers: &axum::http::HeaderMap) -> bool {
    let Some(value) = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()) else { return false };
    let essence = value.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    essence == "application/json" || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// Whether a JSON text holds a NUL character: a raw 0 byte, or the escape `\u0000` (an
/// escaped backslash followed by `u0000` is text, not a NUL: every backslash starts an
/// escape of its own).
pub fn json_has_nul(json: &[u8]) -> bool {
    let mut i = 0;
    while i < json.len() {
        match json[i] {
            0 => return true,
            b'\\' if json[i + 1..].starts_with(b"u0000") => return true,
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
    false
}

/// Whether a URI path or query holds a NUL character (`%00`; a raw one is not a valid URI).
fn uri_has_nul(text: &str) -> bool {
    text.contains("%00")
}

impl<T: serde::Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

/// `axum::extract::Path`, but a path that does not parse, or holds a NUL character (`%00`),
/// answers `malformed_request` in our error format.
pub struct Path<T>(pub T);

impl<T: serde::de::DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for Path<T> {
    type Rejection = HttpError;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, state: &S) -> Result<Self, Self::Rejection> {
        if uri_has_nul(parts.uri.path()) {
            return Err(HttpError::code(ErrorCode::MalformedRequest));
        }
        let axum::extract::Path(value) = axum::extract::Path::<T>::from_request_parts(parts, state).await?;
        Ok(Path(value))
    }
}

/// `axum::extract::Query`, but a bad query, or one with a NUL character (`%00`), answers
/// `malformed_request` in our error format.
pub struct Query<T>(pub T);

impl<T: serde::de::DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Query<T> {
    type Rejection = HttpError;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, state: &S) -> Result<Self, Self::Rejection> {
        if parts.uri.query().is_some_and(uri_has_nul) {
            return Err(HttpError::code(ErrorCode::MalformedRequest));
        }
        let axum::extract::Query(value) = axum::extract::Query::<T>::from_request_parts(parts, state).await?;
        Ok(Query(value))
    }
}

/// The strong `ETag` of version `version` of a thing named `name`: `"profile-3"`,
/// `"training-3"`.
pub fn etag(name: &str, version: i64) -> HeaderValue {
    HeaderValue::from_str(&format!("\"{name}-{version}\"")).expect("ASCII")
}

/// The `If-Match` a write must carry: the version it was made from (optimistic
/// concurrency, docs/api.md "Statuses"). Read as the request comes in, judged by
/// [`IfMatch::version`] once the body is known to be well-formed: a bad body answers first.
pub struct IfMatch(Option<String>);

impl<S: Send + Sync> FromRequestParts<S> for IfMatch {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, _: &S) -> Result<Self, Self::Rejection> {
        let value = parts.headers.get(header::IF_MATCH).and_then(|v| v.to_str().ok()).map(str::trim);
        Ok(IfMatch(value.filter(|v| !v.is_empty() && *v != "*").map(str::to_owned)))
    }
}

impl IfMatch {
    /// The version of the thing named `name` the tag names. Missing (or `*`) answers 428;
    /// another thing's tag or garbage 412.
    pub fn version(&self, name: &str) -> Result<i64, HttpError> {
        let tag = self.0.as_deref().ok_or_else(|| HttpError::code(ErrorCode::PreconditionRequired))?;
        tag.strip_prefix('"')
            .and_then(|rest| rest.strip_prefix(name))
            .and_then(|rest| rest.strip_prefix('-'))
            .and_then(|rest| rest.strip_suffix('"'))
            .and_then(|n| n.parse::<i64>().ok())
            .ok_or_else(|| HttpError::code(ErrorCode::PreconditionFailed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nul_in_json_is_found_and_an_escaped_backslash_is_not_one() {
        assert!(json_has_nul(br#"{"email":"a\u0000b"}"#));
        assert!(json_has_nul(b"{\"email\":\"a\0b\"}"));
        assert!(json_has_nul(br#"{"a":"\\\u0000"}"#), "an escaped backslash, then a NUL");
        assert!(!json_has_nul(br#"{"a":"\\u0000"}"#), "a backslash, then the text u0000");
        assert!(json_has_nul(br#"{"a":"\u00000"}"#), "a NUL, then the digit 0");
        assert!(!json_has_nul(br#"{"a":"\u0001 and \\"}"#));
        assert!(!json_has_nul(b"{\"a\":\"cut off after a backslash \\"), "no panic at the end");
    }

    #[test]
    fn a_version_is_read_only_from_its_own_things_tag() {
        let tag = IfMatch(Some("\"profile-3\"".into()));
        assert_eq!(tag.version("profile").unwrap(), 3);
        assert!(tag.version("training").is_err());
        assert!(IfMatch(Some("\"profile-x\"".into())).version("profile").is_err());
        assert!(IfMatch(Some("\"profiles-3\"".into())).version("profile").is_err());
        assert_eq!(etag("training", 4), "\"training-4\"");
        let missing = IfMatch(None).version("profile").unwrap_err();
        assert_eq!(missing.0.to_string(), HttpError::code(ErrorCode::PreconditionRequired).0.to_string());
    }
}
