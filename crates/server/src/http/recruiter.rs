//! `/api/recruiter/candidates`: a partner's compartment of the candidate bank (seed 000
//! art. 9.1). Everything here is built from `candidates::view_for`: a candidate the partner
//! may not see is not in the list, the count, the order or a search, and opening one gives
//! the same 404 as a reference that never existed. Every view is logged for the candidate.

use axum::extract::State;
use serde::Deserialize;
use utoipa::IntoParams;
use zelfregie_model::{CandidateList, CandidateView, DisclosureKind, ErrorCode};

use crate::auth::session::RecruiterSession;
use crate::auth::throttle;
use crate::candidates::{listed, log_disclosures, view_for};
use crate::error::{AppError, Json, Path, Query};
use crate::state::AppState;

/// Longest search text accepted.
const MAX_QUERY: usize = 200;

/// Search parameters.
#[derive(Deserialize, IntoParams)]
pub struct Search {
    /// Words that must all occur in what the candidate shows this partner.
    #[serde(default)]
    pub q: String,
}

/// The candidates visible to the recruiter's partner, optionally searched.
#[utoipa::path(get, path = "/api/recruiter/candidates", tag = "recruiter", security(("session" = [])), params(Search),
    responses((status = 200, body = CandidateList), (status = 403, body = zelfregie_model::ApiError, description = "not a recruiter")))]
pub async fn list(
    State(state): State<AppState>,
    recruiter: RecruiterSession,
    Query(search): Query<Search>,
) -> Result<Json<CandidateList>, AppError> {
    limit(&state, &recruiter).await?;
    if search.q.chars().count() > MAX_QUERY {
        return Err(AppError::validation(vec![zelfregie_model::FieldError::new("q", ErrorCode::TooLong)]));
    }
    let mut hits: Vec<(i64, CandidateView)> = listed(&state.db)
        .await?
        .into_iter()
        .filter_map(|(candidate, profile, vis)| {
            view_for(&state.reference_key, &candidate, &profile, &vis, &recruiter.partner_slug)
                .map(|v| (candidate.id, v))
        })
        .filter(|(_, view)| view.matches(&search.q))
        .collect();
    // Ordered by the opaque per-partner reference: the order reveals nothing hidden.
    hits.sort_by(|a, b| a.1.reference.cmp(&b.1.reference));
    let shown: Vec<(i64, &CandidateView)> = hits.iter().map(|(id, v)| (*id, v)).collect();
    log_disclosures(&state.db, recruiter.partner_id, DisclosureKind::SearchResult, &shown).await?;
    let candidates: Vec<CandidateView> = hits.into_iter().map(|(_, v)| v).collect();
    Ok(Json(CandidateList { total: candidates.len(), candidates }))
}

/// Recruiter requests are limited per recruiter account: a script cannot page through the
/// bank, nor flood a candidate's log (which counts per day anyway).
async fn limit(state: &AppState, recruiter: &RecruiterSession) -> Result<(), AppError> {
    let key = state.throttle.key("recruiter", &recruiter.session.account_id.to_string());
    throttle::attempt(&state.db, &key, state.recruiter_limit).await
}

/// One candidate, as the recruiter's partner may see it.
#[utoipa::path(get, path = "/api/recruiter/candidates/{reference}", tag = "recruiter", security(("session" = [])),
    params(("reference" = String, Path, description = "the candidate's reference for this partner")),
    responses((status = 200, body = CandidateView), (status = 404, body = zelfregie_model::ApiError)))]
pub async fn open(
    State(state): State<AppState>,
    recruiter: RecruiterSession,
    Path(reference): Path<String>,
) -> Result<Json<CandidateView>, AppError> {
    limit(&state, &recruiter).await?;
    let found = listed(&state.db).await?.into_iter().find_map(|(candidate, profile, vis)| {
        view_for(&state.reference_key, &candidate, &profile, &vis, &recruiter.partner_slug)
            .filter(|v| v.reference == reference)
            .map(|v| (candidate.id, v))
    });
    let Some((id, view)) = found else { return Err(AppError::code(ErrorCode::NotFound)) };
    log_disclosures(&state.db, recruiter.partner_id, DisclosureKind::Opened, &[(id, &view)]).await?;
    Ok(Json(view))
}
