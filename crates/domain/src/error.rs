//! What a use case can fail with. The server turns it into an answer with a stable code
//! (`error.rs` in the server); database and internal failures are logged there (without
//! personal data) and never shown.

use zelfregie_model::{ApiError, ErrorCode, FieldError};

/// What a use case can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
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

impl Error {
    /// An error with only a code.
    pub fn code(code: ErrorCode) -> Self {
        Error::Api(ApiError::new(code))
    }

    /// A validation failure (422) with its field errors.
    pub fn validation(fields: Vec<FieldError>) -> Self {
        Error::Api(ApiError::validation(fields))
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

impl Error {
    /// Whether this is the database being out of reach (restarting, failed over, out of
    /// connections): worth a retry in a few seconds, unlike any other failure.
    pub fn database_unavailable(&self) -> bool {
        matches!(self, Error::Database(e) if crate::store::is_unavailable(e))
    }
}
