//! Who is asking: the session a request carries, as extractors that answer 401 without one
//! and 403 for the wrong role (docs/security.md "Sessions"), and the header that tells the
//! SPA how long the session lasts.

use std::sync::{Arc, Mutex};

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderValue};
use zelfregie_domain::auth::session::{strong_enough, CurrentSession};
use zelfregie_model::{ErrorCode, Role};

use crate::error::HttpError;
use crate::state::AppState;

/// The response header with the seconds a session lasts without further activity; on every
/// answer to a request that carried a valid session, and on the answer that starts one. The
/// SPA counts down from it to warn before the session ends (docs/security.md "Sessions").
pub const EXPIRES_IN_HEADER: &str = "x-session-expires-in";

/// Where the extractor leaves a session's remaining seconds for [`expires_in_header`].
#[derive(Clone, Default)]
pub struct ExpiresIn(Arc<Mutex<Option<i64>>>);

impl ExpiresIn {
    /// Records the remaining seconds of the request's session.
    pub fn set(parts: &Parts, seconds: i64) {
        if let Some(slot) = parts.extensions.get::<ExpiresIn>() {
            *slot.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(seconds);
        }
    }
}

/// Middleware: adds [`EXPIRES_IN_HEADER`] to the answer of a request with a valid session,
/// and to an answer that sets a new session cookie (a login, a registration).
pub async fn expires_in_header(
    axum::extract::State(state): axum::extract::State<AppState>,
    mut request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let slot = ExpiresIn::default();
    request.extensions_mut().insert(slot.clone());
    let mut response = next.run(request).await;
    let settings = &state.sessions;
    let prefix = format!("{}=", state.cookies.session_name());
    let started = response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.starts_with(&prefix) && !v.contains("Max-Age=0"));
    let recorded = *slot.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let seconds = if started { Some(settings.idle_secs.min(settings.absolute_secs)) } else { recorded };
    if let Some(seconds) = seconds {
        response.headers_mut().insert(EXPIRES_IN_HEADER, HeaderValue::from(seconds.max(0)));
    }
    response
}

/// A logged-in person (candidate or course participant); anyone else gets 403.
pub struct PersonSession(pub CurrentSession);

/// A logged-in recruiter, with their partner; anyone else gets 403.
pub struct RecruiterSession {
    /// The session.
    pub session: CurrentSession,
    /// The recruiter's partner id.
    pub partner_id: i64,
    /// The recruiter's partner slug.
    pub partner_slug: String,
}

/// A logged-in member of the academy's staff; anyone else gets 403.
pub struct StaffSession(pub CurrentSession);

impl FromRequestParts<AppState> for StaffSession {
    type Rejection = HttpError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let session = CurrentSession::from_request_parts(parts, state).await?;
        if session.role != Role::AcademyStaff {
            return Err(HttpError::code(ErrorCode::Forbidden));
        }
        strong_enough(&session)?;
        Ok(StaffSession(session))
    }
}

/// A logged-in member of the privacy staff; anyone else gets 403.
pub struct PrivacyStaffSession(pub CurrentSession);

impl FromRequestParts<AppState> for PrivacyStaffSession {
    type Rejection = HttpError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let session = CurrentSession::from_request_parts(parts, state).await?;
        if session.role != Role::PrivacyStaff {
            return Err(HttpError::code(ErrorCode::Forbidden));
        }
        strong_enough(&session)?;
        Ok(PrivacyStaffSession(session))
    }
}

/// A logged-in administrator, in a session opened with a second factor; anyone else gets 403.
pub struct AdminSession(pub CurrentSession);

impl FromRequestParts<AppState> for AdminSession {
    type Rejection = HttpError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let session = CurrentSession::from_request_parts(parts, state).await?;
        if session.role != Role::Administrator {
            return Err(HttpError::code(ErrorCode::Forbidden));
        }
        strong_enough(&session)?;
        Ok(AdminSession(session))
    }
}

/// Who may read the administration's log: administrators and privacy staff, in a session
/// opened with a second factor; anyone else gets 403.
pub struct AuditSession(pub CurrentSession);

impl FromRequestParts<AppState> for AuditSession {
    type Rejection = HttpError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let session = CurrentSession::from_request_parts(parts, state).await?;
        if !matches!(session.role, Role::Administrator | Role::PrivacyStaff) {
            return Err(HttpError::code(ErrorCode::Forbidden));
        }
        strong_enough(&session)?;
        Ok(AuditSession(session))
    }
}

impl FromRequestParts<AppState> for PersonSession {
    type Rejection = HttpError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let session = CurrentSession::from_request_parts(parts, state).await?;
        if session.role != Role::Person {
            return Err(HttpError::code(ErrorCode::Forbidden));
        }
        Ok(PersonSession(session))
    }
}

impl FromRequestParts<AppState> for RecruiterSession {
    type Rejection = HttpError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let session = CurrentSession::from_request_parts(parts, state).await?;
        match (session.role, session.partner.clone()) {
            (Role::Recruiter, Some((partner_id, partner_slug))) => {
                strong_enough(&session)?;
                Ok(RecruiterSession { session, partner_id, partner_slug })
            }
            _ => Err(HttpError::code(ErrorCode::Forbidden)),
        }
    }
}

impl FromRequestParts<AppState> for CurrentSession {
    type Rejection = HttpError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let (session, left) =
            CurrentSession::lookup(&state.db, &state.sessions, state.cookies.session(&parts.headers), true)
                .await?
                .ok_or_else(|| HttpError::code(ErrorCode::Unauthenticated))?;
        ExpiresIn::set(parts, left);
        Ok(session)
    }
}
