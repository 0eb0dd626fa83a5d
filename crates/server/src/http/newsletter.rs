//! The newsletter (nieuwsflits): status and history, subscribe (double opt-in), withdraw in
//! one click, receipts; and the two links from e-mails, which work without logging in.

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use serde::Deserialize;
use utoipa::IntoParams;
use zelfregie_model::newsletter::{Channel, EmailToken, NewsletterStatus, Subscribe, Subscription};

use crate::error::HttpError;
use crate::http::extract::{Json, Path, Query};
use crate::http::sessions::PersonSession;
use crate::state::AppState;
use zelfregie_domain::newsletter;

/// Subscription state, every consent event (newest first), and delivery to the processor.
#[utoipa::path(get, path = "/api/me/newsletter", tag = "newsletter", security(("session" = ["person"])),
    responses((status = 200, body = NewsletterStatus), (status = 401, body = zelfregie_model::ApiError)))]
pub async fn status(
    State(state): State<AppState>,
    PersonSession(s): PersonSession,
) -> Result<Json<NewsletterStatus>, HttpError> {
    Ok(Json(newsletter::status(&state.db, s.account_id).await?))
}

/// Agree to the current consent text; a confirmation link is e-mailed (double opt-in).
#[utoipa::path(post, path = "/api/me/newsletter", tag = "newsletter", security(("session" = ["person"])), request_body = Subscribe,
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 200, body = NewsletterStatus),
              (status = 409, body = zelfregie_model::ApiError, description = "`consent_text_outdated`"),
              (status = 429, body = zelfregie_model::ApiError, description = "`too_many_attempts`: confirmation mails to this person are limited")))]
pub async fn subscribe(
    State(state): State<AppState>,
    PersonSession(s): PersonSession,
    Json(body): Json<Subscribe>,
) -> Result<Json<NewsletterStatus>, HttpError> {
    newsletter::subscribe(&state, s.account_id, body.text_version).await?;
    Ok(Json(newsletter::status(&state.db, s.account_id).await?))
}

/// Withdraw consent, at once (GDPR art. 7(3): as easy as giving it).
#[utoipa::path(delete, path = "/api/me/newsletter", tag = "newsletter", security(("session" = ["person"])),
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 200, body = NewsletterStatus)))]
pub async fn withdraw(
    State(state): State<AppState>,
    PersonSession(s): PersonSession,
) -> Result<Json<NewsletterStatus>, HttpError> {
    newsletter::withdraw(&state, s.account_id, Channel::Portal).await?;
    Ok(Json(newsletter::status(&state.db, s.account_id).await?))
}

/// The consent receipt of one event, as a JSON download.
#[utoipa::path(get, path = "/api/me/newsletter/receipts/{id}", tag = "newsletter", security(("session" = ["person"])),
    params(("id" = i64, Path, description = "consent event id")),
    responses((status = 200, description = "Kantara Consent Receipt v1.1 with DPV status", content_type = "application/json"),
              (status = 404, body = zelfregie_model::ApiError)))]
pub async fn receipt(
    State(state): State<AppState>,
    PersonSession(s): PersonSession,
    Path(id): Path<i64>,
) -> Result<impl IntoResponse, HttpError> {
    let body = newsletter::receipt_of(&state, s.account_id, id).await?;
    let disposition = format!("attachment; filename=\"toestemmingsbewijs-nieuwsflits-{id}.json\"");
    Ok(([(header::CONTENT_DISPOSITION, disposition)], Json(body)))
}

/// The result of a link from an e-mail.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct LinkResult {
    /// The subscription after using the link.
    pub subscription: Subscription,
}

/// Confirms a subscription with the token from the confirmation e-mail.
#[utoipa::path(post, path = "/api/newsletter/confirm", tag = "newsletter", request_body = EmailToken,
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 200, body = LinkResult), (status = 400, body = zelfregie_model::ApiError, description = "`token_invalid`")))]
pub async fn confirm(
    State(state): State<AppState>,
    Json(body): Json<EmailToken>,
) -> Result<Json<LinkResult>, HttpError> {
    Ok(Json(LinkResult { subscription: newsletter::confirm(&state, &body.token).await? }))
}

/// The one-click token.
#[derive(Deserialize, IntoParams)]
pub struct UnsubscribeQuery {
    /// Signed per-person token from the newsletter's `List-Unsubscribe` link.
    pub token: String,
}

/// RFC 8058 one-click unsubscribe: the URL of the newsletter's `List-Unsubscribe` header
/// (with `List-Unsubscribe-Post: List-Unsubscribe=One-Click`). Mail clients POST it as a
/// plain form, so it is exempt from the CSRF header; the signed token is its authorization.
/// Works without a session; a replay changes nothing.
#[utoipa::path(post, path = "/api/newsletter/unsubscribe", tag = "newsletter", params(UnsubscribeQuery),
    responses((status = 200, body = LinkResult), (status = 400, body = zelfregie_model::ApiError,
        description = "`token_invalid`: forged, damaged, or of an account that no longer exists (one answer for all)")))]
pub async fn unsubscribe(
    State(state): State<AppState>,
    Query(query): Query<UnsubscribeQuery>,
) -> Result<Json<LinkResult>, HttpError> {
    let account_id = newsletter::unsubscribe_account(&state, &query.token).await?;
    Ok(Json(LinkResult { subscription: newsletter::withdraw(&state, account_id, Channel::EmailLink).await? }))
}

/// A `GET` of the one-click URL (a mail client that opens `List-Unsubscribe` in a browser,
/// or a link scanner) changes nothing: it is sent to the page whose button unsubscribes.
#[utoipa::path(get, path = "/api/newsletter/unsubscribe", tag = "newsletter", params(UnsubscribeQuery),
    responses((status = 303, description = "to `/nieuwsbrief/afmelden?token=…`")))]
pub async fn unsubscribe_page(Query(query): Query<UnsubscribeQuery>) -> impl IntoResponse {
    let token: String =
        query.token.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').take(64).collect();
    axum::response::Redirect::to(&zelfregie_model::links::Page::NewsletterUnsubscribe.with_token(&token))
}
