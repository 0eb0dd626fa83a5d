//! Errors as answers: the domain's [`Error`] with the HTTP status of its stable code, and
//! the body always an [`ApiError`]. Database and internal failures are logged (without
//! personal data) and never shown.

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use zelfregie_domain::Error;
use zelfregie_model::{ApiError, ErrorCode, FieldError};

/// What a handler can fail with: whatever a use case failed with, or the request itself.
#[derive(Debug)]
pub struct HttpError(pub Error);

impl From<Error> for HttpError {
    fn from(error: Error) -> Self {
        HttpError(error)
    }
}

impl From<anyhow::Error> for HttpError {
    fn from(error: anyhow::Error) -> Self {
        HttpError(Error::Internal(error))
    }
}

impl HttpError {
    /// An error with only a code.
    pub fn code(code: ErrorCode) -> Self {
        HttpError(Error::code(code))
    }

    /// A validation failure (422) with its field errors.
    pub fn validation(fields: Vec<FieldError>) -> Self {
        HttpError(Error::validation(fields))
    }

    /// `Ok` when the model's `validate()` found nothing, the 422 with its field errors
    /// otherwise: the server's enforcement of the same rules the forms check.
    pub fn ensure_valid(fields: Vec<FieldError>) -> Result<(), Self> {
        Ok(Error::ensure_valid(fields)?)
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

impl IntoResponse for HttpError {
    fn into_response(self) -> Response {
        let unavailable = self.0.database_unavailable();
        match self.0 {
            Error::Api(e) => error_response(e),
            Error::Throttled { retry_after } => retry_later(ErrorCode::TooManyAttempts, retry_after),
            Error::Busy { retry_after } => retry_later(ErrorCode::ServiceUnavailable, retry_after),
            Error::Database(e) => {
                // sqlx errors carry statement and constraint names, never bound values.
                if unavailable {
                    tracing::warn!(error = %e, "database unavailable");
                    retry_later(ErrorCode::ServiceUnavailable, 5)
                } else {
                    tracing::error!(error = %e, "database error");
                    error_response(ApiError::new(ErrorCode::Internal))
                }
            }
            Error::Internal(e) => {
                tracing::error!(error = %e, "internal error");
                error_response(ApiError::new(ErrorCode::Internal))
            }
        }
    }
}

impl From<JsonRejection> for HttpError {
    fn from(rejection: JsonRejection) -> Self {
        let code = match &rejection {
            JsonRejection::MissingJsonContentType(_) => ErrorCode::UnsupportedMediaType,
            other if other.status() == StatusCode::PAYLOAD_TOO_LARGE => ErrorCode::PayloadTooLarge,
            _ => ErrorCode::MalformedRequest,
        };
        HttpError::code(code)
    }
}

impl From<PathRejection> for HttpError {
    fn from(_: PathRejection) -> Self {
        // A path parameter that does not parse (`/api/me/transfers/abc`).
        HttpError::code(ErrorCode::MalformedRequest)
    }
}

impl From<QueryRejection> for HttpError {
    fn from(_: QueryRejection) -> Self {
        HttpError::code(ErrorCode::MalformedRequest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_server_failures_are_500() {
        for code in ErrorCode::ALL {
            let status = status_of(*code);
            let is_ours = matches!(code, ErrorCode::Internal | ErrorCode::Unknown);
            assert_eq!(status == StatusCode::INTERNAL_SERVER_ERROR, is_ours, "{code:?} → {status}");
        }
    }
}
