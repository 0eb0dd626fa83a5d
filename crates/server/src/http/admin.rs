//! Administration (`/api/admin/…`, administrators only) and the invitation link's page
//! (`/api/invitations/…`, anyone with the link). Every answer is about staff accounts,
//! invitations and the log; none holds a candidate's or participant's data
//! (docs/security.md "Administration").

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use serde::Deserialize;
use utoipa::IntoParams;
use zelfregie_model::admin::{
    AuditPage, Invitation, InvitationAcceptance, InvitationDetails, NewInvitation, PartnerKeys, PublishKey,
    StaffOverview,
};
use zelfregie_model::SessionInfo;

use super::session::started;
use super::sessions::{AdminSession, AuditSession};
use crate::error::HttpError;
use crate::http::extract::{Json, Path, Query};
use crate::state::AppState;
use zelfregie_domain::admin::{self, Actor};
use zelfregie_domain::auth::login;
use zelfregie_domain::auth::session::CurrentSession;

async fn actor(state: &AppState, session: &CurrentSession) -> Result<Actor, HttpError> {
    let email = zelfregie_domain::accounts::email(&state.db, session.account_id).await?;
    Ok(Actor::Administrator(session.account_id, email))
}

/// Every staff and recruiter account (role, partner, invited by, last login, second factor,
/// status), the invitations of the last 30 days, and when the list is next to be confirmed.
#[utoipa::path(get, path = "/api/admin/staff", tag = "administration", security(("session" = ["administrator"])),
    responses((status = 200, body = StaffOverview), (status = 403, body = zelfregie_model::ApiError)))]
pub async fn staff(State(state): State<AppState>, _admin: AdminSession) -> Result<Json<StaffOverview>, HttpError> {
    Ok(Json(admin::overview(&state).await?))
}

/// Invites someone to work in the portal: a link is mailed, usable once, for seven days.
#[utoipa::path(post, path = "/api/admin/invitations", tag = "administration", security(("session" = ["administrator"])),
    request_body = NewInvitation,
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 201, body = Invitation), (status = 403, body = zelfregie_model::ApiError),
              (status = 409, body = zelfregie_model::ApiError, description = "`email_taken`: the address has an account"),
              (status = 422, body = zelfregie_model::ApiError)))]
pub async fn invite(
    State(state): State<AppState>,
    AdminSession(s): AdminSession,
    Json(new): Json<NewInvitation>,
) -> Result<(StatusCode, Json<Invitation>), HttpError> {
    let actor = actor(&state, &s).await?;
    let (invitation, _link) = admin::invite(&state, &actor, &new).await?;
    Ok((StatusCode::CREATED, Json(invitation)))
}

/// Withdraws an invitation that was not used yet: its link stops working.
#[utoipa::path(delete, path = "/api/admin/invitations/{id}", tag = "administration", security(("session" = ["administrator"])),
    params(("id" = String, Path), ("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 204), (status = 403, body = zelfregie_model::ApiError),
              (status = 404, body = zelfregie_model::ApiError, description = "no pending invitation with this id")))]
pub async fn withdraw(
    State(state): State<AppState>,
    AdminSession(s): AdminSession,
    Path(id): Path<String>,
) -> Result<StatusCode, HttpError> {
    let actor = actor(&state, &s).await?;
    admin::withdraw(&state, &actor, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Suspends an account: every session of it ends at once; it cannot log in until reinstated.
#[utoipa::path(post, path = "/api/admin/staff/{id}/suspend", tag = "administration", security(("session" = ["administrator"])),
    params(("id" = i64, Path), ("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 204), (status = 403, body = zelfregie_model::ApiError), (status = 404, body = zelfregie_model::ApiError),
              (status = 409, body = zelfregie_model::ApiError, description = "`last_administrator`")))]
pub async fn suspend(
    State(state): State<AppState>,
    AdminSession(s): AdminSession,
    Path(id): Path<i64>,
) -> Result<StatusCode, HttpError> {
    let actor = actor(&state, &s).await?;
    admin::suspend(&state, &actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Lets a suspended account work again.
#[utoipa::path(post, path = "/api/admin/staff/{id}/reinstate", tag = "administration", security(("session" = ["administrator"])),
    params(("id" = i64, Path), ("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 204), (status = 403, body = zelfregie_model::ApiError), (status = 404, body = zelfregie_model::ApiError)))]
pub async fn reinstate(
    State(state): State<AppState>,
    AdminSession(s): AdminSession,
    Path(id): Path<i64>,
) -> Result<StatusCode, HttpError> {
    let actor = actor(&state, &s).await?;
    admin::reinstate(&state, &actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Revokes an account: it is deleted, and its sessions with it.
#[utoipa::path(delete, path = "/api/admin/staff/{id}", tag = "administration", security(("session" = ["administrator"])),
    params(("id" = i64, Path), ("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 204), (status = 403, body = zelfregie_model::ApiError), (status = 404, body = zelfregie_model::ApiError),
              (status = 409, body = zelfregie_model::ApiError, description = "`last_administrator`")))]
pub async fn revoke(
    State(state): State<AppState>,
    AdminSession(s): AdminSession,
    Path(id): Path<i64>,
) -> Result<StatusCode, HttpError> {
    let actor = actor(&state, &s).await?;
    admin::revoke(&state, &actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Confirms the list of staff accounts as reviewed (every quarter).
#[utoipa::path(post, path = "/api/admin/reviews", tag = "administration", security(("session" = ["administrator"])),
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 200, body = StaffOverview), (status = 403, body = zelfregie_model::ApiError)))]
pub async fn review(
    State(state): State<AppState>,
    AdminSession(s): AdminSession,
) -> Result<Json<StaffOverview>, HttpError> {
    let actor = actor(&state, &s).await?;
    admin::review(&state, &actor).await?;
    Ok(Json(admin::overview(&state).await?))
}

/// Paging of the log.
#[derive(Deserialize, IntoParams)]
pub struct AuditQuery {
    /// Entries older than this one (the previous page's `next`).
    pub before: Option<i64>,
}

/// The administration's log, newest first (administrators and privacy staff).
#[utoipa::path(get, path = "/api/admin/audit", tag = "administration", security(("session" = ["administrator", "privacy_staff"])),
    params(AuditQuery),
    responses((status = 200, body = AuditPage), (status = 403, body = zelfregie_model::ApiError)))]
pub async fn audit(
    State(state): State<AppState>,
    _reader: AuditSession,
    Query(query): Query<AuditQuery>,
) -> Result<Json<AuditPage>, HttpError> {
    Ok(Json(admin::audit(&state, query.before).await?))
}

/// What the invitation link's page shows: the address, the role and the partner. Reading
/// it changes nothing (mail scanners open links); only the page's button uses it.
#[utoipa::path(get, path = "/api/invitations/{token}", tag = "administration", security(()),
    params(("token" = String, Path)),
    responses((status = 200, body = InvitationDetails),
              (status = 400, body = zelfregie_model::ApiError, description = "`token_invalid`: unknown, used, withdrawn or expired")))]
pub async fn details(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Json<InvitationDetails>, HttpError> {
    Ok(Json(admin::details(&state, &token).await?))
}

/// The invitation page's button, with the chosen password: creates the account, once, and
/// logs it in. The second factor is set up next; until then no page with other people's
/// data opens.
#[utoipa::path(post, path = "/api/invitations/accept", tag = "administration", security(()),
    request_body = InvitationAcceptance,
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses(
        (status = 201, body = SessionInfo, description = "Account created; the session cookie is set"),
        (status = 400, body = zelfregie_model::ApiError, description = "`token_invalid`: unknown, used, withdrawn or expired"),
        (status = 409, body = zelfregie_model::ApiError, description = "`email_taken`: the address got an account meanwhile"),
        (status = 422, body = zelfregie_model::ApiError, description = "`validation_failed`: the password; the link still works")))]
pub async fn accept(
    State(state): State<AppState>,
    headers: HeaderMap,
    Json(body): Json<InvitationAcceptance>,
) -> Result<impl IntoResponse, HttpError> {
    let logged_in = login::after_invitation(&state, body, state.cookies.session(&headers)).await?;
    Ok((StatusCode::CREATED, started(&state, logged_in)))
}

/// Every partner with its key in use (and fingerprint) and its earlier keys.
#[utoipa::path(get, path = "/api/admin/partner-keys", tag = "administration", security(("session" = ["administrator"])),
    responses((status = 200, body = Vec<PartnerKeys>), (status = 403, body = zelfregie_model::ApiError)))]
pub async fn partner_keys(
    State(state): State<AppState>,
    _admin: AdminSession,
) -> Result<Json<Vec<PartnerKeys>>, HttpError> {
    Ok(Json(admin::partner_keys(&state).await?))
}

/// Publishes or replaces a partner's key. Transfers made to an earlier key still open with
/// that key's secret half.
#[utoipa::path(put, path = "/api/admin/partner-keys/{slug}", tag = "administration", security(("session" = ["administrator"])),
    request_body = PublishKey,
    params(("slug" = String, Path), ("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 200, body = PartnerKeys), (status = 403, body = zelfregie_model::ApiError),
              (status = 404, body = zelfregie_model::ApiError, description = "no such partner"),
              (status = 422, body = zelfregie_model::ApiError, description = "`recipient_invalid`")))]
pub async fn publish_key(
    State(state): State<AppState>,
    AdminSession(s): AdminSession,
    Path(slug): Path<String>,
    Json(key): Json<PublishKey>,
) -> Result<Json<PartnerKeys>, HttpError> {
    let actor = actor(&state, &s).await?;
    admin::publish_key(&state, &actor, &slug, &key).await?;
    one_partner(&state, &slug).await
}

/// Removes a partner's key: no new transfers go to the partner until one is published.
#[utoipa::path(delete, path = "/api/admin/partner-keys/{slug}", tag = "administration", security(("session" = ["administrator"])),
    params(("slug" = String, Path), ("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 204), (status = 403, body = zelfregie_model::ApiError),
              (status = 404, body = zelfregie_model::ApiError, description = "no such partner")))]
pub async fn remove_key(
    State(state): State<AppState>,
    AdminSession(s): AdminSession,
    Path(slug): Path<String>,
) -> Result<StatusCode, HttpError> {
    let actor = actor(&state, &s).await?;
    admin::remove_key(&state, &actor, &slug).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn one_partner(state: &AppState, slug: &str) -> Result<Json<PartnerKeys>, HttpError> {
    let all = admin::partner_keys(state).await?;
    let one = all
        .into_iter()
        .find(|p| p.partner.slug == slug)
        .ok_or_else(|| HttpError::code(zelfregie_model::ErrorCode::NotFound))?;
    Ok(Json(one))
}
