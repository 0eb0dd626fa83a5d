//! `/api/me/visibility`: who sees the profile; and the preview "as partner X sees it".

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use zelfregie_model::partner::is_partner_slug;
use zelfregie_model::{ErrorCode, Partner, Preview, Profile, Visibility};

use crate::error::HttpError;
use crate::http::extract::{etag, IfMatch, Json, Path};
use crate::http::sessions::PersonSession;
use crate::state::AppState;
use zelfregie_domain::candidates::{view_for, Candidate};
use zelfregie_domain::documents::Document;

/// The visibility choices (not in the candidate bank until turned on) and their `ETag`.
#[utoipa::path(get, path = "/api/me/visibility", tag = "profile", security(("session" = ["person"])),
    responses((status = 200, body = Visibility, headers(("ETag" = String))), (status = 401, body = zelfregie_model::ApiError)))]
pub async fn get(
    State(state): State<AppState>,
    PersonSession(session): PersonSession,
) -> Result<impl IntoResponse, HttpError> {
    let (visibility, version): (Visibility, i64) = Document::Visibility.load(&state.db, session.account_id).await?;
    Ok(([(header::ETAG, etag(Document::Visibility.name(), version))], Json(visibility)))
}

/// Replaces the visibility choices; they apply to the very next recruiter request.
#[utoipa::path(put, path = "/api/me/visibility", tag = "profile", security(("session" = ["person"])), request_body = Visibility,
    params(
        ("If-Match" = String, Header, description = "ETag of the version being replaced"),
        ("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses(
        (status = 200, body = Visibility, headers(("ETag" = String))),
        (status = 409, body = zelfregie_model::ApiError, description = "`consent_text_outdated`: turning the listing on with another text than the current one"),
        (status = 412, body = zelfregie_model::ApiError), (status = 422, body = zelfregie_model::ApiError),
        (status = 428, body = zelfregie_model::ApiError)))]
pub async fn put(
    State(state): State<AppState>,
    PersonSession(session): PersonSession,
    if_match: IfMatch,
    Json(visibility): Json<Visibility>,
) -> Result<impl IntoResponse, HttpError> {
    let expected = if_match.version(Document::Visibility.name())?;
    HttpError::ensure_valid(visibility.validate())?;
    let (visibility, version) =
        zelfregie_domain::listing::save_visibility(&state, session.account_id, expected, visibility).await?;
    tracing::info!(account_id = session.account_id, version, "visibility saved");
    Ok(([(header::ETAG, etag(Document::Visibility.name(), version))], Json(visibility)))
}

/// The profile exactly as recruiters of `partner` receive it now: the same server function
/// as the recruiter endpoints. Not logged as a disclosure: nobody else saw anything.
#[utoipa::path(get, path = "/api/me/visibility/preview/{partner}", tag = "profile", security(("session" = ["person"])),
    params(("partner" = String, Path, description = "partner slug")),
    responses((status = 200, body = Preview), (status = 404, body = zelfregie_model::ApiError, description = "unknown partner")))]
pub async fn preview(
    State(state): State<AppState>,
    PersonSession(session): PersonSession,
    Path(partner): Path<String>,
) -> Result<Json<Preview>, HttpError> {
    if !is_partner_slug(&partner) {
        return Err(HttpError::code(ErrorCode::NotFound));
    }
    let (profile, _): (Profile, i64) = Document::Profile.load(&state.db, session.account_id).await?;
    let (visibility, _): (Visibility, i64) = Document::Visibility.load(&state.db, session.account_id).await?;
    let partner = Partner::all().into_iter().find(|p| p.slug == partner).expect("checked above");
    let candidate = Candidate::load(&state.db, session.account_id).await?;
    let view = view_for(&state.reference_key, &candidate, &profile, &visibility, &partner.slug);
    Ok(Json(Preview { partner, view }))
}

/// The consent receipt of one listing consent event (turning the candidate bank on or off),
/// as a JSON download.
#[utoipa::path(get, path = "/api/me/visibility/receipts/{id}", tag = "profile", security(("session" = ["person"])),
    params(("id" = i64, Path, description = "listing consent event id")),
    responses((status = 200, description = "Kantara Consent Receipt v1.1 with DPV status", content_type = "application/json"),
              (status = 404, body = zelfregie_model::ApiError)))]
pub async fn receipt(
    State(state): State<AppState>,
    PersonSession(session): PersonSession,
    Path(id): Path<i64>,
) -> Result<impl IntoResponse, HttpError> {
    let body = zelfregie_domain::listing::receipt_of(&state, session.account_id, id).await?;
    let disposition = format!("attachment; filename=\"toestemmingsbewijs-kandidatenbank-{id}.json\"");
    Ok(([(header::CONTENT_DISPOSITION, disposition)], Json(body)))
}

/// Whether the profile is in the candidate bank, and the last day the consent for it holds
/// (twelve months after it was given or renewed).
#[utoipa::path(get, path = "/api/me/listing", tag = "profile", security(("session" = ["person"])),
    responses((status = 200, body = zelfregie_model::listing::ListingStatus), (status = 401, body = zelfregie_model::ApiError)))]
pub async fn listing(
    State(state): State<AppState>,
    PersonSession(session): PersonSession,
) -> Result<Json<zelfregie_model::listing::ListingStatus>, HttpError> {
    Ok(Json(zelfregie_domain::listing::status(&state, session.account_id).await?))
}

/// Renews the consent to be listed for twelve months from today, with one tap: recorded as a
/// new `given` with the text the person was shown (the current one).
#[utoipa::path(post, path = "/api/me/listing/renew", tag = "profile", security(("session" = ["person"])),
    request_body = zelfregie_model::listing::ListingRenewal,
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses(
        (status = 200, body = zelfregie_model::listing::ListingStatus),
        (status = 401, body = zelfregie_model::ApiError),
        (status = 404, body = zelfregie_model::ApiError, description = "not listed: nothing to renew"),
        (status = 422, body = zelfregie_model::ApiError, description = "`consent_text_outdated`: show the new text first")))]
pub async fn renew_listing(
    State(state): State<AppState>,
    PersonSession(session): PersonSession,
    Json(renewal): Json<zelfregie_model::listing::ListingRenewal>,
) -> Result<Json<zelfregie_model::listing::ListingStatus>, HttpError> {
    Ok(Json(zelfregie_domain::listing::renew(&state, session.account_id, renewal.consent_text_version).await?))
}
