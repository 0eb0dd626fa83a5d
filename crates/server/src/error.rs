//! One error type for every handler. The body is always an [`ApiError`] with a stable code;
//! database and internal failures are logged (without personal data) and never shown.

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use zelfregie_model::{ApiError, ErrorCode, FieldError};

/// What a handler can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// A failure the client caused or must know about, with its stable code.
    #[error("{0:?}")]
    Api(ApiError),
    /// Too many attempts; the client may retry after this many seconds.
    #[error("too many attempts")]
    Throttled {
        /// Seconds until the window ends.
        retry_after: i64,
    },
    /// Too busy for this now (a limit on work in progress); retry after this many seconds.
    #[error("busy")]
    Busy {
        /// Seconds to wait.
        retry_after: i64,
    },
    /// The database failed.
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    /// Anything else that went wrong on our side.
    #[error("internal: {0}")]
    Internal(#[from] anyhow::Error),
}

impl AppError {
    /// An error with only a code.
    pub fn code(code: ErrorCode) -> Self {
        AppError::Api(ApiError::new(code))
    }

    /// A validation failure (422) with its field errors.
    pub fn validation(fields: Vec<FieldError>) -> Self {
        AppError::Api(ApiError::validation(fields))
    }

    /// `Ok` when the model's `validate()` found nothing, the 422 with its field errors
    /// otherwise: the server's enforcement of the same rules the forms check.
    pub fn ensure_valid(fields: Vec<FieldError>) -> Result<(), Self> {
        if fields.is_empty() {
            Ok(())
        } else {
            Err(Self::validation(fields))
        }
    }
}

/// The HTTP status that goes with a code. No catch-all arm: a new code does not compile
/// until it has its status here.
pub fn status_of(code: ErrorCode) -> StatusCode {
    use ErrorCode::*;
    match code {
        ValidationFailed
        | Required
        | TooLong
        | InvalidCharacters
        | EmailInvalid
        | PasswordTooShort
        | PasswordTooLong
        | PasswordTooCommon
        | PasswordContainsEmail
        | PostcodeInvalid
        | PhoneInvalid
        | HouseNumberInvalid
        | ContainsBsn
        | DatesOutOfOrder
        | OutOfRange
        | TooMany
        | Duplicate
        | MonthInvalid
        | NumberInvalid
        | WrongPassword
        | UnknownPartner
        | RoleNotInvitable
        | PartnerNotForRole
        | EmailUnchanged
        | NoRecipients
        | SeatsBelowEnrolled
        | DateInvalid
        | TimeInvalid
        | DateInPast => StatusCode::UNPROCESSABLE_ENTITY,
        PreconditionRequired => StatusCode::PRECONDITION_REQUIRED,
        PreconditionFailed => StatusCode::PRECONDITION_FAILED,
        EmailTaken | ConsentTextOutdated | AlreadyEnrolled | TrainingStarted | TrainingCancelled | RequestClosed
        | AlreadyExtended | ExtensionNotAllowed | DeadlinePassed | NoticeSent | AuthorityNotChecked | NotOnBehalf
        | AlreadyChecked | LastAdministrator => StatusCode::CONFLICT,
        NotAParticipant | AccountSuspended => StatusCode::FORBIDDEN,
        TokenInvalid => StatusCode::BAD_REQUEST,
        NotEncrypted | TransferNeedsKey | TransferWrongKey | RecipientInvalid | RecipientsMixed => {
            StatusCode::UNPROCESSABLE_ENTITY
        }
        Expired | AlreadyFetched | ProfileWithdrawn => StatusCode::GONE,
        QuotaExceeded => StatusCode::TOO_MANY_REQUESTS,
        // Decryption happens only in the browser; the server never answers these.
        WrongPassphrase | PassphraseTooShort | NoMatchingKey | IdentityInvalid | WrongKeyKind | FileDamaged
        | ExcessiveWork | CryptoUnavailable => StatusCode::UNPROCESSABLE_ENTITY,
        InvalidCredentials | InvalidSecondFactor | Unauthenticated | PasskeyFailed => StatusCode::UNAUTHORIZED,
        ReauthRequired => StatusCode::FORBIDDEN,
        // The browser's passkey prompt; the server never answers these.
        PasskeyCancelled | PasskeyUnsupported => StatusCode::UNPROCESSABLE_ENTITY,
        Forbidden | CsrfHeaderMissing | CrossSiteRequest | SecondFactorRequired | SecondFactorMandatory => {
            StatusCode::FORBIDDEN
        }
        SecondFactorActive => StatusCode::CONFLICT,
        TooManyAttempts => StatusCode::TOO_MANY_REQUESTS,
        NotFound => StatusCode::NOT_FOUND,
        MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
        MalformedRequest => StatusCode::BAD_REQUEST,
        UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        RequestTimeout => StatusCode::REQUEST_TIMEOUT,
        ServiceUnavailable => StatusCode::SERVICE_UNAVAILABLE,
        Internal | Unknown => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// An error response: status from the code, JSON body.
pub fn error_response(error: ApiError) -> Response {
    (status_of(error.code), axum::Json(error)).into_response()
}

/// An error response with `Retry-After` (seconds, at least one).
fn retry_later(code: ErrorCode, retry_after: i64) -> Response {
    let mut r = error_response(ApiError::new(code));
    if let Ok(v) = HeaderValue::from_str(&retry_after.max(1).to_string()) {
        r.headers_mut().insert(header::RETRY_AFTER, v);
    }
    r
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        match self {
            AppError::Api(e) => error_response(e),
            AppError::Throttled { retry_after } => retry_later(ErrorCode::TooManyAttempts, retry_after),
            AppError::Busy { retry_after } => retry_later(ErrorCode::ServiceUnavailable, retry_after),
            AppError::Database(e) => {
                // sqlx errors carry statement and constraint names, never bound values.
                if crate::store::is_unavailable(&e) {
                    tracing::warn!(error = %e, "database unavailable");
                    retry_later(ErrorCode::ServiceUnavailable, 5)
                } else {
                    tracing::error!(error = %e, "database error");
                    error_response(ApiError::new(ErrorCode::Internal))
                }
            }
            AppError::Internal(e) => {
                tracing::error!(error = %e, "internal error");
                error_response(ApiError::new(ErrorCode::Internal))
            }
        }
    }
}

impl From<JsonRejection> for AppError {
    fn from(rejection: JsonRejection) -> Self {
        let code = match &rejection {
            JsonRejection::MissingJsonContentType(_) => ErrorCode::UnsupportedMediaType,
            other if other.status() == StatusCode::PAYLOAD_TOO_LARGE => ErrorCode::PayloadTooLarge,
            _ => ErrorCode::MalformedRequest,
        };
        AppError::code(code)
    }
}

/// `axum::Json`, but a bad body answers with our error format instead of plain text, and a
/// NUL character anywhere in it (`\u0000` in a string) is refused with `invalid_characters`
/// before any handler sees it: no text field of the API takes one, and PostgreSQL cannot
/// store one (it answered 500, issue 24).
pub struct Json<T>(pub T);

impl<T: serde::de::DeserializeOwned, S: Send + Sync> FromRequest<S> for Json<T> {
    type Rejection = AppError;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, Self::Rejection> {
        if !json_content_type(req.headers()) {
            return Err(AppError::code(ErrorCode::UnsupportedMediaType));
        }
        let bytes = axum::body::Bytes::from_request(req, state).await.map_err(|rejection| {
            AppError::code(if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ErrorCode::PayloadTooLarge
            } else {
                ErrorCode::MalformedRequest
            })
        })?;
        if json_has_nul(&bytes) {
            return Err(AppError::code(ErrorCode::InvalidCharacters));
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

impl From<PathRejection> for AppError {
    fn from(_: PathRejection) -> Self {
        // A path parameter that does not parse (`/api/me/transfers/abc`).
        AppError::code(ErrorCode::MalformedRequest)
    }
}

impl From<QueryRejection> for AppError {
    fn from(_: QueryRejection) -> Self {
        AppError::code(ErrorCode::MalformedRequest)
    }
}

/// `axum::extract::Path`, but a path that does not parse, or holds a NUL character (`%00`),
/// answers `malformed_request` in our error format.
pub struct Path<T>(pub T);

impl<T: serde::de::DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for Path<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, state: &S) -> Result<Self, Self::Rejection> {
        if uri_has_nul(parts.uri.path()) {
            return Err(AppError::code(ErrorCode::MalformedRequest));
        }
        let axum::extract::Path(value) = axum::extract::Path::<T>::from_request_parts(parts, state).await?;
        Ok(Path(value))
    }
}

/// `axum::extract::Query`, but a bad query, or one with a NUL character (`%00`), answers
/// `malformed_request` in our error format.
pub struct Query<T>(pub T);

impl<T: serde::de::DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Query<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, state: &S) -> Result<Self, Self::Rejection> {
        if parts.uri.query().is_some_and(uri_has_nul) {
            return Err(AppError::code(ErrorCode::MalformedRequest));
        }
        let axum::extract::Query(value) = axum::extract::Query::<T>::from_request_parts(parts, state).await?;
        Ok(Query(value))
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
    fn only_server_failures_are_500() {
        for code in ErrorCode::ALL {
            let status = status_of(*code);
            let is_ours = matches!(code, ErrorCode::Internal | ErrorCode::Unknown);
            assert_eq!(status == StatusCode::INTERNAL_SERVER_ERROR, is_ours, "{code:?} → {status}");
        }
    }
}
